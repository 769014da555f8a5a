import type { JoinType } from '../model/status.js';
import type { FleetAggregator } from './aggregate.js';
import type { InventoryDevice } from './records.js';
import type { CleanupAction, CleanupEntry, CleanupReason, CleanupRisk, CleanupSummary } from './types.js';
import { isoTime, joinTypeFromTrust } from './values.js';

/**
 * Cleanup impact: for each device a cleanup would delete, what deleting it would break
 * (shared/docs/domain/07): a device that still signs in gets AADSTS700003 for its users; a
 * hybrid device deleted in Entra alone comes back as "Pending" and must re-register; deleting
 * removes the BitLocker keys stored on the object; Autopilot devices must be cleaned up in
 * Intune; MDM devices retired there first.
 */

/** A planned id as the file gave it. */
export interface PlannedId {
  id: string;
  /** What the column said the id is; `unknown` for a bare list. */
  as: 'deviceId' | 'objectId' | 'unknown';
  /** Device facts the file itself carried (a filtered "Download devices" CSV). */
  device?: InventoryDevice;
}

const DAY = 86_400_000;
/** approximateLastSignInDateTime is only updated every ~14 days (±5): newer means in use (07 §1). */
export const ACTIVITY_GRANULARITY_DAYS = 21;

const REASON_ORDER: CleanupReason[] = ['signs-in', 'users-failing', 'autopilot', 'hybrid', 'mdm-managed', 'bitlocker-keys', 'not-in-inventory'];

export interface CleanupInput {
  agg: FleetAggregator;
  asOf: number;
  planned?: PlannedId[];
  staleDays?: number;
}

export function cleanupImpact(input: CleanupInput): { entries: CleanupEntry[]; summary: CleanupSummary } {
  const { agg, asOf } = input;
  const entries: CleanupEntry[] = [];
  let blankTimestamp = 0;
  let notInInventory = 0;
  const seen = new Set<string>();
  const add = (deviceId: string, inv: InventoryDevice | undefined, objectIdGiven: string | null) => {
    if (seen.has(deviceId)) return;
    seen.add(deviceId);
    const e = evaluate(agg, asOf, deviceId, inv, objectIdGiven);
    if (e.reasons.includes('not-in-inventory')) notInInventory++;
    entries.push(e);
  };

  if (input.planned) {
    for (const p of input.planned) {
      let deviceId = p.id;
      let inv: InventoryDevice | undefined;
      if (p.as !== 'objectId') inv = agg.inventory.get(p.id);
      if (!inv && p.as !== 'deviceId') {
        const viaObject = agg.inventory.deviceOfObject(p.id);
        if (viaObject !== undefined) {
          deviceId = viaObject;
          inv = agg.inventory.get(viaObject);
        }
      }
      if (!inv && p.device) {
        inv = p.device;
        deviceId = p.device.deviceId;
      }
      add(deviceId, inv, p.as === 'objectId' && !inv ? p.id : null);
    }
  } else if (input.staleDays !== undefined) {
    const cutoff = asOf - input.staleDays * DAY;
    for (const d of agg.inventory.values()) {
      if (Number.isNaN(d.lastSignIn)) {
        blankTimestamp++;
        continue;
      }
      if (d.lastSignIn < cutoff) add(d.deviceId, d, null);
    }
  }

  const rank: Record<CleanupRisk, number> = { high: 0, medium: 1, low: 2 };
  entries.sort((a, b) => rank[a.risk] - rank[b.risk] || (b.activeSince ?? '').localeCompare(a.activeSince ?? '') || a.deviceId.localeCompare(b.deviceId));

  const byRisk: Record<CleanupRisk, number> = { high: 0, medium: 0, low: 0 };
  const byReason: Partial<Record<CleanupReason, number>> = {};
  for (const e of entries) {
    byRisk[e.risk]++;
    for (const r of e.reasons) byReason[r] = (byReason[r] ?? 0) + 1;
  }
  const order: string[] = [];
  if (byReason['signs-in'] || byReason['users-failing']) order.push('exclude-active');
  if (byReason['bitlocker-keys']) order.push('back-up-bitlocker-keys');
  if (byReason.autopilot) order.push('clean-up-autopilot-in-intune');
  if (byReason['mdm-managed']) order.push('retire-in-mdm');
  if (byReason.hybrid) order.push('hybrid-on-premises');
  order.push('disable', 'wait', 'delete');

  return {
    entries,
    summary: {
      source: input.planned ? 'planned-deletions' : 'stale-days',
      staleDays: input.planned ? null : (input.staleDays ?? null),
      asOf: isoTime(asOf),
      candidates: entries.length,
      byRisk,
      byReason,
      blankTimestamp,
      notInInventory,
      order,
    },
  };
}

function evaluate(agg: FleetAggregator, asOf: number, deviceId: string, inv: InventoryDevice | undefined, objectIdGiven: string | null): CleanupEntry {
  const reasons = new Set<CleanupReason>();
  const success = agg.lastSuccess.get(deviceId);
  const failing = agg.failures.get(deviceId);
  const recentInventoryActivity = inv && !Number.isNaN(inv.lastSignIn) && inv.lastSignIn >= asOf - ACTIVITY_GRANULARITY_DAYS * DAY;
  if (success !== undefined || recentInventoryActivity) reasons.add('signs-in');
  if (failing) reasons.add('users-failing');
  let joinType: JoinType = inv?.joinType ?? joinTypeFromTrust(failing?.trust) ?? 'unknown';
  if (joinType === 'unknown' && agg.statuses.has(deviceId)) joinType = agg.statuses.get(deviceId)?.joinType ?? 'unknown';
  if (joinType === 'hybrid-joined') reasons.add('hybrid');
  if (inv?.bitlocker === true || agg.bitlocker.has(deviceId)) reasons.add('bitlocker-keys');
  if (inv?.autopilot === true) reasons.add('autopilot');
  if (inv?.managed === true) reasons.add('mdm-managed');
  if (!inv && (agg.inventoryGiven || objectIdGiven !== null)) reasons.add('not-in-inventory');

  const sorted = REASON_ORDER.filter((r) => reasons.has(r));
  const risk: CleanupRisk = reasons.has('signs-in') || reasons.has('users-failing') ? 'high' : sorted.length > 0 ? 'medium' : 'low';
  let action: CleanupAction = 'disable-then-delete';
  if (risk === 'high') action = 'keep';
  else if (reasons.has('autopilot')) action = 'clean-up-in-intune';
  else if (reasons.has('hybrid')) action = 'delete-on-premises';
  else if (reasons.has('mdm-managed')) action = 'retire-in-mdm';
  else if (reasons.has('bitlocker-keys')) action = 'back-up-bitlocker-keys';
  else if (reasons.has('not-in-inventory')) action = 'check-id';

  const approx = inv && !Number.isNaN(inv.lastSignIn) ? inv.lastSignIn : undefined;
  const activeSince = success ?? approx;
  return {
    deviceId,
    objectId: inv?.objectId || objectIdGiven || null,
    displayName: inv?.displayName || failing?.name || null,
    joinType,
    activeSince: activeSince === undefined ? null : isoTime(activeSince),
    activeSource: success !== undefined ? 'signin' : approx !== undefined ? 'inventory' : null,
    lastSuccessfulSignIn: success === undefined ? null : isoTime(success),
    approximateLastSignIn: approx === undefined ? null : isoTime(approx),
    risk,
    reasons: sorted,
    recommendedAction: action,
  };
}
