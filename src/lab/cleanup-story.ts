import type { CleanupDevice, HoldReason } from '../cleanup/staged.js';
import type { MessageKey, Translate } from '../i18n/format.js';
import { type CleanupScenarioRun, GRACE_DAYS, STALE_DAYS, type UserFailure } from './cleanup-run.js';
import type { CleanupPc } from './cleanup-tenant.js';
import { DAY } from './time.js';

/**
 * The cleanup scenario told (`lab run cleanup-staged-vs-one-step`) and checked against its known
 * truth (`lab check`): the truth is in the tenant's PCs (how each is used, what makes it special),
 * never in what the tools said.
 */

const REASON_KEY: Record<HoldReason, MessageKey> = {
  active: 'cleanup.reason.active',
  'blank-activity': 'cleanup.reason.blank-activity',
  autopilot: 'cleanup.reason.autopilot',
  hybrid: 'cleanup.reason.hybrid',
  'mdm-managed': 'cleanup.reason.mdm-managed',
  'bitlocker-not-backed-up': 'cleanup.reason.bitlocker-not-backed-up',
  printer: 'cleanup.reason.printer',
  'no-object-id': 'cleanup.reason.no-object-id',
  'enabled-again': 'cleanup.reason.enabled-again',
  reenable: 'cleanup.reason.reenable',
  'not-in-inventory': 'cleanup.reason.not-in-inventory',
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
const same = (a: Iterable<string>, b: Iterable<string>) => sorted(a).join() === sorted(b).join();

/** The PCs whose users come back: in use, though idle for months when the cleanup starts. */
export function returningPcs(run: CleanupScenarioRun): CleanupPc[] {
  return run.pcs.filter((pc) => pc.profile === 'returning');
}

/** What must never be disabled or deleted by the staged cleanup: PCs in use, and PCs a rule holds back. */
function mustNotTouch(pc: CleanupPc): boolean {
  return pc.profile === 'daily' || pc.trait !== 'plain';
}

/** Everything the scenario promises, as problems (empty: the promise holds). */
export function cleanupProblems(run: CleanupScenarioRun): string[] {
  const problems: string[] = [];
  const byId = new Map(run.pcs.map((pc) => [pc.deviceId, pc]));
  const staged = run.staged;
  const touched = staged.stages.flatMap((s) => [...s.plan.disable, ...s.plan.delete]).map((d) => d.deviceId);
  const wrong = touched.filter((id) => mustNotTouch(byId.get(id) as CleanupPc));
  if (wrong.length > 0) problems.push(`the staged cleanup disabled or deleted a PC it must hold back: ${sorted(wrong).join(', ')}`);
  const seen700003 = staged.failures.filter((f) => f.code === 'AADSTS700003');
  if (seen700003.length > 0) problems.push(`${seen700003.length} sign-ins failed with AADSTS700003 after the staged cleanup`);
  const reEnabled = staged.stages.flatMap((s) => (s.stage === 2 ? s.applied : s.stage === 3 ? s.plan.reEnable.map((d) => d.deviceId) : []));
  const returningPlain = returningPcs(run).filter((pc) => pc.trait === 'plain');
  if (
    !same(
      reEnabled,
      returningPlain.map((pc) => pc.deviceId),
    )
  )
    problems.push('stage 2 did not re-enable exactly the disabled PCs that came back');
  const deleted = staged.stages.find((s) => s.stage === 3)?.applied ?? [];
  const idlePlain = run.pcs.filter((pc) => pc.profile === 'idle' && pc.trait === 'plain').map((pc) => pc.deviceId);
  if (!same(deleted, idlePlain)) problems.push('stage 3 did not delete exactly the PCs nobody used');
  if (staged.fleet700003.length > 0) problems.push('fleet finds AADSTS700003 after the staged cleanup');
  const oneStep700003 = run.oneStep.failures.filter((f) => f.code === 'AADSTS700003').map((f) => f.deviceId);
  if (
    !same(
      oneStep700003,
      returningPcs(run).map((pc) => pc.deviceId),
    )
  )
    problems.push('the one-step delete did not break exactly the PCs still in use');
  if (!same(run.oneStep.fleet700003, oneStep700003)) problems.push('fleet does not find exactly the PCs whose users saw AADSTS700003');
  return problems;
}

/** The longest run of days one user saw AADSTS135011 (first to last failure, per device). */
function longestDisabledDays(failures: readonly UserFailure[]): number {
  const span = new Map<string, { first: number; last: number }>();
  for (const f of failures) {
    if (f.code !== 'AADSTS135011') continue;
    const s = span.get(f.deviceId) ?? { first: f.at, last: f.at };
    span.set(f.deviceId, { first: Math.min(s.first, f.at), last: Math.max(s.last, f.at) });
  }
  // calendar days, first and last included
  return Math.max(0, ...[...span.values()].map((s) => Math.round((Date.parse(day(s.last)) - Date.parse(day(s.first))) / DAY) + 1));
}

const users = (failures: readonly UserFailure[], code: string) => new Set(failures.filter((f) => f.code === code).map((f) => f.upn)).size;
const names = (run: CleanupScenarioRun, ids: readonly string[]) =>
  ids
    .map((id) => run.pcs.find((pc) => pc.deviceId === id)?.name ?? id)
    .sort()
    .join(', ') || '—';

function tenantLine(run: CleanupScenarioRun, t: Translate): string {
  const count = (f: (pc: CleanupPc) => boolean) => run.pcs.filter(f).length;
  return t('lab.cleanup.tenant', {
    total: run.pcs.length,
    daily: count((pc) => pc.profile === 'daily'),
    idle: count((pc) => pc.profile === 'idle'),
    returning: count((pc) => pc.profile === 'returning'),
    autopilot: count((pc) => pc.trait === 'autopilot'),
    hybrid: count((pc) => pc.trait === 'hybrid'),
    bitlocker: count((pc) => pc.trait === 'bitlocker-not-backed-up'),
  });
}

function heldLines(run: CleanupScenarioRun, held: readonly CleanupDevice[], t: Translate): string[] {
  return held.map((d) => `    ${names(run, [d.deviceId])}: ${d.reasons.map((r) => t(REASON_KEY[r])).join('; ')}`);
}

function failureLines(failures: readonly UserFailure[], t: Translate): string[] {
  const perPc = new Map<string, { f: UserFailure; last: number; count: number }>();
  for (const f of failures) {
    const key = `${f.deviceId} ${f.code}`;
    const seen = perPc.get(key);
    if (seen) perPc.set(key, { f: seen.f, last: f.at, count: seen.count + 1 });
    else perPc.set(key, { f, last: f.at, count: 1 });
  }
  return [...perPc.values()].map(({ f, last, count }) =>
    t('lab.cleanup.failure', { user: f.upn, device: f.device, code: f.code, from: day(f.at), to: day(last), count }),
  );
}

function stagedLines(run: CleanupScenarioRun, t: Translate): string[] {
  const out = [t('lab.cleanup.staged', { days: STALE_DAYS, grace: GRACE_DAYS })];
  for (const s of run.staged.stages) {
    const p = s.plan;
    if (s.stage === 1) {
      out.push(
        t('lab.cleanup.stage1', {
          date: day(s.at),
          candidates: p.candidates,
          disable: p.disable.length,
          devices: names(run, s.applied),
          held: p.heldBack.length,
        }),
      );
      out.push(...heldLines(run, p.heldBack, t));
    } else if (s.stage === 2) out.push(t('lab.cleanup.stage2', { date: day(s.at), count: s.applied.length, devices: names(run, s.applied) }));
    else out.push(t('lab.cleanup.stage3', { date: day(s.at), count: s.applied.length, devices: names(run, s.applied), broken: p.wouldBreak.delete.length }));
  }
  out.push(t('lab.cleanup.failures'), ...failureLines(run.staged.failures, t));
  const f = run.staged.failures;
  out.push(
    t('lab.cleanup.stagedResult', {
      users700003: users(f, 'AADSTS700003'),
      users135011: users(f, 'AADSTS135011'),
      days: longestDisabledDays(f),
      fleet: run.staged.fleet700003.length,
    }),
  );
  return out;
}

function oneStepLines(run: CleanupScenarioRun, t: Translate): string[] {
  const o = run.oneStep;
  const failing = sorted(o.failures.filter((f) => f.code === 'AADSTS700003').map((f) => f.deviceId));
  return [
    t('lab.cleanup.oneStep', { days: STALE_DAYS }),
    t('lab.cleanup.deleted', { date: day(o.at), count: o.deleted.length, devices: names(run, o.deleted) }),
    t('lab.cleanup.failures'),
    ...failureLines(o.failures, t),
    t('lab.cleanup.oneStepResult', { users: users(o.failures, 'AADSTS700003'), count: failing.length, devices: names(run, failing) }),
    t('lab.cleanup.fleet', {
      date: day(o.fleetAsOf),
      count: o.fleet700003.length,
      verdict: t(same(o.fleet700003, failing) ? 'lab.cleanup.fleetSame' : 'lab.cleanup.fleetDifferent'),
    }),
  ];
}

/** `lab run cleanup-staged-vs-one-step`. */
export function cleanupStoryText(run: CleanupScenarioRun, t: Translate): string {
  const lines = [t('lab.cleanup.title', { days: STALE_DAYS }), tenantLine(run, t), '', ...stagedLines(run, t), '', ...oneStepLines(run, t)];
  return `${lines.join('\n')}\n`;
}

/** `lab check`: one line, and the problems. */
export function cleanupCheckLines(run: CleanupScenarioRun, id: string, t: Translate): { lines: string[]; ok: boolean } {
  const problems = cleanupProblems(run);
  const lines = problems.map((problem) => t('lab.check.verifyFailure', { id, problem }));
  lines.push(
    t('lab.check.cleanup', {
      staged: users(run.staged.failures, 'AADSTS700003'),
      oneStep: sorted(run.oneStep.failures.filter((f) => f.code === 'AADSTS700003').map((f) => f.deviceId)).length,
      found: run.oneStep.fleet700003.length,
    }),
  );
  return { lines, ok: problems.length === 0 };
}
