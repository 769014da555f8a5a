// Route tests of the Cleanup tab's API (POST /api/cleanup, GET /api/cleanup/:id/:file): app.request()
// without a socket, on the fleet fixtures. The plan must be the one planCleanup makes from the same
// files; every refusal is a 4xx with a message in the asked language, never a stack trace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupToJson } from '../src/cleanup/render.js';
import { planCleanup, type StagedCleanup } from '../src/cleanup/staged.js';
import { analyzeFleet, type FleetAggregator, memorySource } from '../src/fleet/fleet.js';
import { en, ja } from '../src/i18n/all.js';
import { createApp } from '../src/web/app.js';
import { ROOT } from './helpers.js';

const PORT = 7004;
const HOST = `127.0.0.1:${PORT}`;
const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const bytes = (name: string) => readFileSync(join(FIX, name));
const ENTRA = ['entra-interactive-signins.csv', 'entra-noninteractive-signins.csv', 'entra-devices.csv', 'entra-audit.csv'];
const app = createApp({ port: PORT });

function req(path: string, init: RequestInit = {}) {
  return app.request(`http://${HOST}${path}`, { ...init, headers: { host: HOST, ...((init.headers as Record<string, string>) ?? {}) } });
}

function form(files: string[], fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const name of files) f.append('file', new Blob([bytes(name)]), name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const post = (body: FormData, lang = 'en') => req(`/api/cleanup?lang=${lang}`, { method: 'POST', body });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/cleanup', () => {
  it('plans stage 1 as planCleanup does on the same files, and offers the report and scripts', async () => {
    const res = await post(form(ENTRA, { staleDays: '30', asOf: '2025-06-04' }));
    expect(res.status).toBe(200);
    const got = (await res.json()) as StagedCleanup & { dataset: { id: string; downloads: string[]; files: { name: string; kind: string }[] } };
    let agg: FleetAggregator | undefined;
    const asOf = Date.parse('2025-06-04T00:00:00Z');
    await analyzeFleet({ inputs: ENTRA.map((n) => ({ source: memorySource(n, bytes(n)) })), asOf: new Date(asOf), onAggregate: (a) => (agg = a) });
    if (!agg) throw new Error('no aggregate');
    const want = planCleanup({ agg, asOf, stage: 1, staleDays: 30 });
    const { dataset, ...plan } = got;
    expect(plan).toEqual(JSON.parse(cleanupToJson(want)));
    expect(dataset.files.map((f) => f.kind)).toEqual(['signins', 'signins', 'devices', 'audit']);
    expect(dataset.downloads).toEqual([
      'dsreg-doctor-cleanup-stage1.csv',
      'dsreg-doctor-cleanup-stage1.json',
      'dsreg-doctor-cleanup-stage1.html',
      'stage1-disable.csv',
      'stage1-disable.ps1',
      'stage1-rollback.ps1',
    ]);
    const json = await req(`/api/cleanup/${dataset.id}/dsreg-doctor-cleanup-stage1.json?lang=en`);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="dsreg-doctor-cleanup-stage1.json"');
    expect(await json.text()).toBe(cleanupToJson(want));
    const script = await req(`/api/cleanup/${dataset.id}/stage1-disable.ps1?lang=ja`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('[switch]$Apply');
    expect((await req(`/api/cleanup/${dataset.id}/..%2Fpackage.json?lang=en`)).status).toBe(404);
  });

  it.each([
    ['14', 'stale-days-too-short', en['web.api.cleanupStaleTooShort'].replaceAll('{days}', '14')],
    ['20', 'stale-days-too-short', en['web.api.cleanupStaleTooShort'].replaceAll('{days}', '20')],
    ['', 'stale-days-required', en['web.api.cleanupStaleRequired']],
    ['ninety', 'bad-number', null],
  ])('stale days %j → 400 %s, with the reason', async (days, code, message) => {
    const res = await post(form(ENTRA, { staleDays: days }));
    expect(res.status).toBe(400);
    const e = await errorOf(res);
    expect(e.code).toBe(code);
    if (message) expect(e.message).toBe(message);
  });

  it('says it in Japanese when asked', async () => {
    const e = await errorOf(await post(form(ENTRA, { staleDays: '7' }), 'ja'));
    expect(e.message).toBe(ja['web.api.cleanupStaleTooShort'].replaceAll('{days}', '7'));
  });

  it('refuses a plan without a device inventory, a later stage without its date, an unknown field', async () => {
    expect((await errorOf(await post(form(['entra-interactive-signins.csv'], { staleDays: '90' })))).code).toBe('no-inventory');
    expect((await errorOf(await post(form([], { staleDays: '90' })))).code).toBe('no-inventory');
    expect((await errorOf(await post(form(ENTRA, { staleDays: '90', stage: '2' })))).code).toBe('since-stage1-required');
    expect((await errorOf(await post(form(ENTRA, { staleDays: '90', stage: '4' })))).code).toBe('bad-stage');
    expect((await errorOf(await post(form(ENTRA, { staleDays: '90', planned: 'x' })))).code).toBe('unknown-part');
  });

  it('a download of a plan the server no longer holds is a 404 with the reason; wrong methods are 405', async () => {
    const e = await errorOf(await req('/api/cleanup/00000000-0000-0000-0000-000000000000/stage1-disable.ps1?lang=en'));
    expect(e.code).toBe('cleanup-gone');
    expect((await req('/api/cleanup?lang=en')).status).toBe(405);
    expect((await req('/api/cleanup/x/y', { method: 'POST' })).status).toBe(405);
  });
});
