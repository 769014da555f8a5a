import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import type { DiagnoseOptions } from '../src/diagnose/types.js';
import { RULES } from '../src/diagnose/rules/index.js';
import { readStatusText } from '../src/read/parse.js';
import { buildStatus, DELETED_ATTEMPT, type StatusSpec } from './build-status.js';

/** An Entra registered output: no DeviceAuthStatus, so the reported error alone decides. */
const REG: StatusSpec = { aad: 'NO', wpj: 'YES' };
const NOW = new Date('2026-01-15T00:00:00Z');

interface Case {
  name: string;
  spec: StatusSpec | string;
  options?: DiagnoseOptions;
  fires: string[];
  silent: string[];
}

const cases: Case[] = [
  // device-object-missing
  {
    name: '700003 in the PRT diagnostics',
    spec: { prt: 'NO', deviceAuthStatus: 'FAILED. Device is either disabled or deleted', sso: DELETED_ATTEMPT },
    fires: ['device-object-missing'],
    silent: ['device-object-disabled', 'prt-request-failed'],
  },
  // an output whose registration health is not shown (registered: no DeviceAuthStatus): the reported error decides
  { name: '700003 only from --error', spec: REG, options: { error: '700003' }, fires: ['device-object-missing'], silent: ['device-object-disabled'] },
  // a join shown healthy with a reported 700003: not a fix, ask for what decides it
  {
    name: '700003 from --error on a healthy join',
    spec: {},
    options: { error: '700003' },
    fires: ['needs-more-evidence'],
    silent: ['device-object-missing', 'device-object-disabled'],
  },
  {
    name: 'pasted English error page',
    spec: REG,
    options: { error: 'Your organization has deleted this device.' },
    fires: ['device-object-missing'],
    silent: [],
  },
  {
    name: 'pasted Japanese error page text',
    spec: REG,
    options: { error: '組織によってこのデバイスは削除されています。' },
    fires: ['device-object-missing'],
    silent: [],
  },
  { name: 'pasted Japanese error code line', spec: REG, options: { error: 'エラー コード: 700003' }, fires: ['device-object-missing'], silent: [] },
  {
    name: 'DeviceAuthStatus disabled-or-deleted alone',
    spec: { deviceAuthStatus: 'FAILED. Device is either disabled or deleted' },
    fires: ['device-object-missing'],
    silent: ['device-object-disabled'],
  },
  {
    name: 'DeviceAuthStatus disabled-or-deleted with 135011',
    spec: { deviceAuthStatus: 'FAILED. Device is either disabled or deleted' },
    options: { error: '135011' },
    fires: ['device-object-disabled'],
    silent: ['device-object-missing'],
  },
  { name: 'healthy device', spec: {}, fires: [], silent: ['device-object-missing', 'device-object-disabled', 'prt-missing', 'dual-state', 'wrong-context'] },
  // device-object-disabled
  {
    name: '130007 (WHfB disabled device)',
    spec: REG,
    options: { error: 'AADSTS130007' },
    fires: ['device-object-disabled'],
    silent: ['device-object-missing'],
  },
  // device-auth-check-failed
  {
    name: 'DeviceAuthStatus FAILED. ERROR',
    spec: { deviceAuthStatus: 'FAILED. ERROR' },
    fires: ['device-auth-check-failed'],
    silent: ['device-object-missing'],
  },
  // prt-missing
  { name: 'AzureAdPrt NO on a joined device', spec: { prt: 'NO' }, fires: ['prt-missing'], silent: [] },
  { name: 'AzureAdPrt NO on a registered device is expected', spec: { aad: 'NO', wpj: 'YES', prt: 'NO' }, fires: [], silent: ['prt-missing'] },
  {
    name: 'AzureAdPrt NO in a SYSTEM run says nothing about the user',
    spec: { prt: 'NO', diagnostic: ['              User Context : SYSTEM'] },
    fires: ['wrong-context'],
    silent: ['prt-missing'],
  },
  // prt-stale
  {
    name: 'PRT updated 31 h before a failed refresh',
    spec: {
      sso: [
        '      AzureAdPrtUpdateTime : 2025-05-19 01:00:00.000 UTC',
        '     RefreshPrtDiagnostics : PRESENT',
        '      Previous Prt Attempt : 2025-05-20 08:30:00.000 UTC',
        '            Attempt Status : 0xc000006d',
      ],
    },
    fires: ['prt-stale', 'prt-request-failed'],
    silent: [],
  },
  {
    name: 'PRT age with no clock in the output is unknown',
    spec: { sso: ['      AzureAdPrtUpdateTime : 2020-01-01 00:00:00.000 UTC'] },
    fires: [],
    silent: ['prt-stale'],
  },
  // prt-request-failed
  {
    name: 'AADSTS50126 bad password',
    spec: {
      prt: 'NO',
      sso: [
        '     AcquirePrtDiagnostics : PRESENT',
        '            Attempt Status : 0xc000006d',
        '  Server Error Description : AADSTS50126: Error validating credentials due to invalid username or password.',
      ],
    },
    fires: ['prt-request-failed', 'prt-missing'],
    silent: ['device-object-missing'],
  },
  // dual-state
  { name: 'hybrid + WorkplaceJoined YES', spec: { dom: 'YES', wpj: 'YES' }, fires: ['dual-state'], silent: [] },
  { name: 'registered only is not dual state', spec: { aad: 'NO', wpj: 'YES' }, fires: [], silent: ['dual-state'] },
  // hybrid-join-incomplete
  {
    name: 'domain joined, 0x801c03f2',
    spec: {
      aad: 'NO',
      dom: 'YES',
      diagnostic: [
        '              User Context : SYSTEM',
        '               Error Phase : join',
        '          Client ErrorCode : 0x801c03f2',
        '          Server ErrorCode : DirectoryError',
      ],
    },
    fires: ['hybrid-join-incomplete'],
    silent: ['device-object-missing'],
  },
  { name: 'hybrid joined is complete', spec: { dom: 'YES' }, fires: [], silent: ['hybrid-join-incomplete'] },
  // certificates
  {
    name: 'expired certificate',
    spec: { certValidity: '[ 2015-01-01 00:00:00.000 UTC -- 2025-01-01 00:00:00.000 UTC ]' },
    fires: ['device-certificate-expired'],
    silent: ['device-certificate-expiring'],
  },
  {
    name: 'certificate expiring in 10 days',
    spec: { certValidity: '[ 2016-01-25 00:00:00.000 UTC -- 2026-01-25 00:00:00.000 UTC ]' },
    fires: ['device-certificate-expiring'],
    silent: ['device-certificate-expired'],
  },
  // keys, TPM, recovery
  { name: 'KeySignTest FAILED', spec: { diagnostic: ['               KeySignTest : FAILED'] }, fires: ['key-sign-test-failed'], silent: [] },
  { name: 'AadRecoveryEnabled YES', spec: { diagnostic: ['        AadRecoveryEnabled : YES'] }, fires: ['aad-recovery-enabled'], silent: [] },
  { name: 'TPM not used', spec: { tpmProtected: 'NO' }, fires: ['tpm-not-used'], silent: ['tpm-error'] },
  // context and completeness
  {
    name: 'elevated run (WamDefaultSet ERROR)',
    spec: buildStatus().replace('WamDefaultSet : YES', 'WamDefaultSet : ERROR (0x80070520)'),
    fires: ['wrong-context'],
    silent: [],
  },
  {
    name: 'excerpt without Device State',
    spec: { omit: ['Device State', 'User State'], aad: 'NO' },
    options: { error: '700003' },
    fires: ['join-state-unknown', 'device-object-missing'],
    silent: [],
  },
  { name: 'masked device ID', spec: { deviceId: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' }, fires: ['ids-masked'], silent: [] },
  { name: 'unknown code is reported as unknown', spec: {}, options: { error: '0x8badf00d' }, fires: ['unknown-error-code'], silent: [] },
];

describe('rules fire where they must and stay silent where they must not', () => {
  it.each(cases)('$name', ({ spec, options, fires, silent }) => {
    const text = typeof spec === 'string' ? spec : buildStatus(spec);
    const d = diagnose(readStatusText(text), { now: NOW, ...options });
    const ids = d.findings.map((f) => f.id);
    for (const id of fires) expect(ids, `${id} should fire`).toContain(id);
    for (const id of silent) expect(ids, `${id} should not fire`).not.toContain(id);
    // every finding cites lines of this input
    const lineCount = text.split('\n').length;
    for (const f of d.findings) for (const e of f.evidence) expect(e.line).toBeLessThanOrEqual(lineCount);
  });

  it('every rule is registered once and has a description', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.meta.docs.description.length).toBeGreaterThan(10);
  });

  it('error findings give exit code 1, a healthy device 0', () => {
    expect(diagnose(readStatusText(buildStatus()), { now: NOW }).exitCode).toBe(0);
    expect(diagnose(readStatusText(buildStatus()), { now: NOW, error: '700003' }).exitCode).toBe(1);
  });

  it('evidence cites the real line of DeviceAuthStatus', () => {
    const text = buildStatus({ deviceAuthStatus: 'FAILED. Device is either disabled or deleted' });
    const line = text.split('\n').findIndex((l) => l.includes('DeviceAuthStatus')) + 1;
    const f = diagnose(readStatusText(text), { now: NOW }).findings.find((x) => x.id === 'device-object-missing');
    expect(f?.evidence).toContainEqual({ line, text: '          DeviceAuthStatus : FAILED. Device is either disabled or deleted' });
  });
});
