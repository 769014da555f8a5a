import type { CodeCategory, CodeFamily } from '../contract/codes.js';
import { STEP_IDS, type StepId } from '../contract/steps.js';

export type { CodeCategory, CodeFamily };

/**
 * Error-code knowledge base shared by diagnose, `explain`, the web app and fleet.
 *
 * Every entry is backed by the reference notes in shared/docs/domain (02, 03, 04, 06, 07,
 * 08, 01). Texts are our own wording. Codes the notes mark as observed/secondary say so
 * in their text. Nothing here is guessed: an unknown code gives `undefined`.
 */

export type CodePhase = 'pre-check' | 'discover' | 'auth' | 'join' | 'prt' | 'sign-in';

export interface LocalizedText {
  meaning: string;
  cause: string;
  action: string;
}

export interface CodeEntry {
  /** Canonical form: 'AADSTS700003', 'MSIS7068', '0x801c03f2' (0x + 8 lowercase hex), 'DirectoryError'. */
  code: string;
  family: CodeFamily;
  category: CodeCategory;
  /** e.g. 'DSREG_E_DIRECTORY_FAILURE', 'STATUS_LOGON_FAILURE', 'ERROR_WINHTTP_TIMEOUT'. */
  symbol?: string;
  /** Hybrid join Error Phase, or where the code shows up. */
  phase?: CodePhase;
  severity: 'error' | 'warning' | 'info';
  /** Plan step ids this code points to. */
  steps: StepId[];
  en: LocalizedText;
  ja: LocalizedText;
  /** Microsoft Learn page for the code, when the notes name one. */
  docs?: string;
}

/** The plan step ids an entry may point to: the contract's list (src/contract/steps.ts). */
export const CODE_STEP_IDS = STEP_IDS;
export type CodeStepId = StepId;

const DOC_HYBRID = 'https://learn.microsoft.com/entra/identity/devices/troubleshoot-hybrid-join-windows-current';
const DOC_PRT = 'https://learn.microsoft.com/entra/identity/devices/troubleshoot-primary-refresh-token';
const DOC_AADSTS = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const DOC_700003 = 'https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts700003-device-object-not-found';
const DOC_CA = 'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access';

// Re-registration advice, per join type, reused by the deleted-device codes.
const EN_REREGISTER =
  'Re-register the device according to its join type (see `dsregcmd /status`): Entra registered (WorkplaceJoined: YES) → Settings > Accounts > Access work or school, select the account, Disconnect, then Connect again; Entra joined (only AzureAdJoined: YES) → in a command prompt opened with "Run as administrator" run `dsregcmd /forcerecovery` and sign in; hybrid joined (DomainJoined and AzureAdJoined: YES) → as administrator run `dsregcmd /leave`, restart, and sign in with the domain account so the device joins again.';
const JA_REREGISTER =
  '`dsregcmd /status` で参加の種類を確認し、種類に合わせて再登録します。Entra 登録済み (WorkplaceJoined: YES) の場合は「設定」>「アカウント」>「職場または学校にアクセスする」で対象のアカウントを選択して「切断」し、「接続」から登録し直します。Entra 参加済み (AzureAdJoined のみ YES) の場合はコマンド プロンプトを「管理者として実行」で開き、`dsregcmd /forcerecovery` を実行してサインインします。ハイブリッド参加済み (DomainJoined と AzureAdJoined が YES) の場合は管理者として `dsregcmd /leave` を実行し、再起動後にドメイン アカウントでサインインし直すと自動で再参加します。';

const EN_READ_SERVER_CODE =
  'Find the server-side error: the Server Error Description line in `dsregcmd /status` (SSO State), or AAD event 1081 (Entra ID) / 1088 (WS-Trust); event 1022 shows the URL. Then look up that AADSTS code.';
const JA_READ_SERVER_CODE =
  'サーバー側のエラーを確認します。`dsregcmd /status` の SSO State にある Server Error Description、またはイベント ビューアーの AAD ログのイベント 1081 (Entra ID) / 1088 (WS-Trust) を参照し (アクセス先 URL はイベント 1022)、そこに出ている AADSTS コードを調べてください。';

const EN_NET_CHECK =
  'Check the network path: the URL is in AAD event 1084 / 1022. The outbound proxy must let the computer account discover it and authenticate silently. If unclear, capture a `netsh trace` while reproducing.';
const JA_NET_CHECK =
  'ネットワーク経路を確認します。アクセス先 URL は AAD ログのイベント 1084 / 1022 に記録されます。送信プロキシがコンピューター アカウントでも自動検出・サイレント認証できる設定か確認し、原因が分からない場合は再現時に `netsh trace` でトレースを取得してください。';

const EN_REACH_DRS =
  'Make sure https://enterpriseregistration.windows.net (and https://login.microsoftonline.com) can be reached in the SYSTEM context, and that the proxy lets the computer account through silently.';
const JA_REACH_DRS =
  'SYSTEM コンテキストから https://enterpriseregistration.windows.net (および https://login.microsoftonline.com) に到達できるか、またプロキシがコンピューター アカウントの通信をサイレントに通すか確認してください。';

const EN_AUTH_NET = 'Make sure https://login.microsoftonline.com and the on-premises federation server can be reached in the SYSTEM context.';
const JA_AUTH_NET = 'SYSTEM コンテキストから https://login.microsoftonline.com とオンプレミスのフェデレーション サーバーに到達できるか確認してください。';

