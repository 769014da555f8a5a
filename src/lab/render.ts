import { findDevice, serverMessage } from './identity.js';
import type { WindowsEra } from './model.js';
import { dsregTime, stsTimestamp, wholeSecond } from './time.js';
import type { LabWorld } from './world.js';

/**
 * `dsregcmd /status` as the simulated PC prints it, in the layout of its Windows era, copied from
 * the real-format fixtures (test/fixtures/dsregcmd):
 * - `1607`: the old single-block format (r10): device and tenant fields inside Device State,
 *   AzureAdPrt inside User State, per-section key widths, `KeySignTest: :`, `dmComplianceUrl`.
 * - `1809`: the 1803/1809 single-block format (r28): one key width for the whole output,
 *   Workplace* fields and the PRT lines in User State, an Ngc Prerequisite Check section.
 * - `21h2`: Windows 10 21H2 and later (r03): boxed sections, DeviceAuthStatus, PRT diagnostics.
 * - `w11`: Windows 11 (s01, s02, s05, s07): as 21H2 plus `Virtual Desktop`, a leading blank line.
 * Run contexts: `user` (the affected user, un-elevated) and `elevated` (the helpdesk's admin
 * account in a Run-as-administrator prompt: User and SSO State then describe that account).
 */

/**
 * `system`: taken as SYSTEM (a remote tool, an Intune script, psexec -s): elevated, and User State
 * and SSO State describe no user at all.
 */
export type RunContext = 'user' | 'elevated' | 'system';

/** One printed `Key : value` line, as the reader must read it back. */
export interface RenderedField {
  section: string;
  /** The key as the reader reports it (trailing colons of `KeySignTest:` removed). */
  key: string;
  value: string;
}

export interface RenderedStatus {
  text: string;
  era: WindowsEra;
  context: RunContext;
  fields: RenderedField[];
}

const BANNER = '+----------------------------------------------------------------------+';
const FOOTER = 'For more information, please visit https://www.microsoft.com/aadjerrors';
const DRS = 'https://enterpriseregistration.windows.net';
const DRS_ID = 'urn:ms-drs:enterpriseregistration.windows.net';
const WAM_AZUREAD = '{B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)';
const KERBEROS_NAMES = '.windows.net,.windows.net:1433,.windows.net:3342,.azure.net,.azure.net:1433,.azure.net:3342';
const MDM_URLS = {
  mdm: 'https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc',
  tou: 'https://portal.manage.microsoft.com/TermsofUse.aspx',
  compliance: 'https://portal.manage.microsoft.com/?portalAction=Compliance',
};

class StatusWriter {
  readonly lines: string[] = [];
  readonly fields: RenderedField[] = [];
  private section = '';

  constructor(private width: number) {}

  setWidth(width: number): void {
    this.width = width;
  }

  banner(title: string): void {
    this.lines.push(BANNER, `| ${title.padEnd(69)}|`, BANNER);
    this.section = title;
  }

  blank(): void {
    this.lines.push('');
  }

  raw(line: string): void {
    this.lines.push(line);
  }

  field(key: string, value: string): void {
    const padded = key.padStart(this.width);
    this.lines.push(value === '' ? `${padded} :` : `${padded} : ${value}`);
    this.fields.push({ section: this.section, key: key.replace(/:+$/, ''), value });
  }
}

/** Render the PC's status as seen from `context`, at the world's current time. */
export function renderStatus(world: LabWorld, context: RunContext): RenderedStatus {
  const w = world.device.era === '1607' || world.device.era === '1809' ? renderOld(world, context) : renderModern(world, context);
  return { text: `${w.lines.join('\n')}\n`, era: world.device.era, context, fields: w.fields };
}

// --- shared pieces ----------------------------------------------------------------------------

function yesNo(v: boolean): string {
  return v ? 'YES' : 'NO';
}

function certValidity(from: number, to: number): string {
  return `[ ${dsregTime(from)} -- ${dsregTime(to)} ]`;
}

function keyProvider(tpm: boolean): string {
  return tpm ? 'Microsoft Platform Crypto Provider' : 'Microsoft Software Key Storage Provider';
}

