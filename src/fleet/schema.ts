import type { InputFormat, InputKind } from '../contract/fleet.js';
import { normKey } from './values.js';

/**
 * What the exports look like: the columns of each CSV the admin center, Log Analytics and
 * PowerShell write, and how a file's kind and format are told from its content (never from its
 * name). Column names are compared with `normKey` (case, spaces, punctuation and a trailing
 * `[UTC]` ignored). Sources: shared/docs/domain/05, 06, 07.
 */

// the kinds and layouts are public ids (the fleet document reports them): defined in the contract
export type { InputFormat, InputKind } from '../contract/fleet.js';

/** The admin center's sign-in download (interactive and non-interactive share the columns). */
export const ENTRA_SIGNIN_COLUMNS = [
  'Date (UTC)',
  'Request ID',
  'User agent',
  'Correlation ID',
  'User ID',
  'User',
  'Username',
  'User type',
  'Cross tenant access type',
  'Incoming token type',
  'Authentication Protocol',
  'Unique token identifier',
  'Original transfer method',
  'Client credential type',
  'Token Protection - Sign In Session',
  'Token Protection - Sign In Session StatusCode',
  'Application',
  'Application ID ',
  'App owner tenant ID',
  'Resource',
  'Resource ID ',
  'Resource tenant ID',
  'Resource owner tenant ID',
  'Home tenant ID',
  'Home tenant name',
  'IP address',
  'Location',
  'Status',
  'Sign-in error code',
  'Failure reason',
  'Client app',
  'Device ID',
  'Browser',
  'Operating System',
  'Compliant',
  'Managed',
  'Join Type',
  'Multifactor authentication result',
  'Multifactor authentication auth method',
  'Multifactor authentication auth detail',
  'Authentication requirement',
  'Sign-in identifier',
  'Session ID',
  'IP address (seen by resource)',
  'Through Global Secure Access',
  'Global Secure Access IP address',
  'Autonomous system  number',
  'Flagged for review',
  'Token issuer type',
  'Incoming token type',
  'Token issuer name',
  'Latency',
  'Conditional Access',
  'Managed Identity type',
  'Associated Resource Id',
  'Federated Token Id',
  'Federated Token Issuer',
] as const;

/** Log Analytics SigninLogs / AADNonInteractiveUserSignInLogs columns (azure-reference-other). */
export const LOG_ANALYTICS_SIGNIN_COLUMNS = [
  'TenantId',
  'AADTenantId',
  'AlternateSignInName',
  'AppDisplayName',
  'AppId',
  'AppliedConditionalAccessPolicies',
  'AppliedEventListeners',
  'AuthenticationContextClassReferences',
  'AuthenticationDetails',
  'AuthenticationMethodsUsed',
  'AuthenticationProcessingDetails',
  'AuthenticationProtocol',
  'AuthenticationRequirement',
  'AuthenticationRequirementPolicies',
  'AutonomousSystemNumber',
  '_BilledSize',
  'Category',
  'ClientAppUsed',
  'ConditionalAccessPolicies',
  'ConditionalAccessStatus',
  'CorrelationId',
  'CreatedDateTime',
  'CrossTenantAccessType',
  'DeviceDetail',
  'DeviceDetail_dynamic',
  'DeviceDetail_string',
  'DurationMs',
  'FlaggedForReview',
  'HomeTenantId',
  'Id',
  'Identity',
  'IPAddress',
  'IPAddressFromResourceProvider',
  '_IsBillable',
  'IsInteractive',
  'IsRisky',
  'IsThroughGlobalSecureAccess',
  'IsTenantRestricted',
  'Level',
  'Location',
  'LocationDetails',
  'MfaDetail',
  'NetworkLocationDetails',
  'OperationName',
  'OperationVersion',
  'OriginalRequestId',
  'ProcessingTimeInMilliseconds',
  'ProcessingTimeInMs',
  'Resource',
  'ResourceDisplayName',
  'ResourceGroup',
  'ResourceId',
  '_ResourceId',
  'ResourceIdentity',
  'ResourceProvider',
  'ResourceServicePrincipalId',
  'ResourceTenantId',
  'ResultDescription',
  'ResultSignature',
  'ResultType',
  'RiskDetail',
  'RiskEventTypes',
  'RiskEventTypes_V2',
  'RiskLevel',
  'RiskLevelAggregated',
  'RiskLevelDuringSignIn',
  'RiskState',
  'ServicePrincipalId',
  'ServicePrincipalName',
  'SessionId',
  'SessionLifetimePolicies',
  'SignInEventTypes',
  'SignInIdentifier',
  'SignInIdentifierType',
  'SourceSystem',
  'SourceTable',
  'Status',
  'TimeGenerated',
  'TokenIssuerName',
  'TokenIssuerType',
  'TokenProtectionStatusDetails',
  'Type',
  'UniqueTokenIdentifier',
  'UserAgent',
  'UserDisplayName',
  'UserId',
  'UserPrincipalName',
  'UserType',
] as const;

