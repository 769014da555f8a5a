import type { FindingFacts, FindingId, RunContextKind } from '../contract/findings.js';
import { isStepId, STEP_IDS, type StepId } from '../contract/steps.js';
import type { MessageKey, Params } from '../i18n/format.js';
import { lookupCode } from '../knowledge/codes.js';
import { CODE_MEANINGS } from '../knowledge/meanings.js';
import type { JoinType } from '../model/status.js';

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

/** The default reason of a step (every step has one in the catalogues). */
const stepWhy = (id: StepId): MessageKey => `step.${id}.why`;

/** What a step may say for this device: its reason, its success check, its caveats. */
interface StepOptions {
  whyKey?: MessageKey;
  verifyKey?: MessageKey | undefined;
  params?: Params;
  caveats?: MessageKey[];
  conditional?: boolean;
}

class PlanBuilder {
  readonly steps: PlanStep[] = [];
  add(id: StepId, options: StepOptions = {}): void {
    if (this.steps.some((s) => s.id === id)) return;
    const spec = SPEC[id];
    this.steps.push({
      id,
      stage: spec.stage,
      admin: spec.adminScope !== 'none',
      adminScope: spec.adminScope,
      conditional: options.conditional ?? false,
      whyKey: options.whyKey ?? stepWhy(id),
      params: options.params ?? {},
      caveats: options.caveats ?? [],
      ...(options.verifyKey ? { verifyKey: options.verifyKey } : {}),
    });
  }
  has(id: StepId): boolean {
    return this.steps.some((s) => s.id === id);
  }
}

/** What the admin knows about the device beyond the output (flags, or a collection bundle). */
export interface PlanOptions {
  /** The device is known to be MDM-enrolled (true), known not to be (false), or unknown (undefined). */
  mdm?: boolean;
  /** Automatic hybrid registration is known to be disabled by policy. */
  autoRegistrationDisabled?: boolean;
  /** The user's AAD\\Storage\\https://login.microsoftonline.com key is known to exist (true) or not (false). */
  aadStorageKey?: boolean;
  /** BlockAADWorkplaceJoin policy is known to be set: the user cannot register again. */
  blockWorkplaceJoin?: boolean;
}

