import { readSideList } from '../cleanup/lists.js';
import { cleanupToCsv } from '../cleanup/render.js';
import { planCleanup, type StagedCleanup } from '../cleanup/staged.js';
import { type AffectedDevice, analyzeFleet, type FleetAggregator, type FleetInput, memorySource } from '../fleet/fleet.js';
import { type CleanupExports, exportsNow, signInsCsv } from './cleanup-exports.js';
import { CLEANUP_START, type CleanupPc, type CleanupSignIn, CleanupTenant } from './cleanup-tenant.js';
import { DAY } from './time.js';

/**
 * The cleanup scenario (#17): one tenant, two ways to clean it up. The staged cleanup runs the real
 * `cleanup` planner on the day's exports (stage 1 disable; a weekly stage 2 that re-enables what the
 * logs show in use; stage 3 deletes what is still disabled and inactive) and no user meets
 * AADSTS700003. The same tenant, from the same day, with "delete every device inactive for 90
 * days" done in one step: the users of PCs still in use meet AADSTS700003, and the real `fleet`
 * over the sign-in log finds exactly those PCs.
 */

export const CLEANUP_SCENARIO_ID = 'cleanup-staged-vs-one-step';
export const STALE_DAYS = 90;
export const GRACE_DAYS = 30;
/** Stage 2 is run once a week during the grace period. */
const WATCH_EVERY_DAYS = 7;
/** How long the lab keeps watching the users after the last change. */
const AFTER_DAYS = 30;

export interface StageRun {
  stage: 1 | 2 | 3;
  at: number;
  plan: StagedCleanup;
  /** What the admin did with the plan: the device ids changed. */
  applied: string[];
}

export interface UserFailure {
  at: number;
  upn: string;
  device: string;
  deviceId: string;
  code: string;
}

export interface StagedTimeline {
  stages: StageRun[];
  /** Every failed sign-in after stage 1 (135011 while disabled; 700003 must never appear). */
  failures: UserFailure[];
  /** `fleet` over the whole sign-in log and the final inventory: devices with AADSTS700003. */
  fleet700003: string[];
}

export interface OneStepTimeline {
  at: number;
  deleted: string[];
  failures: UserFailure[];
  /** `fleet` over the sign-in log the admin downloads afterwards. */
  fleetAffected: AffectedDevice[];
  fleet700003: string[];
  fleetAsOf: number;
}

export interface CleanupScenarioRun {
  pcs: readonly CleanupPc[];
  start: number;
  staged: StagedTimeline;
  oneStep: OneStepTimeline;
}

/** Both timelines from the same tenant on the same day. */
export async function runCleanupScenario(): Promise<CleanupScenarioRun> {
  const world = CleanupTenant.create();
  world.runDays(world.day() * -1);
  const oneStepWorld = world.clone();
  const staged = await runStaged(world);
  const oneStep = await runOneStep(oneStepWorld);
  return { pcs: world.pcs, start: CLEANUP_START, staged, oneStep };
}

/** What the admin runs on the day: the real readers and the real planner, on today's downloads. */
export async function planStage(world: CleanupTenant, stage: 1 | 2 | 3, stage1Ids?: string[]): Promise<StagedCleanup> {
  const files = exportsNow(world);
  const agg = await aggregate(files, world.now);
  const autopilot = readSideList('AutopilotDevices.csv', files.autopilot, 'autopilot');
  const backup = readSideList('bitlocker-keys.json', files.bitlockerKeys, 'bitlocker-backup');
  return planCleanup({
    agg,
    asOf: world.now,
    stage,
    staleDays: STALE_DAYS,
    graceDays: GRACE_DAYS,
    ...(stage === 1 ? {} : { sinceStage1: CLEANUP_START }),
    ...(stage1Ids ? { stage1Ids } : {}),
    autopilot: new Set(autopilot.ids),
    autopilotGiven: true,
    bitlockerBackedUp: new Set(backup.ids),
  });
}

