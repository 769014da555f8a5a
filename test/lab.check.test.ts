import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { ERAS, JOIN_STATES, LOSSES } from '../src/lab/model.js';
import { runScenario, type ScenarioRun, touchesHealthyRegistration } from '../src/lab/run.js';
import { allScenarios, buildHealthyWorld, findScenario, MDM_KNOWLEDGE, matrixScenarios, POLICY_STATES, type Scenario } from '../src/lab/scenarios.js';

async function* noInput(): AsyncIterable<string> {}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdin: noInput(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { LANG: 'C' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

const story = (id: string): ScenarioRun => runScenario(findScenario(id) as Scenario, { story: true });
const taken = (run: ScenarioRun) => run.steps.flatMap((s) => (s.planStep ? [`${s.planStep.id}:${s.planStep.outcome}`] : []));
const events = (run: ScenarioRun) => run.steps.flatMap((s) => s.events.map((e) => e.key));

describe('the scenario matrix', () => {
  it('has at least 200 distinct combinations and covers every value of every dimension', () => {
    const matrix = matrixScenarios();
    expect(matrix.length).toBeGreaterThanOrEqual(200);
    const combos = new Set(matrix.map((s) => [s.join, s.era, s.mdm, s.policy, s.leftoverKey, s.loss].join('|')));
    expect(combos.size).toBe(matrix.length);
    expect(new Set(allScenarios().map((s) => s.id)).size).toBe(allScenarios().length);
    expect(new Set(matrix.map((s) => s.join))).toEqual(new Set(JOIN_STATES));
    expect(new Set(matrix.map((s) => s.era))).toEqual(new Set(ERAS));
    expect(new Set(matrix.map((s) => s.mdm))).toEqual(new Set(MDM_KNOWLEDGE));
    expect(new Set(matrix.map((s) => s.policy))).toEqual(new Set(POLICY_STATES));
    expect(new Set(matrix.map((s) => s.leftoverKey))).toEqual(new Set([true, false]));
    expect(new Set(matrix.map((s) => s.loss))).toEqual(new Set(LOSSES));
  });

  it('lab check heals every scenario (the last line is the contract)', async () => {
    const r = await cli(['lab', 'check']);
    const lines = r.stdout.trimEnd().split('\n');
    const last = lines[lines.length - 1] ?? '';
    expect(last).toMatch(/^\d+ scenarios: \d+ healed, \d+ failed$/);
    const [, total, healed, failed] = /^(\d+) scenarios: (\d+) healed, (\d+) failed$/.exec(last) ?? [];
    expect(Number(total)).toBe(allScenarios().length);
    expect(Number(healed) + Number(failed)).toBe(Number(total));
    expect(r.code).toBe(Number(failed) === 0 ? 0 : 1);
    // every failure names the scenario, the step and the state
    const failures = lines.filter((l) => l.startsWith('FAILED '));
    expect(failures.length).toBe(Number(failed));
    expect(failures.join('\n'), 'scenarios the plans did not heal').toBe('');
    // first, do no harm (#11): every applied step changed only a registration that was failing
    const harm = lines.find((l) => l.startsWith('no harm: '));
    expect(harm).toMatch(/^no harm: \d+ plan steps applied, 0 changed a registration that was not failing\.$/);
    expect(Number(/^no harm: (\d+)/.exec(harm ?? '')?.[1])).toBeGreaterThan(Number(total));
    expect(lines.filter((l) => l.startsWith('HARM ')).join('\n')).toBe('');
    // the whole lab (886 scenarios) through the CLI: ~30 s alone, minutes on a loaded machine
  }, 300_000);
});

describe("the article's paths, step by step", () => {
  it('registered: Disconnect, then Connect again', () => {
    const run = story('article-registered');
    expect(run.healed).toBe(true);
    expect(run.initial?.branch).toBe('registered');
    // restore first (#18): this tenant deletes for good, so the restore finds nothing
    expect(taken(run)).toEqual(['restore-device-object:skipped', 'disconnect-work-account:done', 'reconnect-work-account:done']);
  });

  it('joined: /forcerecovery fails without elevation, then works elevated', () => {
    const run = story('article-joined');
    expect(run.healed).toBe(true);
    expect(taken(run)).toEqual(['restore-device-object:skipped', 'forcerecovery:done']);
    const keys = events(run);
    expect(keys.indexOf('lab.event.forcerecoveryNotElevated')).toBeGreaterThan(-1);
    expect(keys.indexOf('lab.event.forcerecoveryNotElevated')).toBeLessThan(keys.indexOf('lab.event.forcerecoveryStarted'));
  });

  it('hybrid: /leave, restart, sign in; Entra Connect syncs the new certificate and the PC re-registers', () => {
    const run = story('article-hybrid');
    expect(run.healed).toBe(true);
    expect(run.initial?.branch).toBe('hybrid');
    expect(taken(run)).toEqual(['leave-and-reboot:done']);
    expect(events(run)).toContain('lab.event.syncCreatedPending');
    expect(events(run)).toContain('lab.event.hybridRegistered');
  });

  it('still failing: the leftover AAD\\Storage key, deleted only after every registration is undone', () => {
    const run = story('article-still-failing');
    expect(run.healed).toBe(true);
    expect(run.healedAfter).toBe('clear-aad-storage-key');
    expect(taken(run)).toEqual(['leave-and-reboot:done', 'check-auto-registration-policy:skipped', 'clear-aad-storage-key:done']);
    const checkPoint = run.steps.find((s) => s.title.key === 'lab.point.allNo');
    expect(checkPoint?.diagnosis?.branch).toBe('all-no');
    expect(checkPoint?.apps?.some((a) => a.code === 'AADSTS700003')).toBe(true);
  });

  it('MDM: Disconnect is blocked until the device is retired in Intune (the fallback, taken only when blocked)', () => {
    const run = story('article-mdm-retire');
    expect(run.healed).toBe(true);
    expect(run.initial?.steps.find((s) => s.id === 'retire-in-mdm')).toBeUndefined();
    expect(taken(run)).toEqual(['restore-device-object:skipped', 'disconnect-work-account:done-after-retire', 'reconnect-work-account:done']);
    expect(events(run)).toEqual(expect.arrayContaining(['lab.event.disconnectBlockedByMdm', 'lab.event.mdmRetired']));
  });

  it('policy-disabled hybrid re-registration: the conditional policy step is taken, and heals', () => {
    const run = story('policy-disabled-hybrid');
    expect(run.healed).toBe(true);
    expect(run.initial?.steps.find((s) => s.id === 'check-auto-registration-policy')?.conditional).toBe(true);
    expect(taken(run)).toEqual(['leave-and-reboot:done', 'check-auto-registration-policy:done']);
    expect(events(run)).toEqual(expect.arrayContaining(['lab.event.taskDisabledByPolicy', 'lab.event.autoRegistrationEnabled']));
  });

  it('disabled, not deleted: enable and refresh, never re-register', () => {
    const run = story('disabled-not-deleted');
    expect(run.healed).toBe(true);
    expect(taken(run)).toEqual(['enable-device-object:done', 'refresh-prt:done']);
  });

  it('out of the sync scope: the policy step puts the OU back in scope', () => {
    const run = story('hybrid-out-of-sync-scope');
    expect(run.healed).toBe(true);
    expect(events(run)).toEqual(expect.arrayContaining(['lab.event.syncDeletedOutOfScope', 'lab.event.ouAddedToScope']));
  });

  it('1607: the only evidence of 700003 is the error the user saw', () => {
    const run = story('old-windows-1607');
    expect(run.healed).toBe(true);
    expect(run.initial?.options.error).toMatch(/^AADSTS700003/);
    expect(run.steps[2]?.status.user).not.toMatch(/AADSTS|DeviceAuthStatus/);
  });
});

describe('dsreg-doctor lab (CLI)', () => {
  it('lab list names every scenario, in English and Japanese', async () => {
    const en = await cli(['lab', 'list']);
    const ja = await cli(['lab', 'list', '--lang', 'ja']);
    expect(en.code).toBe(0);
    for (const s of allScenarios()) expect(en.stdout).toContain(s.id);
    expect(en.stdout).toContain('Article path 1');
    expect(ja.stdout).toContain('記事の手順 1');
    expect(ja.stdout).toContain('ハイブリッド参加済み');
  });

  it('lab run tells the story in the chosen language', async () => {
    const en = await cli(['lab', 'run', 'article-joined']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('What the user sees:');
    expect(en.stdout).toContain('What dsreg-doctor says:');
    expect(en.stdout).toContain('Re-join with dsregcmd /forcerecovery (elevated)');
    expect(en.stdout).toMatch(/Result: healed/);
    const ja = await cli(['lab', 'run', 'article-joined', '--lang', 'ja', '--full']);
    expect(ja.stdout).toContain('ユーザーに見えるもの:');
    expect(ja.stdout).toContain('+----------------------------------------------------------------------+');
    expect(ja.stdout).toMatch(/結果: ステップ/);
  });

  it('lab render prints the status at a step, as the user or elevated', async () => {
    const run = story('article-hybrid');
    const r = await cli(['lab', 'render', 'article-hybrid', '--step', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(run.steps[2]?.status.user);
    const elevated = await cli(['lab', 'render', 'article-hybrid', '--step', '2', '--context', 'elevated']);
    expect(elevated.stdout).toBe(run.steps[2]?.status.elevated);
  });

  it.each([
    [['lab', 'render', 'article-hybrid', '--step', '99'], /Step "99" does not exist/],
    [['lab', 'render', 'article-hybrid'], /needs --step N/],
    [['lab', 'run', 'no-such-scenario'], /There is no scenario "no-such-scenario"/],
    [['lab', 'run'], /Name a scenario/],
    [['lab', 'dance'], /Unknown lab command "dance"/],
    [['lab', 'render', 'article-hybrid', '--step', '1', '--context', 'system'], /Invalid value "system" for --context/],
  ])('%j is refused with a message (exit 2)', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:/);
  });

  it('lab --help prints the usage', async () => {
    const r = await cli(['lab', '--help', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('使い方: dsreg-doctor lab');
  });
});

describe('first, do no harm: a healthy PC while a 700003 comes from elsewhere', () => {
  it.each([
    'article-hybrid',
    'article-joined',
    'dual-state-hybrid',
    'article-registered',
    'partner-tenant-work-account',
    'stale-registration-hybrid',
    'old-windows-1607',
  ])('%s: no plan touches the healthy join', (id) => {
    const s = findScenario(id);
    expect(s).toBeDefined();
    expect(touchesHealthyRegistration(buildHealthyWorld(s as Scenario))).toBeNull();
  });
});
