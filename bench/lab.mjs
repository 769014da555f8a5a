// npm run bench (lab part): how fast the simulated tenant runs the whole scenario matrix, and how
// fast it renders dsregcmd /status. Figures, not pass/fail. Runs against dist/ (npm run build first).
import { performance } from 'node:perf_hooks';
import { checkAll } from '../dist/lab/check.js';
import { renderStatus } from '../dist/lab/render.js';
import { runScenario } from '../dist/lab/run.js';
import { allScenarios, breakDevice, buildHealthyWorld, matrixScenarios, mondayMorning } from '../dist/lab/scenarios.js';
import { readStatusText } from '../dist/read/parse.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function best(fn, rounds = ROUNDS) {
  let min = Number.POSITIVE_INFINITY;
  let result;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - start);
  }
  return { ms: min, result };
}

const scenarios = allScenarios();
checkAll(scenarios.slice(0, 20)); // warm-up

const check = best(() => checkAll(scenarios));
const r = check.result;
console.log(`lab check: ${r.total} scenarios (${r.stories} story, ${r.matrix} matrix), ${r.healed} healed, ${r.failed} failed`);
console.log(`  best of ${ROUNDS}: ${(check.ms / 1000).toFixed(2)} s, ${(check.ms / r.total).toFixed(2)} ms per scenario`);

let points = 0;
let diagnoses = 0;
const story = best(() => {
  points = 0;
  diagnoses = 0;
  for (const s of scenarios) {
    const run = runScenario(s, { story: true });
    points += run.steps.length;
    diagnoses += run.steps.filter((p) => p.diagnosis).length;
  }
});
console.log(
  `story mode (both renderings + a diagnosis at every point): ${(story.ms / 1000).toFixed(2)} s, ${points} points, ${diagnoses} diagnoses, ${(story.ms / points).toFixed(3)} ms per point`,
);

// rendering and reading back, per Windows era
const worlds = matrixScenarios()
  .filter((_, i) => i % 4 === 0)
  .map((s) => {
    const w = buildHealthyWorld(s);
    breakDevice(w, s);
    mondayMorning(w, s);
    return w;
  });
for (const era of ['1607', '1809', '21h2', 'w11']) {
  const eraWorlds = worlds.filter((w) => w.device.era === era);
  const n = 200;
  const render = best(() => {
    let bytes = 0;
    for (let i = 0; i < n; i++) for (const w of eraWorlds) bytes += renderStatus(w, i % 2 ? 'user' : 'elevated').text.length;
    return bytes;
  });
  const texts = eraWorlds.map((w) => renderStatus(w, 'user').text);
  const read = best(() => {
    for (let i = 0; i < n; i++) for (const t of texts) readStatusText(t);
  });
  const count = n * eraWorlds.length;
  console.log(
    `era ${era.padEnd(4)}: render ${Math.round(count / (render.ms / 1000))}/s (${Math.round(render.result / count)} bytes each), read back ${Math.round(count / (read.ms / 1000))}/s`,
  );
}

const mem = process.memoryUsage();
console.log(`memory: rss ${Math.round(mem.rss / 1048576)} MB, heap used ${Math.round(mem.heapUsed / 1048576)} MB`);
