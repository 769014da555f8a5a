import type { ActivityBucket, CleanupDevice, CleanupWarning, HoldReason, StagedCleanup } from '../contract/cleanup.js';
import type { JoinType } from '../model/status.js';
import type { FleetAggregator } from '../fleet/aggregate.js';
import { ACTIVITY_GRANULARITY_DAYS } from '../fleet/cleanup.js';
import type { InventoryDevice } from '../fleet/records.js';
import { isGuidKey, isoTime } from '../fleet/values.js';

export type { ActivityBucket, CleanupDevice, CleanupWarning, HoldReason, StagedCleanup } from '../contract/cleanup.js';

/**
 * The staged stale-device cleanup (shared/docs/domain/07 §4): candidates by activity, the
 * devices held back and why, then disable (stage 1), watch and re-enable (stage 2), delete what
 * is still disabled and inactive (stage 3). Each stage is computed from the data of the day it
 * is run. Pure: the aggregator (inventory, sign-ins, key list) and a few id lists in, a plan out.
 */

const DAY = 86_400_000;
/** Entra keeps deleted Entra joined / registered devices this long (device soft delete, preview; 07 §5). */
export const SOFT_DELETE_DAYS = 30;
export const DEFAULT_GRACE_DAYS = 30;

export { HOLD_REASONS } from '../contract/cleanup.js';

export interface CleanupPlanInput {
  agg: FleetAggregator;
  asOf: number;
  stage: 1 | 2 | 3;
  staleDays: number;
  graceDays?: number;
  /** Stage 2/3: when stage 1 ran (epoch ms). */
  sinceStage1?: number;
  /** Stage 2/3: the devices stage 1 disabled (device or object ids); default: every disabled inventory device. */
  stage1Ids?: string[];
  /** Device ids in an Autopilot export (Get-MgDeviceManagementWindowsAutopilotDeviceIdentity). */
  autopilot?: Set<string>;
  /** Device ids managed in Intune / an MDM (Intune device export). */
  mdm?: Set<string>;
  /** Device ids whose recovery keys were exported with their values (the key list is the backup). */
  bitlockerBackedUp?: Set<string>;
  autopilotGiven?: boolean;
}

/** The stale-days floor: the activity timestamp is only updated every 14 ± 5 days. */
export function staleDaysTooShort(days: number): boolean {
  return days < ACTIVITY_GRANULARITY_DAYS;
}

const PRINTER = /printer|universal\s*print/i;
const REENABLE_CODES = [135011, 50155];

export function planCleanup(input: CleanupPlanInput): StagedCleanup {
  const { agg, asOf, stage, staleDays } = input;
  if (staleDaysTooShort(staleDays)) throw new RangeError(`staleDays ${staleDays} < ${ACTIVITY_GRANULARITY_DAYS}`);
  const graceDays = input.graceDays ?? DEFAULT_GRACE_DAYS;
  const since = stage === 1 ? undefined : input.sinceStage1;
  if (stage !== 1 && since === undefined) throw new RangeError('sinceStage1 is required for stages 2 and 3');
  const cutoff = asOf - staleDays * DAY;
  const warnings = inputWarnings(input);
  const buckets = activityBuckets(agg, asOf);
  const lists = since === undefined ? stage1Lists(input, cutoff) : laterStageLists(input, cutoff, since, graceDays, warnings);
  const byReason: Partial<Record<HoldReason, number>> = {};
  for (const e of lists.heldBack) for (const r of e.reasons) byReason[r] = (byReason[r] ?? 0) + 1;
  for (const _ of lists.reEnable) byReason.reenable = (byReason.reenable ?? 0) + 1;
  const byName = (a: CleanupDevice, b: CleanupDevice) => (a.displayName ?? '').localeCompare(b.displayName ?? '') || a.deviceId.localeCompare(b.deviceId);
  for (const list of [lists.heldBack, lists.disable, lists.reEnable, lists.pendingDelete, lists.delete]) list.sort(byName);
  const inUse = (list: CleanupDevice[], from: number) => list.filter((e) => usedAfter(agg, e.deviceId, from)).map((e) => e.deviceId);

  return {
    schemaVersion: 1,
    kind: 'staged-cleanup',
    asOf: isoTime(asOf),
    stage,
    staleDays,
    graceDays,
    sinceStage1: since === undefined ? null : isoTime(since),
    graceEndsAt: since === undefined ? null : isoTime(since + graceDays * DAY),
    warnings,
    candidates: lists.candidates,
    byReason,
    heldBack: lists.heldBack,
    disable: lists.disable,
    reEnable: lists.reEnable,
    pendingDelete: lists.pendingDelete,
    delete: lists.delete,
    wouldBreak: { disable: inUse(lists.disable, cutoff), delete: inUse(lists.delete, since ?? cutoff) },
    activityAge: buckets,
  };
}