async function aggregate(files: CleanupExports, asOf: number): Promise<FleetAggregator> {
  let agg: FleetAggregator | undefined;
  const inputs: FleetInput[] = [
    { source: memorySource('InteractiveSignIns.csv', files.signIns), as: 'signins' },
    { source: memorySource('exportDevice.csv', files.devices), as: 'devices' },
    { source: memorySource('bitlocker-keys.json', files.bitlockerKeys), as: 'auto' },
  ];
  await analyzeFleet({ inputs, asOf: new Date(asOf), parallel: { workers: 0 }, onAggregate: (a) => (agg = a) });
  return agg as FleetAggregator;
}

async function runStaged(world: CleanupTenant): Promise<StagedTimeline> {
  const stages: StageRun[] = [];
  const stage1 = await planStage(world, 1);
  const disable = stage1.disable.map((d) => d.deviceId);
  world.setEnabled(disable, false);
  stages.push({ stage: 1, at: world.now, plan: stage1, applied: disable });
  // the list stage 1 wrote (stage1-disable.csv) is what later stages are given
  const stage1Ids = readSideList('stage1-disable.csv', cleanupToCsv(stage1, 'disable'), 'id-list').ids;
  for (let day = WATCH_EVERY_DAYS; day < GRACE_DAYS; day += WATCH_EVERY_DAYS) {
    world.runDays(WATCH_EVERY_DAYS);
    const watch = await planStage(world, 2, stage1Ids);
    const reEnable = watch.reEnable.map((d) => d.deviceId);
    world.setEnabled(reEnable, true);
    stages.push({ stage: 2, at: world.now, plan: watch, applied: reEnable });
  }
  world.runDays(GRACE_DAYS - world.day());
  const stage3 = await planStage(world, 3, stage1Ids);
  const reEnable = stage3.reEnable.map((d) => d.deviceId);
  world.setEnabled(reEnable, true);
  const del = stage3.delete.map((d) => d.deviceId);
  world.delete(del);
  stages.push({ stage: 3, at: world.now, plan: stage3, applied: del });
  world.runDays(AFTER_DAYS);
  const failures = failuresSince(world.signIns, CLEANUP_START);
  // the admin's long-term copy of the log (Log Analytics keeps more than 30 days)
  const whole = signInsCsv(world.signIns, 0, world.now, world.tenant.id);
  const report = await fleetOver({ ...exportsNow(world), signIns: whole }, world.now);
  return { stages, failures, fleet700003: with700003(report) };
}

/** "Delete every device inactive for 90 days", by approximateLastSignInDateTime, in one go. */
async function runOneStep(world: CleanupTenant): Promise<OneStepTimeline> {
  const at = world.now;
  const cutoff = at - STALE_DAYS * DAY;
  const deleted = world.pcs.filter((pc) => world.object(pc) !== undefined && pc.activityStamp < cutoff).map((pc) => pc.deviceId);
  world.delete(deleted);
  world.runDays(AFTER_DAYS + 5);
  const fleetAffected = await fleetOver(exportsNow(world), world.now);
  return { at, deleted, failures: failuresSince(world.signIns, at), fleetAffected, fleet700003: with700003(fleetAffected), fleetAsOf: world.now };
}

async function fleetOver(files: CleanupExports, asOf: number): Promise<AffectedDevice[]> {
  const inputs: FleetInput[] = [
    { source: memorySource('InteractiveSignIns.csv', files.signIns), as: 'auto' },
    { source: memorySource('exportDevice.csv', files.devices), as: 'auto' },
  ];
  const report = await analyzeFleet({ inputs, asOf: new Date(asOf), parallel: { workers: 0 } });
  return report.affected;
}

function with700003(affected: AffectedDevice[]): string[] {
  return affected
    .filter((d) => d.errorCodes.some((c) => c.endsWith('700003')))
    .map((d) => d.deviceId)
    .sort();
}

function failuresSince(signIns: readonly CleanupSignIn[], from: number): UserFailure[] {
  return signIns
    .filter((s) => s.at >= from && s.code !== null)
    .map((s) => ({ at: s.at, upn: s.pc.user.upn, device: s.pc.name, deviceId: s.pc.deviceId, code: s.code as string }));
}
