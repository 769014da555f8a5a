import type { Params } from '../i18n/format.js';
import type { enLab } from '../i18n/en-lab.js';
import { appTokenRequest, attemptStatusFor, checkDevice, type DeviceCheck, deviceAuthStatus, findDevice, prtError, serverMessage } from './identity.js';
import {
  type ActionResult,
  type Actor,
  APPS,
  type AppName,
  type AppResult,
  type DeviceObject,
  type DeviceUser,
  type EntraConnect,
  emptyTenant,
  type KeyMaterial,
  type LabEvent,
  type OnPremDomain,
  type Tenant,
  type TrustType,
  type WindowsDevice,
  type WindowsEra,
} from './model.js';
import { Rng, seedFrom } from './random.js';
import { DAY, HOUR, MINUTE, wholeSecond } from './time.js';

export type LabKey = keyof typeof enLab;

/** Fictional organisations (example domains only). */
const ORGS = [
  { name: 'Fabrikam', domain: 'fabrikam.example', netbios: 'FABRIKAM', prefix: 'FAB' },
  { name: 'Northwind Traders', domain: 'northwind.example', netbios: 'NORTHWIND', prefix: 'NWD' },
  { name: 'Contoso', domain: 'contoso.example', netbios: 'CONTOSO', prefix: 'CTS' },
  { name: 'Tailspin Toys', domain: 'tailspintoys.example', netbios: 'TAILSPIN', prefix: 'TST' },
  { name: 'Adventure Works', domain: 'adventureworks.example', netbios: 'ADVWORKS', prefix: 'AW' },
  { name: 'Woodgrove Bank', domain: 'woodgrove.example', netbios: 'WOODGROVE', prefix: 'WGB' },
  { name: 'ノースウィンド商事', domain: 'northwind-jp.example', netbios: 'NWJP', prefix: 'NWJ' },
] as const;

const PEOPLE = [
  ['Jordan', 'Reyes'],
  ['Priya', 'Raman'],
  ['Lena', 'Vogel'],
  ['Sam', 'Whitfield'],
  ['Hanako', 'Yamada'],
  ['Kenji', 'Sato'],
  ['Aiko', 'Tanaka'],
  ['Minh', 'Nguyen'],
] as const;

const PRT_LIFETIME = 14 * DAY;
const PRT_RENEW_AFTER = 4 * HOUR;
const CERT_LIFETIME = 10 * 365 * DAY;
const DELETED_ITEMS_RETENTION = 30 * DAY;

export interface WorldOptions {
  /** Scenario id: seeds every identifier. */
  seed: string;
  era: WindowsEra;
  domainJoined: boolean;
  /** The tenant enrols new registrations in Intune (and the PC gets enrolled). */
  mdm: boolean;
  /** Conditional Access: Teams requires a hybrid joined device. */
  requireHybrid: boolean;
  /** Conditional Access: Outlook requires a compliant device. */
  requireCompliant: boolean;
  windowsHello: boolean;
  /** The user signs in to Windows with a local account (a workgroup PC with a work account added). */
  localWindowsAccount: boolean;
  start: number;
  /** The user also works for a partner organisation whose tenant this PC can hold a work account of. */
  partnerTenant?: boolean;
}

/**
 * One tenant, its on-premises domain and Entra Connect, an MDM, and one Windows PC with its user.
 * Every change goes through a method that records what happened (for the story) and keeps the
 * pieces consistent; Entra Connect runs on its schedule as time advances.
 */
export class LabWorld {
  now: number;
  readonly rng: Rng;
  readonly tenant: Tenant;
  readonly onPrem: OnPremDomain | null;
  readonly sync: EntraConnect;
  readonly device: WindowsDevice;
  readonly user: DeviceUser;
  /** The account the helpdesk uses for elevated prompts. */
  readonly admin: { account: string; upn: string | null };
  readonly log: LabEvent[] = [];
  readonly org: (typeof ORGS)[number];
  /** The partner organisation's tenant (a work account of it on this PC), when the scenario has one. */
  readonly partner: Tenant | null;
  /**
   * Apps the user signs in to with the work account added in Access work or school: they present
   * that registration's device ID (a stale one next to the join, or a partner tenant's).
   */
  workAccountApps: AppName[] = [];

