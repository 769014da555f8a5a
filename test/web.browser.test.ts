// Browser tests of the web app: playwright-core driving Debian's Chromium against a real server on
// 127.0.0.1. Screenshots go to test-output/screenshots/ for review.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../bench/chromium.mjs';
import { diagnose } from '../src/diagnose/diagnose.js';
import { en } from '../src/i18n/all.js';
import { translator } from '../src/i18n/format.js';
import { ja } from '../src/i18n/all.js';
import type { Lang } from '../src/i18n/lang.js';
import { readStatusText } from '../src/read/parse.js';
import { localizeFinding, localizeStep } from '../src/render/localize.js';
import { type RunningServer, startServer } from '../src/web/server.js';
import { fixtureText, labels, ROOT } from './helpers.js';
import { verifyFixtureBytes } from './verify-fixtures.js';
import { watchPages } from './browser-watch.js';

// Browser globals used inside page.evaluate callbacks, which run in Chromium; the project's lib has
// no DOM types, and adding them would change every file's globals.
// biome-ignore lint/suspicious/noExplicitAny: typed loosely on purpose, checked by running them
declare const document: any, navigator: any, window: any, DataTransfer: any;

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const CATALOGUES: Record<Lang, Record<string, string>> = { en, ja };

/** What each scenario must show: the join type comes from LABELS.tsv, the rest is the article's answer. */
const SCENARIOS: { file: string; firstStep: string | null; branch: string; lit: string[] }[] = [
  { file: 's01-aadj-700003.txt', firstStep: 'restore-device-object', branch: 'joined', lit: ['start700003', 'condJoined', 'actForcerecovery', 'registry'] },
  { file: 's02-hybrid-700003.txt', firstStep: 'leave-and-reboot', branch: 'hybrid', lit: ['start700003', 'condHybrid', 'actLeave', 'registry'] },
  { file: 's05-aadj-disabled-135011.txt', firstStep: 'enable-device-object', branch: 'disabled', lit: ['start135011', 'actEnable', 'actRefresh'] },
  { file: 's06-after-leave-all-no.txt', firstStep: null, branch: 'none', lit: [] },
  { file: 's07-aadj-healthy.txt', firstStep: null, branch: 'none', lit: [] },
  { file: 's10-hybrid-prejoin-0x801c03f2.txt', firstStep: 'sync-computer-object', branch: 'none', lit: [] },
];

let server: RunningServer;
let context: BrowserContext;
let page: Page;
const profiles: string[] = [];
const requests: string[] = [];
const dialogs: string[] = [];
const consoleErrors: string[] = [];

async function launch(locale: string): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'dsreg-doctor-chromium-'));
  profiles.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, {
    headless: true,
    executablePath: CHROMIUM,
    args: ARGS,
    locale,
    viewport: { width: 1360, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
    acceptDownloads: true,
  });
  ctx.on('request', (r) => requests.push(r.url()));
  watchPages(ctx, { dialogs, consoleErrors });
  return ctx;
}

async function open(ctx: BrowserContext): Promise<Page> {
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  await p.goto(server.url);
  await p.waitForSelector('html[data-ready="true"]');
  return p;
}

async function setLang(lang: Lang) {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.selectOption('#lang', lang);
  await page.waitForSelector(`html[lang="${lang}"]`);
  // a shown diagnosis is asked for again in the new language
  await page.waitForFunction((l) => document.querySelector('#diagnose')?.textContent !== '' && document.documentElement.lang === l, lang);
}

const rendered = () => page.evaluate(() => performance.getEntriesByName('dsreg:plan-rendered').length);

/** Paste text into a box with the real clipboard and Ctrl+V, and wait for the page to react. */
async function paste(selector: string, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus(selector);
  await page.keyboard.press('Control+V');
}

async function pasteAndWait(text: string, error = '') {
  await page.click('#clear');
  await page.fill('#error-text', error);
  const before = await rendered();
  await paste('#input', text);
  await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
}

