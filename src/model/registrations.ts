import { DEVICE_OBJECT_CODES } from '../knowledge/meanings.js';
import type { Field } from '../read/parse.js';
import type { DeviceStatus, PrtDiagnostics } from './status.js';

/**
 * One registration a PC holds, each presenting its own device ID to Entra ID:
 * - `device-join`: the PC's join (Entra joined or hybrid joined), `DeviceId` in Device Details;
 * - `work-account`: a user's Entra registration (Work Account N / WorkplaceDeviceId), of the
 *   join's tenant (a stale registration, "dual state"), of another tenant (`partner`), or the only
 *   registration of an Entra registered PC.
 */
export interface Registration {
  /** `device-join` or `work-account-N`. */
  id: string;
  kind: 'device-join' | 'work-account';
  /** For the device join: entra-joined / hybrid-joined. For a work account: entra-registered. */
  joinType: 'entra-joined' | 'hybrid-joined' | 'entra-registered';
  deviceId: string | null;
  tenantId: string | null;
  tenantName: string | null;
  /** A work account of a tenant other than the device join's. */
  partner: boolean;
  /**
   * healthy: the output shows the registration working (DeviceAuthStatus SUCCESS and no failed
   * PRT attempt); failing: the output shows it refused; unknown: the output cannot tell.
   */
  health: 'healthy' | 'failing' | 'unknown';
  /** The fields that name the registration (IDs, tenant). */
  fields: Field[];
  /** The fields that show its health. */
  healthFields: Field[];
}

/** A PRT attempt that failed: an error status, an HTTP error or a server error. */
export function prtAttemptFailed(b: PrtDiagnostics): boolean {
  const status = (b.attemptStatus ?? '').toLowerCase();
  const statusFailed = status !== '' && status !== '0x0' && status !== '0x00000000' && !/success/i.test(status);
  return statusFailed || (b.httpStatus !== null && b.httpStatus >= 400) || !!b.serverErrorCode || !!b.serverErrorDescription;
}

function mentionsDeviceObjectCode(b: PrtDiagnostics): boolean {
  const text = b.fields
    .map((f) => f.value)
    .join('\n')
    .toUpperCase();
  return DEVICE_OBJECT_CODES.some((c) => text.includes(c));
}

const PRT_EVIDENCE = ['Previous Prt Attempt', 'Attempt Status', 'HTTP Status', 'Server Error Description'];

const fieldsOf = (...list: (Field | null | undefined)[]): Field[] => list.filter((f): f is Field => !!f);

/**
 * The registrations this output shows. Pure.
 *
 * @example
 * registrationsOf(toDeviceStatus(report)).map((r) => r.id) // ['device-join', 'work-account-1']
 */
export function registrationsOf(status: DeviceStatus): Registration[] {
  const join = deviceJoinOf(status);
  const out: Registration[] = join ? [join] : [];
  if (status.workAccounts.length > 0) for (const w of workAccountsOf(status, join)) out.push(w);
  else if (status.workplaceJoined.value === true) out.push(legacyWorkAccountOf(status, join));
  return out;
}

