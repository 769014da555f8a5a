import { type Diagnosis, diagnose } from '../diagnose/diagnose.js';
import type { DiagnoseOptions, Severity } from '../diagnose/types.js';
import type { MessageKey, Params } from '../i18n/format.js';
import { JOIN_CHANGING_STEPS, type PlanBranch, type PlanStep, type StepId } from '../plan/plan.js';
import { readStatusText } from '../read/parse.js';
import { checkDevice, findDevice, serverMessage } from './identity.js';
import type { ActionResult, AppResult, LabEvent } from './model.js';
import { type RunContext, renderStatus } from './render.js';
import { breakDevice, buildHealthyWorld, isHybridLike, mondayMorning, type Scenario, setUpDeletedItems, waitForTicket } from './scenarios.js';
import type { LabKey, LabWorld } from './world.js';

/** What dsreg-doctor said about one status output (kept small: no parsed report). */
export interface HelpdeskView {
  options: { error: string | null; mdm: boolean; autoRegistrationDisabled: boolean };
  joinType: string;
  branch: PlanBranch;
  errorCodes: string[];
  findings: { id: string; severity: Severity; title: MessageKey; params: Params }[];
  steps: PlanStep[];
  exitCode: 0 | 1;
}

export type StepOutcome = 'done' | 'skipped' | 'done-after-retire' | 'blocked' | 'reached';

/** One point of the story: what happened, what the user sees, the status, what dsreg-doctor says. */
export interface LabStep {
  n: number;
  at: number;
  phase: 'healthy' | 'break' | 'symptom' | 'plan-step' | 'check-point';
  title: { key: LabKey; params: Params };
  events: LabEvent[];
  apps: AppResult[] | null;
  /** `user`: what the helpdesk got (the user's own run, or as SYSTEM when `takenAs` says so). */
  status: { user: string; elevated: string | null; takenAs?: 'system' };
  diagnosis: HelpdeskView | null;
  planStep: { id: StepId; index: number; outcome: StepOutcome; note: { key: LabKey; params: Params } | null } | null;
}

export interface LabFailure {
  /** The plan step at which the scenario failed, or the phase of the run. */
  step: StepId | 'baseline' | 'break' | 'final-check';
  reason: { key: LabKey; params: Params };
  /** The simulated state at that point, as `key=value` pairs (field names as dsregcmd prints them). */
  state: string;
}

export interface ScenarioRun {
  scenario: Scenario;
  steps: LabStep[];
  /** The plan diagnose gave for the broken device. */
  initial: HelpdeskView | null;
  healed: boolean;
  /** The plan step after which the device was healthy again. */
  healedAfter: StepId | null;
  failure: LabFailure | null;
  /** First, do no harm: every plan step carried out, and those that changed a registration that was not failing. */
  harm: HarmCheck;
}

/** The no-harm check of one run (#11): the registration each applied step changed was the failing one. */
export interface HarmCheck {
  /** Plan steps carried out in the simulation. */
  applied: number;
  /** `step: registration (device ID)` for each step that removed or replaced a registration that was not failing. */
  violations: string[];
}

export interface RunOptions {
  /** Keep the elevated rendering and a diagnosis at every point (for `lab run` / `lab render`). */
  story?: boolean;
}

/** What "healed" means: the article's goal state for this device. */
export interface Health {
  joinOk: boolean;
  prt: boolean;
  deviceAuthStatus: string | null;
  apps: AppResult[];
  healed: boolean;
}

export function health(world: LabWorld, s: Scenario, apps: AppResult[]): Health {
  const join = world.device.join;
  const wpj = world.user.wpj;
  let joinOk: boolean;
  let prt: boolean;
  if (s.join === 'registered') {
    joinOk = wpj !== null && join === null;
    // the work account's PRT lives in WAM: it is good while its device object is
    prt = wpj !== null && checkDevice(world.tenant, wpj.deviceId) === 'ok';
  } else {
    joinOk = join?.kind === (isHybridLike(s.join) ? 'hybrid' : 'entra');
    prt = world.prtValid();
  }
  const deviceAuthStatus = s.join === 'registered' ? null : world.deviceAuthStatus();
  // a partner tenant's work account is needed: it must be connected again and working
  const partnerOk = !s.partnerAccount || (wpj !== null && checkDevice(world.tenantOf(wpj), wpj.deviceId) === 'ok');
  // working app sign-ins: signed in with the device's single sign-on, not a password prompt
  const healed = joinOk && prt && partnerOk && (deviceAuthStatus === null || deviceAuthStatus === 'SUCCESS') && apps.every((a) => a.ok && a.sso);
  return { joinOk, prt, deviceAuthStatus, apps, healed };
}

