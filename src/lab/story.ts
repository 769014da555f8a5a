import { type MessageKey, messageFor, type Translate } from '../i18n/format.js';
import { readStatusText } from '../read/parse.js';
import type { AppResult } from './model.js';
import type { HelpdeskView, LabStep, ScenarioRun } from './run.js';
import { type Scenario, storyIntroKey, storyTitleKey } from './scenarios.js';
import { storyTime } from './time.js';

/** The lines of the status a trainee should look at first. */
const KEY_FIELDS = new Set([
  'AzureAdJoined',
  'DomainJoined',
  'WorkplaceJoined',
  'DeviceId',
  'WorkplaceDeviceId',
  'DeviceAuthStatus',
  'AzureAdPrt',
  'AzureAdPrtUpdateTime',
  'AcquirePrtDiagnostics',
  'RefreshPrtDiagnostics',
  'Previous Prt Attempt',
  'Attempt Status',
  'Server Error Code',
  'Server Error Description',
  'Previous Registration',
  'Client ErrorCode',
  'Server Message',
]);

/** A scenario's name in the chosen language: its story title, or its matrix dimensions. */
export function scenarioTitle(s: Scenario, t: Translate): string {
  if (s.story) return t(storyTitleKey(s));
  const dims: MessageKey[] = [
    `lab.dim.join.${s.join}`,
    `lab.dim.era.${s.era}`,
    `lab.dim.mdm.${s.mdm}`,
    `lab.dim.policy.${s.policy}`,
    `lab.dim.key.${s.leftoverKey ? 'yes' : 'no'}`,
    `lab.dim.loss.${s.loss}`,
  ];
  return dims.map((key) => t(key)).join(' · ');
}

/** Product names are not translated. */
const APP_NAMES: Record<AppResult['app'], string> = { edge: 'Edge', teams: 'Teams', outlook: 'Outlook' };

function appLine(a: AppResult, t: Translate): string {
  const app = APP_NAMES[a.app];
  if (!a.ok) return t('lab.run.appFailed', { app, message: a.message ?? a.code ?? '' });
  return a.sso ? t('lab.run.appOk', { app }) : t('lab.run.appOkNoSso', { app });
}

function keyLines(status: string): string[] {
  const report = readStatusText(status);
  return report.fields.filter((f) => KEY_FIELDS.has(f.name)).map((f) => f.raw);
}

function diagnoseCommand(view: HelpdeskView): string {
  const parts: string[] = [];
  const code = view.options.error ? /AADSTS(\d+)/.exec(view.options.error)?.[1] : undefined;
  if (code) parts.push(` --error ${code}`);
  if (view.options.mdm) parts.push(' --mdm');
  return parts.join('');
}

function says(view: HelpdeskView, t: Translate, out: string[], withPlan: boolean): void {
  out.push(`  ${t('lab.run.says')} (dsreg-doctor diagnose${diagnoseCommand(view)})`);
  if (view.options.autoRegistrationDisabled) out.push(`    ${t('lab.run.knownPolicyOff')}`);
  const shown = view.findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) out.push(`    ${t('lab.run.nothingWrong')}`);
  for (const f of shown) out.push(`    ${f.severity === 'error' ? '✗' : '!'} ${t(f.title, f.params)}`);
  if (!withPlan || view.steps.length === 0) return;
  out.push(`  ${t('lab.run.plan')}`);
  view.steps.forEach((step, i) => {
    const flags = `${step.admin ? t('lab.run.flagAdmin') : ''}${step.conditional ? t('lab.run.flagConditional') : ''}`;
    out.push(`    ${i + 1}. ${t(`step.${step.id}.title`, step.params)}${flags}`);
  });
}

function point(run: ScenarioRun, step: LabStep, t: Translate, full: boolean, out: string[]): void {
  const plan = step.planStep;
  const title = plan ? t('lab.run.fix', { title: t(`step.${plan.id}.title`) }) : t(step.title.key, localizeActor(step, t));
  out.push('', `[${step.n}] ${storyTime(step.at)} — ${title}`);
  if (plan) {
    const planned = run.initial?.steps[plan.index];
    if (planned) out.push(`  ${t('lab.run.why', { why: t(planned.whyKey, planned.params) })}`);
  }
  if (step.events.length) {
    out.push(`  ${t('lab.run.happened')}`);
    for (const e of step.events) out.push(`    - ${t(`lab.actor.${e.actor}`)}: ${t(e.key, e.params)}`);
  }
  if (plan) {
    out.push(`  ${t(`lab.run.outcome.${plan.outcome}`)}${plan.note ? ` ${t(plan.note.key, plan.note.params)}` : ''}`);
    if (plan.outcome === 'skipped' || plan.outcome === 'reached') return;
  }
  if (step.apps) {
    out.push(`  ${t('lab.run.userSees')}`);
    for (const a of step.apps) out.push(`    - ${appLine(a, t)}`);
  }
  if (full) {
    out.push(`  ${t(step.status.takenAs === 'system' ? 'lab.run.statusFullSystem' : 'lab.run.statusFull')}`);
    for (const line of step.status.user.trimEnd().split('\n')) out.push(`    ${line}`);
  } else {
    out.push(`  ${t(step.status.takenAs === 'system' ? 'lab.run.statusSystem' : 'lab.run.status', { id: run.scenario.id, n: step.n })}`);
    for (const line of keyLines(step.status.user)) out.push(`    ${line}`);
  }
  if (step.diagnosis) says(step.diagnosis, t, out, step.phase === 'symptom' || step.phase === 'healthy');
}

function localizeActor(step: LabStep, t: Translate) {
  const actor = step.title.params.actor;
  return typeof actor === 'string' ? { ...step.title.params, actor: messageFor(t, `lab.actor.${actor}`) } : step.title.params;
}

/** `lab run`: the story of one scenario, step by step, for a trainee. */
export function storyText(run: ScenarioRun, t: Translate, options: { full?: boolean } = {}): string {
  const s = run.scenario;
  const out: string[] = [t('lab.run.header', { title: scenarioTitle(s, t), id: s.id })];
  out.push(s.story ? t(storyIntroKey(s)) : t('lab.run.noStoryIntro', { title: scenarioTitle(s, t) }));
  for (const step of run.steps) point(run, step, t, options.full === true, out);
  out.push('');
  if (run.failure) {
    out.push(t('lab.run.failed', { step: run.failure.step, reason: t(run.failure.reason.key, run.failure.reason.params), state: run.failure.state }));
  } else {
    const id = run.healedAfter;
    out.push(t('lab.run.healed', { step: id ? t(`step.${id}.title`) : '—' }));
  }
  return `${out.join('\n')}\n`;
}
