// Route tests of the Fleet view's API: app.request() without a socket. The answers are compared
// with the fleet analysis run directly on the same files, so the web app and the CLI agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFleet, type FleetReport, type FleetSource, memorySource } from '../src/fleet/fleet.js';
import { fleetToCsv } from '../src/fleet/render-csv.js';
import { fleetToHtml } from '../src/fleet/render-html.js';
import { en } from '../src/i18n/all.js';
import { translator } from '../src/i18n/format.js';
import { ja } from '../src/i18n/all.js';
import { createApp } from '../src/web/app.js';
import { MAX_FLEET_FILES } from '../src/web/fleet-api.js';
import { collectDeviceEvents, deviceEvents } from '../src/web/fleet-device.js';
import { CONTENT_SECURITY_POLICY } from '../src/web/security.js';
import { ROOT } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
type Json = any;
const jsonOf = (res: Response): Promise<Json> => res.json();

const PORT = 7003;
const HOST = `127.0.0.1:${PORT}`;
const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const bytes = (name: string) => readFileSync(join(FIX, name));
const AS_OF = '2025-06-04';
const AS_OF_DATE = new Date('2025-06-04T00:00:00Z');

/** The admin center downloads: both sign-in logs, the device list, the audit log. */
const ENTRA = ['entra-interactive-signins.csv', 'entra-noninteractive-signins.csv', 'entra-devices.csv', 'entra-audit.csv'];
/** The same tenant as Graph JSON. */
const GRAPH = ['graph-signins-page.json', 'graph-devices.json', 'graph-audit.json'];

const app = createApp({ port: PORT });

function req(path: string, init: RequestInit & { headers?: Record<string, string> } = {}, target = app) {
  return target.request(`http://${HOST}${path}`, { ...init, headers: { host: HOST, ...(init.headers ?? {}) } });
}

function form(files: [string, Uint8Array | string][], fields: Record<string, string | [string, Uint8Array | string]> = {}): FormData {
  const f = new FormData();
  for (const [name, content] of files) f.append('file', new Blob([content]), name);
  for (const [key, v] of Object.entries(fields)) {
    if (typeof v === 'string') f.append(key, v);
    else f.append(key, new Blob([v[1]]), v[0]);
  }
  return f;
}

const fixtureForm = (names: string[], fields: Record<string, string | [string, Uint8Array | string]> = { asOf: AS_OF }) =>
  form(
    names.map((n) => [n, bytes(n)]),
    fields,
  );

async function upload(body: FormData | string | Uint8Array, headers: Record<string, string> = {}, target = app): Promise<Response> {
  return req('/api/fleet?lang=en', { method: 'POST', body, headers }, target);
}

async function direct(names: string[], extra: Partial<Parameters<typeof analyzeFleet>[0]> = {}): Promise<FleetReport> {
  return analyzeFleet({ inputs: names.map((n) => ({ source: memorySource(n, bytes(n)) })), asOf: AS_OF_DATE, ...extra });
}

/** The report part of an answer (without what only the page needs). */
function contract(json: Json): FleetReport {
  const { dataset: _dataset, ...report } = json;
  return report as FleetReport;
}

