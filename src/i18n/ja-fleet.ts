import type { enFleet } from './en-fleet.js';

/** 日本語のメッセージ (fleet)。en-fleet.ts と同じキーをすべて持つこと。 */
export const jaFleet: Record<keyof typeof enFleet, string> = {
  'fleet.help': `使い方: dsreg-doctor fleet [ファイル…] [--signins ファイル]… [--devices ファイル]… [--audit ファイル]… [オプション]

サインイン ログ、デバイス一覧、監査ログ、収集した dsregcmd /status の出力を突き合わせ、デバイス エラー
(まず AADSTS700003、次に 135011、50155、50097、50187、53000、53001、130008) で失敗しているデバイス、
その原因、デバイスを削除または無効化したユーザーやアプリ、各デバイスで最初に行う対処手順を示します。
--planned-deletions または --stale-days を指定すると、古いデバイスのクリーンアップで何が壊れるかも示します。

入力 (いずれも省略可能・複数指定可能。形式はファイル名ではなく内容から判断します):
  --signins ファイル    サインイン ログ: 管理センターのダウンロード (CSV または JSON、対話型・非対話型)、
                        Graph の signIns JSON (value 配列、複数ページ、JSON Lines)、
                        Log Analytics の SigninLogs / AADNonInteractiveUserSignInLogs のエクスポート
  --devices ファイル    デバイス一覧: 管理センターの「デバイスのダウンロード」CSV、Graph の devices JSON、
                        Get-MgDevice | Export-Csv の出力、Get-AzureADDevice | Export-Csv の出力、
                        Graph の BitLocker 回復キー一覧、Intune のデバイス エクスポート (参加の種類のみ使用)
  --audit ファイル      監査ログ: 管理センターのダウンロード (CSV または JSON)、Graph の directoryAudits JSON、
                        Log Analytics の AuditLogs のエクスポート
  --statuses フォルダー  収集した dsregcmd /status の出力や収集バンドルのフォルダー
  ファイル              上記のいずれか、または削除済みデバイスの一覧 (Graph beta の deletedItems JSON、
                        Get-EntraDeletedDevice / Get-MgDirectoryDeletedItemAsDevice の CSV または JSON)
                        (内容から種類を判断します)
  --date-order dmy|mdy|ymd   05/06/2025 のような日付を、列の値だけで順序を決められないときの読み方
                        (Windows PowerShell 5.1 や Excel はカルチャの日付形式で書き出します)
  --columns ファイル    列名を認識できないファイルの列の対応表: JSON {"ファイルの列名": "英語の列名"}
                        または CSV の行: ファイルの列名,英語の列名
  -                     入力を 1 つ標準入力から読み取ります

クリーンアップの影響:
  --planned-deletions ファイル  削除予定のデバイス ID またはオブジェクト ID (1 行に 1 つ)、
                                またはクリーンアップが削除する CSV / JSON
  --stale-days N                アクティビティのタイムスタンプが N 日より古いデバイスを削除候補とします
  --as-of 日付                  --stale-days の基準日 (既定: 現在)。例: 2025-06-04

出力:
  --format table|csv|json|html   出力形式 (既定: table)。html はグラフ付きの単一ファイルです
  --table affected|cleanup       csv で出力する表 (既定: affected)
  --out ファイル                 出力をファイルに書き込みます
  --restore-script ファイル      まだ復元できる削除済みデバイスを復元する PowerShell スクリプト
                                 (-Apply を付けない限りドライ ラン)
  --kql                          同じ結果を Azure Monitor で求める Log Analytics (KQL) クエリを表示します。
                                 エクスポートできないほど大きいテナント向けです (--days N: 対象期間、既定 30 日)
  --no-progress                  標準エラー出力に進行状況を表示しません
  --lang ja|en                   表示言語

Microsoft Graph (読み取り専用。エクスポートしたファイルの代わりに、またはファイルと併用):
  --graph                    Microsoft Graph からデバイス、デバイス エラーのサインイン (対話型・非対話型)、
                             デバイスの監査イベントを読み取ります
  --since 7d|24h|DATE        サインインと監査の期間 (既定: 7d)
  --graph-token TOKEN        取得済みのトークンを使います (または DSREG_DOCTOR_GRAPH_TOKEN。例:
                             az account get-access-token --resource-type ms-graph)
  --tenant ID --client-id ID --client-secret S | --certificate PEM
                             定期実行用のアプリによるサインイン (シークレットは DSREG_DOCTOR_CLIENT_SECRET でも可)
                             トークンもアプリの資格情報もない場合: ターミナルでのデバイス コード サインイン
  --cloud global|usgov|china 国別クラウド (既定: global)
  --graph-base URL           別の Graph のルート (プロキシ、テスト用)。http:// はループバックのみ
  --no-non-interactive       非対話型サインイン (beta エンドポイント) を読み取りません
必要なアクセス許可: Device.Read.All、AuditLog.Read.All、Directory.Read.All (例: グローバル閲覧者ロール)。
トークンは表示もレポートへの書き込みもしません。ディスクにキャッシュもしません。

終了コード: 0 影響を受けたデバイスもリスクもありません、1 影響を受けたデバイスがある、または使用中のデバイスを
壊すクリーンアップです、2 入力または引数を使用できません (使用できる行がない入力や、半分を超える行を
使用できなかった入力があるときも 2。レポートは出力します)、3 内部エラーです。`,

  'graph.error.badBase': '{option} {value}: https:// の URL を指定してください (http:// は 127.0.0.1 / localhost の場合のみ使えます)。',
  'graph.error.badSince': '--since "{value}": 7d、24h、90m、または 2026-11-01 のような日付を指定してください。',
  'graph.error.appNeedsIds': 'アプリによるサインイン (--client-secret または --certificate) には --tenant と --client-id が必要です。',
  'graph.error.nothingRead': 'Microsoft Graph から何も読み取れませんでした: {reason}',
  'graph.error.badLoginBase':
    '--login-base {value}: ループバックの URL (127.0.0.1、localhost) だけを受け付けます。テストとローカルのデバッグ用プロキシのためのオプションです。',
  'graph.error.badCertificate':
    '{file}: 証明書として使えません ({reason})。PEM ファイルには CERTIFICATE と、暗号化されていない PRIVATE KEY のブロックが必要です。',
  'graph.error.kqlWithGraph': '--kql は Log Analytics で実行するクエリを表示するもので、Microsoft Graph は読み取りません。どちらか一方を指定してください。',
  'graph.warn.secretArgument': 'コマンド ラインの {option} はプロセス一覧やシェルの履歴から見えます。環境変数の使用をお勧めします (--help を参照)。',
  'graph.progress.page': 'Graph {dataset}: {pages} ページ、{rows} 行',
  'graph.progress.throttle': 'Graph {dataset}: HTTP {status}。{seconds} 秒待ってから再試行します ({attempt} 回目)',
  'graph.failure.permission':
    '{request} に対して HTTP {status}: サインインに {permission} のアクセス許可がありません。{role} ロールを持つ管理者が付与 (アプリの場合は同意) できます。{detail}',
  'graph.failure.throttled':
    '{request} に対して Graph が HTTP {status} を返し続けました ({attempts} 回試行)。時間をおくか、--since の期間を短くして再実行してください。',
  'graph.failure.http': '{request} に対して HTTP {status}: {detail}',
  'graph.failure.malformed': '{request} に対して Graph が不正なページを返しました ({detail})。',
  'graph.failure.network': '{request} で Microsoft Graph に接続できませんでした: {detail}',
  'graph.failure.foreignNextLink': '中止しました: {request} の次のページが別のホスト ({detail}) を指しています。トークンをそこへ送ることはありません。',
  'graph.failure.auth': 'Microsoft Graph へのサインインに失敗しました: {detail}',
  'graph.partial':
    'データは一部だけです: {dataset} の読み取りが {pages} ページ目のあとで止まりました。{reason} レポートにはそれまでに読み取った分が含まれます。',
  'fleet.error.noInput':
    'fleet には入力が 1 つ以上必要です。--signins、--devices、--audit またはファイル名を指定してください (dsreg-doctor fleet --help を参照)。',
  'fleet.error.statusesUnreadable': '--statuses {file}: ファイルまたはフォルダーが見つかりません ({reason})。読み取るものがありません。',
  'fleet.error.nothingRead': '入力を 1 つも読み取れませんでした。上のメッセージを確認してください。',
  'fleet.error.badNumber': '{option} の値 "{value}" が正しくありません。日数を 1 以上の整数で指定してください。',
  'fleet.error.badDate': '--as-of の値 "{value}" が正しくありません。2025-06-04 や 2025-06-04T09:00:00Z のような日付を指定してください。',
  'fleet.error.twoStdin': '標準入力 (-) から読み取れる入力は 1 つだけです。',

  'fleet.note.file.not-found': '{file}: ファイルが見つかりません。スキップしました。',
  'fleet.note.file.is-directory': '{file}: フォルダーです。--statuses で指定するか、中のファイルを指定してください。',
  'fleet.note.file.unreadable': '{file}: 読み取れません ({detail})。スキップしました。',
  'fleet.note.file.empty': '{file}: ファイルが空です。',
  'fleet.note.file.binary': '{file}: テキストのエクスポートではありません (ZIP や Excel の .xlsx ブックなどのバイナリ ファイル)。スキップしました。',
  'fleet.note.file.unrecognized-csv':
    '{file}: 列 ({detail}) がサインイン ログ、デバイス一覧、監査ログのエクスポートの列ではありません。スキップしました。サインイン ログには Date (UTC)、Sign-in error code (または Status)、Device ID の列が、デバイス一覧には deviceId と accountEnabled、trustType、approximateLastSignInDateTime のいずれかが、監査ログには Date (UTC)、Activity、Target1ObjectId が必要です。--columns ファイル でこのファイルの列名を対応付けてください (dsreg-doctor fleet --help を参照)。',
  'fleet.note.file.ambiguous-date-order':
    '{file}: 列 {detail} の日付は日/月の順とも月/日の順とも読め (例: 05/06/2025)、どちらかを決められる値がないため、このファイルは使用しませんでした。--date-order dmy (日が先)、mdy (月が先)、ymd のいずれかを指定してください。',
  'fleet.note.unusable': '{file}: {read} 行のうち使用できたのは {used} 行です。この入力は信頼できません (終了コード 2)。',
  'fleet.error.badColumns': '--columns {file}: 列の対応表を読み取れません ({reason})。',
  'fleet.note.file.unrecognized-json': '{file}: レコード ({detail} を含む) がサインイン、デバイス、監査イベントのいずれでもありません。スキップしました。',
  'fleet.note.file.duplicate-column':
    '{file}: ヘッダー行 {detail}: 読み取りに使う列が複数あります (括弧内は列番号)。どちらにデータがあるか判断できないため、このファイルは使いません。余分な列を削除するか名前を変えてください。',
  'fleet.note.file.unrecognized': '{file}: このコマンドで読み取れるエクスポートではありません。スキップしました。',
  'fleet.note.skipped': '{file}: {read} 行のうち {count} 行を使用しませんでした ({reasons})。最初は {line} 行目です。',
  'fleet.note.skippedNoLine': '{file}: {read} 行のうち {count} 行を使用しませんでした ({reasons})。',
  'fleet.note.statusSkipped': '{file}: {reason}。使用しませんでした。',
  'fleet.note.unknownColumns': '{file}: 認識できない列が {count} 個あり、無視しました: {columns}',
  'fleet.note.givenAs': '{file}: --{option} で指定されましたが、内容は{kind}です。{kind}として読み取りました。',
  'fleet.note.read': '{file}: {format}、{used} 行を使用しました。',
  'fleet.note.rows': '行数: 読み取り {read} = 使用 {used} + 未使用 {skipped}',
  'fleet.note.staleTooShort':
    '--stale-days {days}: アクティビティのタイムスタンプは約 14 日ごとにしか更新されないため、21 日以内に使われたデバイスも古く見えることがあります。21 以上 (通常は 90) を指定してください。',
  'fleet.note.parallelFailed': '大きなファイルの並列読み取りに失敗しました ({detail})。1 つのスレッドで読み直しました。',
  'fleet.note.kqlTooMany':
    '削除予定の一覧にデバイス ID が {count} 個あります。クエリには最初の {shown} 個だけを埋め込みます。残りはウォッチリストを使用してください。',

  'fleet.progress.rows': '{rows} 行',
  'fleet.progress.rate': '{rate} 行/秒',
  'fleet.progress.eta': '残り {eta}',

  'fleet.kind.signins': 'サインイン ログ',
  'fleet.kind.devices': 'デバイス一覧',
  'fleet.kind.audit': '監査ログ',
  'fleet.kind.bitlocker-keys': 'BitLocker 回復キーの一覧',
  'fleet.kind.planned-deletions': '削除予定の一覧',
  'fleet.kind.statuses': 'dsregcmd /status の出力',
  'fleet.kind.intune-devices': 'Intune のデバイス エクスポート',

  'fleet.reason.malformed-csv': 'CSV の引用符が壊れています',
  'fleet.reason.wrong-column-count': '列の数が違います',
  'fleet.reason.invalid-json': 'JSON として正しくありません',
  'fleet.reason.truncated-json': 'ファイルが途中で切れています',
  'fleet.reason.not-an-object': 'JSON のレコードではありません',
  'fleet.reason.unrecognized-record': '別の種類のレコードです',
  'fleet.reason.missing-time': '日時を読み取れません',
  'fleet.reason.missing-result': '結果コードがありません',
  'fleet.reason.no-device-id': 'デバイスのないサインインです (デバイス エラーではありません)',
  'fleet.reason.missing-device-id': 'デバイス ID がありません',
  'fleet.reason.not-device-activity': 'デバイスのアクティビティではありません',
  'fleet.reason.other-device-activity': '削除・無効化以外のデバイスのアクティビティです',
  'fleet.reason.failed-operation': '操作が失敗しています',
  'fleet.reason.no-id': 'デバイス ID もオブジェクト ID もありません',
  'fleet.reason.not-dsregcmd-status': 'dsregcmd /status の出力ではありません',
  'fleet.reason.status-without-device-id': 'DeviceId のない出力です',
  'fleet.reason.unreadable-status': '読み取れません',
  'fleet.reason.ambiguous-date': '日付が日/月と月/日のどちらの順か決められません',

  'fleet.cause.deleted': 'デバイス オブジェクトの削除',
  'fleet.cause.disabled': 'デバイス オブジェクトの無効化',
  'fleet.cause.device-auth-failed': 'デバイス認証の失敗',
  'fleet.cause.device-not-identified': 'サインインでデバイスを識別できない',
  'fleet.cause.not-compliant': '非準拠 (条件付きアクセス)',
  'fleet.cause.not-hybrid-joined': 'ハイブリッド参加済みではない (条件付きアクセス)',

  'fleet.state.present': 'あり',
  'fleet.state.disabled': '無効',
  'fleet.state.missing': 'なし',
  'fleet.state.soft-deleted': '削除済み (復元可能)',
  'fleet.state.unknown': '不明',

  'fleet.source.signin': 'サインイン ログ',
  'fleet.source.inventory': 'デバイス一覧',
  'fleet.source.status': 'dsregcmd /status の出力',
  'fleet.source.unknown': '不明',
  'fleet.source.audit': '監査ログ (削除イベント)',
  'fleet.source.intune': 'Intune のエクスポート',

  'fleet.action.delete': '削除',
  'fleet.action.disable': '無効化',

  'fleet.risk.high': '高',
  'fleet.risk.medium': '要確認',
  'fleet.risk.low': '低',

  'fleet.cleanupReason.signs-in': 'まだサインインしています。削除するとユーザーに AADSTS700003 が発生します',
  'fleet.cleanupReason.users-failing': '現在ユーザーのサインインが失敗しています',
  'fleet.cleanupReason.hybrid': 'ハイブリッド参加済みです。Entra ID だけで削除すると「保留中」として戻り、再登録が必要になります',
  'fleet.cleanupReason.bitlocker-keys': 'BitLocker 回復キーを保持しています。削除するとキーも削除されます',
  'fleet.cleanupReason.autopilot': 'Autopilot デバイスです。Entra ID ではなく Intune でクリーンアップしてください',
  'fleet.cleanupReason.mdm-managed': 'Intune などの MDM で管理されています。先に MDM でインベントリから削除 (リタイヤ) してください',
  'fleet.cleanupReason.not-in-inventory': 'デバイス一覧にありません。ID を確認してください',

  'fleet.cleanupAction.keep': '削除しない',
  'fleet.cleanupAction.delete-on-premises': 'オンプレミス AD でコンピューターを無効化または削除し、同期で反映します',
  'fleet.cleanupAction.clean-up-in-intune': 'Intune / Autopilot でクリーンアップします',
  'fleet.cleanupAction.back-up-bitlocker-keys': 'BitLocker 回復キーをバックアップしてから無効化します',
  'fleet.cleanupAction.retire-in-mdm': 'MDM でリタイヤしてから無効化します',
  'fleet.cleanupAction.check-id': 'ID を確認します',
  'fleet.cleanupAction.disable-then-delete': 'まず無効化し、猶予期間の後に削除します',

  'fleet.order.exclude-active': 'まだサインインしているデバイスを一覧から外します。',
  'fleet.order.back-up-bitlocker-keys': 'BitLocker 回復キーを保持しているデバイスのキーをバックアップします。',
  'fleet.order.clean-up-autopilot-in-intune': 'Autopilot デバイスは Entra ID ではなく Intune でクリーンアップします。',
  'fleet.order.retire-in-mdm': 'MDM で管理されているデバイスは、先に Intune (または利用中の MDM) でリタイヤします。',
  'fleet.order.hybrid-on-premises': 'ハイブリッド参加済みデバイスは、オンプレミス AD でコンピューターを無効化または削除し、Entra Connect の同期で反映します。',
  'fleet.order.disable': '残りのデバイスを無効化します (accountEnabled = false)。無効化は元に戻せます。',
  'fleet.order.wait':
    '猶予期間 (例: 30 日) を置き、まだ使われているデバイスの AADSTS135011 がサインイン ログに出ていないか確認します。出ていれば有効に戻します。',
  'fleet.order.delete': '無効のまま使われていないデバイスを削除します。削除は元に戻せません。',

  'fleet.title': 'dsreg-doctor フリート レポート',
  'fleet.asOf': '基準日時: {asOf}',
  'fleet.section.summary': '概要',
  'fleet.section.affected': '影響を受けたデバイス',
  'fleet.section.cleanup': 'クリーンアップの影響',
  'fleet.section.inputs': '入力',
  'fleet.section.charts': 'グラフ',
  'fleet.summary.affected': '{count} 台のデバイスでデバイス エラーによるサインインの失敗があります (うち {recovered} 台はその後サインインに成功しています)。',
  'fleet.summary.none': 'デバイス エラーで失敗したサインインは入力にありません。',
  'fleet.summary.signIns':
    'サインイン: 読み取り {rows} 件、失敗 {failures} 件、うちデバイス エラー {deviceErrors} 件 ({first} から {last})。確認できたデバイスは {devices} 台です。',
  'fleet.summary.withoutDevice': 'デバイス ID のないデバイス エラー (未登録のデバイスや SSO に対応していないブラウザー): {list}',
  'fleet.summary.inventory': 'デバイス一覧: {devices} 台 (うち無効 {disabled} 台)。',
  'fleet.summary.audit': '監査ログ: 削除 {deletes} 件、無効化 {disables} 件。影響を受けたデバイスと対応付けられたのは {matched} 件です。',
  'fleet.summary.statuses': 'dsregcmd /status ファイル: {files} 件、影響を受けたデバイスと対応付けられたのは {matched} 件です。',
  'fleet.summary.cleanup': 'クリーンアップ: 削除対象 {candidates} 台。使用中 (削除しない) {high} 台、要確認 {medium} 台、低リスク {low} 台です。',
  'fleet.summary.cleanupBlank': '{count} 台はアクティビティのタイムスタンプが空のため、古いデバイスとして数えていません。',
  'fleet.summary.order': '推奨する順序:',

  'fleet.chart.byDay': '日ごとのデバイス エラー件数',
  'fleet.chart.byCode': 'エラー コード別の影響デバイス数',
  'fleet.chart.byJoinType': '参加の種類別の影響デバイス数',
  'fleet.chart.byCause': '原因別の影響デバイス数',
  'fleet.chart.actors': 'デバイスを削除・無効化したユーザーやアプリ',
  'fleet.chart.cleanupRisk': 'リスク別の削除候補',
  'fleet.chart.empty': 'データがありません。',

  'fleet.col.device': 'デバイス',
  'fleet.col.deviceId': 'デバイス ID',
  'fleet.col.name': '名前',
  'fleet.col.os': 'OS (オペレーティング システム)',
  'fleet.col.joinType': '参加の種類',
  'fleet.col.joinTypeSource': '情報源',
  'fleet.col.inventory': 'Entra ID 上',
  'fleet.col.cause': '原因',
  'fleet.col.codes': 'エラー コード',
  'fleet.col.failures': '失敗数',
  'fleet.col.users': 'ユーザー',
  'fleet.col.apps': 'アプリ',
  'fleet.col.first': '最初の失敗',
  'fleet.col.last': '最後の失敗',
  'fleet.col.lastSuccess': '最後の成功',
  'fleet.col.deletedBy': '削除・無効化した人',
  'fleet.col.deletedAt': '日時',
  'fleet.col.firstStep': '最初の手順',
  'fleet.col.risk': 'リスク',
  'fleet.col.reasons': '理由',
  'fleet.col.action': '推奨',
  'fleet.col.activeSince': '最後の利用',
  'fleet.col.file': 'ファイル',
  'fleet.col.kind': '種類',
  'fleet.col.format': '形式',
  'fleet.col.read': '読み取り',
  'fleet.col.used': '使用',
  'fleet.col.skipped': '未使用',
  'fleet.col.problems': '問題',
  'fleet.col.actor': '実行者',
  'fleet.col.deletes': '削除',
  'fleet.col.disables': '無効化',
  'fleet.col.day': '日付',
  'fleet.col.count': '件数',
  'fleet.more': '…ほか {count} 台 (すべて表示するには --format csv、json または html を使用してください)。',
  'fleet.noStep': 'デバイス オブジェクトに関する手順はありません (エラー コードを参照)',
  'fleet.recovered': '回復済み',
  'fleet.matchedByName': 'デバイス名で対応付け',
  'fleet.none': '—',
  'fleet.html.note': 'dsreg-doctor {version} が「入力」に示したエクスポートから作成しました。このファイルはネットワークから何も読み込みません。',
  'fleet.html.lineInfo': '{line} 行目',

  'fleet.kql.header':
    'dsreg-doctor fleet: 同じ分析を Log Analytics (Azure Monitor / Microsoft Sentinel) の KQL で行うクエリです。\nSignInLogs、NonInteractiveUserSignInLogs、AuditLogs を受信しているワークスペースで各クエリを実行してください。\n対象期間: {days} 日 (`lookback` で変更できます)。',
  'fleet.kql.affected': '影響を受けたデバイス: サインインがデバイス エラーで失敗したすべてのデバイスと、ユーザー、アプリ、最初と最後の失敗日時です。',
  'fleet.kql.byDay': '日ごと・エラー コードごとのデバイス エラー件数 (レポートのグラフと同じです)。',
  'fleet.kql.withoutDevice': 'デバイス ID のないサインインでのデバイス エラー (未登録のデバイスや SSO に対応していないブラウザー)。',
  'fleet.kql.deletions': 'デバイスを削除・無効化したユーザーやアプリ (TargetResources[0].id はデバイス ID ではなくオブジェクト ID です)。',
  'fleet.kql.actors': 'デバイスの削除・無効化が多い実行者の上位です。',
  'fleet.kql.affectedWithDeletions':
    '影響を受けたデバイスと、その原因となった削除です。削除イベントの AdditionalDetails にあるデバイス ID で結合し、\nID で見つからないデバイスだけ、その名前を持つオブジェクトが 1 つの場合に名前で結合します (MatchedBy に結合方法を示します)。',
  'fleet.kql.cleanupPlanned':
    'クリーンアップの影響: 削除予定の {count} 台のうち、まだサインインに成功しているデバイスです (削除すると AADSTS700003 が発生します)。',
  'fleet.kql.cleanupTooMany':
    'ここには {count} 個のうち最初の {shown} 個の ID だけを埋め込んでいます。全件はウォッチリストに登録し、_GetWatchlist() を使用してください。',
  'fleet.kql.cleanupObjectIds': '削除予定のうち {count} 個はオブジェクト ID で、サインイン ログにはありません。先に Graph でデバイス ID に変換してください。',
  'fleet.kql.cleanupActive':
    'クリーンアップの影響: まだサインインに成功しているデバイスです。古いデバイスの基準 ({days} 日) で削除対象になるデバイスがここにあれば、それは使用中です。',
};
