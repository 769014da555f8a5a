import type { JoinType } from '../model/status.js';
import { type CodeMeaning, worstMeaning } from '../knowledge/meanings.js';
import { type Plan, planForCodes } from '../plan/plan.js';
import type { DateOrder } from './dates.js';
import type { AuditEvent, IntuneDevice, InventoryDevice, SignInEvent, SkipReason } from './records.js';
import {
  type AffectedDevice,
  type AffectedPlan,
  CAUSES,
  type Cause,
  DEVICE_ERROR_CODES,
  type FleetSummary,
  type InventoryState,
  type JoinTypeSource,
} from './types.js';
import { GuidTimes } from './guid-times.js';
import { InventoryStore } from './inventory.js';
import { dayOf, isoTime, joinTypeFromTrust } from './values.js';

/**
 * The streaming core: every row is folded into per-device state as it is read, so memory grows
 * with the number of distinct devices, never with the number of rows. The join with the
 * inventory, the audit log and collected statuses happens once, at the end.
 */

const DEVICE_CODES = new Set<number>(DEVICE_ERROR_CODES);
const MAX_USERS = 1000;
const MAX_APPS = 50;
const DAY = 86_400_000;

/** The failures of one device (only devices with a device-error failure get one). */
class DeviceFailures {
  name = '';
  os = '';
  trust = '';
  readonly codes = new Map<number, number>();
  count = 0;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  readonly users = new Map<string, number>();
  usersOverflow = false;
  readonly apps = new Set<string>();
  constructor(readonly deviceId: string) {}
}

/** The sign-in state of an aggregator as plain data (posted from worker threads). */
export interface SignInState {
  seen: ReturnType<GuidTimes['export']>;
  /** Last other (not device-error) failure per device: still evidence of use (staged cleanup). */
  otherFailures?: ReturnType<GuidTimes['export']>;
  failures: {
    deviceId: string;
    name: string;
    os: string;
    trust: string;
    codes: [number, number][];
    count: number;
    first: number;
    last: number;
    users: [string, number][];
    usersOverflow: boolean;
    apps: string[];
  }[];
  counters: [number, number, number, number, number, number];
  unattributed: [number, number][];
  byDay: [number, [number, number][]][];
}

/** What a collected `dsregcmd /status` says about a device. */
export interface StatusInfo {
  file: string;
  joinType: JoinType;
  deviceName: string | null;
}

export class FleetAggregator {
  /** Sign-in successes may arrive as GUID words without a device id string (see signInCsvMapper). */
  readonly wantsGuidWords = true;
  readonly failures = new Map<string, DeviceFailures>();
  /** Last successful sign-in per device: the "still in use" evidence for cleanup impact. */
  private readonly seen = new GuidTimes();
  readonly lastSuccess = {
    get: (deviceId: string): number | undefined => this.seen.get(deviceId),
    has: (deviceId: string): boolean => this.seen.has(deviceId),
  };
  /** Last failure per device with a code that is not a device error (wrong password, MFA…): the device was used. */
  readonly lastOtherFailure = new GuidTimes();
  /** Devices with any sign-in (for `devicesSeen`). */
  private devicesOnlyFailing = 0;
  readonly inventory = new InventoryStore();
  /** Deleted devices (deleted-items lists), by device id: the newest deletion of each. */
  readonly deleted = new Map<string, InventoryDevice>();
  inventoryGiven = false;
  readonly auditEvents: AuditEvent[] = [];
  auditGiven = false;
  readonly bitlocker = new Set<string>();
  bitlockerGiven = false;
  readonly statuses = new Map<string, StatusInfo>();
  statusesGiven = false;
  statusFiles = 0;
  /** Intune's managed devices by Entra device id: a join type for devices gone from Entra. */
  readonly intune = new Map<string, IntuneDevice>();
  /** `--date-order`: how to read culture dates whose columns do not settle it themselves. */
  dateOrder: DateOrder | null = null;
  /** `--columns`: file header (loosely compared) → English column name. */
  columns: ReadonlyMap<string, string> | undefined;

