import type { MessageKey, Params } from '../i18n/format.js';

/**
 * The lab's model of the system the article describes: a tenant with device objects, an on-premises
 * domain synced by Entra Connect, an MDM, and one Windows PC with its user. Plain data; the
 * behaviour lives in world.ts (events) and identity.ts (what Entra ID answers).
 */

/** Windows versions whose `dsregcmd /status` layouts differ. */
export const ERAS = ['1607', '1809', '21h2', 'w11'] as const;
export type WindowsEra = (typeof ERAS)[number];

/** How the device is registered before something goes wrong (the article's three ways, plus dual state). */
export const JOIN_STATES = ['registered', 'joined', 'hybrid', 'dual-hybrid', 'dual-joined'] as const;
export type JoinState = (typeof JOIN_STATES)[number];

/** How the tenant lost the device object. */
export const LOSSES = ['deleted', 'disabled', 'unscoped'] as const;
export type Loss = (typeof LOSSES)[number];

/** Graph `trustType`: registered, Entra joined, hybrid joined. */
export type TrustType = 'Workplace' | 'AzureAd' | 'ServerAd';

/** The apps the user opens: Edge (browser SSO), Teams and Outlook (WAM). */
export const APPS = ['edge', 'teams', 'outlook'] as const;
export type AppName = (typeof APPS)[number];

/** Codes the lab's Entra ID answers with. */
export type ServiceCode = 'AADSTS700003' | 'AADSTS135011' | 'AADSTS53000' | 'AADSTS53001';

export interface DeviceObject {
  /** Directory object id (what `Remove-MgDevice -DeviceId` takes). */
  objectId: string;
  /** The device ID the PC presents (dsregcmd DeviceId). */
  deviceId: string;
  displayName: string;
  trustType: TrustType;
  enabled: boolean;
  /** Created by Entra Connect from the computer's userCertificate; the PC has not completed registration. */
  pending: boolean;
  source: 'cloud' | 'sync';
  /** For synced objects: the on-premises computer it came from. */
  computer: string | null;
  ownerUpn: string | null;
  managed: boolean;
  compliant: boolean;
  /** Disabling revokes the PRTs and refresh tokens issued before this moment. */
  revokedAt: number | null;
}

export interface TenantUser {
  upn: string;
  displayName: string;
  objectId: string;
}

/** A Conditional Access policy with device grant controls (any of them satisfies it). */
export interface ConditionalAccessPolicy {
  name: string;
  apps: AppName[];
  anyOf: ('compliant' | 'hybrid')[];
}

export interface Tenant {
  id: string;
  name: string;
  /** The verified domain of the users' UPNs. */
  domain: string;
  devices: DeviceObject[];
  users: TenantUser[];
  policies: {
    /** GPO "Register domain joined computers as devices" (not Disabled) and the Automatic-Device-Join task. */
    autoHybridRegistration: boolean;
    /** HKLM\SOFTWARE\Policies\Microsoft\Windows\WorkplaceJoin\BlockAADWorkplaceJoin = 1 on domain-joined PCs. */
    blockAadWorkplaceJoin: boolean;
  };
  conditionalAccess: ConditionalAccessPolicy[];
  /** MDM (Intune) automatic enrolment is configured for the users: new registrations enrol. */
  mdmAutoEnrollment: boolean;
  /**
   * Device soft delete (preview): deleted Entra joined and registered devices wait in the deleted
   * items for 30 days and can be restored; hybrid joined objects are always hard-deleted.
   */
  keepsDeletedDevices: boolean;
  deletedItems: DeletedDevice[];
}

/** A tenant with no devices, users or policies beyond the defaults (hybrid registration on, nothing blocked). */
export function emptyTenant(id: string, name: string, domain: string): Tenant {
  return {
    id,
    name,
    domain,
    devices: [],
    users: [],
    policies: { autoHybridRegistration: true, blockAadWorkplaceJoin: false },
    conditionalAccess: [],
    mdmAutoEnrollment: false,
    keepsDeletedDevices: false,
    deletedItems: [],
  };
}

/** A device object in the deleted items container, restorable until 30 days after `deletedAt`. */
export interface DeletedDevice {
  object: DeviceObject;
  deletedAt: number;
}

