import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { readStatusBytes } from '../src/read/parse.js';
import { fixtureText } from './helpers.js';

// A body just under the web server's 4 MB limit must not block it: reading and diagnosing grow
// linearly with the input, whatever it is. Times are compared within the test (1 MB against
// 4 MB, best of several runs), never against a clock budget.
const MB = 1024 * 1024;
const REAL = fixtureText('s01-aadj-700003.txt');

/** `unit` over and over, cut to `size` bytes (on a character boundary: the units are whole). */
function repeated(unit: string, size: number): Buffer {
  const one = Buffer.from(unit, 'utf8');
  const copies = Math.floor(size / one.length);
  return Buffer.concat(Array.from({ length: copies }, () => one));
}

/** Bytes from a fixed-seed generator (the same every run). */
function randomBytes(size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const KINDS: [string, (size: number) => Buffer][] = [
  ['a real output, then blank lines', (size) => Buffer.concat([Buffer.from(REAL), Buffer.alloc(size - Buffer.byteLength(REAL), 10)])],
  ['one long line, no line break', (size) => Buffer.alloc(size, 'a')],
  ['colons only', (size) => Buffer.alloc(size, ':')],
  ['"AADSTS700003 " over and over', (size) => repeated('AADSTS700003 ', size)],
  ['"エラー コード: " over and over', (size) => repeated('エラー コード: ', size)],
  ['random bytes', randomBytes],
  ['a real output repeated', (size) => repeated(`${REAL}\n`, size)],
];

function seconds(bytes: Buffer): number {
  const start = performance.now();
  diagnose(readStatusBytes(bytes), { error: '700003' });
  return (performance.now() - start) / 1000;
}

/** Best of `runs`, 1 MB and 4 MB interleaved so a burst of load hits both. */
function best(small: Buffer, large: Buffer, runs: number): { small: number; large: number } {
  let s = Number.POSITIVE_INFINITY;
  let l = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    s = Math.min(s, seconds(small));
    l = Math.min(l, seconds(large));
  }
  return { small: s, large: l };
}

describe('diagnose on 4 MB inputs: linear in the input', () => {
  it.each(KINDS)(
    '%s: 4 MB takes under 8× the time of 1 MB',
    (_name, make) => {
      const small = make(MB);
      const large = make(4 * MB);
      seconds(small); // warm-up: compiled code and caches for both sizes alike
      const t = best(small, large, 3);
      // a floor of 5 ms for the 1 MB run: below it, timer and GC noise decide the ratio
      expect(t.large).toBeLessThan(8 * Math.max(t.small, 0.005));
    },
    120_000,
  );

  it('a blank line costs less than a line of output: 4 MB of padding under 2× 4 MB of real output', () => {
    const padded = KINDS[0]?.[1](4 * MB) ?? Buffer.alloc(0);
    const real = repeated(`${REAL}\n`, 4 * MB);
    seconds(padded);
    const t = best(padded, real, 3);
    expect(t.small).toBeLessThan(2 * t.large);
  }, 120_000);

  it('the padded paste still reads as the output before its padding', () => {
    const d = diagnose(readStatusBytes(KINDS[0]?.[1](MB) ?? Buffer.alloc(0)), { error: '700003' });
    expect(d.report.lines.length).toBeGreaterThan(MB - Buffer.byteLength(REAL));
    expect(d.status.joinType).toBe('entra-joined');
    expect(d.errorCodes).toContain('AADSTS700003');
  });
});
