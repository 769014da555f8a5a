// The standalone page (dist/dsreg-doctor.html, `npm run build:standalone`, built by pretest) in
// Chromium, opened from file:// with every non-file request aborted: each fixture dropped and pasted
// must give the JSON `dsreg-doctor diagnose --format json` prints for the same bytes.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../bench/chromium.mjs';
import { main } from '../src/cli/cli.js';
import { en, ja } from '../src/i18n/all.js';
import { verifyFixtureBytes } from './verify-fixtures.js';
import type { Lang } from '../src/i18n/lang.js';
import { ENCODINGS, fixtureFiles, fixtureText, ROOT } from './helpers.js';
import { watchPages } from './browser-watch.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate callbacks
declare const document: any, navigator: any, window: any, DataTransfer: any;

const PAGE = join(ROOT, 'dist', 'dsreg-doctor.html');
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const CATALOGUES: Record<Lang, Record<string, string>> = { en, ja };

let context: BrowserContext;
let page: Page;
let work: string;
let cwd: string | undefined;
const profiles: string[] = [];
const requests: string[] = [];
const aborted: string[] = [];
const dialogs: string[] = [];
const consoleErrors: string[] = [];

type Json = Record<string, unknown> & { input: Record<string, unknown> };

/**
 * What `dsreg-doctor diagnose FILE --format json --lang L` prints for a file of `work`: the CLI's
 * own entry (bin/dsreg-doctor.js calls it the same way), in-process to spare a Node start per file,
 * with `work` as the current directory so input.name is the bare file name, as for a dropped file.
 */
async function cli(file: string, lang: Lang): Promise<Json> {
  let stdout = '';
  let stderr = '';
  const code = await main(['diagnose', file, '--format', 'json', '--lang', lang], {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: work,
  });
  expect(stderr, file).toBe('');
  expect([0, 1], file).toContain(code);
  return JSON.parse(stdout) as Json;
}

/** The JSON minus what may differ between two runs of the same diagnosis: the tool block. */
function comparable(json: Json): Json {
  const { tool, ...rest } = json;
  expect(tool).toMatchObject({ name: 'dsreg-doctor' });
  return rest as Json;
}

async function launch(locale: string): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'dsreg-doctor-standalone-'));
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
  // the network is blocked: anything but the file itself is aborted (and would fail the last test)
  await ctx.route(
    (url) => url.protocol !== 'file:',
    (route) => {
      aborted.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  ctx.on('request', (r) => requests.push(r.url()));
  watchPages(ctx, { dialogs, consoleErrors });
  return ctx;
}

async function open(ctx: BrowserContext): Promise<Page> {
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  await p.goto(pathToFileURL(PAGE).href);
  await p.waitForSelector('html[data-ready="true"]');
  // a CSP violation is an error of the test, whether or not the console shows it
  await p.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return p;
}

async function setLang(lang: Lang) {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.selectOption('#lang', lang);
  await page.waitForSelector(`html[lang="${lang}"]`);
}

const rendered = () => page.evaluate(() => performance.getEntriesByName('dsreg:plan-rendered').length);
const waitRendered = (n: number) => page.waitForFunction((k) => performance.getEntriesByName('dsreg:plan-rendered').length > k, n);

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
  await waitRendered(before);
}

async function dropAndWait(name: string, bytes: Uint8Array) {
  await page.click('#clear');
  const before = await rendered();
  const dt = await page.evaluateHandle(
    ({ b, n }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(b)], n, { type: 'text/plain' }));
      return transfer;
    },
    { b: [...bytes], n: name },
  );
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
  await waitRendered(before);
}

