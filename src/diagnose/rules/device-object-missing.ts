import { AMBIGUOUS_CODES, DELETED_CODES, DISABLED_CODES } from '../../knowledge/meanings.js';
import { defineRule, type RuleContext } from '../types.js';
import { codeLines, deviceAuthDisabledOrDeleted, deviceObjectAnswer, prtBlockCodes, prtBlockLines } from './shared.js';

/**
 * The tenant has no object for the device ID the PC presents: AADSTS700003 (or WHfB's 130008),
 * or DeviceAuthStatus "disabled or deleted" / AADSTS50155 with no sign that it was only disabled.
 */
export const deviceObjectMissing = defineRule({
  meta: {
    id: 'device-object-missing',
    emits: ['device-object-missing', 'superseded-answer'],
    severity: 'error',
    docs: { description: 'The device object was deleted from the tenant (AADSTS700003).' },
  },
  check(ctx: RuleContext) {
    const deleted = ctx.allCodes.filter((c) => DELETED_CODES.includes(c));
    const answer = deviceObjectAnswer(ctx);
    // both answers: the latest decides (superseded-answer explains the other)
    const disabledSignal = answer.verdict === 'disabled';
    if (disabledSignal && deleted.length > 0 && ctx.match.verdict !== 'needs-evidence') {
      const latest = ctx.allCodes.filter((c) => DISABLED_CODES.includes(c));
      return [
        {
          id: 'superseded-answer',
          severity: 'info',
          title: 'finding.superseded-answer.title',
          explanation: 'finding.superseded-answer.explanation',
          params: { code: deleted.join(', '), latest: latest.join(', '), when: answer.when ?? '—' },
          evidence: codeLines(ctx, deleted),
          codes: deleted,
        },
      ];
    }
    const das = deviceAuthDisabledOrDeleted(ctx);
    const ambiguous50155 = AMBIGUOUS_CODES.some((c) => ctx.allCodes.includes(c));
    if (deleted.length === 0 && (disabledSignal || (!das && !ambiguous50155))) return [];
    // the output does not show the failure: needs-more-evidence asks for what decides it
    if (ctx.match.verdict === 'needs-evidence') return [];
    const wa = ctx.match.verdict === 'work-account' && ctx.status.joinType !== 'entra-registered' ? ctx.match.registration : null;
    if (wa && deleted.length > 0) {
      return [
        {
          id: 'device-object-missing',
          data: { answer: 'deleted' },
          severity: 'error',
          title: 'finding.device-object-missing.title',
          explanation: wa.partner ? 'finding.device-object-missing.work-account-partner' : 'finding.device-object-missing.work-account-stale',
          params: { deviceId: wa.deviceId ?? '—', tenant: wa.tenantName ?? wa.tenantId ?? '—', index: wa.id.replace('work-account-', '') },
          evidence: [...codeLines(ctx, deleted), ...ctx.match.evidence],
          codes: deleted,
          registration: wa.id,
        },
      ];
    }

    const evidence = [...codeLines(ctx, [...deleted, ...AMBIGUOUS_CODES]), ...ctx.evidenceOf(das), ...prtBlockLines(ctx, deleted), ...ctx.match.evidence];
    const confirmed = deleted.length > 0;
    return [
      {
        id: 'device-object-missing',
        data: { answer: confirmed ? 'deleted' : 'deleted-or-disabled' },
        severity: 'error',
        title: confirmed ? 'finding.device-object-missing.title' : 'finding.device-object-missing.title-ambiguous',
        explanation: confirmed
          ? ctx.status.joinType === 'hybrid-joined'
            ? 'finding.device-object-missing.explanation'
            : 'finding.device-object-missing.explanation-cloud'
          : 'finding.device-object-missing.ambiguous',
        params: {
          deviceId: ctx.status.deviceId.value ?? '—',
          tenant: ctx.status.tenantName.value ?? ctx.status.tenantId.value ?? '—',
          fromError: ctx.errorCodes.some((c) => DELETED_CODES.includes(c)) ? 'yes' : 'no',
        },
        evidence,
        ...(ctx.match.registration ? { registration: ctx.match.registration.id } : {}),
        codes: [
          ...new Set([
            ...(confirmed ? deleted : AMBIGUOUS_CODES.filter((c) => ctx.allCodes.includes(c))),
            ...prtBlockCodes(ctx, [...deleted, ...AMBIGUOUS_CODES]),
          ]),
        ],
      },
    ];
  },
});