export interface OnPremComputer {
  name: string;
  ou: string;
  enabled: boolean;
  /** Device IDs of the certificates the PC published to its userCertificate attribute. */
  userCertificates: string[];
}

export interface OnPremDomain {
  netbios: string;
  dns: string;
  computers: OnPremComputer[];
}

export interface EntraConnect {
  /** OUs in the sync scope (domain and OU filtering). */
  scope: string[];
  intervalMinutes: number;
}

/** Keys and certificate of one registration (join or work account). */
export interface KeyMaterial {
  deviceId: string;
  thumbprint: string;
  keyContainerId: string;
  certFrom: number;
  certTo: number;
  tpmProtected: boolean;
}

export interface JoinRecord extends KeyMaterial {
  kind: 'entra' | 'hybrid';
}

export interface MdmEnrollment {
  id: string;
  /** The registration it was made with: retiring is needed before that registration can be removed. */
  deviceId: string;
}

/** A failed PRT acquisition or renewal, as CloudAP records it for `dsregcmd /status`. */
export interface PrtFailure {
  kind: 'acquire' | 'refresh';
  at: number;
  code: 'AADSTS700003' | 'AADSTS135011';
  attemptStatus: string;
  correlationId: string;
  traceId: string;
}

export interface Prt {
  deviceId: string;
  /** When Entra ID issued it (revocation compares this). */
  issuedAt: number;
  /** AzureAdPrtUpdateTime (whole seconds). */
  updated: number;
  expires: number;
}

/** The last failed hybrid join attempt (pre-join diagnostics). */
export interface HybridJoinAttempt {
  at: number;
  deviceId: string;
  requestId: string;
}

export interface DeviceUser {
  upn: string;
  displayName: string;
  /** sAMAccountName / local account name. */
  sam: string;
  /** The account they sign in to Windows with. */
  windowsAccount: 'entra' | 'domain' | 'local';
  /** Entra registration of this user's work account (WorkplaceJoined). */
  wpj: (KeyMaterial & { tenantId: string; tenantName: string }) | null;
  prt: Prt | null;
  prtFailure: PrtFailure | null;
  /**
   * HKCU\Software\Microsoft\Windows\CurrentVersion\AAD\Storage\https://login.microsoftonline.com.
   * `leftover`: Windows no longer maintains it (the article: PCs registered before hybrid join can
   * keep it), so it goes on presenting the device ID it holds after the registration changes.
   */
  aadStorageKey: { deviceId: string; leftover: boolean } | null;
  windowsHello: boolean;
  /** The Windows Hello key id (NgcKeyId) when Hello is provisioned. */
  ngcKeyId: string;
}

export interface WindowsDevice {
  name: string;
  era: WindowsEra;
  domain: { netbios: string; dns: string; ou: string } | null;
  tpm: boolean;
  join: JoinRecord | null;
  /** Keys made by Automatic-Device-Join and published to AD, waiting for the object to sync. */
  pendingHybrid: KeyMaterial | null;
  lastHybridAttempt: HybridJoinAttempt | null;
  mdmEnrollment: MdmEnrollment | null;
  /** AadRecoveryEnabled: recovery was started (`/forcerecovery` without completing the sign-in); the next sign-in runs it. */
  recoveryArmed: boolean;
  signedIn: boolean;
  locked: boolean;
}

/** Who did something, for the story. */
export type Actor = 'admin' | 'cleanup' | 'sync' | 'user' | 'helpdesk' | 'windows' | 'entra' | 'mdm';

/** One thing that happened, told from the message catalogue. */
export interface LabEvent {
  at: number;
  actor: Actor;
  key: MessageKey;
  params: Params;
}

/** What the user sees when opening an app. */
export interface AppResult {
  app: AppName;
  ok: boolean;
  /** Signed in without a password prompt (the device identity was accepted). */
  sso: boolean;
  code: ServiceCode | null;
  /** The error page text, as Entra ID writes it. */
  message: string | null;
  presentedDeviceId: string | null;
}

/** The outcome of an action on the PC or in a portal. */
export type ActionResult = { ok: true } | { ok: false; reason: 'needs-elevation' | 'mdm' | 'policy-block' | 'not-applicable' | 'no-object' | 'not-enrolled' };
