import { appTokenRequest, findDevice } from './identity.js';
import { type AppName, type DeviceObject, emptyTenant, type ServiceCode, type Tenant, type TrustType } from './model.js';
import { Rng, seedFrom } from './random.js';
import { DAY, HOUR, MINUTE } from './time.js';

/**
 * The cleanup lab's tenant (#17): one tenant with many PCs, each with its user and a way of being
 * used: every working day, not for months, or not for months and then again (back from leave, a
 * spare laptop handed out). Entra ID answers each sign-in with the lab's identity rules (a
 * disabled device: AADSTS135011; a missing or pending one: AADSTS700003), every answer is kept as
 * the sign-in log would keep it, and the device's activity timestamp moves the way Entra moves it
 * (only when the last update is 14 ± 5 days old).
 */

/** How a PC is used, and what makes it special for a cleanup. */
export type CleanupProfile = 'daily' | 'idle' | 'returning';
export type CleanupTrait = 'plain' | 'autopilot' | 'hybrid' | 'bitlocker-not-backed-up';

export interface CleanupPc {
  name: string;
  deviceId: string;
  objectId: string;
  trustType: TrustType;
  profile: CleanupProfile;
  trait: CleanupTrait;
  user: { upn: string; displayName: string; id: string };
  /** The last day the PC was used before the lab starts (idle and returning PCs). */
  lastUsedBefore: number;
  /** A returning PC: the day its user is back (days after the cleanup starts). */
  returnsOnDay: number | null;
  /** approximateLastSignInDateTime (epoch ms). */
  activityStamp: number;
  /** After how many days Entra moves this device's stamp again (14 ± 5). */
  stampEvery: number;
  registered: number;
  managed: boolean;
}

/** One sign-in as Entra ID logged it. */
export interface CleanupSignIn {
  at: number;
  pc: CleanupPc;
  app: AppName;
  code: ServiceCode | null;
  /** What the log shows of the device: a deleted device has only its id. */
  known: boolean;
}

/** An admin action on a device object (the audit log). */
export interface CleanupChange {
  at: number;
  action: 'disable' | 'enable' | 'delete';
  pc: CleanupPc;
}

interface PcSpec {
  profile: CleanupProfile;
  trait: CleanupTrait;
  trustType: TrustType;
  /** Days before the start it was last used (idle, returning). */
  idleDays?: number;
  returnsOnDay?: number;
}

/** The tenant: the known truth the tests hold the tools to. */
const PC_SPECS: readonly PcSpec[] = [
  ...[0, 1, 2, 3, 4, 5].map((): PcSpec => ({ profile: 'daily', trait: 'plain', trustType: 'AzureAd' })),
  { profile: 'daily', trait: 'plain', trustType: 'Workplace' },
  { profile: 'daily', trait: 'hybrid', trustType: 'ServerAd' },
  { profile: 'daily', trait: 'autopilot', trustType: 'AzureAd' },
  { profile: 'idle', trait: 'plain', trustType: 'AzureAd', idleDays: 130 },
  { profile: 'idle', trait: 'plain', trustType: 'AzureAd', idleDays: 210 },
  { profile: 'idle', trait: 'plain', trustType: 'Workplace', idleDays: 150 },
  { profile: 'idle', trait: 'plain', trustType: 'AzureAd', idleDays: 320 },
  { profile: 'returning', trait: 'plain', trustType: 'AzureAd', idleDays: 120, returnsOnDay: 4 },
  { profile: 'returning', trait: 'plain', trustType: 'AzureAd', idleDays: 170, returnsOnDay: 11 },
  { profile: 'returning', trait: 'plain', trustType: 'Workplace', idleDays: 100, returnsOnDay: 19 },
  { profile: 'idle', trait: 'autopilot', trustType: 'AzureAd', idleDays: 200 },
  { profile: 'returning', trait: 'autopilot', trustType: 'AzureAd', idleDays: 140, returnsOnDay: 9 },
  { profile: 'idle', trait: 'hybrid', trustType: 'ServerAd', idleDays: 180 },
  { profile: 'returning', trait: 'hybrid', trustType: 'ServerAd', idleDays: 110, returnsOnDay: 6 },
  { profile: 'idle', trait: 'bitlocker-not-backed-up', trustType: 'AzureAd', idleDays: 160 },
  { profile: 'returning', trait: 'bitlocker-not-backed-up', trustType: 'AzureAd', idleDays: 125, returnsOnDay: 15 },
];

