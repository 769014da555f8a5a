import { lookupCode } from '../../knowledge/codes.js';
import { defineRule, type Finding, type RuleContext } from '../types.js';
import { codeLines } from './shared.js';

/**
 * Codes in the input that no earlier finding explains: known ones with their knowledge-base
 * entry, unknown ones reported as unknown (never guessed). Runs after the other rules (last in
 * RULES): a code a finding already stands on (700003 → device-object-missing) needs no second
 * entry, and the PRT blocks' transport codes were explained by prt-request-failed.
 */
export const errorCodes = defineRule({
  meta: {
    id: 'error-codes',
    emits: ['error-code', 'unknown-error-code'],
    severity: 'warning',
    docs: { description: 'Error codes not explained by another finding (known: knowledge base; unknown: reported as unknown).' },
  },
  check(ctx: RuleContext) {
    const explained = new Set(ctx.earlier.flatMap((f) => f.codes));
    const out: Finding<'error-code' | 'unknown-error-code'>[] = [];
    for (const code of ctx.allCodes) {
      if (explained.has(code)) continue;
      const entry = lookupCode(code);
      const evidence = codeLines(ctx, [code]);
      if (entry) {
        out.push({
          id: 'error-code',
          severity: entry.severity === 'error' ? 'warning' : entry.severity,
          title: 'finding.error-code.title',
          explanation: 'finding.error-code.explanation',
          params: { code },
          evidence,
          codes: [code],
        });
      } else {
        out.push({
          id: 'unknown-error-code',
          severity: 'info',
          title: 'finding.unknown-error-code.title',
          explanation: 'finding.unknown-error-code.explanation',
          params: { code },
          evidence,
          codes: [code],
        });
      }
    }
    return out;
  },
});
