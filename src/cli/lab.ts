import { checkAll, checkSummaryLine } from '../lab/check.js';
import { CLEANUP_SCENARIO_ID, runCleanupScenario } from '../lab/cleanup-run.js';
import { cleanupCheckLines, cleanupStoryText } from '../lab/cleanup-story.js';
import { checkVerifyScenarios } from '../lab/verify-scenarios.js';
import { runScenario } from '../lab/run.js';
import { allScenarios, findScenario, type Scenario } from '../lab/scenarios.js';
import { scenarioTitle, storyText } from '../lab/story.js';
import type { CommandContext } from './command.js';
import { checkChoice, checkPositionals, emit, parseOptions } from './command.js';
import { UserError } from './errors.js';

/**
 * `dsreg-doctor lab list|run|render|check`: the simulated tenant and PCs. `lab check` exits 1
 * when a scenario fails to heal, a verify scenario gets the wrong verdict, or a plan step changed a
 * registration that was not failing (its last line is the same in every language).
 */
export async function labCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, {
    step: { type: 'string' },
    full: { type: 'boolean' },
    context: { type: 'string' },
  });
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('lab.help')}\n`);
    return 0;
  }
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const [sub, id] = positionals;
  // list and check take nothing more; run and render take one scenario
  if (sub === 'list' || sub === 'check') checkPositionals(`lab ${sub}`, positionals, 1);
  if (sub === 'run' || sub === 'render') checkPositionals(`lab ${sub}`, positionals, 2);
  switch (sub) {
    case undefined:
      ctx.io.stderr.write(`${ctx.t('lab.help')}\n`);
      return 2;
    case 'list':
      await emit(ctx, values.out, listText(ctx));
      return 0;
    case 'run':
      await emit(ctx, values.out, await runText(ctx, id, values.full === true));
      return 0;
    case 'render':
      await emit(ctx, values.out, renderText(id, values.step, values.context));
      return 0;
    case 'check': {
      const { text, ok } = await checkText(ctx);
      await emit(ctx, values.out, text);
      return ok ? 0 : 1;
    }
    default:
      throw new UserError('lab.error.unknownSubcommand', { sub });
  }
}

/** `lab run ID`: the scenario's story (the cleanup scenario has its own). */
async function runText(ctx: CommandContext, id: string | undefined, full: boolean): Promise<string> {
  if (id === CLEANUP_SCENARIO_ID) return cleanupStoryText(await runCleanupScenario(), ctx.t);
  const run = runScenario(scenarioArg(id), { story: true });
  return storyText(run, ctx.t, { full });
}

/** `lab render ID --step N [--context user|elevated]`: the dsregcmd /status output of one step. */
function renderText(id: string | undefined, stepArg: string | undefined, contextArg: string | undefined): string {
  const scenario = scenarioArg(id);
  const context = checkChoice('--context', contextArg, ['user', 'elevated'], 'user') as 'user' | 'elevated';
  if (stepArg === undefined) throw new UserError('lab.error.missingStep');
  const run = runScenario(scenario, { story: true });
  const max = run.steps.length - 1;
  const n = /^\d+$/.test(stepArg) ? Number(stepArg) : Number.NaN;
  const step = run.steps[n];
  if (!step) throw new UserError('lab.error.badStep', { step: stepArg, max });
  return (context === 'user' ? step.status.user : step.status.elevated) ?? '';
}

/** `lab check`: every scenario heals, no step harms a healthy registration, verify's verdicts, the cleanup scenario. */
async function checkText(ctx: CommandContext): Promise<{ text: string; ok: boolean }> {
  const result = checkAll();
  const lines: string[] = [];
  for (const { scenario, failure } of result.failures) {
    lines.push(
      ctx.t('lab.check.failure', {
        id: scenario.id,
        step: failure.step,
        reason: ctx.t(failure.reason.key, failure.reason.params),
        state: failure.state,
      }),
    );
  }
  // first, do no harm (#11): every applied step changed only the failing registration
  for (const v of result.harm.violations) lines.push(ctx.t('lab.check.harmViolation', { id: v.scenario.id, detail: v.detail }));
  lines.push(ctx.t('lab.check.harmSummary', { applied: result.harm.applied, violations: result.harm.violations.length }));
  lines.push(
    ctx.t('lab.check.summary', {
      total: result.total,
      stories: result.stories,
      matrix: result.matrix,
      seconds: (result.ms / 1000).toFixed(1),
    }),
  );
  // verify's verdicts on steps done halfway or wrongly, and its next step heals (#11)
  const verifyRuns = checkVerifyScenarios();
  for (const v of verifyRuns) if (v.problem) lines.push(ctx.t('lab.check.verifyFailure', { id: v.id, problem: v.problem }));
  const verifyOk = verifyRuns.filter((v) => v.problem === null).length;
  lines.push(ctx.t('lab.check.verifySummary', { total: verifyRuns.length, ok: verifyOk }));
  // the staged cleanup breaks no one; the one-step delete's 700003 cases are what fleet finds (#17)
  const cleanup = cleanupCheckLines(await runCleanupScenario(), CLEANUP_SCENARIO_ID, ctx.t);
  lines.push(...cleanup.lines);
  lines.push(checkSummaryLine(result));
  const ok = result.failed === 0 && verifyOk === verifyRuns.length && result.harm.violations.length === 0 && cleanup.ok;
  return { text: `${lines.join('\n')}\n`, ok };
}

function scenarioArg(id: string | undefined): Scenario {
  if (id === undefined) throw new UserError('lab.error.missingScenario');
  const scenario = findScenario(id);
  if (!scenario) throw new UserError('lab.error.unknownScenario', { id });
  return scenario;
}

function listText(ctx: CommandContext): string {
  const all = allScenarios();
  const stories = all.filter((s) => s.story);
  const matrix = all.filter((s) => !s.story);
  const width = stories.reduce((m, s) => Math.max(m, s.id.length), 0);
  const lines = [ctx.t('lab.list.stories')];
  for (const s of stories) lines.push(`  ${s.id.padEnd(width)}  ${scenarioTitle(s, ctx.t)}`);
  lines.push('', ctx.t('lab.list.matrix', { count: matrix.length }));
  for (const s of matrix) lines.push(`  ${s.id}  ${scenarioTitle(s, ctx.t)}`);
  lines.push('', ctx.t('lab.list.tenant'), `  ${CLEANUP_SCENARIO_ID}  ${ctx.t('lab.cleanup.title', { days: 90 })}`);
  lines.push('', ctx.t('lab.list.hint'));
  return `${lines.join('\n')}\n`;
}