function executingAccount(world: LabWorld, context: RunContext): string {
  if (context === 'system') return world.device.domain ? `${world.device.domain.netbios}\\${world.device.name}$` : 'NT AUTHORITY\\SYSTEM';
  if (context === 'elevated') return world.admin.upn ? `${world.admin.account}, ${world.admin.upn}` : world.admin.account;
  const u = world.user;
  if (u.windowsAccount === 'entra') return `AzureAD\\${u.displayName.replace(/\s+/g, '')}, ${u.upn}`;
  if (u.windowsAccount === 'domain') return `${world.onPrem?.netbios ?? world.device.name}\\${u.sam}, ${u.upn}`;
  return `${world.device.name}\\${u.sam}`;
}

/** What the user's own run shows about their Windows Hello, WAM account and PRT. */
function userView(world: LabWorld, context: RunContext) {
  const u = world.user;
  const asUser = context === 'user';
  const joined = world.device.join !== null;
  return {
    asUser,
    hello: asUser && joined && u.windowsHello,
    wam: asUser && u.windowsAccount !== 'local',
    wpj: asUser ? u.wpj : null,
    prt: asUser && joined && world.hasPrt() ? u.prt : null,
    failure: asUser && joined && u.prtFailure && (!world.hasPrt() || (u.prt !== null && u.prtFailure.at > u.prt.updated)) ? u.prtFailure : null,
  };
}

function tenantUrls(world: LabWorld) {
  const t = world.tenant;
  return {
    authCode: `https://login.microsoftonline.com/${t.id}/oauth2/authorize`,
    accessToken: `https://login.microsoftonline.com/${t.id}/oauth2/token`,
    authority: `https://login.microsoftonline.com/${t.id}`,
  };
}

// --- 21H2 and Windows 11 -----------------------------------------------------------------------

function renderModern(world: LabWorld, context: RunContext): StatusWriter {
  const out = new StatusWriter(26);
  const d = world.device;
  const w11 = d.era === 'w11';
  const join = d.join;
  const view = userView(world, context);
  if (w11) out.blank();
  modernDeviceState(out, world);
  if (join) modernJoinDetails(out, world, join);
  modernUserState(out, world, view);
  modernSsoState(out, world, view);
  if (view.wpj) modernWorkAccount(out, world, view.wpj);
  if (join) modernJoinDiagnostics(out, world, context);
  else if (d.domain) modernPreJoinDiagnostics(out, world, context, d.domain);
  modernProxyAndNgc(out, world, view);
  if (w11) out.blank();
  return out;
}

type UserView = ReturnType<typeof userView>;
type JoinKeys = NonNullable<LabWorld['device']['join']>;
type WorkAccountKeys = NonNullable<LabWorld['user']['wpj']>;

/** Device State: the join flags, the domain and the name. */
function modernDeviceState(out: StatusWriter, world: LabWorld): void {
  const d = world.device;
  const w11 = d.era === 'w11';
  const join = d.join;
  out.banner('Device State');
  out.blank();
  out.field('AzureAdJoined', yesNo(join !== null));
  out.field('EnterpriseJoined', 'NO');
  out.field('DomainJoined', yesNo(d.domain !== null));
  if (d.domain) out.field('DomainName', d.domain.netbios);
  if (w11) out.field('Virtual Desktop', 'NOT SET');
  out.field('Device Name', d.domain ? `${d.name}.${d.domain.dns}` : d.name);
  out.blank();
}

/** Device Details and Tenant Details of the join. */
function modernJoinDetails(out: StatusWriter, world: LabWorld, join: JoinKeys): void {
  const t = world.tenant;
  const urls = tenantUrls(world);
  out.banner('Device Details');
  out.blank();
  out.field('DeviceId', join.deviceId);
  out.field('Thumbprint', join.thumbprint);
  out.field('DeviceCertificateValidity', certValidity(join.certFrom, join.certTo));
  out.field('KeyContainerId', join.keyContainerId);
  out.field('KeyProvider', keyProvider(join.tpmProtected));
  out.field('TpmProtected', yesNo(join.tpmProtected));
  out.field('DeviceAuthStatus', world.deviceAuthStatus() ?? '');
  out.blank();

  out.banner('Tenant Details');
  out.blank();
  out.field('TenantName', t.name);
  out.field('TenantId', t.id);
  out.field('Idp', 'login.windows.net');
  out.field('AuthCodeUrl', urls.authCode);
  out.field('AccessTokenUrl', urls.accessToken);
  out.field('MdmUrl', t.mdmAutoEnrollment ? MDM_URLS.mdm : '');
  out.field('MdmTouUrl', t.mdmAutoEnrollment ? MDM_URLS.tou : '');
  out.field('MdmComplianceUrl', t.mdmAutoEnrollment ? MDM_URLS.compliance : '');
  out.field('SettingsUrl', '');
  out.field('JoinSrvVersion', '2.0');
  out.field('JoinSrvUrl', `${DRS}/EnrollmentServer/device/`);
  out.field('JoinSrvId', DRS_ID);
  out.field('KeySrvVersion', '1.0');
  out.field('KeySrvUrl', `${DRS}/EnrollmentServer/key/`);
  out.field('KeySrvId', DRS_ID);
  out.field('WebAuthNSrvVersion', '1.0');
  out.field('WebAuthNSrvUrl', `${DRS}/webauthn/${t.id}/`);
  out.field('WebAuthNSrvId', DRS_ID);
  out.field('DeviceManagementSrvVer', '1.0');
  out.field('DeviceManagementSrvUrl', `${DRS}/manage/${t.id}/`);
  out.field('DeviceManagementSrvId', DRS_ID);
  out.blank();
}