  constructor(readonly options: WorldOptions) {
    this.rng = new Rng(seedFrom(options.seed));
    this.now = options.start;
    const org = this.rng.pick(ORGS);
    this.org = org;
    const [first, last] = this.rng.pick(PEOPLE);
    const upn = `${first}.${last}@${org.domain}`.toLowerCase();
    this.tenant = {
      ...emptyTenant(this.rng.guid(), org.name, org.domain),
      users: [{ upn, displayName: `${first} ${last}`, objectId: this.rng.guid() }],
      mdmAutoEnrollment: options.mdm,
    };
    if (options.requireHybrid) this.tenant.conditionalAccess.push({ name: 'Teams: require hybrid joined device', apps: ['teams'], anyOf: ['hybrid'] });
    if (options.requireCompliant) this.tenant.conditionalAccess.push({ name: 'Outlook: require compliant device', apps: ['outlook'], anyOf: ['compliant'] });
    const pcName = `${org.prefix}-${this.rng.pick(['LT', 'PC', 'WS'])}-${String(this.rng.int(10000)).padStart(4, '0')}`;
    const ou = `OU=Workstations,OU=${this.rng.pick(['Tokyo', 'Osaka', 'Seattle', 'Berlin'])},DC=corp,DC=${org.domain.split('.')[0]},DC=example`;
    const dns = `corp.${org.domain}`;
    this.onPrem = options.domainJoined ? { netbios: org.netbios, dns, computers: [{ name: pcName, ou, enabled: true, userCertificates: [] }] } : null;
    this.sync = { scope: options.domainJoined ? [ou] : [], intervalMinutes: 30 };
    this.device = {
      name: pcName,
      era: options.era,
      domain: options.domainJoined ? { netbios: org.netbios, dns, ou } : null,
      tpm: this.rng.next() < 0.8,
      join: null,
      pendingHybrid: null,
      lastHybridAttempt: null,
      mdmEnrollment: null,
      recoveryArmed: false,
      signedIn: false,
      locked: false,
    };
    this.user = {
      upn,
      displayName: `${first} ${last}`,
      sam: `${first.charAt(0)}${last}`.toLowerCase(),
      windowsAccount: options.domainJoined ? 'domain' : options.localWindowsAccount ? 'local' : 'entra',
      wpj: null,
      prt: null,
      prtFailure: null,
      aadStorageKey: null,
      windowsHello: options.windowsHello,
      ngcKeyId: `{${this.rng.guid().toUpperCase()}}`,
    };
    this.partner = options.partnerTenant ? this.partnerOf(org) : null;
    this.admin = options.domainJoined ? { account: `${org.netbios}\\hd-admin`, upn: `hd-admin@${org.domain}` } : { account: `${pcName}\\labadmin`, upn: null };
  }

  private partnerOf(own: (typeof ORGS)[number]): Tenant {
    const org = this.rng.pick(ORGS.filter((o) => o.name !== own.name));
    return emptyTenant(this.rng.guid(), org.name, org.domain);
  }

  /** The tenant a work account belongs to: the user's own, or the partner's. */
  tenantOf(wpj: { tenantId: string }): Tenant {
    return this.partner && wpj.tenantId === this.partner.id ? this.partner : this.tenant;
  }

  // --- the story ------------------------------------------------------------------------------

  emit(actor: Actor, key: LabKey, params: Params = {}): void {
    this.log.push({ at: this.now, actor, key, params });
  }

  // --- time and Entra Connect -----------------------------------------------------------------

  /** Let time pass; Entra Connect runs at every scheduled cycle on the way. */
  advance(ms: number): void {
    const end = this.now + ms;
    const interval = this.sync.intervalMinutes * MINUTE;
    let next = Math.floor(this.now / interval) * interval + interval;
    while (next <= end) {
      this.now = next;
      this.runSyncCycle('scheduled');
      next += interval;
    }
    this.now = end;
    this.purgeDeletedItems();
  }

