// First, do no harm, in the lab (#11): the registration that fails is not always the one that
// looks broken. Each scenario's expected plan was labelled from the article and the domain notes
// before running it; every run must heal, and no applied step may change a registration that was
// not failing.
import { describe, expect, it } from 'vitest';
import { changedHealthy, failingRegistrations, registrationsOn, runScenario, type ScenarioRun } from '../src/lab/run.js';
import { buildHealthyWorld, findScenario, type Scenario } from '../src/lab/scenarios.js';

const run = (id: string): ScenarioRun => {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return runScenario(s, { story: true });
};
const planIds = (r: ScenarioRun) => r.initial?.steps.map((s) => s.id) ?? [];
const taken = (r: ScenarioRun) => r.steps.flatMap((s) => (s.planStep ? [`${s.planStep.id}:${s.planStep.outcome}`] : []));

/** Steps that change the device join: never when only a work account fails. */
const JOIN_CHANGING = ['leave-and-reboot', 'forcerecovery', 'clear-aad-storage-key', 'retire-in-mdm', 'rejoin-entra'];

interface Case {
  id: string;
  /** The first plan, as the helpdesk gets it. */
  plan: string[];
  /** What the helpdesk does, in order (follow-up plans included). */
  taken: string[];
  healedAfter: string;
}

const CASES: Case[] = [
  {
    // the error page's Device identifier is the WorkplaceDeviceId: disconnect it, no reconnect (#11 a)
    id: 'stale-registration-hybrid',
    plan: ['disconnect-work-account', 'contact-support'],
    taken: ['disconnect-work-account:done'],
    healedAfter: 'disconnect-work-account',
  },
  {
    // the error names the join's own tenant and the join is healthy: no disconnect by elimination (#11 b)
    id: 'stale-registration-needs-device-id',
    plan: ['collect-error-details'],
    taken: ['collect-error-details:done', 'disconnect-work-account:done'],
    healedAfter: 'disconnect-work-account',
  },
  {
    // the partner's account is needed: disconnect and connect again; the join is not touched
    id: 'partner-tenant-work-account',
    plan: ['restore-device-object', 'disconnect-work-account', 'reconnect-work-account', 'contact-support'],
    taken: ['restore-device-object:skipped', 'disconnect-work-account:done', 'reconnect-work-account:done'],
    healedAfter: 'reconnect-work-account',
  },
  {
    // SYSTEM shows no user: the user's own run, then the error page's details, then the fix
    id: 'output-taken-as-system',
    plan: ['rerun-as-user', 'collect-error-details'],
    taken: ['rerun-as-user:done', 'collect-error-details:done', 'disconnect-work-account:done'],
    healedAfter: 'disconnect-work-account',
  },
  {
    // another device's error page: ask, change nothing
    id: 'healthy-while-other-device-fails',
    plan: ['collect-error-details'],
    taken: ['collect-error-details:done'],
    healedAfter: 'collect-error-details',
  },
  {
    // 1607 layout, PRT cached, no DeviceAuthStatus: confirm the object is gone before /leave (#11 c)
    id: 'old-windows-1607',
    plan: ['confirm-device-object', 'leave-and-reboot', 'check-auto-registration-policy', 'clear-aad-storage-key', 'contact-support'],
    taken: ['confirm-device-object:done', 'leave-and-reboot:done'],
    healedAfter: 'leave-and-reboot',
  },
];

