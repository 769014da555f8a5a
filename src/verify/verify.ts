import type { SameDevice, VerifyVerdict } from '../contract/joins.js';
import { type Diagnosis, diagnose } from '../diagnose/diagnose.js';
import type { DiagnoseOptions } from '../diagnose/types.js';
import { type MessageKey, messageFor, type Params, type Translate } from '../i18n/format.js';
import { type PlanStep, planStep, type StepId } from '../plan/plan.js';
import type { ParsedReport } from '../read/parse.js';

export type { VerifyVerdict };

/** Why the verdict, as a catalogue key with its values (evidence lines in the params). */
export interface VerifyReason {
  key: MessageKey;
  params: Params;
}

export interface Verification {
  verdict: VerifyVerdict;
  /** Are both outputs from one PC? A re-registration changes the DeviceId, so the name decides. */
  sameDevice: SameDevice;
  before: Diagnosis;
  after: Diagnosis;
  /** The next step of the plan, or null when nothing is left to do. */
  nextStep: StepId | null;
  /** The next step in full (from a plan, or the step that restores or completes the intended state). */
  next: PlanStep | null;
  /** What the verdict rests on. */
  reasons: VerifyReason[];
  /** Finding ids present before and gone after / still there / new. */
  resolved: string[];
  remaining: string[];
  introduced: string[];
}

export interface VerifyOptions extends DiagnoseOptions {
  /**
   * What the user sees after the step: an error text or code (still seen), or `none` (the user
   * confirmed the error is gone). Absent: not said.
   */
  afterError?: string;
}

/** Codes that mean the tenant refused this device: seen by the user after the step, nothing is fixed. */
const DEVICE_ERRORS = new Set(['AADSTS700003', 'AADSTS130008', 'AADSTS50155', 'AADSTS135011', 'AADSTS130007']);
const JOINS = new Set(['entra-joined', 'hybrid-joined']);

type Outcome = { verdict: VerifyVerdict; next: PlanStep | StepId | null; reasons: VerifyReason[] };

/**
 * Compare the outputs taken before and after a remediation step, for the registration that was
 * failing. A changed join type or registration is never "fixed"; recovery armed and a sync join
 * pending are "in progress"; after a re-registration that worked with the error still seen, the
 * next step is the article's next stage, never the same step again.
 *
 * @example
 * verify(readStatusText(before), readStatusText(after), { error: '700003' }).verdict // 'fixed'
 */
export function verify(beforeReport: ParsedReport, afterReport: ParsedReport, options: VerifyOptions = {}): Verification {
  const { afterError, ...beforeOptions } = options;
  const before = diagnose(beforeReport, beforeOptions);
  const afterOptions: DiagnoseOptions = { ...beforeOptions };
  delete afterOptions.error;
  const errorGone = afterError !== undefined && /^\s*none\s*$/i.test(afterError);
  if (afterError !== undefined && !errorGone && afterError.trim() !== '') afterOptions.error = afterError;
  const after = diagnose(afterReport, afterOptions);

  const errorIds = (d: Diagnosis) => new Set(d.findings.filter((f) => f.severity === 'error').map((f) => f.id));
  const b = errorIds(before);
  const a = errorIds(after);
  const resolved = [...b].filter((id) => !a.has(id));
  const remaining = [...b].filter((id) => a.has(id));
  const introduced = [...a].filter((id) => !b.has(id));
  const stillSeen = after.errorInputCodes.find((c) => DEVICE_ERRORS.has(c)) ?? null;

  const ctx: Ctx = { before, after, a, b, remaining, introduced, stillSeen, errorGone };
  const outcome = inProgress(ctx) ?? changedRegistration(ctx) ?? sameRegistration(ctx) ?? byFindings(ctx);
  const next = typeof outcome.next === 'string' ? stepFor(outcome.next, before, after) : outcome.next;
  return {
    verdict: outcome.verdict,
    sameDevice: sameDevice(before, after),
    before,
    after,
    nextStep: next?.id ?? null,
    next,
    reasons: outcome.reasons,
    resolved,
    remaining,
    introduced,
  };
}

interface Ctx {
  before: Diagnosis;
  after: Diagnosis;
  /** Error-level finding ids after / before. */
  a: Set<string>;
  b: Set<string>;
  remaining: string[];
  introduced: string[];
  /** A device error the user still sees after the step (`--after-error`). */
  stillSeen: string | null;
  /** The user confirmed the error is gone (`--after-error none`). */
  errorGone: boolean;
}

/** The step as the plans word it for this device, else the step on its own. */
function stepFor(id: StepId, before: Diagnosis, after: Diagnosis): PlanStep {
  return after.plan.steps.find((s) => s.id === id) ?? before.plan.steps.find((s) => s.id === id) ?? planStep(id);
}

