import { defineRule, type RuleContext } from '../types.js';

/** Hybrid or Entra joined while WorkplaceJoined is YES: two registrations for one PC. */
export const dualState = defineRule({
  meta: {
    id: 'dual-state',
    emits: ['dual-state'],
    severity: 'warning',
    docs: { description: 'The device is joined and also Entra registered by the user (dual state).' },
  },
  check(ctx: RuleContext) {
    const s = ctx.status;
    if (s.azureAdJoined.value !== true || s.workplaceJoined.value !== true) return [];
    // work accounts of other tenants are not a second registration for the join's tenant
    const accounts = ctx.registrations.filter((r) => r.kind === 'work-account');
    if (accounts.length > 0 && accounts.every((r) => r.partner)) return [];
    return [
      {
        id: 'dual-state',
        severity: 'warning',
        title: 'finding.dual-state.title',
        explanation: s.joinType === 'hybrid-joined' ? 'finding.dual-state.hybrid' : 'finding.dual-state.joined',
        params: {},
        evidence: [...ctx.evidenceOf(s.azureAdJoined.field), ...ctx.evidenceOf(s.domainJoined.field), ...ctx.evidenceOf(s.workplaceJoined.field)],
        codes: [],
      },
    ];
  },
});
