import type { Registration } from '../../model/registrations.js';
import { DEVICE_OBJECT_CODES } from '../../knowledge/meanings.js';
import { defineRule, type RuleContext } from '../types.js';

/** `device join (hybrid-joined), DeviceId …` for the finding's text (the ids, not translated). */
export function registrationSummary(r: Registration): string {
  return r.kind === 'device-join' ? `DeviceId ${r.deviceId ?? '—'} (${r.joinType})` : `WorkplaceDeviceId ${r.deviceId ?? '—'} (${r.id})`;
}

/**
 * The user reports a device-object error (700003 …) but the output does not show any
 * registration failing, or the error names a registration, device or tenant this output shows
 * healthy or does not hold: ask for what decides it, plan no fix.
 */
export const needsMoreEvidence = defineRule({
  meta: {
    id: 'needs-more-evidence',
    emits: ['needs-more-evidence'],
    severity: 'error',
    docs: {
      description: 'The reported error is not shown by this output (healthy registration, another device or tenant): ask for the evidence that decides.',
    },
  },
  check(ctx: RuleContext) {
    const m = ctx.match;
    if (m.verdict !== 'needs-evidence' || !m.reason) return [];
    const codes = ctx.allCodes.filter((c) => DEVICE_OBJECT_CODES.includes(c));
    const regs = ctx.registrations;
    return [
      {
        id: 'needs-more-evidence',
        severity: 'error',
        title: 'finding.needs-more-evidence.title',
        explanation: `finding.needs-more-evidence.${m.reason}`,
        params: {
          codes: codes.join(', '),
          registration: m.registration ? registrationSummary(m.registration) : '—',
          reportedDeviceId: ctx.reported.deviceIds.join(', ') || '—',
          reportedTenant: [...ctx.reported.tenantNames, ...ctx.reported.tenantIds].join(', ') || '—',
          shownIds: regs.map(registrationSummary).join('; ') || '—',
          shownTenants: [...new Set(regs.map((r) => r.tenantName ?? r.tenantId ?? '—'))].join(', ') || '—',
        },
        evidence: m.evidence,
        codes,
        ...(m.registration ? { registration: m.registration.id } : {}),
      },
    ];
  },
});
