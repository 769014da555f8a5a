// Fleet view benchmark (runs against dist/): the dashboard's time to first render for 10,000
// affected devices, measured in Chromium, with the server's own analysis time for the same
// upload. Figures, not pass/fail. Needs Debian's Chromium at /usr/bin/chromium (or DSREG_CHROMIUM).
//
// The data is generated here: Graph JSON Lines sign-ins, a Graph devices page and a
// directoryAudits page for a tenant where AFFECTED devices fail with device errors (deleted,
// disabled, not compliant) next to healthy ones. Deterministic: the same figures every run.
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { analyzeFleet, fileSource } from '../dist/fleet/fleet.js';
import { startServer } from '../dist/web/server.js';

const AFFECTED = Number(process.env.BENCH_FLEET_AFFECTED ?? 10_000);
const HEALTHY = Number(process.env.BENCH_FLEET_HEALTHY ?? 5_000);
const ROUNDS = Number(process.env.BENCH_FLEET_ROUNDS ?? 5);
const AS_OF = Date.parse('2025-06-04T00:00:00Z');
const DAY = 86_400_000;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: round(q(0.5)), p95: round(q(0.95)), min: round(s[0]), n: s.length };
};
const round = (x) => Math.round(x * 100) / 100;

// --- the data ----------------------------------------------------------------------------------
let seed = 12345;
/** mulberry32: deterministic, and good enough that ids do not repeat. */
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const APPS = ['Microsoft Teams', 'Microsoft Edge', 'Microsoft Outlook', 'OneDrive SyncEngine', 'Windows Sign In'];
const TRUST = ['AzureAd', 'ServerAd', 'Workplace'];

function generate(dir) {
  const signIns = [];
  const devices = [];
  const audits = [];
  const signIn = (d, code, time, user) =>
    signIns.push(
      JSON.stringify({
        id: guid(),
        createdDateTime: iso(time),
        userPrincipalName: user,
        appDisplayName: APPS[Math.floor(rand() * APPS.length)],
        status: { errorCode: code, failureReason: code ? 'Device error' : null },
        deviceDetail: {
          deviceId: d.deviceId,
          displayName: d.kind === 'deleted' ? null : d.name,
          operatingSystem: 'Windows 11',
          trustType: d.kind === 'deleted' ? null : d.trust,
        },
      }),
    );
  const all = [];
  for (let i = 0; i < AFFECTED + HEALTHY; i++) {
    const kind = i >= AFFECTED ? 'healthy' : i % 10 < 4 ? 'deleted' : i % 10 < 7 ? 'disabled' : 'not-compliant';
    const d = {
      deviceId: guid(),
      objectId: guid(),
      name: `BENCH-PC-${String(i).padStart(6, '0')}`,
      trust: TRUST[i % 3],
      kind,
      user: `user${i % 7919}@contoso.com`,
    };
    all.push(d);
    if (kind !== 'deleted') {
      devices.push({
        id: d.objectId,
        deviceId: d.deviceId,
        displayName: d.name,
        accountEnabled: kind !== 'disabled',
        operatingSystem: 'Windows',
        operatingSystemVersion: '10.0.22631.3593',
        trustType: d.trust,
        approximateLastSignInDateTime: iso(AS_OF - Math.floor(rand() * 200) * DAY),
        registrationDateTime: iso(AS_OF - 400 * DAY),
        isManaged: rand() < 0.5,
      });
    }
    if (kind === 'deleted' || kind === 'disabled') {
      audits.push({
        id: guid(),
        category: 'Device',
        result: 'success',
        activityDisplayName: kind === 'deleted' ? 'Delete device' : 'Disable device',
        activityDateTime: iso(AS_OF - 9 * DAY),
        initiatedBy:
          rand() < 0.7 ? { app: { displayName: 'Stale Device Cleanup' }, user: null } : { app: null, user: { userPrincipalName: `admin${i % 3}@contoso.com` } },
        targetResources: [{ id: d.objectId, displayName: d.name, type: 'Device', modifiedProperties: [] }],
        additionalDetails: [{ key: 'DeviceId', value: d.deviceId }],
      });
    }
  }
  for (const d of all) {
    if (d.kind === 'healthy') {
      for (let k = 0; k < 2; k++) signIn(d, 0, AS_OF - Math.floor(rand() * 7 * DAY), d.user);
      continue;
    }
    const code = d.kind === 'deleted' ? 700003 : d.kind === 'disabled' ? 135011 : 53000;
    const n = 1 + Math.floor(rand() * 6);
    for (let k = 0; k < n; k++) signIn(d, code, AS_OF - Math.floor(rand() * 7 * DAY), d.user);
  }
  const files = {
    'signins.jsonl': `${signIns.join('\n')}\n`,
    'devices.json': JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#devices', value: devices }),
    'audit.json': JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value: audits }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { paths: Object.keys(files).map((n) => join(dir, n)), signInRows: signIns.length };
}

