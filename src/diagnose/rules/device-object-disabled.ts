import { DISABLED_CODES } from '../../knowledge/meanings.js';
import { defineRule, type RuleContext } from '../types.js';
import { codeLines, deviceAuthDisabledOrDeleted, deviceObjectAnswer, prtBlockCodes, prtBlockLines } from './shared.js';

/** The device object exists but is disabled: AADSTS135011 (or WHfB's 130007). */
export const deviceObjectDisabled = defineRule({
  meta: {
    id: 'device-object-disabled',
    emits: ['device-object-disabled', 'superseded-answer'],
    severity: 'error',
    docs: { description: 'The device object is disabled in the tenant (AADSTS135011).' },
  },
  check(ctx: RuleContext) {
    const codes = ctx.allCodes.filter((c) => DISABLED_CODES.includes(c));
    if (codes.length === 0) return [];
    if (ctx.match.verdict === 'needs-evidence') return [];
    const answer = deviceObjectAnswer(ctx);
    if (answer.verdict === 'deleted') {
      // a later answer says deleted: this code is explained as superseded, not as a second verdict
      return [
        {
          id: 'superseded-answer',
          severity: 'info',
          title: 'finding.superseded-answer.title',
          explanation: 'finding.superseded-answer.explanation',
          params: { code: codes.join(', '), latest: 'AADSTS700003', when: answer.when ?? '—' },
          evidence: codeLines(ctx, codes),
          codes,
        },
      ];
    }
    return [
      {
        id: 'device-object-disabled',
        severity: 'error',
        title: 'finding.device-object-disabled.title',
        explanation: ctx.status.joinType === 'hybrid-joined' ? 'finding.device-object-disabled.hybrid' : 'finding.device-object-disabled.explanation',
        params: { deviceId: ctx.status.deviceId.value ?? '—' },
        evidence: [...codeLines(ctx, codes), ...ctx.evidenceOf(deviceAuthDisabledOrDeleted(ctx)), ...prtBlockLines(ctx, codes)],
        codes: [...new Set([...codes, ...prtBlockCodes(ctx, codes)])],
      },
    ];
  },
});
