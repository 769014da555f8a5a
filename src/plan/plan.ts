import { lookupCode } from '../knowledge/codes.js';
import type { MessageKey, Params } from '../i18n/format.js';
import type { DiagnoseOptions, Finding, RunContextKind } from '../diagnose/types.js';
import type { JoinType } from '../model/status.js';

import { isStepId, STEP_IDS, type StepId } from './step-ids.js';

export { isStepId, STEP_IDS, type StepId };

/** Where a step sits in the article's flow. */
export type Stage = 'prepare' | 'remedy' | 'fallback' | 'support';

/** Who must run the step: a local administrator on the PC, a tenant/directory admin, or the user. */
export type AdminScope = 'local' | 'tenant' | 'domain' | 'none';

export interface PlanStep {
  id: StepId;
  stage: Stage;
  admin: boolean;
  adminScope: AdminScope;
  /** Do this step only when its condition (in `why`) holds. */
  conditional: boolean;
  /** A variant of `why` for this device, when the step has one. */
  whyKey: MessageKey;
  params: Params;
  /** Caveats shown with the step (catalogue keys). */
  caveats: MessageKey[];
  /** A variant of the step's success check for this device (default `step.<id>.verify`). */
  verifyKey?: MessageKey;
}

export interface Plan {
  /** Which branch of the article's flow this device takes (for the flow diagram and verify). */
  branch: PlanBranch;
  steps: PlanStep[];
}

export type PlanBranch = 'registered' | 'joined' | 'hybrid' | 'dual-state-hybrid' | 'dual-state-joined' | 'all-no' | 'drs' | 'unknown' | 'disabled' | 'none';

interface StepSpec {
  stage: Stage;
  adminScope: AdminScope;
}

const SPEC: Record<StepId, StepSpec> = {
  'disconnect-work-account': { stage: 'remedy', adminScope: 'none' },
  'reconnect-work-account': { stage: 'remedy', adminScope: 'none' },
  forcerecovery: { stage: 'remedy', adminScope: 'local' },
  'leave-and-reboot': { stage: 'remedy', adminScope: 'local' },
  'clear-aad-storage-key': { stage: 'fallback', adminScope: 'none' },
  'retire-in-mdm': { stage: 'fallback', adminScope: 'tenant' },
  'check-auto-registration-policy': { stage: 'remedy', adminScope: 'domain' },
  'contact-support': { stage: 'support', adminScope: 'none' },
  'enable-device-object': { stage: 'remedy', adminScope: 'tenant' },
  'sync-computer-object': { stage: 'remedy', adminScope: 'tenant' },
  'rerun-as-user': { stage: 'prepare', adminScope: 'none' },
  'rerun-elevated': { stage: 'prepare', adminScope: 'local' },
  'collect-full-status': { stage: 'prepare', adminScope: 'none' },
  'confirm-device-object': { stage: 'prepare', adminScope: 'tenant' },
  'refresh-prt': { stage: 'remedy', adminScope: 'none' },
  'check-network-proxy': { stage: 'remedy', adminScope: 'local' },
  'check-scp': { stage: 'remedy', adminScope: 'tenant' },
  'check-credentials': { stage: 'remedy', adminScope: 'none' },
  'check-federation': { stage: 'remedy', adminScope: 'tenant' },
  'check-tpm': { stage: 'remedy', adminScope: 'local' },
  'check-clock': { stage: 'remedy', adminScope: 'local' },
  'check-conditional-access': { stage: 'remedy', adminScope: 'tenant' },
  'sign-in-to-recover': { stage: 'remedy', adminScope: 'none' },
  'restore-device-object': { stage: 'remedy', adminScope: 'tenant' },
  'rejoin-entra': { stage: 'remedy', adminScope: 'local' },
  'collect-error-details': { stage: 'prepare', adminScope: 'none' },
};