// --- the run -----------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'dsreg-doctor-bench-fleet-'));
const { paths, signInRows } = generate(work);
const uploadBytes = paths.reduce((n, p) => n + statSync(p).size, 0);

// the analysis alone, in this process: what the server does for the same files
const libStart = performance.now();
const direct = await analyzeFleet({ inputs: await Promise.all(paths.map(async (p) => ({ source: await fileSource(p) }))), asOf: new Date(AS_OF) });
const libraryMs = performance.now() - libStart;
if (direct.affected.length !== AFFECTED) throw new Error(`expected ${AFFECTED} affected devices, the analysis found ${direct.affected.length}`);

const server = await startServer({ port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'dsreg-doctor-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  headless: true,
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  locale: 'en-US',
  viewport: { width: 1360, height: 900 },
});
const results = {
  affectedDevices: AFFECTED,
  healthyDevices: HEALTHY,
  signInRows,
  uploadMB: round(uploadBytes / 1048576),
  rounds: ROUNDS,
  libraryAnalyzeMs: round(libraryMs),
};
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}fleet.html`);
  await page.waitForSelector('html[data-ready="true"]');
  const total = [];
  const upload = [];
  const render = [];
  const serverMs = [];
  const responseBytes = [];
  const filter = [];
  const drillFirst = [];
  const drillNext = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.click('#fleet-clear');
    await page.evaluate(() => performance.clearResourceTimings());
    const before = await page.evaluate(() => performance.getEntriesByName('fleet:rendered').length);
    await page.setInputFiles('#fleet-file', paths);
    await page.waitForFunction((n) => performance.getEntriesByName('fleet:rendered').length > n, before, { timeout: 120_000 });
    const m = await page.evaluate(() => {
      const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? 0;
      const api = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/api/fleet');
      return {
        start: last('fleet:load-start'),
        response: last('fleet:response'),
        rendered: last('fleet:rendered'),
        server: api?.serverTiming?.find((s) => s.name === 'fleet')?.duration ?? null,
        bytes: api?.encodedBodySize ?? null,
        rows: document.querySelectorAll('#fleet-rows tr').length,
        count: document.querySelector('[data-stat="affected"] .stat-value')?.textContent,
      };
    });
    if (m.count?.replace(/,/g, '') !== String(AFFECTED)) throw new Error(`the page shows ${m.count} affected devices, expected ${AFFECTED}`);
    total.push(m.rendered - m.start);
    upload.push(m.response - m.start);
    render.push(m.rendered - m.response);
    if (m.server !== null) serverMs.push(m.server);
    if (m.bytes !== null) responseBytes.push(m.bytes);
    // a filter over all 10,000 devices: synchronous filter + sort + table page
    filter.push(
      await page.evaluate(() => {
        const select = document.querySelector('#f-cause');
        const t0 = performance.now();
        select.value = 'disabled';
        select.dispatchEvent(new Event('change'));
        const ms = performance.now() - t0;
        select.value = '';
        select.dispatchEvent(new Event('change'));
        return ms;
      }),
    );
    // drill-downs: the first reads the rows of every affected device again from the held upload
    // (one pass); the next ones answer from that
    for (const [n, list] of [
      [0, drillFirst],
      [7, drillNext],
      [23, drillNext],
    ]) {
      const d0 = await page.evaluate(() => performance.getEntriesByName('fleet:device-rendered').length);
      const clickAt = await page.evaluate((row) => {
        const t = performance.now();
        document.querySelectorAll('#fleet-rows tr button.link')[row]?.click();
        return t;
      }, n);
      await page.waitForFunction((k) => performance.getEntriesByName('fleet:device-rendered').length > k, d0);
      list.push(await page.evaluate((t) => (performance.getEntriesByName('fleet:device-rendered').at(-1)?.startTime ?? 0) - t, clickAt));
      await page.keyboard.press('Escape');
    }
  }
  results.dropToFirstRenderMs = stats(total);
  results.uploadAnalyseAndParseMs = stats(upload);
  results.firstRenderFromDataMs = stats(render);
  results.serverAnalyseMs = stats(serverMs);
  results.responseMB = responseBytes.length ? round(responseBytes[0] / 1048576) : null;
  results.filterAllDevicesMs = stats(filter);
  results.drillDownFirstMs = stats(drillFirst);
  results.drillDownNextMs = stats(drillNext);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

console.log(JSON.stringify(results, null, 2));