/** The simulated state in one line, for failure reports. */
export function describeState(world: LabWorld, apps: AppResult[] | null): string {
  const d = world.device;
  const u = world.user;
  const object = (id: string | null | undefined) => (id ? `${id}:${checkDevice(world.tenant, id)}` : '-');
  const computer = world.computer();
  const parts = [
    `AzureAdJoined=${d.join ? 'YES' : 'NO'}`,
    `DomainJoined=${d.domain ? 'YES' : 'NO'}`,
    `WorkplaceJoined=${u.wpj ? 'YES' : 'NO'}`,
    `join=${d.join ? `${d.join.kind}(${object(d.join.deviceId)})` : '-'}`,
    `workAccount=${u.wpj ? object(u.wpj.deviceId) : '-'}`,
    `AzureAdPrt=${world.hasPrt() ? 'YES' : 'NO'}`,
    `prtValid=${world.prtValid() ? 'yes' : 'no'}`,
    `lastPrtError=${u.prtFailure?.code ?? '-'}`,
    `DeviceAuthStatus=${world.deviceAuthStatus() ?? '-'}`,
    `apps=[${(apps ?? []).map((a) => `${a.app}:${a.code ?? 'ok'}`).join(' ')}]`,
    `mdm=${d.mdmEnrollment ? 'enrolled' : 'none'}`,
    `autoRegistration=${world.tenant.policies.autoHybridRegistration ? 'on' : 'off'}`,
    `ouInScope=${computer ? (world.sync.scope.includes(computer.ou) ? 'yes' : 'no') : '-'}`,
    `pendingHybrid=${d.pendingHybrid ? object(d.pendingHybrid.deviceId) : '-'}`,
    `aadStorageKey=${u.aadStorageKey ? `${u.aadStorageKey.leftover ? 'leftover' : 'current'}(${u.aadStorageKey.deviceId})` : '-'}`,
  ];
  return parts.join(' ');
}

const REREGISTRATION: readonly StepId[] = ['forcerecovery', 'leave-and-reboot', 'disconnect-work-account', 'reconnect-work-account', 'clear-aad-storage-key'];

/** Steps that rebuild the registration: never for a device that is only disabled. */
export function isReregistration(id: StepId): boolean {
  return REREGISTRATION.includes(id);
}

/** What the helpdesk has besides the status output. */
export interface HelpdeskEvidence {
  /** The error page's Troubleshooting details (its Device identifier). */
  errorDetails?: boolean;
  /** An error page the helpdesk was given from elsewhere (another device), instead of the user's app. */
  reported?: { error: string; deviceId: string };
}

/** The helpdesk's view: diagnose the status as the user saw it, with what the admin knows. */
export function helpdeskDiagnose(
  world: LabWorld,
  s: Scenario,
  text: string,
  apps: AppResult[] | null,
  name: string,
  evidence: HelpdeskEvidence = {},
): { diagnosis: Diagnosis; view: HelpdeskView } {
  const failing = apps?.find((a) => !a.ok);
  const options: DiagnoseOptions = { now: new Date(world.now) };
  if (evidence.reported) {
    options.error = evidence.reported.error;
    options.deviceId = evidence.reported.deviceId;
  } else if (failing?.message && s.helpdeskHasError) {
    options.error = failing.message;
    // the error page's Troubleshooting details name the device identifier the app presented
    if (evidence.errorDetails && failing.presentedDeviceId) options.deviceId = failing.presentedDeviceId;
  }
  // the admin knows about Intune only from the console / a collection bundle, and only while enrolled
  const mdm = s.mdm === 'known' && world.device.mdmEnrollment !== null;
  if (mdm) options.mdm = true;
  const autoOff = s.policy === 'off-known' && !world.tenant.policies.autoHybridRegistration;
  if (autoOff) options.autoRegistrationDisabled = true;
  const diagnosis = diagnose(readStatusText(text, { name }), options);
  return {
    diagnosis,
    view: {
      options: { error: options.error ?? null, mdm, autoRegistrationDisabled: autoOff },
      joinType: diagnosis.status.joinType,
      branch: diagnosis.plan.branch,
      errorCodes: diagnosis.errorCodes,
      findings: diagnosis.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title, params: f.params })),
      steps: diagnosis.plan.steps,
      exitCode: diagnosis.exitCode,
    },
  };
}

class Recorder {
  readonly steps: LabStep[] = [];
  private logIndex = 0;
  /** How the helpdesk's output is taken (SYSTEM until they ask for the user's own run). */
  context: RunContext = 'user';
  /** What the helpdesk has besides the output. */
  evidence: HelpdeskEvidence = {};

  constructor(
    private world: LabWorld,
    private scenario: Scenario,
    private story: boolean,
  ) {}

  snapshot(
    phase: LabStep['phase'],
    key: LabKey,
    params: Params,
    extra: { apps?: AppResult[] | null; diagnose?: boolean; planStep?: LabStep['planStep'] } = {},
  ): LabStep {
    const n = this.steps.length;
    const events = this.world.log.slice(this.logIndex);
    this.logIndex = this.world.log.length;
    const user = renderStatus(this.world, this.context).text;
    const apps = extra.apps ?? null;
    const diagnosis =
      extra.diagnose || (this.story && phase !== 'break')
        ? helpdeskDiagnose(this.world, this.scenario, user, apps, `${this.scenario.id}#${n}`, this.evidence).view
        : null;
    const step: LabStep = {
      n,
      at: this.world.now,
      phase,
      title: { key, params },
      events,
      apps,
      status: {
        user,
        elevated: this.story ? renderStatus(this.world, 'elevated').text : null,
        ...(this.context === 'system' ? { takenAs: 'system' as const } : {}),
      },
      diagnosis,
      planStep: extra.planStep ?? null,
    };
    this.steps.push(step);
    return step;
  }
}

