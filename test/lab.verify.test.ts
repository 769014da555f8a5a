// The lab's verify scenarios (#11 item 4) and restore scenarios (#18): a step done halfway or
// wrongly gets the verdict it deserves, and verify's next step heals the PC; a restore within 30
// days heals with no device-side step, after 30 days only re-registration works.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/lab/run.js';
import { findScenario, type Scenario } from '../src/lab/scenarios.js';
import { checkVerifyScenarios, VERIFY_SCENARIOS } from '../src/lab/verify-scenarios.js';

describe('lab: verify scenarios', () => {
  it.each(checkVerifyScenarios().map((r) => [r.id, r] as const))('%s', (_, r) => {
    const spec = VERIFY_SCENARIOS.find((v) => v.id === r.id);
    expect(r.problem).toBeNull();
    expect(r.verdict).toBe(spec?.verdict);
    expect(r.nextStep).toBe(spec?.nextStep);
    expect(r.healed).toBe(true);
  });
});

const run = (id: string) => runScenario(findScenario(id) as Scenario, { story: true });
const taken = (id: string) => run(id).steps.flatMap((s) => (s.planStep ? [`${s.planStep.id}:${s.planStep.outcome}`] : []));
/** The events of the plan's steps (after the failure was diagnosed). */
const events = (id: string) =>
  run(id)
    .steps.filter((s) => s.planStep !== null)
    .flatMap((s) => s.events.map((e) => e.key));
/** Every event of the run. */
const allEvents = (id: string) => run(id).steps.flatMap((s) => s.events.map((e) => e.key));

describe('lab: restore first', () => {
  it.each(['restore-joined-within-30-days', 'restore-registered-within-30-days'])('%s: the restore heals, nothing on the PC changes', (id) => {
    const r = run(id);
    expect(r.failure).toBeNull();
    expect(r.healedAfter).toBe('restore-device-object');
    expect(r.initial?.steps[0]?.id).toBe('restore-device-object');
    expect(taken(id)).toEqual(['restore-device-object:done']);
    expect(events(id)).toContain('lab.event.objectRestored');
    expect(events(id)).not.toContain('lab.event.entraJoined');
    expect(events(id)).not.toContain('lab.event.workAccountConnected');
  });

  it.each([
    ['restore-joined-after-30-days', 'forcerecovery'],
    ['restore-registered-after-30-days', 'reconnect-work-account'],
  ])('%s: purged after 30 days, only re-registration works', (id, step) => {
    const r = run(id);
    expect(r.failure).toBeNull();
    expect(r.healedAfter).toBe(step);
    expect(taken(id)[0]).toBe('restore-device-object:skipped');
    expect(allEvents(id)).toContain('lab.event.deletedItemPurged');
  });

  it('hybrid joined: hard-deleted, never in the deleted items, no restore planned', () => {
    const r = run('restore-hybrid-hard-deleted');
    expect(r.failure).toBeNull();
    expect(r.initial?.steps.map((s) => s.id)).not.toContain('restore-device-object');
    expect(allEvents('restore-hybrid-hard-deleted')).not.toContain('lab.event.objectSoftDeleted');
  });

  it('disabled: enabled, never restored', () => {
    const r = run('restore-not-for-disabled');
    expect(r.failure).toBeNull();
    expect(r.initial?.steps.map((s) => s.id)).not.toContain('restore-device-object');
  });
});
