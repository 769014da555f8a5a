// The before/after outputs of the verify tests (test/fixtures/verify/, expected verdicts in EXPECTED.tsv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT } from './helpers.js';

export const VERIFY_FIXTURES = join(ROOT, 'test', 'fixtures', 'verify');

/** A file of test/fixtures/verify, or of the shared dsregcmd fixtures for the `s*`/`r*` names. */
export function verifyFixturePath(name: string): string {
  return /^[rs]\d\d-/.test(name) ? join(FIXTURES, `${name}.txt`) : join(VERIFY_FIXTURES, `${name.replace(/\(.*\)$/, '')}.txt`);
}

export function verifyFixtureBytes(name: string): Buffer {
  return readFileSync(verifyFixturePath(name));
}

export interface ExpectedVerdict {
  before: string;
  after: string;
  /** The error the helpdesk had before (registered devices show none in the output). */
  error: string | null;
  /** What the user sees after the step: a code, or null when not said. */
  afterError: string | null;
  verdict: string;
  /** The next step as written in the table: a step id, `-` (none), or words. */
  next: string;
  why: string;
}

/** EXPECTED.tsv: written with the inputs, before the code was read. */
export function expectedVerdicts(): ExpectedVerdict[] {
  const rows = readFileSync(join(VERIFY_FIXTURES, 'EXPECTED.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [before = '', after = '', stillSeen = '', verdict = '', next = '', why = ''] = row.split('\t');
    const error = /\(\+(\w+)\)$/.exec(before)?.[1] ?? null;
    return {
      before: before.replace(/\(.*\)$/, ''),
      after,
      error,
      afterError: stillSeen === 'yes' ? '700003' : stillSeen === 'none' ? 'none' : null,
      verdict,
      next,
      why,
    };
  });
}
