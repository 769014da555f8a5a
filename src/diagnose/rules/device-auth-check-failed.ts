import { hexCodes } from '../../read/values.js';
import { defineRule, type RuleContext } from '../types.js';

/** DeviceAuthStatus FAILED for a reason other than "disabled or deleted": the check itself failed. */
export const deviceAuthCheckFailed = defineRule({
  meta: {
    id: 'device-auth-check-failed',
    emits: ['device-auth-check-failed'],
    severity: 'warning',
    docs: { description: 'DeviceAuthStatus could not confirm the device with Entra ID (the check failed to run).' },
  },
  check(ctx: RuleContext) {
    const f = ctx.status.deviceAuthStatus.field;
    if (!f || !/FAIL/i.test(f.value) || /disabled or deleted/i.test(f.value)) return [];
    const codes = hexCodes(f.value);
    return [
      {
        id: 'device-auth-check-failed',
        severity: 'warning',
        title: 'finding.device-auth-check-failed.title',
        explanation: 'finding.device-auth-check-failed.explanation',
        params: { value: f.value },
        evidence: ctx.evidenceOf(f),
        codes,
      },
    ];
  },
});
