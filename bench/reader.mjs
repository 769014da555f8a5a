// npm run bench: the dsregcmd reader against its floor (decode UTF-8 + split into lines, the same
// bytes, in the same process), interleaved A B A B after a warm-up; and the heap the reader needs
// for a 50 MB input. Figures, not pass/fail (issue #14 aims: reader ÷ floor ≥ 0.5×, heap at
// peak ≤ 3× the input).
//
// Heap: a child process (`node --expose-gc --trace-gc`) builds the input, runs gc(), reads it,
// and runs gc() again holding the report. V8's GC trace gives the heap in use before and after
// every collection; the peak is the largest "before" figure between the two gc() calls (a
// collection runs whenever the young or old space fills, so the heap never grew far past it) or
// the heap just before the final gc(), whichever is higher; "kept" is the heap after the final
// gc(). Both are measured from the heap after the first gc() (input bytes are outside the heap).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readStatusBytes } from '../dist/index.js';
import { formatComparison, interleave } from './interleave.mjs';
import { bigPaste, fixtureFiles } from './reader-inputs.mjs';

const here = fileURLToPath(import.meta.url);
const BIG_MB = Number(process.env.BENCH_READER_MB ?? 50);

const decoder = new TextDecoder('utf-8');
const floorOf = (b) => decoder.decode(b).split(/\r\n|\r|\n/).length;

function timed(fn) {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

function heapChild() {
  const big = bigPaste(BIG_MB);
  globalThis.gc();
  const report = readStatusBytes(big);
  globalThis.gc();
  process.stdout.write(`${JSON.stringify({ bytes: big.length, fields: report.fields.length, lines: report.lines.length })}\n`);
}

const MB = 1024 * 1024;
const GC_LINE = /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)\S*\s+([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB.*?(testing)?;/;

function measureHeap() {
  const child = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', here, '--heap-child'], {
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    env: { ...process.env, BENCH_READER_MB: String(BIG_MB) },
  });
  if (child.status !== 0) throw new Error(`heap child failed: ${child.stderr}`);
  const gcs = [];
  let result;
  for (const line of child.stdout.split('\n')) {
    const m = GC_LINE.exec(line);
    if (m) gcs.push({ before: Number(m[2]) * MB, after: Number(m[3]) * MB, testing: Boolean(m[4]) });
    else if (line.startsWith('{')) result = JSON.parse(line);
  }
  const marks = gcs.flatMap((g, i) => (g.testing ? [i] : []));
  const first = marks[0];
  const last = marks[marks.length - 1];
  if (!result || first === undefined || last === undefined || first === last) throw new Error('heap child printed no GC trace');
  const base = gcs[first].after;
  let peak = 0;
  for (let i = first + 1; i <= last; i++) peak = Math.max(peak, gcs[i].before - base);
  return { bytes: result.bytes, peak, kept: gcs[last].after - base, collections: last - first - 1 };
}

async function main() {
  const corpusBytes = fixtureFiles.reduce((n, b) => n + b.length, 0);
  const ROUNDS = Number(process.env.BENCH_READER_ROUNDS ?? 100);
  const corpus = await interleave(
    {
      name: 'floor',
      run: () =>
        timed(() => {
          for (let r = 0; r < ROUNDS; r++) for (const b of fixtureFiles) floorOf(b);
        }),
    },
    {
      name: 'reader',
      run: () =>
        timed(() => {
          for (let r = 0; r < ROUNDS; r++) for (const b of fixtureFiles) readStatusBytes(b);
        }),
    },
  );
  console.log(
    formatComparison(`reader vs floor on the ${fixtureFiles.length} fixtures ×${ROUNDS} (${((corpusBytes * ROUNDS) / 1e6).toFixed(1)} MB, UTF-8 CRLF)`, corpus),
  );
  console.log(
    `  reader speed ÷ floor speed (= floor time ÷ reader time): min ${corpus.ratio.min.toFixed(2)}×, median ${corpus.ratio.median.toFixed(2)}×; reader ${((corpusBytes * ROUNDS) / 1e6 / corpus.b.median).toFixed(0)} MB/s`,
  );

  const big = bigPaste(BIG_MB);
  const kinds = {};
  for (const k of readStatusBytes(big).lineKinds) kinds[k] = (kinds[k] ?? 0) + 1;
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  const share = Object.entries(kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${((100 * n) / total).toFixed(0)}%`)
    .join(', ');
  console.log(`one ${(big.length / 1e6).toFixed(0)} MB input: ${total} lines, read as ${share}`);
  const large = await interleave({ name: 'floor', run: () => timed(() => floorOf(big)) }, { name: 'reader', run: () => timed(() => readStatusBytes(big)) });
  console.log(formatComparison(`reader vs floor on one ${(big.length / 1e6).toFixed(0)} MB input`, large));
  console.log(
    `  reader speed ÷ floor speed (= floor time ÷ reader time): min ${large.ratio.min.toFixed(2)}×, median ${large.ratio.median.toFixed(2)}×; reader ${(big.length / 1e6 / large.b.median).toFixed(0)} MB/s`,
  );

  const heap = measureHeap();
  const x = (n) => `${(n / 1e6).toFixed(0)} MB (${(n / heap.bytes).toFixed(2)}× the input)`;
  console.log(`reader heap for one ${(heap.bytes / 1e6).toFixed(0)} MB input (GC trace, ${heap.collections} collections during the read)`);
  console.log(`  at peak: ${x(heap.peak)}; kept with the report: ${x(heap.kept)}`);
}

if (process.argv[2] === '--heap-child') heapChild();
else await main();