/**
 * Run one scenario: set the PC up healthy, break it, render its status, run the real diagnose on
 * the rendered text, then carry out the plan's steps in order in the simulation (the human steps
 * too), re-rendering and re-diagnosing after each as a helpdesk would, and stop when healed.
 */
export function runScenario(s: Scenario, options: RunOptions = {}): ScenarioRun {
  const world = buildHealthyWorld(s);
  const run: LabRun = { world, s, rec: new Recorder(world, s, options.story === true), harm: { applied: 0, violations: [] }, apps: world.tryApps() };
  const ending = runToTheEnd(run);
  return {
    scenario: s,
    steps: run.rec.steps,
    initial: ending.initial,
    healed: ending.failure === null,
    healedAfter: ending.healedAfter,
    failure: ending.failure,
    harm: run.harm,
  };
}

/** One scenario's run in progress: the world, the story so far, the no-harm check, the apps as last tried. */
interface LabRun {
  world: LabWorld;
  s: Scenario;
  rec: Recorder;
  harm: HarmCheck;
  apps: AppResult[];
}

/** How a run ended: the failure (null: healed), the step that healed it, the plan diagnose gave. */
interface Ending {
  failure: LabFailure | null;
  healedAfter: StepId | null;
  initial: HelpdeskView | null;
}

function runToTheEnd(run: LabRun): Ending {
  const stopped = (failure: LabFailure, initial: HelpdeskView | null = null): Ending => ({ failure, healedAfter: null, initial });
  const baseline = healthyBaseline(run);
  if (baseline) return stopped(baseline);
  const notBroken = breakThePc(run);
  if (notBroken) return stopped(notBroken);
  const initial = symptomView(run);
  const walk = followPlan(run, initial);
  if (walk.failure) return stopped(walk.failure, initial);
  return finalCheck(run, initial, walk);
}

/** The failure at this point of the run, with the simulated state as it is now. */
function fail(run: LabRun, step: LabFailure['step'], key: LabKey, params: Params): LabFailure {
  return { step, reason: { key, params }, state: describeState(run.world, run.apps) };
}

/** 0. healthy: the PC works and diagnose finds nothing; no plan may touch a healthy registration. */
function healthyBaseline(run: LabRun): LabFailure | null {
  const { world, s, rec } = run;
  const healthy = rec.snapshot('healthy', 'lab.point.healthy', {}, { apps: run.apps, diagnose: true });
  if (!health(world, s, run.apps).healed || healthy.diagnosis?.exitCode !== 0)
    return fail(run, 'baseline', 'lab.fail.baseline', { findings: errorFindings(healthy.diagnosis) });
  // first, do no harm: this PC is healthy while a 700003 comes from somewhere else (another
  // device, an earlier moment): no plan may touch a registration the output shows healthy
  const touched = touchesHealthyRegistration(world);
  if (touched) return fail(run, 'baseline', 'lab.fail.touchedHealthy', { detail: touched });
  return null;
}

/** 1. the loss, and the weekend (or, for another device's error, nothing on this PC). */
function breakThePc(run: LabRun): LabFailure | null {
  const { world, s, rec } = run;
  setUpDeletedItems(world, s);
  rec.context = s.outputAs ?? 'user';
  if (s.errorDetails) rec.evidence.errorDetails = true;
  if (s.otherDevice) rec.evidence.reported = { error: serverMessage(world.tenant, 'AADSTS700003'), deviceId: OTHER_DEVICE_ID };
  else {
    breakDevice(world, s);
    rec.snapshot('break', `lab.point.loss.${s.loss}` as LabKey, { actor: s.lostBy });
    mondayMorning(world, s);
    waitForTicket(world, s);
  }
  run.apps = world.tryApps();
  if (!s.otherDevice && health(world, s, run.apps).healed) return fail(run, 'break', 'lab.fail.notBroken', {});
  return null;
}

/** What the user sees on Monday, and the diagnosis of the status the helpdesk gets. */
function symptomView(run: LabRun): HelpdeskView {
  const symptom = run.rec.snapshot('symptom', `lab.point.symptom.${run.s.morning}` as LabKey, {}, { apps: run.apps, diagnose: true });
  if (!symptom.diagnosis) throw new Error('the symptom snapshot always diagnoses');
  return symptom.diagnosis;
}

/** The plan as it grows (evidence steps add the new diagnosis's steps), and where it stopped. */
interface PlanWalk {
  queue: PlanStep[];
  taken: Set<StepId>;
  healedAfter: StepId | null;
  lastStep: StepId | null;
  failure: LabFailure | null;
}

/**
 * 2. the plan, step by step; evidence steps (the user's own run, the error page's details)
 * lead to a new diagnosis whose plan is followed next.
 */