/** Admin center "Download devices" (05 §6), and the `Get-MgDevice | Export-Csv` properties (07 §4). */
export const DEVICE_COLUMNS = [
  'displayName',
  'accountEnabled',
  'operatingSystem',
  'operatingSystemVersion',
  'joinType (trustType)',
  'registeredOwners',
  'userNames',
  'mdmDisplayName',
  'isCompliant',
  'registrationTime',
  'approximateLastSignInDateTime',
  'deviceId',
  'isManaged',
  'objectId',
  'profileType',
  'systemLabels',
  'model',
  // Graph property names (Export-Csv of Get-MgDevice, or a flattened Graph export)
  'id',
  'trustType',
  'registrationDateTime',
  'manufacturer',
  'managementType',
  'mdmAppId',
  'enrollmentProfileName',
  'enrollmentType',
  'deviceOwnership',
  'deviceCategory',
  'physicalIds',
  'onPremisesSyncEnabled',
  'onPremisesLastSyncDateTime',
  'onPremisesSecurityIdentifier',
  'complianceExpirationDateTime',
  'isRooted',
  'isManagementRestricted',
  'deviceVersion',
  'deviceMetadata',
  'alternativeSecurityIds',
  'extensionAttributes',
  'createdDateTime',
  'deletedDateTime',
  'additionalProperties',
  // the AzureAD module's Get-AzureADDevice | Export-Csv (Microsoft.Open.AzureAD.Model.Device)
  'DeletionTimestamp',
  'ObjectType',
  'AlternativeSecurityIds',
  'ApproximateLastLogonTimeStamp',
  'ComplianceExpiryTime',
  'DeviceMetadata',
  'DeviceObjectVersion',
  'DeviceOSType',
  'DeviceOSVersion',
  'DevicePhysicalIds',
  'DeviceTrustType',
  'DirSyncEnabled',
  'LastDirSyncTime',
  'IsCompliant',
  'IsManaged',
] as const;

/** Intune admin center, Devices > All devices > Export (`DevicesWithInventory_*.csv`): the columns read. */
export const INTUNE_DEVICE_COLUMNS = [
  'Device ID',
  'Device name',
  'Enrollment date',
  'Last check-in',
  'Azure AD Device ID',
  'OS version',
  'Azure AD registered',
  'Serial number',
  'Manufacturer',
  'Model',
  'Primary user UPN',
  'Compliance',
  'Managed by',
  'Ownership',
  'Device state',
  'Intune registered',
  'Supervised',
  'Encrypted',
  'OS',
  'SkuFamily',
  'JoinType',
  'Management name',
  'Category',
  'UserId',
  'Primary user email address',
  'Primary user display name',
] as const;

