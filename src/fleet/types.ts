import { DEVICE_CAUSES } from '../contract/codes.js';
import type { Cause } from '../contract/fleet.js';
import { SIGN_IN_DEVICE_ERRORS } from '../knowledge/meanings.js';

/**
 * The fleet report: the public JSON contract of `dsreg-doctor fleet --format json`
 * (docs/contract.md), plus the extra fields the renderers use.
 */

/**
 * Sign-in errors that make a device "affected" (docs/product.md), as AADSTS numbers, most
 * telling first: the rows of the table of code meanings (src/knowledge/meanings.ts) fleet counts.
 */
export const DEVICE_ERROR_CODES: readonly number[] = SIGN_IN_DEVICE_ERRORS;

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

/** Why a device fails, most serious first (the contract's list, src/contract/codes.ts). */
export const CAUSES: readonly Cause[] = DEVICE_CAUSES;
