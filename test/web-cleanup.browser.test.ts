// Browser test of the Fleet view's Cleanup tab: playwright-core driving Debian's Chromium against a
// real server on 127.0.0.1, with a generated fleet whose cleanup facts are known
// (scripts/gen-fleet.mjs --cleanup). What the page lists must be what `dsreg-doctor cleanup
// --format json` plans on the same files; its downloads must be the CLI's report and scripts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../bench/chromium.mjs';
import type { StagedCleanup } from '../src/cleanup/staged.js';
import { main } from '../src/cli/cli.js';
import { en, ja } from '../src/i18n/all.js';
import { type RunningServer, startServer } from '../src/web/server.js';
import { watchPages } from './browser-watch.js';
import { ROOT } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page callbacks, checked by running them
declare const document: any;

const FILES = ['devices.csv', 'signins-interactive.csv', 'signins-noninteractive.csv', 'audit.csv', 'autopilot.csv', 'bitlocker-keys.json'];
/** The Autopilot export is uploaded under a name that is markup: it must show as text. */
const HOSTILE_NAME = '<img src=x onerror=alert(1)>.csv';

interface Fact {
  deviceId: string;
  joinType: string;
  autopilot: boolean;
  bitlockerKeys: boolean;
  bitlockerBackedUp: boolean;
  lastActivity: string | null;
}

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let work: string;
let facts: Fact[];
/** The stage-1 list as the page downloaded it: stages 2 and 3 read it back. */
let stage1Csv: string;
const dialogs: string[] = [];
const consoleErrors: string[] = [];

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => ({
    write: (s: string) => {
      add(s);
      return true;
    },
    isTTY: false,
  });
  const code = await main(args, {
    stdin: process.stdin,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: {},
    cwd: work,
  } as unknown as Parameters<typeof main>[1]);
  return { code, stdout, stderr };
}

const uploads = () =>
  FILES.map((name) => ({
    name: name === 'autopilot.csv' ? HOSTILE_NAME : name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: readFileSync(join(work, name)),
  }));

const marks = () => page.evaluate(() => performance.getEntriesByName('cleanup:rendered').length);

/** Fill the tab's form and plan; resolves when the page has drawn the answer. */
async function plan(fields: { days: string; stage?: string; asOf?: string; since?: string; grace?: string }) {
  await page.selectOption('#s-stage', fields.stage ?? '1');
  await page.fill('#s-days', fields.days);
  await page.fill('#s-asof', fields.asOf ?? '');
  await page.fill('#s-grace', fields.grace ?? '30');
  if (fields.since !== undefined) await page.fill('#s-since', fields.since);
  const before = await marks();
  await page.click('#s-run');
  await page.waitForFunction((n) => performance.getEntriesByName('cleanup:rendered').length > n, before, { timeout: 60_000 });
}

const listed = (list: string) => page.$$eval(`[data-list="${list}"] tbody tr`, (rows) => rows.map((r) => r.getAttribute('data-device')));
const ids = (devices: { deviceId: string }[]) => devices.map((d) => d.deviceId);

