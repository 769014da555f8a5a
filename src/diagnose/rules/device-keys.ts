import { defineRule, type Finding, type RuleContext } from '../types.js';

/** KeySignTest failed or AadRecoveryEnabled YES: the device keys are unusable. */
export const deviceKeys = defineRule({
  meta: {
    id: 'device-keys',
    emits: ['key-sign-test-failed', 'aad-recovery-enabled'],
    severity: 'error',
    docs: { description: 'KeySignTest failed or the device is marked for recovery (AadRecoveryEnabled YES).' },
  },
  check(ctx: RuleContext) {
    const out: Finding<'key-sign-test-failed' | 'aad-recovery-enabled'>[] = [];
    const keySign = ctx.status.field('KeySignTest');
    if (keySign && /FAIL/i.test(keySign.value)) {
      out.push({
        id: 'key-sign-test-failed',
        severity: 'error',
        title: 'finding.key-sign-test-failed.title',
        explanation: 'finding.key-sign-test-failed.explanation',
        params: { value: keySign.value },
        evidence: ctx.evidenceOf(keySign),
        codes: [],
      });
    }
    const recovery = ctx.status.field('AadRecoveryEnabled');
    if (recovery?.typed.kind === 'boolean' && recovery.typed.value) {
      out.push({
        id: 'aad-recovery-enabled',
        severity: 'error',
        title: 'finding.aad-recovery-enabled.title',
        explanation: ctx.status.joinType === 'hybrid-joined' ? 'finding.aad-recovery-enabled.hybrid' : 'finding.aad-recovery-enabled.explanation',
        params: {},
        evidence: ctx.evidenceOf(recovery),
        codes: [],
      });
    }
    return out;
  },
});
