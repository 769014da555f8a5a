import { describe, expect, it } from 'vitest';
import type { FindingDataMap, FindingId, Severity } from '../src/contract/findings.js';
import { ruleContext } from '../src/diagnose/diagnose.js';
import { sortEvidence } from '../src/diagnose/context.js';
import type { DiagnoseOptions, Finding, Rule } from '../src/diagnose/types.js';
import { catalogs } from '../src/i18n/format.js';
import { readStatusText } from '../src/read/parse.js';

/**
 * ESLint's RuleTester for dsreg-doctor: runs ONE rule on table cases. `valid`: inputs the rule
 * says nothing about; `invalid`: inputs with the findings expected, in order, each with the
 * lines of the input that prove it. Every case also checks the rule keeps to its meta (only
 * declared ids, no worse than its severity, texts in both catalogues), and the table must
 * expect every id the rule declares at least once.
 */

/** The clock the cases run at when the output has none (certificate expiry). */
export const NOW = new Date('2025-06-01T00:00:00Z');

export interface RuleCase {
  name: string;
  /** A `dsregcmd /status` output (or an excerpt of one), in the real layout. */
  text: string;
  options?: DiagnoseOptions;
  /** Findings of the rules that ran before (only `error-codes` reads them). */
  earlier?: Pick<Finding, 'id' | 'codes'>[];
}

export interface ExpectedFinding<K extends FindingId = FindingId> {
  id: K;
  severity?: Severity;
  data?: FindingDataMap[K];
  codes?: string[];
  explanation?: string;
  /** The input lines that prove it (trimmed text), in input order. */
  evidence: string[];
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `name : value` right-aligned the way dsregcmd prints it. */
export const field = (name: string, value: string): string => `${name.padStart(26)} : ${value}`;

/** A section as dsregcmd prints it: the banner, a blank line, its lines, a blank line. */
export function section(title: string, ...lines: string[]): string {
  const rule = `+${'-'.repeat(70)}+`;
  return [rule, `| ${title.padEnd(69)}|`, rule, '', ...lines, ''].join('\n');
}

/** A whole output from its sections (a blank first line, like the console's). */
export const output = (...sections: string[]): string => `\n${sections.join('\n')}`;

/** Run one rule on one input, the way diagnose does (evidence sorted, one entry a line). */
export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const { ctx } = ruleContext(readStatusText(c.text), { now: NOW, ...c.options });
  const earlier = (c.earlier ?? []).map((f) => ({ ...f }) as Finding);
  const out = rule.check({ ...ctx, earlier });
  for (const f of out) f.evidence = sortEvidence(f.evidence);
  return out;
}

function checkMeta(rule: Rule, c: RuleCase, found: Finding[]): void {
  const lines = c.text.split('\n');
  for (const f of found) {
    expect(rule.meta.emits, `${rule.meta.id} emitted ${f.id}, not declared in meta.emits`).toContain(f.id);
    expect(SEVERITY_RANK[f.severity], `${f.id}: ${f.severity} is worse than the rule's ${rule.meta.severity}`).toBeGreaterThanOrEqual(
      SEVERITY_RANK[rule.meta.severity],
    );
    for (const key of [f.title, f.explanation]) {
      expect(catalogs.en, `${key} in en`).toHaveProperty([key]);
      expect(catalogs.ja, `${key} in ja`).toHaveProperty([key]);
    }
    for (const e of f.evidence) expect(lines[e.line - 1]?.trimEnd(), `evidence line ${e.line} of ${f.id}`).toBe(e.text);
  }
}

export function ruleTester(rule: Rule, table: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        const found = runRule(rule, c);
        checkMeta(rule, c, found);
        expect(found.map((f) => f.id)).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRule(rule, c);
        checkMeta(rule, c, found);
        expect(found.map((f) => f.id)).toEqual(c.findings.map((f) => f.id));
        c.findings.forEach((want, i) => {
          const got = found[i] as Finding;
          expect(
            got.evidence.map((e) => e.text.trim()),
            `evidence of ${want.id}`,
          ).toEqual(want.evidence);
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (want.data) expect(got.data).toEqual(want.data);
          if (want.codes) expect(got.codes).toEqual(want.codes);
          if (want.explanation) expect(got.explanation).toBe(want.explanation);
        });
      });
    }
    it('expects every finding id the rule declares at least once', () => {
      const expected = new Set(table.invalid.flatMap((c) => c.findings.map((f) => f.id)));
      for (const id of rule.meta.emits) expect([...expected], `no invalid case expects ${id}`).toContain(id);
      expect(table.valid.length, 'at least one valid case').toBeGreaterThan(0);
    });
  });
}