class PlanBuilder {
  readonly steps: PlanStep[] = [];
  add(id: StepId, options: { whyKey?: MessageKey; verifyKey?: MessageKey; params?: Params; caveats?: MessageKey[]; conditional?: boolean } = {}): void {
    if (this.steps.some((s) => s.id === id)) return;
    const spec = SPEC[id];
    this.steps.push({
      id,
      stage: spec.stage,
      admin: spec.adminScope !== 'none',
      adminScope: spec.adminScope,
      conditional: options.conditional ?? false,
      whyKey: options.whyKey ?? (`step.${id}.why` as MessageKey),
      params: options.params ?? {},
      caveats: options.caveats ?? [],
      ...(options.verifyKey ? { verifyKey: options.verifyKey } : {}),
    });
  }
  has(id: StepId): boolean {
    return this.steps.some((s) => s.id === id);
  }
}

/**
 * The article's remedy for this device, as ordered steps. Pure: findings and status in, plan out.
 *
 * - 700003, registered → disconnect + reconnect the work account
 * - 700003, Entra joined → `dsregcmd /forcerecovery` (elevated)
 * - 700003, hybrid → `dsregcmd /leave` (elevated), reboot, sign in; auto re-registration policy
 * - dual state → remove the work-account registration, then repair the join
 * - then always the fallback stage (the AAD\Storage key) and contact support
 * - disabled (135011) → enable the object; never re-register
 */
/** What the plan needs to know: the join state, the findings, the codes, the admin's options. */
export interface PlanInput {
  joinType: JoinType;
  findings: Pick<Finding, 'id' | 'explanation' | 'codes' | 'severity'>[];
  /** All error codes seen (input and `--error`). */
  codes: string[];
  options: Pick<DiagnoseOptions, 'mdm' | 'autoRegistrationDisabled' | 'aadStorageKey' | 'blockWorkplaceJoin'>;
  /** WorkplaceJoined as shown (null: not in the input); the registry stage needs it NO. */
  workplaceJoined?: boolean | null;
  /** Offer the restore first for a deleted Entra joined or registered device (default: yes). */
  restoreFirst?: boolean;
  /**
   * The device join is shown healthy (DeviceAuthStatus SUCCESS, no failed PRT attempt): no step
   * may change it (no leave, forcerecovery, registry key, retire).
   */
  healthyJoin?: boolean;
  /**
   * The error is matched to the join, but the output cannot show the join failing (no
   * DeviceAuthStatus, a PRT held, no failed PRT attempt: the Windows 10 1607 layout) and the error
   * carries no device identifier: confirm the object is gone before anything rebuilds the join.
   */
  unconfirmedJoin?: boolean;
  /** How the output was taken: as SYSTEM or over a remote shell, user-state steps are not planned. */
  runContext?: RunContextKind;
  /** The output shows an MdmUrl: the tenant enrols devices automatically (this device may or may not be enrolled). */
  mdmUrl?: boolean;
  /** The reported error is about a work account of this joined PC, not about the join. */
  target?: { kind: 'work-account'; partner: boolean; tenant: string; deviceId: string };
}

/** Steps that change the device join (or its MDM enrolment). */
export const JOIN_CHANGING_STEPS: readonly StepId[] = ['leave-and-reboot', 'forcerecovery', 'clear-aad-storage-key', 'retire-in-mdm'];

/** Steps that act on the signed-in user's own state: meaningless for SYSTEM or a remote shell's account. */
export const USER_STATE_STEPS: readonly StepId[] = [
  'disconnect-work-account',
  'reconnect-work-account',
  'clear-aad-storage-key',
  'refresh-prt',
  'sign-in-to-recover',
];