function followPlan(run: LabRun, initial: HelpdeskView): PlanWalk {
  const { world, s, rec } = run;
  const plan = initial.steps;
  const walk: PlanWalk = { queue: [...plan], taken: new Set<StepId>(), healedAfter: null, lastStep: null, failure: null };
  const misplacedRestore = restoreProblem(s, plan);
  if (misplacedRestore) {
    walk.failure = fail(run, 'restore-device-object', misplacedRestore, {});
    return walk;
  }
  const ctx: StepContext = { world, s, plan, knowsMdm: namesMdmBlock(plan), rec, confirmed: null, view: initial, triedUnelevated: false };
  const failing = failingRegistrations(world);
  for (let index = 0; index < walk.queue.length; index++) {
    const step = walk.queue[index] as PlanStep;
    if (!s.otherDevice && health(world, s, run.apps).healed) break;
    if (!takeStep(run, ctx, walk, { step, index, failing })) break;
  }
  return walk;
}

/** The plan names the MDM block: a retire step, or the caveat on its remedies. */
function namesMdmBlock(plan: PlanStep[]): boolean {
  return plan.some(
    (p) => p.id === 'retire-in-mdm' || p.caveats.some((c) => c === 'caveat.mdm-may-block' || c === 'caveat.mdm-if-enrolled' || c === 'caveat.mdm-fallback'),
  );
}

/**
 * One plan step: skipped when its condition does not hold, else carried out, recorded and
 * diagnosed again. False when the walk stops here (healed, blocked, or support reached).
 */
function takeStep(run: LabRun, ctx: StepContext, walk: PlanWalk, at: { step: PlanStep; index: number; failing: Set<keyof RegistrationsOn> }): boolean {
  const { world, s, rec } = run;
  const { step, index } = at;
  walk.taken.add(step.id);
  const decision = decide(step, ctx);
  if (!decision.run) {
    rec.snapshot(
      'plan-step',
      `lab.point.step`,
      { step: step.id },
      { apps: run.apps, planStep: { id: step.id, index, outcome: 'skipped', note: decision.note } },
    );
    return true;
  }
  walk.lastStep = step.id;
  if (step.id === 'contact-support') {
    const point = rec.snapshot(
      'plan-step',
      'lab.point.step',
      { step: step.id },
      { apps: run.apps, planStep: { id: step.id, index, outcome: 'reached', note: null } },
    );
    walk.failure = fail(run, 'contact-support', 'lab.fail.contactSupport', { n: point.n });
    return false;
  }
  const before = registrationsOn(world);
  const outcome = carryOut(step, ctx);
  if (outcome.outcome !== 'skipped') run.harm.applied++;
  run.harm.violations.push(...changedHealthy(step.id, before, registrationsOn(world), at.failing));
  run.apps = world.tryApps();
  const point = rec.snapshot(
    'plan-step',
    'lab.point.step',
    { step: step.id },
    {
      apps: run.apps,
      diagnose: true,
      planStep: { id: step.id, index, outcome: outcome.outcome, note: outcome.note },
    },
  );
  if (point.diagnosis) ctx.view = point.diagnosis;
  if (outcome.outcome === 'blocked') {
    walk.failure = fail(run, step.id, 'lab.fail.blocked', { reason: outcome.reason ?? '' });
    return false;
  }
  if (s.otherDevice && index === walk.queue.length - 1) walk.healedAfter = step.id;
  else if (!s.otherDevice && health(world, s, run.apps).healed) {
    walk.healedAfter = step.id;
    return false;
  }
  if (!s.otherDevice) followNewEvidence(walk, step, index, point.diagnosis);
  return true;
}

/** The evidence asked for is in: follow the plan of the new diagnosis (steps not yet taken). */
function followNewEvidence(walk: PlanWalk, step: PlanStep, index: number, diagnosis: HelpdeskView | null): void {
  const rest = walk.queue.slice(index + 1);
  if (EVIDENCE_STEPS.includes(step.id) && !rest.some((p) => EVIDENCE_STEPS.includes(p.id)) && diagnosis)
    walk.queue.push(...diagnosis.steps.filter((p) => !walk.taken.has(p.id) && !rest.some((r) => r.id === p.id)));
}

/** 3. healed in the simulation, and the status says so too: a PRT, DeviceAuthStatus SUCCESS, and no error-level finding. */
function finalCheck(run: LabRun, initial: HelpdeskView, walk: PlanWalk): Ending {
  const { world, s, rec } = run;
  const { healedAfter } = walk;
  const end = (failure: LabFailure | null, after: StepId | null = healedAfter): Ending => ({ failure, healedAfter: after, initial });
  if (!health(world, s, run.apps).healed)
    return end(fail(run, walk.lastStep ?? 'final-check', 'lab.fail.exhausted', { steps: walk.queue.map((p) => p.id).join(', ') }), null);
  if (s.otherDevice) {
    // another device's error: this PC's plan asks for evidence and changes nothing
    const problem = otherDeviceProblem(initial);
    return end(problem ? fail(run, 'final-check', 'lab.fail.otherDevice', { problem }) : null);
  }
  const last = rec.steps[rec.steps.length - 1];
  const finalView = last?.diagnosis ?? helpdeskDiagnose(world, s, renderStatus(world, 'user').text, run.apps, `${s.id}#final`).view;
  const problems = statusProblems(s, finalView, last?.status.user ?? '');
  if (problems.length) return end(fail(run, 'final-check', 'lab.fail.finalCheck', { problems: problems.join('; ') }));
  if (s.expectHealedAfter && healedAfter !== s.expectHealedAfter)
    return end(fail(run, 'final-check', 'lab.fail.healedByOther', { expected: s.expectHealedAfter, actual: healedAfter ?? '—' }));
  return end(null);
}

