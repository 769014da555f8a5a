import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/all.js';
import { ja } from '../src/i18n/all.js';
import { STEP_IDS } from '../src/plan/plan.js';

describe('message catalogues', () => {
  it('ja and en have the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders((ja as Record<string, string>)[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('Japanese messages are Japanese (apart from codes and field names)', () => {
    const exempt = new Set(['report.yes', 'report.no', 'report.deviceAuthStatus', 'report.prt']);
    for (const [key, text] of Object.entries(ja)) {
      if (exempt.has(key) || text === '—') continue;
      expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(text), key).toBe(true);
    }
  });

  it('command lines in step actions are identical in both languages', () => {
    for (const id of STEP_IDS) {
      const key = `step.${id}.actions` as keyof typeof en;
      const commands = (s: string) => s.split('\n').filter((l) => l.startsWith('$ '));
      expect(commands(ja[key]), id).toEqual(commands(en[key]));
      expect(ja[key].split('\n').length, id).toBe(en[key].split('\n').length);
    }
  });

  it('every step has a title, why, actions, expect and verify', () => {
    for (const id of STEP_IDS) {
      for (const part of ['title', 'why', 'actions', 'expect', 'verify']) {
        expect(Object.hasOwn(en, `step.${id}.${part}`), `step.${id}.${part}`).toBe(true);
      }
    }
  });
});