export function buildPlan(input: PlanInput): Plan {
  const { findings } = input;
  const b = new PlanBuilder();
  const ids = new Set(findings.map((f) => f.id));
  const s = { joinType: input.joinType };
  const mdm = input.options.mdm;
  // MDM as the article says: retiring is the fallback when Disconnect or re-registration is
  // blocked, shown only where enrolment is indicated (--mdm or a bundle: the retire step; an
  // MdmUrl: a caveat worded as a condition, on the first step that can be blocked)
  let mdmCaveatGiven = false;
  const mdmCaveatOnce = (): MessageKey[] => {
    if (mdm !== undefined || !input.mdmUrl || mdmCaveatGiven) return [];
    mdmCaveatGiven = true;
    return ['caveat.mdm-if-enrolled'];
  };
  let branch: PlanBranch = 'none';

  // the user's own run matters where the user's PRT does; a failed hybrid join or a missing or
  // disabled object is diagnosed from device-level fields, which any context shows
  const deviceLevel = ids.has('hybrid-join-incomplete') || ids.has('device-object-missing') || ids.has('device-object-disabled');
  if (ids.has('wrong-context') && !deviceLevel) b.add('rerun-as-user');

  const missing = findings.find((f) => f.id === 'device-object-missing');
  const target = input.target;
  if (ids.has('needs-more-evidence')) {
    branch = 'unknown';
    b.add('collect-error-details');
  } else if (missing && target?.kind === 'work-account') {
    // the join is not the registration that fails: only the work account is rebuilt
    branch = target.partner ? 'registered' : s.joinType === 'hybrid-joined' ? 'dual-state-hybrid' : 'dual-state-joined';
    const params = { tenant: target.tenant, deviceId: target.deviceId };
    if (mdm === true) b.add('retire-in-mdm', { conditional: true, whyKey: 'step.retire-in-mdm.why-fallback' });
    b.add('disconnect-work-account', {
      params,
      whyKey: target.partner ? 'step.disconnect-work-account.why-partner' : 'step.disconnect-work-account.why-stale',
      caveats: mdm === true ? ['caveat.mdm-fallback'] : mdmCaveatOnce(),
    });
    if (target.partner)
      b.add('reconnect-work-account', {
        params,
        whyKey: 'step.reconnect-work-account.why-partner',
        caveats: input.options.blockWorkplaceJoin ? ['caveat.block-wpj-policy'] : [],
      });
    b.add('contact-support');
  } else if (ids.has('device-object-disabled')) {
    branch = 'disabled';
    b.add('enable-device-object', {
      whyKey: s.joinType === 'hybrid-joined' ? 'step.enable-device-object.why-hybrid' : 'step.enable-device-object.why',
      ...(s.joinType === 'entra-registered' ? { verifyKey: 'step.enable-device-object.verify-registered' as MessageKey } : {}),
    });
    b.add('refresh-prt', { whyKey: 'step.refresh-prt.why-after-enable' });
  } else if (missing) {
    // DeviceAuthStatus (or 50155) alone cannot tell deleted from disabled: confirm first; a
    // disabled object is enabled, and only a deleted one is re-registered
    const ambiguous = missing.explanation === 'finding.device-object-missing.ambiguous';
    if (ambiguous) {
      b.add('confirm-device-object');
      b.add('enable-device-object', {
        conditional: true,
        whyKey: s.joinType === 'hybrid-joined' ? 'step.enable-device-object.why-if-disabled-hybrid' : 'step.enable-device-object.why-if-disabled',
        ...(s.joinType === 'entra-registered' ? { verifyKey: 'step.enable-device-object.verify-registered' as MessageKey } : {}),
      });
      b.add('refresh-prt', { conditional: true, whyKey: 'step.refresh-prt.why-after-enable' });
    }
    const dual = ids.has('dual-state');
    const ifDeleted: MessageKey[] = ambiguous ? ['caveat.only-if-deleted'] : [];
    switch (s.joinType) {
      case 'entra-registered':
        branch = 'registered';
        b.add('disconnect-work-account', { conditional: ambiguous, caveats: [...ifDeleted, ...mdmCaveatOnce()] });
        b.add('reconnect-work-account', {
          conditional: ambiguous,
          caveats: [...ifDeleted, ...mdmCaveatOnce(), ...(input.options.blockWorkplaceJoin ? (['caveat.block-wpj-policy'] as MessageKey[]) : [])],
        });
        break;
      case 'entra-joined':
        branch = dual ? 'dual-state-joined' : 'joined';
        if (dual)
          b.add('disconnect-work-account', {
            conditional: ambiguous,
            whyKey: 'step.disconnect-work-account.why-dual',
            caveats: [...ifDeleted, ...mdmCaveatOnce()],
          });
        b.add('forcerecovery', { conditional: ambiguous, caveats: [...ifDeleted, ...mdmCaveatOnce()] });
        break;
      case 'hybrid-joined':
        branch = dual ? 'dual-state-hybrid' : 'hybrid';
        if (dual)
          b.add('disconnect-work-account', {
            conditional: ambiguous,
            whyKey: 'step.disconnect-work-account.why-dual',
            caveats: [...ifDeleted, ...mdmCaveatOnce()],
          });
        b.add('leave-and-reboot', { conditional: ambiguous, caveats: [...ifDeleted, ...mdmCaveatOnce(), 'caveat.auto-registration-default'] });
        b.add('check-auto-registration-policy', {
          conditional: input.options.autoRegistrationDisabled !== true,
          whyKey:
            input.options.autoRegistrationDisabled === true ? 'step.check-auto-registration-policy.why-disabled' : 'step.check-auto-registration-policy.why',
        });
        break;
      case 'domain-joined':
      case 'not-joined':
        // AzureAdJoined and WorkplaceJoined both NO: the article's last stage. WorkplaceJoined not
        // shown (a domain-joined excerpt, an elevated run): collect it before the registry stage
        if (input.workplaceJoined === false) branch = 'all-no';
        else {
          branch = 'unknown';
          b.add('collect-full-status');
        }
        break;
      case 'drs-joined':
        branch = 'drs';
        break;
      case 'unknown':
        branch = 'unknown';
        b.add('collect-full-status');
        break;
    }
    if (mdm === true && (b.has('disconnect-work-account') || b.has('forcerecovery') || b.has('leave-and-reboot')))
      b.add('retire-in-mdm', { conditional: true, whyKey: 'step.retire-in-mdm.why-fallback' });
    const key = input.options.aadStorageKey;
    b.add('clear-aad-storage-key', {
      whyKey:
        key === true
          ? 'step.clear-aad-storage-key.why-present'
          : key === false
            ? 'step.clear-aad-storage-key.why-absent'
            : branch === 'all-no'
              ? 'step.clear-aad-storage-key.why-now'
              : 'step.clear-aad-storage-key.why',
      // known absent: nothing to delete unless it appears later; never for a disabled object
      conditional: key === false || ambiguous,
      // undoing every registration first: an MDM enrolment can block that too
      caveats: ['caveat.registry-only-for-700003', ...ifDeleted, ...mdmCaveatOnce()],
    });
    b.add('contact-support');
  } else if (ids.has('join-state-unknown') && input.codes.length > 0) {
    branch = 'unknown';
    b.add('collect-full-status');
  }

  // the neighbouring problems: their own steps, from the knowledge base where a code says which
  for (const f of findings) {
    switch (f.id) {
      case 'hybrid-join-incomplete': {
        const fromCodes = stepsForCodes(f.codes);
        if (fromCodes.length === 0 && f.explanation === 'finding.hybrid-join-incomplete.no-diagnostics') b.add('rerun-elevated');
        for (const id of fromCodes) b.add(id);
        if (!b.has('check-auto-registration-policy') && !missing) b.add('check-auto-registration-policy', { conditional: true });
        break;
      }
      case 'prt-missing':
      case 'prt-stale':
        if (f.explanation === 'finding.prt-missing.local-account') break;
        if (!missing && !ids.has('device-object-disabled')) b.add('refresh-prt');
        break;
      case 'prt-request-failed':
        for (const id of stepsForCodes(f.codes)) b.add(id);
        if (!missing) b.add('refresh-prt');
        break;
      case 'device-certificate-expired':
      case 'key-sign-test-failed':
      case 'aad-recovery-enabled':
        // a disabled object is enabled first; rebuilding its join would lose it
        if (!missing && !ids.has('device-object-disabled')) {
          if (s.joinType === 'entra-joined') b.add('forcerecovery', { whyKey: 'step.forcerecovery.why-keys', caveats: mdmCaveatOnce() });
          else if (s.joinType === 'hybrid-joined') b.add('leave-and-reboot', { whyKey: 'step.leave-and-reboot.why-keys', caveats: mdmCaveatOnce() });
          else b.add('sign-in-to-recover');
        }
        break;
      case 'tpm-error':
        b.add('check-tpm');
        break;
      case 'device-auth-check-failed':
        for (const id of stepsForCodes(f.codes)) b.add(id);
        if (!stepsForCodes(f.codes).length) b.add('check-network-proxy', { conditional: true });
        break;
    }
  }
  if (b.steps.length > 0 && !b.has('contact-support') && !ids.has('needs-more-evidence') && findings.some((f) => f.severity === 'error'))
    b.add('contact-support');

  guardHealthy(b, input);
  confirmJoinFirst(b, input);

  // prepare steps first, support last; otherwise the order they were added
  const order: Record<Stage, number> = { prepare: 0, remedy: 1, fallback: 2, support: 3 };
  const steps = b.steps
    .map((step, i) => ({ step, i }))
    .sort((x, y) => order[x.step.stage] - order[y.step.stage] || x.i - y.i)
    .map((x) => x.step);
  return { branch, steps: input.restoreFirst === false ? steps : withRestoreFirst(steps, input) };
}

