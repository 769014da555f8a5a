// Web app benchmark (runs against dist/): the page's total transfer size, the time from a paste to
// the rendered plan measured in Chromium, and the API's own time for the same input. Figures, not
// pass/fail. Needs Debian's Chromium at /usr/bin/chromium (or DSREG_CHROMIUM).
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { diagnose } from '../dist/diagnose/diagnose.js';
import { readStatusBytes } from '../dist/read/parse.js';
import { diagnosisToJson } from '../dist/render/localize.js';
import { translator } from '../dist/i18n/format.js';
import { startServer } from '../dist/web/server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test', 'fixtures', 'dsregcmd');
const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 15);
const API_ROUNDS = Number(process.env.BENCH_WEB_API_ROUNDS ?? 200);
const INPUTS = ['s01-aadj-700003.txt', 's02-hybrid-700003.txt'];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: round(q(0.5)), p95: round(q(0.95)), min: round(s[0]), n: s.length };
};
const round = (x) => Math.round(x * 100) / 100;

function webFolderBytes(dir) {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    n += statSync(p).isDirectory() ? (name === 'examples' ? 0 : webFolderBytes(p)) : statSync(p).size;
  }
  return n;
}

const server = await startServer({ port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'dsreg-doctor-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  headless: true,
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  locale: 'en-US',
  viewport: { width: 1360, height: 900 },
  permissions: ['clipboard-read', 'clipboard-write'],
});
const results = { rounds: ROUNDS, apiRounds: API_ROUNDS };
try {
  const page = context.pages()[0] ?? (await context.newPage());
  // 1. what the page costs to load: every response body, as the network layer counted it
  const bodies = [];
  page.on('response', async (r) => {
    try {
      bodies.push({ url: r.url(), bytes: (await r.body()).length });
    } catch {
      // a response without a body (redirect): nothing to count
    }
  });
  const loadStart = performance.now();
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  results.pageLoadMs = round(performance.now() - loadStart);
  await page.waitForTimeout(200);
  const timing = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
      name: e.name,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
    })),
  );
  results.pageRequests = bodies.length;
  results.pageBodyBytes = bodies.reduce((n, b) => n + b.bytes, 0);
  results.pageTransferBytes = timing.reduce((n, e) => n + e.transferSize, 0);
  results.webFolderBytes = webFolderBytes(join(root, 'web'));
  results.pageFiles = Object.fromEntries(bodies.map((b) => [new URL(b.url).pathname, b.bytes]));
  page.removeAllListeners('response');

  // 2. paste → rendered plan, in the page's own clock; the Server-Timing of the same request
  for (const file of INPUTS) {
    const text = readFileSync(join(fixtures, file), 'utf8');
    const paste = [];
    const serverMs = [];
    for (let i = 0; i < ROUNDS; i++) {
      await page.click('#clear');
      await page.evaluate(() => performance.clearResourceTimings());
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      const before = await page.evaluate(() => {
        window.__pasteAt = undefined;
        document.querySelector('#input')?.addEventListener(
          'paste',
          () => {
            window.__pasteAt = performance.now();
          },
          { once: true, capture: true },
        );
        return performance.getEntriesByName('dsreg:plan-rendered').length;
      });
      await page.focus('#input');
      await page.keyboard.press('Control+V');
      await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
      const m = await page.evaluate(() => {
        const marks = performance.getEntriesByName('dsreg:plan-rendered');
        const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/diagnose'));
        return {
          ms: (marks.at(-1)?.startTime ?? 0) - (window.__pasteAt ?? 0),
          server: api?.serverTiming?.find((s) => s.name === 'diagnose')?.duration ?? null,
        };
      });
      paste.push(m.ms);
      if (m.server !== null) serverMs.push(m.server);
    }
    results[`pasteToPlanMs.${file}`] = stats(paste);
    results[`apiServerTimingMs.${file}`] = stats(serverMs);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// 3. the API on its own: HTTP round trip from Node, and the library call it wraps
for (const file of INPUTS) {
  const bytes = readFileSync(join(fixtures, file));
  const http = [];
  for (let i = 0; i < API_ROUNDS; i++) {
    const start = performance.now();
    const res = await fetch(`${server.url}api/diagnose?lang=en&lines=1`, { method: 'POST', body: bytes });
    await res.arrayBuffer();
    http.push(performance.now() - start);
  }
  const t = translator('en');
  const lib = [];
  for (let i = 0; i < API_ROUNDS; i++) {
    const start = performance.now();
    JSON.stringify(diagnosisToJson(diagnose(readStatusBytes(bytes)), 'en', t, 'bench'));
    lib.push(performance.now() - start);
  }
  results[`apiHttpRoundTripMs.${file}`] = stats(http.slice(10));
  results[`libraryDiagnoseJsonMs.${file}`] = stats(lib.slice(10));
}
await server.close();

console.log(JSON.stringify(results, null, 2));
