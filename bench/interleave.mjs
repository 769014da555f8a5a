// Interleaved A/B timing for a noisy, shared machine: run A B A B … after a warm-up and report
// min and median of each side and of the per-pair ratio (A ÷ B). Figures, never pass/fail.

/** @param {number[]} xs */
function stats(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { min: s[0], median, samples: xs };
}

/**
 * @param {{ name: string, run: () => number | Promise<number> }} a  the measured side; run returns its seconds (or any cost)
 * @param {{ name: string, run: () => number | Promise<number> }} b  the baseline
 * @param {{ pairs?: number, warmup?: number }} [options]
 */
export async function interleave(a, b, options = {}) {
  const pairs = Math.max(5, options.pairs ?? Number(process.env.BENCH_PAIRS ?? 7));
  const warmup = options.warmup ?? 1;
  for (let i = 0; i < warmup; i++) {
    await a.run();
    await b.run();
  }
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    // alternate which side goes first so a drifting load does not favour one
    const first = i % 2 === 0;
    const x = first ? await a.run() : 0;
    const y = await b.run();
    const x2 = first ? x : await a.run();
    as.push(x2);
    bs.push(y);
    ratios.push(x2 / y);
  }
  return { a: { name: a.name, ...stats(as) }, b: { name: b.name, ...stats(bs) }, ratio: stats(ratios), pairs };
}

/** One line per side and one for the ratio; `unit` formats a cost. */
export function formatComparison(title, r, unit = (s) => `${(s * 1000).toFixed(1)} ms`) {
  return [
    `${title} (${r.pairs} interleaved pairs)`,
    `  ${r.a.name}: min ${unit(r.a.min)}, median ${unit(r.a.median)}`,
    `  ${r.b.name}: min ${unit(r.b.min)}, median ${unit(r.b.median)}`,
    `  ratio ${r.a.name} ÷ ${r.b.name}: min ${r.ratio.min.toFixed(2)}×, median ${r.ratio.median.toFixed(2)}×`,
  ].join('\n');
}