interface StageLists {
  candidates: number;
  heldBack: CleanupDevice[];
  disable: CleanupDevice[];
  reEnable: CleanupDevice[];
  pendingDelete: CleanupDevice[];
  delete: CleanupDevice[];
}

const emptyLists = (): StageLists => ({ candidates: 0, heldBack: [], disable: [], reEnable: [], pendingDelete: [], delete: [] });

/** What the inputs cannot prove: no sign-ins, no key list, no Autopilot list. */
function inputWarnings(input: CleanupPlanInput): CleanupWarning[] {
  const warnings: CleanupWarning[] = [];
  if (input.agg.summary([]).signIns.rows === 0) warnings.push('no-signins');
  if (!input.agg.bitlockerGiven) warnings.push('no-bitlocker-list');
  if (!input.autopilotGiven) warnings.push('no-autopilot-list');
  return warnings;
}

/** Every inventory device by the age of its last activity (the report's chart). */
function activityBuckets(agg: FleetAggregator, asOf: number): ActivityBucket[] {
  const buckets = newBuckets();
  for (const d of agg.inventory.values()) {
    const act = lastActivity(agg, d);
    countBucket(buckets, act.time === undefined ? null : Math.floor((asOf - act.time) / DAY));
  }
  return buckets;
}

/** Why this device stays off the disable and delete lists (empty: it may go on them). */
function holdReasons(input: CleanupPlanInput, d: InventoryDevice, cutoff: number): HoldReason[] {
  const { agg } = input;
  const r: HoldReason[] = [];
  const act = lastActivity(agg, d);
  // a blank activity timestamp is unknown, not stale, whatever the (short) sign-in logs say
  if (Number.isNaN(d.lastSignIn)) r.push('blank-activity');
  if (act.time !== undefined && act.time >= cutoff) r.push('active');
  if (d.autopilot === true || input.autopilot?.has(d.deviceId)) r.push('autopilot');
  if (d.joinType === 'hybrid-joined') r.push('hybrid');
  if (d.managed === true || input.mdm?.has(d.deviceId)) r.push('mdm-managed');
  const hasKeys = d.bitlocker === true || agg.bitlocker.has(d.deviceId);
  if (hasKeys && !input.bitlockerBackedUp?.has(d.deviceId)) r.push('bitlocker-not-backed-up');
  if (PRINTER.test(d.os)) r.push('printer');
  if (!isGuidKey(d.objectId)) r.push('no-object-id');
  return r;
}

/** Stage 1: enabled devices inactive since the cutoff are candidates; those without a hold-back reason are disabled. */
function stage1Lists(input: CleanupPlanInput, cutoff: number): StageLists {
  const out = emptyLists();
  for (const d of input.agg.inventory.values()) {
    const act = lastActivity(input.agg, d);
    // a disabled device is not a stage-1 candidate: it is already disabled (its stage 3 comes from a later run)
    if (d.enabled === false) continue;
    if (act.time !== undefined && act.time >= cutoff && !(d.lastSignIn < cutoff)) continue; // active by its own timestamp: not a candidate
    out.candidates++;
    const reasons = holdReasons(input, d, cutoff);
    const entry = toEntry(d, act, input.asOf, reasons);
    (reasons.length === 0 ? out.disable : out.heldBack).push(entry);
  }
  return out;
}