  /** Advance to just after the next Entra Connect cycle. */
  waitForNextSync(): void {
    const interval = this.sync.intervalMinutes * MINUTE;
    const next = Math.floor(this.now / interval) * interval + interval;
    this.advance(next - this.now + 5 * MINUTE);
  }

  /**
   * One Entra Connect cycle: synced computers in scope get a (Pending) device object for each
   * certificate in userCertificate; objects of computers out of scope, or whose certificate is gone,
   * are deleted; the on-premises enabled state flows to the cloud object.
   */
  runSyncCycle(trigger: 'scheduled' | 'delta'): void {
    const changes: string[] = [];
    for (const computer of this.onPrem?.computers ?? []) {
      const inScope = this.sync.scope.includes(computer.ou);
      for (const deviceId of computer.userCertificates) {
        const obj = findDevice(this.tenant, deviceId);
        if (!obj && inScope) {
          this.tenant.devices.push(this.newObject(deviceId, 'ServerAd', { source: 'sync', computer: computer.name, pending: true, enabled: computer.enabled }));
          changes.push('created');
          this.emit('sync', 'lab.event.syncCreatedPending', { deviceId, computer: computer.name });
        }
      }
      for (const obj of [...this.tenant.devices]) {
        if (obj.source !== 'sync' || obj.computer !== computer.name) continue;
        if (!inScope || !computer.userCertificates.includes(obj.deviceId)) {
          this.tenant.devices.splice(this.tenant.devices.indexOf(obj), 1);
          changes.push('deleted');
          this.emit('sync', inScope ? 'lab.event.syncDeletedStale' : 'lab.event.syncDeletedOutOfScope', { deviceId: obj.deviceId, computer: computer.name });
        } else if (obj.enabled !== computer.enabled) {
          obj.enabled = computer.enabled;
          if (!obj.enabled) obj.revokedAt = this.now;
          changes.push('enabled');
          this.emit('sync', computer.enabled ? 'lab.event.syncEnabled' : 'lab.event.syncDisabled', { deviceId: obj.deviceId, computer: computer.name });
        }
      }
    }
    if (trigger === 'delta') this.emit('admin', 'lab.event.deltaSync', { changes: changes.length });
  }

  // --- tenant administration --------------------------------------------------------------------

  private newObject(
    deviceId: string,
    trustType: TrustType,
    extra: Partial<Pick<DeviceObject, 'source' | 'computer' | 'pending' | 'enabled' | 'ownerUpn'>> = {},
  ): DeviceObject {
    return {
      objectId: this.rng.guid(),
      deviceId,
      displayName: this.device.name,
      trustType,
      enabled: extra.enabled ?? true,
      pending: extra.pending ?? false,
      source: extra.source ?? 'cloud',
      computer: extra.computer ?? null,
      ownerUpn: extra.ownerUpn ?? null,
      managed: false,
      compliant: false,
      revokedAt: null,
    };
  }

  deleteObject(deviceId: string, actor: Actor, tenant: Tenant = this.tenant): ActionResult {
    const obj = findDevice(tenant, deviceId);
    if (!obj) return { ok: false, reason: 'no-object' };
    tenant.devices.splice(tenant.devices.indexOf(obj), 1);
    this.emit(actor, 'lab.event.objectDeleted', { deviceId, objectId: obj.objectId, name: obj.displayName, trustType: obj.trustType });
    // soft delete: de-registered (its tokens revoked) and kept 30 days; hybrid joined: gone for good
    if (tenant.keepsDeletedDevices && obj.trustType !== 'ServerAd') {
      obj.revokedAt = this.now;
      obj.compliant = false;
      tenant.deletedItems.push({ object: obj, deletedAt: this.now });
      this.emit('entra', 'lab.event.objectSoftDeleted', { deviceId });
    }
    return { ok: true };
  }