/** What the final status and its diagnosis still show wrong, for a PC the simulation says is healed. */
function statusProblems(s: Scenario, finalView: HelpdeskView, status: string): string[] {
  const report = readStatusText(status);
  const field = (name: string) => report.fields.find((f) => f.name === name)?.value.trim();
  const problems: string[] = [];
  if (finalView.exitCode !== 0) problems.push(`findings: ${errorFindings(finalView)}`);
  if (s.join !== 'registered' && field('AzureAdPrt') !== 'YES') problems.push(`AzureAdPrt: ${field('AzureAdPrt') ?? '-'}`);
  if (s.join !== 'registered' && (s.era === '21h2' || s.era === 'w11') && field('DeviceAuthStatus') !== 'SUCCESS')
    problems.push(`DeviceAuthStatus: ${field('DeviceAuthStatus') ?? '-'}`);
  if (s.join === 'registered' && field('WorkplaceJoined') !== 'YES') problems.push(`WorkplaceJoined: ${field('WorkplaceJoined') ?? '-'}`);
  return problems;
}

/** Steps that bring the helpdesk more evidence: after them, the new diagnosis's plan is followed. */
const EVIDENCE_STEPS: readonly StepId[] = ['rerun-as-user', 'collect-error-details'];

/** Steps that would harm a PC that does not fail. */
const HARMFUL_STEPS: readonly StepId[] = [...JOIN_CHANGING_STEPS, 'disconnect-work-account', 'reconnect-work-account', 'rejoin-entra'];

/** Another device's error on a healthy PC: needs more evidence (exit 1), and no step that changes a registration. */
function otherDeviceProblem(view: HelpdeskView): string | null {
  const bad = view.steps.filter((st) => HARMFUL_STEPS.includes(st.id)).map((st) => st.id);
  if (bad.length) return `the plan changes this PC: ${bad.join(', ')}`;
  if (view.exitCode !== 1 || !view.findings.some((f) => f.id === 'needs-more-evidence')) return `no needs-more-evidence finding (exit ${view.exitCode})`;
  return null;
}

// --- first, do no harm: which registration each step changed ---------------------------------------

/** The registrations on the PC: the device join and the user's work account, by device ID. */
export interface RegistrationsOn {
  join: string | null;
  'work-account': string | null;
}

export function registrationsOn(world: LabWorld): RegistrationsOn {
  return { join: world.device.join?.deviceId ?? null, 'work-account': world.user.wpj?.deviceId ?? null };
}

/**
 * The registrations that fail when the plan is made: whose device object is missing, disabled or
 * pending. A stale registration of the join's own tenant goes with a failing join (dual state:
 * the article's dual-state step and its registry stage remove it); a partner tenant's never does.
 */
export function failingRegistrations(world: LabWorld): Set<keyof RegistrationsOn> {
  const out = new Set<keyof RegistrationsOn>();
  const join = world.device.join;
  const wpj = world.user.wpj;
  if (join && checkDevice(world.tenant, join.deviceId) !== 'ok') out.add('join');
  if (wpj && checkDevice(world.tenantOf(wpj), wpj.deviceId) !== 'ok') out.add('work-account');
  if (out.has('join') && wpj && wpj.tenantId === world.tenant.id) out.add('work-account');
  return out;
}

/** Registrations a step removed or replaced that were not failing (creating one harms nothing). */
export function changedHealthy(step: StepId, before: RegistrationsOn, after: RegistrationsOn, failing: Set<keyof RegistrationsOn>): string[] {
  const out: string[] = [];
  for (const kind of ['join', 'work-account'] as const) {
    const id = before[kind];
    if (id !== null && after[kind] !== id && !failing.has(kind)) out.push(`${step}: ${kind} (${id})`);
  }
  return out;
}

/**
 * Restore first (#18): the restore is the first step for a deleted Entra joined or registered
 * device, and never planned for a hybrid joined (hard-deleted) or disabled device.
 */
function restoreProblem(s: Scenario, plan: PlanStep[]): LabKey | null {
  const at = plan.findIndex((p) => p.id === 'restore-device-object');
  const applies = s.loss === 'deleted' && !isHybridLike(s.join);
  if (at >= 0 && !applies) return 'lab.fail.restoreNotApplicable';
  if (at > 0) return 'lab.fail.restoreNotFirst';
  if (at < 0 && applies && s.helpdeskHasError) return 'lab.fail.restoreMissing';
  return null;
}

/** Another device's identifier, as the error page of that device would show it. */
const OTHER_DEVICE_ID = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f2a3b4c5d';

