// npm run bench: reader throughput and CLI cold start. Figures, not pass/fail: see the README.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readStatusBytes } from '../dist/index.js';
import { diagnose } from '../dist/diagnose/diagnose.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test', 'fixtures', 'dsregcmd');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f)));
const fixtureBytes = files.reduce((n, b) => n + b.length, 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);

function time(fn, rounds) {
  for (let i = 0; i < Math.min(20, rounds); i++) fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - start) / 1000;
}

// Baseline: what merely turning the same bytes into lines costs.
const decoder = new TextDecoder('utf-8');
const baseline = time(() => {
  for (const b of files) decoder.decode(b).split(/\r\n|\r|\n/);
}, ROUNDS);
const reader = time(() => {
  for (const b of files) readStatusBytes(b);
}, ROUNDS);
const full = time(
  () => {
    for (const b of files) diagnose(readStatusBytes(b));
  },
  Math.max(1, ROUNDS / 4),
);

const mb = (fixtureBytes * ROUNDS) / 1e6;
const results = {
  fixtures: files.length,
  fixtureBytes,
  rounds: ROUNDS,
  splitLinesMBps: mb / baseline,
  readerMBps: mb / reader,
  readerFilesPerSec: (files.length * ROUNDS) / reader,
  readerVsSplit: baseline / reader,
  diagnoseFilesPerSec: (files.length * Math.max(1, ROUNDS / 4)) / full,
};

// One big input: the fixtures repeated to ~8 MB (a collection of many outputs).
const big = Buffer.concat(Array.from({ length: Math.ceil(8e6 / fixtureBytes) }, () => files).flat());
const heapBefore = process.memoryUsage().heapUsed;
const bigTime = time(() => readStatusBytes(big), 3);
results.bigInputMB = big.length / 1e6;
results.bigInputMBps = (big.length * 3) / 1e6 / bigTime;
results.bigInputHeapDeltaMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

// Cold start: the CLI on a bundled example against bare `node -e 0`.
function coldStart(args, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
const example = join(root, 'examples', 's01-aadj-700003.txt');
results.coldStartNodeMs = coldStart(['-e', '0']);
results.coldStartDiagnoseMs = coldStart([join(root, 'bin', 'dsreg-doctor.js'), 'diagnose', example, '--format', 'json']);
results.coldStartRatio = results.coldStartDiagnoseMs / results.coldStartNodeMs;

const fmt = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : v);
console.log('dsreg-doctor bench');
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(22)} ${fmt(v)}`);
console.log(
  `  target: reader >= 0.5x split (${results.readerVsSplit >= 0.5 ? 'met' : 'NOT met'}), cold start <= 2x node (${results.coldStartRatio <= 2 ? 'met' : 'NOT met'})`,
);
if (process.env.BENCH_JSON) console.log(JSON.stringify(results));