  /** Deleted items older than 30 days are deleted permanently. */
  private purgeDeletedItems(): void {
    const items = this.tenant.deletedItems;
    for (const item of [...items]) {
      if (this.now - item.deletedAt < DELETED_ITEMS_RETENTION) continue;
      items.splice(items.indexOf(item), 1);
      this.emit('entra', 'lab.event.deletedItemPurged', { deviceId: item.object.deviceId });
    }
  }

  /** Restore a deleted device from the deleted items (admin center, Restore-EntraDeletedDirectoryObject). */
  restoreObject(deviceId: string, actor: Actor): ActionResult {
    this.purgeDeletedItems();
    const item = this.tenant.deletedItems.find((d) => d.object.deviceId === deviceId);
    if (!item) {
      this.emit(actor, 'lab.event.notInDeletedItems', { deviceId });
      return { ok: false, reason: 'no-object' };
    }
    this.tenant.deletedItems.splice(this.tenant.deletedItems.indexOf(item), 1);
    this.tenant.devices.push(item.object);
    this.emit(actor, 'lab.event.objectRestored', { deviceId, days: Math.floor((this.now - item.deletedAt) / DAY) });
    return { ok: true };
  }

  /** `dsregcmd /forcerecovery` whose sign-in was not completed: AadRecoveryEnabled YES until the next sign-in. */
  armRecovery(): ActionResult {
    if (this.device.join?.kind !== 'entra') return { ok: false, reason: 'not-applicable' };
    this.device.recoveryArmed = true;
    this.emit('helpdesk', 'lab.event.recoveryArmed', { deviceId: this.device.join.deviceId });
    return { ok: true };
  }

  disableObject(deviceId: string, actor: Actor): ActionResult {
    const obj = findDevice(this.tenant, deviceId);
    if (!obj) return { ok: false, reason: 'no-object' };
    obj.enabled = false;
    obj.revokedAt = this.now;
    this.emit(actor, 'lab.event.objectDisabled', { deviceId, name: obj.displayName });
    return { ok: true };
  }

  enableObject(deviceId: string, actor: Actor): ActionResult {
    const obj = findDevice(this.tenant, deviceId);
    if (!obj) return { ok: false, reason: 'no-object' };
    obj.enabled = true;
    this.emit(actor, 'lab.event.objectEnabled', { deviceId, name: obj.displayName });
    return { ok: true };
  }

  computer() {
    return this.onPrem?.computers.find((c) => c.name === this.device.name);
  }

  setComputerEnabled(enabled: boolean, actor: Actor): ActionResult {
    const c = this.computer();
    if (!c) return { ok: false, reason: 'not-applicable' };
    c.enabled = enabled;
    this.emit(actor, enabled ? 'lab.event.computerEnabled' : 'lab.event.computerDisabled', { computer: c.name });
    return { ok: true };
  }

  setOuInScope(inScope: boolean, actor: Actor): ActionResult {
    const c = this.computer();
    if (!c) return { ok: false, reason: 'not-applicable' };
    const has = this.sync.scope.includes(c.ou);
    if (has === inScope) return { ok: false, reason: 'not-applicable' };
    if (inScope) this.sync.scope.push(c.ou);
    else this.sync.scope.splice(this.sync.scope.indexOf(c.ou), 1);
    this.emit(actor, inScope ? 'lab.event.ouAddedToScope' : 'lab.event.ouRemovedFromScope', { ou: c.ou });
    return { ok: true };
  }

  setAutoRegistration(enabled: boolean, actor: Actor): void {
    this.tenant.policies.autoHybridRegistration = enabled;
    this.emit(actor, enabled ? 'lab.event.autoRegistrationEnabled' : 'lab.event.autoRegistrationDisabled');
  }