/** Admin center audit log download: fixed columns, then numbered target / detail columns. */
export const AUDIT_COLUMNS = [
  'Date (UTC)',
  'CorrelationId',
  'Service',
  'Category',
  'Activity',
  'Result',
  'ResultReason',
  'User Agent',
  'ActorType',
  'ActorDisplayName',
  'ActorObjectId',
  'ActorUserPrincipalName',
  'IPAddress',
  'ActorHomeTenantId',
  'ActorHomeTenantName',
  'ActorServicePrincipalId',
  'ActorServicePrincipalName',
  // Log Analytics AuditLogs
  'TenantId',
  'TimeGenerated',
  'ActivityDateTime',
  'ActivityDisplayName',
  'AADOperationType',
  'AADTenantId',
  'AdditionalDetails',
  'DurationMs',
  'Id',
  'Identity',
  'InitiatedBy',
  'Level',
  'Location',
  'LoggedByService',
  'OperationName',
  'OperationVersion',
  'Resource',
  'ResourceGroup',
  'ResourceProvider',
  'SourceSystem',
  'TargetResources',
  'Type',
  '_BilledSize',
  '_IsBillable',
  '_ResourceId',
] as const;
const AUDIT_NUMBERED = /^(target\d+(type|displayname|objectid|userprincipalname|modifiedproperty\d+(name|oldvalue|newvalue))|additionaldetail\d+(key|value))$/;

/** Canonical fields and the normalised column names that carry them, best first. */
export const SIGNIN_FIELDS = {
  time: ['dateutc', 'createddatetime', 'timegenerated', 'date', 'time'],
  code: ['signinerrorcode', 'resulttype', 'errorcode', 'statuserrorcode'],
  status: ['status'],
  deviceId: ['deviceid', 'devicedetaildeviceid'],
  deviceDetail: ['devicedetail', 'devicedetaildynamic'],
  /** `union SigninLogs, AADNonInteractiveUserSignInLogs` splits DeviceDetail in two, one filled per row. */
  deviceDetail2: ['devicedetailstring'],
  deviceName: ['devicename', 'devicedetaildisplayname'],
  os: ['operatingsystem', 'devicedetailoperatingsystem'],
  trust: ['jointype', 'devicedetailtrusttype', 'trusttype'],
  user: ['username', 'userprincipalname'],
  userName: ['user', 'userdisplayname'],
  app: ['application', 'appdisplayname'],
} as const;

export const DEVICE_FIELDS = {
  deviceId: ['deviceid'],
  objectId: ['objectid', 'id'],
  displayName: ['displayname'],
  enabled: ['accountenabled'],
  os: ['operatingsystem', 'deviceostype'],
  osVersion: ['operatingsystemversion', 'deviceosversion'],
  trust: ['jointypetrusttype', 'trusttype', 'jointype', 'devicetrusttype'],
  lastSignIn: ['approximatelastsignindatetime', 'activity', 'approximatelastlogontimestamp'],
  registered: ['registrationtime', 'registrationdatetime'],
  managed: ['ismanaged'],
  mdm: ['mdmdisplayname', 'managementtype', 'mdmappid'],
  systemLabels: ['systemlabels'],
  physicalIds: ['physicalids', 'devicephysicalids'],
  enrollmentProfile: ['enrollmentprofilename'],
  bitlocker: ['bitlockerkeys', 'hasbitlockerkeys', 'bitlockerkeycount', 'bitlockerrecoverykeys', 'bitlocker'],
  autopilot: ['autopilot', 'isautopilot', 'autopilotdevice'],
  deleted: ['deleteddatetime'],
} as const;

export const INTUNE_FIELDS = {
  /** "Device ID" is Intune's own id; the Entra one is "Azure AD Device ID". */
  deviceId: ['azureaddeviceid', 'microsoftentradeviceid', 'entradeviceid'],
  displayName: ['devicename'],
  os: ['os'],
  osVersion: ['osversion'],
  trust: ['jointype'],
  managedBy: ['managedby'],
} as const;

export const AUDIT_FIELDS = {
  time: ['dateutc', 'activitydatetime', 'timegenerated', 'date'],
  activity: ['activity', 'activitydisplayname', 'operationname'],
  result: ['result'],
  actorType: ['actortype'],
  actorUpn: ['actoruserprincipalname'],
  actorName: ['actordisplayname'],
  actorApp: ['actorserviceprincipalname'],
  targetType: ['target1type'],
  targetName: ['target1displayname'],
  targetId: ['target1objectid'],
  initiatedBy: ['initiatedby'],
  targetResources: ['targetresources'],
  additionalDetails: ['additionaldetails'],
} as const;