describe('lab: the registration that fails is the one the plan changes', () => {
  it.each(CASES)('$id', (c) => {
    const r = run(c.id);
    expect(r.failure).toBeNull();
    expect(planIds(r)).toEqual(c.plan);
    expect(taken(r)).toEqual(c.taken);
    expect(r.healedAfter).toBe(c.healedAfter);
    expect(r.harm.violations).toEqual([]);
    expect(r.harm.applied).toBe(c.taken.filter((t) => !t.endsWith(':skipped')).length);
  });

  it('a work account fails next to a healthy join: no plan changes the join', () => {
    for (const id of ['stale-registration-hybrid', 'stale-registration-needs-device-id', 'partner-tenant-work-account', 'output-taken-as-system']) {
      const r = run(id);
      const all = r.steps.flatMap((s) => [...(s.diagnosis?.steps.map((st) => st.id) ?? [])]);
      expect(
        all.filter((st) => JOIN_CHANGING.includes(st)),
        id,
      ).toEqual([]);
    }
  });

  it('the error needs more evidence when this output does not show the failure (exit 1, needs-more-evidence)', () => {
    for (const id of ['stale-registration-needs-device-id', 'output-taken-as-system', 'healthy-while-other-device-fails']) {
      const v = run(id).initial;
      expect(v?.exitCode, id).toBe(1);
      expect(
        v?.findings.map((f) => f.id),
        id,
      ).toContain('needs-more-evidence');
    }
  });

  it('the SYSTEM output shows the computer account and no user state', () => {
    const symptom = run('output-taken-as-system').steps.find((s) => s.phase === 'symptom');
    expect(symptom?.status.user).toMatch(/Executing Account Name : \w+\\[\w-]+\$/);
    expect(symptom?.status.user).not.toContain('Work Account 1');
    expect(symptom?.status.takenAs).toBe('system');
    // after rerun-as-user the helpdesk has the user's own run: the stale registration shows
    const rerun = run('output-taken-as-system').steps.find((s) => s.planStep?.id === 'rerun-as-user');
    expect(rerun?.status.takenAs).toBeUndefined();
    expect(rerun?.status.user).toContain('WorkplaceDeviceId');
  });

  it('the error page of the partner account names the partner tenant, not the join tenant', () => {
    const r = run('partner-tenant-work-account');
    const error = r.initial?.options.error ?? '';
    expect(error).toMatch(/AADSTS700003: Device object was not found in the tenant '.+' directory\./);
    const joinTenant = /TenantName : (.+)/.exec(r.steps[0]?.status.user ?? '')?.[1];
    expect(joinTenant).toBeDefined();
    expect(error).not.toContain(`'${joinTenant}'`);
  });
});

describe('lab: reconnect or not (#11 a)', () => {
  it('a registered-only device connects the work account again', () => {
    expect(planIds(run('article-registered'))).toContain('reconnect-work-account');
  });
  it('a stale registration next to a hybrid join is only disconnected (the join covers the tenant)', () => {
    const plan = run('stale-registration-hybrid').initial?.steps ?? [];
    expect(plan.map((s) => s.id)).not.toContain('reconnect-work-account');
    expect(plan.find((s) => s.id === 'disconnect-work-account')?.whyKey).toBe('step.disconnect-work-account.why-stale');
  });
  it('a partner account is connected again', () => {
    const plan = run('partner-tenant-work-account').initial?.steps ?? [];
    expect(plan.find((s) => s.id === 'disconnect-work-account')?.whyKey).toBe('step.disconnect-work-account.why-partner');
    expect(plan.find((s) => s.id === 'reconnect-work-account')?.whyKey).toBe('step.reconnect-work-account.why-partner');
  });
});

describe('lab: the no-harm check itself can fail', () => {
  it('removing a healthy join while only the work account fails is a violation', () => {
    const s = findScenario('stale-registration-hybrid') as Scenario;
    const world = buildHealthyWorld(s);
    const wpj = world.user.wpj;
    expect(wpj).not.toBeNull();
    if (wpj) world.deleteObject(wpj.deviceId, 'admin', world.tenantOf(wpj));
    const failing = failingRegistrations(world);
    expect([...failing]).toEqual(['work-account']);
    const before = registrationsOn(world);
    world.leave(true);
    expect(changedHealthy('leave-and-reboot', before, registrationsOn(world), failing)).toEqual([`leave-and-reboot: join (${before.join})`]);
  });

  it("a partner tenant's work account never goes with a failing join", () => {
    const s = findScenario('partner-tenant-work-account') as Scenario;
    const world = buildHealthyWorld(s);
    const join = world.device.join;
    if (join) world.deleteObject(join.deviceId, 'admin');
    expect([...failingRegistrations(world)]).toEqual(['join']);
    const before = registrationsOn(world);
    world.disconnectWorkAccount();
    expect(changedHealthy('disconnect-work-account', before, registrationsOn(world), failingRegistrations(world))).toHaveLength(1);
  });

  it('a same-tenant stale registration goes with a failing join (dual state)', () => {
    const s = findScenario('dual-state-hybrid') as Scenario;
    const world = buildHealthyWorld(s);
    const join = world.device.join;
    if (join) world.deleteObject(join.deviceId, 'admin');
    expect([...failingRegistrations(world)].sort()).toEqual(['join', 'work-account']);
  });
});
