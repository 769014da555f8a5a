import type { DeviceCause } from './codes.js';
import { SCHEMA_VERSIONS, type ToolStamp, toolStamp } from './document.js';
import type { JoinType } from './joins.js';

/**
 * The fleet report: the document of `fleet --format json` and of the fleet page's API
 * (docs/contract.md), plus the fields the renderers use.
 */

/** The audit event that deleted or disabled a device. */
export type AuditAction = 'delete' | 'disable';

/** What kind of file an input is, and in which layout it was recognised. */
export type InputKind = 'signins' | 'devices' | 'audit' | 'bitlocker-keys' | 'intune-devices';

/** The layout an input was recognised in (stable ids). */
export type InputFormat =
  | 'entra-signins-csv'
  | 'log-analytics-signins-csv'
  | 'signins-csv'
  | 'graph-signins-json'
  | 'azure-monitor-signins-json'
  | 'log-analytics-signins-json'
  | 'entra-devices-csv'
  | 'graph-devices-csv'
  | 'graph-devices-json'
  | 'azuread-devices-csv'
  | 'intune-devices-csv'
  | 'entra-audit-csv'
  | 'log-analytics-audit-csv'
  | 'graph-audit-json'
  | 'azure-monitor-audit-json'
  | 'bitlocker-keys-json'
  | 'bitlocker-keys-csv'
  | 'deleted-devices-json'
  | 'deleted-devices-csv'
  | 'id-list';

export type Cause = DeviceCause;

/** Where the join type came from: a collected status, the Entra inventory, a failing sign-in's device detail, the delete/disable audit event's `DeviceTrustType`, Intune's export. */
export type JoinTypeSource = 'signin' | 'inventory' | 'status' | 'audit' | 'intune' | 'unknown';
export type InventoryState = 'present' | 'disabled' | 'missing' | 'unknown' | 'soft-deleted';

export interface AffectedDevice {
  deviceId: string;
  displayName: string | null;
  /** Directory object id (Graph `id`) when the inventory or the audit log shows it. */
  objectId: string | null;
  os: string | null;
  joinType: JoinType;
  joinTypeSource: JoinTypeSource;
  inventoryState: InventoryState;
  cause: Cause;
  errorCodes: string[];
  failuresByCode: Record<string, number>;
  failureCount: number;
  /** Up to 50 users, most failures first; `userCount` counts the distinct users (up to 1,000). */
  users: string[];
  userCount: number;
  apps: string[];
  firstFailure: string;
  lastFailure: string;
  /** Last successful sign-in in the logs (any time in the window). */
  lastSuccess: string | null;
  /** A successful sign-in came after the last failure. */
  recovered: boolean;
  deletedBy: string | null;
  deletedAt: string | null;
  /** What the audit event was, and how it was matched to this device. */
  auditAction: AuditAction | null;
  auditMatch: 'deviceId' | 'objectId' | 'name' | null;
  firstStep: string | null;
  /** The device's plan as the fleet analysis made it (src/fleet/aggregate.ts `affectedPlan` rebuilds its steps). */
  plan: AffectedPlan;
  /** In a deleted-devices list: until when the object can be restored (30 days after deletedAt). Absent otherwise. */
  restorableUntil?: string;
  /** The collected dsregcmd /status that matched this device. */
  statusFile: string | null;
}

/**
 * What an affected device's plan is for, and its steps: the device's codes plus what the
 * inventory implies (135011 for a disabled object, 700003 for a missing one behind 50155), the
 * retire-in-MDM step for a device the inventory shows managed, the restore first for a device a
 * deleted-devices list shows restorable. `steps` are the step ids in order.
 */
export interface AffectedPlan {
  codes: string[];
  mdm: boolean;
  restorable: boolean;
  steps: string[];
}