export const BITLOCKER_FIELDS = {
  deviceId: ['deviceid'],
  volumeType: ['volumetype'],
} as const;

export type FieldSpec = Record<string, readonly string[]>;

/** Column index of each field (-1 when the file has none), from a header row. */
export function columnIndex<F extends FieldSpec>(header: string[], spec: F): Record<keyof F, number> {
  const keys = header.map(normKey);
  const out = {} as Record<keyof F, number>;
  for (const field of Object.keys(spec) as (keyof F)[]) {
    let found = -1;
    for (const alias of spec[field] ?? []) {
      const at = keys.indexOf(alias);
      if (at >= 0) {
        found = at;
        break;
      }
    }
    out[field] = found;
  }
  return out;
}

const FIELDS_OF: Record<InputKind, FieldSpec> = {
  signins: SIGNIN_FIELDS,
  devices: DEVICE_FIELDS,
  audit: AUDIT_FIELDS,
  'bitlocker-keys': BITLOCKER_FIELDS,
  'intune-devices': INTUNE_FIELDS,
};

/** A column the reader uses that the header holds more than once (1-based column numbers). */
export interface DuplicateColumn {
  name: string;
  columns: number[];
}

/**
 * The columns the reader of `kind` would read that appear twice or more in the header (same
 * name once width, case and spaces are folded: `Device ID` and `DeviceId`). Which copy holds
 * the data cannot be told (one `Device ID` holding "failure" would make a fake device), so the
 * file is refused. Duplicates of columns no reader uses (the Entra export's two
 * `Incoming token type`) are harmless and not listed.
 */
export function duplicateColumns(header: string[], kind: InputKind): DuplicateColumn[] {
  const keys = header.map(normKey);
  const out: DuplicateColumn[] = [];
  const seen = new Set<string>();
  for (const aliases of Object.values(FIELDS_OF[kind])) {
    const used = aliases.find((a) => keys.includes(a));
    if (used === undefined || seen.has(used)) continue;
    seen.add(used);
    const columns = keys.flatMap((k, i) => (k === used ? [i + 1] : []));
    if (columns.length > 1) out.push({ name: header[(columns[0] ?? 1) - 1] ?? used, columns });
  }
  return out;
}

export interface CsvDetection {
  kind: InputKind;
  format: InputFormat;
}

/** Which export a CSV header belongs to; undefined when none of ours. */
export function detectCsv(header: string[]): CsvDetection | undefined {
  const keys = new Set(header.map(normKey));
  const has = (...names: string[]) => names.some((n) => keys.has(n));
  if (has('activity', 'activitydisplayname', 'operationname') && has('target1objectid', 'target1displayname', 'targetresources')) {
    return { kind: 'audit', format: has('targetresources') ? 'log-analytics-audit-csv' : 'entra-audit-csv' };
  }
  if (has('signinerrorcode') && has('dateutc', 'date')) return { kind: 'signins', format: 'entra-signins-csv' };
  if (has('resulttype') && has('timegenerated', 'createddatetime')) return { kind: 'signins', format: 'log-analytics-signins-csv' };
  if (has('errorcode', 'statuserrorcode') && has('createddatetime') && has('deviceid', 'devicedetaildeviceid', 'devicedetail')) {
    return { kind: 'signins', format: 'signins-csv' };
  }
  if (has('volumetype') && has('deviceid')) return { kind: 'bitlocker-keys', format: 'bitlocker-keys-csv' };
  // deleted devices (Get-EntraDeletedDevice / Get-MgDirectoryDeletedItemAsDevice): rows with a DeletedDateTime are read as such
  if (has('deviceid') && has('deletionageindays')) return { kind: 'devices', format: 'deleted-devices-csv' };
  // Intune's export: its "Device ID" is the Intune id, so it is told apart first
  if (has('azureaddeviceid', 'microsoftentradeviceid', 'entradeviceid') && has('devicename')) return { kind: 'intune-devices', format: 'intune-devices-csv' };
  if (has('deviceid') && has('devicetrusttype', 'approximatelastlogontimestamp')) return { kind: 'devices', format: 'azuread-devices-csv' };
  if (has('deviceid') && has('jointypetrusttype', 'trusttype', 'accountenabled', 'approximatelastsignindatetime', 'objectid')) {
    return { kind: 'devices', format: has('jointypetrusttype', 'objectid') ? 'entra-devices-csv' : 'graph-devices-csv' };
  }
  return undefined;
}

