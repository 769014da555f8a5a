// Staged-cleanup benchmark: what planning a stage adds to reading the fleet. A = analyzeFleet +
// planCleanup (stage 1, with the Autopilot export and the key list), B = analyzeFleet alone, on the
// same generated files (scripts/gen-fleet.mjs --cleanup), interleaved A B A B. Figures, not
// pass/fail. Aim: the plan costs little next to reading (ratio close to 1).
//
//   node bench/cleanup.mjs     (BENCH_CLEANUP_DEVICES, BENCH_CLEANUP_SIGNINS, BENCH_PAIRS)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatComparison, interleave } from './interleave.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'cleanup', 'staged.js'))) {
  console.error('bench/cleanup.mjs: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}
const { analyzeFleet, fileSource } = await import(join(root, 'dist', 'fleet', 'fleet.js'));
const { planCleanup } = await import(join(root, 'dist', 'cleanup', 'staged.js'));
const { readSideList } = await import(join(root, 'dist', 'cleanup', 'lists.js'));

const DEVICES = Number(process.env.BENCH_CLEANUP_DEVICES ?? 50_000);
const SIGNINS = Number(process.env.BENCH_CLEANUP_SIGNINS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'dsreg-doctor-cleanup-bench-'));
const gen = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'gen-fleet.mjs'), '--devices', String(DEVICES), '--signins', String(SIGNINS), '--out', dir, '--cleanup'],
  {
    stdio: 'inherit',
  },
);
if (gen.status !== 0) process.exit(gen.status ?? 1);
const files = ['devices.csv', 'signins-interactive.csv', 'signins-noninteractive.csv', 'audit.csv', 'bitlocker-keys.json'].map((f) => join(dir, f));
const asOf = Date.parse('2025-06-04T00:00:00Z');

const read = async () => {
  let agg;
  await analyzeFleet({
    inputs: await Promise.all(files.map(async (f) => ({ source: await fileSource(f), as: 'auto' }))),
    asOf: new Date(asOf),
    onAggregate: (a) => (agg = a),
  });
  return agg;
};
let lastPlan;
const withPlan = {
  name: 'fleet + cleanup plan',
  run: async () => {
    const start = performance.now();
    const agg = await read();
    lastPlan = planCleanup({
      agg,
      asOf,
      stage: 1,
      staleDays: 90,
      autopilot: new Set(readSideList('a', readFileSync(join(dir, 'autopilot.csv'), 'utf8'), 'autopilot').ids),
      autopilotGiven: true,
      bitlockerBackedUp: new Set(readSideList('k', readFileSync(join(dir, 'bitlocker-keys.json'), 'utf8'), 'bitlocker-backup').ids),
    });
    return (performance.now() - start) / 1000;
  },
};
const readOnly = {
  name: 'fleet read only',
  run: async () => {
    const start = performance.now();
    await read();
    return (performance.now() - start) / 1000;
  },
};
const r = await interleave(withPlan, readOnly);
console.log(formatComparison(`cleanup stage 1 on ${DEVICES} devices, ${SIGNINS} sign-ins`, r));
console.log(`  disable ${lastPlan.disable.length}, held back ${lastPlan.heldBack.length}, candidates ${lastPlan.candidates}`);
rmSync(dir, { recursive: true, force: true });
