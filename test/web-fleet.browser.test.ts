// Browser tests of the Fleet view: playwright-core driving Debian's Chromium against a real server
// on 127.0.0.1, with synthetic exports made by scripts/gen-fleet.mjs (a known set of broken
// devices). Screenshots go to test-output/screenshots/ for review.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../bench/chromium.mjs';
import { analyzeFleet, type FleetReport, fileSource, memorySource } from '../src/fleet/fleet.js';
import { fleetToCsv } from '../src/fleet/render-csv.js';
import { en, ja } from '../src/i18n/all.js';
import { type RunningServer, startServer } from '../src/web/server.js';
import { ROOT } from './helpers.js';
import { watchPages } from './browser-watch.js';

// Browser globals used inside page.evaluate callbacks (the project's lib has no DOM types).
// biome-ignore lint/suspicious/noExplicitAny: typed loosely on purpose, checked by running them
declare const document: any, window: any, DataTransfer: any;

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const AS_OF = new Date('2025-06-04T00:00:00Z');

interface Truth {
  affected: { deviceId: string; name: string; cause: string; auditActor: string | null }[];
}

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let work: string;
let exportsDir: string;
let graphDir: string;
let truth: Truth;
/** The same analysis the server runs, on the same files: what the page must show. */
let expected: FleetReport;
let graphCalls = 0;
const requests: string[] = [];
const dialogs: string[] = [];
const consoleErrors: string[] = [];

function generate(out: string, args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-fleet.mjs'), '--out', out, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`gen-fleet failed: ${run.stderr}`);
}

const exportFiles = () => readdirSync(exportsDir).filter((f) => f !== 'truth.json');

async function launch(locale: string): Promise<BrowserContext> {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), {
    headless: true,
    executablePath: CHROMIUM,
    args: ARGS,
    locale,
    viewport: { width: 1360, height: 900 },
    acceptDownloads: true,
  });
  ctx.on('request', (r) => requests.push(r.url()));
  watchPages(ctx, { dialogs, consoleErrors });
  return ctx;
}

async function openFleet(ctx: BrowserContext): Promise<Page> {
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  await p.goto(`${server.url}fleet.html`);
  await p.waitForSelector('html[data-ready="true"]');
  return p;
}

const renders = () => page.evaluate(() => performance.getEntriesByName('fleet:rendered').length);
async function waitRender(before: number) {
  await page.waitForFunction((n) => performance.getEntriesByName('fleet:rendered').length > n, before, { timeout: 30_000 });
}

/** Pick the generated exports with the file picker and wait for the report. */
async function loadExports() {
  await page.click('#fleet-clear');
  const before = await renders();
  await page.setInputFiles(
    '#fleet-file',
    exportFiles().map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(exportsDir, name)) })),
  );
  await waitRender(before);
}

async function setLang(lang: 'en' | 'ja') {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.selectOption('#lang', lang);
  await page.waitForSelector(`html[lang="${lang}"]`);
}