const KNOWN: Record<InputKind, Set<string>> = {
  signins: new Set([...ENTRA_SIGNIN_COLUMNS, ...LOG_ANALYTICS_SIGNIN_COLUMNS].map(normKey)),
  devices: new Set(DEVICE_COLUMNS.map(normKey)),
  audit: new Set(AUDIT_COLUMNS.map(normKey)),
  'bitlocker-keys': new Set(['id', 'createddatetime', 'deviceid', 'volumetype', 'key']),
  'intune-devices': new Set(INTUNE_DEVICE_COLUMNS.map(normKey)),
};

/** Columns of a header that no documented schema of this kind has (reported, never fatal). */
export function unknownColumns(header: string[], kind: InputKind): string[] {
  const known = KNOWN[kind];
  const out: string[] = [];
  for (const h of header) {
    const k = normKey(h);
    if (k === '' || known.has(k) || (kind === 'audit' && AUDIT_NUMBERED.test(k)) || (kind === 'devices' && k.startsWith('extensionattribute'))) continue;
    // the Intune export has dozens of hardware and EAS columns; none is needed
    if (kind === 'intune-devices') continue;
    // dotted names from flattening (DeviceDetail.deviceId, status.errorCode)
    if (kind === 'signins' && /^(devicedetail|status|locationdetails)/.test(k)) continue;
    out.push(h);
  }
  return out;
}

/** Case-insensitive property of a JSON record (Graph is camelCase, PowerShell output PascalCase). */
export function prop(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  const o = obj as Record<string, unknown>;
  const direct = o[name];
  if (direct !== undefined) return direct;
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  const p = o[pascal];
  if (p !== undefined) return p;
  const lower = name.toLowerCase();
  for (const key of Object.keys(o)) if (key.toLowerCase() === lower) return o[key];
  return undefined;
}