/**
 * Diagnose this (healthy) PC's output, as the user and elevated, with a 700003 reported from
 * elsewhere: bare, naming the tenant, and with another device's identifier. Where the output
 * shows the join healthy, the plan must hold no step that changes it and must ask for evidence.
 * Returns what went wrong, or null.
 */
export function touchesHealthyRegistration(world: LabWorld): string | null {
  const reports: DiagnoseOptions[] = [
    { error: '700003' },
    { error: `AADSTS700003: Device object was not found in the tenant '${world.tenant.name}' directory.` },
    { error: '700003', deviceId: OTHER_DEVICE_ID },
  ];
  for (const context of ['user', 'elevated'] as const) {
    const text = renderStatus(world, context).text;
    for (const options of reports) {
      const d = diagnose(readStatusText(text, { name: `healthy-${context}` }), { now: new Date(world.now), ...options });
      if (!d.registrations.some((r) => r.kind === 'device-join' && r.health === 'healthy')) continue;
      const bad = d.plan.steps.filter((st) => JOIN_CHANGING_STEPS.includes(st.id)).map((st) => st.id);
      if (bad.length) return `${context}, ${options.error}${options.deviceId ? ` --device-id ${options.deviceId}` : ''}: ${bad.join(', ')}`;
      // the join is never the answer, and neither is the other registration of its tenant by
      // elimination: this PC does not fail, so only more evidence can be asked for (#11 b)
      if (d.match.verdict !== 'needs-evidence') return `${context}, ${options.error}: ${d.match.verdict}`;
    }
  }
  return null;
}

function errorFindings(view: HelpdeskView | null): string {
  return (
    view?.findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.id)
      .join(', ') || '-'
  );
}

// --- carrying out the plan -------------------------------------------------------------------------

interface StepContext {
  world: LabWorld;
  s: Scenario;
  plan: PlanStep[];
  /** The plan names the MDM block (a retire step, or the caveat on its remedies). */
  knowsMdm: boolean;
  rec: Recorder;
  /** What confirm-device-object found in the portal. */
  confirmed: 'missing' | 'disabled' | 'present' | null;
  /** The latest diagnosis (what the helpdesk is looking at). */
  view: HelpdeskView;
  triedUnelevated: boolean;
}

type Decision = { run: true } | { run: false; note: { key: LabKey; params: Params } };

/** Whether the helpdesk takes this step now: conditional steps only when their condition holds. */
function decide(step: PlanStep, ctx: StepContext): Decision {
  const { world } = ctx;
  const skip = (key: LabKey, params: Params = {}): Decision => ({ run: false, note: { key, params } });
  switch (step.id) {
    case 'retire-in-mdm':
      // the fallback: the blocked step already retired the device and tried again (withMdmRetry)
      if (step.conditional) return skip('lab.skip.notBlockedByMdm');
      return world.device.mdmEnrollment ? { run: true } : skip('lab.skip.notEnrolled');
    case 'check-auto-registration-policy':
      if (!step.conditional) return { run: true };
      if (!world.device.domain) return skip('lab.skip.notDomainJoined');
      return world.device.join ? skip('lab.skip.cameBack') : { run: true };
    case 'check-network-proxy':
      return step.conditional ? skip('lab.skip.noNetworkProblem') : { run: true };
    case 'enable-device-object':
      // offered for the case that confirm-device-object finds the object only disabled
      return step.conditional && ctx.confirmed !== null && ctx.confirmed !== 'disabled' ? skip('lab.skip.confirmedNotDisabled') : { run: true };
    default:
      if (ctx.confirmed === 'disabled' && isReregistration(step.id)) return skip('lab.skip.confirmedDisabled');
      // confirm first (#11 c): found and enabled, the join is not rebuilt
      if (ctx.confirmed === 'present' && step.caveats.includes('caveat.only-if-object-missing')) return skip('lab.skip.confirmedPresent');
      return { run: true };
  }
}

interface Carried {
  outcome: StepOutcome;
  note: { key: LabKey; params: Params } | null;
  reason?: string;
}

/**
 * An action the MDM enrolment may block: when the plan names the block (retire-in-mdm, or the
 * caveat on its remedy steps), the helpdesk retires the device in Intune and tries again.
 */
function withMdmRetry(ctx: StepContext, action: () => ActionResult): { result: ActionResult; retired: boolean } {
  const first = action();
  if (first.ok || first.reason !== 'mdm') return { result: first, retired: false };
  if (!ctx.knowsMdm) {
    // the blocked step itself shows the enrolment ("managed by your organization"): with the
    // enrolment known, the plan's fallback is to retire in the MDM and repeat the blocked step
    ctx.world.emit('helpdesk', 'lab.event.mdmBlockShown');
    ctx.knowsMdm = true;
  }
  ctx.world.retireInMdm('admin');
  return { result: action(), retired: true };
}

function done(retired: boolean, note: Carried['note'] = null): Carried {
  return { outcome: retired ? 'done-after-retire' : 'done', note: retired ? { key: 'lab.note.retiredFirst', params: {} } : note };
}

function blocked(result: ActionResult): Carried {
  const reason = result.ok ? '' : result.reason;
  return { outcome: 'blocked', note: { key: `lab.note.blocked.${reason}` as LabKey, params: {} }, reason };
}

