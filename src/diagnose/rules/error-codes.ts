import { lookupCode } from '../../knowledge/codes.js';
import type { Finding, Rule, RuleContext } from '../types.js';
import { codeLines } from './shared.js';

/**
 * Codes in the input that no other finding explains: known ones with their knowledge-base
 * entry, unknown ones reported as unknown (never guessed). Runs after the other rules.
 */
export function explainRemainingCodes(ctx: RuleContext, explained: Set<string>): Finding[] {
  const out: Finding[] = [];
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
}

export const errorCodes: Rule = {
  id: 'error-codes',
  description: 'Error codes not explained by another finding (known: knowledge base; unknown: reported as unknown).',
  check: () => [],
};
