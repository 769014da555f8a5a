import { defineRule, type RuleContext } from '../types.js';
import { isCloudJoined } from './shared.js';

/**
 * The signed-in account is a local account of the PC (`PC\\frontdesk`, no UPN): a local account
 * never has a PRT.
 */
function localAccount(ctx: RuleContext) {
  const f = ctx.status.field('Executing Account Name');
  if (!f || f.masked) return undefined;
  const name = f.value.trim();
  const m = /^([^\\,@\s]+)\\([^,\s]+)\s*(?:,\s*(.*))?$/.exec(name);
  if (!m) return undefined;
  const domain = (m[1] ?? '').toUpperCase();
  const upn = (m[3] ?? '').trim();
  const pc = (ctx.status.deviceName.value ?? '').split('.')[0]?.toUpperCase() ?? '';
  if (upn.includes('@') || domain === 'AZUREAD' || domain === 'NT AUTHORITY') return undefined;
  return pc !== '' && domain === pc ? f : undefined;
}

/** `AzureAdPrt : NO` on an Entra joined or hybrid joined device, in a real user's run. */
export const prtMissing = defineRule({
  meta: {
    id: 'prt-missing',
    emits: ['prt-missing'],
    severity: 'error',
    docs: { description: 'The signed-in user has no Primary Refresh Token on a joined device.' },
  },
  check(ctx: RuleContext) {
    const prt = ctx.status.azureAdPrt;
    if (prt.value !== false || !isCloudJoined(ctx)) return [];
    // elevated, SYSTEM or remote runs show no real user's PRT: wrong-context says so instead
    if (['system', 'elevated', 'remote'].includes(ctx.runContext.kind)) return [];
    const diag = ctx.status.prtDiagnostics.filter((b) => b.prt === 'azuread');
    const account = localAccount(ctx);
    if (account) {
      return [
        {
          id: 'prt-missing',
          data: { localAccount: true },
          severity: 'info',
          title: 'finding.prt-missing.title-local-account',
          explanation: 'finding.prt-missing.local-account',
          params: { account: account.value.split(',')[0]?.trim() ?? '' },
          evidence: [...ctx.evidenceOf(account), ...ctx.evidenceOf(prt.field)],
          codes: [],
        },
      ];
    }
    return [
      {
        id: 'prt-missing',
        data: { localAccount: false },
        severity: 'error',
        title: 'finding.prt-missing.title',
        explanation: diag.length ? 'finding.prt-missing.explanation' : 'finding.prt-missing.no-diagnostics',
        params: {},
        evidence: [...ctx.evidenceOf(ctx.status.azureAdJoined.field), ...ctx.evidenceOf(prt.field)],
        codes: [],
      },
    ];
  },
});
