import type { MessageKey } from './en.js';

/**
 * 日本語のメッセージ (CLI など)。ja-report.ts と合わせて en.ts と同じキーをすべて持つこと
 * (all.ts でコンパイラが、テストでも確認)。機能別のカタログは all.ts でまとめ、load.ts で個別に読み込む。
 */
export const ja = {
  // --- CLI -----------------------------------------------------------------------------------
  'cli.usage': `dsreg-doctor: \`dsregcmd /status\` の出力から Microsoft Entra ID のデバイス登録の問題
(AADSTS700003 など) を診断し、この端末に合った対処手順を示します。

使い方: dsreg-doctor <コマンド> [オプション]

コマンド:
  diagnose FILE|-   dsregcmd /status の出力から問題をすべて見つけ、対処計画を示します
  parse FILE|-      読み取り結果 (セクション、フィールド、行番号、警告) を表示します
  explain CODE      エラー コード (AADSTS…、0x…、DRS サーバー エラー) を説明します
  verify BEFORE AFTER  対処の前後に取得した出力を比べます
  script FILE|-     対処計画を安全に実行する PowerShell スクリプトを作成します (--collect: 読み取り専用の
                    収集スクリプト、--intune: Intune 修復用の組)
  redact FILE|-     出力を共有できるよう、ID・名前・UPN をマスクします
  serve             127.0.0.1 で動くローカル Web アプリ (貼り付けて、確認して、手順に沿って対処)
  fleet             サインイン ログ・デバイス一覧・監査ログから、影響を受けたすべてのデバイス、原因、
                    予定しているクリーンアップで壊れるものを示します (--graph: Microsoft Graph から読み取り)
  cleanup           700003 を起こさない段階的な古いデバイスの整理: 無効化、監視、削除
  lab               模擬テナントと PC: 700003 とその対処を再現します (list、run、render、check)

共通オプション:
  --lang ja|en      表示言語 (既定: LC_ALL/LANG から判定、なければ英語)
  --out FILE        主な出力を標準出力ではなく FILE に書き込みます
  --encoding NAME   入力の文字コードを指定します (utf-8, utf-16le, utf-16be, cp932, cp1252, cp850)
  -h, --help        コマンドのヘルプ

終了コード: 0 問題なし、1 問題あり、2 入力または引数が使えない、3 内部エラー。
各コマンドのオプションは \`dsreg-doctor <コマンド> --help\` で確認できます。`,
  'cli.help.diagnose': `使い方: dsreg-doctor diagnose FILE|- [オプション]

\`dsregcmd /status\` の出力を 1 つ読み取り (Windows が書き出すどの文字コードでも可、- は標準入力)、
登録状態を判定し、問題ごとに根拠となる入力の行を示して、この端末向けの対処計画を出力します。

オプション:
  --error CODE|TEXT   ユーザーが見たエラー: 700003、AADSTS700003、0x801c03f2、またはエラー画面の文面
  --device-id ID      エラー画面の「トラブルシューティングの詳細」のデバイス識別子: エラーの対象の登録
                      (DeviceId または WorkplaceDeviceId) を示します
  --mdm               端末が Intune などの MDM に登録済み (リタイアの手順を加えます)
  --format text|json|markdown   出力形式 (既定: text)
  --lang ja|en        表示言語
  --out FILE          レポートを FILE に書き込みます
  --encoding NAME     入力の文字コードを指定します

終了コード: 0 問題なし、1 エラー レベルの問題あり、2 入力または引数が使えない。`,
  'cli.help.parse': `使い方: dsreg-doctor parse FILE|- [--format json|text] [--lang ja|en] [--out FILE]

出力をどう読み取ったかを表示します: 文字コード、セクション、各フィールドの行番号と型付きの値、
マスクされた値、読み飛ばした行。`,
  'cli.help.explain': `使い方: dsreg-doctor explain CODE [--lang ja|en] [--format text|json]

エラー コードの意味、よくある原因、対処を説明します。700003、AADSTS700003、0x801c03f2、801c03f2、
符号付き 10 進数の HRESULT (-2145647630)、DRS サーバー エラー (DirectoryError) を受け付けます。`,
  'cli.help.verify': `使い方: dsreg-doctor verify BEFORE AFTER [--error CODE] [--after-error CODE] [--mdm] [--encoding NAME]
                             [--lang ja|en] [--format text|json|markdown]

同じ端末で対処の前と後に取得した dsregcmd /status の出力を比べ、解消した、解消していない
(次に行う手順を表示)、途中、別の問題になった、判断できない (手順後の出力に DeviceAuthStatus や PRT が
ない) のいずれかを判定します。--error は手順前に見たエラー、--after-error は手順後も見えているエラーです。
終了コード: 解消または問題なしで 0、それ以外は 1。`,
  'cli.error.unknownCommand': '"{command}" というコマンドはありません。dsreg-doctor --help でコマンドの一覧を確認してください。',
  'cli.error.missingInput': '{command} コマンドには入力ファイル (標準入力の場合は -) が必要です。',
  'cli.error.badOption': 'オプションが正しくありません: {message}',
  'cli.error.badValue': '{option} の値 "{value}" は使えません。次のいずれかを指定してください: {expected}',
  'cli.error.fileNotFound': '{file}: ファイルが見つかりません。',
  'cli.error.isDirectory': '{file}: フォルダーです。ファイルを指定してください。',
  'cli.error.unreadable': '{file}: 読み取れません ({reason})。',
  'cli.error.tooLarge': '{file}: {size} MB あり、dsregcmd /status の出力としては大きすぎます (上限 {limit} MB)。ファイルを確認してください。',
  'cli.error.notDsregcmd':
    '{file}: dsregcmd /status の出力ではありません (セクションの枠も既知の項目も見つかりません)。対象の PC のコマンド プロンプトで `dsregcmd /status` を実行し、その出力を渡してください。',
  'cli.error.binary': '{file}: バイナリ ファイル (PDF、ZIP、画像など) のようです。dsregcmd /status の出力のテキストを渡してください。',
  'cli.error.empty': '{file}: 入力が空です。',
  'cli.error.internal':
    '内部エラー: {message}\ndsreg-doctor の不具合です。実行したコマンドを添えて報告してください (入力は先に `dsreg-doctor redact` でマスクしてください)。',
  'cli.error.outWrite': '{file} に書き込めません: {reason}',
  'cli.error.unknownCode':
    '{code}: dsreg-doctor が知らないコードです。推測はせず「不明」として扱います。Microsoft Learn や Entra のサインイン ログでコードを検索してください。',
  'cli.error.notACode': '"{input}" はエラー コードではありません。例: 700003、AADSTS700003、0x801c03f2',
  'cli.error.missingCode': 'explain コマンドにはエラー コードが必要です。例: 700003、AADSTS700003、0x801c03f2',
  'cli.error.emptyCode': 'エラー コードが空です。例: 700003、AADSTS700003、0x801c03f2',
  'cli.error.extraArgs': '{command} に余分な引数があります: {args}。入力は {max} 個までです (オプションは -- で始まります)。',
  'cli.error.conflict': '{option} は {with} と一緒に使えません。',
  'cli.error.notAFolder': '{dir} に書き込めません: {reason}。書き込めるフォルダーを指定してください。',
  'cli.skippedSummary': '{file}: 読み取れない行が {count} 行あり、読み飛ばしました。残りはすべて使っています。',

  // --- reader warnings -------------------------------------------------------------------------
  'warning.binary-input': '入力はテキストではなくバイナリのようです。',
  'warning.empty-input': '入力が空です。',
  'warning.not-dsregcmd': 'dsregcmd /status のセクションも項目も見つかりません。',
  'warning.unparsed-line': '{line}～{endLine} 行目は項目として読み取れず、読み飛ばしました: "{text}"',
  'warning.unparsed-line.single': '{line} 行目は項目として読み取れず、読み飛ばしました: "{text}"',
  'warning.other-command': '{line} 行目以降は dsregcmd ではない別のコマンドの出力 ({count} 行) のため、読み飛ばしました。',
  'warning.elided': '貼り付けた人が出力の一部を省略しています ({line} 行目)。表示されていない部分は不明として扱います。',
  'warning.truncated-line': '{line} 行目は {count} 文字と長すぎるため、読み飛ばしました。',
  'warning.too-many-warnings': 'ほかに {count} 件の警告があります (表示を省略)。',

  // --- parse text output -----------------------------------------------------------------------
  'parse.header': '{file}: {lines} 行、文字コード {encoding} ({evidence})、改行 {lineEnding}',
  'parse.section': '[{title}] {line} 行目',
  'parse.section.untitled': '[(タイトルなし){inferred}] {line} 行目',
  'parse.section.none': '[(セクションの前)]',
  'parse.masked': 'マスク済み',
  'parse.warnings': '警告:',
  'parse.noWarnings': '警告はありません。',

  // --- verify ----------------------------------------------------------------------------------
  'verify.title': '判定',
  'verify.fixed': '解消しました: 失敗していた登録が再び使えるようになりました (理由を参照)。',
  'verify.not-fixed': '解消していません: 同じ問題が残っています。',
  'verify.in-progress': '途中です: 対処は始まっていますが、まだ完了していません。次の手順で完了します。',
  'verify.different-problem': '解消していません。別の問題になりました: 参加の種類または登録が変わっています。次の手順で意図した状態に戻します。',
  'verify.no-change-needed': 'どちらの出力にもエラー レベルの問題はありません。',
  'verify.cannot-tell':
    'まだ判断できません: 手順後の出力に DeviceAuthStatus または AzureAdPrt が表示されていません。ユーザーとして完全な出力を取得してください。',
  'verify.sameDevice.yes': '2 つの出力は同じ PC のものです。',
  'verify.sameDevice.no': '注意: 2 つの出力は別の PC のもののようです (デバイス名またはテナントが異なります)。',
  'verify.sameDevice.unknown': '2 つの出力が同じ PC のものかは判断できません (片方にデバイス名がありません)。',
  'verify.resolved': '解消',
  'verify.remaining': '残っている問題',
  'verify.introduced': '新しい問題',
  'verify.next': '次の手順',
  'finding.device-object-missing.title-ambiguous': 'Entra ID がデバイスを拒否しました: オブジェクトが無効化または削除されています',
  'step.enable-device-object.why-if-disabled':
    '前の確認で、オブジェクトが存在するが無効になっているとわかった場合にだけ行います。有効にして、以下の再登録の手順は行いません。',
  'step.enable-device-object.why-if-disabled-hybrid':
    '前の確認で、オブジェクトが存在するが無効になっているとわかった場合にだけ行います。有効にして (ハイブリッド デバイスでは、Active Directory 側でコンピューター アカウントが無効にされている場合は先にそちらを有効にします)、以下の再登録の手順は行いません。',
  'caveat.only-if-deleted':
    'オブジェクトが削除されている (テナントに見つからない) 場合にだけ行います。無効になっているだけの場合は、この手順は行わず、代わりに有効にしてください。',
  'caveat.only-if-object-missing':
    '管理センターにこの DeviceId のデバイス オブジェクトがない、または「保留中」(削除後に同期で作り直されたもの) と表示される場合 (上の確認の手順) にだけ行います。見つかって有効で登録済みの場合は、この手順は行いません。',
  'step.rerun-elevated.title': '管理者として実行したプロンプトで dsregcmd /status を取得します',
  'step.rerun-elevated.why':
    'この出力には参加前の診断がありません。管理者として実行すると、実際の参加と同じ SYSTEM として診断が実行され、停止した場所 (Error Phase、Client ErrorCode) が表示されます。',
  'step.rerun-elevated.actions':
    '対象の PC で、コマンド プロンプトを「管理者として実行」で開きます。\n$ dsregcmd /status > "%PUBLIC%\\dsregcmd-status-elevated.txt"\nファイルを送って dsreg-doctor で診断します (この出力のユーザーと SSO の状態は、ユーザーではなく管理者のものです)。',
  'step.rerun-elevated.expect': 'Diagnostic Data セクションに User Context SYSTEM と参加前のテストが表示されます。',
  'step.rerun-elevated.verify': '—',
  'caveat.registry-only-for-700003':
    'このレジストリ キーの削除は、今回のエラー (700003) を解消する場合にだけ行ってください。それ以外の状況では削除しないでください。',
  'cli.error.tooLargeRead':
    '{file}: {limit} MB を超えて読み込んだため、読み込みを止めました。dsregcmd /status の出力としては大きすぎます。ファイルを確認してください。',
  'cli.error.stdoutWrite': '出力を書き込めません: {reason}',
  // --- 復元を最初に (#18) と verify の判定 (#11) ------------------------------------------------
  'step.restore-device-object.title': 'デバイス オブジェクトが削除済みアイテムに残っている場合は復元します (PC 側は何も変わりません)',
  'step.restore-device-object.why':
    'テナントが削除済みデバイスを保持していて (デバイスの論理削除、プレビュー)、この Entra 参加デバイスの削除から 30 日以内であれば、復元してください。同じ DeviceId が、そのキー、BitLocker 回復キー、LAPS パスワードとともに戻り、PC 側では何も変わりません。復元できない場合にだけ、以下の PC 側の手順を行います。',
  'step.restore-device-object.why-registered':
    'テナントが削除済みデバイスを保持していて (デバイスの論理削除、プレビュー)、この職場アカウントのデバイス (WorkplaceDeviceId) の削除から 30 日以内であれば、復元してください。同じデバイス ID が戻り、PC 側では何も変わりません。復元できない場合にだけ、以下の PC 側の手順を行います。',
  'step.restore-device-object.actions':
    "ロール: クラウド デバイス管理者、Intune 管理者、またはグローバル管理者。テナント側で行う操作で、PC 上では行いません (dsreg-doctor のスクリプトには含まれません)。\n削除済みアイテムにデバイスがあるか確認します: Entra 管理センター > デバイス > すべてのデバイス > 削除されたデバイス (プレビュー) で、出力の DeviceId を検索します。\nMicrosoft Entra PowerShell の場合 (DeletionAgeInDays が 30 未満であること):\n$ Get-EntraDeletedDevice -Filter \"deviceId eq '<DeviceId>'\" | Select-Object DisplayName, DeviceId, Id, DeletedDateTime, DeletionAgeInDays\nMicrosoft Graph (beta) の場合: GET https://graph.microsoft.com/beta/directory/deletedItems/microsoft.graph.device?$filter=deviceId eq '<DeviceId>'\n見つかった場合: 選択して [復元] を実行するか、オブジェクト Id (Id 列の値。DeviceId ではありません) を指定して復元します:\n$ Restore-EntraDeletedDirectoryObject -Id <Id>\n見つからない場合 (削除から 30 日を過ぎた、テナントでデバイスの論理削除が使われていない、完全に削除する API で削除された): 復元できません。PC 側の手順に進みます。",
  'step.restore-device-object.expect':
    'デバイスが同じ DeviceId で [すべてのデバイス] に戻り、有効になっています。次の MDM チェックインまでは非準拠と表示されます。ユーザーはサインアウトしてサインインし直すか、PC を再起動します。',
  'step.restore-device-object.verify':
    'サインアウト/サインインまたは再起動の後、ユーザーとして実行した `dsregcmd /status` で、以前と同じ DeviceId で DeviceAuthStatus : SUCCESS、AzureAdPrt : YES と表示されます (登録済みデバイスの場合: 同じ WorkplaceDeviceId のままで、エラーが表示されなくなります)。',
  'caveat.only-if-not-restored':
    'デバイス オブジェクトを復元できなかった場合 (最初の手順) にだけ行います。復元した後はこの手順は不要で、行うと復元したデバイスが新しいデバイスに置き換わります。',
  'step.rejoin-entra.title': 'デバイスをもう一度 Microsoft Entra ID に参加させます',
  'step.rejoin-entra.why':
    'このデバイスは Microsoft Entra 参加でしたが、今は参加していません (登録だけ、または何もない状態)。意図した状態ではないため、登録を削除して、もう一度参加させます。',
  'step.rejoin-entra.actions':
    'ユーザーとしてサインインし、[設定] > [アカウント] > [職場または学校にアクセスする] を開きます。職場アカウントが登録として表示されている場合は、選択して [切断] を選びます。\nローカル管理者のアカウントで、[設定] > [アカウント] > [職場または学校にアクセスする] > [接続] > [このデバイスを Microsoft Entra ID に参加させる] を選び、デバイスを参加させることができる職場アカウントでサインインして完了します。\n再起動して、職場アカウントでサインインします。',
  'step.rejoin-entra.expect':
    '[職場または学校にアクセスする] にアカウントが参加として表示され (「… の Azure AD に接続済み」)、テナントに新しいデバイス オブジェクトが作成されます。',
  'step.rejoin-entra.verify':
    'ユーザーとして実行した `dsregcmd /status` で AzureAdJoined : YES、WorkplaceJoined : NO、DeviceAuthStatus : SUCCESS、AzureAdPrt : YES と表示されます。',
  'verify.why': '理由',
  'verify.reason.restored': '復元されました: 同じ DeviceId {deviceId} で DeviceAuthStatus : SUCCESS、AzureAdPrt : YES になっています。',
  'verify.reason.reregistered': '再登録されました: 新しい DeviceId {deviceId} で DeviceAuthStatus : SUCCESS、AzureAdPrt : YES になっています。',
  'verify.reason.workAccountNew': '{tenant} の職場アカウントが再登録されました (新しい WorkplaceDeviceId {deviceId})。',
  'verify.reason.workAccountConfirmed': '{tenant} の職場アカウントがあり (WorkplaceDeviceId {deviceId})、ユーザーにはエラーが表示されなくなりました。',
  'verify.reason.workAccountSame':
    '{tenant} の職場アカウントは同じ WorkplaceDeviceId {deviceId} のままです。登録済みデバイスの出力には DeviceAuthStatus がなく、エラーが解消してもしなくても同じに見えます。ユーザーに Edge または Office を開いてもらい、--after-error none (エラーが出ない) または --after-error 700003 (まだ出る) を付けて verify をもう一度実行してください。',
  'verify.reason.joinChanged': '参加の状態が {before} から {after} に変わりました。意図した状態ではないため、解消とは判定しません。',
  'verify.reason.registrationGone': '{tenant} の職場アカウントの登録がなくなり、再登録されていません。',
  'verify.reason.registrationTenantChanged': '職場アカウントが別のテナントのものになっています ({before} ではなく {after})。',
  'verify.reason.recoveryArmed': 'AadRecoveryEnabled : YES (行 {line}): 回復が予約されており、次のサインイン時に実行されます。まだ実行されていません。',
  'verify.reason.syncPending':
    '古い参加は削除され、PC は再参加を試みています。試行の結果は {code} (行 {line}) で、コンピューター オブジェクトがまだ Entra ID にありません。自動登録はブロックされていません。オブジェクトの同期が必要です。',
  'verify.reason.joinPending':
    '古い参加は削除されました (AzureAdJoined : NO、DomainJoined : YES)。PC はまだ再登録されておらず、この出力には参加の試行が表示されていません。',
  'verify.reason.stillSeenAfterReregistration':
    '再登録はできています (DeviceId {deviceId}、出力にエラーなし) が、ユーザーにはまだ {code} が表示されます。同じ手順を繰り返しても解消しません。記事の次の段階は、すべての参加と登録を解除して AAD\\Storage のキーを削除することです。',
  'verify.reason.stillFailing': '登録はまだ失敗しています ({codes})。',
  'verify.reason.stillFailingNewId': '登録は作り直されました (新しい DeviceId {deviceId}) が、まだ失敗しています。記事の次の段階は AAD\\Storage のキーです。',
  'verify.reason.allNoStillSeen':
    'すべての参加と登録が解除され (AzureAdJoined : NO、WorkplaceJoined : NO)、ユーザーにはまだ {code} が表示されます。次は記事の最後の段階、AAD\\Storage のキーです。',
  'verify.reason.notShown': '手順後の出力に DeviceAuthStatus または AzureAdPrt が表示されていません。',
  // --- どの登録が失敗しているか / まず害をなさない (issue 11) -------------------------------
  'report.reportedError': '報告されたエラー',
  'report.matchedRegistration': '対象の登録',
  'report.registrations': '登録',
  'registration.device-join': 'デバイスの参加 ({joinType})、DeviceId {deviceId}、テナント {tenant}',
  'registration.work-account': '職場アカウント {index}、WorkplaceDeviceId {deviceId}、テナント {tenant}',
  'registration.partner': '別のテナント',
  'registration.health.healthy': '正常と表示',
  'registration.health.failing': '失敗と表示',
  'registration.health.unknown': '状態の表示なし',
  'match.none': '照合するデバイス オブジェクトのエラーはありません',
  'match.needs-evidence': '判断できません: この出力には失敗が表示されていません',
  'match.by.device-id': 'エラーのデバイス識別子で照合',
  'match.by.tenant': 'エラーが示すテナントで照合',
  'match.by.failing': 'この出力で失敗と表示されている登録',
  'match.by.only-registration': 'この PC の唯一の登録',
  'match.by.device-join': 'デバイスの参加 (エラーは他の登録を示していません)',
  'finding.needs-more-evidence.title': 'この出力には報告された失敗 ({codes}) が表示されていません: 追加の情報が必要です',
  'finding.needs-more-evidence.matched-healthy':
    '報告されたエラー ({codes}) は {registration} についてのものですが、この出力ではその登録は正常です (DeviceAuthStatus SUCCESS、失敗した PRT の取得なし)。正常な登録を変更する手順は計画しません。考えられる理由: この出力を取得する前にエラーが表示された、別のデバイスまたはこの PC の別の登録で表示された、この出力が SYSTEM または別のユーザーとして取得された。判断するには、影響を受けたユーザーとして実行した dsregcmd /status、エラー画面の「トラブルシューティングの詳細」のデバイス識別子とテナント、失敗したサインインのサインイン ログを取得してください。',
  'finding.needs-more-evidence.device-id-not-on-this-pc':
    'エラーはデバイス識別子 {reportedDeviceId} を示していますが、この PC にその ID の登録はありません (表示されている ID: {shownIds})。エラーは別のデバイスか、再登録する前のこの PC で表示された可能性が高いです。この PC では何も変更しません。Entra 管理センターでデバイス識別子を、サインイン ログでデバイス名と参加の種類を確認し、エラーが表示されるデバイスで影響を受けたユーザーとして dsregcmd /status を取得してください。',
  'finding.needs-more-evidence.tenant-not-on-this-pc':
    'エラーはテナント {reportedTenant} を示していますが、この PC にそのテナントの登録はありません (表示されているテナント: {shownTenants})。エラーは別のデバイス、別のユーザー、またはこの出力に表示されていない職場アカウント (SYSTEM や別のユーザーとして取得) のものです。この PC では何も変更しません。影響を受けたユーザーとして dsregcmd /status を取得し、エラー画面の「トラブルシューティングの詳細」のデバイス識別子とテナントを確認してください。',
  'finding.needs-more-evidence.ambiguous':
    '報告されたエラー ({codes}) は、この PC のどの登録 ({shownIds}) についてのものかを示しておらず、この出力でも失敗している登録は表示されていません。推測で登録を変更することはしません。エラー画面の「トラブルシューティングの詳細」のデバイス識別子とテナントを控える (または --device-id を付けて再実行する) か、失敗したサインインのサインイン ログを確認し、影響を受けたユーザーとして dsregcmd /status を取得してください。',
  'finding.needs-more-evidence.all-healthy':
    '報告されたエラー ({codes}) はこの出力に表示されていません: 表示されている登録はすべて正常です (DeviceAuthStatus SUCCESS、失敗した PRT の取得なし)。考えられる理由: この出力に表示されていないこの PC の別の登録、SYSTEM または別のユーザーとして取得した出力、別のデバイス、この出力を取得する前に表示されたエラー。正常な登録を変更する手順は計画しません。判断するには、影響を受けたユーザーとして実行した dsregcmd /status、エラー画面の「トラブルシューティングの詳細」のデバイス識別子とテナント、失敗したサインインのサインイン ログを取得してください。',
  'finding.device-object-missing.work-account-partner':
    'エラーはこの PC の参加ではなく、別のテナント {tenant} の職場アカウント (職場アカウント {index}、WorkplaceDeviceId {deviceId}) についてのものです: {tenant} にはその ID のデバイス オブジェクトがありません。その職場アカウントだけを切断して再接続します。デバイスの参加はそのままにします。',
  'finding.device-object-missing.work-account-stale':
    'エラーはデバイスの参加と並んで残っている Entra 登録 (職場アカウント {index}、WorkplaceDeviceId {deviceId}、テナント {tenant}: デュアル状態) についてのものです: そのデバイス オブジェクトが削除されています。この登録だけを削除します。参加はそのままにします (参加によって {tenant} へのシングル サインオンはすでに提供されています)。',
  'step.disconnect-work-account.why-partner':
    '{tenant} のこの職場アカウントはデバイス ID {deviceId} を提示していますが、{tenant} ではそのデバイスが削除されています。切断するとこの登録だけが削除され、デバイスの参加には影響しません。',
  'step.disconnect-work-account.why-stale':
    'この Entra 登録 (デバイス ID {deviceId}) は {tenant} で削除されています。同じテナントへのデバイスの参加はそのまま残ります。古い登録を削除すると、テナントに提示されるデバイス ID は 1 つになります。再接続はしないでください (デュアル状態に戻ります)。',
  'step.reconnect-work-account.why-partner':
    '{tenant} のアカウントを再接続すると、そのテナントに新しいデバイス オブジェクトが登録され、そのアプリを再び使えるようになります。',
  'caveat.mdm-fallback':
    'デバイスが MDM に登録されていて切断がブロックされる場合は、MDM でのリタイアが代替手段です。リタイアすると会社のデータとコンプライアンスが削除されるため、切断や再登録がブロックされる場合にだけ行ってください。',
  'step.collect-error-details.title': 'どの登録が失敗しているかを判断する情報を集めます',
  'step.collect-error-details.why':
    'この出力には報告された失敗が表示されていません。どの登録 (またはどのデバイス) のエラーかは、影響を受けたユーザー自身の出力、エラー画面の詳細、サインイン ログでしかわかりません。それまではどの対処も安全ではありません。',
  'step.collect-error-details.actions':
    '影響を受けたユーザー自身のセッションで、通常の (管理者として実行しない) コマンド プロンプトを開きます:\n$ dsregcmd /status > "%USERPROFILE%\\Desktop\\dsregcmd-status.txt"\nエラー画面の「トラブルシューティングの詳細」(詳細) を開き、エラー コード、デバイス識別子、相関 ID、タイムスタンプ、テナントをすべてコピーします。\nEntra 管理センター > サインイン ログで、相関 ID または時刻から失敗したサインインを探し、デバイス ID、参加の種類、テナントを控えます。\n新しい出力に、貼り付けたエラー (--error) とデバイス識別子 (--device-id) を付けて dsreg-doctor を再実行します。',
  'step.collect-error-details.expect':
    'デバイス識別子が、この PC の登録 (DeviceId または WorkplaceDeviceId) の 1 つを示すか、エラーが別のデバイスのものだとわかります。',
  'step.collect-error-details.verify': '—',
  'finding.superseded-answer.title': '以前の応答 ({code}) は最新の応答 ({latest}) に置き換えられています',
  'finding.superseded-answer.explanation':
    '入力には {code} と {latest} の両方が表示されています。デバイス オブジェクトの現在の状態は最新のサーバーの応答 ({latest}、{when}) で判断します。{code} は以前の応答 (無効化された後に削除された、または再度有効化されたオブジェクト) のため、個別の手順はありません。',
  'finding.device-object-missing.explanation-cloud':
    'この PC は、Entra ID にプライマリ更新トークン (PRT) を要求するときや保持している PRT を使うときにデバイス ID {deviceId} を提示しますが、テナント {tenant} にはその ID のデバイス オブジェクトがありません: 管理者または古いデバイスのクリーンアップで削除されています。古いデバイス ID を使う PRT の要求とシングル サインオンは、PC の登録を削除して参加状態に合った方法で登録し直すまで、すべて 700003 で失敗します。',
  'finding.prt-missing.title-local-account': 'ローカル アカウント ({account}) でサインインしています: PRT はありません',
  'finding.prt-missing.local-account':
    'この出力は、この PC のローカル アカウント {account} で取得されています。ローカル アカウントにはプライマリ更新トークンがないため、AzureAdPrt NO は想定どおりで、デバイスの問題を示すものではありません。組織のアプリをシングル サインオンで使うには、職場アカウントで Windows にサインインし、そのセッションで dsregcmd /status を取得してください。',
  'step.enable-device-object.verify-registered':
    '「設定」>「アカウント」>「職場または学校にアクセスする」で職場アカウントが接続済みと表示され、失敗していたアプリがエラーなしでサインインできます (Entra 登録済みデバイスには DeviceAuthStatus とデバイスの PRT は表示されません)。',
  'report.admin.domain': 'ドメイン管理者',
  'step.retire-in-mdm.why-fallback':
    '上の切断または再登録が、デバイスが MDM に登録されているためにブロックされる場合にだけ行います: MDM でリタイアしてから、ブロックされた手順をやり直します。リタイアすると会社のデータとコンプライアンスの状態が削除されるため、最初の手順ではありません。',
  'caveat.mdm-if-enrolled':
    'MdmUrl は、このテナントがデバイスを MDM に自動登録する設定であることを示すだけで、このデバイスが登録済みであることは示しません。デバイスが登録済みのためにこの手順がブロックされる場合にだけ、MDM でリタイアしてから (会社のデータとコンプライアンスが削除されます) やり直してください。',
  'script.intune.needsEvidence':
    '修復しません: 診断した出力では、どの登録が失敗しているかがわかりません (追加の情報が必要です)。先に影響を受けたユーザーとして dsregcmd /status を取得し、エラー画面の詳細を確認してください。',
  // --- what a collection bundle shows (read by diagnose, so in the core catalogue) ---------------
  'finding.mdm-enrolled.title': 'デバイスは MDM に登録されています',
  'finding.mdm-enrolled.explanation':
    '収集バンドルに、ユーザー付きの MDM 登録 (Enrollments レジストリ キー) が {count} 件あります。MDM に登録されていると、切断や再登録ができない場合があります。先に MDM 側でデバイスをリタイアしてください。',
  'finding.auto-registration-disabled.title': 'ドメイン参加コンピューターの自動登録がポリシーで無効になっています',
  'finding.auto-registration-disabled.explanation':
    'ポリシー「ドメインに参加しているコンピューターをデバイスとして登録する」が「無効」に設定されているため、`dsregcmd /leave` や新規参加のあとに、この PC が Entra ID に自動で登録されることはありません。',
  'finding.workplace-join-blocked.title': '職場アカウントの登録がポリシーでブロックされています',
  'finding.workplace-join-blocked.explanation':
    'BlockAADWorkplaceJoin が設定されています。切断したあと、ポリシーで許可されるまで、ユーザーは「+ 接続」でデバイスを登録し直せません。',
  'finding.aad-storage-key-present.title': 'login.microsoftonline.com の AAD\\Storage キーが存在します',
  'finding.aad-storage-key-present.explanation':
    'ユーザーのレジストリに HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com が残っています。再登録後も 700003 エラーが続く場合は、記事の最後の手順としてこのキーを削除します。',
  'finding.aad-events.title': '過去 1 日の AAD Operational イベント',
  'finding.aad-events.explanation': 'AAD Operational ログのイベントが {count} 件あります (ID: {ids})。含まれるエラー コードの説明は下記のとおりです。',
  'step.clear-aad-storage-key.why-present':
    '収集バンドルで、このキーが存在することを確認しました。上記の手順のあともエラーが続く場合は、以下のとおり削除します (記事の最後の段階)。',
  'step.clear-aad-storage-key.why-absent':
    '収集バンドルでは、このユーザーにこのキーはありませんでした。この段階は該当しない可能性が高いため、エラーが続く場合にだけ改めて確認してください。',
  'caveat.block-wpj-policy': 'この PC には BlockAADWorkplaceJoin が設定されています。ポリシーで登録が許可されるまで「+ 接続」は失敗します。',
} satisfies Partial<Record<MessageKey, string>>;
