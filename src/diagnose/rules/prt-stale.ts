import { defineRule, type RuleContext } from '../types.js';

const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;

/** AzureAdPrtUpdateTime more than 4 hours before the output's own clock: renewal is failing. */
export const prtStale = defineRule({
  meta: {
    id: 'prt-stale',
    emits: ['prt-stale'],
    severity: 'warning',
    docs: { description: "The PRT was not renewed for more than 4 hours, measured against the output's own clock." },
  },
  check(ctx: RuleContext) {
    if (ctx.status.azureAdPrt.value !== true) return [];
    const update = ctx.status.field('AzureAdPrtUpdateTime');
    if (update?.typed.kind !== 'instant' || !ctx.clock) return [];
    const age = Date.parse(ctx.clock.iso) - Date.parse(update.typed.iso);
    if (!(age > FOUR_HOURS_MS)) return [];
    return [
      {
        id: 'prt-stale',
        severity: 'warning',
        title: 'finding.prt-stale.title',
        explanation: ctx.clock.exact ? 'finding.prt-stale.explanation' : 'finding.prt-stale.attempt',
        params: { hours: (age / 3_600_000).toFixed(1), updated: update.typed.iso, clock: ctx.clock.iso, clockField: ctx.clock.field.name },
        evidence: [...ctx.evidenceOf(update), ...ctx.evidenceOf(ctx.clock.field)].sort((a, b) => a.line - b.line),
        codes: [],
      },
    ];
  },
});
