// Standalone page benchmark: dist/dsreg-doctor.html opened from file:// against the same page served
// by `dsreg-doctor serve` (the baseline), in one Chromium, interleaved A B A B: time to a ready page
// and time from a paste to the rendered plan (the page's own clock). Also the file's size. Figures,
// not pass/fail. Needs `npm run build` and `npm run build:standalone` first.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../dist/web/server.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { formatComparison, interleave } from './interleave.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(root, 'dist', 'dsreg-doctor.html');
const INPUT = readFileSync(join(root, 'test', 'fixtures', 'dsregcmd', 's02-hybrid-700003.txt'), 'utf8');

const server = await startServer({ port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'dsreg-doctor-bench-standalone-'));
const context = await chromium.launchPersistentContext(profile, {
  headless: true,
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  locale: 'en-US',
  viewport: { width: 1360, height: 900 },
  permissions: ['clipboard-read', 'clipboard-write'],
});

/** Load the page (fresh, no cache) and return seconds until it is ready (catalogues applied). */
async function load(page, url) {
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-ready="true"]');
  return (performance.now() - start) / 1000;
}

/** Paste the output and return seconds from the paste event to the rendered plan. */
async function pasteToPlan(page) {
  await page.click('#clear');
  await page.evaluate((t) => navigator.clipboard.writeText(t), INPUT);
  const before = await page.evaluate(() => {
    window.__pasteAt = undefined;
    document.querySelector('#input')?.addEventListener('paste', () => (window.__pasteAt = performance.now()), { once: true, capture: true });
    return performance.getEntriesByName('dsreg:plan-rendered').length;
  });
  await page.focus('#input');
  await page.keyboard.press('Control+V');
  await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
  return (await page.evaluate(() => performance.getEntriesByName('dsreg:plan-rendered').at(-1).startTime - window.__pasteAt)) / 1000;
}

try {
  const served = await context.newPage();
  const file = await context.newPage();
  const fileUrl = pathToFileURL(FILE).href;
  await context.route(
    (u) => u.protocol !== 'file:' && !u.href.startsWith(server.url),
    (r) => r.abort(),
  );
  console.log(`dist/dsreg-doctor.html: ${statSync(FILE).size} bytes`);
  const loads = await interleave(
    { name: 'standalone (file://)', run: () => load(file, fileUrl) },
    { name: 'serve (127.0.0.1)', run: () => load(served, server.url) },
    { pairs: 9 },
  );
  console.log(formatComparison('page ready', loads));
  await load(file, fileUrl);
  await load(served, server.url);
  const pastes = await interleave(
    { name: 'standalone (in the page)', run: () => pasteToPlan(file) },
    { name: 'serve (POST /api/diagnose)', run: () => pasteToPlan(served) },
    { pairs: 15 },
  );
  console.log(formatComparison('paste → rendered plan (s02-hybrid-700003.txt)', pastes));
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