/** User State: Windows Hello, the work account flag, the WAM default account. */
function modernUserState(out: StatusWriter, world: LabWorld, view: UserView): void {
  out.banner('User State');
  out.blank();
  out.field('NgcSet', yesNo(view.hello));
  if (view.hello) {
    out.field('NgcKeyId', world.user.ngcKeyId);
    out.field('CanReset', 'DestructiveAndNonDestructive');
  }
  out.field('WorkplaceJoined', yesNo(view.wpj !== null));
  if (view.wpj) out.field('WorkAccountCount', '1');
  if (!view.asUser) out.field('WamDefaultSet', 'ERROR');
  else if (view.wam) {
    out.field('WamDefaultSet', 'YES');
    out.field('WamDefaultAuthority', 'organizations');
    out.field('WamDefaultId', 'https://login.microsoft.com');
    out.field('WamDefaultGUID', WAM_AZUREAD);
  } else out.field('WamDefaultSet', 'NO');
  out.blank();
}

/** SSO State: the PRT as the user holds it, with the diagnostics of a failed attempt. */
function modernSsoState(out: StatusWriter, world: LabWorld, view: UserView): void {
  const join = world.device.join;
  const urls = tenantUrls(world);
  out.banner('SSO State');
  out.blank();
  if (join && view.asUser) {
    out.field('AzureAdPrt', yesNo(view.prt !== null));
    if (view.prt) {
      out.field('AzureAdPrtUpdateTime', dsregTime(view.prt.updated));
      out.field('AzureAdPrtExpiryTime', dsregTime(view.prt.expires - 1000));
    }
    out.field('AzureAdPrtAuthority', urls.authority);
    if (view.failure) prtDiagnostics(out, world, view.failure);
    out.field('EnterprisePrt', 'NO');
    out.field('EnterprisePrtAuthority', '');
    out.field('OnPremTgt', 'NO');
    out.field('CloudTgt', yesNo(view.prt !== null));
    out.field('KerbTopLevelNames', view.prt ? KERBEROS_NAMES : '');
  } else {
    out.field('AzureAdPrt', 'NO');
    out.field('AzureAdPrtAuthority', 'NO');
    out.field('EnterprisePrt', 'NO');
    out.field('EnterprisePrtAuthority', 'NO');
  }
  out.blank();
}

/** Work Account 1: the user's Entra registration. */
function modernWorkAccount(out: StatusWriter, world: LabWorld, wpj: WorkAccountKeys): void {
  out.banner('Work Account 1');
  out.blank();
  out.field('WorkplaceDeviceId', wpj.deviceId);
  out.field('WorkplaceThumbprint', wpj.thumbprint);
  out.field('DeviceCertificateValidity', certValidity(wpj.certFrom, wpj.certTo));
  out.field('KeyContainerId', wpj.keyContainerId);
  out.field('KeyProvider', keyProvider(wpj.tpmProtected));
  out.field('TpmProtected', yesNo(wpj.tpmProtected));
  out.field('WorkplaceTenantId', wpj.tenantId);
  out.field('WorkplaceTenantName', wpj.tenantName);
  out.field('WorkplaceMdmUrl', world.device.mdmEnrollment?.deviceId === wpj.deviceId ? MDM_URLS.mdm : '');
  out.field('WorkplaceSettingsUrl', '');
  out.field('NgcSet', 'NO');
  out.blank();
}