async function downloaded(selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The page's diagnosis as the user gets it: the "Diagnosis as JSON" download. */
async function pageJson(): Promise<Json> {
  return JSON.parse((await downloaded('#download-json')).bytes.toString('utf8')) as Json;
}

/** The bytes of each fixture as PowerShell 5.1 writes them (UTF-16LE, BOM, CRLF). */
const utf16 = (file: string) => ENCODINGS['utf-16le BOM CRLF']?.(fixtureText(file)) ?? new Uint8Array();
const utf16Name = (file: string) => file.replace(/\.txt$/, '.utf16le.txt');

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);
  if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run npm run build:standalone (npm test's pretest does).`);
  work = mkdtempSync(join(tmpdir(), 'dsreg-doctor-standalone-inputs-'));
  for (const file of fixtureFiles()) {
    writeFileSync(join(work, file), readFileSync(join(ROOT, 'test', 'fixtures', 'dsregcmd', file)));
    writeFileSync(join(work, utf16Name(file)), utf16(file));
  }
  cwd = process.cwd();
  process.chdir(work);
  context = await launch('en-US');
  page = await open(context);
}, 60_000);

afterAll(async () => {
  if (cwd) process.chdir(cwd);
  await context?.close();
  for (const dir of [...profiles, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the standalone page (dist/dsreg-doctor.html) from file://', () => {
  it('is one file under 1 MB with a strict CSP: no network, no eval, no external reference', () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|'self'/);
    expect(html).not.toMatch(/(src|href)="(?!data:|#)/);
    expect(html).not.toMatch(/new Function\(|\beval\(/);
  });

  it('starts in the browser language with every label filled, and says where the Fleet view is', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#diagnose')).toBe(en['web.input.diagnose']);
    const empty = await page.$$eval('[data-i18n]', (els) => els.filter((e) => (e.textContent ?? '').trim() === '').map((e) => e.getAttribute('data-i18n')));
    expect(empty).toEqual([]);
    expect(await page.isVisible('#standalone-note')).toBe(true);
    expect(await page.$$eval('#standalone-note code', (els) => els.map((e) => e.textContent))).toEqual(['npm ci', 'node bin/dsreg-doctor.js serve --open']);
    expect(await page.getAttribute('.views a[data-i18n="web.nav.fleet"]', 'href')).toBe('#standalone-note');
  });

  const files = fixtureFiles();
  it.each(files)('%s: dropped as UTF-8 and as UTF-16LE, pasted from both: the JSON of the CLI', async (file) => {
    await setLang('en');
    const expected8 = comparable(await cli(file, 'en'));
    const expected16 = comparable(await cli(utf16Name(file), 'en'));

    await dropAndWait(file, readFileSync(join(work, file)));
    expect(comparable(await pageJson())).toEqual(expected8);

    await dropAndWait(utf16Name(file), utf16(file));
    expect(comparable(await pageJson())).toEqual(expected16);
    expect(expected16.input.encoding).toBe('utf-16le-bom');

    // pasted text has no file name and no encoding of its own (the text box holds LF lines)
    const pasted = (json: Json): Json => ({ ...json, input: { ...json.input, name: en['web.pastedName'], encoding: 'utf-8', lineEnding: 'lf' } });
    await pasteAndWait(fixtureText(file));
    expect(comparable(await pageJson())).toEqual(pasted(expected8));
    // the text of the UTF-16LE file, as a user copies it out of Notepad (CRLF)
    await pasteAndWait(iconv.decode(Buffer.from(utf16(file)), 'utf16le'));
    expect(comparable(await pageJson())).toEqual(pasted(expected16));
  });

  // Japanese: the article's scenarios and the Italian console (the catalogues, not the reader, differ)
  const jaFiles = files.filter((f) => f.startsWith('s') || f.startsWith('r02-'));
  it.each(jaFiles)('%s in Japanese: the JSON of the CLI with --lang ja', async (file) => {
    await setLang('ja');
    await dropAndWait(file, readFileSync(join(work, file)));
    expect(comparable(await pageJson())).toEqual(comparable(await cli(file, 'ja')));
  });

  const codePages: { name: string; file: string; bytes: () => Uint8Array; encoding: string }[] = [
    {
      name: 'UTF-16BE with BOM',
      file: 's02-hybrid-700003.txt',
      bytes: () => ENCODINGS['utf-16be BOM']?.(fixtureText('s02-hybrid-700003.txt')) ?? new Uint8Array(),
      encoding: 'utf-16be-bom',
    },
    {
      name: 'UTF-16LE without BOM',
      file: 's01-aadj-700003.txt',
      bytes: () => ENCODINGS['utf-16le no BOM CRLF']?.(fixtureText('s01-aadj-700003.txt')) ?? new Uint8Array(),
      encoding: 'utf-16le',
    },
    {
      name: 'code page 932 (Shift_JIS, Japanese tenant name)',
      file: 's02-hybrid-700003.txt',
      bytes: () => iconv.encode(fixtureText('s02-hybrid-700003.txt').replace('Northwind Traders', 'ノースウィンド商事').replace(/\n/g, '\r\n'), 'cp932'),
      encoding: 'cp932',
    },
    {
      name: 'code page 850 (Italian console)',
      file: 'r02-registered-italian-console.txt',
      bytes: () => iconv.encode(fixtureText('r02-registered-italian-console.txt'), 'cp850'),
      encoding: 'cp850',
    },
    {
      name: 'code page 1252 (Spanish tenant name)',
      file: 's07-aadj-healthy.txt',
      bytes: () =>
        iconv.encode(
          fixtureText('s07-aadj-healthy.txt').replace('TenantName : Adventure Works', 'TenantName : Fabrikam España Señor Niño “Société” — 5 €'),
          'win1252',
        ),
      encoding: 'cp1252',
    },
  ];
  it.each(codePages)('decodes $name in the browser as the CLI does', async ({ file, bytes, encoding }) => {
    await setLang('en');
    const name = `${encoding}-${file}`;
    writeFileSync(join(work, name), bytes());
    const expected = comparable(await cli(name, 'en'));
    expect(expected.input.encoding).toBe(encoding);
    if (encoding === 'cp932') {
      // this one through "Open a file…" (the file picker) rather than a drop
      await page.click('#clear');
      const before = await rendered();
      await page.setInputFiles('#file', { name, mimeType: 'text/plain', buffer: Buffer.from(bytes()) });
      await waitRendered(before);
      expect(await page.textContent('#summary')).toContain('ノースウィンド商事');
    } else {
      await dropAndWait(name, bytes());
    }
    expect(comparable(await pageJson())).toEqual(expected);
  });

  it('opens a bundled example without a server', async () => {
    await page.click('#clear');
    const before = await rendered();
    await page.selectOption('#example', 's05-aadj-disabled-135011.txt');
    await waitRendered(before);
    expect(await page.getAttribute('#plan .step:first-child', 'data-step')).toBe('enable-device-object');
    expect(await page.$$eval('#example option', (els) => els.length)).toBeGreaterThan(5);
  });

  it('renders input values as text: the XSS payloads of the web app never run here either', async () => {
    await setLang('en');
    const text = fixtureText('s01-aadj-700003.txt')
      .replace('FAB-LT-0417', '<img src=x onerror=alert(1)>')
      .replace('TenantName : Fabrikam', 'TenantName : Fabrikam <img src=x onerror=alert(2)><script>alert(3)</script>');
    await pasteAndWait(text, '<svg onload=alert(4)> 700003');
    expect(await page.textContent('#source')).toContain('Device Name : <img src=x onerror=alert(1)>');
    expect(await page.textContent('#summary')).toContain('Fabrikam <img src=x onerror=alert(2)><script>alert(3)</script>');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    const images = await page.$$eval('img', (els) => els.map((e) => e.getAttribute('src') ?? ''));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src')))).toEqual([null]);
    expect(await page.$$('svg [onload], [onerror]')).toEqual([]);
  });

  it("masks device and tenant, highlights a finding's evidence, ticks plan steps, shows the flow path", async () => {
    await pasteAndWait(fixtureText('s01-aadj-700003.txt'), '700003');
    expect(await page.getAttribute('#flow svg', 'data-branch')).toBe('joined');
    expect(await page.$$eval('#flow .node.on', (els) => els.map((e) => e.getAttribute('data-node')))).toContain('actForcerecovery');
    await page.click('#findings .finding:first-child .finding-head');
    expect((await page.$$('#source .line.focus')).length).toBeGreaterThan(0);
    await page.check('#step-forcerecovery input.done');
    expect(await page.textContent('#plan-progress')).toMatch(/^1 of \d steps done$/);
    await page.click('#mask');
    expect(await page.textContent('#summary')).not.toContain('FAB-LT-0417');
    await page.click('#mask');
  });

  it('"After" mode compares in the browser: after dsregcmd /leave with the sync join pending it is "in progress"', async () => {
    await pasteAndWait(fixtureText('s02-hybrid-700003.txt'));
    await paste('#after-input', verifyFixtureBytes('hybrid-after-leave-sync-pending').toString('utf8'));
    await page.waitForSelector('#after-result [data-verdict]');
    expect(await page.getAttribute('#after-result [data-verdict]', 'data-verdict')).toBe('in-progress');
    expect(await page.textContent('#after-result .step-title')).toBe(en['step.sync-computer-object.title']);
  });

  it('downloads, made in the page: Markdown, remediation script, Intune pair, redacted output, collection script', async () => {
    await dropAndWait('s01-aadj-700003.txt', readFileSync(join(work, 's01-aadj-700003.txt')));
    const md = await downloaded('#download-md');
    expect(md.name).toBe('dsreg-doctor-s01-aadj-700003.en.md');
    expect(md.bytes.toString('utf8')).toMatch(new RegExp(`^# ${en['report.title']}`));
    const ps1 = await downloaded('#download-script');
    expect([...ps1.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ps1.bytes.toString('utf8')).toContain('forcerecovery');
    expect(ps1.bytes.toString('utf8')).toMatch(/\$Apply/);
    const detect = await downloaded('#download-intune-detect');
    expect(detect.name).toBe('Detect-700003.ps1');
    expect(detect.bytes.toString('utf8')).toContain('AADSTS700003');
    const remediate = await downloaded('#download-intune-remediate');
    expect(remediate.name).toBe('Remediate-700003.ps1');
    expect(remediate.bytes.toString('utf8')).toContain('$Apply = $false');
    const redacted = await downloaded('#download-redacted');
    expect(redacted.bytes.toString('utf8')).toContain('Device State');
    expect(redacted.bytes.toString('utf8')).not.toContain('83cfa1ed-f804-4304-97d9-21dabe8634fa');
    const collect = await downloaded('#collect-script');
    expect(collect.name).toBe('dsreg-doctor-collect.ps1');
    expect(collect.bytes.toString('utf8')).toContain('dsregcmd');
  });

  it("unusable input shows the API's message in the error box", async () => {
    await page.click('#clear');
    await paste('#input', 'hello, this is not it');
    await page.waitForSelector('#error-box:not([hidden])');
    expect(await page.textContent('#error-message')).toBe(`${en['web.pastedName']}: ${en['web.api.notDsregcmd'].replace('{file}: ', '')}`);
  });

  it('writes screenshots of the standalone page in English and Japanese, and in the dark theme', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const lang of ['en', 'ja'] as const) {
      await setLang(lang);
      await pasteAndWait(fixtureText('s01-aadj-700003.txt'), '700003');
      expect(await page.textContent('#diagnose')).toBe(CATALOGUES[lang]['web.input.diagnose']);
      await page.click('#findings .finding:first-child .finding-head');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `standalone-${lang}-700003.png`), fullPage: true });
    }
    await page.selectOption('#theme', 'dark');
    await page.screenshot({ path: join(SCREENSHOTS, 'standalone-ja-700003-dark.png'), fullPage: true });
    await page.selectOption('#theme', 'light');
    await setLang('en');
    for (const name of ['standalone-en-700003.png', 'standalone-ja-700003.png', 'standalone-ja-700003-dark.png'])
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

  it('made no request but the file itself, hit no CSP violation and no script error', () => {
    expect(aborted).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file:')).every((u) => u === pathToFileURL(PAGE).href)).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
