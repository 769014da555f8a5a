import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { translator } from '../src/i18n/format.js';
import type { Lang } from '../src/i18n/lang.js';
import { readStatusText } from '../src/read/parse.js';
import { diagnosisToMarkdown } from '../src/render/diagnosis-markdown.js';
import { diagnosisToText } from '../src/render/diagnosis-text.js';
import { diagnosisToJson } from '../src/render/localize.js';
import { fixtureFiles, fixtureText } from './helpers.js';

// A fixed "now" so certificate expiry never depends on the day the tests run.
const NOW = new Date('2026-01-15T00:00:00Z');

describe('golden: every fixture, both languages, all three formats', () => {
  for (const file of fixtureFiles()) {
    for (const lang of ['en', 'ja'] as Lang[]) {
      it(`${file} (${lang})`, async () => {
        const t = translator(lang);
        const d = diagnose(readStatusText(fixtureText(file), { name: file }), { now: NOW });
        const base = `./golden/${file.replace(/\.txt$/, '')}.${lang}`;
        await expect(`${JSON.stringify(diagnosisToJson(d, lang, t, 'test'), null, 2)}\n`).toMatchFileSnapshot(`${base}.json`);
        await expect(diagnosisToText(d, lang, t, { color: false })).toMatchFileSnapshot(`${base}.txt`);
        await expect(diagnosisToMarkdown(d, lang, t)).toMatchFileSnapshot(`${base}.md`);
      });
    }
  }
});
