import { defineRule, type RuleContext } from '../types.js';

/**
 * The output was taken elevated, as SYSTEM or over a remote shell: User State and SSO State
 * then describe that account, not the user who saw the error.
 */
export const wrongContext = defineRule({
  meta: {
    id: 'wrong-context',
    emits: ['wrong-context'],
    severity: 'warning',
    docs: { description: 'The output was not taken as the affected user (elevated, SYSTEM or remote shell).' },
  },
  check(ctx: RuleContext) {
    const kind = ctx.runContext.kind;
    if (kind !== 'system' && kind !== 'elevated' && kind !== 'remote') return [];
    return [
      {
        id: 'wrong-context',
        data: { context: kind },
        // a PC that is not joined to Entra ID has no PRT to miss: the context matters less
        severity: ['domain-joined', 'not-joined'].includes(ctx.status.joinType) ? 'info' : 'warning',
        title: 'finding.wrong-context.title',
        explanation: `finding.wrong-context.${kind}`,
        params: {},
        evidence: ctx.runContext.evidence,
        codes: [],
      },
    ];
  },
});