  private signInRows = 0;
  private successes = 0;
  private failuresTotal = 0;
  private deviceErrorFailures = 0;
  private firstSignIn = Number.POSITIVE_INFINITY;
  private lastSignIn = Number.NEGATIVE_INFINITY;
  private readonly unattributed = new Map<number, number>();
  /** day number → code → count */
  private readonly byDay = new Map<number, Map<number, number>>();

  addSignIn(ev: SignInEvent): SkipReason | null {
    const { code, time } = ev;
    const deviceError = DEVICE_CODES.has(code);
    if (ev.deviceId === '' && !ev.hasGuid && !deviceError) return 'no-device-id';
    this.signInRows++;
    if (time < this.firstSignIn) this.firstSignIn = time;
    if (time > this.lastSignIn) this.lastSignIn = time;
    if (code === 0) {
      this.successes++;
      const g = ev.guid;
      if (ev.hasGuid) this.seen.maxWords(g[0] ?? 0, g[1] ?? 0, g[2] ?? 0, g[3] ?? 0, time);
      else this.seen.max(ev.deviceId, time);
      return null;
    }
    this.failuresTotal++;
    if (!deviceError) {
      if (ev.deviceId !== '') this.lastOtherFailure.max(ev.deviceId, time);
      return null;
    }
    this.deviceErrorFailures++;
    const day = Math.floor(time / DAY);
    let perDay = this.byDay.get(day);
    if (!perDay) {
      perDay = new Map();
      this.byDay.set(day, perDay);
    }
    perDay.set(code, (perDay.get(code) ?? 0) + 1);
    if (ev.deviceId === '') {
      this.unattributed.set(code, (this.unattributed.get(code) ?? 0) + 1);
      return null;
    }
    let f = this.failures.get(ev.deviceId);
    if (!f) {
      f = new DeviceFailures(ev.deviceId);
      this.failures.set(f.deviceId, f);
    }
    f.count++;
    f.codes.set(code, (f.codes.get(code) ?? 0) + 1);
    if (time < f.first) f.first = time;
    if (time > f.last) f.last = time;
    if (ev.deviceName !== '' && f.name === '') f.name = ev.deviceName;
    if (ev.os !== '' && f.os === '') f.os = ev.os;
    if (ev.trust !== '' && f.trust === '') f.trust = ev.trust;
    if (ev.user !== '') {
      const n = f.users.get(ev.user);
      if (n !== undefined) f.users.set(ev.user, n + 1);
      else if (f.users.size < MAX_USERS) f.users.set(ev.user, 1);
      else f.usersOverflow = true;
    }
    if (ev.app !== '' && f.apps.size < MAX_APPS && !f.apps.has(ev.app)) f.apps.add(ev.app);
    return null;
  }

  /** The sign-in part of the state, as plain data a worker thread can post to the main thread. */
  exportSignIns(): SignInState {
    return {
      seen: this.seen.export(),
      otherFailures: this.lastOtherFailure.export(),
      failures: [...this.failures.values()].map((f) => ({
        deviceId: f.deviceId,
        name: f.name,
        os: f.os,
        trust: f.trust,
        codes: [...f.codes],
        count: f.count,
        first: f.first,
        last: f.last,
        users: [...f.users],
        usersOverflow: f.usersOverflow,
        apps: [...f.apps],
      })),
      counters: [this.signInRows, this.successes, this.failuresTotal, this.deviceErrorFailures, this.firstSignIn, this.lastSignIn],
      unattributed: [...this.unattributed],
      byDay: [...this.byDay].map(([day, codes]) => [day, [...codes]]),
    };
  }