/** Diagnostic Data of a joined PC. */
function modernJoinDiagnostics(out: StatusWriter, world: LabWorld, context: RunContext): void {
  out.banner('Diagnostic Data');
  out.blank();
  out.field('AadRecoveryEnabled', world.device.recoveryArmed ? 'YES' : 'NO');
  out.field('Executing Account Name', executingAccount(world, context));
  out.field('KeySignTest', context !== 'user' ? 'PASSED' : 'MUST Run elevated to test.');
  out.blank();
  out.field('DisplayNameUpdated', 'YES');
  out.field('OsVersionUpdated', 'YES');
  out.field('HostNameUpdated', 'YES');
  out.blank();
  out.field('Last HostName Update', 'NONE');
  out.blank();
}

/** Pre-join diagnostics: a domain-joined PC whose hybrid join has not completed. */
function modernPreJoinDiagnostics(out: StatusWriter, world: LabWorld, context: RunContext, domain: NonNullable<LabWorld['device']['domain']>): void {
  const d = world.device;
  // pre-join diagnostics: a domain-joined PC whose hybrid join has not completed
  out.banner('Diagnostic Data');
  out.blank();
  if (context !== 'user') {
    out.raw('Waiting for Diagnostics Task to complete. This could take a few minutes...');
    out.raw(' '.repeat(74));
  }
  out.field('Diagnostics Reference', 'www.microsoft.com/aadjerrors');
  out.field('User Context', context !== 'user' ? 'SYSTEM' : 'UN-ELEVATED User');
  out.field('Client Time', dsregTime(wholeSecond(world.now)));
  out.field('AD Connectivity Test', 'PASS');
  out.field('AD Configuration Test', 'PASS');
  out.field('DRS Discovery Test', 'PASS');
  out.field('DRS Connectivity Test', 'PASS');
  out.field('Token acquisition Test', 'SKIPPED');
  out.field('Fallback to Sync-Join', 'ENABLED');
  const attempt = d.lastHybridAttempt;
  if (attempt) {
    out.blank();
    out.field('Previous Registration', dsregTime(wholeSecond(attempt.at)));
    out.field('Registration Type', 'sync');
    out.field('Error Phase', 'join');
    out.field('Client ErrorCode', '0x801c03f2');
    out.field('Server ErrorCode', 'DirectoryError');
    out.field('Server Message', `The device object by the given id (${attempt.deviceId}) is not found.`);
    out.field('Https Status', '400');
    out.field('Request Id', attempt.requestId);
  }
  out.blank();
  if (context !== 'user') {
    out.banner('IE Proxy Config for System Account');
    out.blank();
    out.field('Auto Detect Settings', 'NO');
    out.field('Auto-Configuration URL', '');
    out.field('Proxy Server List', '');
    out.field('Proxy Bypass List', '');
    out.blank();
    out.field('Executing Account Name', `${domain.netbios}\\${d.name}$, ${d.name}$@${domain.dns}`);
    out.blank();
  }
}

/** The proxy sections, the Ngc Prerequisite Check and the footer line. */
function modernProxyAndNgc(out: StatusWriter, world: LabWorld, view: UserView): void {
  const join = world.device.join;
  out.banner('IE Proxy Config for Current User');
  out.blank();
  out.field('Auto Detect Settings', 'YES');
  out.field('Auto-Configuration URL', '');
  out.field('Proxy Server List', '');
  out.field('Proxy Bypass List', '');
  out.blank();

  out.banner('WinHttp Default Proxy Config');
  out.blank();
  out.field('Access Type', 'DIRECT');
  out.blank();

  out.banner('Ngc Prerequisite Check');
  out.blank();
  out.field('IsDeviceJoined', yesNo(join !== null));
  out.field('IsUserAzureAD', yesNo(view.asUser && join !== null && world.user.windowsAccount !== 'local'));
  out.field('PolicyEnabled', yesNo(world.user.windowsHello));
  out.field('PostLogonEnabled', 'YES');
  out.field('DeviceEligible', 'YES');
  out.field('SessionIsNotRemote', 'YES');
  out.field('CertEnrollment', 'none');
  out.field('PreReqResult', view.hello ? 'WillProvision' : 'WillNotProvision');
  out.blank();
  out.raw(FOOTER);
}

