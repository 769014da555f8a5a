import type { Cause } from '../contract/fleet.js';

/**
 * The fleet report: the public JSON contract of `dsreg-doctor fleet --format json`
 * (docs/contract.md), plus the extra fields the renderers use.
 */

/** Sign-in errors that make a device "affected" (docs/product.md), as AADSTS numbers, most telling first. */
export const DEVICE_ERROR_CODES = [700003, 135011, 50155, 50097, 50187, 53000, 53001, 130008] as const;

export type {
  Cause,
  JoinTypeSource,
  InventoryState,
  AffectedDevice,
  AffectedPlan,
  CleanupReason,
  CleanupRisk,
  CleanupAction,
  CleanupEntry,
  CleanupSummary,
  RowCounts,
  InputProblem,
  InputReport,
  FleetSummary,
  FleetReport,
} from '../contract/fleet.js';

export const CAUSES: readonly Cause[] = ['deleted', 'disabled', 'device-auth-failed', 'device-not-identified', 'not-compliant', 'not-hybrid-joined'];