  /** Fold in what a worker read: the result is the same as reading its rows here. */
  importSignIns(state: SignInState): void {
    this.seen.merge(state.seen);
    if (state.otherFailures) this.lastOtherFailure.merge(state.otherFailures);
    for (const w of state.failures) {
      let f = this.failures.get(w.deviceId);
      if (!f) {
        f = new DeviceFailures(w.deviceId);
        this.failures.set(w.deviceId, f);
      }
      if (f.name === '') f.name = w.name;
      if (f.os === '') f.os = w.os;
      if (f.trust === '') f.trust = w.trust;
      for (const [code, n] of w.codes) f.codes.set(code, (f.codes.get(code) ?? 0) + n);
      f.count += w.count;
      if (w.first < f.first) f.first = w.first;
      if (w.last > f.last) f.last = w.last;
      for (const [user, n] of w.users) {
        const have = f.users.get(user);
        if (have !== undefined) f.users.set(user, have + n);
        else if (f.users.size < MAX_USERS) f.users.set(user, n);
        else f.usersOverflow = true;
      }
      if (w.usersOverflow) f.usersOverflow = true;
      for (const app of w.apps) if (f.apps.size < MAX_APPS) f.apps.add(app);
    }
    const [rows, successes, failures, deviceErrors, first, last] = state.counters;
    this.signInRows += rows;
    this.successes += successes;
    this.failuresTotal += failures;
    this.deviceErrorFailures += deviceErrors;
    if (first < this.firstSignIn) this.firstSignIn = first;
    if (last > this.lastSignIn) this.lastSignIn = last;
    for (const [code, n] of state.unattributed) this.unattributed.set(code, (this.unattributed.get(code) ?? 0) + n);
    for (const [day, codes] of state.byDay) {
      let perDay = this.byDay.get(day);
      if (!perDay) {
        perDay = new Map();
        this.byDay.set(day, perDay);
      }
      for (const [code, n] of codes) perDay.set(code, (perDay.get(code) ?? 0) + n);
    }
  }

  addDevice(d: InventoryDevice): SkipReason | null {
    if (d.deletedAt !== undefined) {
      // in the deleted items (device soft delete), not in the directory
      if (Number.isNaN(d.deletedAt)) return 'missing-time';
      const prev = this.deleted.get(d.deviceId);
      if (!prev || (prev.deletedAt ?? 0) < d.deletedAt) this.deleted.set(d.deviceId, d);
      return null;
    }
    this.inventory.add(d);
    return null;
  }

  addAudit(e: AuditEvent): SkipReason | null {
    this.auditEvents.push({ ...e, actor: e.actor, displayName: e.displayName, objectId: e.objectId, deviceId: e.deviceId, trust: e.trust });
    return null;
  }

  addIntune(d: IntuneDevice): SkipReason | null {
    if (!this.intune.has(d.deviceId)) this.intune.set(d.deviceId, { ...d });
    return null;
  }

  addBitlocker(deviceId: string): SkipReason | null {
    this.bitlocker.add(deviceId);
    return null;
  }

  addStatus(deviceId: string, info: StatusInfo): void {
    if (!this.statuses.has(deviceId)) this.statuses.set(deviceId, info);
  }

  /** Resolve an id that may be a device id or an object id to the device id. */
  resolveId(id: string): { deviceId: string; matched: 'deviceId' | 'objectId' | null } {
    if (this.inventory.has(id)) return { deviceId: id, matched: 'deviceId' };
    const viaObject = this.inventory.deviceOfObject(id);
    if (viaObject !== undefined) return { deviceId: viaObject, matched: 'objectId' };
    return { deviceId: id, matched: null };
  }

  /** The per-device result, most serious first. */
  affectedDevices(): AffectedDevice[] {
    const audit = this.auditIndex();
    const out: AffectedDevice[] = [];
    for (const f of this.failures.values()) out.push(this.describe(f, audit));
    const rank = (c: Cause) => CAUSES.indexOf(c);
    // the collator is what localeCompare uses, made once (localeCompare makes one a call)
    const byId = new Intl.Collator().compare;
    out.sort((a, b) => rank(a.cause) - rank(b.cause) || b.failureCount - a.failureCount || byId(a.deviceId, b.deviceId));
    return out;
  }

