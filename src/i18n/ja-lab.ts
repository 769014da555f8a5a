import type { enLab } from './en-lab.js';

/** 日本語のメッセージ (lab)。en-lab.ts と同じキーをすべて持つこと。 */
export const jaLab: Record<keyof typeof enLab, string> = {
  'lab.help': `使い方: dsreg-doctor lab <list|run|render|check> [オプション]

AADSTS700003 とその周辺のエラーを再現する、シミュレーション上のテナントと Windows PC です。
テスト テナントがなくても障害と対処を追体験でき、dsreg-doctor が出すすべての対処手順が
対象のデバイスを実際に回復させることを確認できます。

  lab list                      シナリオの一覧 (記事の手順を先に、続いてマトリクス)
  lab run SCENARIO [--full]     ストーリーを順に表示します: 管理者が何をしたか、ユーザーに何が
                                見えるか、その時点の状態、dsreg-doctor の診断、対処、対処後の状態
  lab render SCENARIO --step N [--context user|elevated]
                                ステップ N の dsregcmd /status の出力だけを表示します (diagnose に貼り付けられます)
  lab check                     すべてのシナリオを実行します。最終行は "N scenarios: H healed, F failed" です

オプション:
  --lang ja|en      表示言語
  --full            lab run: 各ステップで dsregcmd /status の出力全体を表示します
  --out FILE        出力を FILE に書き込みます

終了コード: 0 正常 (lab check: すべて回復)、1 lab check: 回復しないシナリオあり、2 引数の誤り。`,
  'lab.error.unknownSubcommand': 'lab のコマンド "{sub}" はありません。list、run、render、check のいずれかを指定してください。',
  'lab.error.missingScenario': 'シナリオを指定してください (`dsreg-doctor lab list` で確認できます)。',
  'lab.error.unknownScenario': 'シナリオ "{id}" はありません。`dsreg-doctor lab list` ですべてのシナリオを確認できます。',
  'lab.error.badStep': 'このシナリオにステップ "{step}" はありません。0 から {max} までの番号を指定してください。',
  'lab.error.missingStep': 'lab render には --step N が必要です (0 は正常な状態の PC です。番号は lab run で確認できます)。',

  'lab.list.stories': 'ストーリー シナリオ (記事の手順を順に追います):',
  'lab.list.matrix': 'マトリクス シナリオ ({count} 件): 参加状態 · Windows · MDM · 自動登録 · 残存キー · オブジェクトの失われ方',
  'lab.list.hint': '実行するには: dsreg-doctor lab run SCENARIO',
  'lab.list.tenant': 'テナント シナリオ (多数の PC、古いデバイスのクリーンアップを 2 通りで実施):',
  // --- the cleanup scenario (#17) ------------------------------------------------------------------
  'lab.cleanup.title': '1 つのテナントでの古いデバイスのクリーンアップ: 段階的なクリーンアップと、「{days} 日間使われていないものをすべて削除」の一括実行',
  'lab.cleanup.tenant':
    'Contoso: PC {total} 台。毎日使用 {daily} 台、数か月未使用 {idle} 台、数か月未使用だが利用者が戻ってくる PC {returning} 台 (休職からの復帰、予備機の貸し出し)。うち Autopilot {autopilot} 台、ハイブリッド参加 {hybrid} 台、BitLocker 回復キーがバックアップされていない PC {bitlocker} 台。',
  'lab.cleanup.staged': 'A. 段階的なクリーンアップ: dsreg-doctor cleanup --stale-days {days} (猶予期間 {grace} 日)、ステージ 2 は毎週',
  'lab.cleanup.stage1': '{date} ステージ 1: 候補 {candidates} 台。無効化 {disable} 台: {devices}。対象外 {held} 台:',
  'lab.cleanup.stage2': '{date} ステージ 2 (監視): 再有効化 {count} 台: {devices}',
  'lab.cleanup.stage3': '{date} ステージ 3: 削除 {count} 台: {devices} (ログ上で使用中のもの {broken} 台)',
  'lab.cleanup.failures': '  利用者に表示されたエラー:',
  'lab.cleanup.failure': '    {user} ({device}): {code}、{from} から {to} まで (サインイン {count} 回)',
  'lab.cleanup.stagedResult':
    '結果: AADSTS700003 が表示された利用者は {users700003} 人。PC が無効化されている間に AADSTS135011 が表示された利用者は {users135011} 人 (最長 {days} 日、ステージ 2 で再有効化されるまで)。サインイン ログ全体に対する fleet で AADSTS700003 のデバイスは {fleet} 台。',
  'lab.cleanup.oneStep': 'B. 同じテナント、同じ日: {days} 日間使われていない (approximateLastSignInDateTime) デバイスをすべて一括削除',
  'lab.cleanup.deleted': '{date} 削除 {count} 台: {devices}',
  'lab.cleanup.oneStepResult': '結果: {users} 人の利用者に AADSTS700003 が表示されました。PC {count} 台: {devices}',
  'lab.cleanup.fleet': '{date} にダウンロードしたサインイン ログに対する dsreg-doctor fleet: AADSTS700003 のデバイス {count} 台。{verdict}。',
  'lab.cleanup.fleetSame': 'エラーが表示された利用者の PC と完全に一致します',
  'lab.cleanup.fleetDifferent': 'エラーが表示された利用者の PC と一致しません',

  'lab.dim.join.registered': 'Microsoft Entra 登録済み',
  'lab.dim.join.joined': 'Microsoft Entra 参加済み',
  'lab.dim.join.hybrid': 'ハイブリッド参加済み',
  'lab.dim.join.dual-hybrid': 'ハイブリッド参加 + 登録 (デュアル状態)',
  'lab.dim.join.dual-joined': 'Entra 参加 + 登録 (デュアル状態)',
  'lab.dim.era.1607': 'Windows 10 バージョン 1607',
  'lab.dim.era.1809': 'Windows 10 バージョン 1809',
  'lab.dim.era.21h2': 'Windows 10 バージョン 21H2 以降',
  'lab.dim.era.w11': 'Windows 11 (各バージョン)',
  'lab.dim.mdm.none': 'MDM なし',
  'lab.dim.mdm.known': 'Intune 登録あり (管理者は把握)',
  'lab.dim.mdm.unknown': 'Intune 登録あり (管理者は未把握)',
  'lab.dim.policy.on': '自動登録は有効',
  'lab.dim.policy.off': '自動登録は無効 (未把握)',
  'lab.dim.policy.off-known': '自動登録は無効 (把握済み)',
  'lab.dim.key.yes': 'AAD\\Storage キーの残存あり',
  'lab.dim.key.no': '残存キーなし',
  'lab.dim.loss.deleted': 'オブジェクト削除',
  'lab.dim.loss.disabled': 'オブジェクト無効化',
  'lab.dim.loss.unscoped': 'OU が同期対象外に',

  'lab.scenario.article-registered.title': '記事の手順 1: Microsoft Entra 登録済みの PC (WorkplaceJoined が YES)',
  'lab.scenario.article-registered.intro':
    'ユーザーが [設定] から職場アカウントを接続した Windows 11 の PC です。古いデバイスのクリーンアップでデバイス オブジェクトが削除され、月曜日に Edge と Office で 700003 が表示されます。対処は、職場アカウントを切断し、もう一度接続することです。',
  'lab.scenario.article-joined.title': '記事の手順 2: Microsoft Entra 参加済みの PC (AzureAdJoined のみ YES)',
  'lab.scenario.article-joined.intro':
    'Microsoft Entra ID に参加している Windows 11 の PC です。管理者がデバイス オブジェクトを削除します。ユーザーが通常のコマンド プロンプトで dsregcmd /forcerecovery を実行すると、記事のとおりエラーになります。ヘルプデスクが管理者として実行し、ユーザーがサインインし、サインアウト・サインインすると回復します。',
  'lab.scenario.article-hybrid.title': '記事の手順 3: ハイブリッド参加済みの PC (DomainJoined と AzureAdJoined が YES)',
  'lab.scenario.article-hybrid.intro':
    'Entra Connect 経由でハイブリッド参加しているドメイン参加済みの Windows 10 の PC です。管理者が Microsoft Entra ID でデバイス オブジェクトを削除すると、Entra Connect が「保留中」として再作成しますが、それでは回復しません。対処は、管理者権限で dsregcmd /leave を実行し、再起動してサインインすることです。次回の同期の後、PC が自動的に再登録されます。',
  'lab.scenario.article-still-failing.title': '記事の手順 4: 再登録しても解消しない場合 (AAD\\Storage キー)',
  'lab.scenario.article-still-failing.intro':
    'ハイブリッド参加の前に Microsoft Entra 登録されていた PC で、ユーザーの HKCU の AAD\\Storage\\https://login.microsoftonline.com キーが残っています。/leave と再登録の後、PRT は正常になりますが、アプリでは 700003 が続きます。参加を解除し、キーを削除して再登録すると解消します。',
  'lab.scenario.article-mdm-retire.title': '記事の手順 5: MDM 登録のため切断できない (Intune でリタイア)',
  'lab.scenario.article-mdm-retire.intro':
    'ユーザーが Intune にも登録した Microsoft Entra 登録済みの PC です。MDM 登録が残っている間は切断が拒否されます。対処手順の注意事項に従って管理者が Intune でデバイスをリタイアすると、切断と接続ができるようになります。',
  'lab.scenario.policy-disabled-hybrid.title': '自動登録がポリシーで無効になっているハイブリッド参加の再登録',
  'lab.scenario.policy-disabled-hybrid.intro':
    'ハイブリッド参加済みの PC ですが、組織が後から「ドメインに参加しているコンピューターをデバイスとして登録する」を無効にしています。/leave と再起動の後、PC は再登録されません。対処手順の条件付きステップに従って管理者がポリシーを確認し、再び許可すると PC が登録されます。',
  'lab.scenario.disabled-not-deleted.title': '削除ではなく無効化: 135011 (有効化のみ、再登録はしない)',
  'lab.scenario.disabled-not-deleted.intro':
    'クリーンアップ ジョブがデバイス オブジェクトを無効化した Microsoft Entra 参加済みの PC です。PRT の更新が AADSTS135011 で失敗します。オブジェクトは残っているので、有効化して PRT を取り直すだけで回復します。再登録は誤りです。',
  'lab.scenario.hybrid-out-of-sync-scope.title': 'OU が同期対象から外れたハイブリッド参加の PC',
  'lab.scenario.hybrid-out-of-sync-scope.intro':
    'Entra Connect の OU フィルタリングの変更で PC の OU が対象から外れ、次回の同期でデバイス オブジェクトが削除されます。/leave だけでは戻りません。管理者が OU を同期対象に戻すと、PC が再登録されます。',
  'lab.scenario.dual-state-hybrid.title': 'デュアル状態: Windows 10 1809 でハイブリッド参加と登録が併存',
  'lab.scenario.dual-state-hybrid.intro':
    'ハイブリッド参加の完了前にユーザーが職場アカウントを接続し、Intune にも登録されている PC です (管理者は把握しています)。ハイブリッドのオブジェクトが削除されます。対処手順では余分な登録を削除し、Intune でリタイアしてからハイブリッド参加を作り直します。',
  'lab.scenario.disabled-ambiguous-status.title': '無効化されているが、出力だけでは区別できない場合 (DeviceAuthStatus のみ)',
  'lab.scenario.disabled-ambiguous-status.intro':
    'PRT の更新直後に無効化された Microsoft Entra 参加済みの PC です。PRT の試行はまだ失敗していないため、出力には「DeviceAuthStatus : FAILED. Device is either disabled or deleted」しか表れず、ユーザーもエラー コードを控えていません。何かを作り直す前に、削除か無効化かを確かめる必要があります。無効化されたオブジェクトは有効にするだけで、再登録はしません。',
  'lab.scenario.old-windows-1607.title': '古い Windows 10 1607 のハイブリッド参加 PC (旧形式の出力)',
  'lab.scenario.old-windows-1607.intro':
    '1607 の出力には DeviceAuthStatus も PRT の診断情報もありません。700003 の証拠はユーザーが見たエラーだけです。ヘルプデスクがそのエラーを dsreg-doctor に渡すと、ハイブリッド参加の対処手順が示されます。出力からは参加の失敗がわからない (PRT がまだキャッシュされている) ため、先に管理センターでオブジェクトがないことを確認してから /leave します。',
  'lab.scenario.stale-registration-hybrid.title': 'ハイブリッド参加は正常で、並んで残っている Entra 登録が削除された場合',
  'lab.scenario.stale-registration-hybrid.intro':
    'ハイブリッド参加の完了前にユーザーが職場アカウントを接続していました (デュアル状態)。クリーンアップでその登録のデバイス オブジェクトが削除されます。参加は正常です。職場アカウントでサインインしている Outlook に 700003 が表示され、エラー画面のデバイス識別子は WorkplaceDeviceId です。その登録だけを切断します。再接続はしません (参加がテナントをカバーします)。/leave もしません。',
  'lab.scenario.stale-registration-needs-device-id.title': '同じ状況で、エラーの文面だけがある場合: テナントは参加と同じ',
  'lab.scenario.stale-registration-needs-device-id.intro':
    'エラーは参加と同じテナントを示しており、参加は正常です。それだけではもう一方の登録が失敗しているとは言えません。dsreg-doctor はまずエラー画面のデバイス識別子を求め、その識別子が示す登録だけを切断します。',
  'lab.scenario.partner-tenant-work-account.title': 'あるテナントに Entra 参加し、パートナー テナントの職場アカウントが削除された場合',
  'lab.scenario.partner-tenant-work-account.intro':
    'PC はユーザー自身のテナントに Entra 参加しており、パートナー組織の職場アカウントも持っています。パートナーがデバイス オブジェクトを削除し、エラーはパートナーのテナントを示します。その職場アカウントだけを切断して再接続します (パートナーのアプリに必要です)。正常な参加には触れません。',
  'lab.scenario.output-taken-as-system.title': '出力が SYSTEM として取得され、残っている登録が失敗している場合',
  'lab.scenario.output-taken-as-system.intro':
    'ヘルプデスクがリモート ツールで SYSTEM として dsregcmd /status を実行しました。出力には正常な参加だけが表示され、ユーザーの情報はありません。dsreg-doctor は何も変更せず、ユーザー自身の実行結果、次にエラー画面のデバイス識別子を求め、そのうえで残っている登録だけを切断します。',
  'lab.scenario.healthy-while-other-device-fails.title': '正常な PC と、別のデバイスのエラー画面',
  'lab.scenario.healthy-while-other-device-fails.intro':
    'ユーザーがこの PC の出力と、別のデバイスの 700003 のエラー画面を送ってきました (そのデバイス識別子はこの PC にありません)。dsreg-doctor はこの出力に失敗が表示されていないことを伝え、判断に必要な情報を求めます。この PC では何も変更しません。',

  'lab.point.healthy': 'すべて正常に動作しています',
  'lab.point.loss.deleted': 'デバイス オブジェクトが削除されます ({actor})',
  'lab.point.loss.disabled': 'デバイス オブジェクトが無効化されます ({actor})',
  'lab.point.loss.unscoped': 'PC の OU が Entra Connect の同期対象から外れます',
  'lab.point.symptom.sign-in': '月曜日の朝: ユーザーがサインインしてアプリを開きます',
  'lab.point.symptom.unlock': '月曜日の朝: ユーザーが PC のロックを解除してアプリを開きます',
  'lab.point.step': '対処手順のステップ: {step}',
  'lab.point.allNo': '確認ポイント: AzureAdJoined と WorkplaceJoined がどちらも NO',

  'lab.actor.admin': '管理者',
  'lab.actor.cleanup': '古いデバイスのクリーンアップ ジョブ',
  'lab.actor.sync': 'Microsoft Entra Connect 同期',
  'lab.actor.user': 'ユーザー',
  'lab.actor.helpdesk': 'ヘルプデスク',
  'lab.actor.windows': 'Windows (システム)',
  'lab.actor.entra': 'Microsoft Entra ID (サービス)',
  'lab.actor.mdm': 'Intune (MDM サービス)',

  'lab.event.syncCreatedPending': 'コンピューター {computer} からデバイス オブジェクト {deviceId} を作成しました (PC が登録を完了するまで「保留中」です)。',
  'lab.event.syncDeletedStale': 'デバイス オブジェクト {deviceId} を削除しました: コンピューター {computer} にその証明書がなくなったためです。',
  'lab.event.syncDeletedOutOfScope': 'デバイス オブジェクト {deviceId} を削除しました: コンピューター {computer} が同期対象から外れたためです。',
  'lab.event.syncEnabled': 'デバイス オブジェクト {deviceId} を有効にしました (オンプレミスでコンピューター {computer} が有効なため)。',
  'lab.event.syncDisabled': 'デバイス オブジェクト {deviceId} を無効にしました (オンプレミスでコンピューター {computer} が無効なため)。',
  'lab.event.deltaSync': 'Entra Connect サーバーで差分同期を実行しました (Start-ADSyncSyncCycle -PolicyType Delta)。',
  'lab.event.objectDeleted': 'Microsoft Entra ID でデバイス {name} ({trustType}、DeviceId {deviceId}) を削除しました。',
  'lab.event.objectDisabled': 'Microsoft Entra ID でデバイス {name} (DeviceId {deviceId}) を無効にしました。',
  'lab.event.objectEnabled': 'Microsoft Entra 管理センターでデバイス {name} (DeviceId {deviceId}) を有効にしました。',
  'lab.event.computerEnabled': 'Active Directory でコンピューター アカウント {computer} を有効にしました。',
  'lab.event.computerDisabled': 'Active Directory でコンピューター アカウント {computer} を無効にしました。',
  'lab.event.ouAddedToScope': '{ou} を Entra Connect の同期対象に戻しました。',
  'lab.event.ouRemovedFromScope': '{ou} を Entra Connect の同期対象 (ドメインと OU のフィルタリング) から外しました。',
  'lab.event.autoRegistrationEnabled': '「ドメインに参加しているコンピューターをデバイスとして登録する」を未構成に戻しました (自動登録を許可)。',
  'lab.event.autoRegistrationDisabled': 'グループ ポリシー「ドメインに参加しているコンピューターをデバイスとして登録する」を無効にしました。',
  'lab.event.mdmRetired': 'Intune でデバイスをリタイアしました。次回のチェックインで登録が削除されます。',
  'lab.event.mdmEnrolled': 'PC が Intune に登録され (自動登録)、準拠と報告しています。',
  'lab.event.connectBlockedByPolicy':
    '接続が拒否されました: このドメイン参加済みの PC では BlockAADWorkplaceJoin により Microsoft Entra 登録が禁止されています。',
  'lab.event.workAccountConnected':
    '[設定] > [アカウント] > [職場または学校にアクセスする] で職場アカウント {upn} を接続しました: 新しい登録、DeviceId {deviceId}。',
  'lab.event.disconnectBlockedByMdm': '切断が拒否されました: このアカウントは組織によって管理されています (このアカウントで行った Intune 登録が残っています)。',
  'lab.event.workAccountDisconnected': '職場アカウントを切断しました (登録 {deviceId} を PC から削除)。',
  'lab.event.entraJoined': 'PC を Microsoft Entra ID に参加させました: 新しいデバイス オブジェクト、DeviceId {deviceId}。',
  'lab.event.forcerecoveryNotElevated':
    '通常のコマンド プロンプトで dsregcmd /forcerecovery を実行しました: 管理者として実行する必要があるため、エラーになりました。',
  'lab.event.forcerecoveryBlockedByMdm': 'dsregcmd /forcerecovery で再参加できませんでした: デバイスがまだ MDM に登録されています。',
  'lab.event.forcerecoveryStarted':
    '管理者として dsregcmd /forcerecovery を実行しました: 古い参加 ({deviceId}) が削除され、サインイン画面が表示されたので、ユーザーが [サインイン] を選択しました。',
  'lab.event.leaveNotElevated': '管理者権限なしで dsregcmd /leave を実行しました: 拒否されました (管理者権限が必要です)。',
  'lab.event.leaveBlockedByMdm': 'この参加で行った MDM 登録が残っているため、dsregcmd /leave が拒否されました。',
  'lab.event.left': '管理者として dsregcmd /leave を実行しました: 参加 {deviceId} が PC から削除されました。',
  'lab.event.keyNotPresent':
    'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage に https://login.microsoftonline.com のキーはありません。削除するものはありません。',
  'lab.event.keyDeleted':
    'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com をエクスポートしてから削除しました。',
  'lab.event.keyLeftover':
    'ユーザーの AAD\\Storage\\https://login.microsoftonline.com キーは以前の登録の残りです。Windows はこれを更新しなくなっており、デバイス {deviceId} を提示し続けます。',
  'lab.event.taskDisabledByPolicy': 'Automatic-Device-Join は何もしませんでした: 自動登録がポリシーで無効になっています。',
  'lab.event.taskPublishedCertificate':
    'Automatic-Device-Join が新しいキーを作成し、証明書 (DeviceId {deviceId}) をコンピューター {computer} の userCertificate に書き込みました。',
  'lab.event.hybridRegistered': 'ハイブリッド参加が完了しました: DeviceId {deviceId} が Microsoft Entra ID に登録されました。',
  'lab.event.hybridWaitingForSync':
    'ハイブリッド参加の試行が 0x801c03f2 で失敗しました: Microsoft Entra ID にまだオブジェクト {deviceId} がありません (Entra Connect の同期待ち)。',
  'lab.event.signedIn': '{upn} で Windows にサインインしました。',
  'lab.event.signedOut': 'サインアウトしました。',
  'lab.event.rebooted': 'PC を再起動しました。',
  'lab.event.locked': 'PC をロックしました。',
  'lab.event.unlocked': 'PC のロックを解除しました。',
  'lab.event.refreshPrt': 'ユーザーとして dsregcmd /refreshprt を実行しました。',
  'lab.event.prtIssued': 'デバイス {deviceId} の PRT を発行しました。',
  'lab.event.prtRenewed': 'デバイス {deviceId} の PRT を更新しました。',
  'lab.event.prtAcquireFailed': 'デバイス {deviceId} の PRT 要求を拒否しました: {code}。',
  'lab.event.prtRefreshFailed': 'デバイス {deviceId} の PRT の更新を拒否しました: {code}。',
  'lab.event.openedApps': 'Edge、Teams、Outlook を開きました: 3 つのうち {failed} つが失敗 ({codes})。',
  'lab.event.collectedAgain': 'dsregcmd /status をもう一度取得しました。',
  'lab.event.mdmBlockShown':
    'ブロックされた手順で、デバイスが組織によって管理されている (MDM に登録済み) ことがわかりました: 計画の代替手段として MDM でリタイアし、手順をやり直しました。',
  'lab.event.confirmed.missing': 'Microsoft Entra 管理センターで DeviceId {deviceId} を検索しました: 見つかりません (削除済み)。',
  'lab.event.confirmed.disabled': 'Microsoft Entra 管理センターで DeviceId {deviceId} を検索しました: 存在し、無効になっています。',
  'lab.event.confirmed.present': 'Microsoft Entra 管理センターで DeviceId {deviceId} を検索しました: 存在し、有効です。',
  'lab.event.policyCheckedOk': 'ポリシー、Automatic-Device-Join タスク、同期対象を確認しました: すべて要件どおりです。',
  'lab.event.objectNotFound': 'Microsoft Entra 管理センターで DeviceId {deviceId} を検索しました: 該当するデバイスはありません。',
  'lab.event.checkedNothingWrong': '確認しました ({step}): このラボでは問題ありません。',

  'lab.skip.notEnrolled': '実施しません: PC は MDM に登録されていません。',
  'lab.skip.notBlockedByMdm': '実施しません: MDM の登録によってブロックされた手順はありません (リタイアは代替手段です)。',
  'lab.skip.notDomainJoined': '実施しません: PC はドメインに参加していません。',
  'lab.skip.cameBack': '実施しません: 条件に当てはまりません (PC が自動的に再登録されました)。',
  'lab.skip.noNetworkProblem': '実施しません: 条件に当てはまりません (ネットワークの問題はありません)。',
  'lab.skip.confirmedDisabled': '実施しません: オブジェクトは無効化されているだけだと確認できました。',
  'lab.skip.confirmedPresent': '実施しません: オブジェクトは存在し有効なので、失敗しているのはこの参加ではありません。',
  'lab.skip.confirmedNotDisabled': '実施しません: オブジェクトは無効化されていないと確認できました。',
  'lab.skip.noWorkAccount': '実施しません: 切断する職場アカウントがありません。',
  'lab.skip.alreadyConnected': '実施しません: 職場アカウントはすでに接続されています。',
  'lab.note.retiredFirst': '最初は Intune の登録のためにできませんでしたが、対処手順のとおり Intune でデバイスをリタイアしてから、もう一度実施しました。',
  'lab.note.blocked.mdm': 'MDM の登録のためにできません。対処手順にはデバイスのリタイアが含まれていません。',
  'lab.note.blocked.needs-elevation': '拒否されました: 管理者権限が必要です。',
  'lab.note.blocked.policy-block': 'ポリシー (BlockAADWorkplaceJoin) により拒否されました。',
  'lab.note.blocked.not-applicable': 'PC の現在の状態では実施できません。',
  'lab.note.blocked.no-object': '該当するデバイス オブジェクトがありません。',
  'lab.note.blocked.not-enrolled': 'PC は登録されていません。',

  'lab.fail.baseline': '正常なはずの PC が正常ではありません (ラボのモデルの不具合です)。エラーの検出事項: {findings}。',
  'lab.fail.notBroken': 'オブジェクトを失っても PC に影響がありませんでした (ラボのモデルの不具合です)。',
  'lab.fail.touchedHealthy': '出力で正常と表示されている登録を変更する計画がありました ({detail})。',
  'lab.fail.contactSupport': 'デバイスが失敗したまま、対処手順が「サポートに問い合わせる」(ポイント {n}) に達しました。',
  'lab.fail.blocked': 'このステップを実施できませんでした ({reason})。',
  'lab.fail.exhausted': '対処手順のすべてのステップを実施しましたが、デバイスはまだ失敗します。対処手順: {steps}。',
  'lab.fail.finalCheck': 'シミュレーション上は正常ですが、状態の出力にそれが表れていません: {problems}。',

  'lab.run.header': '{title}\nシナリオ: {id}',
  'lab.run.happened': '起きたこと:',
  'lab.run.userSees': 'ユーザーに見えるもの:',
  'lab.run.appOk': '{app}: パスワードを求められずにサインインできます。',
  'lab.run.appOkNoSso': '{app}: 使えますが、パスワードを求められます (デバイスによるサインオンなし)。',
  'lab.run.appFailed': '{app}: エラー画面 — {message}',
  'lab.run.status': 'ユーザーとして実行した dsregcmd /status (主要な行。全体: dsreg-doctor lab render {id} --step {n}):',
  'lab.run.statusFull': 'ユーザーとして実行した dsregcmd /status:',
  'lab.run.statusSystem': 'ヘルプデスクが受け取った、SYSTEM として実行した dsregcmd /status (主要な行。全体: dsreg-doctor lab render {id} --step {n}):',
  'lab.run.statusFullSystem': 'ヘルプデスクが受け取った、SYSTEM として実行した dsregcmd /status:',
  'lab.run.says': 'dsreg-doctor の診断:',
  'lab.run.knownPolicyOff': '管理者は、自動登録がポリシーで無効になっていることも dsreg-doctor に伝えています。',
  'lab.run.nothingWrong': '問題は見つかりませんでした。',
  'lab.run.plan': '対処手順:',
  'lab.run.flagAdmin': ' [管理者]',
  'lab.run.flagConditional': ' [必要な場合のみ]',
  'lab.run.fix': '実施する対処: {title}',
  'lab.run.why': '理由: {why}',
  'lab.run.outcome.done': '実施しました。',
  'lab.run.outcome.done-after-retire': '実施しました (Intune でデバイスをリタイアした後)。',
  'lab.run.outcome.skipped': '実施しませんでした。',
  'lab.run.outcome.blocked': '実施できませんでした。',
  'lab.run.outcome.reached': '対処手順の最後のステップに達しました。',
  'lab.run.healed':
    '結果: ステップ「{step}」の後に回復しました。PC は PRT を持ち、Windows が表示する場合は DeviceAuthStatus が SUCCESS で、Edge、Teams、Outlook にサインインできます。',
  'lab.run.failed': '結果: 回復しませんでした — {step} で: {reason}\n状態: {state}',
  'lab.run.noStoryIntro': 'マトリクス シナリオ: {title}。',

  'lab.check.failure': '失敗 {id}: {step} で: {reason}\n  状態: {state}',
  'lab.check.summary': '{total} 件のシナリオ (ストーリー {stories} 件、マトリクス {matrix} 件) を {seconds} 秒で確認しました。',
  'lab.check.cleanup':
    'cleanup: 段階的なクリーンアップで AADSTS700003 が表示された利用者 {staged} 人。一括削除で AADSTS700003 の PC {oneStep} 台、fleet が見つけたもの {found} 台。',
  // --- 復元を最初に (#18) -------------------------------------------------------------------------
  'lab.scenario.restore-joined-within-30-days.title': '復元を最初に: 3 日前に削除された Entra 参加 PC',
  'lab.scenario.restore-joined-within-30-days.intro':
    'テナントは削除済みデバイスを保持しています (デバイスの論理削除、プレビュー)。管理者が金曜日に Entra 参加 PC を削除し、月曜日にヘルプデスクが削除済みアイテムで見つけて復元します。ユーザーがサインアウトしてサインインし直すと、同じ DeviceId で再び使えます。PC 側は何も操作しません。',
  'lab.scenario.restore-registered-within-30-days.title': '復元を最初に: クリーンアップ ジョブで削除された職場アカウントの登録',
  'lab.scenario.restore-registered-within-30-days.intro':
    'クリーンアップ ジョブが Entra 登録デバイスを削除しました。まだ削除済みアイテムにあるため、復元すると同じ WorkplaceDeviceId が戻ります。職場アカウントの切断と再接続は不要です。',
  'lab.scenario.restore-joined-after-30-days.title': '復元には遅すぎる: 31 日前に削除された Entra 参加 PC',
  'lab.scenario.restore-joined-after-30-days.intro':
    'チケットが届いたのは削除から 1 か月後で、オブジェクトは完全に削除されています。復元しようとしても見つからず、PC の再参加 (dsregcmd /forcerecovery) だけが有効です。',
  'lab.scenario.restore-registered-after-30-days.title': '復元には遅すぎる: 31 日前に削除された登録済みデバイス',
  'lab.scenario.restore-registered-after-30-days.intro':
    '30 日を過ぎると削除済みアイテムに登録は残っていません。職場アカウントを切断して、もう一度接続します。',
  'lab.scenario.restore-hybrid-hard-deleted.title': 'ハイブリッド参加デバイスは復元できません',
  'lab.scenario.restore-hybrid-hard-deleted.intro':
    'テナントが削除済みデバイスを保持していても、ハイブリッド参加のオブジェクトは完全に削除されます。対処手順は復元を示さず、PC は参加を解除して再登録します (Entra Connect がオブジェクトを作り直し、最初は保留中になります)。',
  'lab.scenario.restore-not-for-disabled.title': '無効化されたデバイスは復元ではなく有効化します',
  'lab.scenario.restore-not-for-disabled.intro':
    'テナントは削除済みデバイスを保持していますが、このオブジェクトは無効にされただけで、[すべてのデバイス] に残っています。対処手順は有効化で、復元も再登録もしません。',
  'lab.event.objectSoftDeleted': 'Entra ID が DeviceId {deviceId} を削除済みアイテムに移しました (30 日間は復元できます)。',
  'lab.event.deletedItemPurged': 'Entra ID が DeviceId {deviceId} を完全に削除しました (削除済みアイテムで 30 日経過)。',
  'lab.event.notInDeletedItems': 'DeviceId {deviceId} は削除済みアイテムにありません。復元できません。',
  'lab.event.objectRestored': 'DeviceId {deviceId} を削除済みアイテムから復元しました (削除から {days} 日後)。',
  'lab.event.recoveryArmed': 'DeviceId {deviceId} の回復を開始しましたが、サインインを完了していません (AadRecoveryEnabled : YES)。',
  'lab.skip.notRestorable': '復元できません: オブジェクトは削除済みアイテムにありません。PC 側の手順に進みます。',
  'lab.fail.healedByOther': '{actual} の後で回復しましたが、このシナリオは {expected} の後で回復する必要があります。',
  'lab.fail.otherDevice': '正常なこの PC に別のデバイスのエラー: {problem}。',
  'lab.fail.restoreNotApplicable': '復元できないデバイス (ハイブリッド参加、または削除されていない) に対して、対処手順が復元を示しています。',
  'lab.fail.restoreNotFirst': '復元が対処手順にありますが、最初の手順になっていません。',
  'lab.fail.restoreMissing': '削除された Entra 参加または Entra 登録のデバイスなのに、対処手順が復元を示していません。',
  'lab.check.verifyFailure': '失敗 {id}: {problem}',
  'lab.check.verifySummary': 'verify: 途中または誤った対処 {total} 件のうち {ok} 件で正しい判定が出て、その次の手順で回復しました。',
  'lab.check.harmViolation': '失敗していない登録を変更 {id}: {detail}',
  'lab.check.harmSummary': '無害性: 適用した手順 {applied} 件のうち、失敗していない登録を変更したもの {violations} 件。',
};
