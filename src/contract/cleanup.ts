import type { SCHEMA_VERSIONS } from './document.js';
import type { JoinType } from './joins.js';

/**
 * The staged stale-device cleanup: the document of `cleanup --format json` (docs/contract.md).
 * It has no `tool` stamp (it is also the state file stage 2 and 3 read back).
 */

/** Why a device is not on a disable or delete list. Stable ids (JSON), in the order reports list them. */
export const HOLD_REASONS = [
  'active',
  'blank-activity',
  'autopilot',
  'hybrid',
  'mdm-managed',
  'bitlocker-not-backed-up',
  'printer',
  'no-object-id',
  'enabled-again',
  'reenable',
  'not-in-inventory',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Notes about the inputs that limit what the plan can prove. Stable ids (JSON). */
export type CleanupWarning = 'no-signins' | 'no-bitlocker-list' | 'no-autopilot-list' | 'no-stage1-list' | 'grace-not-over' | 'signins-before-stage1';

export interface CleanupDevice {
  deviceId: string;
  objectId: string | null;
  displayName: string | null;
  joinType: JoinType;
  os: string | null;
  enabled: boolean | null;
  /** The newest of the activity timestamp and the last sign-in (success or device error) in the logs. */
  lastActivity: string | null;
  activitySource: 'inventory' | 'signin' | null;
  /** Whole days between lastActivity and asOf; null when blank. */
  activityAgeDays: number | null;
  /** Empty on a disable / delete list. */
  reasons: HoldReason[];
  /** Stage 2/3: the device errors seen since stage 1 (AADSTS codes) and the last one. */
  errorsSinceStage1: string[];
  lastErrorSinceStage1: string | null;
  /** Stage 3, delete list: until when the deleted object can be restored (null: hard delete). */
  restorableUntil: string | null;
}

export interface ActivityBucket {
  /** Inclusive lower bound in days; `null` for blank timestamps. */
  fromDays: number | null;
  /** Exclusive upper bound; null = open. */
  toDays: number | null;
  count: number;
}

export interface StagedCleanup {
  schemaVersion: typeof SCHEMA_VERSIONS.cleanup;
  kind: 'staged-cleanup';
  asOf: string;
  stage: 1 | 2 | 3;
  staleDays: number;
  graceDays: number;
  sinceStage1: string | null;
  /** Stage 2/3: when the grace period ends (deletion allowed from then). */
  graceEndsAt: string | null;
  warnings: CleanupWarning[];
  /** Inventory devices inactive for at least staleDays (or blank), before any hold-back. */
  candidates: number;
  byReason: Partial<Record<HoldReason, number>>;
  heldBack: CleanupDevice[];
  /** Stage 1. */
  disable: CleanupDevice[];
  /** Stage 2 and 3: stage-1 devices that showed 135011 / 50155 (or any device use) since they were disabled. */
  reEnable: CleanupDevice[];
  /** Stage 2: what stage 3 would delete if run today (after the grace period). */
  pendingDelete: CleanupDevice[];
  /** Stage 3. */
  delete: CleanupDevice[];
  /** Devices on each list that the logs show in use (sign-in or device error): must be empty for disable and delete. */
  wouldBreak: { disable: string[]; delete: string[] };
  activityAge: ActivityBucket[];
}
