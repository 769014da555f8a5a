import type { JoinType } from '../contract/joins.js';
import type { Field, ParsedReport } from '../read/parse.js';
import { guidIn, hexCodes, maskKind } from '../read/values.js';

/** Join types of the public contract (docs/contract.md). */
export type { JoinType };

/** What a value is, with the field that shows it (null when the input does not). */
export interface Evidence<T> {
  value: T | null;
  field: Field | null;
  /** The field is present but masked, elided or truncated: the value is unknown, not absent. */
  masked: boolean;
}

export interface PrtDiagnostics {
  /** Which PRT: Entra ID's or AD FS's (EnterprisePrt). */
  prt: 'azuread' | 'enterprise';
  /** `acquire`, `refresh`, or `unknown` when the header line was not in the input. */
  kind: 'acquire' | 'refresh' | 'unknown';
  fields: Field[];
  previousAttempt: string | null;
  attemptStatus: string | null;
  httpError: string | null;
  httpStatus: number | null;
  serverErrorCode: string | null;
  serverErrorDescription: string | null;
  correlationId: string | null;
  userIdentity: string | null;
  credentialType: string | null;
  endpointUri: string | null;
  line: number;
}

export interface WorkAccount {
  index: number;
  deviceId: Evidence<string>;
  tenantId: Evidence<string>;
  tenantName: Evidence<string>;
  fields: Field[];
}

/**
 * The typed view of one `dsregcmd /status` output: the fields each rule needs, whatever the
 * Windows version printed them as or in which section, each with its evidence line.
 */
export interface DeviceStatus {
  report: ParsedReport;
  azureAdJoined: Evidence<boolean>;
  enterpriseJoined: Evidence<boolean>;
  domainJoined: Evidence<boolean>;
  workplaceJoined: Evidence<boolean>;
  domainName: Evidence<string>;
  deviceName: Evidence<string>;
  deviceId: Evidence<string>;
  tenantId: Evidence<string>;
  tenantName: Evidence<string>;
  deviceAuthStatus: Evidence<string>;
  azureAdPrt: Evidence<boolean>;
  joinType: JoinType;
  workAccounts: WorkAccount[];
  prtDiagnostics: PrtDiagnostics[];
  errorCodes: string[];
  /** Find the first field with this canonical name, preferring the given sections. */
  field(name: string, preferSections?: string[]): Field | undefined;
  /** All fields with this canonical name, in input order. */
  fieldsNamed(name: string): Field[];
}

const NONE = { value: null, field: null, masked: false } as const;

function evidence<T>(field: Field | undefined, read: (f: Field) => T | null): Evidence<T> {
  if (!field) return { ...NONE };
  if (field.masked) return { value: null, field, masked: true };
  return { value: read(field), field, masked: false };
}

const asBool = (f: Field): boolean | null => (f.typed.kind === 'boolean' ? f.typed.value : null);
const asGuid = (f: Field): string | null => (f.typed.kind === 'guid' ? f.typed.guid : null);
const asText = (f: Field): string | null => (f.value.trim() === '' ? null : f.value.trim());

const DIAG_KEYS = new Set([
  'AcquirePrtDiagnostics',
  'RefreshPrtDiagnostics',
  'Previous Prt Attempt',
  'Attempt Status',
  'User Identity',
  'Credential Type',
  'Correlation ID',
  'Endpoint URI',
  'HTTP Method',
  'HTTP Error',
  'HTTP Status',
  'Server Error Code',
  'Server Error Description',
]);

