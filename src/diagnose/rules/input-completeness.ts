import { lineKindAt } from '../../read/parse.js';
import { defineRule, type Finding, type RuleContext } from '../types.js';

/** What the input does not show: the join state, elided parts, masked IDs. */
export const inputCompleteness = defineRule({
  meta: {
    id: 'input-completeness',
    emits: ['join-state-unknown', 'output-elided', 'ids-masked'],
    severity: 'warning',
    docs: { description: 'Parts of the output needed for a diagnosis are missing, elided or masked.' },
  },
  check(ctx: RuleContext) {
    const s = ctx.status;
    const out: Finding<'join-state-unknown' | 'output-elided' | 'ids-masked'>[] = [];
    if (s.joinType === 'unknown') {
      const shown = [s.azureAdJoined, s.domainJoined, s.workplaceJoined].flatMap((e) => ctx.evidenceOf(e.field));
      out.push({
        id: 'join-state-unknown',
        severity: 'warning',
        title: 'finding.join-state-unknown.title',
        explanation: 'finding.join-state-unknown.explanation',
        params: {},
        evidence: shown,
        codes: [],
      });
    }
    if (s.report.elided) {
      const lines = s.report.lines.flatMap((text, i) => (lineKindAt(s.report, i) === 'elision' ? [{ line: i + 1, text: text.trimEnd() }] : []));
      out.push({
        id: 'output-elided',
        severity: 'info',
        title: 'finding.output-elided.title',
        explanation: 'finding.output-elided.explanation',
        params: { count: lines.length },
        evidence: lines,
        codes: [],
      });
    }
    const masked = [s.deviceId, s.tenantId].filter((e) => e.masked);
    if (masked.length) {
      out.push({
        id: 'ids-masked',
        severity: 'info',
        title: 'finding.ids-masked.title',
        explanation: 'finding.ids-masked.explanation',
        params: {},
        evidence: masked.flatMap((e) => ctx.evidenceOf(e.field)),
        codes: [],
      });
    }
    return out;
  },
});