  /** Intune: Retire. The enrolment goes at the device's next check-in (immediately in the lab). */
  retireInMdm(actor: Actor): ActionResult {
    const enrollment = this.device.mdmEnrollment;
    if (!enrollment) return { ok: false, reason: 'not-enrolled' };
    this.device.mdmEnrollment = null;
    const obj = findDevice(this.tenant, enrollment.deviceId);
    if (obj) {
      obj.managed = false;
      obj.compliant = false;
    }
    this.emit(actor, 'lab.event.mdmRetired', { deviceId: enrollment.deviceId });
    return { ok: true };
  }

  // --- the PC: registration -------------------------------------------------------------------

  private newKeys(from = this.now): KeyMaterial {
    const start = wholeSecond(from);
    return {
      deviceId: this.rng.guid(),
      thumbprint: this.rng.hex(40, true),
      keyContainerId: this.rng.guid(),
      certFrom: start,
      certTo: start + CERT_LIFETIME + 30 * MINUTE,
      tpmProtected: this.device.tpm,
    };
  }

  /** The device ID of the registration the user's sign-ins use: the join, else the work account. */
  currentRegistrationId(): string | null {
    return this.device.join?.deviceId ?? this.user.wpj?.deviceId ?? null;
  }

  /** Windows keeps the AAD\Storage key in step with the registration, unless it is a leftover. */
  private maintainStorageKey(): void {
    const key = this.user.aadStorageKey;
    if (key?.leftover) return;
    const current = this.currentRegistrationId();
    this.user.aadStorageKey = current ? { deviceId: current, leftover: false } : null;
  }

  /** Automatic enrolment after a new registration, when the tenant has it configured. */
  private enrollIfConfigured(deviceId: string): void {
    if (!this.tenant.mdmAutoEnrollment || this.device.mdmEnrollment) return;
    this.device.mdmEnrollment = { id: this.rng.guid(), deviceId };
    const obj = findDevice(this.tenant, deviceId);
    if (obj) {
      obj.managed = true;
      obj.compliant = true;
    }
    this.emit('mdm', 'lab.event.mdmEnrolled', { deviceId });
  }

  /** An MDM enrolment made with this registration blocks removing or rebuilding it. */
  private mdmBlocks(deviceId: string): boolean {
    return this.device.mdmEnrollment?.deviceId === deviceId;
  }

  /** Settings > Accounts > Access work or school > + Connect (Entra registration of the work account). */
  connectWorkAccount(options: { enrollMdm: boolean }): ActionResult {
    if (this.user.wpj || this.device.join?.kind === 'entra') return { ok: false, reason: 'not-applicable' };
    if (this.tenant.policies.blockAadWorkplaceJoin && this.device.domain) {
      this.emit('user', 'lab.event.connectBlockedByPolicy');
      return { ok: false, reason: 'policy-block' };
    }
    const keys = this.newKeys();
    this.user.wpj = { ...keys, tenantId: this.tenant.id, tenantName: this.tenant.name };
    this.tenant.devices.push(this.newObject(keys.deviceId, 'Workplace', { ownerUpn: this.user.upn }));
    this.emit('user', 'lab.event.workAccountConnected', { deviceId: keys.deviceId, upn: this.user.upn });
    this.maintainStorageKey();
    if (options.enrollMdm && !this.device.join) this.enrollIfConfigured(keys.deviceId);
    return { ok: true };
  }

  /** Access work or school > + Connect with the account of the partner tenant (allowed on a joined PC). */
  connectPartnerAccount(): ActionResult {
    const partner = this.partner;
    if (!partner || this.user.wpj) return { ok: false, reason: 'not-applicable' };
    const keys = this.newKeys();
    this.user.wpj = { ...keys, tenantId: partner.id, tenantName: partner.name };
    partner.devices.push({ ...this.newObject(keys.deviceId, 'Workplace', { ownerUpn: this.user.upn }) });
    this.emit('user', 'lab.event.workAccountConnected', { deviceId: keys.deviceId, upn: this.user.upn });
    return { ok: true };
  }