/** Stages 2 and 3: each device stage 1 disabled is re-enabled (used since), held back, or (still disabled and unused) deleted. */
function laterStageLists(input: CleanupPlanInput, cutoff: number, sinceMs: number, graceDays: number, warnings: CleanupWarning[]): StageLists {
  const { agg, asOf, stage } = input;
  const out = emptyLists();
  const graceEnds = sinceMs + graceDays * DAY;
  if (asOf < graceEnds) warnings.push('grace-not-over');
  const first = agg.summary([]).signIns.first;
  if (first !== null && Date.parse(first) > sinceMs + DAY) warnings.push('signins-before-stage1');
  const stage1 = stage1Devices(agg, input.stage1Ids);
  if (input.stage1Ids === undefined) warnings.push('no-stage1-list');
  for (const item of stage1) {
    out.candidates++;
    const d = item.device;
    if (!d) {
      out.heldBack.push(missingEntry(item.id, ['not-in-inventory']));
      continue;
    }
    const act = lastActivity(agg, d);
    const used = useSince(agg, d.deviceId, sinceMs);
    if (used.codes.length > 0 || used.success) {
      // in use since it was disabled: the proof the cleanup was wrong for this one
      const e = toEntry(d, act, asOf, []);
      e.errorsSinceStage1 = used.codes.map((c) => `AADSTS${c}`);
      e.lastErrorSinceStage1 = used.lastError === undefined ? null : isoTime(used.lastError);
      if (d.enabled === false) out.reEnable.push(e);
      else out.heldBack.push({ ...e, reasons: ['enabled-again'] });
      continue;
    }
    if (d.enabled !== false) {
      out.heldBack.push(toEntry(d, act, asOf, ['enabled-again']));
      continue;
    }
    const reasons = holdReasons(input, d, cutoff);
    // the activity timestamp moved after stage 1: the device was used
    if (act.time !== undefined && act.time > sinceMs && !reasons.includes('active')) reasons.unshift('active');
    const entry = toEntry(d, act, asOf, reasons);
    if (reasons.length > 0) out.heldBack.push(entry);
    else if (stage === 2 || asOf < graceEnds) out.pendingDelete.push(entry);
    else out.delete.push(entry);
  }
  for (const e of out.delete) e.restorableUntil = restorable(e.joinType) ? isoTime(asOf + SOFT_DELETE_DAYS * DAY) : null;
  return out;
}

/** Entra joined and registered devices go to the deleted items for 30 days; hybrid ones are hard-deleted (07 §5). */
export function restorable(joinType: JoinType): boolean {
  return joinType === 'entra-joined' || joinType === 'entra-registered';
}

interface Activity {
  time: number | undefined;
  source: 'inventory' | 'signin' | null;
}

/** The newest evidence of use: the activity timestamp, the last success, the last device-error failure. */
function lastActivity(agg: FleetAggregator, d: InventoryDevice): Activity {
  let time: number | undefined = Number.isNaN(d.lastSignIn) ? undefined : d.lastSignIn;
  let source: Activity['source'] = time === undefined ? null : 'inventory';
  const success = agg.lastSuccess.get(d.deviceId);
  const failing = agg.failures.get(d.deviceId);
  for (const t of [success, failing?.last, agg.lastOtherFailure.get(d.deviceId)]) {
    if (t !== undefined && Number.isFinite(t) && (time === undefined || t > time)) {
      time = t;
      source = 'signin';
    }
  }
  return { time, source };
}