function prtDiagnostics(out: StatusWriter, world: LabWorld, failure: NonNullable<LabWorld['user']['prtFailure']>): void {
  const t = world.tenant;
  out.field(failure.kind === 'acquire' ? 'AcquirePrtDiagnostics' : 'RefreshPrtDiagnostics', 'PRESENT');
  out.field('Previous Prt Attempt', dsregTime(failure.at));
  out.field('Attempt Status', failure.attemptStatus);
  out.field('User Identity', world.user.upn);
  out.field('Credential Type', world.user.windowsHello ? 'NGC' : 'Password');
  out.field('Correlation ID', failure.correlationId);
  out.field('Endpoint URI', `https://login.microsoftonline.com/${t.id}/oauth2/token/`);
  out.field('HTTP Method', 'POST');
  out.field('HTTP Error', '0x0');
  out.field('HTTP status', '400');
  out.field('Server Error Code', 'invalid_grant');
  out.field(
    'Server Error Description',
    `${serverMessage(t, failure.code)} Trace ID: ${failure.traceId} Correlation ID: ${failure.correlationId} Timestamp: ${stsTimestamp(failure.at)}`,
  );
}

// --- 1607 and 1803/1809: the single-block format ---------------------------------------------

function renderOld(world: LabWorld, context: RunContext): StatusWriter {
  const v1607 = world.device.era === '1607';
  // 1607 sizes each section to its keys; 1803/1809 print one width for the whole output
  const out = new StatusWriter(v1607 ? 17 : 23);
  const old: OldView = {
    v1607,
    elevated: context !== 'user',
    view: userView(world, context),
    wpjOfUser: context === 'user' ? world.user.wpj : null,
    urls: tenantUrls(world),
  };
  if (old.elevated) {
    out.raw('C:\\WINDOWS\\system32>dsregcmd /status');
    out.blank();
  }
  oldDeviceState(out, world, old);
  if (v1607) out.setWidth(19);
  oldUserState(out, world, old);
  if (!v1607) oldNgcPrerequisiteCheck(out, world, old);
  if (old.elevated) {
    if (v1607) out.blank();
    out.blank();
    out.raw('C:\\WINDOWS\\system32>');
  }
  return out;
}

/** What the single-block format depends on besides the world: the era, the prompt, the user's view. */
interface OldView {
  v1607: boolean;
  /** run from an elevated prompt (or as SYSTEM): the prompt lines around the output, KeySignTest run */
  elevated: boolean;
  view: UserView;
  wpjOfUser: WorkAccountKeys | null;
  urls: ReturnType<typeof tenantUrls>;
}

/** Device State: the join flags and, inside it, the registration's keys, tenant and service URLs. */
function oldDeviceState(out: StatusWriter, world: LabWorld, old: OldView): void {
  const d = world.device;
  const join = d.join;
  out.banner('Device State');
  out.blank();
  out.field('AzureAdJoined', yesNo(join !== null));
  out.field('EnterpriseJoined', 'NO');
  // 1803/1809 also print the work account's registration here when the PC is not joined
  const keys = join ?? (old.v1607 ? null : old.wpjOfUser);
  if (keys) oldRegistrationKeys(out, world, old, keys);
  out.field('DomainJoined', yesNo(d.domain !== null));
  if (d.domain) out.field('DomainName', d.domain.netbios);
  out.blank();
}

