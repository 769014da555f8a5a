import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { horizontalBars, stackedColumns } from '../src/fleet/charts.js';
import { translator } from '../src/i18n/format.js';
import { readStatusBytes } from '../src/read/parse.js';
import { diagnosisToMarkdown } from '../src/render/diagnosis-markdown.js';
import { diagnosisToText } from '../src/render/diagnosis-text.js';
import { FIXTURES } from './helpers.js';

// `Math.max(...array)` and `push(...array)` overflow the stack past ~120k elements: 130k
// evidence lines, sign-ins spread over 150k distinct days. No renderer may spread an unbounded array.

const N = 200_000;

describe('renderers take arrays of any length', () => {
  it('diagnose text and Markdown with 200k evidence lines in one finding', () => {
    const report = readStatusBytes(readFileSync(join(FIXTURES, 's01-aadj-700003.txt')), { name: 's01' });
    const d = diagnose(report, {});
    const finding = d.findings[0];
    if (!finding) throw new Error('s01 has findings');
    const one = finding.evidence[0] ?? { line: 1, text: 'x' };
    finding.evidence = Array.from({ length: N }, (_, i) => ({ ...one, line: i + 1 }));
    const t = translator('en');
    expect(diagnosisToText(d, 'en', t, { color: false })).toContain(`${N} │`);
    expect(diagnosisToMarkdown(d, 'en', t)).toContain(`${N} |`);
  });

  it('fleet charts with 150k days and 200k bars', () => {
    const columns = Array.from({ length: 150_000 }, (_, i) => ({ label: `d${i}`, parts: [{ key: 'AADSTS700003', value: (i % 7) + 1 }] }));
    expect(stackedColumns('by day', columns, { AADSTS700003: '#c62828' }, 'none')).toContain('<svg');
    const bars = Array.from({ length: N }, (_, i) => ({ label: `b${i}`, value: i }));
    expect(horizontalBars('bars', bars, 'none')).toContain('<svg');
  });
});