const shownIds = () => page.$$eval('#fleet-rows tr', (rows) => rows.map((r) => r.getAttribute('data-device')));
const texts = (selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

async function fetchDownload(selector: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path()).toString('utf8') };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);
  work = mkdtempSync(join(tmpdir(), 'dsreg-doctor-fleet-web-'));
  exportsDir = join(work, 'entra');
  graphDir = join(work, 'graph');
  generate(exportsDir, ['--devices', '2000', '--signins', '8000', '--seed', '7']);
  generate(graphDir, ['--devices', '600', '--signins', '3000', '--seed', '11', '--format', 'graph-json']);
  truth = JSON.parse(readFileSync(join(exportsDir, 'truth.json'), 'utf8'));
  expected = await analyzeFleet({
    inputs: await Promise.all(exportFiles().map(async (f) => ({ source: await fileSource(join(exportsDir, f), f) }))),
    asOf: AS_OF,
  });
  // "Load from Microsoft Graph": the pulled records as fleet inputs (here: the generator's Graph JSON)
  server = await startServer({
    port: 0,
    fleetFromGraph: async (request) => {
      graphCalls++;
      const sources = readdirSync(graphDir)
        .filter((f) => f !== 'truth.json')
        .map((f) => memorySource(f, readFileSync(join(graphDir, f))));
      const { lang, ...cleanup } = request;
      const warnings = [lang === 'ja' ? 'テスト: Graph のデータは生成したものです。' : 'Test: the Graph data is generated.'];
      return { report: await analyzeFleet({ inputs: sources.map((source) => ({ source })), ...cleanup }), sources, warnings };
    },
  });
  context = await launch('en-US');
  page = await openFleet(context);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Fleet view in Chromium', () => {
  it('starts in the browser language with every label filled, and offers Graph when serve has it', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#fleet-analyse')).toBe(en['web.fleet.load.analyse']);
    const empty = await page.$$eval('[data-i18n]', (els) => els.filter((e) => (e.textContent ?? '').trim() === '').map((e) => e.getAttribute('data-i18n')));
    expect(empty).toEqual([]);
    expect(await page.isVisible('#fleet-graph')).toBe(true);
    expect(await page.isVisible('#fleet-body')).toBe(false);
    expect(await page.textContent('#fleet-limit')).toContain('64 MB');
  });

  it('loads the synthetic exports: exactly the known broken devices, every input accounted for', async () => {
    await loadExports();
    expect(await page.textContent('#fleet-status')).toMatch(/^Read 4 files in [\d.]+ s: [\d,]+ rows\.$/);
    const ids = new Set(await shownIds());
    expect(ids).toEqual(new Set(truth.affected.map((a) => a.deviceId)));
    expect([...ids]).toEqual(expected.affected.map((a) => a.deviceId));
    expect(await page.textContent('[data-stat="affected"] .stat-value')).toBe(String(truth.affected.length));
    expect(await page.textContent('#fleet-count')).toBe(`Showing 1–${truth.affected.length} of ${truth.affected.length} devices`);
    const inputs = await page.$$eval('#fleet-inputs-table tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-input'), r.children[1]?.textContent]));
    expect(inputs).toEqual(expected.inputs.map((i) => [i.name, en[`fleet.kind.${i.kind}` as keyof typeof en]]));
    expect(await page.textContent('#fleet-reconcile')).toBe(
      `Rows: ${expected.rows.read.toLocaleString('en-US')} read = ${expected.rows.used.toLocaleString('en-US')} used + ${expected.rows.skipped.toLocaleString('en-US')} not used.`,
    );
    // each row: its cause, state and first step, as the report says
    for (const a of expected.affected) {
      const row = `#fleet-rows tr[data-device="${a.deviceId}"]`;
      expect(await page.textContent(`${row} td.cause`)).toContain(en[`fleet.cause.${a.cause}` as keyof typeof en]);
      expect(await page.getAttribute(`${row} .state`, 'data-state')).toBe(a.inventoryState);
      expect(await page.getAttribute(`${row} td[data-step]`, 'data-step')).toBe(a.firstStep ?? '');
    }
    // the charts count the same devices
    const bars = await page.$$eval('[data-chart="cause"] .bar', (els) =>
      els.map((e) => [e.getAttribute('data-key'), e.querySelector('text.value')?.textContent]),
    );
    const byCause = new Map<string, number>();
    for (const a of expected.affected) byCause.set(a.cause, (byCause.get(a.cause) ?? 0) + 1);
    expect(new Map(bars.map(([k, v]) => [k, Number(v)]))).toEqual(byCause);
    expect(await page.$$('[data-chart="day"] svg .col')).toHaveLength(expected.summary.failuresByDay.length);
  });

  it('filters by join type, error code, inventory state, actor and search, and they combine', async () => {
    const check = async (pick: (a: FleetReport['affected'][number]) => boolean) => {
      const want = expected.affected.filter(pick).map((a) => a.deviceId);
      expect(await shownIds()).toEqual(want);
      return want.length;
    };
    await page.selectOption('#f-code', 'AADSTS700003');
    expect(await check((a) => a.errorCodes.includes('AADSTS700003'))).toBeGreaterThan(0);
    await page.selectOption('#f-state', 'missing');
    await check((a) => a.errorCodes.includes('AADSTS700003') && a.inventoryState === 'missing');
    await page.click('#f-reset');
    await page.selectOption('#f-join', 'hybrid-joined');
    expect(await check((a) => a.joinType === 'hybrid-joined')).toBeGreaterThan(0);
    await page.click('#f-reset');
    const actor = 'Stale Device Cleanup';
    await page.selectOption('#f-actor', actor);
    expect(await check((a) => a.deletedBy === actor)).toBeGreaterThan(0);
    await page.click('#f-reset');
    const target = expected.affected.find((a) => a.users.length > 0);
    await page.fill('#f-search', target?.users[0]?.toUpperCase() ?? '');
    const matching = expected.affected.filter((a) => a.users.some((u) => u.toLowerCase().includes(target?.users[0]?.toLowerCase() ?? '')));
    await page.waitForFunction((n) => document.querySelectorAll('#fleet-rows tr').length === n, matching.length);
    expect(await shownIds()).toEqual(matching.map((a) => a.deviceId));
    expect(await shownIds()).toContain(target?.deviceId);
    await page.fill('#f-search', 'no-such-device-anywhere');
    await page.waitForSelector('#fleet-none:not([hidden])');
    expect(await page.textContent('#fleet-none')).toBe(en['web.fleet.table.none']);
    await page.click('#f-reset');
    expect(await shownIds()).toHaveLength(expected.affected.length);
  });

  it('sorts by a column, both ways, with aria-sort', async () => {
    await page.click('#fleet-head [data-sort="failures"]');
    const counts = (await texts('#fleet-rows td.num')).map((s) => Number(s.replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.getAttribute('#fleet-head th:has([data-sort="failures"])', 'aria-sort')).toBe('descending');
    await page.click('#fleet-head [data-sort="failures"]');
    const up = (await texts('#fleet-rows td.num')).map((s) => Number(s.replace(/,/g, '')));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.getAttribute('#fleet-head th:has([data-sort="failures"])', 'aria-sort')).toBe('ascending');
    await page.click('#fleet-head [data-sort="name"]');
    const names = await page.$$eval('#fleet-rows button.link', (els) => els.map((e) => (e.textContent ?? '').toLowerCase()));
    expect(names).toEqual([...names].sort());
  });

  it('keyboard: a chart bar filters with Enter, a sort header with Enter', async () => {
    await page.focus('[data-chart="cause"] .bar[data-key="deleted"]');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#f-cause')).toBe('deleted');
    expect(await shownIds()).toEqual(expect.arrayContaining(expected.affected.filter((a) => a.cause === 'deleted').map((a) => a.deviceId)));
    expect(await shownIds()).toHaveLength(expected.affected.filter((a) => a.cause === 'deleted').length);
    // the focus stays on the bar, now pressed
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#f-cause')).toBe('');
    await page.focus('#fleet-head [data-sort="last"]');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#fleet-head th:has([data-sort="last"])', 'aria-sort')).toBe('descending');
  });

  it('drills down: the device, its sign-ins, its deletion event, its plan, the collection script', async () => {
    const a = expected.affected.find((x) => x.cause === 'deleted' && x.deletedBy) ?? expected.affected[0];
    if (!a) throw new Error('no affected device');
    const before = await page.evaluate(() => performance.getEntriesByName('fleet:device-rendered').length);
    await page.click(`#fleet-rows tr[data-device="${a.deviceId}"] button.link`);
    await page.waitForFunction((n) => performance.getEntriesByName('fleet:device-rendered').length > n, before);
    expect(await page.evaluate(() => document.querySelector('#device-dialog')?.open)).toBe(true);
    expect(await page.textContent('#device-title')).toBe(a.displayName ?? a.deviceId);
    expect(await page.getAttribute('#device-body', 'data-device')).toBe(a.deviceId);
    // sign-ins: every failure of the report is listed, newest first
    const rows = await page.$$eval('#device-body [data-table="signins"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const failures = rows.filter((r) => r[1] === 'Failure' && a.errorCodes.includes(r[2] ?? ''));
    expect(failures).toHaveLength(a.failureCount);
    expect(failures.at(-1)?.[0]).toBe(a.firstFailure.replace('T', ' ').slice(0, 16));
    // the deletion event
    if (a.deletedBy) expect(await page.textContent('#device-body .event')).toContain(a.deletedBy);
    // the plan: step titles from the catalogue
    const steps = await page.$$eval('#device-body .step', (els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps[0]).toBe(a.firstStep);
    expect(await page.textContent('#device-body .step:first-child .step-title')).toBe(en[`step.${a.firstStep}.title` as keyof typeof en]);
    // the collection script for its user
    const script = await fetchDownload('#device-collect');
    expect(script.name).toBe('dsreg-doctor-collect.ps1');
    expect(script.text).toContain('dsregcmd');
    // Escape closes it and the focus goes back to the device's button
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.querySelector('#device-dialog')?.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-device'))).toBe(a.deviceId);
  });

  it('exports: CSV of the devices shown, CSV of all, the standalone HTML report', async () => {
    await page.selectOption('#f-cause', 'deleted');
    const shown = await shownIds();
    const csv = await fetchDownload('#export-csv-shown');
    expect(csv.name).toBe('dsreg-doctor-fleet-affected.csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown);
    await page.click('#f-reset');
    const all = await fetchDownload('#export-csv-all');
    expect(all.text).toBe(fleetToCsv(expected));
    const html = await fetchDownload('#export-html');
    expect(html.name).toBe('dsreg-doctor-fleet.en.html');
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect(html.text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    for (const a of expected.affected) expect(html.text).toContain(a.deviceId);
  });

  it('cleanup impact with stale days: the risks of the analysis, filterable, exported', async () => {
    await page.fill('#c-days', '90');
    await page.fill('#c-asof', '2025-06-04');
    const before = await renders();
    await page.click('#c-run');
    await waitRender(before);
    const withCleanup = await analyzeFleet({
      inputs: await Promise.all(exportFiles().map(async (f) => ({ source: await fileSource(join(exportsDir, f), f) }))),
      staleDays: 90,
      asOf: AS_OF,
    });
    const c = withCleanup.cleanup;
    if (!c) throw new Error('no cleanup');
    expect(await page.textContent('#cleanup-summary')).toBe(
      en['fleet.summary.cleanup']
        .replace('{candidates}', c.candidates.toLocaleString('en-US'))
        .replace('{high}', c.byRisk.high.toLocaleString('en-US'))
        .replace('{medium}', c.byRisk.medium.toLocaleString('en-US'))
        .replace('{low}', c.byRisk.low.toLocaleString('en-US')),
    );
    expect(await page.textContent('#cleanup-from')).toBe('Devices inactive for more than 90 days as of 2025-06-04 00:00.');
    await page.click('.risk-pill[data-risk="low"]');
    const risks = await page.$$eval('#cleanup-rows tr', (rows) => rows.map((r) => r.getAttribute('data-risk')));
    expect(risks.length).toBe(Math.min(25, c.byRisk.low));
    expect(new Set(risks)).toEqual(new Set(c.byRisk.low > 0 ? ['low'] : [null]));
    const csv = await fetchDownload('#export-csv-cleanup');
    expect(csv.text).toBe(fleetToCsv(withCleanup, 'cleanup'));
    // the affected devices did not change
    expect(new Set(await shownIds())).toEqual(new Set(expected.affected.map((a) => a.deviceId)));
  });

  it('switching to Japanese re-labels everything without reloading the files', async () => {
    const seen = requests.length;
    await setLang('ja');
    await page.waitForFunction((s) => document.querySelector('#fleet-analyse')?.textContent === s, ja['web.fleet.load.analyse']);
    expect(await page.textContent('#table-heading')).toBe(ja['web.fleet.table.heading']);
    const first = expected.affected[0];
    expect(await page.textContent(`#fleet-rows tr[data-device="${first?.deviceId}"] td.cause`)).toContain(ja[`fleet.cause.${first?.cause}` as keyof typeof ja]);
    expect(await page.textContent('#cleanup-heading')).toBe(ja['web.fleet.cleanup.heading']);
    expect(requests.slice(seen).map((u) => new URL(u).pathname)).toEqual(['/api/messages']);
    await setLang('en');
  });

  it('dropped files: a broken one is reported in the inputs, the good ones are read', async () => {
    await page.click('#fleet-clear');
    const before = await renders();
    const files = [
      { name: 'entra-interactive-signins.csv', bytes: [...readFileSync(join(FIX, 'entra-interactive-signins.csv'))] },
      { name: 'entra-devices.csv', bytes: [...readFileSync(join(FIX, 'entra-devices.csv'))] },
      { name: 'scan.pdf', bytes: [...Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)])] },
    ];
    const dt = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return transfer;
    }, files);
    await page.dispatchEvent('#fleet-drop', 'dragenter', { dataTransfer: dt });
    expect(await page.getAttribute('#fleet-drop', 'class')).toContain('dragging');
    await page.dispatchEvent('#fleet-drop', 'drop', { dataTransfer: dt });
    await waitRender(before);
    expect(await texts('#fleet-files .file-name')).toEqual(files.map((f) => f.name));
    expect(await page.evaluate(() => document.querySelector('#fleet-inputs')?.open)).toBe(true);
    expect(await page.textContent('#fleet-inputs-table tr[data-input="scan.pdf"]')).toContain(en['fleet.note.file.binary'].replace('{file}', 'scan.pdf'));
    expect(await page.getAttribute('#fleet-inputs-table tr[data-input="scan.pdf"]', 'class')).toBe('bad');
    expect((await shownIds()).length).toBeGreaterThan(0);
  });

  it('renders every value from the exports as text: the XSS payloads never run', async () => {
    await page.click('#fleet-clear');
    const payload = '<img src=x onerror=alert(1)>';
    const csv = readFileSync(join(FIX, 'entra-interactive-signins.csv'), 'utf8')
      .replace(/alice@contoso\.com/g, `alice${payload}@contoso.com`)
      .replace(/Microsoft Teams/g, '<script>alert(2)</script>');
    const before = await renders();
    await page.setInputFiles('#fleet-file', [{ name: `${payload}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    await waitRender(before);
    expect(await page.textContent('#fleet-files')).toContain(`${payload}.csv`);
    expect(await page.textContent('#fleet-rows')).toContain(`alice${payload}@contoso.com`);
    const target = await page.$$eval('#fleet-rows tr', (rows) => rows.find((r) => r.textContent?.includes('alice'))?.getAttribute('data-device'));
    await page.click(`#fleet-rows tr[data-device="${target}"] button.link`);
    await page.waitForSelector('#device-body [data-table="signins"]');
    expect(await page.textContent('#device-body')).toContain('<script>alert(2)</script>');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('img', (els) => els.map((e) => e.getAttribute('src')))).toEqual(['/favicon.svg']);
    expect(await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src')))).toEqual(['/fleet.js']);
    expect(await page.$$('[onerror], [onload]')).toEqual([]);
  });

  it('loads from Microsoft Graph through the function serve was given', async () => {
    const before = await renders();
    await page.click('#fleet-graph');
    await waitRender(before);
    expect(graphCalls).toBe(1);
    expect(await page.textContent('#fleet-from')).toContain(en['web.fleet.results.fromGraph']);
    expect(await page.textContent('#fleet-warnings-list')).toBe('Test: the Graph data is generated.');
    expect(await page.isVisible('#fleet-warnings')).toBe(true);
    const graphTruth: Truth = JSON.parse(readFileSync(join(graphDir, 'truth.json'), 'utf8'));
    expect(new Set(await shownIds())).toEqual(new Set(graphTruth.affected.map((a) => a.deviceId)));
    // the drill-down reads the pulled records
    const first = (await shownIds())[0];
    await page.click(`#fleet-rows tr[data-device="${first}"] button.link`);
    await page.waitForSelector('#device-body [data-table="signins"]');
    await page.keyboard.press('Escape');
  });

  it('writes screenshots in English and Japanese, light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await loadExports();
    await page.fill('#c-days', '90');
    await page.fill('#c-asof', '2025-06-04');
    let before = await renders();
    await page.click('#c-run');
    await waitRender(before);
    // a device with its deletion or disable event in the audit log shows every part of the drill-down
    const deleted = expected.affected.find((a) => a.deletedBy) ?? expected.affected[0];
    for (const lang of ['en', 'ja'] as const) {
      await setLang(lang);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `fleet-${lang}.png`), fullPage: true });
      await page.locator('#affected-card').screenshot({ path: join(SCREENSHOTS, `fleet-${lang}-table.png`) });
      await page.locator('#cleanup-card').screenshot({ path: join(SCREENSHOTS, `fleet-${lang}-cleanup.png`) });
      before = await page.evaluate(() => performance.getEntriesByName('fleet:device-rendered').length);
      await page.click(`#fleet-rows tr[data-device="${deleted?.deviceId}"] button.link`);
      await page.waitForFunction((n) => performance.getEntriesByName('fleet:device-rendered').length > n, before);
      await page.screenshot({ path: join(SCREENSHOTS, `fleet-${lang}-device.png`) });
      await page.keyboard.press('Escape');
    }
    await page.selectOption('#theme', 'dark');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'fleet-ja-dark.png'), fullPage: true });
    await page.selectOption('#theme', 'auto');
    await setLang('en');
    for (const name of ['fleet-en.png', 'fleet-ja.png', 'fleet-en-device.png', 'fleet-ja-device.png', 'fleet-ja-dark.png', 'fleet-en-cleanup.png'])
      expect(existsSync(join(SCREENSHOTS, name)), name).toBe(true);
    // seven screenshots, two of them full-page: past the default 30 s on a loaded machine
  }, 120_000);

  it('is reachable from the single-device page, which still works', async () => {
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('nav.views a[href="/fleet.html"]');
    await page.waitForSelector('html[data-ready="true"]');
    expect(new URL(page.url()).pathname).toBe('/fleet.html');
    expect(await page.getAttribute('nav.views a[aria-current="page"]', 'href')).toBe('/fleet.html');
  });

  it('starts in Japanese for a Japanese browser', async () => {
    const jaContext = await launch('ja-JP');
    try {
      const p = await openFleet(jaContext);
      expect(await p.getAttribute('html', 'lang')).toBe('ja');
      expect(await p.textContent('#fleet-analyse')).toBe(ja['web.fleet.load.analyse']);
      expect(await p.title()).toBe(ja['web.fleet.title']);
    } finally {
      await jaContext.close();
    }
  });

  it('made no request to any host but its own, and hit no CSP violation or script error', () => {
    expect(requests.length).toBeGreaterThan(10);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
