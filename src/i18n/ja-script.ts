import type { enScript } from './en-script.js';

/** 日本語のメッセージ (script, collect, bundle)。en-script.ts と同じキーをすべて持つこと。 */
export const jaScript: Record<keyof typeof enScript, string> = {
  'script.synopsis': '診断したデバイス用の dsreg-doctor 対処スクリプトです (-Apply を付けない限りドライ ランです)。',
  'script.description':
    'dsreg-doctor の対処計画のうちスクリプトで実行できる手順を実行し、それ以外の手順は指示として表示します。-Apply を付けない場合は、実行内容を表示するだけです。-Apply を付けると変更のたびに確認を求めます (確認を省略するには -Confirm:$false、事前確認だけなら -WhatIf)。',
  'script.param.apply': '変更を実行します。付けない場合はドライ ランです。',
  'script.param.force': '診断したデバイスと一致しない PC でも実行します。',
  'script.param.stage': '1 = 対処手順、2 = 段階 1 のあともエラーが続く場合に限り最後の段階 (AAD\\Storage キー) も実行、3 = すべて。',
  'script.comment.expected': '診断したデバイス (入力から取得した値。比較にだけ使います)。',
  'script.comment.restoreFirst':
    '復元を最初に (restore-device-object): 削除されたデバイス オブジェクトの復元は、クラウド デバイス管理者、Intune 管理者、またはグローバル管理者がテナント側で行う操作で、このスクリプトには含まれません。オブジェクトをまだ復元できる場合 (削除済みデバイスを保持するテナントで、削除から 30 日以内) は、このスクリプトを実行せずに復元してください。PC 側は何も変更する必要がありません。復元できない場合にだけ、このスクリプトを実行します。',
  'script.note.restoredStop':
    'DeviceAuthStatus が SUCCESS で、DeviceId は診断時と同じです。デバイス オブジェクトが復元された (または問題が解消した) ため、この PC で変更する必要はありません。スクリプトを終了します。',
  'script.msg.dryRun': '[ドライ ラン] 実行予定: {0}',
  'script.msg.dryRunHint': 'ドライ ランです。何も変更しません。変更を実行するには -Apply を付けて再実行してください。',
  'script.msg.conditional': '条件を満たす場合にだけ行う手順です (下記参照)。スクリプトはこの手順を実行しません:',
  'script.param.allowElevated':
    'ユーザーの手順 (AAD\\Storage キー、PRT の更新) を管理者として実行したプロンプトから行います。この管理者アカウントが対象ユーザー本人の場合に限って使ってください。',
  'script.msg.needsAdmin': '手順 {0} には管理者権限が必要です。PowerShell を「管理者として実行」で開き、スクリプトを再実行してください。',
  'script.msg.mustNotBeElevated':
    '手順 {0} は、対象ユーザー本人が通常の (管理者としてではない) PowerShell で実行する必要があります。このユーザー自身のレジストリを変更するためです。管理者権限なしで再実行してください (この管理者アカウントが対象ユーザー本人の場合は -AllowElevated)。',
  'script.msg.otherMachine':
    'この PC は診断したデバイスと一致しません (DeviceId もデバイス名も異なります)。中止します。確信がある場合にだけ -Force を使ってください。',
  'script.msg.statusSaved': 'dsregcmd /status を {0} に保存しました',
  'script.msg.log': 'ログ (トランスクリプト): {0}',
  'script.msg.step': '手順 {0}',
  'script.msg.manual': 'この手順は手作業で行います:',
  'script.msg.skippedStage': 'スキップしました ({0}): 後の段階の手順です。エラーが続く場合は -Stage 2 を付けて実行してください。',
  'script.msg.done': '完了しました。前後のファイルは dsreg-doctor verify BEFORE AFTER で比較できます。',
  'script.note.forcerecovery': '開いた画面で「サインイン」を選択して参加を完了し、サインアウトしてからサインインし直してください。',
  'script.note.restart': '参加を解除しました。今すぐ再起動し、社内ネットワークでドメイン アカウントを使ってサインインしてください。',
  'script.note.keyAbsent': 'このユーザーには HKCU\\...\\AAD\\Storage\\https://login.microsoftonline.com キーがありません。削除するものはありません。',
  'script.note.backup': 'キーを {0} にバックアップしました',
  'script.note.keyDeleted': 'キーを削除しました。デバイスを再登録してから、エラーが解消したかを確認してください。',
  'script.note.policyValue': 'autoWorkplaceJoin ポリシーの値: {0} (0 = 自動登録が無効)',
  'script.note.policyNotSet': 'autoWorkplaceJoin ポリシー: 未設定 (既定では自動登録が許可されています)。',
  'script.note.taskState': 'タスク Automatic-Device-Join の状態: {0}',
  'script.note.taskMissing': 'タスク Automatic-Device-Join が見つかりません。',
  'script.note.dnsOk': '名前解決できます: {0}',
  'script.note.dnsFailed': '名前解決できません: {0}',
  'script.note.utcNow': 'この PC の現在の UTC 時刻: {0}',
  'script.stop.notAllNo':
    '前提条件を満たしていません: キーを削除する前に、dsregcmd /status で AzureAdJoined : NO と WorkplaceJoined : NO と表示される必要があります。先に参加・登録を解除してください。',
  'script.stop.backupFailed': 'キーのバックアップに失敗したため、削除しませんでした。',
  'script.collect.synopsis': 'dsreg-doctor 収集スクリプト: 診断に必要な情報を 1 つのテキスト ファイルにまとめます。読み取り専用です。',
  'script.collect.description':
    '対象の PC で、対象ユーザー本人が通常の (管理者としてではない) PowerShell で実行してください。何も変更せず、どこにも送信しません。作成されたファイルをヘルプデスクに送ってください。',
  'script.collect.comment.readOnly': '読み取り専用: このスクリプトは情報を読み取り、テキスト ファイルを 1 つ書き込むだけです。',
  'script.collect.comment.storageKey': '元の記事で確認するキーです。名前にスラッシュを含むため、.NET を使って読み取ります。',
  'script.collect.comment.mdm': 'UPN を持つ MDM 登録は、ユーザーによる実際の登録です。',
  'script.collect.elevatedWarning':
    'この PowerShell は管理者として実行されています。User State と SSO State はユーザーではなく管理者の状態になります。可能であれば、ユーザーの通常のセッションで実行し直してください。',
  'script.collect.saved': 'バンドルを {0} に保存しました。このファイルをヘルプデスクに送ってください (ID は dsreg-doctor redact でマスクできます)。',
  'script.intune.detect.header':
    'dsreg-doctor が作成した Intune の修復 (Remediations) 用検出スクリプトです。この PC で 700003 の状態が見つかった場合に終了コード 1 を返します。',
  'script.intune.remediate.header': 'dsreg-doctor が作成した Intune の修復 (Remediations) 用修復スクリプトです (診断した参加の種類向け)。',
  'script.intune.runAsUser':
    'Intune の設定: 「ログオンした資格情報を使用してこのスクリプトを実行する」= はい、「スクリプトを 64 ビットの PowerShell で実行する」= はい。',
  'script.intune.runAsSystem':
    'Intune の設定: 「ログオンした資格情報を使用してこのスクリプトを実行する」= いいえ (SYSTEM で実行)、「スクリプトを 64 ビットの PowerShell で実行する」= はい。',
  'script.intune.applyHint': 'このスクリプトを確認して、下の $Apply = $true を設定するまではドライ ランです。',
  'script.intune.dryRun': 'ドライ ラン: dsregcmd /leave を実行する予定です。実行するには $Apply = $true を設定してください。',
  'script.intune.hybridDone':
    'dsregcmd /leave を実行しました。次回の再起動とサインインのあとに、デバイスは再登録されます (ポリシーで許可され、コンピューター オブジェクトが同期されている場合)。',
  'script.intune.recheck': 'デバイス上で改めて確認します: 参加を解除するのは、デバイス オブジェクトが見つからないハイブリッド参加済みの PC だけです。',
  'script.intune.notThisState':
    '修復しませんでした: この PC は、デバイス オブジェクトが見つからない (AADSTS700003 / DeviceAuthStatus が disabled or deleted) ハイブリッド参加済みの状態ではありません。',
  'script.intune.manualDisabled':
    '自動では修復しません: デバイス オブジェクトは無効化されているだけの可能性があります。Microsoft Entra 管理センターで (または Active Directory でコンピューター アカウントを) 有効にしてください。再登録はしないでください。',
  'script.intune.manualJoined':
    '自動では修復しません: Microsoft Entra 参加済みの PC では、管理者が dsregcmd /forcerecovery を管理者として実行し、サインインする必要があります。ヘルプデスクの手順をユーザーに送ってください。',
  'script.intune.manualRegistered':
    '自動では修復しません: ユーザーが「設定」>「アカウント」>「職場または学校にアクセスする」で職場アカウントを切断し、接続し直す必要があります。',
  'script.intune.manualUnknown': '自動では修復しません: このスクリプトの作成時に参加の種類が不明でした。PC から dsregcmd /status を収集してください。',
  'script.intune.written': 'Detect-700003.ps1 と Remediate-700003.ps1 を {dir} に書き込みました。',
  'redact.summary': '{total} 個の値をマスクしました: GUID {guid}、メール/UPN {email}、名前 {name}、ドメイン {domain}、拇印 {thumbprint}、IP {ip}、SID {sid}。',
  'cli.help.script': `使い方:
  dsreg-doctor script FILE|- [--error CODE] [--stage 1|2|3] [--mdm] [--lang ja|en] [--out FILE]
  dsreg-doctor script --collect [--lang ja|en] [--out FILE]
  dsreg-doctor script --intune FILE|- [--out-dir DIR]

診断した対処計画を実行する PowerShell スクリプト (Windows PowerShell 5.1 と PowerShell 7 に対応) を
出力します。-Apply を付けて実行しない限りドライ ランです。-WhatIf と -Confirm も使えます。管理者の手順は
最初に管理者権限を確認し、レジストリの手順は AzureAdJoined と WorkplaceJoined が NO であることを確認して
から、削除の前にキーをバックアップします。スクリプト化できない手順は指示として表示します。Windows
PowerShell 5.1 が日本語を正しく読めるよう、ファイルは UTF-8 の BOM 付きです。

  --stage N     1 = 対処手順 (既定)、2 = AAD\\Storage の最後の段階も含める、3 = すべて
  --collect     読み取り専用の収集スクリプト: 対象ユーザーが実行し、作成されたバンドルを diagnose で読み取ります
  --intune      Intune の修復 (Remediations) 用の検出・修復スクリプトの組 (--out-dir 指定で 2 ファイル)`,
  'cli.help.redact': `使い方: dsreg-doctor redact FILE|- [--out FILE]

テナント ID とデバイス ID、すべての GUID、UPN とメール アドレス、ユーザー・デバイス・ドメイン・テナントの
名前、拇印、URL 内のホスト名、IP アドレス、SID を、安定した仮名でマスクします (同じ値はどこでも同じマスク
になります)。レイアウトを保つため、マスク後のテキストでも同じ診断結果になります。dsregcmd の出力、収集
バンドル、フリートのエクスポート (CSV、JSON) に使えます。`,
};
