import type { enCleanup } from './en-cleanup.js';

/** 日本語のメッセージ (cleanup)。en-cleanup.ts と同じキーをすべて持つこと。 */
export const jaCleanup: Record<keyof typeof enCleanup, string> = {
  'cleanup.help': `使い方: dsreg-doctor cleanup [ファイル…] --stale-days N [--stage 1|2|3] [オプション]

使用中のデバイスに AADSTS700003 を起こさない、段階的な古いデバイスの整理です:
  ステージ 1  古い候補を無効化します (元に戻せます)。ロールバック スクリプト付き
  ステージ 2  猶予期間の後、無効化以降に 135011 / 50155 (または利用) が見られたデバイスを再度有効化します
  ステージ 3  無効のまま、かつ使われていないデバイスだけを削除します (BitLocker キーを先に保存)
各ステージは実行した日のデータで計算します。インベントリとサインイン ログを取り直し、
同じコマンドを次の --stage で実行してください。

入力 (fleet と同じく、内容から種類を判別します):
  --devices ファイル    デバイス インベントリ (必須): 「デバイスのダウンロード」CSV、Graph devices JSON、
                        Get-MgDevice | Export-Csv
  --signins ファイル    サインイン ログ (推奨: 正確な最終利用と、ステージ 2 の根拠)
  --audit ファイル      監査ログ
  --autopilot ファイル  Autopilot デバイスのエクスポート (Get-MgDeviceManagementWindowsAutopilotDeviceIdentity)
  --intune ファイル     Intune 管理デバイスのエクスポート
  --bitlocker ファイル  BitLocker キー一覧。キーの値付きで保存された行をバックアップ済みとみなします
  --stage1 ファイル     ステージ 2・3: ステージ 1 で無効化したデバイス (一覧 CSV またはスクリプトの CSV ログ)
  ファイル              上のいずれか
  --graph               インベントリとサインインを Microsoft Graph から読み取ります (読み取りのみ。fleet --help を参照)

計画:
  --stale-days N        候補: N 日間利用のないデバイス (21 以上。90 が一般的)
  --stage 1|2|3         計算するステージ (既定: 1)
  --since-stage1 日付   ステージ 2・3: ステージ 1 で無効化した日
  --grace-days N        ステージ 1 からステージ 3 までの日数 (既定: 30)
  --as-of 日付          「今日」(既定: 現在)

出力:
  --format table|csv|json|html   レポートの形式 (既定: table)
  --scripts フォルダー  このステージの PowerShell スクリプトとデバイス一覧をフォルダーに書き出します
  --out ファイル        レポートをファイルに書き出します

終了コード: 0 計画を出力、1 ステージ 2 で再有効化が必要なデバイスあり、2 入力または引数が使えない。`,
  'cleanup.error.staleDaysRequired': '--stale-days N が必要です (一般的には 90。21 以上)。',
  'cleanup.error.staleTooShort':
    '--stale-days {days} は受け付けません: アクティビティのタイムスタンプ (approximateLastSignInDateTime) は値が 14 日 (± 5 日) より古いときにしか更新されないため、{days} 日前に使われたデバイスが使われていないように見えることがあります。21 日以上 (一般的には 90 日) を指定してください。',
  'cleanup.error.sinceRequired': '--stage {stage} には --since-stage1 日付 (ステージ 1 で無効化した日) が必要です。',
  'cleanup.error.noInventory':
    'デバイス インベントリを読み取れませんでした: --devices ファイル (または --graph) を指定してください。インベントリなしに整理を計画することはありません。',
  'cleanup.error.sideList': '{file}: dsreg-doctor cleanup で使える一覧ではありません ({detail})。',
  'cleanup.note.sideList': '{file}: {kind}、{count} 台。使える ID のない行 {skipped} 行 (最初: {line} 行目)。',
  'cleanup.note.scripts': 'スクリプトと一覧を {dir} に書き出しました: {files}',
  'cleanup.warning.no-signins':
    'サインイン ログがありません: 各デバイスの最終利用はアクティビティのタイムスタンプ (± 14 日) でしかわかりません。より安全な計画のためにサインイン ログを指定してください。',
  'cleanup.warning.no-bitlocker-list':
    'BitLocker キー一覧がありません: インベントリの行に BitLocker キーが示されたデバイスだけを保留しています。ステージ 3 の前にキー一覧を (キーの値付きで) エクスポートしてください。',
  'cleanup.warning.no-autopilot-list':
    'Autopilot のエクスポートがありません: Autopilot デバイスは Graph インベントリの ZTDID 物理 ID でしか判別できません。Autopilot のエクスポートを指定してください。',
  'cleanup.warning.no-stage1-list':
    'ステージ 1 の一覧 (--stage1) がありません: インベントリで無効のデバイスをすべてステージ 1 で無効化したものとみなします (別の理由で無効のデバイスも含みます)。',
  'cleanup.warning.grace-not-over': '猶予期間が終わっていません: {date} より前には何も削除しません。再度有効化するデバイスは今すぐ一覧にしています。',
  'cleanup.warning.signins-before-stage1':
    'サインイン ログがステージ 1 より後から始まっています: ステージ 1 以降の利用が欠けている可能性があります。ステージ 1 の日付以降のログをエクスポートしてください。',
  'cleanup.reason.active': '期間内に利用あり (サインインまたはアクティビティのタイムスタンプ)',
  'cleanup.reason.blank-activity': 'アクティビティのタイムスタンプが空: 不明であり、古いとは言えない',
  'cleanup.reason.autopilot': 'Autopilot デバイス: Entra ではなく Intune / Autopilot で整理する',
  'cleanup.reason.hybrid': 'ハイブリッド参加: オンプレミス AD のコンピューターを無効化・削除し、Entra Connect で同期する',
  'cleanup.reason.mdm-managed': 'MDM 管理: 先に MDM でリタイヤする',
  'cleanup.reason.bitlocker-not-backed-up': 'BitLocker 回復キーがバックアップされていない',
  'cleanup.reason.printer': 'プリンターまたはシステム管理のデバイス: それぞれのポータルで削除する',
  'cleanup.reason.no-object-id': 'インベントリにオブジェクト ID がない: スクリプトにできない',
  'cleanup.reason.enabled-again': 'ステージ 1 以降に再度有効化された (管理者または同期)',
  'cleanup.reason.reenable': 'ステージ 1 以降に利用あり: 再度有効化する',
  'cleanup.reason.not-in-inventory': 'インベントリにもう存在しない',
  'cleanup.title': '段階的な古いデバイスの整理: ステージ {stage}',
  'cleanup.summary':
    '{asOf} 時点、{staleDays} 日で古いとみなす: 候補 {candidates} 台、保留 {heldBack} 台、無効化 {disable} 台、再有効化 {reEnable} 台、削除 {delete} 台。',
  'cleanup.grace': 'ステージ 1 は {since}。猶予期間 {graceDays} 日 ({until} まで)。',
  'cleanup.section.heldBack': '保留 (理由別)',
  'cleanup.section.disable': 'ステージ 1: 無効化 ({count} 台)',
  'cleanup.section.reEnable': 'ステージ 2: 再度有効化 (ステージ 1 以降に利用あり) ({count} 台)',
  'cleanup.section.pendingDelete': '無効のまま利用なし: ステージ 3 で削除する予定 ({count} 台)',
  'cleanup.section.delete': 'ステージ 3: 削除 ({count} 台)',
  'cleanup.stage.disable': 'ステージ 1 (無効化)',
  'cleanup.stage.delete': 'ステージ 3 (削除)',
  'cleanup.section.wouldBreak': '各ステージで影響を受けるもの (ログによる)',
  'cleanup.wouldBreak.none': '{stage}: なし (一覧のどのデバイスもサインインやデバイス エラーがありません)。',
  'cleanup.wouldBreak.some': '{stage}: 一覧のうち {count} 台にログ上の利用があります: {ids}',
  'cleanup.section.activityAge': 'デバイスの最終アクティビティからの日数 (インベントリ)',
  'cleanup.age.blank': '空',
  'cleanup.restorable':
    'テナントで削除済みデバイスが保持される場合 (デバイスの論理削除、プレビュー)、削除した Entra 参加・Entra 登録デバイスは {until} まで復元できます。それ以外は完全に削除されます。',
  'cleanup.restorable.none': '復元不可',
  'cleanup.col.name': 'デバイス',
  'cleanup.col.deviceId': 'デバイス ID',
  'cleanup.col.joinType': '参加の種類',
  'cleanup.col.lastActivity': '最終アクティビティ',
  'cleanup.col.age': '日数',
  'cleanup.col.reasons': '理由',
  'cleanup.col.errors': 'ステージ 1 以降',
  'cleanup.col.restorableUntil': '復元期限',
  'cleanup.none': '(なし)',
  'cleanup.more': '… ほか {count} 台 (--format csv または json を参照)',
  'cleanup.next.1':
    '次に: 無効化スクリプトを実行します (ドライ ランの後に -Apply)。ロールバック スクリプトは保管してください。{graceDays} 日後にデータを取り直して実行: dsreg-doctor cleanup --stage 2 --since-stage1 {today} --stage1 <無効化の一覧>',
  'cleanup.next.2': '次に: 再有効化スクリプトを今すぐ実行します。{until} 以降に、取り直したデータでステージ 3 を実行します。',
  'cleanup.next.3': '次に: 削除スクリプトを実行します (ドライ ランの後に -Apply)。BitLocker キーを保存し、その後に有効化または利用されたデバイスは飛ばします。',
  'cleanup.script.synopsis.disable': 'dsreg-doctor 段階的整理 ステージ 1: 古いデバイスを無効化します (-Apply を付けない限りドライ ラン)。',
  'cleanup.script.synopsis.rollback':
    'dsreg-doctor 段階的整理 ステージ 1 のロールバック: ステージ 1 で無効化したデバイスをすべて有効に戻します (-Apply を付けない限りドライ ラン)。',
  'cleanup.script.synopsis.enable':
    'dsreg-doctor 段階的整理 ステージ 2: ステージ 1 以降に使われたデバイスを再度有効化します (-Apply を付けない限りドライ ラン)。',
  'cleanup.script.synopsis.restore':
    'dsreg-doctor: 削除済みアイテムから、30 日以内のデバイス オブジェクトを復元します (-Apply を付けない限りドライ ラン)。PC 側は何も変わりません。復元後にユーザーはサインアウトとサインイン (または再起動) をします。',
  'cleanup.script.synopsis.delete': 'dsreg-doctor 段階的整理 ステージ 3: 無効のまま利用のないデバイスを削除します (-Apply を付けない限りドライ ラン)。',
  'cleanup.script.description':
    'Microsoft Graph PowerShell 用です (先に Connect-MgGraph)。-Apply なしでは実行内容を表示するだけです。-Apply 付きでは各デバイスを先に Graph で確認し、変更ごとに確認を求めます (-Confirm:$false で省略、-WhatIf でプレビュー)。すべての変更を CSV ログに書きます。Mg コマンドレットが受け取るのはデバイス ID ではなくオブジェクト ID です。',
  'cleanup.script.permissions': 'Graph のアクセス許可 {scopes} と、ロール {roles} が必要です。',
  'cleanup.script.param.apply': '変更を実行します。付けない場合はドライ ランです。',
  'cleanup.script.param.batchSize': '1 バッチのデバイス数 (既定 50)。',
  'cleanup.script.param.pauseSeconds': 'バッチ間の待ち時間 (秒、既定 30)。',
  'cleanup.script.comment.devices': 'このステージのデバイス (入力の値。データとしてのみ使用)。',
  'cleanup.script.dryRunHint': 'ドライ ラン: 何も変更しません。変更するには -Apply を付けて再実行してください。',
  'cleanup.script.dryRun': '[ドライ ラン] 実行予定: {0}',
  'cleanup.script.notConnected': 'Microsoft Graph に接続していません。次を実行してください: Connect-MgGraph -Scopes {0}',
  'cleanup.script.missingScope': 'Graph のセッションにアクセス許可 {0} がありません。付けて接続し直してください。',
  'cleanup.script.log': 'CSV ログ: {0}',
  'cleanup.script.changed': '完了: {0}',
  'cleanup.script.failed': '失敗: {0}',
  'cleanup.script.skippedOther': 'スキップ: このオブジェクト ID は別のデバイスのものになっています: {0}',
  'cleanup.script.skippedEnabled': 'スキップ: ステージ 1 以降に有効に戻されています: {0}',
  'cleanup.script.skippedActive': 'スキップ: 計画の作成後に使われています: {0}',
  'cleanup.script.skippedKeys': 'スキップ: BitLocker キーを保存できませんでした: {0}',
  'cleanup.script.keysSaved': 'BitLocker キーを {0} に保存しました',
  'cleanup.script.pause': 'バッチ間で {0} 秒待機します…',
  'cleanup.script.done': '終了: 一覧のデバイス {0} 台。',
};