  private describe(f: DeviceFailures, audit: AuditIndex): AffectedDevice {
    const inv = this.inventory.get(f.deviceId);
    const status = this.statuses.get(f.deviceId);
    const inventoryState: InventoryState = !this.inventoryGiven ? 'unknown' : !inv ? 'missing' : inv.enabled === false ? 'disabled' : 'present';

    const intune = this.intune.get(f.deviceId);
    const match = audit.find(f.deviceId, inv?.objectId ?? '', inv?.displayName || status?.deviceName || f.name || intune?.displayName || '', f.last);

    // join type: the device's own view, else the directory's, else the sign-in's device detail;
    // for a device gone from the directory, the delete event's details or Intune's record
    let joinType: JoinType = 'unknown';
    let joinTypeSource: JoinTypeSource = 'unknown';
    const known = (j: JoinType | null | undefined): j is JoinType => j !== null && j !== undefined && j !== 'unknown';
    const fromSignIn = joinTypeFromTrust(f.trust);
    const fromAudit = match && match.by !== 'name' ? joinTypeFromTrust(match.event.trust) : null;
    if (status && status.joinType !== 'unknown') {
      joinType = status.joinType;
      joinTypeSource = 'status';
    } else if (known(inv?.joinType)) {
      joinType = inv.joinType;
      joinTypeSource = 'inventory';
    } else if (known(fromSignIn)) {
      joinType = fromSignIn;
      joinTypeSource = 'signin';
    } else if (known(fromAudit)) {
      joinType = fromAudit;
      joinTypeSource = 'audit';
    } else if (known(intune?.joinType)) {
      joinType = intune.joinType;
      joinTypeSource = 'intune';
    }

    const codes = DEVICE_ERROR_CODES.filter((c) => f.codes.has(c));
    const errorCodes = codes.map((c) => `AADSTS${c}`);
    const failuresByCode: Record<string, number> = {};
    for (const c of codes) failuresByCode[`AADSTS${c}`] = f.codes.get(c) ?? 0;

    const worst = worstMeaning(errorCodes);
    const cause = causeOf(worst, inventoryState, match?.event.action ?? null);
    // the remedy is the plan for the evidence: a disabled object in the inventory is a disabled device
    const planCodes = [...errorCodes];
    if (inventoryState === 'disabled' && !planCodes.includes('AADSTS135011')) planCodes.unshift('AADSTS135011');
    if (inventoryState === 'missing' && codes.includes(50155) && !planCodes.includes('AADSTS700003')) planCodes.unshift('AADSTS700003');
    const basis = { codes: planCodes, mdm: inv?.managed === true && inventoryState !== 'missing', restorable: false };
    const plan = affectedPlan({ joinType, plan: basis });

    const lastSuccess = this.lastSuccess.get(f.deviceId);
    const users = [...f.users.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const name = inv?.displayName || status?.deviceName || f.name || match?.event.displayName || intune?.displayName || null;
    // no device-object step applies: the step the deciding code implies (53000: the compliance check)
    const firstStep = plan.steps[0]?.id ?? (worst && worst.cause === cause ? worst.firstStep : null);
    return {
      deviceId: f.deviceId,
      displayName: name,
      objectId: inv?.objectId || match?.event.objectId || null,
      os: inv?.os || f.os || intune?.os || null,
      joinType,
      joinTypeSource,
      inventoryState,
      cause,
      errorCodes,
      failuresByCode,
      failureCount: f.count,
      users: users.slice(0, 50).map((u) => u[0]),
      userCount: f.users.size,
      apps: [...f.apps].sort(),
      firstFailure: isoTime(f.first),
      lastFailure: isoTime(f.last),
      lastSuccess: lastSuccess === undefined ? null : isoTime(lastSuccess),
      recovered: lastSuccess !== undefined && lastSuccess > f.last,
      deletedBy: match ? match.event.actor || null : null,
      deletedAt: match ? isoTime(match.event.time) : null,
      auditAction: match?.event.action ?? null,
      auditMatch: match?.by ?? null,
      firstStep,
      plan: { ...basis, steps: plan.steps.map((s) => s.id) },
      statusFile: status?.file ?? null,
    };
  }

  private auditIndex(): AuditIndex {
    return new AuditIndex(this.auditEvents);
  }

  summary(affected: AffectedDevice[]): FleetSummary {
    const count = <T extends string>(values: T[]) => {
      const out: Record<string, number> = {};
      for (const v of values) out[v] = (out[v] ?? 0) + 1;
      return out;
    };
    const byErrorCode: Record<string, number> = {};
    for (const d of affected) for (const c of d.errorCodes) byErrorCode[c] = (byErrorCode[c] ?? 0) + 1;
    const days = [...this.byDay.entries()].sort((a, b) => a[0] - b[0]);
    const failuresByDay = days.map(([day, codes]) => {
      const byCode: Record<string, number> = {};
      let total = 0;
      for (const c of DEVICE_ERROR_CODES) {
        const n = codes.get(c);
        if (n) {
          byCode[`AADSTS${c}`] = n;
          total += n;
        }
      }
      return { day: dayOf(day * DAY), count: total, byCode };
    });
    const failuresWithoutDevice: Record<string, number> = {};
    for (const c of DEVICE_ERROR_CODES) {
      const n = this.unattributed.get(c);
      if (n) failuresWithoutDevice[`AADSTS${c}`] = n;
    }

    const actors = new Map<string, { actor: string; actorType: string; deletes: number; disables: number; affected: Set<string> }>();
    for (const e of this.auditEvents) {
      const key = e.actor || '(unknown)';
      let a = actors.get(key);
      if (!a) {
        a = { actor: key, actorType: e.actorType, deletes: 0, disables: 0, affected: new Set() };
        actors.set(key, a);
      }
      if (e.action === 'delete') a.deletes++;
      else a.disables++;
    }
    for (const d of affected) if (d.deletedBy) actors.get(d.deletedBy)?.affected.add(d.deviceId);
    const topDeletionActors = [...actors.values()]
      .sort((x, y) => y.deletes + y.disables - (x.deletes + x.disables) || x.actor.localeCompare(y.actor))
      .slice(0, 10)
      .map((a) => ({ actor: a.actor, actorType: a.actorType, deletes: a.deletes, disables: a.disables, affectedDevices: a.affected.size }));

    let devicesSeen = this.seen.size;
    this.devicesOnlyFailing = 0;
    for (const id of this.failures.keys()) if (!this.lastSuccess.has(id)) this.devicesOnlyFailing++;
    devicesSeen += this.devicesOnlyFailing;

    const inventory: FleetSummary['inventory'] = this.inventoryGiven ? { devices: this.inventory.size, ...this.inventory.counts() } : null;
    return {
      devicesAffected: affected.length,
      devicesRecovered: affected.filter((d) => d.recovered).length,
      byJoinType: count(affected.map((d) => d.joinType)),
      byErrorCode,
      byCause: count(affected.map((d) => d.cause)),
      byInventoryState: count(affected.map((d) => d.inventoryState)),
      failuresByDay,
      topDeletionActors,
      failuresWithoutDevice,
      signIns: {
        rows: this.signInRows,
        successes: this.successes,
        failures: this.failuresTotal,
        deviceErrorFailures: this.deviceErrorFailures,
        devicesSeen,
        first: Number.isFinite(this.firstSignIn) ? isoTime(this.firstSignIn) : null,
        last: Number.isFinite(this.lastSignIn) ? isoTime(this.lastSignIn) : null,
      },
      inventory,
      audit: this.auditGiven
        ? {
            deletes: this.auditEvents.filter((e) => e.action === 'delete').length,
            disables: this.auditEvents.filter((e) => e.action === 'disable').length,
            matched: affected.filter((d) => d.auditAction !== null).length,
          }
        : null,
      statuses: this.statusesGiven ? { files: this.statusFiles, matched: affected.filter((d) => d.statusFile !== null).length } : null,
    };
  }
}

/**
 * The worst thing the evidence shows: the most serious cause among the codes' meanings (a
 * definite "not found" wins); 50155 (device auth failed, deleted or disabled) becomes "deleted"
 * or "disabled" when the inventory or the audit log says which.
 */
/**
 * The plan of an affected device from what its record carries (`plan`: codes, MDM, restorable):
 * the full steps for rendering, the same every time (the web's drill-down reads it here).
 */
export function affectedPlan(a: { joinType: JoinType; plan: Omit<AffectedPlan, 'steps'> }): Plan {
  return planForCodes(a.joinType, a.plan.codes, a.plan.mdm ? { mdm: true } : {}, { restorable: a.plan.restorable });
}

function causeOf(worst: CodeMeaning | undefined, state: InventoryState, auditAction: 'delete' | 'disable' | null): Cause {
  if (!worst) return 'not-hybrid-joined';
  if (worst.object !== 'deleted-or-disabled') return worst.cause;
  if (state === 'disabled') return 'disabled';
  if (state === 'missing' || auditAction === 'delete') return 'deleted';
  if (auditAction === 'disable') return 'disabled';
  return worst.cause;
}

/**
 * Delete / disable events by device. The audit log names the device by its object id (and its
 * display name); a device id only when a modified property carries one. A deleted device is
 * no longer in the inventory, so its object id is often unknown: then a display name that
 * exactly one event carries is used, and said so (`auditMatch: "name"`).
 */
class AuditIndex {
  private readonly byDeviceId = new Map<string, AuditEvent[]>();
  private readonly byObjectId = new Map<string, AuditEvent[]>();
  private readonly byName = new Map<string, AuditEvent[]>();