/** One plan step with its stage and role from the table (verify names steps outside a plan). */
export function planStep(id: StepId, options: { whyKey?: MessageKey; params?: Params; caveats?: MessageKey[]; conditional?: boolean } = {}): PlanStep {
  const b = new PlanBuilder();
  b.add(id, options);
  return b.steps[0] as PlanStep;
}

/** Device-side steps that a restored object makes unnecessary (and a new registration would replace it). */
const UNDONE_BY_RESTORE: readonly StepId[] = ['disconnect-work-account', 'reconnect-work-account', 'forcerecovery', 'clear-aad-storage-key', 'retire-in-mdm'];

/**
 * Restore first (#18). Entra ID keeps deleted Entra joined and Entra registered devices in its
 * deleted items for 30 days (device soft delete, preview): restoring brings back the same device
 * ID, its keys, BitLocker keys and LAPS password, and nothing on the PC changes. So for a deleted
 * (not disabled, not possibly disabled) object of such a device the restore comes before every
 * other step, worded as a condition; the device-side steps follow for an object that cannot be
 * restored. Never for hybrid joined devices (hard-deleted; Entra Connect re-creates them).
 */
export function withRestoreFirst(steps: PlanStep[], input: Pick<PlanInput, 'joinType' | 'findings' | 'target'>): PlanStep[] {
  if (input.joinType !== 'entra-joined' && input.joinType !== 'entra-registered') return steps;
  if (input.findings.some((f) => f.id === 'device-object-disabled')) return steps;
  const missing = input.findings.find((f) => f.id === 'device-object-missing');
  if (!missing || missing.explanation === 'finding.device-object-missing.ambiguous') return steps;
  const restore = planStep('restore-device-object', {
    conditional: true,
    whyKey:
      input.joinType === 'entra-registered' || input.target?.kind === 'work-account'
        ? 'step.restore-device-object.why-registered'
        : 'step.restore-device-object.why',
  });
  const marked = steps.map((s) => (UNDONE_BY_RESTORE.includes(s.id) ? { ...s, caveats: [...s.caveats, 'caveat.only-if-not-restored' as MessageKey] } : s));
  return [restore, ...marked.filter((s) => s.id !== 'restore-device-object')];
}