export type CleanupReason = 'signs-in' | 'users-failing' | 'hybrid' | 'bitlocker-keys' | 'autopilot' | 'mdm-managed' | 'not-in-inventory';
export type CleanupRisk = 'high' | 'medium' | 'low';
export type CleanupAction =
  | 'keep'
  | 'delete-on-premises'
  | 'clean-up-in-intune'
  | 'back-up-bitlocker-keys'
  | 'retire-in-mdm'
  | 'check-id'
  | 'disable-then-delete';

export interface CleanupEntry {
  deviceId: string;
  objectId: string | null;
  displayName: string | null;
  joinType: JoinType;
  /** Last time the device was seen active: its last successful sign-in, else the inventory's activity timestamp. */
  activeSince: string | null;
  activeSource: 'signin' | 'inventory' | null;
  lastSuccessfulSignIn: string | null;
  approximateLastSignIn: string | null;
  /** The worst of `reasons`: high = deleting breaks sign-ins now. */
  risk: CleanupRisk;
  reasons: CleanupReason[];
  recommendedAction: CleanupAction;
}

export interface CleanupSummary {
  source: 'planned-deletions' | 'stale-days';
  staleDays: number | null;
  asOf: string;
  candidates: number;
  byRisk: Record<CleanupRisk, number>;
  byReason: Partial<Record<CleanupReason, number>>;
  /** --stale-days: devices left out because their activity timestamp is blank. */
  blankTimestamp: number;
  /** Planned ids that matched nothing in the inventory. */
  notInInventory: number;
  /** The order to clean up in: disable, wait, delete (07 §4). */
  order: string[];
}

export interface RowCounts {
  read: number;
  used: number;
  skipped: number;
  skippedByReason: Record<string, number>;
}

export interface InputProblem {
  /** 1-based line of the row (0: the whole file). */
  line: number;
  reason: string;
  /** For a folder input (statuses): the file. */
  file?: string;
}

export interface InputReport {
  name: string;
  kind: InputKind | 'planned-deletions' | 'statuses' | null;
  format: InputFormat | 'dsregcmd-status' | null;
  encoding: string | null;
  rows: RowCounts;
  unknownColumns: string[];
  /** Why the whole file could not be read (stable id), or null. */
  error: string | null;
  errorDetail: string | null;
  /** The first problems, with line numbers (all are counted in `rows`). */
  problems: InputProblem[];
  /** The option the file was given with, when its content says it is something else. */
  givenAs: string | null;
}

export interface FleetSummary {
  devicesAffected: number;
  devicesRecovered: number;
  byJoinType: Record<string, number>;
  byErrorCode: Record<string, number>;
  byCause: Record<string, number>;
  byInventoryState: Record<string, number>;
  /** Device-error failures per UTC day (all rows, attributed to a device or not). */
  failuresByDay: { day: string; count: number; byCode: Record<string, number> }[];
  topDeletionActors: { actor: string; actorType: string; deletes: number; disables: number; affectedDevices: number }[];
  /** Device-error failures whose sign-in carried no device id (53000/53001 from unregistered devices…). */
  failuresWithoutDevice: Record<string, number>;
  signIns: { rows: number; successes: number; failures: number; deviceErrorFailures: number; devicesSeen: number; first: string | null; last: string | null };
  inventory: { devices: number; enabled: number; disabled: number; byJoinType: Record<string, number> } | null;
  audit: { deletes: number; disables: number; matched: number } | null;
  statuses: { files: number; matched: number } | null;
}

export interface FleetReport {
  schemaVersion: typeof SCHEMA_VERSIONS.fleet;
  tool: ToolStamp;
  asOf: string;
  inputs: InputReport[];
  affected: AffectedDevice[];
  cleanupImpact: CleanupEntry[];
  cleanup: CleanupSummary | null;
  summary: FleetSummary;
  rows: RowCounts;
}

/** Everything in the report after `schemaVersion` and `tool`, in this order. */
export type FleetBody = Omit<FleetReport, 'schemaVersion' | 'tool'>;

export function fleetDocument(body: FleetBody, version: string): FleetReport {
  return { schemaVersion: SCHEMA_VERSIONS.fleet, tool: toolStamp(version), ...body };
}
