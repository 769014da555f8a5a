import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { ACTION_KINDS, applyAction, type LabAction } from '../src/lab/actions.js';
import { checkDevice } from '../src/lab/identity.js';
import { ERAS, type WindowsEra } from '../src/lab/model.js';
import { renderStatus } from '../src/lab/render.js';
import { isReregistration } from '../src/lab/run.js';
import { buildHealthyWorld, matrixScenarios } from '../src/lab/scenarios.js';
import type { LabWorld } from '../src/lab/world.js';
import { readStatusText } from '../src/read/parse.js';

const MATRIX = matrixScenarios();
const byEra = new Map<WindowsEra, typeof MATRIX>(ERAS.map((era) => [era, MATRIX.filter((s) => s.era === era)]));

const action: fc.Arbitrary<LabAction> = fc.record({ kind: fc.constantFrom(...ACTION_KINDS), arg: fc.nat(3000) });
/** A healthy PC of any era and join state, then up to 25 random events. */
const history = fc.record({
  era: fc.constantFrom(...ERAS),
  pick: fc.nat(),
  actions: fc.array(action, { maxLength: 25 }),
});

function play(h: { era: WindowsEra; pick: number; actions: LabAction[] }): LabWorld {
  const list = byEra.get(h.era) ?? MATRIX;
  const scenario = list[h.pick % list.length] ?? MATRIX[0];
  if (!scenario) throw new Error('the matrix is empty');
  const world = buildHealthyWorld(scenario);
  for (const a of h.actions) applyAction(world, a);
  return world;
}

/** The PC's registrations all still exist and at least one is disabled: nothing was deleted. */
function onlyDisabled(world: LabWorld): boolean {
  const ids = [world.device.join?.deviceId, world.user.wpj?.deviceId, world.presentedDeviceId()].filter((id): id is string => Boolean(id));
  const checks = ids.map((id) => checkDevice(world.tenant, id));
  return checks.includes('disabled') && checks.every((c) => c === 'ok' || c === 'disabled');
}

const RUNS = { numRuns: 250, seed: 20250602 };

describe('lab property: rendered statuses always read back', () => {
  it('the reader never throws and reads every printed field back exactly, in every era and run context', () => {
    fc.assert(
      fc.property(history, (h) => {
        const world = play(h);
        for (const context of ['user', 'elevated', 'system'] as const) {
          const rendered = renderStatus(world, context);
          const report = readStatusText(rendered.text);
          expect(report.warnings).toEqual([]);
          expect(report.fields.map((f) => [f.section, f.key, f.value])).toEqual(rendered.fields.map((f) => [f.section, f.key, f.value]));
          // and the rest of the pipeline takes it too
          const d = diagnose(report, { now: new Date(world.now) });
          // taken as SYSTEM, the output says so wherever it has Diagnostic Data (#11)
          const modern = world.device.era === '21h2' || world.device.era === 'w11';
          if (context === 'system' && modern && (world.device.join || world.device.domain)) expect(d.runContext.kind).toBe('system');
        }
      }),
      RUNS,
    );
  });
});

describe('lab property: a device that is only disabled is never re-registered', () => {
  it('with the error the user saw (135011), no plan step rebuilds the registration', () => {
    let seen = 0;
    fc.assert(
      fc.property(history, (h) => {
        const world = play(h);
        if (!onlyDisabled(world)) return;
        const failing = world.tryApps().find((a) => !a.ok);
        if (!failing?.message) return;
        seen++;
        const d = diagnose(readStatusText(renderStatus(world, 'user').text), { error: failing.message, now: new Date(world.now) });
        expect(d.plan.steps.map((s) => s.id).filter(isReregistration)).toEqual([]);
      }),
      { ...RUNS, numRuns: 400 },
    );
    expect(seen).toBeGreaterThan(10);
  });

  // Fails until src/plan makes the re-registration steps conditional when the evidence is ambiguous
  // (DeviceAuthStatus "disabled or deleted" without a code): see the lab's disabled-ambiguous-status scenario.
  it('from the status alone, no plan step rebuilds the registration unconditionally', () => {
    let seen = 0;
    fc.assert(
      fc.property(history, (h) => {
        const world = play(h);
        if (!onlyDisabled(world)) return;
        seen++;
        const d = diagnose(readStatusText(renderStatus(world, 'user').text), { now: new Date(world.now) });
        const unconditional = d.plan.steps.filter((s) => isReregistration(s.id) && !s.conditional).map((s) => s.id);
        expect(unconditional, `plan: ${d.plan.steps.map((s) => s.id).join(' ')}`).toEqual([]);
      }),
      { ...RUNS, numRuns: 400 },
    );
    expect(seen).toBeGreaterThan(10);
  });
});