const reason = (key: MessageKey, params: Params = {}): VerifyReason => ({ key, params });

/** Recovery armed, or a hybrid join waiting for its object: the step has started and not finished. */
function inProgress(ctx: Ctx): Outcome | null {
  const { before, after } = ctx;
  const sb = before.status;
  const sa = after.status;
  const armed = sa.report.fields.find((f) => f.name === 'AadRecoveryEnabled' && f.typed.kind === 'boolean' && f.typed.value === true);
  if (armed && sa.joinType === sb.joinType && JOINS.has(sa.joinType))
    return { verdict: 'in-progress', next: 'sign-in-to-recover', reasons: [reason('verify.reason.recoveryArmed', { line: armed.line })] };
  const wasHybrid = sb.joinType === 'hybrid-joined';
  if (wasHybrid && sa.azureAdJoined.value === false && sa.domainJoined.value === true) {
    // the join attempt is in the output: the policy is not blocking; its code names the step
    const attempt = after.findings.find((f) => f.id === 'hybrid-join-incomplete' && f.codes.length > 0);
    if (attempt) {
      const code = attempt.codes.includes('0x801c03f2') ? '0x801c03f2' : (attempt.codes[0] as string);
      const line = attempt.evidence.find((e) => e.text.toLowerCase().includes(code))?.line ?? attempt.evidence[0]?.line ?? 0;
      const fromPlan = after.plan.steps.find((s) => s.stage === 'remedy' && s.id !== 'check-auto-registration-policy')?.id;
      const next: StepId = code === '0x801c03f2' ? 'sync-computer-object' : (fromPlan ?? 'check-auto-registration-policy');
      return { verdict: 'in-progress', next, reasons: [reason('verify.reason.syncPending', { code, line })] };
    }
    return { verdict: 'in-progress', next: 'check-auto-registration-policy', reasons: [reason('verify.reason.joinPending')] };
  }
  return null;
}

/** A change of join type, or of which work account registration exists: never "fixed". */
function changedRegistration(ctx: Ctx): Outcome | null {
  const sb = ctx.before.status;
  const sa = ctx.after.status;
  const intended = sb.joinType;
  if (!JOINS.has(intended) && intended !== 'entra-registered') return null;
  if (sa.joinType === 'unknown') return null;
  // the article's last stage: every join and registration undone on purpose, the error still seen
  const allNo = sa.azureAdJoined.value === false && sa.workplaceJoined.value === false;
  if (allNo && ctx.stillSeen)
    return { verdict: 'not-fixed', next: 'clear-aad-storage-key', reasons: [reason('verify.reason.allNoStillSeen', { code: ctx.stillSeen })] };
  if (sa.joinType !== intended) {
    const reasons = [reason('verify.reason.joinChanged', { before: intended, after: sa.joinType })];
    let next: StepId | null = null;
    if (intended === 'entra-joined') next = 'rejoin-entra';
    else if (intended === 'entra-registered' && (sa.joinType === 'not-joined' || sa.joinType === 'domain-joined')) {
      next = 'reconnect-work-account';
      reasons.push(reason('verify.reason.registrationGone', { tenant: tenantOf(ctx.before) }));
    } else if (intended === 'hybrid-joined') next = ctx.after.plan.steps[0]?.id ?? null;
    return { verdict: 'different-problem', next, reasons };
  }
  if (intended === 'entra-registered') {
    const tb = sb.tenantId.value;
    const ta = sa.tenantId.value;
    if (tb && ta && tb !== ta)
      return {
        verdict: 'different-problem',
        next: 'reconnect-work-account',
        reasons: [reason('verify.reason.registrationTenantChanged', { before: tenantOf(ctx.before), after: tenantOf(ctx.after) })],
      };
  }
  return null;
}

