// Issue 11, item 6: the smaller wrongs, each with its case (labelled before the code was read).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import type { DiagnoseOptions } from '../src/diagnose/types.js';
import { translator } from '../src/i18n/format.js';
import { lookupCode } from '../src/knowledge/codes.js';
import { readStatusText } from '../src/read/parse.js';
import { diagnosisToText } from '../src/render/diagnosis-text.js';
import { localizeStep } from '../src/render/localize.js';
import { buildStatus, DELETED_ATTEMPT, type StatusSpec } from './build-status.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const run = (spec: StatusSpec, options: DiagnoseOptions = {}) => diagnose(readStatusText(buildStatus(spec)), { now: NOW, ...options });
const ids = (d: ReturnType<typeof run>) => d.findings.map((f) => f.id);
const DISABLED_ATTEMPT = DELETED_ATTEMPT.map((l) =>
  l.includes('Server Error Description') ? '  Server Error Description : AADSTS135011: The device used during the authentication is disabled.' : l,
);
const DELETED = 'FAILED. Device is either disabled or deleted';

describe('one verdict when 135011 and 700003 both appear: the latest server answer decides', () => {
  it('700003 in the PRT attempt, 135011 only reported earlier → deleted, 135011 explained as superseded', () => {
    const d = run({ prt: 'NO', deviceAuthStatus: DELETED, sso: DELETED_ATTEMPT }, { error: '135011' });
    expect(ids(d)).toContain('device-object-missing');
    expect(ids(d)).not.toContain('device-object-disabled');
    expect(d.findings.find((f) => f.id === 'superseded-answer')?.codes).toEqual(['AADSTS135011']);
    expect(d.plan.steps.map((s) => s.id)).not.toContain('enable-device-object');
  });
  it('135011 in the PRT attempt, 700003 reported → disabled, 700003 explained, never re-registered', () => {
    const d = run({ prt: 'NO', deviceAuthStatus: DELETED, sso: DISABLED_ATTEMPT }, { error: '700003' });
    expect(ids(d)).toContain('device-object-disabled');
    expect(ids(d)).not.toContain('device-object-missing');
    expect(d.findings.find((f) => f.id === 'superseded-answer')?.codes).toEqual(['AADSTS700003']);
    const steps = d.plan.steps.map((s) => s.id);
    expect(steps[0]).toBe('enable-device-object');
    expect(steps).not.toContain('forcerecovery');
  });
});

describe('success checks per join type', () => {
  it.each(['en', 'ja'] as const)('a registered device (135011) is not checked by DeviceAuthStatus or AzureAdPrt (%s)', (lang) => {
    const d = run({ aad: 'NO', wpj: 'YES' }, { error: '135011' });
    const step = d.plan.steps.find((s) => s.id === 'enable-device-object');
    expect(step).toBeDefined();
    const verify = localizeStep(step as NonNullable<typeof step>, translator(lang)).verify;
    expect(verify).not.toMatch(/DeviceAuthStatus : SUCCESS|AzureAdPrt : YES/);
  });
  it('a joined device keeps the DeviceAuthStatus check', () => {
    const d = run({ prt: 'NO', sso: DISABLED_ATTEMPT });
    const step = d.plan.steps.find((s) => s.id === 'enable-device-object');
    expect(localizeStep(step as NonNullable<typeof step>, translator('en')).verify).toContain('DeviceAuthStatus : SUCCESS');
  });
});

describe('local accounts, RDP sessions, labels and roles', () => {
  it.each(['en', 'ja'] as const)('a local account (PC-TEST-01\\frontdesk): no PRT expected, sign in with the work account (%s)', (lang) => {
    const d = run({ prt: 'NO', diagnostic: ['    Executing Account Name : PC-TEST-01\\frontdesk'] });
    const f = d.findings.find((x) => x.id === 'prt-missing');
    expect(f?.severity).toBe('info');
    expect(f?.explanation).toBe('finding.prt-missing.local-account');
    expect(d.plan.steps.map((s) => s.id)).not.toContain('refresh-prt');
    expect(d.exitCode).toBe(0);
    const text = diagnosisToText(d, lang, translator(lang), { color: false });
    expect(text).toContain(lang === 'en' ? 'sign in to Windows with the work account' : '職場アカウントで Windows にサインイン');
  });
  it('a domain account is still a user whose missing PRT is an error', () => {
    const d = run({ prt: 'NO', dom: 'YES', diagnostic: ['    Executing Account Name : CONTOSO\\frontdesk, frontdesk@contoso.com'] });
    expect(d.findings.find((x) => x.id === 'prt-missing')?.severity).toBe('error');
  });
  it('a remote desktop session (SessionIsNotRemote NO) is an interactive logon: not "not the user"', () => {
    const d = run({ diagnostic: ['        SessionIsNotRemote : NO'] });
    expect(d.runContext.kind).not.toBe('remote');
    expect(ids(d)).not.toContain('wrong-context');
  });
  it('0x80090016 is not labelled "Hybrid join:" (it happens on Entra joined PCs too)', () => {
    expect(lookupCode('0x80090016')?.en.meaning).not.toMatch(/^Hybrid join/);
    expect(lookupCode('0x80090016')?.ja.meaning).not.toMatch(/^ハイブリッド参加で/);
  });
  it('"sync-scope change" is a cause only for hybrid joined devices', () => {
    const t = translator('en');
    const joined = run({ deviceAuthStatus: DELETED }, { error: '700003' }).findings.find((f) => f.id === 'device-object-missing');
    const hybrid = run({ dom: 'YES', deviceAuthStatus: DELETED }, { error: '700003' }).findings.find((f) => f.id === 'device-object-missing');
    expect(t(joined?.explanation ?? 'report.title', joined?.params)).not.toContain('sync-scope');
    expect(t(hybrid?.explanation ?? 'report.title', hybrid?.params)).toContain('sync-scope');
  });
  it.each(['en', 'ja'] as const)("the GPO (auto-registration policy) step is a domain administrator's (%s)", (lang) => {
    const d = run({ dom: 'YES', deviceAuthStatus: DELETED }, { error: '700003' });
    const step = d.plan.steps.find((s) => s.id === 'check-auto-registration-policy');
    expect(step?.adminScope).toBe('domain');
    expect(diagnosisToText(d, lang, translator(lang), { color: false })).toContain(lang === 'en' ? 'domain administrator' : 'ドメイン管理者');
  });
});