describe('POST /api/fleet', () => {
  it.each([
    ['admin center CSV', ENTRA],
    ['Graph JSON', GRAPH],
  ])('%s: the same report as the fleet analysis of the same files', async (_name, names) => {
    const res = await upload(fixtureForm(names));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('server-timing')).toMatch(/^fleet;dur=\d+(\.\d+)?$/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const json = await jsonOf(res);
    expect(contract(json)).toEqual(await direct(names));
    expect(json.affected.length).toBeGreaterThan(0);
    expect(json.dataset).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      origin: 'upload',
      files: names.map((name) => ({ name, size: bytes(name).length })),
      drillDown: true,
      asOf: '2025-06-04T00:00:00Z',
    });
    // the contract of docs/product.md
    for (const a of json.affected) {
      expect(a).toMatchObject({
        deviceId: expect.any(String),
        joinType: expect.any(String),
        inventoryState: expect.any(String),
        failureCount: expect.any(Number),
      });
      expect(a.errorCodes.every((c: string) => /^AADSTS\d+$/.test(c))).toBe(true);
    }
    expect(json.rows.read).toBe(json.rows.used + json.rows.skipped);
  });

  it('a collected dsregcmd /status dropped with the exports is matched by DeviceId, like --statuses', async () => {
    const status = readFileSync(join(FIX, 'statuses', 'con-lt-001.txt'));
    const res = await upload(form([...ENTRA.map((n): [string, Uint8Array] => [n, bytes(n)]), ['con-lt-001.txt', status]], { asOf: AS_OF }));
    const json = await jsonOf(res);
    const expected = await direct(ENTRA, { statuses: [memorySource('con-lt-001.txt', status)], statusesName: 'con-lt-001.txt' });
    expect(contract(json)).toEqual(expected);
    const d1 = json.affected.find((a: Json) => a.statusFile === 'con-lt-001.txt');
    expect(d1).toMatchObject({ displayName: 'CON-LT-001', joinTypeSource: 'status', joinType: 'entra-joined' });
  });

  it('malformed files are counted as skipped, with file and line, and the rest is still read', async () => {
    const goodCsv = bytes('entra-interactive-signins.csv').toString('utf8');
    const lines = goodCsv.split('\n');
    // an unterminated quote in the middle of the sign-in log, and a row with a missing column
    const broken = [...lines.slice(0, 3), `${lines[3]?.replace(/,/, ',"')}`, lines[4]?.split(',').slice(0, 5).join(','), ...lines.slice(5)].join('\n');
    const body = form(
      [
        ['broken-signins.csv', broken],
        ['entra-devices.csv', bytes('entra-devices.csv')],
        ['empty.csv', ''],
        ['photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 0])],
        ['notes.csv', 'Name,Colour\nred,blue\n'],
        ['cut.json', '{"value":[{"createdDateTime":"2025-06-02T08:00:00Z","status":{"errorCode":700003},"deviceDetail":{"deviceId":"6f2a1c3e-1111'],
      ],
      { asOf: AS_OF },
    );
    const res = await upload(body);
    expect(res.status).toBe(200);
    const json = await jsonOf(res);
    const byName = Object.fromEntries(json.inputs.map((i: Json) => [i.name, i]));
    expect(byName['broken-signins.csv'].kind).toBe('signins');
    expect(byName['broken-signins.csv'].rows.skipped).toBeGreaterThan(0);
    expect(byName['broken-signins.csv'].problems[0]).toMatchObject({
      line: expect.any(Number),
      reason: expect.stringMatching(/malformed-csv|wrong-column-count/),
    });
    expect(byName['entra-devices.csv']).toMatchObject({ kind: 'devices', error: null });
    expect(byName['empty.csv'].error).toBe('empty');
    expect(byName['photo.png'].error).toBe('binary');
    expect(byName['notes.csv'].error).toBe('unrecognized-csv');
    expect(byName['cut.json'].rows.skippedByReason).toHaveProperty('truncated-json');
    // the rest of the sign-ins still count
    expect(json.affected.length).toBeGreaterThan(0);
    expect(json.rows.read).toBe(json.rows.used + json.rows.skipped);
    const sum = (k: 'read' | 'used' | 'skipped') => json.inputs.reduce((n: number, i: Json) => n + i.rows[k], 0);
    expect([sum('read'), sum('used'), sum('skipped')]).toEqual([json.rows.read, json.rows.used, json.rows.skipped]);
  });

  it('a Japanese Excel re-save (cp932) and a Unicode-text save (UTF-16LE) read like the original', async () => {
    const iconv = (await import('iconv-lite')).default;
    const csv = bytes('entra-interactive-signins.csv').toString('utf8');
    const res = await upload(
      form(
        [
          ['excel-ja.csv', iconv.encode(csv.replace(/Alice Ito/g, '伊藤 アリス'), 'cp932')],
          ['unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(bytes('entra-noninteractive-signins.csv').toString('utf8'), 'utf16le')])],
        ],
        { asOf: AS_OF },
      ),
    );
    const json = await jsonOf(res);
    expect(json.inputs.map((i: Json) => [i.kind, i.encoding])).toEqual([
      ['signins', 'cp932'],
      ['signins', expect.stringMatching(/^utf-16le/)],
    ]);
    const plain = await direct(['entra-interactive-signins.csv', 'entra-noninteractive-signins.csv']);
    expect(json.affected.map((a: Json) => a.deviceId)).toEqual(plain.affected.map((a) => a.deviceId));
  });

  it('file names are data: control characters and paths are removed, nothing is interpreted', async () => {
    const res = await upload(form([['C:\\Users\\x\\<img src=x onerror=alert(1)>\u0007.csv', bytes('entra-devices.csv')]]));
    const json = await jsonOf(res);
    expect(json.inputs[0].name).toBe('<img src=x onerror=alert(1)>.csv');
    expect(json.dataset.files[0].name).toBe('<img src=x onerror=alert(1)>.csv');
  });

  it.each([
    ['no file', () => upload(form([], { staleDays: '90' })), 400, 'no-files'],
    ['not multipart', () => upload('hello', { 'content-type': 'text/csv' }), 400, 'bad-form'],
    ['urlencoded', () => upload('file=x', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'bad-form'],
    [
      'a body cut in the middle of a part',
      () =>
        upload('--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nDate,Request ID\r\n', {
          'content-type': 'multipart/form-data; boundary=zz',
        }),
      400,
      'bad-form',
    ],
    [
      'a part without a name',
      () => upload('--zz\r\nContent-Type: text/csv\r\n\r\nx\r\n--zz--\r\n', { 'content-type': 'multipart/form-data; boundary=zz' }),
      400,
      'bad-form',
    ],
    ['an unknown field', () => upload(form([['a.csv', bytes('entra-devices.csv')]], { evil: 'x' })), 400, 'unknown-part'],
    ['stale days that are not a number', () => upload(form([['a.csv', bytes('entra-devices.csv')]], { staleDays: 'ninety' })), 400, 'bad-stale-days'],
    ['stale days of zero', () => upload(form([['a.csv', bytes('entra-devices.csv')]], { staleDays: '0' })), 400, 'bad-stale-days'],
    ['a date that is not one', () => upload(form([['a.csv', bytes('entra-devices.csv')]], { asOf: 'yesterday' })), 400, 'bad-as-of'],
    [
      'too many files',
      () => upload(form(Array.from({ length: MAX_FLEET_FILES + 1 }, (_, i): [string, string] => [`f${i}.csv`, 'a,b\n']))),
      400,
      'too-many-files',
    ],
    ['?lang=fr', () => req('/api/fleet?lang=fr', { method: 'POST', body: fixtureForm(ENTRA) }), 400, 'bad-query'],
  ])('%s → %i', async (_name, call, status, code) => {
    const res = await call();
    expect(res.status).toBe(status);
    const json = await jsonOf(res);
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(10);
  });

  it('error messages follow ?lang', async () => {
    const res = await req('/api/fleet?lang=ja', { method: 'POST', body: form([], {}) });
    expect((await jsonOf(res)).error.message).toBe(ja['web.api.fleetNoFiles']);
  });

  describe('size limit', () => {
    const small = createApp({ port: PORT, maxFleetBytes: 64 * 1024 });
    const big = () => form([['big.csv', `Date (UTC),Request ID\n${'2025-06-01T00:00:00Z,x\n'.repeat(4000)}`]]);

    it('over the limit → 413 naming the limit and the CLI', async () => {
      const res = await upload(big(), {}, small);
      expect(res.status).toBe(413);
      const json = await jsonOf(res);
      expect(json.error.code).toBe('too-large');
      expect(json.error.message).toContain('dsreg-doctor fleet');
    });

    it('over the limit while streaming (no Content-Length) → 413', async () => {
      const body = new Response(big());
      const type = body.headers.get('content-type') ?? '';
      const res = await small.request(`http://${HOST}/api/fleet`, {
        method: 'POST',
        body: body.body,
        headers: { host: HOST, 'content-type': type },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
    });

    it('the default limit is 64 MB, announced to the page', async () => {
      const json = await jsonOf(await req('/api/messages?lang=en&page=fleet'));
      expect(json.fleet).toEqual({ graph: false, maxBytes: 64 * 1024 * 1024, maxFiles: MAX_FLEET_FILES });
    });

    it('just under the limit is read', async () => {
      const f = form([['entra-devices.csv', bytes('entra-devices.csv')]]);
      expect((await upload(f, {}, small)).status).toBe(200);
    });
  });
});

describe('Host and Origin checks on the fleet routes', () => {
  it.each([
    ['POST', '/api/fleet'],
    ['GET', '/api/fleet/graph'],
    ['GET', '/api/fleet/00000000-0000-4000-8000-000000000000/devices/x'],
    ['POST', '/api/fleet/00000000-0000-4000-8000-000000000000/export'],
  ])('%s %s: a foreign Host or a cross-site request is refused before anything is read', async (method, path) => {
    const body = method === 'POST' ? fixtureForm(ENTRA) : undefined;
    const foreign = await app.request(`http://${HOST}${path}`, { method, ...(body ? { body } : {}), headers: { host: 'evil.example:7003' } });
    expect(foreign.status).toBe(403);
    expect((await jsonOf(foreign)).error.code).toBe('host-refused');
    const cross = await req(path, { method, ...(body ? { body: fixtureForm(ENTRA) } : {}), headers: { origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    expect((await jsonOf(cross)).error.code).toBe('origin-refused');
  });

  it.each([
    ['GET', '/api/fleet', 'POST'],
    ['POST', '/api/fleet/graph', 'GET'],
    ['GET', '/api/fleet/abc/cleanup', 'POST'],
    ['GET', '/api/fleet/abc/export', 'POST'],
    ['POST', '/api/fleet/abc/devices/def', 'GET'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await req(path, { method, ...(method === 'POST' ? { body: 'x' } : {}) });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
  });
});

describe('a loaded fleet: drill-down, cleanup, export', () => {
  const load = async (names = ENTRA, fields: Record<string, string | [string, Uint8Array | string]> = { asOf: AS_OF }, target = app) =>
    jsonOf(await upload(fixtureForm(names, fields), {}, target));

  it('GET …/devices/:id: the device, its sign-ins and audit events read again from the files, its plan', async () => {
    const json = await load();
    for (const a of json.affected as Json[]) {
      const res = await req(`/api/fleet/${json.dataset.id}/devices/${encodeURIComponent(a.deviceId.toUpperCase())}?lang=ja`);
      expect(res.status).toBe(200);
      const d = await jsonOf(res);
      expect(d.device).toEqual(a);
      // every device-error failure of the report is among the device's sign-ins, newest first
      const failures = d.events.signIns.filter((s: Json) => s.code !== 0);
      expect(d.events.signInFailures).toBe(a.failureCount + failures.filter((s: Json) => !a.errorCodes.includes(s.errorCode)).length);
      expect(failures.filter((s: Json) => a.errorCodes.includes(s.errorCode)).length).toBe(a.failureCount);
      const times = d.events.signIns.map((s: Json) => s.time);
      expect(times).toEqual([...times].sort().reverse());
      if (failures.length > 0) expect(failures.at(-1).time).toBe(a.firstFailure);
      // its deletion event is among its audit events
      if (a.deletedBy) expect(d.events.audit.some((e: Json) => e.actor === a.deletedBy && e.time === a.deletedAt)).toBe(true);
      // the plan the report's first step comes from, in Japanese
      expect(d.plan.steps[0]?.id ?? null).toBe(a.firstStep);
      for (const s of d.plan.steps) expect(s.title).toBe(ja[`step.${s.id}.title` as keyof typeof ja]);
    }
  });

  it('one pass for every affected device gives what a pass for each device gives; too many rows → null', async () => {
    const report = await direct(ENTRA);
    const sources = ENTRA.map((n) => memorySource(n, bytes(n)));
    const keys = report.affected.map((a) => ({ deviceId: a.deviceId, objectId: a.objectId, displayName: a.displayName }));
    const all = await collectDeviceEvents(sources, keys);
    for (const key of keys) expect(all?.get(key.deviceId), key.deviceId).toEqual(await deviceEvents(sources, key));
    expect(await collectDeviceEvents(sources, keys, () => false, 2)).toBeNull();
  });

  it('drill-down errors: an unknown device → 404, a forgotten load → 404 naming what to do', async () => {
    const json = await load();
    const none = await req(`/api/fleet/${json.dataset.id}/devices/00000000-0000-4000-8000-00000000dead`);
    expect(none.status).toBe(404);
    expect((await jsonOf(none)).error.code).toBe('no-device');
    const gone = await req('/api/fleet/00000000-0000-4000-8000-000000000000/devices/x');
    expect(gone.status).toBe(404);
    expect((await jsonOf(gone)).error).toMatchObject({ code: 'fleet-gone', message: expect.stringContaining('Load the files again') });
  });

  it('the server keeps the last three loads and forgets older ones', async () => {
    const own = createApp({ port: PORT });
    const first = await load(['entra-devices.csv'], {}, own);
    const device = async (j: Json) => req(`/api/fleet/${j.dataset.id}/export?format=json`, { method: 'POST' }, own);
    expect((await device(first)).status).toBe(200);
    const later = [];
    for (let i = 0; i < 3; i++) later.push(await load(['entra-devices.csv'], {}, own));
    expect((await device(first)).status).toBe(404);
    for (const j of later) expect((await device(j)).status).toBe(200);
  });

  it('POST …/cleanup with stale days: the same cleanup impact as the analysis with --stale-days', async () => {
    const json = await load();
    const res = await req(`/api/fleet/${json.dataset.id}/cleanup?lang=en`, { method: 'POST', body: form([], { staleDays: '90', asOf: AS_OF }) });
    expect(res.status).toBe(200);
    const after = await jsonOf(res);
    expect(after.dataset.id).toBe(json.dataset.id);
    expect(after.dataset.staleDays).toBe(90);
    expect(contract(after)).toEqual(await direct(ENTRA, { staleDays: 90 }));
    expect(after.cleanup.source).toBe('stale-days');
  });

  it('POST …/cleanup with a planned-deletion list; then with nothing, the cleanup is gone', async () => {
    const json = await load();
    const planned = bytes('planned-deletions.txt');
    const res = await req(`/api/fleet/${json.dataset.id}/cleanup`, {
      method: 'POST',
      body: form([], { planned: ['planned-deletions.txt', planned], asOf: AS_OF }),
    });
    const after = await jsonOf(res);
    expect(contract(after)).toEqual(await direct(ENTRA, { plannedDeletions: memorySource('planned-deletions.txt', planned) }));
    expect(after.cleanup.source).toBe('planned-deletions');
    expect(after.dataset.planned).toEqual({ name: 'planned-deletions.txt', size: planned.length });
    const cleared = await jsonOf(await req(`/api/fleet/${json.dataset.id}/cleanup`, { method: 'POST', body: form([], { asOf: AS_OF }) }));
    expect(cleared.cleanup).toBeNull();
    expect(cleared.cleanupImpact).toEqual([]);
  });

  it('the planned list and stale days can come with the upload', async () => {
    const json = await load(ENTRA, { asOf: AS_OF, staleDays: '90' });
    expect(contract(json)).toEqual(await direct(ENTRA, { staleDays: 90 }));
  });

  it('exports: CSV (all, or the devices shown), the standalone HTML report, JSON', async () => {
    const json = await load(ENTRA, { asOf: AS_OF, staleDays: '90' });
    const report = contract(json);
    const exp = (query: string, body = '') =>
      req(`/api/fleet/${json.dataset.id}/export?${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

    const all = await exp('format=csv');
    expect(all.headers.get('content-disposition')).toBe('attachment; filename="dsreg-doctor-fleet-affected.csv"');
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await all.arrayBuffer()).toString('utf8')).toBe(fleetToCsv(report));

    const ids = report.affected.slice(0, 2).map((a) => a.deviceId);
    const some = Buffer.from(await (await exp('format=csv', JSON.stringify({ deviceIds: ids }))).arrayBuffer()).toString('utf8');
    expect(some).toBe(
      fleetToCsv({ ...report, affected: report.affected.slice(0, 2), cleanupImpact: report.cleanupImpact.filter((e) => ids.includes(e.deviceId)) }),
    );
    expect(some.trim().split('\r\n')).toHaveLength(3);
    // in the order the page shows them (its sort)
    const reversed = Buffer.from(await (await exp('format=csv', JSON.stringify({ deviceIds: [...ids].reverse() }))).arrayBuffer()).toString('utf8');
    expect(
      reversed
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual([...ids].reverse());

    const cleanup = Buffer.from(await (await exp('format=csv&table=cleanup')).arrayBuffer()).toString('utf8');
    expect(cleanup).toBe(fleetToCsv(report, 'cleanup'));

    const html = await exp('format=html&lang=ja');
    expect(html.headers.get('content-disposition')).toBe('attachment; filename="dsreg-doctor-fleet.ja.html"');
    expect(await html.text()).toBe(fleetToHtml(report, 'ja', translator('ja')));

    expect(JSON.parse(await (await exp('format=json')).text())).toEqual(report);
  });

  it.each([
    ['format=pdf', '', 'bad-query'],
    ['table=users', '', 'bad-query'],
    ['format=csv', '{"deviceIds": "all"}', 'bad-ids'],
    ['format=csv', '{not json', 'bad-ids'],
  ])('export ?%s %s → 400', async (query, body, code) => {
    const json = await load(['entra-devices.csv']);
    const res = await req(`/api/fleet/${json.dataset.id}/export?${query}`, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error.code).toBe(code);
  });
});

describe('GET /api/fleet/graph', () => {
  it('not configured → 404 saying how to configure it; the page is told not to offer it', async () => {
    const res = await req('/api/fleet/graph?lang=en');
    expect(res.status).toBe(404);
    expect(await jsonOf(res)).toEqual({ error: { code: 'graph-not-configured', message: en['web.api.fleetGraphOff'] } });
  });

  it('a hook that answers a report: the report, and a drill-down without rows', async () => {
    const report = await direct(GRAPH);
    let calls = 0;
    const graphApp = createApp({
      port: PORT,
      fleetFromGraph: async () => {
        calls++;
        return report;
      },
    });
    expect((await jsonOf(await req('/api/messages?lang=en&page=fleet', {}, graphApp))).fleet.graph).toBe(true);
    const json = await jsonOf(await req('/api/fleet/graph?lang=en', {}, graphApp));
    expect(contract(json)).toEqual(report);
    expect(json.dataset).toMatchObject({ origin: 'graph', drillDown: false });
    const a = report.affected[0];
    const d = await jsonOf(await req(`/api/fleet/${json.dataset.id}/devices/${a?.deviceId}`, {}, graphApp));
    expect(d.device).toEqual(a);
    expect(d.events).toBeNull();
    expect(calls).toBe(1);
  });

  it('a hook that answers the pulled data as sources: drill-down rows, and cleanup without pulling again', async () => {
    const sources = (): FleetSource[] => GRAPH.map((n) => memorySource(n, bytes(n)));
    const requests: unknown[] = [];
    const graphApp = createApp({
      port: PORT,
      fleetFromGraph: async (request) => {
        requests.push(request);
        const s = sources();
        const { lang: _lang, ...cleanup } = request;
        return { report: await analyzeFleet({ inputs: s.map((source) => ({ source })), asOf: AS_OF_DATE, ...cleanup }), sources: s };
      },
    });
    const json = await jsonOf(await req('/api/fleet/graph?lang=en&staleDays=90&asOf=2025-06-04', {}, graphApp));
    expect(requests).toEqual([{ lang: 'en', staleDays: 90, asOf: AS_OF_DATE }]);
    expect(json.cleanup.source).toBe('stale-days');
    const a = json.affected.find((x: Json) => x.deletedBy);
    const d = await jsonOf(await req(`/api/fleet/${json.dataset.id}/devices/${a.deviceId}`, {}, graphApp));
    expect(d.events.signInFailures).toBeGreaterThanOrEqual(a.failureCount);
    expect(d.events.audit[0]).toMatchObject({ actor: a.deletedBy });
    const again = await jsonOf(
      await req(`/api/fleet/${json.dataset.id}/cleanup`, { method: 'POST', body: form([], { staleDays: '30', asOf: AS_OF }) }, graphApp),
    );
    expect(again.cleanup.staleDays).toBe(30);
    expect(requests).toHaveLength(1);
  });

  it('two loads at once: identical ones share one pull, different cleanup settings get their own', async () => {
    const report = await direct(GRAPH);
    const requests: unknown[] = [];
    const graphApp = createApp({
      port: PORT,
      fleetFromGraph: async (request) => {
        requests.push(request);
        await new Promise((r) => setTimeout(r, 20));
        return report;
      },
    });
    await Promise.all([req('/api/fleet/graph?lang=en', {}, graphApp), req('/api/fleet/graph?lang=en', {}, graphApp)]);
    expect(requests).toHaveLength(1);
    await Promise.all([
      req('/api/fleet/graph?lang=en&staleDays=90&asOf=2025-06-04', {}, graphApp),
      req('/api/fleet/graph?lang=en&staleDays=30&asOf=2025-06-04', {}, graphApp),
    ]);
    expect(requests).toHaveLength(3);
    expect(
      requests
        .slice(1)
        .map((r) => (r as { staleDays?: number }).staleDays)
        .sort(),
    ).toEqual([30, 90]);
  });

  it('a partial pull: the warnings of the hook, in the language asked for, reach the page', async () => {
    const report = await direct(GRAPH);
    const graphApp = createApp({
      port: PORT,
      fleetFromGraph: async ({ lang }) => ({ report, warnings: [lang === 'ja' ? 'signIns: 3 ページ目で 403' : 'signIns: 403 on page 3'] }),
    });
    const json = await jsonOf(await req('/api/fleet/graph?lang=ja', {}, graphApp));
    expect(json.dataset.warnings).toEqual(['signIns: 3 ページ目で 403']);
    const uploaded = await jsonOf(await upload(fixtureForm(GRAPH)));
    expect(uploaded.dataset.warnings).toEqual([]);
  });

  it('two clicks while a pull is under way share one pull', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const report = await direct(GRAPH);
    const graphApp = createApp({
      port: PORT,
      fleetFromGraph: async () => {
        calls++;
        await gate;
        return report;
      },
    });
    const a = req('/api/fleet/graph', {}, graphApp);
    const b = req('/api/fleet/graph', {}, graphApp);
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect((await a).status).toBe(200);
    expect((await b).status).toBe(200);
    expect(calls).toBe(1);
  });

  it('a failing pull → 502 with its message, in the chosen language; the next click tries again', async () => {
    let calls = 0;
    const graphApp = createApp({
      port: PORT,
      fleetFromGraph: async () => {
        calls++;
        throw new Error('permission: GET /v1.0/devices (Device.Read.All)');
      },
    });
    const res = await req('/api/fleet/graph?lang=ja', {}, graphApp);
    expect(res.status).toBe(502);
    const json = await jsonOf(res);
    expect(json.error.code).toBe('graph-failed');
    expect(json.error.message).toBe(ja['web.api.fleetGraphFailed'].replace('{message}', 'permission: GET /v1.0/devices (Device.Read.All)'));
    await req('/api/fleet/graph', {}, graphApp);
    expect(calls).toBe(2);
  });
});

describe('the Fleet page', () => {
  it('messages for the fleet page hold the fleet labels, not the CLI help; the device page does not carry them', async () => {
    const fleet = await jsonOf(await req('/api/messages?lang=ja&page=fleet'));
    expect(fleet.messages['fleet.cause.deleted']).toBe(ja['fleet.cause.deleted']);
    expect(fleet.messages['fleet.note.file.binary']).toBe(ja['fleet.note.file.binary']);
    expect(fleet.messages['web.fleet.load.analyse']).toBe(ja['web.fleet.load.analyse']);
    expect(fleet.messages['step.forcerecovery.title']).toBe(ja['step.forcerecovery.title']);
    for (const k of ['fleet.help', 'fleet.kql.header', 'fleet.error.noInput', 'fleet.progress.rows', 'web.help']) expect(fleet.messages[k], k).toBeUndefined();
    const device = await jsonOf(await req('/api/messages?lang=ja'));
    expect(Object.keys(device.messages).filter((k) => k.startsWith('fleet.') || k.startsWith('web.fleet.'))).toEqual([]);
    expect(device.fleet).toBeUndefined();
    expect((await req('/api/messages?page=admin')).status).toBe(400);
  });

  it('every string the fleet page code asks for is in the catalogue', async () => {
    const json = await jsonOf(await req('/api/messages?lang=en&page=fleet'));
    const sources = await Promise.all(['/fleet.html', '/fleet.js', '/charts.js'].map(async (p) => (await req(p)).text()));
    const keys = new Set(sources.flatMap((src) => [...src.matchAll(/['"`]((?:web|fleet|report|joinType)\.[\w.-]+[\w])['"`]/g)].map((m) => m[1] ?? '')));
    expect(keys.size).toBeGreaterThan(80);
    for (const key of keys) expect(json.messages, key).toHaveProperty([key]);
  });

  it('the page has no inline script or style and its code never writes markup', async () => {
    const html = await (await req('/fleet.html')).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const file of ['/fleet.js', '/charts.js']) {
      const js = await (await req(file)).text();
      expect(js, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|setAttribute\('style'|\.style\./);
    }
  });

  it('is linked from the single-device page, and links back', async () => {
    expect(await (await req('/')).text()).toContain('href="/fleet.html"');
    expect(await (await req('/fleet.html')).text()).toContain('href="/"');
  });
});