const FIRST = [
  'Aiko',
  'Ben',
  'Chloe',
  'Daichi',
  'Emma',
  'Fumiko',
  'Gus',
  'Hana',
  'Ivan',
  'Jun',
  'Kate',
  'Luis',
  'Mei',
  'Noah',
  'Olga',
  'Pat',
  'Rin',
  'Sora',
  'Tom',
  'Yuki',
  'Zoe',
];
const LAST = ['Sato', 'Berg', 'Ito', 'Khan', 'Mori', 'Novak', 'Ono', 'Park', 'Ueda', 'Wells'];
const APPS: readonly AppName[] = ['teams', 'outlook'];

/** Monday 2 March 2026, 00:00 UTC: the day the admin starts the cleanup. */
export const CLEANUP_START = Date.UTC(2026, 2, 2);
export const CLEANUP_DOMAIN = 'contoso.example';
/** The lab starts this many days before the cleanup, so the sign-in log holds a month of use. */
export const WARMUP_DAYS = 30;

/**
 * The simulated tenant and its PCs over time. `clone()` gives a second timeline from the same
 * moment: the staged cleanup and the one-step delete run on the same tenant.
 */
export class CleanupTenant {
  now: number;
  readonly signIns: CleanupSignIn[] = [];
  readonly changes: CleanupChange[] = [];
  /** Hybrid objects deleted only in Entra: Entra Connect brings them back (pending) at its next cycle. */
  private resync: { deviceId: string; at: number }[] = [];

  private constructor(
    readonly tenant: Tenant,
    readonly pcs: CleanupPc[],
    readonly rng: Rng,
    now: number,
  ) {
    this.now = now;
  }

  static create(seed = 'lab-cleanup'): CleanupTenant {
    const rng = new Rng(seedFrom(seed));
    const tenant = emptyTenant(rng.guid(), 'Contoso', CLEANUP_DOMAIN);
    const pcs = PC_SPECS.map((spec, i) => newPc(spec, i, rng));
    for (const pc of pcs) {
      tenant.users.push({ upn: pc.user.upn, displayName: pc.user.displayName, objectId: pc.user.id });
      tenant.devices.push(deviceObject(pc));
    }
    return new CleanupTenant(tenant, pcs, rng, CLEANUP_START - WARMUP_DAYS * DAY);
  }

  /** The same tenant at the same moment, on its own timeline from here. */
  clone(): CleanupTenant {
    const pcs = this.pcs.map((pc) => ({ ...pc, user: { ...pc.user } }));
    const byId = new Map(pcs.map((pc) => [pc.deviceId, pc]));
    const tenant: Tenant = structuredClone(this.tenant);
    const copy = new CleanupTenant(tenant, pcs, new Rng(seedFrom(`${this.now}`)), this.now);
    for (const s of this.signIns) copy.signIns.push({ ...s, pc: byId.get(s.pc.deviceId) as CleanupPc });
    for (const c of this.changes) copy.changes.push({ ...c, pc: byId.get(c.pc.deviceId) as CleanupPc });
    copy.resync = [...this.resync];
    return copy;
  }

  /** Whole days since the cleanup started (negative before). */
  day(at = this.now): number {
    return Math.floor((at - CLEANUP_START) / DAY);
  }

  /** Let the days pass: on every working day each PC in use signs in to its apps. */
  runDays(days: number): void {
    const until = this.now + days * DAY;
    while (this.now < until) {
      this.workDay();
      this.now += DAY;
    }
  }

  private workDay(): void {
    this.syncCycle(this.now + 8 * HOUR);
    const weekday = new Date(this.now).getUTCDay();
    if (weekday === 0 || weekday === 6) return;
    for (const pc of this.pcs) {
      if (!inUse(pc, this.day())) continue;
      const at = this.now + 8 * HOUR + this.rng.int(90) * MINUTE + this.rng.int(60_000);
      for (const [i, app] of APPS.entries()) this.signIn(pc, app, at + i * 37_000);
    }
  }

