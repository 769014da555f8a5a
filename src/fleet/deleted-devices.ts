import { affectedPlan } from './aggregate.js';
import type { InventoryDevice } from './records.js';
import type { AffectedDevice } from './types.js';
import { isoTime } from './values.js';

/**
 * Deleted-device lists (Graph beta `directory/deletedItems/microsoft.graph.device`,
 * `Get-EntraDeletedDevice`, `Get-MgDirectoryDeletedItemAsDevice`; shared/docs/domain/07 §5):
 * an affected device found there was soft-deleted. While it can be restored (30 days after the
 * deletion) the first step is to restore the object: nothing on the PC changes. Hybrid joined
 * devices are never soft-deleted, so a hybrid entry is not offered a restore.
 */

const DAY = 86_400_000;
export const RESTORE_DAYS = 30;
export const RESTORE_STEP = 'restore-device-object';

/** The affected devices with what the deleted lists say, restorable ones first by days left. */
export function withDeletedDevices(affected: AffectedDevice[], deleted: Map<string, InventoryDevice>, asOf: number): AffectedDevice[] {
  if (deleted.size === 0) return affected;
  for (const a of affected) {
    const d = deleted.get(a.deviceId);
    if (!d || d.deletedAt === undefined || a.inventoryState === 'present' || a.inventoryState === 'disabled') continue;
    const until = d.deletedAt + RESTORE_DAYS * DAY;
    a.deletedAt = isoTime(d.deletedAt);
    a.restorableUntil = isoTime(until);
    a.objectId = a.objectId || d.objectId || null;
    a.displayName = a.displayName || d.displayName || null;
    if (a.joinType === 'unknown' && d.joinType) a.joinType = d.joinType;
    const hybrid = a.joinType === 'hybrid-joined';
    if (until > asOf && !hybrid) {
      a.inventoryState = 'soft-deleted';
      a.cause = 'deleted';
      a.firstStep = RESTORE_STEP;
      a.plan = { ...a.plan, restorable: true };
    }
    // the join type may have come from the list, the restore first: the plan the record carries follows
    a.plan = { ...a.plan, steps: affectedPlan(a).steps.map((s) => s.id) };
  }
  const daysLeft = (a: AffectedDevice) => (a.inventoryState === 'soft-deleted' && a.restorableUntil ? Date.parse(a.restorableUntil) : Number.POSITIVE_INFINITY);
  // a stable sort: the others keep their order
  return affected
    .map((a, i) => ({ a, i }))
    .sort((x, y) => daysLeft(x.a) - daysLeft(y.a) || x.i - y.i)
    .map((x) => x.a);
}

/** The soft-deleted devices that can still be restored (for the restore script). */
export function restorableDevices(affected: AffectedDevice[]): AffectedDevice[] {
  return affected.filter((a) => a.inventoryState === 'soft-deleted' && a.firstStep === RESTORE_STEP && a.objectId !== null);
}
