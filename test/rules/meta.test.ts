import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_CATEGORIES } from '../../src/contract/codes.js';
import { FINDING_IDS } from '../../src/contract/findings.js';
import { STEP_IDS } from '../../src/contract/steps.js';
import { ruleContext } from '../../src/diagnose/diagnose.js';
import { RULES } from '../../src/diagnose/rules/index.js';
import type { Finding } from '../../src/diagnose/types.js';
import { catalogs } from '../../src/i18n/format.js';
import { lookupCode } from '../../src/knowledge/codes.js';
import { CODE_MEANINGS, SIGN_IN_DEVICE_ERRORS } from '../../src/knowledge/meanings.js';
import { readStatusText } from '../../src/read/parse.js';
import { fixtureFiles, fixtureText, ROOT } from '../helpers.js';

const src = (...p: string[]) => join(ROOT, 'src', ...p);

describe('rules meta', () => {
  it('every rule has a unique id, a description, and its own RuleTester table', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const tables = new Set(readdirSync(join(ROOT, 'test', 'rules')));
    for (const r of RULES) {
      expect(r.meta.docs.description.length, r.meta.id).toBeGreaterThan(10);
      expect(tables.has(`${r.meta.id}.test.ts`), `test/rules/${r.meta.id}.test.ts`).toBe(true);
      expect(readFileSync(join(ROOT, 'test', 'rules', `${r.meta.id}.test.ts`), 'utf8')).toMatch(/ruleTester\(\w+, \{/);
    }
  });

  it('the rules together declare exactly the contract finding ids', () => {
    const declared = new Set(RULES.flatMap((r) => r.meta.emits));
    expect([...declared].sort()).toEqual([...FINDING_IDS].sort());
  });

  it('every declared id is documented in both languages, with the same keys', () => {
    const keys = (lang: 'en' | 'ja', id: string) =>
      Object.keys(catalogs[lang])
        .filter((k) => k.startsWith(`finding.${id}.`))
        .sort();
    for (const id of FINDING_IDS) {
      expect(keys('en', id).length, `finding.${id}.* in en`).toBeGreaterThanOrEqual(2);
      expect(keys('ja', id), `finding.${id}.* in ja`).toEqual(keys('en', id));
      for (const k of keys('ja', id)) expect(catalogs.ja[k as keyof typeof catalogs.ja].length, k).toBeGreaterThan(0);
    }
  });

  it('on every fixture, each rule emits only the ids it declares', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    for (const file of files) {
      for (const options of [{}, { error: '700003' }, { error: '135011' }]) {
        const { ctx } = ruleContext(readStatusText(fixtureText(file)), { now: new Date('2025-06-01T00:00:00Z'), ...options });
        const earlier: Finding[] = [];
        for (const rule of RULES) {
          for (const f of rule.check({ ...ctx, earlier: [...earlier] })) {
            expect(rule.meta.emits, `${file}: ${rule.meta.id} emitted ${f.id}`).toContain(f.id);
            earlier.push(f);
            seen.add(f.id);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe('the contract leaf and the table of code meanings', () => {
  it('src/contract/{findings,steps,codes}.ts import nothing from other src folders', () => {
    for (const f of ['findings.ts', 'steps.ts', 'codes.ts']) expect(readFileSync(src('contract', f), 'utf8'), f).not.toMatch(/from '\.\.\//);
  });

  it('no `as MessageKey` cast anywhere in src/ (the plan reads typed finding data; keys built from data are checked)', () => {
    const files = readdirSync(src(), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) expect(readFileSync(src(f), 'utf8'), f).not.toMatch(/as MessageKey\b/);
  });

  it('every meaning is a known code with its knowledge-base category, and a first step from the contract', () => {
    for (const m of CODE_MEANINGS) {
      expect(lookupCode(m.code)?.code, m.code).toBe(m.code);
      expect(m.category).toBe(lookupCode(m.code)?.category);
      expect(CODE_CATEGORIES).toContain(m.category);
      if (m.firstStep) expect(STEP_IDS).toContain(m.firstStep);
    }
  });

  it('device-object meanings agree with the categories: deleted is device-missing, disabled is device-disabled', () => {
    for (const m of CODE_MEANINGS) {
      if (m.object === 'deleted') expect(m.category, m.code).toBe('device-missing');
      if (m.object === 'disabled') expect(m.category, m.code).toBe('device-disabled');
    }
  });

  it('fleet, KQL and Graph count the sign-in codes of docs/product.md, in report order', () => {
    expect(SIGN_IN_DEVICE_ERRORS).toEqual([700003, 135011, 50155, 50097, 50187, 53000, 53001, 130008]);
  });
});
