// The CLI loads only the core catalogue for diagnose and parse (src/i18n/load.ts): every report it
// can render from the fixtures must come out identical to the one rendered with every catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { en as allEn, ja as allJa } from '../src/i18n/all.js';
import { en as coreEn } from '../src/i18n/en.js';
import { translator } from '../src/i18n/format.js';
import { ja as coreJa } from '../src/i18n/ja.js';
import { jaReport } from '../src/i18n/ja-report.js';
import { loadTranslator } from '../src/i18n/load.js';
import { readStatusBytes } from '../src/read/parse.js';
import { diagnosisToMarkdown } from '../src/render/diagnosis-markdown.js';
import { diagnosisToText } from '../src/render/diagnosis-text.js';
import { diagnosisToJson } from '../src/render/localize.js';
import { parseToJson, parseToText } from '../src/render/parse.js';

// every kind of single-device input diagnose reads: outputs, collection bundles (their findings),
// tickets and error pages around an output, before/after pairs
const dirs = [
  join(__dirname, 'fixtures', 'dsregcmd'),
  join(__dirname, 'fixtures', 'bundle'),
  join(__dirname, 'fixtures', 'noharm'),
  join(__dirname, 'fixtures', 'stranger'),
  join(__dirname, 'fixtures', 'verify'),
  join(__dirname, '..', 'examples'),
];
const inputs = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })),
);

describe('core catalogue of the CLI (load.ts)', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`renders every fixture in ${lang} exactly as the full catalogue does`, async () => {
      const core = await loadTranslator(lang, 'core');
      const full = translator(lang);
      expect(inputs.length).toBeGreaterThan(10);
      for (const { name, bytes } of inputs) {
        const report = readStatusBytes(bytes, { name });
        for (const options of [{}, { error: '700003' }, { error: '0x801c03f2', mdm: true }, { error: 'AADSTS50155' }]) {
          const d = diagnose(report, options);
          expect(JSON.stringify(diagnosisToJson(d, lang, core, '0')), name).toBe(JSON.stringify(diagnosisToJson(d, lang, full, '0')));
          expect(diagnosisToMarkdown(d, lang, core), name).toBe(diagnosisToMarkdown(d, lang, full));
          expect(diagnosisToText(d, lang, core, { color: false }), name).toBe(diagnosisToText(d, lang, full, { color: false }));
        }
        expect(JSON.stringify(parseToJson(report, core)), name).toBe(JSON.stringify(parseToJson(report, full)));
        expect(parseToText(report, core), name).toBe(parseToText(report, full));
      }
    });
  }

  it('holds every finding, step, caveat and report message, whichever feature catalogue added it', () => {
    // a rule may emit any finding: its text must not depend on which fixtures happen to fire it
    const rendered = /^(finding|step|caveat|report|context|joinType|severity|warning|code|explain)\./;
    const coreJaKeys = new Set([...Object.keys(coreJa), ...Object.keys(jaReport)]);
    const missing = Object.keys(allEn).filter((k) => rendered.test(k) && !(k in coreEn));
    const missingJa = Object.keys(allJa).filter((k) => rendered.test(k) && !coreJaKeys.has(k));
    expect(missing).toEqual([]);
    expect(missingJa).toEqual([]);
  });

  it('refuses a message outside the core instead of printing a key', async () => {
    const core = await loadTranslator('en', 'core');
    expect(() => core('fleet.help')).toThrow(/fleet\.help/);
    expect((await loadTranslator('ja', 'all'))('fleet.help')).toContain('使い方');
  });
});
