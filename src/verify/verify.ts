import { type Diagnosis, diagnose } from '../diagnose/diagnose.js';
import type { DiagnoseOptions } from '../diagnose/types.js';
import type { StepId } from '../plan/plan.js';
import type { ParsedReport } from '../read/parse.js';

export type VerifyVerdict = 'fixed' | 'not-fixed' | 'in-progress' | 'different-problem' | 'no-change-needed' | 'cannot-tell';

export interface Verification {
  verdict: VerifyVerdict;
  /** Are both outputs from one PC? A re-registration changes the DeviceId, so the name decides. */
  sameDevice: 'yes' | 'no' | 'unknown';
  before: Diagnosis;
  after: Diagnosis;
  /** The next step of the plan, or null when nothing is left to do. */
  nextStep: StepId | null;
  /** Finding ids present before and gone after / still there / new. */
  resolved: string[];
  remaining: string[];
  introduced: string[];
}

const HEALTHY_JOINS = new Set(['entra-joined', 'hybrid-joined', 'entra-registered']);

/**
 * Compare the outputs taken before and after a remediation step.
 *
 * @example
 * verify(readStatusText(before), readStatusText(after), { error: '700003' }).verdict // 'fixed'
 */
export function verify(beforeReport: ParsedReport, afterReport: ParsedReport, options: DiagnoseOptions & { afterError?: string } = {}): Verification {
  const { afterError, ...beforeOptions } = options;
  const before = diagnose(beforeReport, beforeOptions);
  const afterOptions: DiagnoseOptions = { ...beforeOptions };
  delete afterOptions.error;
  if (afterError !== undefined) afterOptions.error = afterError;
  const after = diagnose(afterReport, afterOptions);

  const errorIds = (d: Diagnosis) => new Set(d.findings.filter((f) => f.severity === 'error').map((f) => f.id));
  const b = errorIds(before);
  const a = errorIds(after);
  const resolved = [...b].filter((id) => !a.has(id));
  const remaining = [...b].filter((id) => a.has(id));
  const introduced = [...a].filter((id) => !b.has(id));

  const s = after.status;
  // healthy only on evidence: a joined device must show DeviceAuthStatus SUCCESS and a PRT
  const joined = s.joinType !== 'entra-registered';
  const shown = !joined || (s.deviceAuthStatus.value !== null && s.azureAdPrt.value !== null);
  const healthy =
    a.size === 0 && HEALTHY_JOINS.has(s.joinType) && (!joined || (/^SUCCESS/i.test(s.deviceAuthStatus.value ?? '') && s.azureAdPrt.value === true));

  let verdict: VerifyVerdict;
  let nextStep: StepId | null = null;
  const allNo = s.azureAdJoined.value === false && s.workplaceJoined.value === false;
  if (b.size === 0 && a.size === 0) {
    verdict = 'no-change-needed';
  } else if (a.size === 0 && HEALTHY_JOINS.has(s.joinType) && !shown) {
    // the after output does not show DeviceAuthStatus or the PRT: not enough to call it fixed
    verdict = 'cannot-tell';
    nextStep = 'collect-full-status';
  } else if (healthy) {
    verdict = 'fixed';
  } else if (a.has('device-object-missing')) {
    verdict = 'not-fixed';
    // the article: still failing → undo every registration, then the AAD\Storage key
    nextStep = allNo ? 'clear-aad-storage-key' : (firstRemedy(after) ?? 'clear-aad-storage-key');
  } else if (allNo && before.plan.branch !== 'none' && introduced.every((id) => id === 'hybrid-join-incomplete')) {
    // the stale registration is gone and the new one has not happened yet
    verdict = 'in-progress';
    nextStep =
      before.plan.branch === 'hybrid' || before.plan.branch === 'dual-state-hybrid'
        ? 'check-auto-registration-policy'
        : before.plan.branch === 'registered'
          ? 'reconnect-work-account'
          : before.plan.branch === 'joined' || before.plan.branch === 'dual-state-joined'
            ? 'forcerecovery'
            : 'clear-aad-storage-key';
  } else if (introduced.length > 0 || a.size > 0) {
    verdict = remaining.length > 0 && introduced.length === 0 ? 'not-fixed' : 'different-problem';
    nextStep = after.plan.steps[0]?.id ?? null;
  } else {
    verdict = 'fixed';
  }
  return { verdict, sameDevice: sameDevice(before, after), before, after, nextStep, resolved, remaining, introduced };
}

function firstRemedy(d: Diagnosis): StepId | null {
  return d.plan.steps.find((s) => s.stage === 'remedy')?.id ?? null;
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