async function texts(selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);
  server = await startServer({ port: 0 });
  context = await launch('en-US');
  page = await open(context);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('the web app in Chromium', () => {
  it('starts in the browser language (English here) with every label filled from the catalogue', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#diagnose')).toBe(en['web.input.diagnose']);
    expect(await page.getAttribute('#input', 'placeholder')).toBe(en['web.input.placeholder']);
    const empty = await page.$$eval('[data-i18n]', (els) => els.filter((e) => (e.textContent ?? '').trim() === '').map((e) => e.getAttribute('data-i18n')));
    expect(empty).toEqual([]);
  });

  const cases = SCENARIOS.flatMap((s) => (['en', 'ja'] as const).map((lang) => ({ ...s, lang })));
  it.each(cases)('$file ($lang): join type, findings, first plan step and the flow path', async ({ file, lang, firstStep, branch, lit }) => {
    await setLang(lang);
    const text = fixtureText(file);
    await pasteAndWait(text);
    const t = translator(lang);
    const catalogue = CATALOGUES[lang];
    const joinType = labels().find((l) => l.file === file)?.joinType;
    expect(await page.getAttribute('#summary .join', 'data-join-type')).toBe(joinType);
    expect(await page.textContent('#summary .join')).toBe(catalogue[`joinType.${joinType}`]);

    const d = diagnose(readStatusText(text));
    expect(await page.$$eval('#findings .finding', (els) => els.map((e) => e.getAttribute('data-finding')))).toEqual(d.findings.map((f) => f.id));
    expect(await texts('#findings .finding-title')).toEqual(d.findings.map((f) => localizeFinding(f, t).title));
    if (d.findings.length === 0) expect(await page.textContent('#findings li')).toBe(catalogue['report.noFindings']);

    if (firstStep === null) {
      expect(d.plan.steps).toEqual([]);
      expect(await page.textContent('#plan li')).toBe(catalogue['report.noPlan']);
    } else {
      const step = d.plan.steps[0];
      expect(step?.id).toBe(firstStep);
      expect(await page.getAttribute('#plan .step:first-child', 'data-step')).toBe(firstStep);
      expect(await page.textContent('#plan .step:first-child .step-title')).toBe(step ? localizeStep(step, t).title : '');
    }
    expect(await page.getAttribute('#flow svg', 'data-branch')).toBe(branch);
    const on = await page.$$eval('#flow .node.on', (els) => els.map((e) => e.getAttribute('data-node')));
    for (const node of lit) expect(on).toContain(node);
    expect(await page.textContent('#flow-caption')).toBe(catalogue[lit.length ? 'web.flow.caption' : 'web.flow.captionNone']);
  });

  it('reads a dropped UTF-16LE file (PowerShell 5.1 redirection)', async () => {
    await setLang('en');
    await page.click('#clear');
    const text = fixtureText('s02-hybrid-700003.txt').replace(/\n/g, '\r\n');
    const bytes = [...Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])];
    const before = await rendered();
    const dt = await page.evaluateHandle((b) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(b)], 'status-utf16.txt', { type: 'text/plain' }));
      return transfer;
    }, bytes);
    await page.dispatchEvent('#drop', 'dragenter', { dataTransfer: dt });
    expect(await page.getAttribute('#drop', 'class')).toContain('dragging');
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
    await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
    expect(await page.getAttribute('#summary .join', 'data-join-type')).toBe('hybrid-joined');
    expect(await page.textContent('#summary')).toContain('NWD-PC-0231.corp.northwind.example');
    expect(await page.textContent('#status')).toMatch(/status-utf16\.txt: encoding utf-16le/);
    // the box shows the decoded text, and the output view has every line
    expect(await page.inputValue('#input')).toContain('             AzureAdJoined : YES');
    expect(await page.$$eval('#source .line', (els) => els.length)).toBe(readStatusText(text).lines.length);
    expect(await page.getAttribute('#plan .step:first-child', 'data-step')).toBe('leave-and-reboot');
  });

  it('reads a file opened with the file picker in code page 932 (Japanese tenant name)', async () => {
    await page.click('#clear');
    const text = fixtureText('s02-hybrid-700003.txt').replace('Northwind Traders', 'ノースウィンド商事').replace(/\n/g, '\r\n');
    const before = await rendered();
    await page.setInputFiles('#file', { name: 'status-cp932.txt', mimeType: 'text/plain', buffer: iconv.encode(text, 'cp932') });
    await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
    expect(await page.textContent('#summary')).toContain('ノースウィンド商事');
    expect(await page.textContent('#status')).toContain('cp932');
  });

  it('shows a bundled example', async () => {
    await page.click('#clear');
    const before = await rendered();
    await page.selectOption('#example', 's05-aadj-disabled-135011.txt');
    await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
    expect(await page.getAttribute('#plan .step:first-child', 'data-step')).toBe('enable-device-object');
  });

  it('renders input values as text: the XSS payloads never run', async () => {
    const text = fixtureText('s01-aadj-700003.txt')
      .replace('FAB-LT-0417', '<img src=x onerror=alert(1)>')
      .replace('TenantName : Fabrikam', 'TenantName : Fabrikam <img src=x onerror=alert(2)><script>alert(3)</script>');
    const seen = requests.length;
    await pasteAndWait(text, '<svg onload=alert(4)> 700003');
    expect(await page.textContent('#source')).toContain('Device Name : <img src=x onerror=alert(1)>');
    expect(await page.textContent('#summary')).toContain('Fabrikam <img src=x onerror=alert(2)><script>alert(3)</script>');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('img', (els) => els.map((e) => e.getAttribute('src')))).toEqual(['/favicon.svg']);
    expect(await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src')))).toEqual(['/app.js']);
    expect(await page.$$('svg [onload], [onerror]')).toEqual([]);
    // the only requests were the diagnosis itself
    expect(requests.slice(seen).map((u) => new URL(u).pathname)).toEqual(['/api/diagnose']);
  });

  it('masks device and tenant with one click, everywhere on the page', async () => {
    await pasteAndWait(fixtureText('s01-aadj-700003.txt'));
    await page.click('#mask');
    expect(await page.getAttribute('#mask', 'aria-pressed')).toBe('true');
    for (const sel of ['#summary', '#findings', '#source', '#plan']) {
      const shown = await page.textContent(sel);
      for (const secret of ['FAB-LT-0417', '83cfa1ed-f804-4304-97d9-21dabe8634fa', 'bd657ee2-4129-462a-9a18-150ca51cbabf', 'Fabrikam'])
        expect(shown, sel).not.toContain(secret);
    }
    expect(await page.textContent('#summary')).toContain('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx');
    await page.click('#mask');
    expect(await page.textContent('#summary')).toContain('FAB-LT-0417');
  });

  it('a finding highlights its evidence lines and scrolls the output view to them', async () => {
    await pasteAndWait(fixtureText('s01-aadj-700003.txt'));
    const d = diagnose(readStatusText(fixtureText('s01-aadj-700003.txt')));
    const evidence = d.findings[0]?.evidence.map((e) => String(e.line)) ?? [];
    // start with the view scrolled to the end, away from the evidence
    await page.$eval('#source', (el) => {
      el.scrollTop = el.scrollHeight;
    });
    const visible = (line: string | undefined) =>
      page.evaluate((l) => {
        const box = document.querySelector('#source')?.getBoundingClientRect();
        const el = document.querySelector(`#source [data-line="${l}"]`)?.getBoundingClientRect();
        return !!box && !!el && el.top >= box.top && el.bottom <= box.bottom;
      }, line);
    expect(await visible(evidence[0])).toBe(false);
    await page.click('#findings .finding:first-child .finding-head');
    expect(await page.$$eval('#source .line.focus', (els) => els.map((e) => e.getAttribute('data-line')))).toEqual(evidence);
    const first = evidence[0];
    await page.waitForFunction((line) => {
      const box = document.querySelector('#source')?.getBoundingClientRect();
      const el = document.querySelector(`#source [data-line="${line}"]`)?.getBoundingClientRect();
      return !!box && !!el && el.top >= box.top && el.bottom <= box.bottom;
    }, first);
    expect(await page.getAttribute('#findings .finding:first-child .finding-head', 'aria-current')).toBe('true');
  });

  it('a lit box of the flow is reachable by keyboard and jumps to its step', async () => {
    await page.focus('#flow [data-node="actForcerecovery"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('.step')?.id)).toBe('step-forcerecovery');
    expect(await page.getAttribute('#flow [data-node="condHybrid"]', 'tabindex')).toBeNull();
  });

  it('copy buttons copy the command; steps can be ticked off', async () => {
    await page.click('#step-forcerecovery .copy');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('dsregcmd /forcerecovery');
    expect(await page.textContent('#step-forcerecovery .badge.admin')).toBe(en['web.plan.needs'].replace('{who}', en['report.admin.local']));
    await page.check('#step-forcerecovery input.done');
    expect(await page.textContent('#plan-progress')).toBe('1 of 4 steps done');
  });

  it('switching the language keeps the input, the ticks and re-renders the diagnosis', async () => {
    const input = await page.inputValue('#input');
    await setLang('ja');
    await page.waitForFunction((title) => document.querySelector('#findings .finding-title')?.textContent === title, ja['finding.device-object-missing.title']);
    expect(await page.inputValue('#input')).toBe(input);
    expect(await page.isChecked('#step-forcerecovery input.done')).toBe(true);
    expect(await page.textContent('#plan-progress')).toBe('4 手順中 1 手順が完了');
    await setLang('en');
    await page.waitForFunction((title) => document.querySelector('#findings .finding-title')?.textContent === title, en['finding.device-object-missing.title']);
  });

  it('keyboard: Enter in the error box and Ctrl+Enter in the text box diagnose', async () => {
    await page.click('#clear');
    await page.fill('#input', fixtureText('s06-after-leave-all-no.txt'));
    let before = await rendered();
    await page.fill('#error-text', '700003');
    await page.press('#error-text', 'Enter');
    await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
    expect(await page.getAttribute('#plan .step:first-child', 'data-step')).toBe('clear-aad-storage-key');
    before = await rendered();
    await page.fill('#error-text', '');
    await page.press('#input', 'Control+Enter');
    await page.waitForFunction((n) => performance.getEntriesByName('dsreg:plan-rendered').length > n, before);
    expect(await page.textContent('#plan li')).toBe(en['report.noPlan']);
  });

  it('unusable input shows the message in the error box, in the chosen language', async () => {
    await page.click('#clear');
    await paste('#input', 'hello, this is not it');
    await page.waitForSelector('#error-box:not([hidden])');
    expect(await page.textContent('#error-message')).toBe(`${en['web.pastedName']}: ${en['web.api.notDsregcmd'].replace('{file}: ', '')}`);
    await setLang('ja');
    await page.click('#diagnose');
    await page.waitForFunction(
      (m) => document.querySelector('#error-message')?.textContent === m,
      `${ja['web.pastedName']}: ${ja['web.api.notDsregcmd'].replace('{file}: ', '')}`,
    );
    await setLang('en');
  });

  it('"After" mode: after dsregcmd /leave with the sync join pending, "in progress", next the sync of the computer object', async () => {
    await pasteAndWait(fixtureText('s02-hybrid-700003.txt'));
    await paste('#after-input', verifyFixtureBytes('hybrid-after-leave-sync-pending').toString('utf8'));
    await page.waitForSelector('#after-result [data-verdict]');
    expect(await page.getAttribute('#after-result [data-verdict]', 'data-verdict')).toBe('in-progress');
    expect(await page.textContent('#after-result')).toContain(en['verify.in-progress']);
    expect(await page.textContent('#after-result .step-title')).toBe(en['step.sync-computer-object.title']);
    expect(await page.getAttribute('#after-result .verify-reason', 'data-reason')).toBe('syncPending');
    expect(await page.textContent('#after-result .verify-reason')).toContain('0x801c03f2');
  });

  it('downloads: Markdown summary, remediation script (with BOM), redacted output, collection script', async () => {
    await pasteAndWait(fixtureText('s01-aadj-700003.txt'));
    const fetchDownload = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const md = await fetchDownload('#download-md');
    expect(md.name).toBe('dsreg-doctor-dsregcmd-status.en.md');
    expect(md.bytes.toString('utf8')).toMatch(new RegExp(`^# ${en['report.title']}`));
    const ps1 = await fetchDownload('#download-script');
    expect([...ps1.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ps1.bytes.toString('utf8')).toContain('forcerecovery');
    const detect = await fetchDownload('#download-intune-detect');
    expect(detect.name).toBe('Detect-700003.ps1');
    expect(detect.bytes.toString('utf8')).toContain('AADSTS700003');
    const remediate = await fetchDownload('#download-intune-remediate');
    expect(remediate.name).toBe('Remediate-700003.ps1');
    const redacted = await fetchDownload('#download-redacted');
    expect(redacted.bytes.toString('utf8')).toContain('Device State');
    expect(redacted.bytes.toString('utf8')).not.toContain('83cfa1ed-f804-4304-97d9-21dabe8634fa');
    const collect = await fetchDownload('#collect-script');
    expect(collect.name).toBe('dsreg-doctor-collect.ps1');
    const json = await fetchDownload('#download-json');
    expect(JSON.parse(json.bytes.toString('utf8'))).toMatchObject({ schemaVersion: 1, device: { joinType: 'entra-joined' } });
  });

  it('writes screenshots of a 700003 case in English and Japanese, light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const lang of ['en', 'ja'] as const) {
      await setLang(lang);
      await pasteAndWait(fixtureText('s01-aadj-700003.txt'), '700003');
      await page.click('#findings .finding:first-child .finding-head');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `${lang}-700003.png`), fullPage: true });
      await page.locator('#flow').screenshot({ path: join(SCREENSHOTS, `${lang}-700003-flow.png`) });
    }
    await page.selectOption('#theme', 'dark');
    await page.screenshot({ path: join(SCREENSHOTS, 'ja-700003-dark.png'), fullPage: true });
    await page.selectOption('#theme', 'light');
    await setLang('en');
    await pasteAndWait(fixtureText('s02-hybrid-700003.txt'));
    await paste('#after-input', fixtureText('s06-after-leave-all-no.txt'));
    await page.waitForSelector('#after-result [data-verdict]');
    await page.locator('#after').screenshot({ path: join(SCREENSHOTS, 'en-after-mode.png') });
    for (const name of ['en-700003.png', 'ja-700003.png', 'ja-700003-dark.png', 'en-after-mode.png'])
      expect(existsSync(join(SCREENSHOTS, name)), name).toBe(true);
  });

  it('starts in Japanese for a Japanese browser', async () => {
    const jaContext = await launch('ja-JP');
    try {
      const p = await open(jaContext);
      expect(await p.getAttribute('html', 'lang')).toBe('ja');
      expect(await p.textContent('#diagnose')).toBe(ja['web.input.diagnose']);
    } finally {
      await jaContext.close();
    }
  });

  it('made no request to any host but its own, and hit no CSP violation or script error', () => {
    expect(requests.length).toBeGreaterThan(20);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(consoleErrors.filter((m) => !/status of 400/.test(m))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
