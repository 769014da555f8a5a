// Restore first (#18): the plan offers restore-device-object first, worded as a condition, for a
// deleted Entra joined or registered device; never for hybrid joined or disabled devices; scripts
// that run on the PC never contain it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { en, ja } from '../src/i18n/all.js';
import { translator } from '../src/i18n/format.js';
import { planForCodes } from '../src/plan/plan.js';
import { readStatusText } from '../src/read/parse.js';
import { localizeStep } from '../src/render/localize.js';
import { remediationScript } from '../src/script/remediation.js';
import { fixtureText } from './helpers.js';
import { verifyFixtureBytes } from './verify-fixtures.js';

const diag = (text: string, error?: string) => diagnose(readStatusText(text, { name: 'input.txt' }), error ? { error } : {});
const ids = (text: string, error?: string) => diag(text, error).plan.steps.map((s) => s.id);
const DEVICE_SIDE = ['disconnect-work-account', 'reconnect-work-account', 'forcerecovery', 'clear-aad-storage-key'];

describe('restore first: which devices get it', () => {
  it('Entra joined, 700003 in the output: first, conditional, a tenant role; the PC steps only if it cannot be restored', () => {
    const d = diag(fixtureText('s01-aadj-700003.txt'));
    const [first, ...rest] = d.plan.steps;
    expect(first).toMatchObject({ id: 'restore-device-object', conditional: true, adminScope: 'tenant', whyKey: 'step.restore-device-object.why' });
    for (const s of rest.filter((x) => DEVICE_SIDE.includes(x.id))) expect(s.caveats).toContain('caveat.only-if-not-restored');
  });

  it('Entra registered, 700003 reported: first, worded for the work account', () => {
    const d = diag(verifyFixtureBytes('reg-before').toString('utf8'), '700003');
    expect(d.plan.steps[0]).toMatchObject({ id: 'restore-device-object', conditional: true, whyKey: 'step.restore-device-object.why-registered' });
    expect(d.plan.steps.map((s) => s.id)).toContain('reconnect-work-account');
  });

  it.each([
    ['hybrid joined (hard-deleted)', 's02-hybrid-700003.txt', undefined],
    ['disabled (135011): enable it', 's05-aadj-disabled-135011.txt', undefined],
    ['healthy', 's07-aadj-healthy.txt', undefined],
    ['domain joined, sync join pending', 's10-hybrid-prejoin-0x801c03f2.txt', '700003'],
  ])('never for %s', (_, file, error) => {
    expect(ids(fixtureText(file), error)).not.toContain('restore-device-object');
  });

  it('not when the output cannot tell deleted from disabled (DeviceAuthStatus only): confirm first', () => {
    const text = fixtureText('s01-aadj-700003.txt').replace(/ {5}AcquirePrtDiagnostics[\s\S]*?(?= +EnterprisePrt :)/, '');
    const steps = ids(text);
    expect(steps).not.toContain('restore-device-object');
    expect(steps[0]).toBe('confirm-device-object');
  });

  it('the step in Japanese and English: role, the three ways to check, what to expect', () => {
    const step = diag(fixtureText('s01-aadj-700003.txt')).plan.steps[0];
    if (!step) throw new Error('no step');
    for (const [lang, cat] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      const st = localizeStep(step, translator(lang));
      expect(st.title).toBe(cat['step.restore-device-object.title']);
      const all = [st.why, ...st.actions.map((a) => a.text), st.expect, st.verify].join('\n');
      expect(all).toContain('Get-EntraDeletedDevice -Filter "deviceId eq');
      expect(all).toContain('/directory/deletedItems/microsoft.graph.device');
      expect(all).toContain('30');
      expect(all).toContain('DeviceAuthStatus : SUCCESS');
      expect(all).toMatch(lang === 'en' ? /Cloud Device Administrator, Intune Administrator or Global Administrator/ : /クラウド デバイス管理者/);
    }
  });

  it('property: the restore is planned only for a deleted, not disabled, Entra joined or registered device, and always first', () => {
    const joinTypes = ['entra-joined', 'hybrid-joined', 'entra-registered', 'domain-joined', 'drs-joined', 'not-joined', 'unknown'] as const;
    const codes = ['AADSTS700003', 'AADSTS130008', 'AADSTS50155', 'AADSTS135011', 'AADSTS130007', 'AADSTS50126', '0x801c03f2'];
    fc.assert(
      fc.property(fc.constantFrom(...joinTypes), fc.subarray(codes), fc.boolean(), (joinType, cs, mdm) => {
        const plan = planForCodes(joinType, cs, mdm ? { mdm: true } : {}, { restorable: true });
        const at = plan.steps.findIndex((s) => s.id === 'restore-device-object');
        const deleted = cs.includes('AADSTS700003') || cs.includes('AADSTS130008');
        const disabled = cs.includes('AADSTS135011') || cs.includes('AADSTS130007');
        const applies = (joinType === 'entra-joined' || joinType === 'entra-registered') && deleted && !disabled;
        expect(at >= 0).toBe(applies);
        if (at >= 0) {
          expect(at).toBe(0);
          expect(plan.steps[0]?.conditional).toBe(true);
        }
        // fleet without a deleted-device list: never
        expect(planForCodes(joinType, cs).steps.some((s) => s.id === 'restore-device-object')).toBe(false);
      }),
    );
  });
});

describe('restore first: scripts that run on the PC never contain it', () => {
  it.each(['en', 'ja'] as const)('%s: the remediation script says the restore is a tenant action and has no restore command', (lang) => {
    const script = remediationScript(diag(fixtureText('s01-aadj-700003.txt')), lang, { generatedAt: new Date(0) });
    expect(script).not.toMatch(/Restore-Entra|Restore-Mg|deletedItems|Get-EntraDeletedDevice/);
    expect(script).toContain(`# ${translator(lang)('script.comment.restoreFirst')}`);
    // it stops before any change when the PC shows the restored object working
    expect(script).toContain("$Now['DeviceAuthStatus'] -eq 'SUCCESS'");
    expect(script.indexOf("$Now['DeviceAuthStatus']")).toBeLessThan(script.indexOf('& dsregcmd.exe /forcerecovery'));
  });

  it('a hybrid script has no restore note', () => {
    const script = remediationScript(diag(fixtureText('s02-hybrid-700003.txt')), 'en', { generatedAt: new Date(0) });
    expect(script).not.toContain(en['script.comment.restoreFirst']);
    expect(script).toContain('& dsregcmd.exe /leave');
  });
});
