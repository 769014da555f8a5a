/**
 * What dsregcmd prints: section titles and field names, with the renames Windows made over
 * the years mapped to one canonical name. Keys are matched case-, space- and hyphen-insensitively.
 */

export const SECTION_TITLES = [
  'Device State',
  'Device Details',
  'Tenant Details',
  'User State',
  'SSO State',
  'Diagnostic Data',
  'IE Proxy Config for Current User',
  'IE Proxy Config for System Account',
  'URL Specific Proxy Config',
  'WinHttp Default Proxy Config',
  'Ngc Prerequisite Check',
] as const;

export type KnownSectionTitle = (typeof SECTION_TITLES)[number];

/** Canonical field name → the section modern Windows prints it in. */
const FIELDS: Record<string, KnownSectionTitle | 'Work Account N'> = {
  AzureAdJoined: 'Device State',
  EnterpriseJoined: 'Device State',
  DomainJoined: 'Device State',
  DomainName: 'Device State',
  'Virtual Desktop': 'Device State',
  'Device Name': 'Device State',
  DeviceId: 'Device Details',
  Thumbprint: 'Device Details',
  DeviceCertificateValidity: 'Device Details',
  KeyContainerId: 'Device Details',
  KeyProvider: 'Device Details',
  TpmProtected: 'Device Details',
  DeviceAuthStatus: 'Device Details',
  TenantName: 'Tenant Details',
  TenantId: 'Tenant Details',
  Idp: 'Tenant Details',
  AuthCodeUrl: 'Tenant Details',
  AccessTokenUrl: 'Tenant Details',
  MdmUrl: 'Tenant Details',
  MdmTouUrl: 'Tenant Details',
  MdmComplianceUrl: 'Tenant Details',
  SettingsUrl: 'Tenant Details',
  JoinSrvVersion: 'Tenant Details',
  JoinSrvUrl: 'Tenant Details',
  JoinSrvId: 'Tenant Details',
  KeySrvVersion: 'Tenant Details',
  KeySrvUrl: 'Tenant Details',
  KeySrvId: 'Tenant Details',
  WebAuthNSrvVersion: 'Tenant Details',
  WebAuthNSrvUrl: 'Tenant Details',
  WebAuthNSrvId: 'Tenant Details',
  DeviceManagementSrvVer: 'Tenant Details',
  DeviceManagementSrvUrl: 'Tenant Details',
  DeviceManagementSrvId: 'Tenant Details',
  NgcSet: 'User State',
  NgcKeyId: 'User State',
  CanReset: 'User State',
  WorkplaceJoined: 'User State',
  WorkAccountCount: 'User State',
  WamDefaultSet: 'User State',
  WamDefaultAuthority: 'User State',
  WamDefaultId: 'User State',
  WamDefaultGUID: 'User State',
  WorkplaceDeviceId: 'Work Account N',
  WorkplaceThumbprint: 'Work Account N',
  WorkplaceIdp: 'Work Account N',
  WorkplaceTenantId: 'Work Account N',
  WorkplaceTenantName: 'Work Account N',
  WorkplaceMdmUrl: 'Work Account N',
  WorkplaceSettingsUrl: 'Work Account N',
  AzureAdPrt: 'SSO State',
  AzureAdPrtUpdateTime: 'SSO State',
  AzureAdPrtExpiryTime: 'SSO State',
  AzureAdPrtAuthority: 'SSO State',
  EnterprisePrt: 'SSO State',
  EnterprisePrtUpdateTime: 'SSO State',
  EnterprisePrtExpiryTime: 'SSO State',
  EnterprisePrtAuthority: 'SSO State',
  AcquirePrtDiagnostics: 'SSO State',
  RefreshPrtDiagnostics: 'SSO State',
  'Previous Prt Attempt': 'SSO State',
  'Attempt Status': 'SSO State',
  'User Identity': 'SSO State',
  'Credential Type': 'SSO State',
  'Correlation ID': 'SSO State',
  'Endpoint URI': 'SSO State',
  'HTTP Method': 'SSO State',
  'HTTP Error': 'SSO State',
  'HTTP Status': 'SSO State',
  'Server Error Code': 'SSO State',
  'Server Error Description': 'SSO State',
  OnPremTgt: 'SSO State',
  CloudTgt: 'SSO State',
  KerbTopLevelNames: 'SSO State',
  'Diagnostics Reference': 'Diagnostic Data',
  'User Context': 'Diagnostic Data',
  'Client Time': 'Diagnostic Data',
  'AD Connectivity Test': 'Diagnostic Data',
  'AD Configuration Test': 'Diagnostic Data',
  'DRS Discovery Test': 'Diagnostic Data',
  'DRS Connectivity Test': 'Diagnostic Data',
  'Token acquisition Test': 'Diagnostic Data',
  'Fallback to Sync-Join': 'Diagnostic Data',
  'Previous Registration': 'Diagnostic Data',
  'Registration Type': 'Diagnostic Data',
  'Error Phase': 'Diagnostic Data',
  'Client ErrorCode': 'Diagnostic Data',
  'Server ErrorCode': 'Diagnostic Data',
  'Server Message': 'Diagnostic Data',
  'Server Error Message': 'Diagnostic Data',
  'Https Status': 'Diagnostic Data',
  'Request Id': 'Diagnostic Data',
  AadRecoveryEnabled: 'Diagnostic Data',
  'Executing Account Name': 'Diagnostic Data',
  KeySignTest: 'Diagnostic Data',
  DisplayNameUpdated: 'Diagnostic Data',
  OsVersionUpdated: 'Diagnostic Data',
  HostNameUpdated: 'Diagnostic Data',
  'Last HostName Update': 'Diagnostic Data',
  'Auto Detect Settings': 'IE Proxy Config for Current User',
  'Auto-Configuration URL': 'IE Proxy Config for Current User',
  'Proxy Server List': 'IE Proxy Config for Current User',
  'Proxy Bypass List': 'IE Proxy Config for Current User',
  'Auto Detect PAC Status': 'IE Proxy Config for Current User',
  'Access Type': 'WinHttp Default Proxy Config',
  NgcPreReq: 'Ngc Prerequisite Check',
  IsDeviceJoined: 'Ngc Prerequisite Check',
  IsUserAzureAD: 'Ngc Prerequisite Check',
  PolicyEnabled: 'Ngc Prerequisite Check',
  PostLogonEnabled: 'Ngc Prerequisite Check',
  DeviceEligible: 'Ngc Prerequisite Check',
  SessionIsNotRemote: 'Ngc Prerequisite Check',
  CertEnrollment: 'Ngc Prerequisite Check',
  AdfsRefreshToken: 'Ngc Prerequisite Check',
  AdfsRaIsReady: 'Ngc Prerequisite Check',
  LogonCertTemplateReady: 'Ngc Prerequisite Check',
  ScepReady: 'Ngc Prerequisite Check',
  PreReqResult: 'Ngc Prerequisite Check',
};

