import type { Finding, Rule, RuleContext } from '../types.js';
import { isCloudJoined } from './shared.js';

/** `AzureAdPrt : NO` on an Entra joined or hybrid joined device, in a real user's run. */
export const prtMissing: Rule = {
  id: 'prt-missing',
  description: 'The signed-in user has no Primary Refresh Token on a joined device.',
  check(ctx: RuleContext): Finding[] {
    const prt = ctx.status.azureAdPrt;
    if (prt.value !== false || !isCloudJoined(ctx)) return [];
    // elevated, SYSTEM or remote runs show no real user's PRT: wrong-context says so instead
    if (['system', 'elevated', 'remote'].includes(ctx.runContext.kind)) return [];
    const diag = ctx.status.prtDiagnostics.filter((b) => b.prt === 'azuread');
    return [
      {
        id: 'prt-missing',
        severity: 'error',
        title: 'finding.prt-missing.title',
        explanation: diag.length ? 'finding.prt-missing.explanation' : 'finding.prt-missing.no-diagnostics',
        params: {},
        evidence: [...ctx.evidenceOf(ctx.status.azureAdJoined.field), ...ctx.evidenceOf(prt.field)],
        codes: [],
      },
    ];
  },
};
