import { hexCodes } from '../../read/values.js';
import { defineRule, type RuleContext } from '../types.js';

const PREJOIN_FIELDS = [
  'User Context',
  'AD Connectivity Test',
  'AD Configuration Test',
  'DRS Discovery Test',
  'DRS Connectivity Test',
  'Token acquisition Test',
  'Fallback to Sync-Join',
  'Previous Registration',
  'Registration Type',
  'Error Phase',
  'Client ErrorCode',
  'Server ErrorCode',
  'Server Message',
  'Server Error Message',
  'Https Status',
];

/**
 * DomainJoined YES but AzureAdJoined NO: hybrid join has not completed. The pre-join
 * diagnostics (Error Phase, Client ErrorCode, the tests) say where it stopped.
 */
export const hybridJoinIncomplete = defineRule({
  meta: {
    id: 'hybrid-join-incomplete',
    emits: ['hybrid-join-incomplete'],
    severity: 'error',
    docs: { description: 'A domain-joined device has not completed hybrid join; pre-join diagnostics say why.' },
  },
  check(ctx: RuleContext) {
    const s = ctx.status;
    const prejoin = PREJOIN_FIELDS.map((n) => s.field(n)).filter((f) => f !== undefined);
    const clientCode = s.field('Client ErrorCode');
    const domainOnly = s.domainJoined.value === true && s.azureAdJoined.value === false;
    // an excerpt of Diagnostic Data alone (no Device State) still shows a failed join
    const prejoinOnly = s.azureAdJoined.value === null && clientCode !== undefined;
    if (!domainOnly && !prejoinOnly) return [];

    const failedTests = prejoin.filter((f) => /Test$/.test(f.name) && f.typed.kind === 'status' && /FAIL/.test(f.typed.status));
    const codes = [...(clientCode ? hexCodes(clientCode.value) : []), ...failedTests.flatMap((f) => (f.typed.kind === 'status' ? f.typed.codes : []))];
    const serverCode = s.field('Server ErrorCode');
    if (serverCode && /^[A-Za-z]+Error$|^[A-Z][A-Za-z]+$/.test(serverCode.value.trim())) codes.push(serverCode.value.trim());
    const phase = s.field('Error Phase')?.value.trim() ?? null;
    const hasDiagnostics = clientCode !== undefined || failedTests.length > 0;
    const explanation = !hasDiagnostics
      ? 'finding.hybrid-join-incomplete.no-diagnostics'
      : codes.includes('0x801c03f2')
        ? 'finding.hybrid-join-incomplete.not-synced'
        : 'finding.hybrid-join-incomplete.explanation';
    return [
      {
        id: 'hybrid-join-incomplete',
        data: { diagnostics: hasDiagnostics },
        severity: hasDiagnostics ? 'error' : 'warning',
        title: 'finding.hybrid-join-incomplete.title',
        explanation,
        params: {
          phase: phase ?? '—',
          code: clientCode?.value.trim() ?? '—',
          failedTests: failedTests.map((f) => f.name).join(', ') || '—',
        },
        evidence: [...ctx.evidenceOf(s.domainJoined.field), ...ctx.evidenceOf(s.azureAdJoined.field), ...prejoin.flatMap((f) => ctx.evidenceOf(f))],
        codes: [...new Set(codes)],
      },
    ];
  },
});