/**
 * First, do no harm: nothing that changes a join the output shows healthy, and nothing on the
 * user's own state when the output was taken as SYSTEM or over a remote shell (ask for the
 * user's output instead).
 */
function guardHealthy(b: PlanBuilder, input: PlanInput): void {
  const drop = (id: StepId) => {
    const i = b.steps.findIndex((st) => st.id === id);
    if (i >= 0) b.steps.splice(i, 1);
    return i >= 0;
  };
  if (input.healthyJoin) for (const id of JOIN_CHANGING_STEPS) drop(id);
  if (input.runContext === 'system' || input.runContext === 'remote') {
    let dropped = false;
    for (const id of USER_STATE_STEPS) dropped = drop(id) || dropped;
    if (dropped) b.add('rerun-as-user');
  }
  // a plan left with only the support step has nothing to do
  if (b.steps.length === 1 && b.steps[0]?.id === 'contact-support') b.steps.length = 0;
}

/** Steps that rebuild the device join (the registry stage undoes it first). */
const JOIN_REBUILDING_STEPS: readonly StepId[] = ['leave-and-reboot', 'forcerecovery', 'clear-aad-storage-key'];

/**
 * First, do no harm, where the output cannot tell (#11 c): a join whose failure the output does
 * not show is rebuilt only after the admin center confirms its object is gone; found and enabled,
 * nothing is changed and the error page's details are collected instead.
 */