function oldRegistrationKeys(out: StatusWriter, world: LabWorld, old: OldView, keys: JoinKeys | WorkAccountKeys): void {
  const t = world.tenant;
  const { v1607, urls } = old;
  out.field('DeviceId', keys.deviceId);
  out.field('Thumbprint', keys.thumbprint);
  out.field('KeyContainerId', keys.keyContainerId);
  out.field('KeyProvider', keyProvider(keys.tpmProtected));
  out.field('TpmProtected', yesNo(keys.tpmProtected));
  out.field('KeySignTest:', old.elevated ? 'PASSED' : 'MUST Run elevated to test.');
  out.field('Idp', 'login.windows.net');
  out.field('TenantId', t.id);
  out.field('TenantName', t.name);
  out.field('AuthCodeUrl', v1607 ? `https://login.microsoftonline.com/${t.domain}/oauth2/authorize` : urls.authCode);
  out.field('AccessTokenUrl', v1607 ? `https://login.microsoftonline.com/${t.domain}/oauth2/token` : urls.accessToken);
  out.field('MdmUrl', t.mdmAutoEnrollment ? MDM_URLS.mdm : '');
  out.field('MdmTouUrl', t.mdmAutoEnrollment ? MDM_URLS.tou : '');
  out.field(v1607 ? 'dmComplianceUrl' : 'MdmComplianceUrl', t.mdmAutoEnrollment ? MDM_URLS.compliance : '');
  out.field('SettingsUrl', '');
  out.field('JoinSrvVersion', '1.0');
  out.field('JoinSrvUrl', `${DRS}/EnrollmentServer/device/`);
  out.field('JoinSrvId', DRS_ID);
  out.field('KeySrvVersion', '1.0');
  out.field('KeySrvUrl', `${DRS}/EnrollmentServer/key/`);
  out.field('KeySrvId', DRS_ID);
  if (!v1607) {
    out.field('WebAuthNSrvVersion', '1.0');
    out.field('WebAuthNSrvUrl', `${DRS}/webauthn/${t.id}/`);
    out.field('WebAuthNSrvId', DRS_ID);
    out.field('DeviceManagementSrvUrl', `${DRS}/manage/${t.id}/`);
    out.field('DeviceManagementSrvId', DRS_ID);
  }
}

/** User State: Windows Hello, the work account's registration, the WAM default account and the PRT. */
function oldUserState(out: StatusWriter, world: LabWorld, old: OldView): void {
  const { v1607, view, wpjOfUser } = old;
  out.banner('User State');
  out.blank();
  out.field('NgcSet', yesNo(view.hello));
  if (view.hello) out.field('NgcKeyId', world.user.ngcKeyId);
  out.field('WorkplaceJoined', yesNo(wpjOfUser !== null));
  if (wpjOfUser) {
    out.field('WorkplaceDeviceId', wpjOfUser.deviceId);
    out.field('WorkplaceThumbprint', wpjOfUser.thumbprint);
    out.field('WorkplaceIdp', 'login.windows.net');
    out.field('WorkplaceTenantId', wpjOfUser.tenantId);
    out.field('WorkplaceTenantName', wpjOfUser.tenantName);
    if (!v1607) {
      out.field('WorkplaceMdmUrl', world.device.mdmEnrollment?.deviceId === wpjOfUser.deviceId ? MDM_URLS.mdm : '');
      out.field('WorkplaceSettingsUrl', '');
    }
  }
  if (view.wam) {
    out.field('WamDefaultSet', 'YES');
    out.field('WamDefaultAuthority', 'organizations');
    out.field('WamDefaultId', 'https://login.microsoft.com');
    out.field('WamDefaultGUID', WAM_AZUREAD);
  } else out.field('WamDefaultSet', 'NO');
  out.field('AzureAdPrt', yesNo(view.prt !== null));
  if (!v1607) {
    out.field('AzureAdPrtAuthority', view.prt ? old.urls.authority : 'NO');
    out.field('EnterprisePrt', 'NO');
    out.field('EnterprisePrtAuthority', 'NO');
    out.blank();
  }
}

/** 1803/1809 only: the Ngc Prerequisite Check section (whether Windows Hello will provision). */
function oldNgcPrerequisiteCheck(out: StatusWriter, world: LabWorld, { view }: OldView): void {
  const t = world.tenant;
  out.banner('Ngc Prerequisite Check');
  out.blank();
  out.field('IsUserAzureAD', yesNo(view.asUser && world.device.join !== null && world.user.windowsAccount !== 'local'));
  out.field('PolicyEnabled', yesNo(world.user.windowsHello));
  out.field('DeviceEligible', 'YES');
  out.field('SessionIsNotRemote', 'YES');
  out.field('CertEnrollment', t.mdmAutoEnrollment ? 'mobile device management' : 'none');
  if (t.mdmAutoEnrollment) out.field('ScepReady', 'YES');
  out.field('AadRecoveryNeeded', 'NO');
  out.field('PreReqResult', view.hello ? 'WillProvision' : 'WillNotProvision');
  out.blank();
}

/** The device object the rendered status's DeviceId points at, for the story. */
export function objectFor(world: LabWorld, deviceId: string | null) {
  return deviceId ? findDevice(world.tenant, deviceId) : undefined;
}