  /** Settings > Accounts > Access work or school > the account > Disconnect. */
  disconnectWorkAccount(): ActionResult {
    const wpj = this.user.wpj;
    if (!wpj) return { ok: false, reason: 'not-applicable' };
    if (this.mdmBlocks(wpj.deviceId)) {
      this.emit('user', 'lab.event.disconnectBlockedByMdm');
      return { ok: false, reason: 'mdm' };
    }
    this.user.wpj = null;
    // the client unregisters the device from the tenant when it still can
    const tenant = this.tenantOf(wpj);
    const obj = findDevice(tenant, wpj.deviceId);
    if (obj) tenant.devices.splice(tenant.devices.indexOf(obj), 1);
    this.emit('user', 'lab.event.workAccountDisconnected', { deviceId: wpj.deviceId });
    this.maintainStorageKey();
    return { ok: true };
  }

  /** Entra join (OOBE, or Settings > Connect > Join this device to Microsoft Entra ID): needs a local administrator. */
  joinEntra(elevated: boolean, actor: Actor): ActionResult {
    if (!elevated) return { ok: false, reason: 'needs-elevation' };
    if (this.device.domain || this.device.join) return { ok: false, reason: 'not-applicable' };
    const keys = this.newKeys();
    this.device.join = { ...keys, kind: 'entra' };
    this.tenant.devices.push(this.newObject(keys.deviceId, 'AzureAd', { ownerUpn: this.user.upn }));
    if (this.user.windowsAccount !== 'domain') this.user.windowsAccount = 'entra';
    this.emit(actor, 'lab.event.entraJoined', { deviceId: keys.deviceId });
    this.maintainStorageKey();
    this.enrollIfConfigured(keys.deviceId);
    return { ok: true };
  }

  private removeJoin(): void {
    this.device.join = null;
    this.device.pendingHybrid = null;
    this.device.lastHybridAttempt = null;
    this.user.prt = null;
    this.user.prtFailure = null;
    this.maintainStorageKey();
  }

  /** `dsregcmd /forcerecovery`: removes the Entra join and walks the user through joining again. */
  forceRecovery(elevated: boolean): ActionResult {
    if (!elevated) {
      this.emit('user', 'lab.event.forcerecoveryNotElevated');
      return { ok: false, reason: 'needs-elevation' };
    }
    const join = this.device.join;
    if (join?.kind !== 'entra') return { ok: false, reason: 'not-applicable' };
    if (this.mdmBlocks(join.deviceId)) {
      this.emit('helpdesk', 'lab.event.forcerecoveryBlockedByMdm');
      return { ok: false, reason: 'mdm' };
    }
    this.emit('helpdesk', 'lab.event.forcerecoveryStarted', { deviceId: join.deviceId });
    this.removeJoin();
    return this.joinEntra(true, 'user');
  }

  /** `dsregcmd /leave` (elevated): removes the join from the PC; the tenant object stays. */
  leave(elevated: boolean): ActionResult {
    if (!elevated) {
      this.emit('user', 'lab.event.leaveNotElevated');
      return { ok: false, reason: 'needs-elevation' };
    }
    const join = this.device.join;
    if (!join) return { ok: false, reason: 'not-applicable' };
    if (this.mdmBlocks(join.deviceId)) {
      this.emit('helpdesk', 'lab.event.leaveBlockedByMdm');
      return { ok: false, reason: 'mdm' };
    }
    this.removeJoin();
    this.emit('helpdesk', 'lab.event.left', { deviceId: join.deviceId });
    return { ok: true };
  }

  /** reg delete "HKCU\…\AAD\Storage\https://login.microsoftonline.com" (after a reg export). */
  deleteAadStorageKey(): ActionResult {
    if (!this.user.aadStorageKey) {
      this.emit('user', 'lab.event.keyNotPresent');
      return { ok: false, reason: 'not-applicable' };
    }
    this.user.aadStorageKey = null;
    this.emit('user', 'lab.event.keyDeleted');
    this.maintainStorageKey();
    return { ok: true };
  }

