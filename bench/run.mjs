// npm run bench: CLI cold start and diagnose throughput, each measured interleaved against its
// baseline (A B A B … after a warm-up, bench/interleave.mjs), min and median of each side and of
// the ratio. Figures, not pass/fail. The reader's own rows (reader ÷ split lines, heap for a
// large input) are in bench/reader.mjs.
//
//   BENCH_PAIRS=11 node bench/run.mjs       (more pairs; at least 5)
//   BENCH_ROUNDS=50 node bench/run.mjs      (fewer diagnose rounds per sample)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../dist/diagnose/diagnose.js';
import { readStatusBytes } from '../dist/index.js';
import { formatComparison, interleave } from './interleave.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test', 'fixtures', 'dsregcmd');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f)));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`dsreg-doctor bench (load average at start ${load()})`);

// --- cold start: the CLI against bare `node -e 0` ------------------------------------------------
const spawnSeconds = (args) => () => {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.error) throw r.error;
  return (performance.now() - start) / 1000;
};
const node = { name: 'node -e 0', run: spawnSeconds(['-e', '0']) };
const bin = join(root, 'bin', 'dsreg-doctor.js');
const example = join(root, 'examples', 's01-aadj-700003.txt');
const results = {};
for (const [title, args] of [
  ['cold start: diagnose FILE --format json', ['diagnose', example, '--format', 'json']],
  ['cold start: --version', ['--version']],
  ['cold start: --help', ['--help']],
]) {
  const r = await interleave({ name: 'dsreg-doctor', run: spawnSeconds([bin, ...args]) }, node);
  console.log(formatComparison(title, r));
  results[title] = r;
}
const cold = results['cold start: diagnose FILE --format json'];
console.log(`  aim: diagnose cold start <= 2.0x node -e 0 (median ${cold.ratio.median.toFixed(2)}x: ${cold.ratio.median <= 2 ? 'met' : 'NOT met'})`);

// --- diagnose throughput: read + diagnose every fixture, against decoding and splitting the same bytes
const decoder = new TextDecoder('utf-8');
const timed = (fn) => () => {
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) fn();
  return (performance.now() - start) / 1000;
};
const through = await interleave(
  {
    name: 'read + diagnose',
    run: timed(() => {
      for (const b of files) diagnose(readStatusBytes(b));
    }),
  },
  {
    name: 'decode + split lines',
    run: timed(() => {
      for (const b of files) decoder.decode(b).split(/\r\n|\r|\n/);
    }),
  },
);
console.log(formatComparison(`diagnose throughput: ${files.length} fixtures x ${ROUNDS} rounds`, through));
console.log(`  read + diagnose: ${((files.length * ROUNDS) / through.a.median).toFixed(0)} files/s at the median`);
console.log(`load average at the end ${load()}`);
if (process.env.BENCH_JSON) {
  const brief = (r) => ({
    a: { min: r.a.min, median: r.a.median },
    b: { min: r.b.min, median: r.b.median },
    ratio: { min: r.ratio.min, median: r.ratio.median },
  });
  console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(results).map(([k, r]) => [k, brief(r)])), throughput: brief(through) }));
}
