// npm run bench: read + diagnose of 4 MB inputs (a body just under the web server's limit), each
// against its floor (decode UTF-8 + split into lines, the same bytes, in the same process),
// interleaved A B A B after a warm-up (bench/interleave.mjs). The padded paste (a real output,
// then blank lines) was the worst case: ~23 s under load before the reported-error scan skipped
// what a line cannot match. Figures, not pass/fail (aim: each kind well under 2 s).
//
//   BENCH_PAIRS=11 node bench/diagnose-large.mjs     (more pairs; at least 5)
//   BENCH_LARGE_KINDS=blank,real node bench/diagnose-large.mjs
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../dist/diagnose/diagnose.js';
import { readStatusBytes } from '../dist/index.js';
import { formatComparison, interleave } from './interleave.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REAL = readFileSync(join(root, 'test', 'fixtures', 'dsregcmd', 's01-aadj-700003.txt'), 'utf8');
const SIZE = 4 * 1024 * 1024 - 1;

function repeated(unit) {
  const one = Buffer.from(unit, 'utf8');
  return Buffer.concat(Array.from({ length: Math.floor(SIZE / one.length) }, () => one));
}

function randomBytes() {
  const out = Buffer.alloc(SIZE);
  let x = 0x2545f491;
  for (let i = 0; i < SIZE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const KINDS = {
  blank: ['a real output, then blank lines (worst case before)', () => Buffer.concat([Buffer.from(REAL), Buffer.alloc(SIZE - Buffer.byteLength(REAL), 10)])],
  oneline: ['one long line, no line break', () => Buffer.alloc(SIZE, 'a')],
  colons: ['colons only', () => Buffer.alloc(SIZE, ':')],
  aadsts: ['"AADSTS700003 " over and over', () => repeated('AADSTS700003 ')],
  ja: ['"エラー コード: " over and over', () => repeated('エラー コード: ')],
  random: ['random bytes', randomBytes],
  real: ['a real output repeated', () => repeated(`${REAL}\n`)],
};

const decoder = new TextDecoder('utf-8');
const floorOf = (b) => decoder.decode(b).split(/\r\n|\r|\n/).length;

function timed(fn) {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

const chosen = (process.env.BENCH_LARGE_KINDS ?? Object.keys(KINDS).join(',')).split(',');
console.log(`read + diagnose of 4 MB inputs (load average at start ${loadavg()[0]?.toFixed(1)})`);
for (const key of chosen) {
  const kind = KINDS[key];
  if (!kind) throw new Error(`unknown kind ${key}; one of ${Object.keys(KINDS).join(', ')}`);
  const [title, make] = kind;
  const bytes = make();
  const r = await interleave(
    { name: 'diagnose', run: () => timed(() => diagnose(readStatusBytes(bytes), { error: '700003' })) },
    { name: 'floor', run: () => timed(() => floorOf(bytes)) },
  );
  console.log(formatComparison(`${title} (${(bytes.length / 1e6).toFixed(1)} MB)`, r));
}
