import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import type { DiagnoseOptions } from '../src/diagnose/types.js';
import { readStatusText } from '../src/read/parse.js';
import { buildStatus, type StatusSpec } from './build-status.js';

const NOW = new Date('2026-01-15T00:00:00Z');
/** A 700003 device: the output shows it refused (a healthy output with 700003 is needs-more-evidence). */
const plan = (spec: StatusSpec, options: DiagnoseOptions = {}) =>
  diagnose(readStatusText(buildStatus({ deviceAuthStatus: 'FAILED. Device is either disabled or deleted', ...spec })), {
    now: NOW,
    error: '700003',
    ...options,
  }).plan;

/** The article's flow, branch by branch (seed/000_6c52caf02ce4a10b.txt). */
describe("700003: every branch of the article's flow", () => {
  it('Entra registered (WorkplaceJoined YES): disconnect, reconnect, then the fallback stage', () => {
    const p = plan({ aad: 'NO', wpj: 'YES' });
    expect(p.branch).toBe('registered');
    // restore first (#18): a tenant action, before anything on the PC
    expect(p.steps.map((s) => s.id)).toEqual([
      'restore-device-object',
      'disconnect-work-account',
      'reconnect-work-account',
      'clear-aad-storage-key',
      'contact-support',
    ]);
    // no MdmUrl, no --mdm: nothing indicates an enrolment, so no MDM caveat on any step
    expect(p.steps.flatMap((s) => s.caveats).filter((c) => c.startsWith('caveat.mdm'))).toEqual([]);
  });

  it('Entra joined (AzureAdJoined YES only): forcerecovery as admin', () => {
    const p = plan({});
    expect(p.branch).toBe('joined');
    expect(p.steps.map((s) => s.id)).toEqual(['restore-device-object', 'forcerecovery', 'clear-aad-storage-key', 'contact-support']);
    expect(p.steps[0]).toMatchObject({ admin: true, adminScope: 'tenant', conditional: true });
    expect(p.steps[1]).toMatchObject({ admin: true, adminScope: 'local' });
    expect(p.steps[1]?.caveats).toContain('caveat.only-if-not-restored');
  });

  it('hybrid joined: leave and reboot as admin, then the auto-registration policy check', () => {
    const p = plan({ dom: 'YES' });
    expect(p.branch).toBe('hybrid');
    expect(p.steps.map((s) => s.id)).toEqual(['leave-and-reboot', 'check-auto-registration-policy', 'clear-aad-storage-key', 'contact-support']);
    expect(p.steps[0]?.caveats).toContain('caveat.auto-registration-default');
    expect(p.steps[1]?.conditional).toBe(true);
  });

  it('dual state (hybrid + registered): remove the registration first, then repair the hybrid join', () => {
    const p = plan({ dom: 'YES', wpj: 'YES' });
    expect(p.branch).toBe('dual-state-hybrid');
    expect(p.steps.map((s) => s.id)).toEqual([
      'disconnect-work-account',
      'leave-and-reboot',
      'check-auto-registration-policy',
      'clear-aad-storage-key',
      'contact-support',
    ]);
    expect(p.steps[0]?.whyKey).toBe('step.disconnect-work-account.why-dual');
  });

  it('dual state (Entra joined + registered)', () => {
    const p = plan({ wpj: 'YES' });
    expect(p.branch).toBe('dual-state-joined');
    expect(p.steps.map((s) => s.id)).toEqual(['restore-device-object', 'disconnect-work-account', 'forcerecovery', 'clear-aad-storage-key', 'contact-support']);
  });

  it('all NO with the error still present: straight to the registry stage', () => {
    const p = plan({ aad: 'NO', wpj: 'NO', prt: 'NO' });
    expect(p.branch).toBe('all-no');
    expect(p.steps.map((s) => s.id)).toEqual(['clear-aad-storage-key', 'contact-support']);
    expect(p.steps[0]?.whyKey).toBe('step.clear-aad-storage-key.why-now');
    expect(p.steps[0]?.caveats).toContain('caveat.registry-only-for-700003');
  });

  it('MDM-managed: retiring is the conditional fallback after the remedy, never a first step', () => {
    const p = plan({}, { mdm: true });
    expect(p.steps.map((s) => s.id)).toEqual(['restore-device-object', 'forcerecovery', 'retire-in-mdm', 'clear-aad-storage-key', 'contact-support']);
    expect(p.steps[2]).toMatchObject({ stage: 'fallback', conditional: true, whyKey: 'step.retire-in-mdm.why-fallback' });
    expect(p.steps[1]?.caveats).not.toContain('caveat.mdm-may-block');
  });

  it('enrolment not indicated: no retire step and no MDM caveat; MdmUrl shown: one caveat worded as a condition', () => {
    const none = plan({ aad: 'NO', wpj: 'YES' });
    expect(none.steps.map((s) => s.id)).not.toContain('retire-in-mdm');
    expect(none.steps.flatMap((s) => s.caveats).filter((c) => c.startsWith('caveat.mdm'))).toEqual([]);
    const url = plan({ details: ['                    MdmUrl : https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc'] });
    expect(url.steps.map((s) => s.id)).not.toContain('retire-in-mdm');
    expect(url.steps.flatMap((s) => s.caveats).filter((c) => c.startsWith('caveat.mdm'))).toEqual(['caveat.mdm-if-enrolled']);
    expect(url.steps[1]).toMatchObject({ id: 'forcerecovery', caveats: ['caveat.mdm-if-enrolled', 'caveat.only-if-not-restored'] });
  });

  it('policy-disabled re-registration: the policy step is required, not conditional', () => {
    const p = plan({ dom: 'YES' }, { autoRegistrationDisabled: true });
    const step = p.steps.find((s) => s.id === 'check-auto-registration-policy');
    expect(step?.conditional).toBe(false);
    expect(step?.whyKey).toBe('step.check-auto-registration-policy.why-disabled');
  });

  it('join state unknown: collect the full output before any re-registration', () => {
    const p = plan({ omit: ['Device State', 'User State'], aad: 'NO' });
    expect(p.branch).toBe('unknown');
    expect(p.steps.map((s) => s.id)).toEqual(['collect-full-status', 'clear-aad-storage-key', 'contact-support']);
  });

  it('DeviceAuthStatus alone: confirm deleted vs disabled first', () => {
    const p = diagnose(readStatusText(buildStatus({ deviceAuthStatus: 'FAILED. Device is either disabled or deleted' })), { now: NOW }).plan;
    expect(p.steps.map((s) => s.id)).toEqual([
      'confirm-device-object',
      'enable-device-object',
      'refresh-prt',
      'forcerecovery',
      'clear-aad-storage-key',
      'contact-support',
    ]);
    // nothing is re-registered unless the check found the object deleted
    for (const id of ['enable-device-object', 'forcerecovery', 'clear-aad-storage-key']) expect(p.steps.find((s) => s.id === id)?.conditional, id).toBe(true);
  });
});