/** After `dsregcmd /leave` (or a policy fix): restart, sign in, wait for Entra Connect, sign in again. */
function reRegisterHybrid(world: LabWorld): void {
  world.reboot();
  world.signIn();
  if (!world.device.join && world.device.domain) {
    world.waitForNextSync();
    world.signOut();
    world.signIn();
  }
}

function signOutAndIn(world: LabWorld): void {
  world.signOut();
  world.signIn();
}

function carryOut(step: PlanStep, ctx: StepContext): Carried {
  const { world } = ctx;
  switch (step.id) {
    case 'rerun-as-user':
    case 'collect-error-details':
    case 'rerun-elevated':
    case 'collect-full-status':
      return collectAgain(step.id, ctx);
    case 'confirm-device-object':
      return confirmDeviceObject(ctx);
    case 'retire-in-mdm': {
      const r = world.retireInMdm('admin');
      return r.ok ? done(false) : blocked(r);
    }
    case 'disconnect-work-account':
      return disconnectWorkAccount(ctx);
    case 'reconnect-work-account':
      return reconnectWorkAccount(ctx);
    case 'forcerecovery':
      return forceRecovery(ctx);
    case 'leave-and-reboot': {
      const { result, retired } = withMdmRetry(ctx, () => world.leave(true));
      if (!result.ok) return blocked(result);
      reRegisterHybrid(world);
      return done(retired);
    }
    case 'check-auto-registration-policy':
      return checkAutoRegistrationPolicy(ctx);
    case 'clear-aad-storage-key':
      return clearStorageKey(ctx);
    case 'enable-device-object':
      return enableDeviceObject(ctx);
    case 'refresh-prt':
      world.lock();
      world.unlock();
      if (world.device.join && !world.prtValid()) world.refreshPrt();
      return done(false);
    case 'sync-computer-object':
      world.setOuInScope(true, 'admin');
      world.runSyncCycle('delta');
      reRegisterHybrid(world);
      return done(false);
    case 'sign-in-to-recover':
      signOutAndIn(world);
      return done(false);
    case 'restore-device-object':
      return restoreDeviceObject(ctx);
    case 'rejoin-entra':
      return rejoinEntra(ctx);
    case 'contact-support':
      return { outcome: 'reached', note: null };
    case 'check-scp':
    case 'check-network-proxy':
    case 'check-credentials':
    case 'check-federation':
    case 'check-tpm':
    case 'check-clock':
    case 'check-conditional-access':
      world.emit('helpdesk', 'lab.event.checkedNothingWrong', { step: step.id });
      return done(false);
  }
}

/** The helpdesk collects the status again: as the user, with the error page's details, elevated, or in full. */
function collectAgain(id: 'rerun-as-user' | 'collect-error-details' | 'rerun-elevated' | 'collect-full-status', ctx: StepContext): Carried {
  // the user's own run: User State and SSO State now show their registrations
  if (id === 'rerun-as-user') ctx.rec.context = 'user';
  // the error page's Troubleshooting details: the device identifier it names
  if (id === 'collect-error-details') ctx.rec.evidence.errorDetails = true;
  ctx.world.emit('helpdesk', 'lab.event.collectedAgain');
  return done(false);
}

/** The admin looks the status's DeviceId up in the portal: missing, disabled or present. */
function confirmDeviceObject(ctx: StepContext): Carried {
  const { world } = ctx;
  const id = currentStatusDeviceId(ctx);
  const obj = id ? findDevice(world.tenant, id) : undefined;
  // a Pending object (re-created by Entra Connect after a deletion) is not the PC's registration
  ctx.confirmed = !obj || obj.pending ? 'missing' : obj.enabled ? 'present' : 'disabled';
  world.emit('admin', `lab.event.confirmed.${ctx.confirmed}`, { deviceId: id ?? '—' });
  return done(false);
}

function disconnectWorkAccount(ctx: StepContext): Carried {
  const { world } = ctx;
  const { result, retired } = withMdmRetry(ctx, () => world.disconnectWorkAccount());
  if (!result.ok) return result.reason === 'not-applicable' ? { outcome: 'skipped', note: { key: 'lab.skip.noWorkAccount', params: {} } } : blocked(result);
  signOutAndIn(world);
  return done(retired);
}

function reconnectWorkAccount(ctx: StepContext): Carried {
  const { world } = ctx;
  // on a joined PC, only a partner tenant's account can be connected
  const r = world.partner && world.device.join ? world.connectPartnerAccount() : world.connectWorkAccount({ enrollMdm: true });
  if (!r.ok) return r.reason === 'not-applicable' ? { outcome: 'skipped', note: { key: 'lab.skip.alreadyConnected', params: {} } } : blocked(r);
  signOutAndIn(world);
  return done(false);
}

/** `dsregcmd /forcerecovery`, elevated (after the user's own un-elevated try, when the scenario has one). */
function forceRecovery(ctx: StepContext): Carried {
  const { world, s } = ctx;
  if (s.userTriesForceRecovery && !ctx.triedUnelevated) {
    ctx.triedUnelevated = true;
    world.forceRecovery(false);
  }
  const { result, retired } = withMdmRetry(ctx, () => world.forceRecovery(true));
  if (!result.ok) return blocked(result);
  signOutAndIn(world);
  return done(retired);
}

