import { DEVICE_COLUMNS, ENTRA_SIGNIN_COLUMNS } from '../fleet/schema.js';
import type { TrustType } from './model.js';
import type { CleanupPc, CleanupSignIn, CleanupTenant } from './cleanup-tenant.js';
import { DAY } from './time.js';

/**
 * The files an admin downloads on the day a cleanup stage runs, in the layouts the real commands
 * read: the admin center's device list and sign-in log (CSV), the Autopilot device export (CSV)
 * and the BitLocker key list (Graph JSON; a key saved with its value is the backup).
 */
export interface CleanupExports {
  devices: string;
  signIns: string;
  autopilot: string;
  bitlockerKeys: string;
}

/** Entra keeps sign-in logs this long (P1/P2); the admin center downloads at most that. */
export const SIGNIN_RETENTION_DAYS = 30;

const PORTAL_JOIN: Record<TrustType, string> = {
  AzureAd: 'Microsoft Entra joined',
  Workplace: 'Microsoft Entra registered',
  ServerAd: 'Microsoft Entra hybrid joined',
};

const FAILURE_REASON: Record<string, string> = {
  AADSTS700003: 'Device object was not found in the tenant directory.',
  AADSTS135011: 'Device used during the authentication is disabled.',
};

const APP_NAME = { teams: 'Microsoft Teams', outlook: 'Microsoft Office', edge: 'Microsoft Edge' } as const;

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV with the full header of a real export; `cells` fills the columns it names, the rest stay empty. */
function csv(header: readonly string[], rows: Record<string, string>[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(header.map((h) => csvCell(row[h] ?? '')).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Admin center, Devices > All devices > Download devices: the objects Entra holds now. */
export function devicesCsv(world: CleanupTenant): string {
  const header = DEVICE_COLUMNS.slice(0, DEVICE_COLUMNS.indexOf('model') + 1);
  const rows = world.tenant.devices.map((obj) => {
    const pc = world.pcs.find((p) => p.deviceId === obj.deviceId) as CleanupPc;
    return {
      displayName: obj.displayName,
      accountEnabled: obj.enabled ? 'True' : 'False',
      operatingSystem: 'Windows',
      operatingSystemVersion: '10.0.22631.4317',
      'joinType (trustType)': PORTAL_JOIN[obj.trustType],
      registeredOwners: obj.ownerUpn ? pc.user.displayName : '',
      userNames: obj.ownerUpn ?? '',
      mdmDisplayName: obj.managed ? 'Microsoft Intune' : '',
      isCompliant: obj.compliant ? 'True' : 'False',
      registrationTime: iso(pc.registered),
      // a pending object (re-created by Entra Connect) has never signed in
      approximateLastSignInDateTime: obj.pending ? '' : iso(pc.activityStamp),
      deviceId: obj.deviceId,
      isManaged: obj.managed ? 'True' : 'False',
      objectId: obj.objectId,
      profileType: 'RegisteredDevice',
      systemLabels: '',
      model: obj.trustType === 'Workplace' ? 'Surface Go 3' : 'Surface Laptop 5',
    };
  });
  return csv(header, rows);
}

/** Admin center, Sign-in logs > Download (CSV): the sign-ins from `from` to now. */
export function signInsCsv(signIns: readonly CleanupSignIn[], from: number, to: number, tenantId: string): string {
  const rows = signIns.filter((s) => s.at >= from && s.at < to).map((s) => signInRow(s, tenantId));
  return csv(ENTRA_SIGNIN_COLUMNS, rows);
}

function signInRow(s: CleanupSignIn, tenantId: string): Record<string, string> {
  const pc = s.pc;
  return {
    'Date (UTC)': iso(s.at),
    'Request ID': requestId(s),
    'User agent': 'Windows-AzureAD-Authentication-Provider/1.0',
    'User ID': pc.user.id,
    User: pc.user.displayName,
    Username: pc.user.upn,
    'User type': 'Member',
    'Incoming token type': 'primaryRefreshToken',
    Application: APP_NAME[s.app],
    'Resource tenant ID': tenantId,
    'Home tenant ID': tenantId,
    Status: s.code === null ? 'Success' : 'Failure',
    'Sign-in error code': s.code === null ? '0' : s.code.replace('AADSTS', ''),
    'Failure reason': s.code === null ? '' : (FAILURE_REASON[s.code] ?? 'Other.'),
    'Client app': 'Mobile Apps and Desktop clients',
    // a device Entra does not know is logged by its id only
    'Device ID': pc.deviceId,
    'Operating System': 'Windows 11',
    'Join Type': s.known ? PORTAL_JOIN[pc.trustType] : '',
    Compliant: s.known && pc.managed ? 'True' : 'False',
    Managed: s.known && pc.managed ? 'True' : 'False',
    'Authentication requirement': 'Single-factor authentication',
    'Sign-in identifier': pc.user.upn,
    'Token issuer type': 'AzureAD',
    'Conditional Access': 'Not Applied',
  };
}

/** A request id that is stable for the same sign-in (the clone of a timeline keeps its ids). */
function requestId(s: CleanupSignIn): string {
  const h = (s.at % 0xffffffff).toString(16).padStart(8, '0');
  return `${h}-${s.pc.deviceId.slice(9, 13)}-4${s.app.length}00-8000-${s.pc.deviceId.slice(-12)}`;
}

/** Intune, Devices > Windows > Enrollment > Devices (Autopilot) > Export. */
export function autopilotCsv(world: CleanupTenant): string {
  const header = ['id', 'serialNumber', 'groupTag', 'azureActiveDirectoryDeviceId', 'managedDeviceId', 'enrollmentState', 'deploymentProfileAssignmentStatus'];
  const rows = world.pcs
    .filter((pc) => pc.trait === 'autopilot')
    .map((pc) => ({
      id: pc.objectId.split('').reverse().join(''),
      serialNumber: `SN${pc.deviceId.slice(0, 8).toUpperCase()}`,
      groupTag: 'Sales',
      azureActiveDirectoryDeviceId: pc.deviceId,
      managedDeviceId: '',
      enrollmentState: 'enrolled',
      deploymentProfileAssignmentStatus: 'assigned',
    }));
  return csv(header, rows);
}

/** Get-MgInformationProtectionBitlockerRecoveryKey (JSON): every Entra joined PC escrowed its key; the value saved is the backup. */
export function bitlockerKeysJson(world: CleanupTenant): string {
  const value = world.pcs
    .filter((pc) => pc.trustType === 'AzureAd' && world.object(pc) !== undefined)
    .map((pc) => ({
      id: `b${pc.objectId.slice(1)}`,
      createdDateTime: iso(pc.registered + DAY),
      volumeType: 'operatingSystemVolume',
      deviceId: pc.deviceId,
      ...(pc.trait === 'bitlocker-not-backed-up' ? {} : { key: '123456-234567-345678-456789-567890-678901-789012-890123' }),
    }));
  return JSON.stringify({ value }, null, 2);
}

/** Everything the admin downloads today. */
export function exportsNow(world: CleanupTenant): CleanupExports {
  return {
    devices: devicesCsv(world),
    signIns: signInsCsv(world.signIns, world.now - SIGNIN_RETENTION_DAYS * DAY, world.now, world.tenant.id),
    autopilot: autopilotCsv(world),
    bitlockerKeys: bitlockerKeysJson(world),
  };
}