async function fetchDownload(file: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#staged-downloads button[data-file="${file}"]`)]);
  return { name: download.suggestedFilename(), path: await download.path(), text: readFileSync(await download.path()).toString('utf8') };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);
  work = mkdtempSync(join(tmpdir(), 'dsreg-doctor-cleanup-web-'));
  const gen = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-fleet.mjs'), '--devices', '1500', '--signins', '800', '--out', work, '--cleanup'], {
    encoding: 'utf8',
  });
  if (gen.status !== 0) throw new Error(`gen-fleet failed: ${gen.stderr}`);
  stage1Csv = join(work, 'stage1.csv');
  facts = JSON.parse(readFileSync(join(work, 'cleanup-truth.json'), 'utf8')).devices;
  server = await startServer({ port: 0 });
  context = await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), {
    headless: true,
    executablePath: CHROMIUM,
    args: ARGS,
    locale: 'en-US',
    viewport: { width: 1360, height: 900 },
    acceptDownloads: true,
  });
  watchPages(context, { dialogs, consoleErrors });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}fleet.html`);
  await page.waitForSelector('html[data-ready="true"]');
}, 90_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Cleanup tab in Chromium', () => {
  it('is a tab of the Fleet view, labelled, and asks for the exports first', async () => {
    expect(await page.isVisible('#staged')).toBe(false);
    await page.click('#tab-cleanup');
    expect(await page.isVisible('#staged')).toBe(true);
    expect(await page.isVisible('#fleet-results')).toBe(false);
    expect(await page.getAttribute('#tab-cleanup', 'aria-selected')).toBe('true');
    const empty = await page.$$eval('#staged [data-i18n]', (els) =>
      els.filter((e) => (e.textContent ?? '').trim() === '').map((e) => e.getAttribute('data-i18n')),
    );
    expect(empty).toEqual([]);
    await page.click('#s-run');
    expect(await page.textContent('#staged-error-message')).toBe(en['web.staged.needFiles']);
  });

  it('stage 1: the same candidates, lists and reasons as `cleanup --format json`, and no unsafe device on the disable list', async () => {
    await page.setInputFiles('#fleet-file', uploads());
    await page.waitForFunction(() => performance.getEntriesByName('fleet:rendered').length > 0, undefined, { timeout: 60_000 });
    await plan({ days: '90', asOf: '2025-06-04' });
    const want = JSON.parse(
      (await cli(['cleanup', ...FILES, '--stale-days', '90', '--as-of', '2025-06-04', '--format', 'json', '--lang', 'en'])).stdout,
    ) as StagedCleanup;
    expect(want.disable.length).toBeGreaterThan(0);
    expect(await listed('disable')).toEqual(ids(want.disable));
    expect(await listed('held-back')).toEqual(ids(want.heldBack));
    expect(await page.textContent('[data-stat="candidates"] .stat-value')).toBe(want.candidates.toLocaleString('en-US'));
    expect(await page.textContent('[data-stat="disable"] .stat-value')).toBe(want.disable.length.toLocaleString('en-US'));
    // the held-back chart counts by reason, as the plan does
    const bars = await page.$$eval('#staged-charts figure:first-child .bar', (els) =>
      els.map((e) => [e.getAttribute('data-key'), Number(e.querySelector('text.value')?.textContent)]),
    );
    expect(Object.fromEntries(bars)).toEqual(want.byReason);
    expect(await page.getAttribute('[data-break="disable"]', 'data-count')).toBe('0');
    const age = await page.$$eval('#staged-charts figure:nth-child(2) .bar text.value', (els) => els.map((e) => Number(e.textContent)));
    expect(age).toEqual(want.activityAge.filter((b) => b.count > 0).map((b) => b.count));
    // the truth: nothing used inside the window, no Autopilot, hybrid or unbacked-BitLocker device is disabled
    const cutoff = Date.parse('2025-06-04T00:00:00Z') - 90 * 86_400_000;
    const byId = new Map(facts.map((f) => [f.deviceId, f]));
    for (const id of await listed('disable')) {
      const f = byId.get(id ?? '');
      if (!f) throw new Error(`${id}: not in the generated fleet`);
      expect(f.autopilot).toBe(false);
      expect(f.joinType).not.toBe('hybrid-joined');
      expect(f.bitlockerKeys && !f.bitlockerBackedUp).toBe(false);
      expect(f.lastActivity === null || Date.parse(f.lastActivity) < cutoff).toBe(true);
    }
  });

  it('shows every file as text: a file name that is markup stays characters', async () => {
    const names = await page.$$eval('#staged-files li .name', (els) => els.map((e) => e.textContent));
    expect(names).toContain(HOSTILE_NAME);
    expect(await page.$$('#staged img')).toHaveLength(0);
    const kinds = await page.$$eval('#staged-files li', (els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['devices', 'signins', 'autopilot', 'bitlocker-backup']));
    expect(dialogs).toEqual([]);
  });

  it('downloads the CLI report and the stage-1 scripts, dry run unless -Apply', async () => {
    const json = await fetchDownload('dsreg-doctor-cleanup-stage1.json');
    const cliJson = await cli(['cleanup', ...FILES, '--stale-days', '90', '--as-of', '2025-06-04', '--format', 'json', '--lang', 'en']);
    expect(json.text).toBe(cliJson.stdout);
    const plan1 = JSON.parse(json.text) as StagedCleanup;
    const csv = await fetchDownload('stage1-disable.csv');
    copyFileSync(csv.path, stage1Csv);
    expect(csv.text.trim().split('\r\n')).toHaveLength(plan1.disable.length + 1);
    const script = await fetchDownload('stage1-disable.ps1');
    expect(script.text).toContain('[switch]$Apply');
    expect(script.text).toContain('Update-MgDevice');
    expect(script.text).not.toContain('Remove-MgDevice -');
    for (const d of plan1.disable) expect(script.text).toContain(`'${d.objectId}'`);
    expect((await fetchDownload('stage1-rollback.ps1')).text).toContain('[switch]$Apply');
    const html = await fetchDownload('dsreg-doctor-cleanup-stage1.html');
    expect(html.text).toContain('<svg');
    expect(html.text).toContain(en['cleanup.title'].replace('{stage}', '1'));
  });

  it('refuses fewer than 21 stale days, with the reason, in both languages', async () => {
    await page.fill('#s-days', '14');
    await page.click('#s-run');
    await page.waitForSelector('#staged-error-box:not([hidden])');
    expect(await page.textContent('#staged-error-message')).toBe(en['web.api.cleanupStaleTooShort'].replaceAll('{days}', '14'));
    await page.selectOption('#lang', 'ja');
    await page.waitForSelector('html[lang="ja"]');
    await page.fill('#s-days', '20');
    await page.click('#s-run');
    await page.waitForFunction(
      (text) => document.querySelector('#staged-error-message')?.textContent === text,
      ja['web.api.cleanupStaleTooShort'].replaceAll('{days}', '20'),
    );
  });

  it('stages 2 and 3 from the stage-1 list, in Japanese, as the CLI plans them', async () => {
    for (const stage of ['2', '3']) {
      await page.selectOption('#s-stage', stage);
      expect(await page.isVisible('#s-stage1-open')).toBe(true);
      await page.setInputFiles('#s-stage1', stage1Csv);
      expect(await page.textContent('#s-stage1-name')).toBe('stage1.csv');
      await plan({ days: '90', stage, asOf: '2025-07-10', since: '2025-06-04' });
      const want = JSON.parse(
        (
          await cli([
            'cleanup',
            ...FILES,
            '--stale-days',
            '90',
            '--stage',
            stage,
            '--since-stage1',
            '2025-06-04',
            '--as-of',
            '2025-07-10',
            '--stage1',
            stage1Csv,
            '--format',
            'json',
            '--lang',
            'ja',
          ])
        ).stdout,
      ) as StagedCleanup;
      expect(want.candidates).toBeGreaterThan(0);
      expect(await page.textContent('#staged-title')).toBe(ja['cleanup.title'].replace('{stage}', stage));
      expect(await listed('re-enable')).toEqual(ids(want.reEnable));
      expect(await listed('held-back')).toEqual(ids(want.heldBack));
      if (stage === '3') {
        expect(await listed('delete')).toEqual(ids(want.delete));
        expect(await page.getAttribute('[data-break="delete"]', 'data-count')).toBe(String(want.wouldBreak.delete.length));
        const files = await page.$$eval('#staged-downloads button', (els) => els.map((e) => e.getAttribute('data-file')));
        expect(files).toContain('stage3-delete.ps1');
        expect((await fetchDownload('stage3-delete.ps1')).text).toContain('[switch]$Apply');
      }
      const warnings = await page.$$eval('#staged-warnings-list li', (els) => els.map((e) => e.getAttribute('data-warning')));
      expect(warnings).toEqual(want.warnings);
    }
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((e) => !/Failed to load resource.*400/.test(e))).toEqual([]);
  });
});