function usedAfter(agg: FleetAggregator, deviceId: string, from: number): boolean {
  const success = agg.lastSuccess.get(deviceId);
  const f = agg.failures.get(deviceId);
  const other = agg.lastOtherFailure.get(deviceId);
  return (success !== undefined && success >= from) || (f !== undefined && f.last >= from) || (other !== undefined && other >= from);
}

/** Device errors (and successes) after stage 1. Failure times are per device, not per code: any device error counts. */
function useSince(agg: FleetAggregator, deviceId: string, since: number): { codes: number[]; lastError: number | undefined; success: boolean } {
  const success = agg.lastSuccess.get(deviceId);
  const f = agg.failures.get(deviceId);
  const failedSince = f !== undefined && f.last >= since;
  const codes = failedSince ? [...f.codes.keys()].sort((a, b) => rankCode(a) - rankCode(b)) : [];
  const other = agg.lastOtherFailure.get(deviceId);
  const used = (success !== undefined && success >= since) || (other !== undefined && other >= since);
  return { codes, lastError: failedSince ? f.last : undefined, success: used };
}

const rankCode = (c: number) => {
  const i = REENABLE_CODES.indexOf(c);
  return i < 0 ? 10 + c / 1e7 : i;
};

function stage1Devices(agg: FleetAggregator, ids: string[] | undefined): { id: string; device: InventoryDevice | undefined }[] {
  if (ids === undefined) {
    const out: { id: string; device: InventoryDevice }[] = [];
    for (const d of agg.inventory.values()) if (d.enabled === false) out.push({ id: d.deviceId, device: d });
    return out;
  }
  const seen = new Set<string>();
  const out: { id: string; device: InventoryDevice | undefined }[] = [];
  for (const id of ids) {
    const deviceId = agg.inventory.has(id) ? id : (agg.inventory.deviceOfObject(id) ?? id);
    if (seen.has(deviceId)) continue;
    seen.add(deviceId);
    out.push({ id: deviceId, device: agg.inventory.get(deviceId) });
  }
  return out;
}

function toEntry(d: InventoryDevice, act: Activity, asOf: number, reasons: HoldReason[]): CleanupDevice {
  return {
    deviceId: d.deviceId,
    objectId: d.objectId || null,
    displayName: d.displayName || null,
    joinType: d.joinType ?? 'unknown',
    os: d.os || null,
    enabled: d.enabled,
    lastActivity: act.time === undefined ? null : isoTime(act.time),
    activitySource: act.source,
    activityAgeDays: act.time === undefined ? null : Math.floor((asOf - act.time) / DAY),
    reasons,
    errorsSinceStage1: [],
    lastErrorSinceStage1: null,
    restorableUntil: null,
  };
}

function missingEntry(deviceId: string, reasons: HoldReason[]): CleanupDevice {
  return {
    deviceId,
    objectId: null,
    displayName: null,
    joinType: 'unknown',
    os: null,
    enabled: null,
    lastActivity: null,
    activitySource: null,
    activityAgeDays: null,
    reasons,
    errorsSinceStage1: [],
    lastErrorSinceStage1: null,
    restorableUntil: null,
  };
}

const BUCKET_BOUNDS = [0, 21, 30, 60, 90, 180, 365];

function newBuckets(): ActivityBucket[] {
  const out: ActivityBucket[] = BUCKET_BOUNDS.map((from, i) => ({ fromDays: from, toDays: BUCKET_BOUNDS[i + 1] ?? null, count: 0 }));
  out.push({ fromDays: null, toDays: null, count: 0 });
  return out;
}

function countBucket(buckets: ActivityBucket[], days: number | null): void {
  if (days === null) {
    const blank = buckets[buckets.length - 1];
    if (blank) blank.count++;
    return;
  }
  const d = Math.max(0, days);
  for (const b of buckets) {
    if (b.fromDays !== null && d >= b.fromDays && (b.toDays === null || d < b.toDays)) {
      b.count++;
      return;
    }
  }
}