function confirmJoinFirst(b: PlanBuilder, input: PlanInput): void {
  if (!input.unconfirmedJoin) return;
  const rebuilding = b.steps.filter((st) => JOIN_REBUILDING_STEPS.includes(st.id));
  if (rebuilding.length === 0) return;
  for (const st of rebuilding) {
    st.conditional = true;
    if (!st.caveats.includes('caveat.only-if-object-missing')) st.caveats.unshift('caveat.only-if-object-missing');
  }
  const confirm = b.steps.find((st) => st.id === 'confirm-device-object');
  if (confirm) confirm.caveats.push('caveat.confirm-found-enabled');
  else b.add('confirm-device-object', { whyKey: 'step.confirm-device-object.why-unconfirmed', caveats: ['caveat.confirm-found-enabled'] });
}

/** Plan steps the knowledge base names for these codes (device-object steps are the plan's own). */
function stepsForCodes(codes: string[]): StepId[] {
  const out: StepId[] = [];
  const own: StepId[] = [
    'disconnect-work-account',
    'reconnect-work-account',
    'forcerecovery',
    'leave-and-reboot',
    'clear-aad-storage-key',
    'contact-support',
    'retire-in-mdm',
    'restore-device-object',
  ];
  for (const code of codes) {
    for (const id of lookupCode(code)?.steps ?? []) {
      if (isStepId(id) && !own.includes(id) && !out.includes(id)) out.push(id);
    }
  }
  return out;
}

const CODE_FINDINGS: Record<string, { id: string; explanation: Finding['explanation'] }> = {
  AADSTS700003: { id: 'device-object-missing', explanation: 'finding.device-object-missing.explanation' },
  AADSTS130008: { id: 'device-object-missing', explanation: 'finding.device-object-missing.explanation' },
  AADSTS50155: { id: 'device-object-missing', explanation: 'finding.device-object-missing.ambiguous' },
  AADSTS135011: { id: 'device-object-disabled', explanation: 'finding.device-object-disabled.explanation' },
  AADSTS130007: { id: 'device-object-disabled', explanation: 'finding.device-object-disabled.explanation' },
};

/**
 * The plan for a device known only by its join type and the error codes its sign-ins failed
 * with (fleet mode: no dsregcmd output). Codes without a device-object meaning add no step.
 *
 * @example
 * planForCodes('hybrid-joined', ['AADSTS700003']).steps[0]?.id // 'leave-and-reboot'
 */
export function planForCodes(joinType: JoinType, codes: string[], options: PlanInput['options'] = {}, fleet: { restorable?: boolean } = {}): Plan {
  const findings: PlanInput['findings'] = [];
  const has = (id: string) => findings.some((f) => f.id === id);
  // a definite deletion wins over the ambiguous 50155
  for (const code of ['AADSTS135011', 'AADSTS130007', 'AADSTS700003', 'AADSTS130008', 'AADSTS50155']) {
    const f = CODE_FINDINGS[code];
    if (!f || !codes.includes(code) || has(f.id)) continue;
    if (f.id === 'device-object-missing' && has('device-object-disabled')) continue;
    findings.push({ id: f.id, explanation: f.explanation, codes: [code], severity: 'error' });
  }
  if (joinType === 'unknown')
    findings.push({ id: 'join-state-unknown', explanation: 'finding.join-state-unknown.explanation', codes: [], severity: 'warning' });
  // the restore only where a deleted-device list shows the device restorable
  return buildPlan({ joinType, findings, codes, options, workplaceJoined: joinType === 'not-joined' ? false : null, restoreFirst: fleet.restorable === true });
}
