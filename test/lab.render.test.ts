import { describe, expect, it } from 'vitest';
import { ERAS } from '../src/lab/model.js';
import { type RenderedStatus, type RunContext, renderStatus } from '../src/lab/render.js';
import { runScenario } from '../src/lab/run.js';
import { breakDevice, buildHealthyWorld, findScenario, matrixScenarios, mondayMorning, type Scenario } from '../src/lab/scenarios.js';
import { toDeviceStatus } from '../src/model/status.js';
import { readStatusText } from '../src/read/parse.js';
import { fixtureText } from './helpers.js';

/** What the reader must read back: every printed field, in order, with its section. */
function expectReadBack(rendered: RenderedStatus, label: string) {
  const report = readStatusText(rendered.text);
  expect(report.warnings, label).toEqual([]);
  expect(report.skippedLines, label).toBe(0);
  expect(
    report.fields.map((f) => [f.section, f.key, f.value]),
    label,
  ).toEqual(rendered.fields.map((f) => [f.section, f.key, f.value]));
}

/** A line's shape without its value: `            DeviceId : …`. Empty values count as values. */
function skeleton(text: string): string[] {
  const lines = text.split('\n').map((l) => {
    const i = l.indexOf(' : ');
    if (i > 0) return `${l.slice(0, i)} : …`;
    if (/\s:$/.test(l)) return `${l.slice(0, -2)} : …`;
    return l;
  });
  while (lines.length && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}

const base = matrixScenarios()[0] as Scenario;
const variant = (over: Partial<Scenario>): Scenario => ({ ...base, ...over, id: `fixture-${JSON.stringify(over)}`, story: false });

describe('lab rendering reads back exactly, every era and run context', () => {
  it('healthy and Monday-morning states of a fifth of the matrix (every era, join state and loss)', () => {
    let count = 0;
    for (const s of matrixScenarios().filter((_, i) => i % 5 === 0)) {
      const world = buildHealthyWorld(s);
      const states: RunContext[] = ['user', 'elevated'];
      for (const context of states) expectReadBack(renderStatus(world, context), `${s.id} healthy ${context}`);
      breakDevice(world, s);
      mondayMorning(world, s);
      world.tryApps();
      for (const context of states) expectReadBack(renderStatus(world, context), `${s.id} broken ${context}`);
      count += 4;
    }
    expect(count).toBeGreaterThan(600);
  });

  it('the typed model sees the state the lab set up (joinType, deviceId, PRT)', () => {
    const expected = {
      registered: 'entra-registered',
      joined: 'entra-joined',
      hybrid: 'hybrid-joined',
      'dual-hybrid': 'hybrid-joined',
      'dual-joined': 'entra-joined',
    };
    for (const era of ERAS) {
      for (const join of ['registered', 'joined', 'hybrid', 'dual-hybrid', 'dual-joined'] as const) {
        const s = variant({ era, join, policy: 'on' });
        const world = buildHealthyWorld(s);
        const status = toDeviceStatus(readStatusText(renderStatus(world, 'user').text));
        expect(status.joinType, `${era} ${join}`).toBe(expected[join]);
        expect(status.deviceId.value, `${era} ${join}`).toBe(world.currentRegistrationId());
        expect(status.workplaceJoined.value, `${era} ${join}`).toBe(join === 'registered' || join.startsWith('dual'));
        if (join !== 'registered') expect(status.azureAdPrt.value, `${era} ${join}`).toBe(true);
      }
    }
  });
});

describe('lab layouts are the real-format fixtures, line for line', () => {
  // the same situation as the fixture, rendered by the lab; values differ, line shapes must not
  const cases: { fixture: string; scenario: Partial<Scenario>; step: number; context: 'user' | 'elevated'; strip?: (lines: string[]) => string[] }[] = [
    {
      fixture: 's01-aadj-700003.txt',
      scenario: { join: 'joined', era: 'w11', mdm: 'unknown', loss: 'deleted', morning: 'sign-in', windowsHello: false },
      step: 2,
      context: 'user',
    },
    {
      fixture: 's02-hybrid-700003.txt',
      scenario: { join: 'hybrid', era: 'w11', mdm: 'unknown', loss: 'deleted', morning: 'sign-in', windowsHello: false },
      step: 2,
      context: 'user',
    },
    {
      fixture: 's05-aadj-disabled-135011.txt',
      scenario: { join: 'joined', era: 'w11', mdm: 'unknown', loss: 'disabled', morning: 'unlock', windowsHello: false },
      step: 2,
      context: 'user',
    },
    { fixture: 's07-aadj-healthy.txt', scenario: { join: 'joined', era: 'w11', mdm: 'unknown', windowsHello: true }, step: 0, context: 'user' },
    { fixture: 'r03-aadj-win10-prt-yes.txt', scenario: { join: 'joined', era: '21h2', mdm: 'none', windowsHello: false }, step: 0, context: 'user' },
    {
      fixture: 'r10-hybrid-1607-old-format.txt',
      scenario: { join: 'hybrid', era: '1607', mdm: 'unknown', windowsHello: true, policy: 'on' },
      step: 0,
      context: 'user',
      // published as a Markdown code block: four spaces of indent on every line
      strip: (lines) => lines.map((l) => l.replace(/^ {4}/, '')),
    },
    {
      fixture: 'r28-domain-joined-plus-registered-1803-old-format.txt',
      scenario: { join: 'registered', era: '1809', mdm: 'unknown', policy: 'off', windowsHello: false },
      step: 0,
      context: 'user',
      // taken in a prompt: drop the prompt lines around the output
      strip: (lines) => lines.filter((l) => !l.startsWith('C:\\')).slice(1),
    },
  ];
  for (const c of cases) {
    it(`${c.fixture}: ${JSON.stringify(c.scenario)} at step ${c.step}`, () => {
      const run = runScenario(variant(c.scenario), { story: true });
      const text = run.steps[c.step]?.status[c.context] ?? '';
      const fixture = skeleton(fixtureText(c.fixture));
      expect(skeleton(text)).toEqual(c.strip ? skeleton(c.strip(fixture).join('\n')) : fixture);
    });
  }

  it('era differences: DeviceAuthStatus and PRT diagnostics only from 21H2, Virtual Desktop only on Windows 11', () => {
    for (const era of ERAS) {
      const run = runScenario(variant({ join: 'joined', era, loss: 'deleted', morning: 'sign-in' }), { story: true });
      const names = readStatusText(run.steps[2]?.status.user ?? '').fields.map((f) => f.name);
      const modern = era === '21h2' || era === 'w11';
      expect(names.includes('DeviceAuthStatus'), era).toBe(modern);
      expect(names.includes('AcquirePrtDiagnostics'), era).toBe(modern);
      expect(names.includes('Server Error Description'), era).toBe(modern);
      expect(names.includes('Virtual Desktop'), era).toBe(era === 'w11');
      expect(names.includes('AzureAdPrt'), era).toBe(true);
    }
  });

  it('the elevated run shows the admin account, KeySignTest PASSED, and no user PRT', () => {
    for (const era of ERAS) {
      const run = runScenario(variant({ join: 'hybrid', era, loss: 'deleted', morning: 'sign-in', policy: 'on' }), { story: true });
      const elevated = readStatusText(run.steps[2]?.status.elevated ?? '');
      const value = (name: string) => elevated.fields.find((f) => f.name === name)?.value;
      expect(value('KeySignTest'), era).toBe('PASSED');
      expect(value('AzureAdPrt'), era).toBe('NO');
      expect(value('Server Error Description'), era).toBeUndefined();
      if (era === '21h2' || era === 'w11') {
        expect(value('WamDefaultSet'), era).toBe('ERROR');
        expect(value('Executing Account Name'), era).toMatch(/\\hd-admin/);
      } else expect(elevated.lineKinds.filter((k) => k === 'prompt').length, era).toBe(2);
    }
  });

  it('a hybrid join waiting for Entra Connect prints the pre-join diagnostics (0x801c03f2)', () => {
    const run = runScenario(findScenario('hybrid-out-of-sync-scope') as Scenario, { story: true });
    const waiting = run.steps.find((st) => st.planStep?.id === 'leave-and-reboot');
    const user = readStatusText(waiting?.status.user ?? '');
    const value = (name: string) => user.fields.find((f) => f.name === name)?.value;
    expect(value('AzureAdJoined')).toBe('NO');
    expect(value('User Context')).toBe('UN-ELEVATED User');
    expect(value('Client ErrorCode')).toBe('0x801c03f2');
    expect(value('Server ErrorCode')).toBe('DirectoryError');
    const elevated = readStatusText(waiting?.status.elevated ?? '');
    expect(elevated.fields.find((f) => f.name === 'User Context')?.value).toBe('SYSTEM');
    expect(elevated.sections.map((s) => s.title)).toContain('IE Proxy Config for System Account');
  });

  it('the simulation is deterministic: the same scenario renders the same text', () => {
    const s = findScenario('article-still-failing') as Scenario;
    const a = runScenario(s, { story: true }).steps.map((st) => st.status.user);
    const b = runScenario(s, { story: true }).steps.map((st) => st.status.user);
    expect(a).toEqual(b);
  });
});