/** Old or variant spellings → canonical name. */
const ALIASES: Record<string, string> = {
  AadRecoveryNeeded: 'AadRecoveryEnabled',
  DeviceManagementSrvVersion: 'DeviceManagementSrvVer',
  dmComplianceUrl: 'MdmComplianceUrl',
  'Request ID': 'Request Id',
  'Https Status Code': 'Https Status',
  'Client Error Code': 'Client ErrorCode',
  'Server Error Code (DRS)': 'Server ErrorCode',
};

function norm(key: string): string {
  return key.toLowerCase().replace(/[\s\-_]/g, '');
}

const CANONICAL = new Map<string, string>();
for (const name of Object.keys(FIELDS)) CANONICAL.set(norm(name), name);
for (const [alias, name] of Object.entries(ALIASES)) CANONICAL.set(norm(alias), name);

/** Case and runs of spaces aside, the name as printed: tells apart names `norm` makes one. */
function spelled(key: string): string {
  return key.toLowerCase().replace(/\s+/g, ' ').trim();
}

// a name printed as dsregcmd spells it is that name, before the loose match: SSO State's
// "Server Error Code" (the PRT attempt's) and Diagnostic Data's "Server ErrorCode" (the join's)
// are one name once the spaces are gone
const SPELLED = new Map<string, string>();
for (const [alias, name] of Object.entries(ALIASES)) SPELLED.set(spelled(alias), name);
for (const name of Object.keys(FIELDS)) SPELLED.set(spelled(name), name);

/**
 * A copy of `text` that holds nothing else alive. A string cut from the input (a line, a key, a
 * title) is a slice that keeps the input's whole text alive, so what a cache across inputs keeps
 * is copied first (once, when it is first seen).
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** The canonical name of a printed key, or undefined for a key dsregcmd is not known to print. */
const seenKeys = new Map<string, string | undefined>();
export function canonicalKey(printed: string): string | undefined {
  let hit = seenKeys.get(printed);
  if (hit === undefined && !seenKeys.has(printed)) {
    hit = SPELLED.get(spelled(printed)) ?? CANONICAL.get(norm(printed));
    if (seenKeys.size < 10_000) seenKeys.set(detached(printed), hit);
  }
  return hit;
}

/** Which section modern Windows prints a canonical key in. */
export function homeSection(canonical: string): string | undefined {
  return FIELDS[canonical];
}

const TITLE_BY_NORM = new Map<string, string>(SECTION_TITLES.map((t) => [norm(t), t]));

const seenTitles = new Map<string, { title: string; known: boolean }>();

/** Canonical section title, keeping unknown titles as printed (whitespace collapsed). */
export function canonicalTitle(printed: string): Readonly<{ title: string; known: boolean }> {
  let hit = seenTitles.get(printed);
  if (hit === undefined) {
    hit = titleOf(printed);
    if (seenTitles.size < 10_000) seenTitles.set(detached(printed), hit);
  }
  return hit;
}

function titleOf(printed: string): { title: string; known: boolean } {
  const collapsed = printed.replace(/\s+/g, ' ').trim();
  const known = TITLE_BY_NORM.get(norm(collapsed));
  if (known) return { title: known, known: true };
  const work = /^work\s*account\s*(\d+)$/i.exec(collapsed);
  if (work) return { title: `Work Account ${work[1]}`, known: true };
  return { title: detached(collapsed), known: false };
}

/** Keys whose values are GUIDs; anything else in them is a mask or a truncation. */
export const GUID_KEYS = new Set(['DeviceId', 'TenantId', 'KeyContainerId', 'WorkplaceDeviceId', 'WorkplaceTenantId', 'Correlation ID', 'Request Id']);

/** Keys whose values are lists. */
export const LIST_KEYS: Record<string, RegExp> = {
  KerbTopLevelNames: /\s*,\s*/,
  'Executing Account Name': /\s*,\s*/,
  'Proxy Server List': /\s*;\s*/,
  'Proxy Bypass List': /\s*;\s*/,
};