/** The same kind of registration before and after: fixed only on the evidence for it. */
function sameRegistration(ctx: Ctx): Outcome | null {
  const { before, after, a, b, stillSeen } = ctx;
  const sb = before.status;
  const sa = after.status;
  if (sa.joinType !== sb.joinType) return null;
  if (b.size === 0 && !stillSeen) return null;
  const idBefore = sb.deviceId.value;
  const idAfter = sa.deviceId.value;
  const newId = idBefore !== null && idAfter !== null && idBefore !== idAfter;
  const deviceId = idAfter ?? '—';

  if (JOINS.has(sa.joinType)) {
    // what the output shows (the error the user still sees adds a finding of its own)
    const shownHealthy = /^SUCCESS/i.test(sa.deviceAuthStatus.value ?? '') && sa.azureAdPrt.value === true;
    if (shownHealthy && stillSeen)
      return {
        verdict: 'not-fixed',
        next: 'clear-aad-storage-key',
        reasons: [reason('verify.reason.stillSeenAfterReregistration', { deviceId, code: stillSeen })],
      };
    if (shownHealthy && a.size === 0) {
      return { verdict: 'fixed', next: null, reasons: [reason(newId ? 'verify.reason.reregistered' : 'verify.reason.restored', { deviceId })] };
    }
    if (a.size === 0 && (sa.deviceAuthStatus.value === null || sa.azureAdPrt.value === null))
      return { verdict: 'cannot-tell', next: 'collect-full-status', reasons: [reason('verify.reason.notShown')] };
    if (a.has('device-object-missing')) return stillFailing(ctx, newId, deviceId);
    return null;
  }

  if (sa.joinType === 'entra-registered') {
    const present = sa.workplaceJoined.value === true && idAfter !== null;
    if (!present) return null;
    if (a.has('device-object-missing') || stillSeen) return stillFailing(ctx, newId, deviceId);
    if (a.size > 0) return null;
    const tenant = tenantOf(after);
    if (newId) return { verdict: 'fixed', next: null, reasons: [reason('verify.reason.workAccountNew', { tenant, deviceId })] };
    if (ctx.errorGone) return { verdict: 'fixed', next: null, reasons: [reason('verify.reason.workAccountConfirmed', { tenant, deviceId })] };
    return { verdict: 'cannot-tell', next: null, reasons: [reason('verify.reason.workAccountSame', { tenant, deviceId })] };
  }
  return null;
}

/**
 * Still failing. A rebuilt registration (new ID) that still fails goes to the article's next
 * stage; the same ID goes to the first step on the PC (the restore, first in the plan, did not
 * happen or could not).
 */
function stillFailing(ctx: Ctx, newId: boolean, deviceId: string): Outcome {
  if (newId) {
    const why = ctx.stillSeen
      ? reason('verify.reason.stillSeenAfterReregistration', { deviceId, code: ctx.stillSeen })
      : reason('verify.reason.stillFailingNewId', { deviceId });
    return { verdict: 'not-fixed', next: 'clear-aad-storage-key', reasons: [why] };
  }
  const first = ctx.after.plan.steps.find((s) => s.stage === 'remedy' && s.id !== 'restore-device-object');
  const codes = ctx.after.errorCodes.join(', ') || ctx.stillSeen || '—';
  return { verdict: 'not-fixed', next: first ?? 'clear-aad-storage-key', reasons: [reason('verify.reason.stillFailing', { codes })] };
}

/** Neither a change of registration nor the failing registration's evidence: compare the findings. */
function byFindings(ctx: Ctx): Outcome {
  const { a, b, after, remaining, introduced, stillSeen } = ctx;
  if (b.size === 0 && a.size === 0 && !stillSeen) return { verdict: 'no-change-needed', next: null, reasons: [] };
  if (a.has('device-object-missing')) return stillFailing(ctx, false, after.status.deviceId.value ?? '—');
  if (introduced.length > 0 || a.size > 0) {
    const verdict: VerifyVerdict = remaining.length > 0 && introduced.length === 0 ? 'not-fixed' : 'different-problem';
    return { verdict, next: after.plan.steps[0] ?? null, reasons: [] };
  }
  if (stillSeen) return { verdict: 'not-fixed', next: 'clear-aad-storage-key', reasons: [] };
  return { verdict: 'fixed', next: null, reasons: [] };
}

function tenantOf(d: Diagnosis): string {
  return d.status.tenantName.value ?? d.status.tenantId.value ?? '—';
}

function sameDevice(before: Diagnosis, after: Diagnosis): Verification['sameDevice'] {
  const name = (d: Diagnosis) => d.status.deviceName.value?.split('.')[0]?.toLowerCase() ?? null;
  const nb = name(before);
  const na = name(after);
  if (nb && na) return nb === na ? 'yes' : 'no';
  const ib = before.status.deviceId.value;
  const ia = after.status.deviceId.value;
  if (ib && ia && ib === ia) return 'yes';
  const tb = before.status.tenantId.value;
  const ta = after.status.tenantId.value;
  if (tb && ta && tb !== ta) return 'no';
  return 'unknown';
}

/** A reason in the reader's language (join types by their names). */
export function localizeReason(r: VerifyReason, t: Translate): string {
  if (r.key !== 'verify.reason.joinChanged') return t(r.key, r.params);
  const name = (v: Params[string]) => messageFor(t, `joinType.${String(v)}`);
  return t(r.key, { before: name(r.params.before), after: name(r.params.after) });
}