/** Build the typed view. Pure: the same report gives the same status. */
export function toDeviceStatus(report: ParsedReport): DeviceStatus {
  const byName = new Map<string, Field[]>();
  for (const f of report.fields) {
    const list = byName.get(f.name);
    if (list) list.push(f);
    else byName.set(f.name, [f]);
  }
  const fieldsNamed = (name: string) => byName.get(name) ?? [];
  const isWorkAccount = (f: Field) => /^Work Account \d+$/.test(f.section);
  const field = (name: string, prefer: string[] = []) => {
    const all = fieldsNamed(name);
    for (const s of prefer) {
      const hit = all.find((f) => f.section === s);
      if (hit) return hit;
    }
    return all.find((f) => !isWorkAccount(f)) ?? all[0];
  };

  const azureAdJoined = evidence(field('AzureAdJoined'), asBool);
  const enterpriseJoined = evidence(field('EnterpriseJoined'), asBool);
  const domainJoined = evidence(field('DomainJoined'), asBool);
  const workplaceJoined = evidence(field('WorkplaceJoined', ['User State']), asBool);
  const azureAdPrt = evidence(field('AzureAdPrt', ['SSO State', 'User State']), asBool);

  const workAccounts = readWorkAccounts(report);
  const joinType = deriveJoinType(azureAdJoined.value, enterpriseJoined.value, domainJoined.value, workplaceJoined.value);

  const deviceDetailsId = evidence(field('DeviceId', ['Device Details', 'Device State']), asGuid);
  const workplaceId = workAccounts[0]?.deviceId ?? evidence(field('WorkplaceDeviceId'), asGuid);
  const joined = azureAdJoined.value === true || enterpriseJoined.value === true;
  let deviceId: Evidence<string>;
  if (joined) deviceId = deviceDetailsId;
  else if (joinType === 'entra-registered') deviceId = workplaceId.field ? workplaceId : deviceDetailsId;
  else deviceId = deviceDetailsId.field ? deviceDetailsId : workplaceId;

  const tenantId = deriveTenantId(field, workAccounts, joinType);
  const tenantNameField = field('TenantName', ['Tenant Details', 'Device State']);
  const tenantName =
    joinType === 'entra-registered' && !joined && workAccounts[0]?.tenantName.field
      ? workAccounts[0].tenantName
      : tenantNameField
        ? evidence(tenantNameField, asText)
        : (workAccounts[0]?.tenantName ?? evidence(field('WorkplaceTenantName'), asText));

  return {
    report,
    azureAdJoined,
    enterpriseJoined,
    domainJoined,
    workplaceJoined,
    domainName: evidence(field('DomainName'), asText),
    deviceName: evidence(field('Device Name'), asText),
    deviceId,
    tenantId,
    tenantName,
    deviceAuthStatus: evidence(field('DeviceAuthStatus'), asText),
    azureAdPrt,
    joinType,
    workAccounts,
    prtDiagnostics: readPrtDiagnostics(report),
    errorCodes: collectErrorCodes(report.fields.map((f) => f.value)),
    field,
    fieldsNamed,
  };
}

/** The contract's derivation: AzureAdJoined+DomainJoined → hybrid; … all NO → not-joined. */
export function deriveJoinType(aad: boolean | null, ent: boolean | null, dom: boolean | null, wpj: boolean | null): JoinType {
  if (aad === true && dom === true) return 'hybrid-joined';
  if (aad === true) return 'entra-joined';
  if (ent === true) return 'drs-joined';
  if (wpj === true) return 'entra-registered';
  if (dom === true) return 'domain-joined';
  // all NO → not-joined; a WorkplaceJoined the input does not show could still be YES
  if (aad === false && dom === false && wpj === false) return 'not-joined';
  return 'unknown';
}

function readWorkAccounts(report: ParsedReport): WorkAccount[] {
  const out: WorkAccount[] = [];
  for (const s of report.sections) {
    const m = /^Work Account (\d+)$/.exec(s.title);
    if (!m) continue;
    const get = (name: string) => s.fields.find((f) => f.name === name);
    out.push({
      index: Number(m[1]),
      deviceId: evidence(get('WorkplaceDeviceId'), asGuid),
      tenantId: evidence(get('WorkplaceTenantId'), asGuid),
      tenantName: evidence(get('WorkplaceTenantName'), asText),
      fields: s.fields,
    });
  }
  return out;
}

function deriveTenantId(field: (name: string, prefer?: string[]) => Field | undefined, workAccounts: WorkAccount[], joinType: JoinType): Evidence<string> {
  const candidates: Evidence<string>[] = [];
  const fromGuid = (f: Field | undefined) => (f ? evidence(f, asGuid) : undefined);
  const fromUrl = (f: Field | undefined): Evidence<string> | undefined => {
    if (!f) return undefined;
    const guid = guidIn(f.value);
    if (f.masked || (guid && maskKind(guid))) return { value: null, field: f, masked: true };
    return { value: guid ?? null, field: f, masked: false };
  };
  const primary = fromGuid(field('TenantId', ['Tenant Details', 'Device State']));
  const workplace = workAccounts[0]?.tenantId ?? fromGuid(field('WorkplaceTenantId'));
  const order = joinType === 'entra-registered' ? [workplace, primary] : [primary, workplace];
  for (const c of order) if (c) candidates.push(c);
  for (const name of ['AzureAdPrtAuthority', 'AuthCodeUrl', 'AccessTokenUrl']) {
    const c = fromUrl(field(name));
    if (c && (c.value || c.masked)) candidates.push(c);
  }
  const real = candidates.find((c) => c.value);
  if (real) return real;
  const masked = candidates.find((c) => c.masked);
  if (masked) return masked;
  return candidates[0] ?? { ...NONE };
}