/** Automatic registration on and the OU in the sync scope; a hybrid PC then registers again. */
function checkAutoRegistrationPolicy(ctx: StepContext): Carried {
  const { world } = ctx;
  let changed = false;
  if (!world.tenant.policies.autoHybridRegistration) {
    world.setAutoRegistration(true, 'admin');
    changed = true;
  }
  if (world.setOuInScope(true, 'admin').ok) changed = true;
  if (!changed) world.emit('admin', 'lab.event.policyCheckedOk');
  if (world.device.domain && !world.device.join) reRegisterHybrid(world);
  return done(false);
}

/** Enable the object (and, for a synced one, the computer in AD first, then a delta sync). */
function enableDeviceObject(ctx: StepContext): Carried {
  const { world } = ctx;
  const id = currentStatusDeviceId(ctx);
  const obj = id ? findDevice(world.tenant, id) : undefined;
  if (!id || !obj) {
    world.emit('admin', 'lab.event.objectNotFound', { deviceId: id ?? '—' });
    return done(false);
  }
  const computer = world.computer();
  if (obj.source === 'sync' && computer && !computer.enabled) {
    world.setComputerEnabled(true, 'admin');
    world.runSyncCycle('delta');
  }
  if (!obj.enabled) world.enableObject(id, 'admin');
  return done(false);
}

/** The admin looks the DeviceId up in the deleted items; restored, the user signs out and in. */
function restoreDeviceObject(ctx: StepContext): Carried {
  const { world } = ctx;
  const id = currentStatusDeviceId(ctx);
  const r = id ? world.restoreObject(id, 'admin') : ({ ok: false, reason: 'no-object' } as const);
  if (!r.ok) return { outcome: 'skipped', note: { key: 'lab.skip.notRestorable', params: {} } };
  signOutAndIn(world);
  return done(false);
}

/** Disconnect the work account (if any), join Entra again (unless Entra joined), restart, sign in. */
function rejoinEntra(ctx: StepContext): Carried {
  const { world } = ctx;
  if (world.user.wpj) {
    const r = withMdmRetry(ctx, () => world.disconnectWorkAccount());
    if (!r.result.ok) return blocked(r.result);
  }
  if (world.device.join?.kind !== 'entra') {
    const r = world.joinEntra(true, 'helpdesk');
    if (!r.ok) return blocked(r);
  }
  world.reboot();
  world.signIn();
  return done(false);
}

/** Carry out one step outside a plan run (verify's next step, in the lab's verify scenarios). */
export function carryOutStep(world: LabWorld, s: Scenario, step: PlanStep): StepOutcome {
  const rec = new Recorder(world, s, false);
  const view = helpdeskDiagnose(world, s, renderStatus(world, 'user').text, null, `${s.id}#verify`).view;
  const ctx: StepContext = { world, s, plan: [step], knowsMdm: false, rec, confirmed: null, view, triedUnelevated: false };
  return carryOut(step, ctx).outcome;
}

/** The DeviceId (or WorkplaceDeviceId) the latest status shows: what an admin searches in the portal. */
function currentStatusDeviceId(ctx: StepContext): string | null {
  const report = readStatusText(renderStatus(ctx.world, 'user').text);
  const joined = report.fields.find((f) => f.name === 'AzureAdJoined')?.value.trim() === 'YES';
  const pick = (name: string) =>
    report.fields
      .find((f) => f.name === name)
      ?.value.trim()
      .toLowerCase() ?? null;
  return joined ? pick('DeviceId') : (pick('WorkplaceDeviceId') ?? pick('DeviceId'));
}

/**
 * The article's last stage: undo every join and registration until AzureAdJoined and
 * WorkplaceJoined are both NO, delete the leftover key if it is there, register again the way
 * the device's state requires, then check.
 */
function clearStorageKey(ctx: StepContext): Carried {
  const { world, s } = ctx;
  let retired = false;
  if (world.user.wpj) {
    const r = withMdmRetry(ctx, () => world.disconnectWorkAccount());
    if (!r.result.ok) return blocked(r.result);
    retired ||= r.retired;
  }
  if (world.device.join) {
    const r = withMdmRetry(ctx, () => world.leave(true));
    if (!r.result.ok) return blocked(r.result);
    retired ||= r.retired;
  }
  signOutAndIn(world);
  ctx.rec.snapshot('check-point', 'lab.point.allNo', {}, { apps: world.tryApps(), diagnose: true });
  world.deleteAadStorageKey();
  switch (s.join) {
    case 'registered': {
      const r = world.connectWorkAccount({ enrollMdm: true });
      if (!r.ok) return blocked(r);
      signOutAndIn(world);
      break;
    }
    case 'joined':
    case 'dual-joined': {
      const r = world.joinEntra(true, 'helpdesk');
      if (!r.ok) return blocked(r);
      signOutAndIn(world);
      break;
    }
    case 'hybrid':
    case 'dual-hybrid':
      reRegisterHybrid(world);
      break;
  }
  return done(retired);
}