  /** One app sign-in: Entra ID checks the device the PC presents, then moves its activity stamp. */
  private signIn(pc: CleanupPc, app: AppName, at: number): void {
    const code = appTokenRequest(this.tenant, app, pc.deviceId).code;
    const obj = findDevice(this.tenant, pc.deviceId);
    this.signIns.push({ at, pc, app, code, known: obj !== undefined && !obj.pending });
    if (code === null && at - pc.activityStamp >= pc.stampEvery * DAY) pc.activityStamp = at;
  }

  /** Entra Connect: a hybrid joined PC's computer is still in AD, so its deleted object comes back, pending. */
  private syncCycle(until: number): void {
    for (const r of this.resync.filter((x) => x.at <= until)) {
      const pc = this.pcs.find((p) => p.deviceId === r.deviceId) as CleanupPc;
      this.tenant.devices.push({ ...deviceObject(pc), objectId: this.rng.guid(), pending: true });
    }
    this.resync = this.resync.filter((x) => x.at > until);
  }

  setEnabled(deviceIds: readonly string[], enabled: boolean, at = this.now + 10 * HOUR): void {
    for (const id of deviceIds) {
      const obj = findDevice(this.tenant, id);
      const pc = this.pcs.find((p) => p.deviceId === id);
      if (!obj || !pc) continue;
      obj.enabled = enabled;
      if (!enabled) obj.revokedAt = at;
      this.changes.push({ at, action: enabled ? 'enable' : 'disable', pc });
    }
  }

  delete(deviceIds: readonly string[], at = this.now + 10 * HOUR): void {
    for (const id of deviceIds) {
      const obj = findDevice(this.tenant, id);
      const pc = this.pcs.find((p) => p.deviceId === id);
      if (!obj || !pc) continue;
      this.tenant.devices.splice(this.tenant.devices.indexOf(obj), 1);
      this.changes.push({ at, action: 'delete', pc });
      if (obj.trustType === 'ServerAd') this.resync.push({ deviceId: id, at: Math.ceil((at + 1) / (30 * MINUTE)) * 30 * MINUTE });
    }
  }

  /** The device object Entra holds for this PC now (undefined: none). */
  object(pc: CleanupPc): DeviceObject | undefined {
    return findDevice(this.tenant, pc.deviceId);
  }
}

/** Is the PC used on this day (relative to the start)? */
export function inUse(pc: CleanupPc, day: number): boolean {
  if (pc.profile === 'daily') return true;
  return pc.profile === 'returning' && pc.returnsOnDay !== null && day >= pc.returnsOnDay;
}

function newPc(spec: PcSpec, i: number, rng: Rng): CleanupPc {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[(i * 7) % LAST.length] as string;
  const idleDays = spec.idleDays ?? 1 + rng.int(10);
  const lastUsed = CLEANUP_START - idleDays * DAY + 9 * HOUR + rng.int(8 * 60) * MINUTE;
  return {
    name: `CTS-${spec.trustType === 'Workplace' ? 'BYOD' : 'LT'}-${String(1001 + i)}`,
    deviceId: rng.guid(),
    objectId: rng.guid(),
    trustType: spec.trustType,
    profile: spec.profile,
    trait: spec.trait,
    user: { upn: `${first}.${last}${i}@${CLEANUP_DOMAIN}`.toLowerCase(), displayName: `${first} ${last}`, id: rng.guid() },
    lastUsedBefore: lastUsed,
    returnsOnDay: spec.returnsOnDay ?? null,
    activityStamp: lastUsed - rng.int(5) * DAY,
    stampEvery: 9 + rng.int(11),
    registered: CLEANUP_START - (idleDays + 200 + rng.int(400)) * DAY,
    managed: spec.trait === 'autopilot',
  };
}

function deviceObject(pc: CleanupPc): DeviceObject {
  return {
    objectId: pc.objectId,
    deviceId: pc.deviceId,
    displayName: pc.name,
    trustType: pc.trustType,
    enabled: true,
    pending: false,
    source: pc.trustType === 'ServerAd' ? 'sync' : 'cloud',
    computer: pc.trustType === 'ServerAd' ? pc.name : null,
    ownerUpn: pc.trustType === 'ServerAd' ? null : pc.user.upn,
    managed: pc.managed,
    compliant: pc.managed,
    revokedAt: null,
  };
}