function readPrtDiagnostics(report: ParsedReport): PrtDiagnostics[] {
  const blocks: PrtDiagnostics[] = [];
  let prt: PrtDiagnostics['prt'] = 'azuread';
  let current: PrtDiagnostics | undefined;
  let lastSection = -2;
  const start = (kind: PrtDiagnostics['kind'], line: number) => {
    current = emptyDiagnostics(prt, kind, line);
    blocks.push(current);
  };
  for (const f of report.fields) {
    if (f.sectionIndex !== lastSection) {
      current = undefined;
      lastSection = f.sectionIndex;
    }
    if (f.name === 'AzureAdPrt') {
      prt = 'azuread';
      current = undefined;
      continue;
    }
    if (f.name === 'EnterprisePrt') {
      prt = 'enterprise';
      current = undefined;
      continue;
    }
    if (!DIAG_KEYS.has(f.name)) continue;
    if (f.name === 'AcquirePrtDiagnostics' || f.name === 'RefreshPrtDiagnostics') {
      start(f.name === 'AcquirePrtDiagnostics' ? 'acquire' : 'refresh', f.line);
    } else if (!current || (f.name === 'Previous Prt Attempt' && current.previousAttempt !== null)) {
      start('unknown', f.line);
    }
    const block = current;
    if (!block) continue;
    block.fields.push(f);
    setDiagnosticField(block, f);
  }
  return blocks;
}

function emptyDiagnostics(prt: PrtDiagnostics['prt'], kind: PrtDiagnostics['kind'], line: number): PrtDiagnostics {
  return {
    prt,
    kind,
    fields: [],
    previousAttempt: null,
    attemptStatus: null,
    httpError: null,
    httpStatus: null,
    serverErrorCode: null,
    serverErrorDescription: null,
    correlationId: null,
    userIdentity: null,
    credentialType: null,
    endpointUri: null,
    line,
  };
}

/** One field of a PRT diagnostics block into its place (masked values are unknown). */
function setDiagnosticField(block: PrtDiagnostics, f: ParsedReport['fields'][number]): void {
  const text = f.masked ? null : f.value.trim() || null;
  switch (f.name) {
    case 'Previous Prt Attempt':
      block.previousAttempt = f.typed.kind === 'instant' ? f.typed.iso : text;
      break;
    case 'Attempt Status':
      block.attemptStatus = text ? (hexCodes(text)[0] ?? text) : null;
      break;
    case 'HTTP Error':
      block.httpError = text;
      break;
    case 'HTTP Status':
      block.httpStatus = f.typed.kind === 'number' ? f.typed.value : null;
      break;
    case 'Server Error Code':
      block.serverErrorCode = text;
      break;
    case 'Server Error Description':
      block.serverErrorDescription = text;
      break;
    case 'Correlation ID':
      block.correlationId = f.typed.kind === 'guid' ? f.typed.guid : null;
      break;
    case 'User Identity':
      block.userIdentity = text;
      break;
    case 'Credential Type':
      block.credentialType = text;
      break;
    case 'Endpoint URI':
      block.endpointUri = text;
      break;
  }
}

const AADSTS = /\b(AADSTS|MSIS)(\d{4,7})\b/gi;

/**
 * Error codes in texts: `AADSTS`/`MSIS` codes first, then hex codes (`0x` + 8 lower-case
 * digits), each unique, in order of first appearance.
 */
export function collectErrorCodes(texts: Iterable<string>): string[] {
  const named: string[] = [];
  const hex: string[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(AADSTS)) {
      const code = `${(m[1] ?? '').toUpperCase()}${m[2]}`;
      if (!named.includes(code)) named.push(code);
    }
    for (const code of hexCodes(t)) if (!hex.includes(code)) hex.push(code);
  }
  return [...named, ...hex];
}