describe('neighbouring problems get their own steps, never the 700003 re-registration', () => {
  it('disabled (135011): enable the object', () => {
    const p = plan({ deviceAuthStatus: 'FAILED. Device is either disabled or deleted' }, { error: '135011' });
    expect(p.branch).toBe('disabled');
    const ids = p.steps.map((s) => s.id);
    expect(ids[0]).toBe('enable-device-object');
    for (const id of ['forcerecovery', 'leave-and-reboot', 'disconnect-work-account', 'clear-aad-storage-key']) expect(ids).not.toContain(id);
  });

  it('hybrid join waiting for sync (0x801c03f2): sync the computer object', () => {
    const d = diagnose(
      readStatusText(buildStatus({ aad: 'NO', dom: 'YES', diagnostic: ['               Error Phase : join', '          Client ErrorCode : 0x801c03f2'] })),
      { now: NOW },
    );
    expect(d.plan.steps.map((s) => s.id)).toContain('sync-computer-object');
    expect(d.plan.steps.map((s) => s.id)).not.toContain('leave-and-reboot');
  });
});

describe('verify needs evidence', () => {
  it('an after output without DeviceAuthStatus or the PRT is "cannot tell", not "fixed"', async () => {
    const { verify } = await import('../src/verify/verify.js');
    const before = readStatusText(buildStatus({ prt: 'NO', deviceAuthStatus: 'FAILED. Device is either disabled or deleted' }));
    const after = readStatusText(buildStatus({ omit: ['SSO State'] }).replace(/ +DeviceAuthStatus : SUCCESS\n/, ''));
    const v = verify(before, after, { error: '700003' });
    expect(v.verdict).toBe('cannot-tell');
  });
});