  /** Mark the user's AAD\Storage key as a leftover Windows no longer maintains. */
  leaveStorageKeyBehind(): void {
    const current = this.currentRegistrationId();
    if (!current) return;
    this.user.aadStorageKey = { deviceId: current, leftover: true };
    this.emit('windows', 'lab.event.keyLeftover', { deviceId: current });
  }

  /**
   * The Automatic-Device-Join task (at sign-in on a domain-joined PC): publish a certificate to
   * the computer's userCertificate, then complete registration once Entra Connect has synced the
   * object; until then the attempt fails with 0x801c03f2.
   */
  private runAutoJoinTask(): void {
    const computer = this.computer();
    if (!this.device.domain || !computer || this.device.join) return;
    if (!this.tenant.policies.autoHybridRegistration) {
      this.emit('windows', 'lab.event.taskDisabledByPolicy');
      return;
    }
    if (!this.device.pendingHybrid) {
      const keys = this.newKeys();
      this.device.pendingHybrid = keys;
      computer.userCertificates = [keys.deviceId];
      this.emit('windows', 'lab.event.taskPublishedCertificate', { deviceId: keys.deviceId, computer: computer.name });
    }
    const pending = this.device.pendingHybrid;
    const obj = findDevice(this.tenant, pending.deviceId);
    if (obj && obj.source === 'sync') {
      obj.pending = false;
      // DRS issues the device certificate when registration completes
      const cert = this.newKeys();
      this.device.join = { ...pending, thumbprint: cert.thumbprint, certFrom: cert.certFrom, certTo: cert.certTo, kind: 'hybrid' };
      this.device.pendingHybrid = null;
      this.device.lastHybridAttempt = null;
      this.emit('windows', 'lab.event.hybridRegistered', { deviceId: pending.deviceId });
      this.maintainStorageKey();
      this.enrollIfConfigured(pending.deviceId);
      return;
    }
    this.device.lastHybridAttempt = { at: this.now - 40_000 + this.rng.int(20_000), deviceId: pending.deviceId, requestId: this.rng.guid() };
    this.emit('windows', 'lab.event.hybridWaitingForSync', { deviceId: pending.deviceId });
  }

  // --- the PC: sessions and the PRT ---------------------------------------------------------------

  /** Sign in to Windows: the join task runs, then CloudAP asks for a new PRT. */
  signIn(): void {
    this.device.signedIn = true;
    this.device.locked = false;
    this.emit('user', 'lab.event.signedIn', { upn: this.user.upn });
    if (this.device.recoveryArmed) {
      this.device.recoveryArmed = false;
      this.removeJoin();
      this.joinEntra(true, 'user');
    }
    this.runAutoJoinTask();
    if (this.device.join) this.requestPrt('acquire');
  }

  signOut(): void {
    if (!this.device.signedIn) return;
    this.device.signedIn = false;
    this.emit('user', 'lab.event.signedOut');
  }

  reboot(): void {
    this.signOut();
    this.advance(3 * MINUTE);
    this.emit('windows', 'lab.event.rebooted');
  }

  lock(): void {
    this.device.locked = true;
    this.emit('user', 'lab.event.locked');
  }

  /** Unlock: CloudAP renews a PRT older than 4 hours, or asks for one when there is none. */
  unlock(): void {
    this.device.locked = false;
    this.emit('user', 'lab.event.unlocked');
    const join = this.device.join;
    if (!join) return;
    const prt = this.user.prt;
    if (!prt || prt.deviceId !== join.deviceId || prt.expires <= this.now) this.requestPrt('acquire');
    else if (this.now - prt.updated >= PRT_RENEW_AFTER) this.requestPrt('refresh');
  }

  /** `dsregcmd /refreshprt` as the user. */
  refreshPrt(): void {
    this.emit('user', 'lab.event.refreshPrt');
    if (!this.device.join) return;
    this.requestPrt(this.user.prt ? 'refresh' : 'acquire');
  }