/** What the plan needs to know: the join state, the findings' typed facts, the codes, the admin's options. */
export interface PlanInput {
  joinType: JoinType;
  /** The findings as facts (id, typed data, severity, codes): the plan never reads their texts. */
  findings: FindingFacts[];
  /** All error codes seen (input and `--error`). */
  codes: string[];
  options: PlanOptions;
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

/** The plan being built: the input, its findings by id, the steps so far, the branch taken. */
class Draft {
  readonly b = new PlanBuilder();
  branch: PlanBranch = 'none';
  readonly mdm: boolean | undefined;
  private mdmCaveatGiven = false;
  private readonly ids: ReadonlySet<FindingId>;
  constructor(readonly input: PlanInput) {
    this.ids = new Set(input.findings.map((f) => f.id));
    this.mdm = input.options.mdm;
  }
  has(id: FindingId): boolean {
    return this.ids.has(id);
  }
  find<K extends FindingId>(id: K): FindingFacts<K> | undefined {
    // the union is discriminated by id: the one with this id has this id's data
    return this.input.findings.find((f) => f.id === id) as FindingFacts<K> | undefined;
  }
  /**
   * MDM as the article says: retiring is the fallback when Disconnect or re-registration is
   * blocked, shown only where enrolment is indicated (--mdm or a bundle: the retire step; an
   * MdmUrl: a caveat worded as a condition, on the first step that can be blocked).
   */
  mdmCaveatOnce(): MessageKey[] {
    if (this.mdm !== undefined || !this.input.mdmUrl || this.mdmCaveatGiven) return [];
    this.mdmCaveatGiven = true;
    return ['caveat.mdm-if-enrolled'];
  }
}

/**
 * The article's remedy for this device, as ordered steps. Pure: findings and status in, plan
 * out. One function per branch of the article's flow, then the neighbouring problems' steps,
 * then the do-no-harm guard and the order (prepare first, support last).
 *
 * - 700003, registered → disconnect + reconnect the work account
 * - 700003, Entra joined → `dsregcmd /forcerecovery` (elevated)
 * - 700003, hybrid → `dsregcmd /leave` (elevated), reboot, sign in; auto re-registration policy
 * - dual state → remove the work-account registration, then repair the join
 * - then always the fallback stage (the AAD\Storage key) and contact support
 * - disabled (135011) → enable the object; never re-register
 */
export function buildPlan(input: PlanInput): Plan {
  const d = new Draft(input);
  // the user's own run matters where the user's PRT does; a failed hybrid join or a missing or
  // disabled object is diagnosed from device-level fields, which any context shows
  const deviceLevel = d.has('hybrid-join-incomplete') || d.has('device-object-missing') || d.has('device-object-disabled');
  if (d.has('wrong-context') && !deviceLevel) d.b.add('rerun-as-user');

  const missing = d.find('device-object-missing');
  const target = input.target;
  if (d.has('needs-more-evidence')) planNeedsEvidence(d);
  else if (missing && target?.kind === 'work-account') planWorkAccount(d, target);
  else if (d.has('device-object-disabled')) planDisabled(d);
  else if (missing) planMissing(d, missing);
  else if (d.has('join-state-unknown') && input.codes.length > 0) {
    d.branch = 'unknown';
    d.b.add('collect-full-status');
  }

  // the neighbouring problems: their own steps, from the knowledge base where a code says which
  for (const f of input.findings) planNeighbour(d, f, missing !== undefined);
  if (d.b.steps.length > 0 && !d.b.has('contact-support') && !d.has('needs-more-evidence') && input.findings.some((f) => f.severity === 'error'))
    d.b.add('contact-support');

  guardHealthy(d.b, input);
  confirmJoinFirst(d.b, input);

  // prepare steps first, support last; otherwise the order they were added
  const order: Record<Stage, number> = { prepare: 0, remedy: 1, fallback: 2, support: 3 };
  const steps = d.b.steps
    .map((step, i) => ({ step, i }))
    .sort((x, y) => order[x.step.stage] - order[y.step.stage] || x.i - y.i)
    .map((x) => x.step);
  return { branch: d.branch, steps: input.restoreFirst === false ? steps : withRestoreFirst(steps, input) };
}

/** The reported error is not shown by this output: ask for its details, plan no fix. */
function planNeedsEvidence(d: Draft): void {
  d.branch = 'unknown';
  d.b.add('collect-error-details');
}

/** The join is not the registration that fails: only the work account is rebuilt. */
function planWorkAccount(d: Draft, target: NonNullable<PlanInput['target']>): void {
  const { b, mdm } = d;
  d.branch = target.partner ? 'registered' : d.input.joinType === 'hybrid-joined' ? 'dual-state-hybrid' : 'dual-state-joined';
  const params = { tenant: target.tenant, deviceId: target.deviceId };
  if (mdm === true) b.add('retire-in-mdm', { conditional: true, whyKey: 'step.retire-in-mdm.why-fallback' });
  b.add('disconnect-work-account', {
    params,
    whyKey: target.partner ? 'step.disconnect-work-account.why-partner' : 'step.disconnect-work-account.why-stale',
    caveats: mdm === true ? ['caveat.mdm-fallback'] : d.mdmCaveatOnce(),
  });
  if (target.partner)
    b.add('reconnect-work-account', {
      params,
      whyKey: 'step.reconnect-work-account.why-partner',
      caveats: d.input.options.blockWorkplaceJoin ? ['caveat.block-wpj-policy'] : [],
    });
  b.add('contact-support');
}

/** A disabled object (135011): enable it, then refresh the PRT. Never re-register. */
function planDisabled(d: Draft): void {
  const joinType = d.input.joinType;
  d.branch = 'disabled';
  d.b.add('enable-device-object', {
    whyKey: joinType === 'hybrid-joined' ? 'step.enable-device-object.why-hybrid' : 'step.enable-device-object.why',
    verifyKey: joinType === 'entra-registered' ? 'step.enable-device-object.verify-registered' : undefined,
  });
  d.b.add('refresh-prt', { whyKey: 'step.refresh-prt.why-after-enable' });
}

/**
 * A missing object (700003): rebuild the registration the join type has, then the fallback
 * stage. DeviceAuthStatus (or 50155) alone cannot tell deleted from disabled: confirm first; a
 * disabled object is enabled, and only a deleted one is re-registered.
 */
function planMissing(d: Draft, missing: FindingFacts<'device-object-missing'>): void {
  const ambiguous = missing.data.answer === 'deleted-or-disabled';
  if (ambiguous) planConfirmFirst(d);
  const ifDeleted: MessageKey[] = ambiguous ? ['caveat.only-if-deleted'] : [];
  const rebuild = { conditional: ambiguous, ifDeleted };
  switch (d.input.joinType) {
    case 'entra-registered':
      rebuildRegistered(d, rebuild);
      break;
    case 'entra-joined':
      rebuildJoined(d, rebuild);
      break;
    case 'hybrid-joined':
      rebuildHybrid(d, rebuild);
      break;
    case 'domain-joined':
    case 'not-joined':
      // AzureAdJoined and WorkplaceJoined both NO: the article's last stage. WorkplaceJoined not
      // shown (a domain-joined excerpt, an elevated run): collect it before the registry stage
      if (d.input.workplaceJoined === false) d.branch = 'all-no';
      else {
        d.branch = 'unknown';
        d.b.add('collect-full-status');
      }
      break;
    case 'drs-joined':
      d.branch = 'drs';
      break;
    case 'unknown':
      d.branch = 'unknown';
      d.b.add('collect-full-status');
      break;
  }
  planFallback(d, rebuild);
}

/** How the device-side steps of a missing object are worded: conditional when it may only be disabled. */
interface Rebuild {
  conditional: boolean;
  ifDeleted: MessageKey[];
}

/** Deleted or disabled, the output cannot tell: confirm in the portal, enable if disabled. */
function planConfirmFirst(d: Draft): void {
  const joinType = d.input.joinType;
  d.b.add('confirm-device-object');
  d.b.add('enable-device-object', {
    conditional: true,
    whyKey: joinType === 'hybrid-joined' ? 'step.enable-device-object.why-if-disabled-hybrid' : 'step.enable-device-object.why-if-disabled',
    verifyKey: joinType === 'entra-registered' ? 'step.enable-device-object.verify-registered' : undefined,
  });
  d.b.add('refresh-prt', { conditional: true, whyKey: 'step.refresh-prt.why-after-enable' });
}

/** Entra registered: disconnect and reconnect the work account. */
function rebuildRegistered(d: Draft, { conditional, ifDeleted }: Rebuild): void {
  d.branch = 'registered';
  d.b.add('disconnect-work-account', { conditional, caveats: [...ifDeleted, ...d.mdmCaveatOnce()] });
  d.b.add('reconnect-work-account', {
    conditional,
    caveats: [...ifDeleted, ...d.mdmCaveatOnce(), ...(d.input.options.blockWorkplaceJoin ? (['caveat.block-wpj-policy'] satisfies MessageKey[]) : [])],
  });
}

/** In dual state, the user's own registration goes first. */
function disconnectDual(d: Draft, { conditional, ifDeleted }: Rebuild): void {
  d.b.add('disconnect-work-account', {
    conditional,
    whyKey: 'step.disconnect-work-account.why-dual',
    caveats: [...ifDeleted, ...d.mdmCaveatOnce()],
  });
}

/** Entra joined: `dsregcmd /forcerecovery` (after the work account in dual state). */
function rebuildJoined(d: Draft, rebuild: Rebuild): void {
  const dual = d.has('dual-state');
  d.branch = dual ? 'dual-state-joined' : 'joined';
  if (dual) disconnectDual(d, rebuild);
  d.b.add('forcerecovery', { conditional: rebuild.conditional, caveats: [...rebuild.ifDeleted, ...d.mdmCaveatOnce()] });
}

/** Hybrid joined: `dsregcmd /leave`, reboot, sign in; the auto re-registration policy. */
function rebuildHybrid(d: Draft, rebuild: Rebuild): void {
  const dual = d.has('dual-state');
  const autoOff = d.input.options.autoRegistrationDisabled === true;
  d.branch = dual ? 'dual-state-hybrid' : 'hybrid';
  if (dual) disconnectDual(d, rebuild);
  d.b.add('leave-and-reboot', { conditional: rebuild.conditional, caveats: [...rebuild.ifDeleted, ...d.mdmCaveatOnce(), 'caveat.auto-registration-default'] });
  d.b.add('check-auto-registration-policy', {
    conditional: !autoOff,
    whyKey: autoOff ? 'step.check-auto-registration-policy.why-disabled' : 'step.check-auto-registration-policy.why',
  });
}

/** The article's fallback stage: retire in MDM (if enrolled), the AAD\Storage key, then support. */
function planFallback(d: Draft, { conditional: ambiguous, ifDeleted }: Rebuild): void {
  const b = d.b;
  if (d.mdm === true && (b.has('disconnect-work-account') || b.has('forcerecovery') || b.has('leave-and-reboot')))
    b.add('retire-in-mdm', { conditional: true, whyKey: 'step.retire-in-mdm.why-fallback' });
  const key = d.input.options.aadStorageKey;
  b.add('clear-aad-storage-key', {
    whyKey:
      key === true
        ? 'step.clear-aad-storage-key.why-present'
        : key === false
          ? 'step.clear-aad-storage-key.why-absent'
          : d.branch === 'all-no'
            ? 'step.clear-aad-storage-key.why-now'
            : 'step.clear-aad-storage-key.why',
    // known absent: nothing to delete unless it appears later; never for a disabled object
    conditional: key === false || ambiguous,
    // undoing every registration first: an MDM enrolment can block that too
    caveats: ['caveat.registry-only-for-700003', ...ifDeleted, ...d.mdmCaveatOnce()],
  });
  b.add('contact-support');
}

/** A neighbouring problem's own steps (PRT, keys, TPM, a failed check), after the branch's. */
function planNeighbour(d: Draft, f: FindingFacts, missing: boolean): void {
  const { b } = d;
  const joinType = d.input.joinType;
  switch (f.id) {
    case 'hybrid-join-incomplete': {
      const fromCodes = stepsForCodes(f.codes);
      if (fromCodes.length === 0 && !f.data.diagnostics) b.add('rerun-elevated');
      for (const id of fromCodes) b.add(id);
      if (!b.has('check-auto-registration-policy') && !missing) b.add('check-auto-registration-policy', { conditional: true });
      break;
    }
    case 'prt-missing':
      if (f.data.localAccount) break;
      if (!missing && !d.has('device-object-disabled')) b.add('refresh-prt');
      break;
    case 'prt-stale':
      if (!missing && !d.has('device-object-disabled')) b.add('refresh-prt');
      break;
    case 'prt-request-failed':
      for (const id of stepsForCodes(f.codes)) b.add(id);
      if (!missing) b.add('refresh-prt');
      break;
    case 'device-certificate-expired':
    case 'key-sign-test-failed':
    case 'aad-recovery-enabled':
      // a disabled object is enabled first; rebuilding its join would lose it
      if (!missing && !d.has('device-object-disabled')) {
        if (joinType === 'entra-joined') b.add('forcerecovery', { whyKey: 'step.forcerecovery.why-keys', caveats: d.mdmCaveatOnce() });
        else if (joinType === 'hybrid-joined') b.add('leave-and-reboot', { whyKey: 'step.leave-and-reboot.why-keys', caveats: d.mdmCaveatOnce() });
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
  if (missing?.data?.answer !== 'deleted') return steps;
  const restore = planStep('restore-device-object', {
    conditional: true,
    whyKey:
      input.joinType === 'entra-registered' || input.target?.kind === 'work-account'
        ? 'step.restore-device-object.why-registered'
        : 'step.restore-device-object.why',
  });
  const marked = steps.map((s): PlanStep => (UNDONE_BY_RESTORE.includes(s.id) ? { ...s, caveats: [...s.caveats, 'caveat.only-if-not-restored'] } : s));
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
      if (!own.includes(id) && !out.includes(id)) out.push(id);
    }
  }
  return out;
}

/**
 * The findings a device's sign-in codes raise, from the table of code meanings: a disabled
 * object wins over a deleted one (enabling loses nothing), a definite deletion over the
 * ambiguous 50155.
 */
function findingsForCodes(codes: readonly string[]): FindingFacts[] {
  const byAnswer = (object: string) => CODE_MEANINGS.filter((m) => m.object === object && codes.includes(m.code)).map((m) => m.code);
  const disabled = byAnswer('disabled');
  const deleted = byAnswer('deleted');
  const either = byAnswer('deleted-or-disabled');
  if (disabled.length) return [{ id: 'device-object-disabled', codes: disabled.slice(0, 1), severity: 'error' }];
  if (deleted.length) return [{ id: 'device-object-missing', data: { answer: 'deleted' }, codes: deleted.slice(0, 1), severity: 'error' }];
  if (either.length) return [{ id: 'device-object-missing', data: { answer: 'deleted-or-disabled' }, codes: either.slice(0, 1), severity: 'error' }];
  return [];
}

/**
 * The plan for a device known only by its join type and the error codes its sign-ins failed
 * with (fleet mode: no dsregcmd output). Codes without a device-object meaning add no step.
 *
 * @example
 * planForCodes('hybrid-joined', ['AADSTS700003']).steps[0]?.id // 'leave-and-reboot'
 */
export function planForCodes(joinType: JoinType, codes: string[], options: PlanOptions = {}, fleet: { restorable?: boolean } = {}): Plan {
  const findings = findingsForCodes(codes);
  if (joinType === 'unknown') findings.push({ id: 'join-state-unknown', codes: [], severity: 'warning' });
  // the restore only where a deleted-device list shows the device restorable
  return buildPlan({ joinType, findings, codes, options, workplaceJoined: joinType === 'not-joined' ? false : null, restoreFirst: fleet.restorable === true });
}