/** A JSON column of a CSV (Log Analytics `DeviceDetail`, `Status`…) or an object already. */
export function objectOf(v: unknown): Record<string, unknown> | undefined {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(s);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function arrayOf(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(s);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Which export a JSON record belongs to (the first record decides for the file). */
export function detectJson(record: Record<string, unknown>): CsvDetection | undefined {
  const props = objectOf(prop(record, 'properties'));
  if (props !== undefined) {
    // Azure Monitor diagnostic-settings records: the event is in `properties`
    if (prop(props, 'deviceDetail') !== undefined || prop(props, 'status') !== undefined) return { kind: 'signins', format: 'azure-monitor-signins-json' };
    if (prop(props, 'targetResources') !== undefined) return { kind: 'audit', format: 'azure-monitor-audit-json' };
  }
  if (prop(record, 'activityDisplayName') !== undefined && prop(record, 'targetResources') !== undefined) return { kind: 'audit', format: 'graph-audit-json' };
  if (prop(record, 'OperationName') !== undefined && prop(record, 'TargetResources') !== undefined) return { kind: 'audit', format: 'graph-audit-json' };
  if (prop(record, 'ResultType') !== undefined && prop(record, 'TimeGenerated') !== undefined) return { kind: 'signins', format: 'log-analytics-signins-json' };
  if (prop(record, 'createdDateTime') !== undefined && (prop(record, 'status') !== undefined || prop(record, 'deviceDetail') !== undefined)) {
    return { kind: 'signins', format: 'graph-signins-json' };
  }
  if (prop(record, 'volumeType') !== undefined && prop(record, 'deviceId') !== undefined) return { kind: 'bitlocker-keys', format: 'bitlocker-keys-json' };
  // Graph beta directory/deletedItems/microsoft.graph.device, Get-EntraDeletedDevice | ConvertTo-Json
  if (prop(record, 'deviceId') !== undefined && ((prop(record, 'deletedDateTime') ?? null) !== null || prop(record, 'DeletionAgeInDays') !== undefined)) {
    return { kind: 'devices', format: 'deleted-devices-json' };
  }
  if (
    prop(record, 'deviceId') !== undefined &&
    (prop(record, 'trustType') !== undefined || prop(record, 'accountEnabled') !== undefined || prop(record, 'approximateLastSignInDateTime') !== undefined)
  ) {
    return { kind: 'devices', format: 'graph-devices-json' };
  }
  return undefined;
}

/**
 * Localized column headers, one list per column: the admin center writes its downloads with the
 * portal's display language. Keys are the English headers; each list holds the other languages'
 * labels. Which labels are confirmed against Microsoft sources is in README ("Exports read").
 */
export const HEADER_ALIASES: Record<string, readonly string[]> = {
  'Date (UTC)': ['日付 (UTC)', '日付(UTC)', '日時 (UTC)'],
  'Request ID': ['要求 ID', '要求ID'],
  'User agent': ['ユーザー エージェント'],
  'Correlation ID': ['相関 ID', '相関ID'],
  'User ID': ['ユーザー ID', 'ユーザーID'],
  User: ['ユーザー'],
  Username: ['ユーザー名'],
  'User type': ['ユーザーの種類'],
  Application: ['アプリケーション'],
  'Application ID ': ['アプリケーション ID'],
  Resource: ['リソース'],
  'Resource ID ': ['リソース ID'],
  'IP address': ['IP アドレス'],
  Location: ['場所'],
  Status: ['状態', '状況'],
  'Sign-in error code': ['サインインのエラー コード', 'サインイン エラー コード'],
  'Failure reason': ['エラーの理由', '失敗の理由'],
  'Client app': ['クライアント アプリ'],
  'Device ID': ['デバイス ID', 'デバイスID'],
  Browser: ['ブラウザー'],
  'Operating System': ['オペレーティング システム'],
  Compliant: ['準拠', '準拠している'],
  Managed: ['管理対象'],
  'Join Type': ['参加の種類', '結合の種類'],
};

const ALIAS_INDEX = (() => {
  const m = new Map<string, string>();
  for (const [english, labels] of Object.entries(HEADER_ALIASES)) for (const l of labels) m.set(aliasKey(l), english);
  return m;
})();

/** A header cell compared loosely: width-folded (NFKC), spaces collapsed, case ignored. */
function aliasKey(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A file's header with localized labels and the user's `--columns` mapping (file header →
 * column name of an English export) replaced by the English names the readers know.
 * Everything else is left as it is.
 */
export function canonicalHeader(header: string[], mapping?: ReadonlyMap<string, string>): string[] {
  return header.map((h) => {
    const key = aliasKey(h);
    if (mapping) {
      const mapped = mapping.get(key);
      if (mapped !== undefined) return mapped;
    }
    return ALIAS_INDEX.get(key) ?? h;
  });
}

/** `--columns FILE` text (JSON object or two-column CSV / TSV) → the mapping canonicalHeader takes. */
export function parseColumnMapping(text: string): Map<string, string> | string {
  const out = new Map<string, string>();
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'not a JSON object';
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v !== 'string') return `"${k}": not a string`;
      out.set(aliasKey(k), v);
    }
    return out;
  }
  let n = 0;
  for (const raw of t.split(/\r\n|\n|\r/)) {
    n++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = splitPair(line);
    if (!cells) return `line ${n}: expected "file header,column"`;
    out.set(aliasKey(cells[0]), cells[1]);
  }
  return out;
}

function splitPair(line: string): [string, string] | undefined {
  const cells: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,;\t]*))\s*(?:[,;\t]|$)/y;
  let at = 0;
  while (at < line.length && cells.length < 3) {
    re.lastIndex = at;
    const m = re.exec(line);
    if (!m || re.lastIndex === at) break;
    cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '').trim());
    at = re.lastIndex;
  }
  if (cells.length !== 2 || cells[0] === '' || cells[1] === '') return undefined;
  return [cells[0] as string, cells[1] as string];
}