/** The device join (Entra or hybrid) and its health from DeviceAuthStatus and the PRT attempts. */
function deviceJoinOf(status: DeviceStatus): Registration | null {
  if (status.azureAdJoined.value !== true) return null;
  const das = status.deviceAuthStatus;
  const dasText = (das.value ?? '').trim();
  const prtBlocks = status.prtDiagnostics.filter((b) => b.prt === 'azuread');
  const failedBlocks = prtBlocks.filter(prtAttemptFailed);
  const refusedByServer = failedBlocks.some(mentionsDeviceObjectCode);
  let health: Registration['health'] = 'unknown';
  if (/^FAILED/i.test(dasText) && /disabled or deleted/i.test(dasText)) health = 'failing';
  else if (refusedByServer) health = 'failing';
  else if (/^SUCCESS/i.test(dasText) && failedBlocks.length === 0) health = 'healthy';
  const tenantIdField = status.field('TenantId', ['Tenant Details', 'Device State']);
  const tenantNameField = status.field('TenantName', ['Tenant Details', 'Device State']);
  const joinTenantId = tenantIdField?.typed.kind === 'guid' && !tenantIdField.masked ? tenantIdField.typed.guid.toLowerCase() : null;
  const joinTenantName = tenantNameField && !tenantNameField.masked && tenantNameField.value.trim() ? tenantNameField.value.trim() : null;
  const deviceIdField = status.field('DeviceId', ['Device Details', 'Device State']);
  return {
    id: 'device-join',
    kind: 'device-join',
    joinType: status.domainJoined.value === true ? 'hybrid-joined' : 'entra-joined',
    deviceId: deviceIdField?.typed.kind === 'guid' && !deviceIdField.masked ? deviceIdField.typed.guid.toLowerCase() : null,
    tenantId: joinTenantId,
    tenantName: joinTenantName,
    partner: false,
    health,
    fields: fieldsOf(deviceIdField, tenantNameField, tenantIdField),
    healthFields: fieldsOf(
      das.field,
      status.azureAdPrt.field,
      status.field('AzureAdPrtUpdateTime'),
      ...failedBlocks.flatMap((b) => b.fields.filter((f) => PRT_EVIDENCE.includes(f.name))),
    ),
  };
}

/** Work accounts (Work Account sections): a partner tenant when the tenant differs from the join's. */
function workAccountsOf(status: DeviceStatus, join: Registration | null): Registration[] {
  const joined = join !== null;
  const joinTenantId = join?.tenantId ?? null;
  const joinTenantName = join?.tenantName ?? null;
  const out: Registration[] = [];
  for (const wa of status.workAccounts) {
    const tenantId = wa.tenantId.value?.toLowerCase() ?? null;
    const tenantName = wa.tenantName.value;
    const sameTenant =
      (tenantId !== null && tenantId === joinTenantId) ||
      (tenantName !== null && joinTenantName !== null && tenantName.toLowerCase() === joinTenantName.toLowerCase());
    const knownOther = (tenantId !== null && joinTenantId !== null) || (tenantName !== null && joinTenantName !== null);
    out.push({
      id: `work-account-${wa.index}`,
      kind: 'work-account',
      joinType: 'entra-registered',
      deviceId: wa.deviceId.value?.toLowerCase() ?? null,
      tenantId,
      tenantName,
      partner: joined && !sameTenant && knownOther,
      health: 'unknown',
      fields: fieldsOf(wa.deviceId.field, wa.tenantName.field, wa.tenantId.field),
      healthFields: [],
    });
  }
  return out;
}

/** Older outputs: WorkplaceDeviceId / WorkplaceTenantName in User State, no Work Account sections. */
function legacyWorkAccountOf(status: DeviceStatus, join: Registration | null): Registration {
  const joined = join !== null;
  const joinTenantId = join?.tenantId ?? null;
  const joinTenantName = join?.tenantName ?? null;
  const idField = status.field('WorkplaceDeviceId');
  const tidField = status.field('WorkplaceTenantId');
  const nameField = status.field('WorkplaceTenantName');
  const tenantId = tidField?.typed.kind === 'guid' && !tidField.masked ? tidField.typed.guid.toLowerCase() : null;
  const tenantName = nameField && !nameField.masked && nameField.value.trim() ? nameField.value.trim() : null;
  const sameTenant = (tenantId !== null && tenantId === joinTenantId) || (tenantName !== null && tenantName.toLowerCase() === joinTenantName?.toLowerCase());
  return {
    id: 'work-account-1',
    kind: 'work-account',
    joinType: 'entra-registered',
    deviceId: idField?.typed.kind === 'guid' && !idField.masked ? idField.typed.guid.toLowerCase() : null,
    tenantId,
    tenantName,
    partner: joined && !sameTenant && (tenantId !== null || tenantName !== null) && (joinTenantId !== null || joinTenantName !== null),
    health: 'unknown',
    fields: fieldsOf(idField, nameField, tidField, status.workplaceJoined.field),
    healthFields: [],
  };
}