  constructor(events: AuditEvent[]) {
    const push = (m: Map<string, AuditEvent[]>, k: string, e: AuditEvent) => {
      if (k === '') return;
      const list = m.get(k);
      if (list) list.push(e);
      else m.set(k, [e]);
    };
    for (const e of events) {
      push(this.byDeviceId, e.deviceId, e);
      push(this.byObjectId, e.objectId, e);
      push(this.byName, e.displayName.trim().toLowerCase(), e);
    }
  }

  find(deviceId: string, objectId: string, name: string, lastFailure: number): { event: AuditEvent; by: 'deviceId' | 'objectId' | 'name' } | undefined {
    const direct = this.byDeviceId.get(deviceId);
    if (direct) return { event: pick(direct, lastFailure), by: 'deviceId' };
    const viaObject = objectId !== '' ? this.byObjectId.get(objectId) : undefined;
    if (viaObject) return { event: pick(viaObject, lastFailure), by: 'objectId' };
    const key = name.trim().toLowerCase();
    if (key === '') return undefined;
    const named = this.byName.get(key);
    // only when the name points at one object: names repeat across re-registrations (05 §1)
    if (named && new Set(named.map((e) => e.objectId)).size === 1) return { event: pick(named, lastFailure), by: 'name' };
    return undefined;
  }
}

/** The latest event not after the last failure (the one that explains it); else the latest. */
function pick(events: AuditEvent[], lastFailure: number): AuditEvent {
  let best: AuditEvent | undefined;
  for (const e of events) if (e.time <= lastFailure && (!best || e.time > best.time)) best = e;
  if (best) return best;
  let latest = events[0] as AuditEvent;
  for (const e of events) if (e.time > latest.time) latest = e;
  return latest;
}