export const CODES: readonly CodeEntry[] = [
  // ───────────────────────────── AADSTS: device, PRT, Conditional Access ─────────────────────────────
  {
    code: 'AADSTS700003',
    family: 'aadsts',
    category: 'device-missing',
    phase: 'sign-in',
    severity: 'error',
    steps: [
      'restore-device-object',
      'disconnect-work-account',
      'reconnect-work-account',
      'forcerecovery',
      'leave-and-reboot',
      'clear-aad-storage-key',
      'retire-in-mdm',
      'check-auto-registration-policy',
      'contact-support',
    ],
    en: {
      meaning:
        'The device the client presented is not in the tenant: Entra ID has no device object for that device ID. Users may also see "Your organization has deleted this device".',
      cause:
        'The device object was deleted in the user\'s home tenant (the audit log shows a "Delete device" activity). Deleting the object does not unregister the PC, so it keeps asking for tokens with the old device ID and every such request fails.',
      action: `Ask an administrator when and why the device was deleted. If your tenant keeps deleted devices (device soft delete, preview) and an Entra joined or registered device was deleted less than 30 days ago, restore it first: the same device ID comes back and nothing on the PC changes (hybrid joined devices are deleted for good). ${EN_REREGISTER} If it still fails, check HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage for a leftover https://login.microsoftonline.com key, and retire the device in the MDM (e.g. Intune) if it is enrolled there.`,
    },
    ja: {
      meaning:
        'クライアントが提示したデバイス情報 (デバイス ID) に対応するデバイス オブジェクトが、Microsoft Entra ID のテナントに存在しないことを示すエラーです。「組織がこのデバイスを削除しました」と表示される場合もあります。',
      cause:
        'ユーザーのホーム テナントでデバイス オブジェクトが削除されています (監査ログに「デバイスの削除」アクティビティが記録されます)。オブジェクトを削除しても端末側の登録情報は残るため、端末は古いデバイス ID でトークンを要求し続け、その要求がすべて失敗します。',
      action: `まず管理者に、いつ・なぜデバイスが削除されたかを確認します。テナントが削除済みデバイスを保持していて (デバイスの論理削除、プレビュー)、Entra 参加または Entra 登録のデバイスの削除から 30 日以内であれば、先に復元してください。同じデバイス ID が戻り、PC 側は何も変わりません (ハイブリッド参加デバイスは完全に削除されます)。${JA_REREGISTER}それでも解消しない場合は、HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage に https://login.microsoftonline.com のキーが残っていないか確認し、Intune などの MDM に登録されている場合は MDM 側でのリタイアもお試しください。`,
    },
    docs: DOC_700003,
  },
  {
    code: 'AADSTS50155',
    family: 'aadsts',
    category: 'device-state',
    symbol: 'DeviceAuthenticationFailed',
    phase: 'prt',
    severity: 'error',
    steps: ['enable-device-object', 'disconnect-work-account', 'reconnect-work-account', 'forcerecovery', 'leave-and-reboot'],
    en: {
      meaning: 'Device authentication failed: Entra ID could not authenticate the device, so it will not issue or renew the Primary Refresh Token (PRT).',
      cause:
        'Usually the device object was deleted or disabled in Entra ID (for hybrid devices also: computer disabled on-premises or its OU removed from sync scope). Broken device keys or certificate can cause it too. `dsregcmd /status` then shows "DeviceAuthStatus : FAILED. Device is either disabled or deleted".',
      action: `Check the device in the Entra admin center. If it is disabled, enable it again (hybrid: enable the computer account in on-premises AD and let Entra Connect sync). If it was deleted: ${EN_REREGISTER}`,
    },
    ja: {
      meaning: 'デバイス認証に失敗したことを示すエラーです。Entra ID がデバイスを認証できないため、プライマリ更新トークン (PRT) が発行・更新されません。',
      cause:
        '多くの場合、Entra ID 上のデバイス オブジェクトが削除または無効化されています (ハイブリッド参加の場合は、オンプレミス AD でのコンピューターの無効化や、OU の同期対象外への変更も含みます)。デバイスのキーや証明書が壊れている場合にも発生します。このとき `dsregcmd /status` には「DeviceAuthStatus : FAILED. Device is either disabled or deleted」と表示されます。',
      action: `Microsoft Entra 管理センターで対象デバイスの状態を確認します。無効になっている場合は有効に戻します (ハイブリッド参加の場合はオンプレミス AD でコンピューター アカウントを有効にし、Entra Connect の同期を待ちます)。削除されている場合は次の手順で再登録します。${JA_REREGISTER}`,
    },
    docs: DOC_PRT,
  },
  {
    code: 'AADSTS135011',
    family: 'aadsts',
    category: 'device-disabled',
    phase: 'sign-in',
    severity: 'error',
    steps: ['enable-device-object'],
    en: {
      meaning: 'The device used for this authentication is disabled in Entra ID.',
      cause:
        "The device object has accountEnabled = false, set by an administrator (for example during stale-device cleanup) or, for a hybrid device, because the computer account was disabled in on-premises AD. Disabling also revokes the device's PRT and refresh tokens (can take about an hour).",
      action:
        'If the device is still in use, enable it again in the Entra admin center. For hybrid devices, enable the computer account in on-premises AD and let Entra Connect sync the change. Then sign out and back in.',
    },
    ja: {
      meaning: '認証に使われたデバイスが Microsoft Entra ID 上で無効になっていることを示すエラーです。',
      cause:
        'デバイス オブジェクトが無効 (accountEnabled = false) になっています。管理者による無効化 (古いデバイスの整理など) や、ハイブリッド参加デバイスでオンプレミス AD のコンピューター アカウントが無効化されたことが原因です。無効化すると、そのデバイスの PRT と更新トークンも失効します (反映まで最大 1 時間程度)。',
      action:
        '使用中のデバイスであれば、Microsoft Entra 管理センターでデバイスを有効に戻します。ハイブリッド参加の場合はオンプレミス AD でコンピューター アカウントを有効にし、Entra Connect の同期を待ちます。その後、サインアウトしてサインインし直してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS130007',
    family: 'aadsts',
    category: 'device-disabled',
    symbol: 'NgcDeviceIsDisabled',
    phase: 'sign-in',
    severity: 'error',
    steps: ['enable-device-object'],
    en: {
      meaning: 'Windows Hello for Business sign-in was refused because the device is disabled.',
      cause: 'The device object in Entra ID is disabled, so its Windows Hello key can no longer be used.',
      action:
        'Enable the device again in the Entra admin center (hybrid: enable the computer in on-premises AD and wait for sync), then have the user sign in again.',
    },
    ja: {
      meaning: 'デバイスが無効になっているため、Windows Hello for Business でのサインインが拒否されたことを示すエラーです。',
      cause: 'Entra ID 上のデバイス オブジェクトが無効化されているため、そのデバイスの Windows Hello のキーが使えなくなっています。',
      action:
        'Microsoft Entra 管理センターでデバイスを有効に戻します (ハイブリッド参加の場合はオンプレミス AD でコンピューターを有効にして同期を待ちます)。その後、ユーザーにサインインし直してもらってください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS130008',
    family: 'aadsts',
    category: 'device-missing',
    symbol: 'NgcDeviceIsNotFound',
    phase: 'sign-in',
    severity: 'error',
    steps: ['disconnect-work-account', 'reconnect-work-account', 'forcerecovery', 'leave-and-reboot'],
    en: {
      meaning: "The device that the user's Windows Hello for Business key belongs to could not be found.",
      cause: 'The device object was deleted in Entra ID, so the Hello key points to a device that no longer exists.',
      action: `${EN_REREGISTER} After that, set up Windows Hello for Business again.`,
    },
    ja: {
      meaning: 'ユーザーの Windows Hello for Business のキーが紐づくデバイスが見つからないことを示すエラーです。',
      cause: 'Entra ID 上でデバイス オブジェクトが削除されているため、Hello のキーが存在しないデバイスを参照しています。',
      action: `${JA_REREGISTER}その後、Windows Hello for Business を設定し直してください。`,
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50097',
    family: 'aadsts',
    category: 'device-state',
    symbol: 'DeviceAuthenticationRequired',
    phase: 'sign-in',
    severity: 'warning',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The sign-in must include device authentication (PRT, PKeyAuth or device certificate).',
      cause:
        'A policy such as Conditional Access needs to know the device, and the client did not prove it. Normally this is a short interrupt that the client answers automatically; if it keeps failing, the client cannot do device authentication (unsupported browser, private/InPrivate window, broker app missing).',
      action:
        'If it repeats, have the user sign in from a registered device with a supported browser (not private mode) or the broker app, then review the Conditional Access result in the sign-in log.',
    },
    ja: {
      meaning: 'サインインにデバイス認証 (PRT、PKeyAuth、デバイス証明書) が必要であることを示すエラーです。',
      cause:
        '条件付きアクセスなどでデバイスの識別が求められたのに、クライアントがデバイスを証明しませんでした。通常はクライアントが自動で応答する一時的な中断ですが、繰り返し失敗する場合はクライアントがデバイス認証を行えていません (非対応ブラウザー、InPrivate などのプライベート ウィンドウ、ブローカー アプリ未導入など)。',
      action:
        '繰り返し発生する場合は、登録済みのデバイスで、対応ブラウザー (プライベート モード以外) またはブローカー アプリからサインインしてもらい、サインイン ログの条件付きアクセスの結果を確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50187',
    family: 'aadsts',
    category: 'device-state',
    symbol: 'DeviceInformationNotProvided',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The service could not carry out device authentication.',
      cause:
        'No device information reached Entra ID, for example the browser lacks the SSO extension / Windows account support, or the device is not registered.',
      action:
        'Confirm the device is registered or joined (`dsregcmd /status`) and that the user signs in with a browser that passes the device identity (Edge, or Chrome with the Microsoft SSO extension), not in a private window.',
    },
    ja: {
      meaning: 'サービスがデバイス認証を実行できなかったことを示すエラーです。',
      cause:
        'デバイス情報が Entra ID に届いていません。ブラウザーに SSO 拡張機能 (Windows アカウント連携) がない、デバイスが登録されていない、などが考えられます。',
      action:
        '`dsregcmd /status` でデバイスが登録・参加済みか確認し、デバイス情報を渡せるブラウザー (Edge、または Microsoft SSO 拡張機能を入れた Chrome) を、プライベート ウィンドウ以外で使ってサインインしてもらってください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50129',
    family: 'aadsts',
    category: 'device-state',
    symbol: 'DeviceIsNotWorkplaceJoined',
    phase: 'sign-in',
    severity: 'error',
    steps: ['reconnect-work-account'],
    en: {
      meaning: 'This scenario requires the device to be registered in Entra ID (workplace join) first.',
      cause: 'The device is not Entra registered.',
      action: 'Register the device: Settings > Accounts > Access work or school > Connect, sign in with the work account, then try again.',
    },
    ja: {
      meaning: 'この操作の前に、デバイスを Microsoft Entra ID に登録 (ワークプレース参加) しておく必要があることを示すエラーです。',
      cause: 'デバイスが Entra ID に登録されていません。',
      action: '「設定」>「アカウント」>「職場または学校にアクセスする」>「接続」から職場のアカウントでサインインしてデバイスを登録し、もう一度お試しください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50127',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'BrokerAppNotInstalled',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'A broker app must be installed to reach this content.',
      cause: 'On a mobile device, Conditional Access or device authentication needs Microsoft Authenticator or Company Portal, and it is missing.',
      action: 'Install Microsoft Authenticator or Intune Company Portal on the device and sign in again.',
    },
    ja: {
      meaning: 'このコンテンツにアクセスするにはブローカー アプリのインストールが必要であることを示すエラーです。',
      cause: 'モバイル デバイスで、条件付きアクセスやデバイス認証に必要な Microsoft Authenticator または ポータル サイト (Company Portal) が入っていません。',
      action: 'デバイスに Microsoft Authenticator または Intune ポータル サイトをインストールし、もう一度サインインしてもらってください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50005',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'DevicePolicyError',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The user signed in from a device platform that Conditional Access does not currently allow.',
      cause: 'A Conditional Access policy with a device-platform condition blocked this platform.',
      action: 'Check which policy applied in the sign-in log (Conditional Access tab) and whether this platform should be allowed.',
    },
    ja: {
      meaning: '条件付きアクセスで現在許可されていないデバイス プラットフォームからサインインしたことを示すエラーです。',
      cause: 'デバイス プラットフォームを条件とする条件付きアクセス ポリシーにより、このプラットフォームがブロックされました。',
      action: 'サインイン ログの「条件付きアクセス」タブで適用されたポリシーを確認し、このプラットフォームを許可すべきか管理者と確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS53000',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'DeviceNotCompliant',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'Conditional Access requires a compliant device and this device did not qualify.',
      cause:
        'The device is not enrolled in MDM (e.g. Intune), is not compliant, or Entra ID could not identify it at all (no device ID in the request, device deleted, or a browser that does not pass device identity).',
      action:
        'In the sign-in log, check Device info: an empty Device ID means the device was not identified (fix registration/browser); otherwise check Compliant/Managed and fix enrollment or compliance in Intune.',
    },
    ja: {
      meaning: '条件付きアクセスで準拠済みデバイスが求められましたが、このデバイスが条件を満たさなかったことを示すエラーです。',
      cause:
        'デバイスが MDM (Intune など) に登録されていない、準拠していない、または Entra ID がデバイスを識別できていません (要求にデバイス ID がない、デバイスが削除された、デバイス情報を渡さないブラウザーを使っている、など)。',
      action:
        'サインイン ログの「デバイス情報」を確認します。デバイス ID が空ならデバイスが識別されていないため、登録状態やブラウザーを見直します。デバイス ID がある場合は「準拠」「管理対象」の値を確認し、Intune 側の登録・準拠状態を修正してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS53001',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'DeviceNotDomainJoined',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access', 'sync-computer-object'],
    en: {
      meaning: 'Conditional Access requires a Microsoft Entra hybrid joined device and this device did not qualify.',
      cause: 'The device is not hybrid joined, is still "Pending" in the portal (synced but registration not completed), or was not identified in the request.',
      action:
        'Run `dsregcmd /status` on the device: if AzureAdJoined is NO, fix the hybrid join (Diagnostic Data shows the error). Check in the portal that the device is not Pending, and that the sign-in log shows a Device ID.',
    },
    ja: {
      meaning: '条件付きアクセスで Microsoft Entra ハイブリッド参加済みデバイスが求められましたが、このデバイスが条件を満たさなかったことを示すエラーです。',
      cause:
        'デバイスがハイブリッド参加していない、ポータル上で「保留中」(同期はされたが登録が完了していない) のまま、または要求の中でデバイスが識別されていません。',
      action:
        '端末で `dsregcmd /status` を実行し、AzureAdJoined が NO であればハイブリッド参加の失敗原因 (Diagnostic Data) を調べます。ポータルでデバイスが「保留中」になっていないか、サインイン ログにデバイス ID が記録されているかも確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS53002',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'ApplicationUsedIsNotAnApprovedApp',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The app in use is not an approved client app under Conditional Access.',
      cause: 'A Conditional Access policy requires an approved client app.',
      action: 'Have the user use an approved app (for example the Microsoft Outlook app) or review the policy.',
    },
    ja: {
      meaning: '使用中のアプリが、条件付きアクセスで承認されたクライアント アプリではないことを示すエラーです。',
      cause: '承認されたクライアント アプリの使用を求める条件付きアクセス ポリシーが適用されています。',
      action: '承認済みのアプリ (Microsoft Outlook アプリなど) を使ってもらうか、ポリシーの内容を管理者と確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS53003',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'BlockedByConditionalAccess',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'Conditional Access blocked the sign-in; no token was issued.',
      cause: 'A Conditional Access policy with a Block control matched, which can include device filters or platform conditions.',
      action: 'Open the sign-in event, Conditional Access tab, to see which policy blocked it and why; adjust the policy or the device as needed.',
    },
    ja: {
      meaning: '条件付きアクセスによってサインインがブロックされ、トークンが発行されなかったことを示すエラーです。',
      cause: 'ブロックを設定した条件付きアクセス ポリシーに一致しました (デバイス フィルターやプラットフォーム条件によるブロックを含みます)。',
      action:
        'サインイン ログの該当イベントで「条件付きアクセス」タブを開き、どのポリシーがブロックしたかを確認したうえで、ポリシーまたはデバイス側を調整してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS53004',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'ProofUpBlockedDueToRisk',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The user must finish MFA registration, but registration is blocked because of risk.',
      cause: 'Identity Protection / Conditional Access blocked MFA registration for a risky sign-in.',
      action: "An administrator should review the user's risk and let them register MFA from a trusted location or device.",
    },
    ja: {
      meaning: 'ユーザーは多要素認証 (MFA) の登録を完了する必要がありますが、リスクのため登録がブロックされていることを示すエラーです。',
      cause: 'リスクのあるサインインと判定され、Identity Protection や条件付きアクセスにより MFA 登録がブロックされました。',
      action: '管理者がユーザーのリスク状態を確認し、信頼できる場所・デバイスから MFA を登録できるようにしてください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS53009',
    family: 'aadsts',
    category: 'conditional-access',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The app has to enforce Intune app protection policies.',
      cause: 'Conditional Access requires an app protection policy and the app used does not apply one.',
      action: 'Use an app that supports Intune app protection, or review the Conditional Access policy.',
    },
    ja: {
      meaning: 'アプリが Intune のアプリ保護ポリシーを適用する必要があることを示すエラーです。',
      cause: '条件付きアクセスでアプリ保護ポリシーが求められていますが、使用中のアプリが対応していません。',
      action: 'Intune のアプリ保護に対応したアプリを使ってもらうか、条件付きアクセス ポリシーを確認してください。',
    },
    docs: DOC_CA,
  },
  {
    code: 'AADSTS530002',
    family: 'aadsts',
    category: 'conditional-access',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The device must be compliant (message seen in real-world output: "Your device is required to be compliant").',
      cause: "A compliant-device requirement was not met. This code is not in Microsoft's published list; treat it like 53000.",
      action: 'Check the sign-in log Device info (Device ID, Compliant) and fix device registration or Intune compliance.',
    },
    ja: {
      meaning: 'デバイスが準拠している必要があることを示すエラーです (実際の出力では "Your device is required to be compliant" と表示されます)。',
      cause: '準拠済みデバイスの要件を満たしていません。Microsoft の公開一覧には載っていないコードのため、53000 と同様に扱ってください。',
      action: 'サインイン ログの「デバイス情報」(デバイス ID、準拠) を確認し、デバイスの登録状態や Intune の準拠状態を修正してください。',
    },
  },
  {
    code: 'AADSTS530003',
    family: 'aadsts',
    category: 'conditional-access',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The device must be managed to access this resource (seen in Azure CLI output).',
      cause:
        "A managed/compliant-device requirement was hit by a client that cannot pass device state, such as device-code sign-in or a CLI on an unmanaged machine. Not in Microsoft's published list.",
      action: 'Sign in from a managed, registered device with a flow that carries device identity, or ask the administrator to review the policy for this app.',
    },
    ja: {
      meaning: 'このリソースにアクセスするには管理対象のデバイスが必要であることを示すエラーです (Azure CLI の出力などで見られます)。',
      cause:
        '管理対象・準拠デバイスの要件に対し、デバイスの状態を渡せないクライアント (デバイス コード フローでのサインインや、管理対象外のマシン上の CLI など) からアクセスしました。Microsoft の公開一覧には載っていないコードです。',
      action: 'デバイス情報を渡せる方法で、管理対象の登録済みデバイスからサインインしてもらうか、このアプリに対するポリシーを管理者と確認してください。',
    },
  },
  {
    code: 'AADSTS530032',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'BlockedByConditionalAccessOnSecurityPolicy',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'A security policy configured by the tenant administrator blocked the request.',
      cause: 'A tenant-level security policy matched this sign-in.',
      action: 'Ask the tenant administrator which security policy applies and whether this access should be allowed.',
    },
    ja: {
      meaning: 'テナント管理者が設定したセキュリティ ポリシーにより要求がブロックされたことを示すエラーです。',
      cause: 'テナント単位のセキュリティ ポリシーにこのサインインが該当しました。',
      action: 'どのセキュリティ ポリシーが適用されたか、このアクセスを許可すべきかをテナント管理者に確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS530035',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'BlockedBySecurityDefaults',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'Security defaults blocked the access.',
      cause: 'The tenant has security defaults enabled and this request falls under what they block.',
      action: 'Ask the administrator to review the security defaults (or the Conditional Access setup that replaces them).',
    },
    ja: {
      meaning: 'セキュリティの既定値群によってアクセスがブロックされたことを示すエラーです。',
      cause: 'テナントでセキュリティの既定値群が有効になっており、この要求がブロック対象に該当しました。',
      action: 'セキュリティの既定値群 (またはそれに代わる条件付きアクセスの構成) の見直しを管理者に依頼してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50131',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'ConditionalAccessFailed',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'A general Conditional Access failure.',
      cause: 'Covers several reasons, including a bad Windows device state, suspicious activity, or an access or security policy decision.',
      action: 'Look at the Conditional Access tab of the sign-in event and check the device state with `dsregcmd /status`.',
    },
    ja: {
      meaning: '条件付きアクセスに関する汎用的なエラーです。',
      cause: 'Windows デバイスの状態不良、不審なアクティビティによるブロック、アクセス ポリシーやセキュリティ ポリシーの判定など、複数の原因を含みます。',
      action: 'サインイン ログの「条件付きアクセス」タブを確認し、あわせて `dsregcmd /status` でデバイスの状態を確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS135010',
    family: 'aadsts',
    category: 'device-state',
    symbol: 'KeyNotFound',
    phase: 'sign-in',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'A key was not found (the list gives only "KeyNotFound").',
      cause: "A device or credential key that the sign-in relies on is missing. Microsoft's list gives no further detail.",
      action: 'Check `dsregcmd /status` (DeviceAuthStatus, KeySignTest, AadRecoveryEnabled) and escalate with the correlation ID if the cause is not clear.',
    },
    ja: {
      meaning: 'キーが見つからないことを示すエラーです (公開一覧の記載は "KeyNotFound" のみです)。',
      cause: 'サインインに使うデバイスまたは資格情報のキーが見つかりません。Microsoft の一覧にはこれ以上の説明がありません。',
      action:
        '`dsregcmd /status` の DeviceAuthStatus、KeySignTest、AadRecoveryEnabled を確認し、原因が分からない場合は相関 ID を添えてエスカレーションしてください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS130004',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'NgcKeyNotFound',
    phase: 'sign-in',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'The user has no Windows Hello for Business (NGC) key registered.',
      cause: 'The Windows Hello key for this user is missing in Entra ID.',
      action: 'Have the user sign in with their password and set up Windows Hello for Business again; escalate if it keeps failing.',
    },
    ja: {
      meaning: 'ユーザーに Windows Hello for Business (NGC) のキーが登録されていないことを示すエラーです。',
      cause: 'このユーザーの Windows Hello のキーが Entra ID 上にありません。',
      action: 'パスワードでサインインしてもらい、Windows Hello for Business を設定し直してください。繰り返す場合はエスカレーションしてください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS130005',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'NgcInvalidSignature',
    phase: 'sign-in',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'The Windows Hello for Business key signature could not be verified.',
      cause: "The signature made with the user's Hello key did not verify.",
      action: 'Have the user sign in with their password and set up Windows Hello again; escalate if it repeats.',
    },
    ja: {
      meaning: 'Windows Hello for Business のキーによる署名を検証できなかったことを示すエラーです。',
      cause: 'ユーザーの Hello のキーで作成された署名の検証に失敗しました。',
      action: 'パスワードでサインインしてもらい、Windows Hello を設定し直してください。繰り返す場合はエスカレーションしてください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS130006',
    family: 'aadsts',
    category: 'device-state',
    symbol: 'NgcTransportKeyNotFound',
    phase: 'sign-in',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'The Windows Hello (NGC) transport key is not configured on the device.',
      cause: "The device's transport key used with Windows Hello is missing or not set up.",
      action: 'Check device key health with an elevated `dsregcmd /status` (KeySignTest, AadRecoveryEnabled); escalate if it does not recover.',
    },
    ja: {
      meaning: 'デバイスに Windows Hello (NGC) のトランスポート キーが構成されていないことを示すエラーです。',
      cause: 'Windows Hello で使うデバイスのトランスポート キーが存在しないか、構成されていません。',
      action:
        '管理者として `dsregcmd /status` を実行し、KeySignTest や AadRecoveryEnabled でデバイス キーの状態を確認してください。回復しない場合はエスカレーションしてください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS140000',
    family: 'aadsts',
    category: 'prt',
    symbol: 'InvalidRequestNonce',
    phase: 'prt',
    severity: 'error',
    steps: ['refresh-prt'],
    en: {
      meaning: 'The request did not include a nonce.',
      cause: 'A PRT or PKeyAuth request arrived without the nonce Entra ID expects.',
      action: 'Lock and unlock the PC or run `dsregcmd /refreshprt` as the user, then check the AAD event logs if it repeats.',
    },
    ja: {
      meaning: '要求にノンス (nonce) が含まれていないことを示すエラーです。',
      cause: 'PRT や PKeyAuth の要求に、Entra ID が求めるノンスが含まれていませんでした。',
      action: 'PC をロックして解除するか、ユーザーとして `dsregcmd /refreshprt` を実行してください。繰り返す場合は AAD のイベント ログを確認します。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS140001',
    family: 'aadsts',
    category: 'prt',
    symbol: 'InvalidSessionKey',
    phase: 'prt',
    severity: 'error',
    steps: ['forcerecovery', 'leave-and-reboot', 'check-tpm'],
    en: {
      meaning: 'The PRT session key is not valid.',
      cause: 'The session key tied to the PRT can no longer be used, for example after the device keys were lost (TPM cleared).',
      action:
        'Let the device recover and re-register: Entra joined → `dsregcmd /forcerecovery` as administrator; hybrid joined → `dsregcmd /leave` as administrator, restart and sign in. Check the TPM state as well.',
    },
    ja: {
      meaning: 'PRT のセッション キーが無効であることを示すエラーです。',
      cause: 'PRT に紐づくセッション キーが使えなくなっています。TPM のクリアなどでデバイス キーが失われた場合などに発生します。',
      action:
        'デバイスを回復・再登録します。Entra 参加済みの場合は管理者として `dsregcmd /forcerecovery` を、ハイブリッド参加済みの場合は管理者として `dsregcmd /leave` を実行して再起動後にサインインします。TPM の状態もあわせて確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS221000',
    family: 'aadsts',
    category: 'other',
    symbol: 'DeviceOnlyTokensNotSupportedByResource',
    phase: 'sign-in',
    severity: 'error',
    steps: [],
    en: {
      meaning: 'The resource does not accept device-only tokens.',
      cause: 'A token issued for the device alone (no user) was sent to a resource that is not configured for that.',
      action: 'This is an application/resource configuration matter, not a device registration fault; refer it to the application owner.',
    },
    ja: {
      meaning: 'リソースがデバイスのみのトークンを受け付けない設定であることを示すエラーです。',
      cause: 'ユーザーを含まないデバイス単独のトークンが、それを受け付けるよう構成されていないリソースに送られました。',
      action: 'デバイス登録の問題ではなく、アプリやリソース側の構成の問題です。アプリケーションの担当者に確認を依頼してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS240001',
    family: 'aadsts',
    category: 'other',
    symbol: 'BulkAADJTokenUnauthorized',
    phase: 'join',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'The user is not allowed to register devices in Entra ID.',
      cause: 'The account used for bulk enrollment (provisioning package) lacks the right to join devices.',
      action:
        'Ask the administrator to allow that account to join devices (device settings in Entra ID) or to use a different account, then rebuild the package.',
    },
    ja: {
      meaning: 'ユーザーに Microsoft Entra ID へのデバイス登録が許可されていないことを示すエラーです。',
      cause: '一括登録 (プロビジョニング パッケージ) に使ったアカウントに、デバイスを参加させる権限がありません。',
      action: 'そのアカウントにデバイス参加を許可する (Entra ID のデバイス設定) か、別のアカウントを使うよう管理者に依頼し、パッケージを作り直してください。',
    },
    docs: DOC_AADSTS,
  },

  // ───────────────────────────── AADSTS: credentials / session ─────────────────────────────
  {
    code: 'AADSTS50126',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'InvalidUserNameOrPassword',
    phase: 'prt',
    severity: 'error',
    steps: ['check-credentials', 'refresh-prt'],
    en: {
      meaning: 'The user name or password could not be validated.',
      cause: 'The wrong password was used, or (hybrid with password hash sync) the password was just changed on-premises and has not reached Entra ID yet.',
      action:
        'Have the user confirm their password. If it was just changed, wait for password hash sync, then lock/unlock or sign out and in (or `dsregcmd /refreshprt`) to get a fresh PRT.',
    },
    ja: {
      meaning: 'ユーザー名またはパスワードを検証できなかったことを示すエラーです。',
      cause:
        'パスワードが誤っているか、ハイブリッド環境 (パスワード ハッシュ同期) でオンプレミス側のパスワードを変更した直後で、まだ Entra ID に同期されていません。',
      action:
        'ユーザーにパスワードを確認してもらいます。変更直後の場合はパスワード ハッシュ同期を待ってから、ロック解除またはサインインし直し (または `dsregcmd /refreshprt`) で PRT を取り直してください。',
    },
    docs: DOC_PRT,
  },
  {
    code: 'AADSTS50034',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'UserAccountNotFound',
    phase: 'prt',
    severity: 'error',
    steps: ['check-credentials'],
    en: {
      meaning: 'The user account does not exist in the tenant.',
      cause: 'The UPN was mistyped, or the user has not been synchronized to Entra ID.',
      action: 'Check the UPN used (AAD event 1144 or User Identity in `dsregcmd /status`) and confirm the user is synced to Entra ID.',
    },
    ja: {
      meaning: 'テナントにユーザー アカウントが存在しないことを示すエラーです。',
      cause: 'UPN の入力誤り、またはユーザーが Entra ID に同期されていないことが原因です。',
      action:
        '使われた UPN (AAD ログのイベント 1144、または `dsregcmd /status` の User Identity) を確認し、ユーザーが Entra ID に同期されているか確認してください。',
    },
    docs: DOC_PRT,
  },
  {
    code: 'AADSTS50057',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'UserDisabled',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-credentials'],
    en: {
      meaning: 'The user account is disabled.',
      cause:
        'The user was disabled in Entra ID (or on-premises and synced). Cached Windows logon may keep working until CloudAP notices (typically within 4 hours).',
      action: 'Confirm with the administrator whether the account should be enabled; this is a user-account issue, not a device one.',
    },
    ja: {
      meaning: 'ユーザー アカウントが無効になっていることを示すエラーです。',
      cause:
        'ユーザーが Entra ID 上で (またはオンプレミスで無効化されて同期され) 無効になっています。Windows へのキャッシュ ログオンは、CloudAP が状態を検知するまで (通常 4 時間以内) 使える場合があります。',
      action: 'アカウントを有効にすべきか管理者に確認してください。デバイスではなくユーザー アカウントの問題です。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50053',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'IdsLocked',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-credentials'],
    en: {
      meaning: 'The account is locked (too many sign-in attempts, or sign-ins from a malicious IP).',
      cause: 'Repeated failed sign-ins triggered lockout.',
      action: 'Wait for the lockout to expire and make sure no device or app keeps sending an old password.',
    },
    ja: {
      meaning: 'アカウントがロックされていることを示すエラーです (サインイン試行の繰り返し、または悪意のある IP からのサインイン)。',
      cause: 'サインインの失敗が繰り返されたため、ロックアウトされました。',
      action: 'ロックアウトの解除を待ち、古いパスワードを送り続けている端末やアプリがないか確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50058',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'UserInformationNotProvided',
    phase: 'sign-in',
    severity: 'info',
    steps: [],
    en: {
      meaning: 'There was not enough session information for single sign-on.',
      cause: 'No valid SSO session was available. This is common and expected for silent (prompt=none) requests.',
      action: 'Usually nothing to do. If users are prompted constantly, check the PRT with `dsregcmd /status` (SSO State).',
    },
    ja: {
      meaning: 'シングル サインオンに必要なセッション情報が不足していることを示すエラーです。',
      cause: '有効な SSO セッションがありませんでした。サイレント要求 (prompt=none) ではよくある想定内の動作です。',
      action: '通常は対応不要です。頻繁にサインインを求められる場合は `dsregcmd /status` の SSO State で PRT の状態を確認してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50076',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'UserStrongAuthClientAuthNRequired',
    phase: 'sign-in',
    severity: 'info',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'Multifactor authentication is required.',
      cause: 'A policy requires MFA for this access. It is often an interrupt that happens before any device check.',
      action: 'Have the user complete MFA. It is not a device problem by itself.',
    },
    ja: {
      meaning: '多要素認証 (MFA) が必要であることを示すエラーです。',
      cause: 'ポリシーによりこのアクセスに MFA が求められています。デバイスの確認より前に発生する一時的な中断であることが多いです。',
      action: 'ユーザーに MFA を完了してもらってください。これ自体はデバイスの問題ではありません。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50079',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'UserStrongAuthEnrollmentRequired',
    phase: 'sign-in',
    severity: 'info',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The user must register for multifactor authentication.',
      cause: 'MFA is required but the user has not registered a method yet.',
      action: 'Have the user complete MFA registration. It is not a device problem by itself.',
    },
    ja: {
      meaning: 'ユーザーが多要素認証 (MFA) の登録を行う必要があることを示すエラーです。',
      cause: 'MFA が必要ですが、ユーザーがまだ認証方法を登録していません。',
      action: 'ユーザーに MFA の登録を完了してもらってください。これ自体はデバイスの問題ではありません。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50132',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'SsoArtifactInvalidOrExpired',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-credentials', 'refresh-prt'],
    en: {
      meaning: 'The session is no longer valid because the password expired or was changed.',
      cause: 'A password change or expiry invalidated the PRT / session.',
      action: 'Have the user sign in to Windows again with the new password (hybrid: with line of sight to a domain controller) so a new PRT is issued.',
    },
    ja: {
      meaning: 'パスワードの期限切れまたは変更により、セッションが無効になったことを示すエラーです。',
      cause: 'パスワードの変更や期限切れにより、PRT やセッションが無効化されました。',
      action:
        '新しいパスワードで Windows にサインインし直してもらい (ハイブリッド参加の場合はドメイン コントローラーに接続できる状態で)、PRT を再取得してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50133',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'SsoArtifactRevoked',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-credentials', 'refresh-prt'],
    en: {
      meaning: 'The session was revoked because of a password expiry or a recent password change.',
      cause: 'After a password change Entra ID invalidates the PRT that was obtained with the old password.',
      action: 'Have the user sign in to Windows again with the new password (hybrid: with line of sight to a domain controller) so a new PRT is issued.',
    },
    ja: {
      meaning: 'パスワードの期限切れまたは最近のパスワード変更により、セッションが取り消されたことを示すエラーです。',
      cause: 'パスワードを変更すると、古いパスワードで取得した PRT は Entra ID によって無効化されます。',
      action:
        '新しいパスワードで Windows にサインインし直してもらい (ハイブリッド参加の場合はドメイン コントローラーに接続できる状態で)、PRT を再取得してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50144',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'InvalidPasswordExpiredOnPremPassword',
    phase: 'sign-in',
    severity: 'error',
    steps: ['check-credentials'],
    en: {
      meaning: "The user's Active Directory password has expired.",
      cause: 'Hybrid user whose on-premises password expired.',
      action: 'Have the user change the password (on the domain network or VPN), wait for sync, then sign in to Windows again.',
    },
    ja: {
      meaning: 'ユーザーの Active Directory のパスワードの有効期限が切れていることを示すエラーです。',
      cause: 'ハイブリッド環境のユーザーで、オンプレミスのパスワードの有効期限が切れています。',
      action: '社内ネットワークまたは VPN 接続下でパスワードを変更してもらい、同期を待ってから Windows にサインインし直してください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS50173',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'FreshTokenNeeded',
    phase: 'sign-in',
    severity: 'error',
    steps: ['refresh-prt'],
    en: {
      meaning: 'The grant has expired because it was revoked.',
      cause: "The user's tokens were revoked by an administrator or by the user.",
      action: 'Have the user sign in again (sign out and in to Windows, or lock/unlock) to get new tokens.',
    },
    ja: {
      meaning: '許可 (グラント) が取り消されたため期限切れになったことを示すエラーです。',
      cause: '管理者またはユーザー自身によってトークンが取り消されました。',
      action: 'サインインし直して (Windows のサインアウト・サインイン、またはロック解除) 新しいトークンを取得してもらってください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS70043',
    family: 'aadsts',
    category: 'conditional-access',
    symbol: 'BadTokenDueToSignInFrequency',
    phase: 'sign-in',
    severity: 'warning',
    steps: ['check-conditional-access'],
    en: {
      meaning: 'The refresh token expired or is invalid because of a Conditional Access sign-in frequency check.',
      cause: 'A sign-in frequency session control requires the user to authenticate again.',
      action: 'Have the user sign in again; if prompts are too frequent, review the sign-in frequency setting.',
    },
    ja: {
      meaning: '条件付きアクセスのサインイン頻度の設定により、更新トークンが期限切れまたは無効になったことを示すエラーです。',
      cause: 'サインイン頻度のセッション制御により、再認証が求められています。',
      action: 'サインインし直してもらってください。再認証の頻度が高すぎる場合は、サインイン頻度の設定を管理者と確認します。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS700082',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'ExpiredOrRevokedGrantInactiveToken',
    phase: 'sign-in',
    severity: 'warning',
    steps: [],
    en: {
      meaning: 'The refresh token expired because it was not used for too long.',
      cause: 'Token inactivity; not related to the device registration.',
      action: 'Have the user sign in again.',
    },
    ja: {
      meaning: '長期間使われなかったため、更新トークンが期限切れになったことを示すエラーです。',
      cause: 'トークンの非アクティブによるもので、デバイス登録とは関係ありません。',
      action: 'サインインし直してもらってください。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS90002',
    family: 'aadsts',
    category: 'hybrid-join',
    symbol: 'InvalidTenantName',
    phase: 'join',
    severity: 'error',
    steps: ['check-scp'],
    en: {
      meaning: 'The tenant could not be found.',
      cause:
        'In device registration it appears inside the DRS server message of a sync-join: the service connection point (SCP) in AD holds a wrong tenant ID, or the tenant has no active subscription.',
      action: 'Correct the tenant ID in the SCP (Entra Connect device options or the AD configuration) and confirm the tenant has an active subscription.',
    },
    ja: {
      meaning: 'テナントが見つからないことを示すエラーです。',
      cause:
        'デバイス登録では、同期参加 (sync-join) 時の DRS のサーバー メッセージ内に表示されます。AD のサービス接続ポイント (SCP) に誤ったテナント ID が設定されているか、テナントに有効なサブスクリプションがありません。',
      action:
        'SCP のテナント ID を正しい値に修正し (Entra Connect のデバイス オプションまたは AD の構成)、テナントに有効なサブスクリプションがあるか確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: 'AADSTS81010',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'DesktopSsoAuthTokenInvalid',
    phase: 'sign-in',
    severity: 'warning',
    steps: [],
    en: {
      meaning: 'Seamless SSO failed because the Kerberos ticket is invalid or expired.',
      cause: 'Seamless single sign-on (Kerberos), not the PRT, failed for this sign-in.',
      action: 'Treat as a Seamless SSO issue, not a device-registration issue; the user can sign in with credentials.',
    },
    ja: {
      meaning: 'Kerberos チケットが無効または期限切れのため、シームレス SSO に失敗したことを示すエラーです。',
      cause: 'PRT ではなく、シームレス シングル サインオン (Kerberos) が失敗しています。',
      action: 'デバイス登録ではなくシームレス SSO の問題として扱ってください。ユーザーは資格情報を入力すればサインインできます。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS81012',
    family: 'aadsts',
    category: 'credentials',
    symbol: 'DesktopSsoMismatchBetweenTokenUpnAndChosenUpn',
    phase: 'sign-in',
    severity: 'warning',
    steps: [],
    en: {
      meaning: 'Seamless SSO: the user signing in is not the user signed in to the device.',
      cause: 'The account chosen at sign-in differs from the account in the Kerberos ticket of the Windows session.',
      action: 'Sign in with the account that is signed in to Windows, or enter credentials for the other account. Not a device-registration issue.',
    },
    ja: {
      meaning: 'シームレス SSO で、サインインしようとしているユーザーがデバイスにサインインしているユーザーと異なることを示すエラーです。',
      cause: 'サインイン時に選んだアカウントが、Windows セッションの Kerberos チケットのアカウントと一致しません。',
      action: 'Windows にサインインしているアカウントでサインインするか、別アカウントの資格情報を入力してください。デバイス登録の問題ではありません。',
    },
    docs: DOC_AADSTS,
  },

  // ───────────────────────────── AADSTS: often confused with device errors ─────────────────────────────
  {
    code: 'AADSTS700016',
    family: 'aadsts',
    category: 'other',
    symbol: 'UnauthorizedClient_DoesNotMatchRequest',
    phase: 'sign-in',
    severity: 'error',
    steps: [],
    en: {
      meaning: 'The application (client ID) was not found in the directory/tenant. Not a device problem.',
      cause: 'Wrong client ID, request sent to the wrong tenant/authority, or the app was never provisioned or consented in the tenant.',
      action: 'Refer it to the application owner to check the app registration, client ID and tenant. Re-registering the device will not help.',
    },
    ja: {
      meaning: 'アプリケーション (クライアント ID) がディレクトリ (テナント) に見つからないことを示すエラーです。デバイスの問題ではありません。',
      cause: 'クライアント ID の誤り、要求先のテナント (機関) の誤り、またはテナントでアプリがプロビジョニング・同意されていないことが原因です。',
      action: 'アプリの登録、クライアント ID、テナントの確認をアプリケーションの担当者に依頼してください。デバイスを再登録しても解消しません。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS500011',
    family: 'aadsts',
    category: 'other',
    symbol: 'InvalidResourceServicePrincipalNotFound',
    phase: 'sign-in',
    severity: 'error',
    steps: [],
    en: {
      meaning: 'The resource (service principal) was not found in the tenant. Not a device problem.',
      cause: 'The target resource application does not exist in the tenant.',
      action: 'Refer it to the application owner/administrator. Re-registering the device will not help.',
    },
    ja: {
      meaning: 'アクセス先のリソース (サービス プリンシパル) がテナントに見つからないことを示すエラーです。デバイスの問題ではありません。',
      cause: 'アクセス先のリソース アプリケーションがテナントに存在しません。',
      action: 'アプリケーションの担当者または管理者に確認を依頼してください。デバイスを再登録しても解消しません。',
    },
    docs: DOC_AADSTS,
  },
  {
    code: 'AADSTS70016',
    family: 'aadsts',
    category: 'other',
    symbol: 'AuthorizationPending',
    phase: 'sign-in',
    severity: 'info',
    steps: [],
    en: {
      meaning: 'OAuth device-code flow: the user has not finished signing in yet. Not a device-registration problem.',
      cause: '"Device" here means the device-code flow; the app is polling while waiting for the user. This is expected.',
      action: 'Nothing to fix; the user completes the sign-in on the device-code page.',
    },
    ja: {
      meaning: 'OAuth のデバイス コード フローで、ユーザーのサインインがまだ完了していないことを示します。デバイス登録の問題ではありません。',
      cause: 'ここでの「デバイス」はデバイス コード フローのことで、アプリがユーザーの完了を待って問い合わせている想定内の状態です。',
      action: '対応は不要です。ユーザーがデバイス コードのページでサインインを完了すれば進みます。',
    },
    docs: DOC_AADSTS,
  },

  // ───────────────────────────── PRT client codes: NTSTATUS ─────────────────────────────
  {
    code: '0xc000006d',
    family: 'ntstatus',
    category: 'prt',
    symbol: 'STATUS_LOGON_FAILURE',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy', 'check-credentials'],
    en: {
      meaning: 'PRT acquisition failed with a logon failure (Attempt Status / AAD event 1007).',
      cause: 'The device could not reach the Entra ID authentication service, or Entra ID or the WS-Trust endpoint answered with HTTP 400.',
      action: `Make sure the computer account can discover and silently authenticate to the outbound proxy. ${EN_READ_SERVER_CODE}`,
    },
    ja: {
      meaning: 'PRT の取得がログオン失敗で終わったことを示すコードです (Attempt Status や AAD ログのイベント 1007 に表示されます)。',
      cause: 'デバイスが Entra ID の認証サービスに到達できなかったか、Entra ID または WS-Trust エンドポイントから HTTP 400 が返されました。',
      action: `コンピューター アカウントで送信プロキシを自動検出し、サイレント認証できるか確認します。${JA_READ_SERVER_CODE}`,
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc000006a',
    family: 'ntstatus',
    category: 'prt',
    symbol: 'STATUS_WRONG_PASSWORD',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy', 'check-credentials'],
    en: {
      meaning: 'PRT acquisition failed with "wrong password" (Attempt Status / AAD event 1007).',
      cause: 'Same causes as STATUS_LOGON_FAILURE: Entra ID unreachable, or HTTP 400 from Entra ID or the WS-Trust endpoint.',
      action: `Make sure the computer account can get through the proxy silently. ${EN_READ_SERVER_CODE}`,
    },
    ja: {
      meaning: 'PRT の取得が「パスワードが正しくない」で終わったことを示すコードです (Attempt Status や AAD ログのイベント 1007 に表示されます)。',
      cause: 'STATUS_LOGON_FAILURE と同じく、Entra ID に到達できないか、Entra ID または WS-Trust エンドポイントから HTTP 400 が返されたことが原因です。',
      action: `コンピューター アカウントでプロキシをサイレントに通過できるか確認します。${JA_READ_SERVER_CODE}`,
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc00000d0',
    family: 'ntstatus',
    category: 'prt',
    symbol: 'STATUS_REQUEST_NOT_ACCEPTED',
    phase: 'prt',
    severity: 'error',
    steps: ['check-credentials', 'check-federation'],
    en: {
      meaning: 'PRT acquisition failed: the server did not accept the request.',
      cause: 'Entra ID or the WS-Trust (federation) endpoint returned HTTP 400.',
      action: EN_READ_SERVER_CODE,
    },
    ja: {
      meaning: 'サーバーが要求を受け付けず、PRT の取得に失敗したことを示すコードです。',
      cause: 'Entra ID または WS-Trust (フェデレーション) エンドポイントから HTTP 400 が返されました。',
      action: JA_READ_SERVER_CODE,
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc000023c',
    family: 'ntstatus',
    category: 'network',
    symbol: 'STATUS_NETWORK_UNREACHABLE',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed: network unreachable. The same error can appear as 0xd000023c (HRESULT form).',
      cause: 'A connectivity problem, or a 4xx answer from Entra ID or the WS-Trust endpoint.',
      action: `${EN_NET_CHECK} If the network is fine, read the server code in AAD event 1081 / 1088.`,
    },
    ja: {
      meaning: 'ネットワークに到達できず PRT の取得に失敗したことを示すコードです。HRESULT 形式の 0xd000023c として表示される場合もあります。',
      cause: 'ネットワーク接続の問題、または Entra ID や WS-Trust エンドポイントから 4xx 応答が返されたことが原因です。',
      action: `${JA_NET_CHECK}ネットワークに問題がない場合は、AAD ログのイベント 1081 / 1088 でサーバー側のエラー コードを確認してください。`,
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc00000be',
    family: 'ntstatus',
    category: 'network',
    symbol: 'STATUS_BAD_NETWORK_PATH',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed: bad network path.',
      cause: 'A connectivity problem, or a 4xx answer from Entra ID or the WS-Trust endpoint.',
      action: `${EN_NET_CHECK} If the network is fine, read the server code in AAD event 1081 / 1088.`,
    },
    ja: {
      meaning: 'ネットワーク パスが不正で PRT の取得に失敗したことを示すコードです。',
      cause: 'ネットワーク接続の問題、または Entra ID や WS-Trust エンドポイントから 4xx 応答が返されたことが原因です。',
      action: `${JA_NET_CHECK}ネットワークに問題がない場合は、AAD ログのイベント 1081 / 1088 でサーバー側のエラー コードを確認してください。`,
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc00000c4',
    family: 'ntstatus',
    category: 'network',
    symbol: 'STATUS_UNEXPECTED_NETWORK_ERROR',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed with an unexpected network error.',
      cause: 'A connectivity problem, or a 4xx answer from Entra ID or the WS-Trust endpoint.',
      action: `${EN_NET_CHECK} If the network is fine, read the server code in AAD event 1081 / 1088.`,
    },
    ja: {
      meaning: '予期しないネットワーク エラーで PRT の取得に失敗したことを示すコードです。',
      cause: 'ネットワーク接続の問題、または Entra ID や WS-Trust エンドポイントから 4xx 応答が返されたことが原因です。',
      action: `${JA_NET_CHECK}ネットワークに問題がない場合は、AAD ログのイベント 1081 / 1088 でサーバー側のエラー コードを確認してください。`,
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc000005f',
    family: 'ntstatus',
    category: 'credentials',
    symbol: 'STATUS_NO_SUCH_LOGON_SESSION',
    phase: 'prt',
    severity: 'error',
    steps: ['check-credentials'],
    en: {
      meaning: 'PRT acquisition failed: user realm discovery failed.',
      cause: "Entra ID cannot find the user's domain, i.e. the UPN suffix is not a verified domain in the tenant (or is non-routable, such as @contoso.local).",
      action: 'Check the UPN (AAD event 1144). Add the UPN suffix as a verified custom domain, or configure Alternate Login ID for non-routable UPNs.',
    },
    ja: {
      meaning: 'ユーザー領域 (レルム) の検出に失敗し、PRT を取得できなかったことを示すコードです。',
      cause:
        'Entra ID がユーザーのドメインを見つけられません。UPN サフィックスがテナントの確認済みドメインではない (または @contoso.local のようなルーティングできない UPN である) ことが原因です。',
      action:
        'AAD ログのイベント 1144 で UPN を確認します。UPN サフィックスをカスタム ドメインとして追加・確認するか、ルーティングできない UPN の場合は代替ログイン ID を構成してください。',
    },
    docs: DOC_PRT,
  },

  // ───────────────────────────── PRT client codes: CloudAP plugin ─────────────────────────────
  {
    code: '0xc004844c',
    family: 'ntstatus',
    category: 'credentials',
    symbol: 'AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED',
    phase: 'prt',
    severity: 'error',
    steps: ['check-credentials'],
    en: {
      meaning: 'PRT acquisition failed: the user name (UPN) is not in the expected format.',
      cause:
        'On Entra joined devices the text typed at the logon screen is used; on hybrid devices the UPN returned by the domain controller. It must be an internet-style UPN (RFC 822).',
      action:
        'Check the UPN in AAD event 1144. On hybrid devices run `whoami /upn` and confirm it shows the right UPN. For non-routable UPNs configure Alternate Login ID.',
    },
    ja: {
      meaning: 'ユーザー名 (UPN) が想定された形式ではないため、PRT の取得に失敗したことを示すコードです。',
      cause:
        'Entra 参加済みではサインイン画面で入力された文字列が、ハイブリッド参加済みではドメイン コントローラーから返された UPN が使われます。これがインターネット形式 (RFC 822) の UPN になっていません。',
      action:
        'AAD ログのイベント 1144 で UPN を確認します。ハイブリッド参加の場合は `whoami /upn` を実行して正しい UPN が表示されるか確認してください。ルーティングできない UPN の場合は代替ログイン ID を構成します。',
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc0048442',
    family: 'ntstatus',
    category: 'network',
    symbol: 'AAD_CLOUDAP_E_OAUTH_USER_SID_IS_EMPTY',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed: the ID token from Entra ID has no user SID.',
      cause: 'The response reaching the device is missing the user SID, typically because a proxy altered the server response.',
      action: 'Make sure no proxy or TLS inspection device modifies responses from Entra ID.',
    },
    ja: {
      meaning: 'Entra ID から返された ID トークンにユーザーの SID が含まれておらず、PRT の取得に失敗したことを示すコードです。',
      cause: '端末に届いた応答にユーザー SID がありません。プロキシがサーバーの応答を書き換えていることが典型的な原因です。',
      action: 'プロキシや TLS 検査装置が Entra ID からの応答を変更していないか確認してください。',
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc00484c1',
    family: 'ntstatus',
    category: 'federation',
    symbol: 'AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY',
    phase: 'prt',
    severity: 'error',
    steps: ['check-federation', 'check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed: the WS-Trust endpoint returned no SAML token (also shown as 0x800484c1).',
      cause: 'The federation (WS-Trust) endpoint returned an error, in a federated domain.',
      action: 'Check the proxy, then read the federation server error in AAD event 1088 and fix the federation server (e.g. AD FS) accordingly.',
    },
    ja: {
      meaning: 'WS-Trust エンドポイントから SAML トークンが返されず、PRT の取得に失敗したことを示すコードです (0x800484c1 と表示される場合もあります)。',
      cause: 'フェデレーション ドメインで、フェデレーション (WS-Trust) エンドポイントがエラーを返しました。',
      action:
        'プロキシを確認したうえで、AAD ログのイベント 1088 でフェデレーション サーバーのエラーを確認し、AD FS などのフェデレーション サーバー側を修正してください。',
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc004848b',
    family: 'ntstatus',
    category: 'federation',
    symbol: 'AAD_CLOUDAP_E_HTTP_PASSWORD_URI_IS_EMPTY',
    phase: 'prt',
    severity: 'error',
    steps: ['check-federation', 'check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed: the federation metadata (MEX) has no password (usernamemixed) endpoint.',
      cause: 'The MEX endpoint is misconfigured and lists no password URLs.',
      action: 'Check the proxy, and fix the identity provider so its MEX returns valid usernamemixed URLs.',
    },
    ja: {
      meaning: 'フェデレーションのメタデータ (MEX) にパスワード用 (usernamemixed) のエンドポイントがなく、PRT の取得に失敗したことを示すコードです。',
      cause: 'MEX エンドポイントの構成に誤りがあり、パスワード用の URL が含まれていません。',
      action: 'プロキシを確認したうえで、ID プロバイダーの MEX が有効な usernamemixed の URL を返すよう修正してください。',
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc004848c',
    family: 'ntstatus',
    category: 'federation',
    symbol: 'AAD_CLOUDAP_E_HTTP_CERTIFICATE_URI_IS_EMPTY',
    phase: 'prt',
    severity: 'error',
    steps: ['check-federation', 'check-network-proxy'],
    en: {
      meaning: 'PRT acquisition failed: the federation metadata (MEX) has no certificate endpoint.',
      cause: 'The MEX endpoint is misconfigured and lists no certificate (certificatemixed) URLs.',
      action: 'Check the proxy, and fix the identity provider so its MEX returns certificate endpoint URLs.',
    },
    ja: {
      meaning: 'フェデレーションのメタデータ (MEX) に証明書用のエンドポイントがなく、PRT の取得に失敗したことを示すコードです。',
      cause: 'MEX エンドポイントの構成に誤りがあり、証明書用 (certificatemixed) の URL が含まれていません。',
      action: 'プロキシを確認したうえで、ID プロバイダーの MEX が証明書用エンドポイントの URL を返すよう修正してください。',
    },
    docs: DOC_PRT,
  },
  {
    code: '0xc00cee4f',
    family: 'hresult',
    category: 'federation',
    symbol: 'WC_E_DTDPROHIBITED',
    phase: 'prt',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'PRT acquisition failed: the WS-Trust XML response contains a DTD, so it cannot be parsed.',
      cause: 'The identity provider (or something in between) sends a DTD in its WS-Trust response.',
      action: 'Find the URL in AAD event 1022 and fix the identity provider so it does not send a DTD.',
    },
    ja: {
      meaning: 'WS-Trust の XML 応答に DTD が含まれていて解析できず、PRT の取得に失敗したことを示すコードです。',
      cause: 'ID プロバイダー (または経路上の機器) が WS-Trust の応答に DTD を含めています。',
      action: 'AAD ログのイベント 1022 で URL を確認し、DTD を送らないよう ID プロバイダー側を修正してください。',
    },
    docs: DOC_PRT,
  },

  // ───────────────────────────── WinHTTP (HTTP Error in SSO State) ─────────────────────────────
  {
    code: '0x00002ee2',
    family: 'winhttp',
    category: 'network',
    symbol: 'ERROR_WINHTTP_TIMEOUT',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'WinHTTP error 12002: the request timed out.',
      cause: 'A general network problem on the way to Entra ID or the federation server.',
      action: EN_NET_CHECK,
    },
    ja: {
      meaning: 'WinHTTP エラー 12002 (タイムアウト) です。',
      cause: 'Entra ID やフェデレーション サーバーまでの経路における一般的なネットワークの問題です。',
      action: JA_NET_CHECK,
    },
    docs: DOC_PRT,
  },
  {
    code: '0x00002ee7',
    family: 'winhttp',
    category: 'network',
    symbol: 'ERROR_WINHTTP_NAME_NOT_RESOLVED',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'WinHTTP error 12007: the server name could not be resolved.',
      cause: 'DNS name resolution failed; a general network problem.',
      action: `Check DNS for the endpoint. ${EN_NET_CHECK}`,
    },
    ja: {
      meaning: 'WinHTTP エラー 12007 (サーバー名を解決できない) です。',
      cause: 'DNS の名前解決に失敗しています (一般的なネットワークの問題)。',
      action: `接続先の DNS 名前解決を確認します。${JA_NET_CHECK}`,
    },
    docs: DOC_PRT,
  },
  {
    code: '0x00002efd',
    family: 'winhttp',
    category: 'network',
    symbol: 'ERROR_WINHTTP_CANNOT_CONNECT',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'WinHTTP error 12029: could not connect to the server.',
      cause: 'A general network problem (firewall, proxy, routing).',
      action: EN_NET_CHECK,
    },
    ja: {
      meaning: 'WinHTTP エラー 12029 (サーバーに接続できない) です。',
      cause: 'ファイアウォール、プロキシ、経路などの一般的なネットワークの問題です。',
      action: JA_NET_CHECK,
    },
    docs: DOC_PRT,
  },
  {
    code: '0x00002efe',
    family: 'winhttp',
    category: 'network',
    symbol: 'ERROR_WINHTTP_CONNECTION_ERROR',
    phase: 'prt',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'WinHTTP error 12030: the connection was reset or terminated.',
      cause: 'A general network problem.',
      action: EN_NET_CHECK,
    },
    ja: {
      meaning: 'WinHTTP エラー 12030 (接続エラー) です。',
      cause: '一般的なネットワークの問題です。',
      action: JA_NET_CHECK,
    },
    docs: DOC_PRT,
  },

  // ───────────────────────────── Hybrid join: discover phase ─────────────────────────────
  {
    code: '0x801c001d',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_AUTOJOIN_ADCONFIG_READ_FAILED',
    phase: 'discover',
    severity: 'error',
    steps: ['check-scp'],
    en: {
      meaning: 'Hybrid join: the service connection point (SCP) could not be read to get the tenant information.',
      cause:
        'The SCP object in the AD forest is missing, misconfigured or unreadable. In the join phase with event 220 it instead means the computer object in AD could not be accessed (Windows errors 1312/1317 point to AD replication, often transient).',
      action: 'Configure or repair the SCP (Entra Connect device options, or manually). For event 220, look at AD replication and retry later.',
    },
    ja: {
      meaning: 'ハイブリッド参加で、テナント情報を取得するためのサービス接続ポイント (SCP) を読み取れなかったことを示すコードです。',
      cause:
        'AD フォレストの SCP オブジェクトが存在しない、構成に誤りがある、または読み取れません。join フェーズでイベント 220 と一緒に出る場合は、AD のコンピューター オブジェクトにアクセスできなかったことを意味します (Windows エラー 1312 / 1317 は AD のレプリケーションの問題を示し、多くは一時的です)。',
      action:
        'SCP を構成・修正します (Entra Connect のデバイス オプション、または手動構成)。イベント 220 の場合は AD のレプリケーションを確認し、時間をおいて再試行してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c0021',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_AUTOJOIN_DISC_FAILED',
    phase: 'discover',
    severity: 'error',
    steps: ['check-network-proxy', 'check-scp'],
    en: {
      meaning: 'Hybrid join: generic discovery failure; the DRS discovery metadata could not be retrieved.',
      cause: 'Shown together with a sub-error, e.g. `DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]` where the second code is the real cause.',
      action: `Look up the sub-error (network, HTTP or other). ${EN_REACH_DRS}`,
    },
    ja: {
      meaning: 'ハイブリッド参加で、検出 (discover) が失敗し、DRS の検出メタデータを取得できなかったことを示す汎用的なコードです。',
      cause: '`DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]` のようにサブエラーと一緒に表示され、後ろのコードが実際の原因を示します。',
      action: `サブエラー (ネットワーク、HTTP、その他) を調べてください。${JA_REACH_DRS}`,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c001f',
    family: 'hresult',
    category: 'network',
    symbol: 'DSREG_AUTOJOIN_DISC_WAIT_TIMEOUT',
    phase: 'discover',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join: discovery timed out.',
      cause: 'The device could not complete DRS discovery in time, usually a network or proxy problem in the SYSTEM context.',
      action: EN_REACH_DRS,
    },
    ja: {
      meaning: 'ハイブリッド参加で、検出 (discover) がタイムアウトしたことを示すコードです。',
      cause: 'DRS の検出が時間内に終わりませんでした。多くは SYSTEM コンテキストでのネットワークやプロキシの問題です。',
      action: JA_REACH_DRS,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c003d',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_AUTOJOIN_USERREALM_DISCOVERY_FAILED',
    phase: 'discover',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join: user realm discovery failed (could not tell whether the domain is managed or federated).',
      cause: 'A generic realm discovery failure; the sub-error gives the reason.',
      action: `Look up the sub-error. ${EN_REACH_DRS}`,
    },
    ja: {
      meaning: 'ハイブリッド参加で、ユーザー領域 (レルム) の検出に失敗した (ドメインがマネージドかフェデレーションか判別できない) ことを示すコードです。',
      cause: 'レルム検出の汎用的な失敗で、理由はサブエラーに表示されます。',
      action: `サブエラーを調べてください。${JA_REACH_DRS}`,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80072efd',
    family: 'hresult',
    category: 'network',
    symbol: 'WININET_E_CANNOT_CONNECT',
    phase: 'discover',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Could not connect to the server (network sub-error during hybrid join discovery).',
      cause: 'No network path to the required Microsoft endpoints.',
      action: `Fix connectivity to the required endpoints. ${EN_REACH_DRS}`,
    },
    ja: {
      meaning: 'サーバーに接続できなかったことを示すコードです (ハイブリッド参加の検出時のネットワーク サブエラー)。',
      cause: '必要な Microsoft のエンドポイントへのネットワーク経路がありません。',
      action: `必要なエンドポイントへの接続を確保してください。${JA_REACH_DRS}`,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80072ee2',
    family: 'hresult',
    category: 'network',
    symbol: 'WININET_E_TIMEOUT',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Network timeout during hybrid join (seen in the discover phase and when registering with DRS in the join phase).',
      cause: 'The connection to the Microsoft endpoints timed out.',
      action: EN_REACH_DRS,
    },
    ja: {
      meaning: 'ハイブリッド参加中のネットワーク タイムアウトを示すコードです (discover フェーズと、join フェーズでの DRS への登録時に見られます)。',
      cause: 'Microsoft のエンドポイントへの接続がタイムアウトしました。',
      action: JA_REACH_DRS,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80072f8f',
    family: 'hresult',
    category: 'network',
    symbol: 'WININET_E_DECODING_FAILED',
    phase: 'discover',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'The network stack could not decode the server response (hybrid join discovery).',
      cause: 'A proxy is intercepting or modifying the response.',
      action: 'Make sure the proxy does not intercept or change traffic to the Microsoft registration endpoints.',
    },
    ja: {
      meaning: 'ネットワーク スタックがサーバーの応答をデコードできなかったことを示すコードです (ハイブリッド参加の検出時)。',
      cause: 'プロキシが応答を傍受または変更しています。',
      action: 'Microsoft の登録用エンドポイントへの通信を、プロキシが傍受・変更しないよう設定を確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c003a',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_DISCOVERY_TENANT_NOT_FOUND',
    phase: 'discover',
    severity: 'error',
    steps: ['check-scp'],
    en: {
      meaning: 'Hybrid join discovery: the tenant was not found.',
      cause: 'The SCP contains a wrong tenant ID, or the tenant has no active subscription.',
      action: 'Correct the tenant ID in the SCP and confirm the tenant has an active subscription.',
    },
    ja: {
      meaning: 'ハイブリッド参加の検出で、テナントが見つからなかったことを示すコードです。',
      cause: 'SCP に誤ったテナント ID が設定されているか、テナントに有効なサブスクリプションがありません。',
      action: 'SCP のテナント ID を修正し、テナントに有効なサブスクリプションがあるか確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c0025',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_SERVER_BUSY',
    phase: 'discover',
    severity: 'warning',
    steps: [],
    en: {
      meaning: 'Hybrid join discovery: the registration service is busy (HTTP 503).',
      cause: 'A temporary condition on the Device Registration Service.',
      action: 'No fix needed; a later attempt (next sign-in, or `dsregcmd /join` as administrator) should succeed.',
    },
    ja: {
      meaning: 'ハイブリッド参加の検出で、デバイス登録サービスがビジー (HTTP 503) であることを示すコードです。',
      cause: 'デバイス登録サービス側の一時的な状態です。',
      action: '対処は不要です。次回のサインイン時や、管理者として実行した `dsregcmd /join` で再試行すれば成功するはずです。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x8007000d',
    family: 'hresult',
    category: 'network',
    symbol: 'E_INVALIDDATA',
    phase: 'discover',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join discovery: the server response (JSON) could not be parsed.',
      cause: 'Usually a proxy answered with HTTP 200 and an HTML authentication page instead of the real response.',
      action: 'Let the SYSTEM context (computer account) discover and silently authenticate to the proxy.',
    },
    ja: {
      meaning: 'ハイブリッド参加の検出で、サーバーの応答 (JSON) を解析できなかったことを示すコードです。',
      cause: '多くの場合、プロキシが本来の応答の代わりに HTTP 200 で HTML の認証ページを返しています。',
      action: 'SYSTEM コンテキスト (コンピューター アカウント) でプロキシを自動検出し、サイレント認証できるようにしてください。',
    },
    docs: DOC_HYBRID,
  },

  // ───────────────────────────── Hybrid join: auth phase (ADAL, federated only) ─────────────────────────────
  {
    code: '0xcaa90017',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_PROTOCOL_NOT_SUPPORTED',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'Hybrid join (federated): the authentication protocol is not WS-Trust.',
      cause: 'The on-premises identity provider does not support WS-Trust.',
      action: 'Use or configure an on-premises identity provider that supports WS-Trust.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (フェデレーション環境) で、認証プロトコルが WS-Trust ではないことを示すコードです。',
      cause: 'オンプレミスの ID プロバイダーが WS-Trust に対応していません。',
      action: 'WS-Trust に対応したオンプレミスの ID プロバイダーを使用・構成してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa9002c',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_FAILED_TO_PARSE_XML',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation', 'check-network-proxy'],
    en: {
      meaning: 'Hybrid join (federated): the federation service did not return XML.',
      cause: 'The MEX endpoint returned something other than valid XML, or a proxy replaced the response.',
      action: 'Make sure the MEX endpoint returns valid XML and that the proxy is not returning a non-XML page.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (フェデレーション環境) で、フェデレーション サービスが XML を返さなかったことを示すコードです。',
      cause: 'MEX エンドポイントが有効な XML 以外を返したか、プロキシが応答を差し替えています。',
      action: 'MEX エンドポイントが有効な XML を返すこと、プロキシが XML 以外のページを返していないことを確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa90023',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_COULDNOT_DISCOVER_USERNAME_PASSWORD_ENDPOINT',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'Hybrid join (federated): no user name/password endpoint could be discovered.',
      cause: 'The WS-Trust endpoints are disabled or missing from the MEX document.',
      action: 'Enable the WS-Trust endpoints on the federation server and make sure the MEX lists them.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (フェデレーション環境) で、ユーザー名/パスワード用のエンドポイントを検出できなかったことを示すコードです。',
      cause: 'WS-Trust のエンドポイントが無効か、MEX に含まれていません。',
      action: 'フェデレーション サーバーで WS-Trust のエンドポイントを有効にし、MEX に掲載されるようにしてください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa82ee2',
    family: 'hresult',
    category: 'network',
    symbol: 'ERROR_ADAL_INTERNET_TIMEOUT',
    phase: 'auth',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join (auth phase): network timeout.',
      cause: 'The device could not reach the authentication endpoints in time.',
      action: EN_AUTH_NET,
    },
    ja: {
      meaning: 'ハイブリッド参加 (auth フェーズ) でネットワークがタイムアウトしたことを示すコードです。',
      cause: 'デバイスが認証用エンドポイントに時間内に到達できませんでした。',
      action: JA_AUTH_NET,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa82efe',
    family: 'hresult',
    category: 'network',
    symbol: 'ERROR_ADAL_INTERNET_CONNECTION_ABORTED',
    phase: 'auth',
    severity: 'warning',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join (auth phase): the connection to the authorization endpoint was aborted.',
      cause: 'The network connection dropped during authentication.',
      action: 'Retry later or from a more stable network.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (auth フェーズ) で、認可エンドポイントへの接続が中断されたことを示すコードです。',
      cause: '認証中にネットワーク接続が切断されました。',
      action: '時間をおくか、より安定したネットワークから再試行してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa82f8f',
    family: 'hresult',
    category: 'network',
    symbol: 'ERROR_ADAL_INTERNET_SECURE_FAILURE',
    phase: 'auth',
    severity: 'error',
    steps: ['check-clock', 'check-network-proxy'],
    en: {
      meaning: "Hybrid join (auth phase): the server's TLS certificate could not be validated.",
      cause: 'Often clock skew on the client, or a network device interfering with TLS.',
      action: 'Check the client clock (Client Time in `dsregcmd /status`), then retry or try another network.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (auth フェーズ) で、サーバーの TLS 証明書を検証できなかったことを示すコードです。',
      cause: 'クライアントの時刻のずれや、TLS に干渉するネットワーク機器が原因であることが多いです。',
      action: 'クライアントの時刻 (`dsregcmd /status` の Client Time) を確認し、再試行するか別のネットワークでお試しください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa82efd',
    family: 'hresult',
    category: 'network',
    symbol: 'ERROR_ADAL_INTERNET_CANNOT_CONNECT',
    phase: 'auth',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join (auth phase): could not connect to https://login.microsoftonline.com.',
      cause: 'No network path to the Entra ID sign-in endpoint.',
      action: 'Check the network path (firewall, proxy) to https://login.microsoftonline.com in the SYSTEM context.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (auth フェーズ) で、https://login.microsoftonline.com に接続できなかったことを示すコードです。',
      cause: 'Entra ID のサインイン エンドポイントへのネットワーク経路がありません。',
      action: 'SYSTEM コンテキストから https://login.microsoftonline.com への経路 (ファイアウォール、プロキシ) を確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa20003',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_SERVER_ERROR_INVALID_GRANT',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'Hybrid join (federated): Entra ID did not accept the SAML token from the on-premises identity provider.',
      cause: 'A federation server configuration problem.',
      action: 'Check the federation server settings and the server error code in the authentication logs.',
    },
    ja: {
      meaning:
        'ハイブリッド参加 (フェデレーション環境) で、オンプレミスの ID プロバイダーが発行した SAML トークンを Entra ID が受け付けなかったことを示すコードです。',
      cause: 'フェデレーション サーバーの構成の問題です。',
      action: 'フェデレーション サーバーの設定と、認証ログに記録されたサーバー側のエラー コードを確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa90014',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_WSTRUST_REQUEST_SECURITYTOKEN_FAILED',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'Hybrid join (federated): the WS-Trust response contained a fault and no assertion.',
      cause: 'The federation server returned an error for the token request.',
      action: 'Check the federation server and the server error code in the authentication logs.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (フェデレーション環境) で、WS-Trust の応答がエラー (fault) でアサーションを含まなかったことを示すコードです。',
      cause: 'フェデレーション サーバーがトークン要求にエラーを返しました。',
      action: 'フェデレーション サーバーと、認証ログに記録されたサーバー側のエラー コードを確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa90006',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_WSTRUST_TOKEN_REQUEST_FAIL',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'Hybrid join (federated): getting an access token from the token endpoint failed.',
      cause: 'An underlying error occurred during the token request.',
      action: 'Look for the underlying error in the ADAL/authentication logs (event 305 in User Device Registration).',
    },
    ja: {
      meaning: 'ハイブリッド参加 (フェデレーション環境) で、トークン エンドポイントからのアクセス トークンの取得に失敗したことを示すコードです。',
      cause: 'トークン要求の途中で別のエラーが発生しています。',
      action: 'ADAL / 認証のログ (User Device Registration ログのイベント 305 など) で根本のエラーを確認してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0xcaa1002d',
    family: 'hresult',
    category: 'federation',
    symbol: 'ERROR_ADAL_OPERATION_PENDING',
    phase: 'auth',
    severity: 'error',
    steps: ['check-federation'],
    en: {
      meaning: 'Hybrid join (auth phase): a general ADAL failure.',
      cause: 'A generic authentication failure; the real reason is in a sub-error or server code.',
      action: 'Look for the sub-error or server error code in the authentication logs.',
    },
    ja: {
      meaning: 'ハイブリッド参加 (auth フェーズ) での、ADAL の汎用的なエラーを示すコードです。',
      cause: '汎用的な認証エラーで、実際の理由はサブエラーやサーバー側のエラー コードに表れます。',
      action: '認証ログでサブエラーやサーバー側のエラー コードを確認してください。',
    },
    docs: DOC_HYBRID,
  },

  // ───────────────────────────── Hybrid join: join phase ─────────────────────────────
  {
    code: '0x801c03f2',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_E_DIRECTORY_FAILURE',
    phase: 'join',
    severity: 'error',
    steps: ['sync-computer-object', 'check-scp'],
    en: {
      meaning: 'Hybrid join: the Device Registration Service returned "DirectoryError".',
      cause:
        'Read the Server Message. Most common (sync-join): "the device object by the given id … isn\'t found" — Entra Connect has not synced the computer object yet, or its OU is outside the sync scope. Other messages: throttling ("try after 300 seconds"), or AADSTS90002 (wrong tenant ID in the SCP).',
      action:
        'For "not found": make sure the computer\'s OU is in the Entra Connect sync scope and wait for the next sync; the following join attempt then succeeds. For throttling: wait and retry. For AADSTS90002: fix the tenant ID in the SCP.',
    },
    ja: {
      meaning: 'ハイブリッド参加で、デバイス登録サービス (DRS) が "DirectoryError" を返したことを示すコードです。',
      cause:
        'Server Message を確認します。最も多いのは同期参加 (sync-join) での「指定された ID のデバイス オブジェクトが見つからない」で、Entra Connect がまだコンピューター オブジェクトを同期していないか、その OU が同期対象外です。ほかに、短時間の要求集中によるスロットリング (「300 秒後に再試行」)、AADSTS90002 (SCP のテナント ID の誤り) があります。',
      action:
        '「見つからない」場合は、コンピューターの OU が Entra Connect の同期対象に含まれていることを確認し、次回の同期を待ちます。同期後の参加処理で成功します。スロットリングの場合は時間をおいて再試行し、AADSTS90002 の場合は SCP のテナント ID を修正してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c0002',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_E_DEVICE_AUTHENTICATION_ERROR',
    phase: 'join',
    severity: 'error',
    steps: ['sync-computer-object'],
    en: {
      meaning: 'Hybrid join: the Device Registration Service returned "AuthenticationError" (sub-code other than DeviceNotFound).',
      cause:
        'Check the server error. In sync-join, "The verification of the target computer\'s SID…" means the certificate on the Entra device object does not match the one that signed the join request, because the sync has not finished.',
      action: 'Wait for Entra Connect to sync the computer object, then retry the join (sign in again or `dsregcmd /join` as administrator).',
    },
    ja: {
      meaning: 'ハイブリッド参加で、デバイス登録サービス (DRS) が "AuthenticationError" (サブコードが DeviceNotFound 以外) を返したことを示すコードです。',
      cause:
        'サーバー側のエラーを確認します。同期参加で「対象コンピューターの SID の検証…」と表示される場合は、同期が終わっていないため、Entra 上のデバイス オブジェクトの証明書が参加要求の署名に使われた証明書と一致していません。',
      action:
        'Entra Connect によるコンピューター オブジェクトの同期を待ってから、参加を再試行してください (サインインし直すか、管理者として `dsregcmd /join` を実行)。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c0006',
    family: 'hresult',
    category: 'hybrid-join',
    symbol: 'DSREG_E_DEVICE_INTERNALSERVICE_ERROR',
    phase: 'join',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'Hybrid join: the Device Registration Service reported an internal service error.',
      cause: 'A DRS-side error; the Server ErrorCode / Server Message give the detail.',
      action: 'Read the Server ErrorCode and Server Message in `dsregcmd /status` (Diagnostic Data) and act on them; escalate with the Request ID if unclear.',
    },
    ja: {
      meaning: 'ハイブリッド参加で、デバイス登録サービス (DRS) が内部エラーを返したことを示すコードです。',
      cause: 'DRS 側のエラーです。詳細は Server ErrorCode と Server Message に表示されます。',
      action:
        '`dsregcmd /status` の Diagnostic Data にある Server ErrorCode と Server Message を確認して対処します。原因が分からない場合は Request ID を添えてエスカレーションしてください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80090016',
    family: 'hresult',
    category: 'tpm',
    symbol: 'NTE_BAD_KEYSET',
    phase: 'join',
    severity: 'error',
    steps: ['check-tpm'],
    en: {
      meaning: 'A TPM operation failed because the keyset does not exist (seen in a hybrid join, an Entra join, a registration or a PRT request).',
      cause:
        'The TPM was cleared, or the machine was built from a sysprep image taken from a PC that had already been Entra joined, hybrid joined or registered.',
      action:
        'Do not clear the TPM. If it was cleared, users may need to remove and add their accounts again. Build sysprep images from a machine that was never joined or registered.',
    },
    ja: {
      meaning: 'キーセットが存在しないため TPM の操作に失敗したことを示すコードです (ハイブリッド参加、Entra 参加、登録、PRT の要求で表示されます)。',
      cause: 'TPM がクリアされたか、すでに Entra 参加・ハイブリッド参加・登録済みだった PC から作成した sysprep イメージを使って構築されています。',
      action:
        'TPM はクリアしないでください。クリアしてしまった場合は、ユーザーがアカウントを削除して追加し直す必要がある場合があります。sysprep イメージは、一度も参加・登録したことのないマシンから作成してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80290407',
    family: 'hresult',
    category: 'tpm',
    symbol: 'TPM_E_PCP_INTERNAL_ERROR',
    phase: 'join',
    severity: 'error',
    steps: ['check-tpm'],
    en: {
      meaning: 'Hybrid join: generic TPM error.',
      cause: 'The TPM on the device failed during registration.',
      action: 'Disable the TPM on affected devices. Windows 10 1809 and later detect TPM failures and complete hybrid join without the TPM.',
    },
    ja: {
      meaning: 'ハイブリッド参加での、TPM の汎用的なエラーを示すコードです。',
      cause: '登録処理中にデバイスの TPM でエラーが発生しました。',
      action: '該当デバイスの TPM を無効にしてください。Windows 10 1809 以降では TPM の障害を検知し、TPM を使わずにハイブリッド参加を完了します。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80280036',
    family: 'hresult',
    category: 'tpm',
    symbol: 'TPM_E_NOTFIPS',
    phase: 'join',
    severity: 'error',
    steps: ['check-tpm'],
    en: {
      meaning: 'Hybrid join: a TPM in FIPS mode is not supported.',
      cause: 'Device registration supports FIPS-compliant TPM 2.0 only; a TPM 1.2 in FIPS mode cannot be used.',
      action: 'Disable the TPM (or its FIPS mode with the OEM tools). Windows 10 1809 and later fall back to software keys automatically.',
    },
    ja: {
      meaning: 'ハイブリッド参加で、FIPS モードの TPM がサポートされていないことを示すコードです。',
      cause: 'デバイス登録で使えるのは FIPS 準拠の TPM 2.0 のみで、FIPS モードの TPM 1.2 は使えません。',
      action: 'TPM (または OEM のツールで FIPS モード) を無効にしてください。Windows 10 1809 以降ではソフトウェア キーに自動で切り替わります。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80090031',
    family: 'hresult',
    category: 'tpm',
    symbol: 'NTE_AUTHENTICATION_IGNORED',
    phase: 'join',
    severity: 'warning',
    steps: ['check-tpm'],
    en: {
      meaning: 'Hybrid join: the TPM is locked out (anti-hammering).',
      cause: 'Too many TPM authorization failures triggered the TPM lockout.',
      action: 'Temporary: wait for the cool-down period, then retry.',
    },
    ja: {
      meaning: 'ハイブリッド参加で、TPM がロックアウト (アンチハンマリング) されていることを示すコードです。',
      cause: 'TPM の認証失敗が続いたため、TPM がロックアウトされました。',
      action: '一時的な状態です。ロックアウトの解除時間が過ぎるのを待ってから再試行してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80072ee7',
    family: 'hresult',
    category: 'network',
    symbol: 'WININET_E_NAME_NOT_RESOLVED',
    phase: 'join',
    severity: 'error',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join: the server name could not be resolved while registering with DRS.',
      cause: 'DNS resolution of the registration endpoint failed.',
      action: `Check DNS. ${EN_REACH_DRS}`,
    },
    ja: {
      meaning: 'ハイブリッド参加で、DRS への登録時にサーバー名を解決できなかったことを示すコードです。',
      cause: '登録用エンドポイントの DNS 名前解決に失敗しました。',
      action: `DNS を確認してください。${JA_REACH_DRS}`,
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x80072efe',
    family: 'hresult',
    category: 'network',
    symbol: 'WININET_E_CONNECTION_ABORTED',
    phase: 'join',
    severity: 'warning',
    steps: ['check-network-proxy'],
    en: {
      meaning: 'Hybrid join: the connection to the server ended abnormally.',
      cause: 'The network connection dropped while registering.',
      action: 'Retry later or from a more stable network.',
    },
    ja: {
      meaning: 'ハイブリッド参加で、サーバーとの接続が異常終了したことを示すコードです。',
      cause: '登録中にネットワーク接続が切断されました。',
      action: '時間をおくか、より安定したネットワークから再試行してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: '0x801c03f3',
    family: 'hresult',
    category: 'device-missing',
    severity: 'error',
    steps: ['retire-in-mdm', 'contact-support'],
    en: {
      meaning:
        "Entra ID cannot find the device object (reported for Autopilot pre-provisioning / self-deploying in the User Device Registration Admin log; from secondary sources, not Microsoft's hybrid join table).",
      cause: 'The device object was deleted manually.',
      action: 'Have an administrator remove the device from Entra ID, Intune and Autopilot, then register it with Autopilot again so the object is recreated.',
    },
    ja: {
      meaning:
        'Entra ID がデバイス オブジェクトを見つけられないことを示すコードです (Autopilot の事前プロビジョニング / 自己展開で User Device Registration の Admin ログに記録されると報告されています。Microsoft のハイブリッド参加の表ではなく二次情報です)。',
      cause: 'デバイス オブジェクトが手動で削除されています。',
      action: '管理者に依頼して Entra ID、Intune、Autopilot からデバイスを削除し、Autopilot に登録し直してオブジェクトを再作成してください。',
    },
  },
  {
    code: '0x801c0003',
    family: 'hresult',
    category: 'other',
    phase: 'join',
    severity: 'error',
    steps: ['contact-support'],
    en: {
      meaning: 'The user is not authorized to enroll/join the device (Entra join or Intune enrollment; may also appear as 0x80180003). From secondary sources.',
      cause:
        'The user reached the device limit, a device-type restriction blocks it, the device runs Windows Home, or the user is outside the "Users may join devices" scope.',
      action:
        'Ask an administrator to remove old devices or raise the device limit (default 50), and to check enrollment restrictions and the "Users may join devices" setting.',
    },
    ja: {
      meaning:
        'ユーザーにデバイスの登録・参加が許可されていないことを示すコードです (Entra 参加や Intune 登録で発生し、0x80180003 と表示される場合もあります)。二次情報に基づきます。',
      cause:
        'ユーザーがデバイス数の上限に達している、デバイスの種類の制限でブロックされている、Windows Home エディションである、または「ユーザーはデバイスを Microsoft Entra に参加させることができます」の対象外であることが原因です。',
      action:
        '古いデバイスの削除やデバイス数上限 (既定 50) の引き上げ、登録制限の設定、「ユーザーはデバイスを Microsoft Entra に参加させることができます」の対象範囲の確認を管理者に依頼してください。',
    },
  },

  // ───────────────────────────── DRS server error strings (Server ErrorCode) ─────────────────────────────
  {
    code: 'DirectoryError',
    family: 'drs-server',
    category: 'hybrid-join',
    phase: 'join',
    severity: 'error',
    steps: ['sync-computer-object', 'check-scp'],
    en: {
      meaning: 'Server ErrorCode returned by the Device Registration Service during join (client code usually 0x801c03f2).',
      cause:
        'Depends on the Server Message: "device object by the given ID isn\'t found" (sync-join; computer not yet synced by Entra Connect — expected until then), "request is throttled… try after 300 seconds" (too many requests in a row), or AADSTS90002 tenant not found (wrong tenant ID in the SCP).',
      action: 'Not found → check the OU is in sync scope and wait for the sync. Throttled → wait and retry. Tenant not found → fix the SCP tenant ID.',
    },
    ja: {
      meaning: '参加処理中にデバイス登録サービス (DRS) が返すサーバー エラー コードです (クライアント側のコードは通常 0x801c03f2)。',
      cause:
        'Server Message によって異なります。「指定された ID のデバイス オブジェクトが見つからない」(同期参加。Entra Connect がまだコンピューターを同期していない状態で、同期までは想定内)、「要求が一時的に制限されている。300 秒後に再試行」(短時間の要求集中)、AADSTS90002 のテナントが見つからない (SCP のテナント ID の誤り) などがあります。',
      action:
        '「見つからない」場合は OU が同期対象か確認して同期を待ちます。スロットリングの場合は時間をおいて再試行します。テナントが見つからない場合は SCP のテナント ID を修正してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: 'AuthenticationError',
    family: 'drs-server',
    category: 'hybrid-join',
    phase: 'join',
    severity: 'error',
    steps: ['sync-computer-object'],
    en: {
      meaning: 'Server ErrorCode returned by the Device Registration Service during join (client code 0x801c0002 when the sub-code is not DeviceNotFound).',
      cause:
        'In sync-join with the message "The verification of the target computer\'s SID…": the certificate on the Entra device object does not match the one used to sign the request, because Entra Connect has not finished syncing.',
      action: 'Wait for Entra Connect to sync the computer object, then retry the join.',
    },
    ja: {
      meaning:
        '参加処理中にデバイス登録サービス (DRS) が返すサーバー エラー コードです (サブコードが DeviceNotFound 以外の場合、クライアント側のコードは 0x801c0002)。',
      cause:
        '同期参加で「対象コンピューターの SID の検証…」というメッセージの場合、Entra Connect の同期が終わっていないため、Entra 上のデバイス オブジェクトの証明書が要求の署名に使われた証明書と一致していません。',
      action: 'Entra Connect によるコンピューター オブジェクトの同期を待ってから、参加を再試行してください。',
    },
    docs: DOC_HYBRID,
  },
  {
    code: 'DeviceNotFound',
    family: 'drs-server',
    category: 'device-missing',
    phase: 'join',
    severity: 'error',
    steps: ['sync-computer-object', 'leave-and-reboot'],
    en: {
      meaning: 'DRS error sub-code: the device object referred to in the request was not found in Entra ID.',
      cause:
        'For a hybrid device in sync-join, Entra Connect has not (yet) synced the computer object or its OU is out of sync scope; otherwise the device object was deleted in Entra ID.',
      action:
        "Check that the computer's OU is in sync scope and wait for the sync. If the object was deleted, re-register: as administrator run `dsregcmd /leave`, restart and sign in with the domain account.",
    },
    ja: {
      meaning: 'DRS のエラー サブコードで、要求で指定されたデバイス オブジェクトが Entra ID に見つからないことを示します。',
      cause:
        'ハイブリッド参加の同期参加では、Entra Connect がコンピューター オブジェクトをまだ同期していないか、OU が同期対象外です。それ以外の場合は、Entra ID 上でデバイス オブジェクトが削除されています。',
      action:
        'コンピューターの OU が同期対象に含まれているか確認し、同期を待ちます。オブジェクトが削除されている場合は、管理者として `dsregcmd /leave` を実行し、再起動後にドメイン アカウントでサインインして再登録してください。',
    },
    docs: DOC_HYBRID,
  },
];

// ───────────────────────────── normalisation & lookup ─────────────────────────────

/** Canonical spellings of the DRS server error strings we know. */
const DRS_STRINGS: ReadonlyMap<string, string> = new Map(CODES.filter((e) => e.family === 'drs-server').map((e) => [e.code.toLowerCase(), e.code]));

/** Other spellings the notes give for the same error → canonical code. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  // AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY is listed as 0xc00484c1 / 0x800484c1 (02).
  ['0x800484c1', '0xc00484c1'],
  // "0x801c0003 (also 80180003)" (03, secondary).
  ['0x80180003', '0x801c0003'],
]);

const BY_CODE: ReadonlyMap<string, CodeEntry> = new Map(CODES.map((e) => [e.code, e]));

function hex8(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Normalise user input to a canonical code string.
 *
 * - `AADSTS700003`, `aadsts 700003`, bare 5–7 digit decimals (`700003`, sign-in log ResultType) → `AADSTS700003`
 * - `MSIS7068`, `msis7068` → `MSIS7068`
 * - `0x801C03F2`, `0x2ee2`, bare 8-digit hex with the high bit set (`801c03f2`, `80180003`) → `0x801c03f2` (0x + 8 lowercase hex)
 * - signed decimal HRESULT/NTSTATUS (`-2145647630`) or unsigned ≥ 2^31 → hex form
 * - WinHTTP decimals 12001–12199 (`12002`) → `0x00002ee2`
 * - DRS server error strings (`directoryerror`) → `DirectoryError`
 *
 * Returns null for anything else, including zero (success) values.
 */
export function normalizeCode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().replace(/[\s:;,.]+$/, '');
  if (s === '' || s.length > 40) return null;

  let m = /^aadsts\s*(\d{1,8})$/i.exec(s);
  if (m?.[1] !== undefined) return aadsts(m[1]);

  m = /^msis\s*(\d{1,6})$/i.exec(s);
  if (m?.[1] !== undefined) {
    const digits = m[1].replace(/^0+/, '');
    return digits === '' ? null : `MSIS${digits}`;
  }

  m = /^0x([0-9a-f]{1,8})$/i.exec(s);
  if (m?.[1] !== undefined) {
    const n = Number.parseInt(m[1], 16);
    return n === 0 ? null : hex8(n);
  }

  // Unprefixed 8-digit hex is only taken as a code when the severity bit is set (HRESULT / NTSTATUS
  // failures: 8…, 9…, a…–f…), e.g. '801c03f2' or '80180003'.
  if (/^[89a-f][0-9a-f]{7}$/i.test(s)) return hex8(Number.parseInt(s, 16));

  m = /^([+-]?)(\d{1,10})$/.exec(s);
  if (m?.[2] !== undefined) {
    const n = Number(m[2]);
    if (m[1] === '-') {
      // Signed 32-bit rendering of an HRESULT / NTSTATUS.
      return n > 0 && n <= 0x80000000 ? hex8(-n) : null;
    }
    if (n >= 12001 && n <= 12199) return hex8(n); // ERROR_WINHTTP_* decimal
    if (n >= 0x80000000 && n <= 0xffffffff) return hex8(n); // unsigned decimal HRESULT
    if (m[2].length >= 5 && m[2].length <= 7 && !m[2].startsWith('0')) return `AADSTS${m[2]}`;
    return null;
  }

  const drs = DRS_STRINGS.get(s.toLowerCase());
  if (drs !== undefined) return drs;

  return null;
}

function aadsts(digits: string): string | null {
  const d = digits.replace(/^0+/, '');
  return d === '' ? null : `AADSTS${d}`;
}

/**
 * Look up a code in any input form. Aliases the notes give are resolved, and an
 * HRESULT_FROM_NT form (0xdXXXXXXX, e.g. 0xd000023c) resolves to its NTSTATUS entry
 * (0xc000023c). Returns undefined for anything not in the knowledge base.
 */
export function lookupCode(input: string): CodeEntry | undefined {
  const code = normalizeCode(input);
  if (code === null) return undefined;
  const direct = BY_CODE.get(code);
  if (direct !== undefined) return direct;
  const alias = ALIASES.get(code);
  if (alias !== undefined) return BY_CODE.get(alias);
  if (/^0xd[0-9a-f]{7}$/.test(code)) {
    const nt = BY_CODE.get(`0xc${code.slice(3)}`);
    if (nt !== undefined && nt.family === 'ntstatus') return nt;
  }
  return undefined;
}