  private requestPrt(kind: 'acquire' | 'refresh'): void {
    const join = this.device.join;
    if (!join) return;
    const code = prtError(checkDevice(this.tenant, join.deviceId));
    if (code === null) {
      this.user.prt = { deviceId: join.deviceId, issuedAt: this.now, updated: wholeSecond(this.now), expires: wholeSecond(this.now) + PRT_LIFETIME };
      this.user.prtFailure = null;
      this.emit('entra', kind === 'acquire' ? 'lab.event.prtIssued' : 'lab.event.prtRenewed', { deviceId: join.deviceId });
      return;
    }
    this.user.prtFailure = {
      kind,
      at: this.now + 1 + this.rng.int(999),
      code,
      attemptStatus: attemptStatusFor(code),
      correlationId: this.rng.guid(),
      traceId: this.rng.guid(),
    };
    if (kind === 'acquire') this.user.prt = null;
    this.emit('entra', kind === 'acquire' ? 'lab.event.prtAcquireFailed' : 'lab.event.prtRefreshFailed', { code, deviceId: join.deviceId });
  }

  /** Whether the PRT dsregcmd shows is there (AzureAdPrt YES): the cached one, good or not. */
  hasPrt(): boolean {
    const prt = this.user.prt;
    return prt !== null && prt.expires > this.now && prt.deviceId === this.device.join?.deviceId;
  }

  /** The cached PRT is also good at Entra ID: its device is accepted and it was not revoked since. */
  prtValid(): boolean {
    const prt = this.user.prt;
    if (!prt || !this.hasPrt() || checkDevice(this.tenant, prt.deviceId) !== 'ok') return false;
    const revokedAt = findDevice(this.tenant, prt.deviceId)?.revokedAt ?? null;
    return revokedAt === null || prt.issuedAt > revokedAt;
  }

  // --- the apps -------------------------------------------------------------------------------

  /**
   * The device ID the user's token broker presents: normally the join's (or the work account's);
   * a leftover AAD\Storage key keeps presenting the ID it holds once that differs.
   */
  presentedDeviceId(): string | null {
    const current = this.currentRegistrationId();
    const key = this.user.aadStorageKey;
    if (key?.leftover && key.deviceId !== current) return key.deviceId;
    return current;
  }

  openApp(app: AppName): AppResult {
    const wpj = this.user.wpj;
    if (wpj && this.workAccountApps.includes(app)) {
      // signed in with the work account: its own registration and tenant
      const tenant = this.tenantOf(wpj);
      const verdict = appTokenRequest(tenant, app, wpj.deviceId);
      return {
        app,
        ok: verdict.code === null,
        sso: verdict.sso,
        code: verdict.code,
        message: verdict.code ? serverMessage(tenant, verdict.code) : null,
        presentedDeviceId: wpj.deviceId,
      };
    }
    const presented = this.presentedDeviceId();
    const verdict = appTokenRequest(this.tenant, app, presented);
    // a revoked PRT gives no single sign-on: WAM falls back to an interactive prompt
    const revoked = presented !== null && presented === this.device.join?.deviceId && !this.prtValid();
    return {
      app,
      ok: verdict.code === null,
      sso: verdict.sso && !revoked,
      code: verdict.code,
      message: verdict.code ? serverMessage(this.tenant, verdict.code) : null,
      presentedDeviceId: presented,
    };
  }

  /** The user opens Edge, Teams and Outlook. */
  tryApps(): AppResult[] {
    const results = APPS.map((app) => this.openApp(app));
    this.emit('user', 'lab.event.openedApps', {
      failed: results.filter((r) => !r.ok).length,
      codes: [...new Set(results.flatMap((r) => (r.code ? [r.code] : [])))].join(', ') || '—',
    });
    return results;
  }

  // --- what dsregcmd's live checks see ------------------------------------------------------------

  joinCheck(): DeviceCheck | null {
    return this.device.join ? checkDevice(this.tenant, this.device.join.deviceId) : null;
  }

  deviceAuthStatus(): string | null {
    const check = this.joinCheck();
    return check === null ? null : deviceAuthStatus(check);
  }
}
