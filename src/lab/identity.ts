import type { AppName, DeviceObject, ServiceCode, Tenant } from './model.js';

/**
 * What the lab's Entra ID answers. PRT acquisition and renewal check the device the PC presents
 * (missing → AADSTS700003, disabled → AADSTS135011); app token requests with the PRT evaluate
 * Conditional Access (AADSTS53000 / AADSTS53001). Conditional Access is never evaluated when a PRT
 * is issued, only when tokens are requested for an app.
 */

export type DeviceCheck = 'ok' | 'missing' | 'disabled' | 'pending';

/** The tenant's view of a device ID. */
export function checkDevice(tenant: Tenant, deviceId: string): DeviceCheck {
  const obj = findDevice(tenant, deviceId);
  if (!obj) return 'missing';
  if (!obj.enabled) return 'disabled';
  // a Pending object (re-created by sync) carries none of the PC's keys: the PC's signature cannot
  // be validated against it, so it answers as for a device it does not know
  if (obj.pending) return 'pending';
  return 'ok';
}

export function findDevice(tenant: Tenant, deviceId: string): DeviceObject | undefined {
  return tenant.devices.find((d) => d.deviceId === deviceId);
}

/** The code a PRT request fails with, or null when the device is accepted. */
export function prtError(check: DeviceCheck): 'AADSTS700003' | 'AADSTS135011' | null {
  if (check === 'ok') return null;
  return check === 'disabled' ? 'AADSTS135011' : 'AADSTS700003';
}

/** The client status CloudAP records for that server error (as in the real-format fixtures). */
export function attemptStatusFor(code: 'AADSTS700003' | 'AADSTS135011'): string {
  return code === 'AADSTS700003' ? '0xc000023c' : '0xc000006d';
}

/** Server Error Description without its Trace ID / Correlation ID / Timestamp tail. */
export function serverMessage(tenant: Tenant, code: ServiceCode): string {
  switch (code) {
    case 'AADSTS700003':
      return `AADSTS700003: Device object was not found in the tenant '${tenant.name}' directory.`;
    case 'AADSTS135011':
      return 'AADSTS135011: Device used during the authentication is disabled.';
    case 'AADSTS53000':
      return 'AADSTS53000: Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant.';
    case 'AADSTS53001':
      return 'AADSTS53001: Device is not in required device state: domain_joined. Conditional Access policy requires a domain joined device, and the device is not domain joined.';
  }
}

/** `DeviceAuthStatus` as dsregcmd's live check prints it. */
export function deviceAuthStatus(check: DeviceCheck): string {
  return check === 'ok' ? 'SUCCESS' : 'FAILED. Device is either disabled or deleted';
}

export interface AppVerdict {
  code: ServiceCode | null;
  /** The device identity was accepted (single sign-on). */
  sso: boolean;
}

/**
 * An app token request. `presented` is the device ID the user's token broker sends, or null when
 * the PC presents no device identity (then the user types a password and no device state exists
 * for Conditional Access).
 */
export function appTokenRequest(tenant: Tenant, app: AppName, presented: string | null): AppVerdict {
  let device: DeviceObject | undefined;
  if (presented !== null) {
    const check = checkDevice(tenant, presented);
    const code = prtError(check);
    if (code) return { code, sso: false };
    device = findDevice(tenant, presented);
  }
  for (const policy of tenant.conditionalAccess) {
    if (!policy.apps.includes(app)) continue;
    const satisfied = policy.anyOf.some((grant) => (grant === 'compliant' ? device?.compliant === true : device?.trustType === 'ServerAd' && !device.pending));
    if (!satisfied) return { code: policy.anyOf.includes('compliant') ? 'AADSTS53000' : 'AADSTS53001', sso: device !== undefined };
  }
  return { code: null, sso: device !== undefined };
}
