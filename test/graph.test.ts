import { afterEach, describe, expect, it } from 'vitest';
import { tokenSource } from '../src/graph/auth.js';
import { GraphClient, type GraphProgress } from '../src/graph/client.js';
import { CLOUDS, checkBaseUrl } from '../src/graph/clouds.js';
import { pullFleetData } from '../src/graph/pull.js';
import { type FakeTenant, type GraphServer, startGraphServer } from './graph-server.js';

const SINCE = new Date('2026-11-19T00:00:00Z');

function tenant(devices = 2500, signIns = 2300): FakeTenant {
  const ids = Array.from({ length: devices }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  return {
    devices: ids.map((deviceId, i) => ({
      id: `obj-${i}`,
      deviceId,
      displayName: `PC-${i}`,
      trustType: i % 3 === 0 ? 'ServerAd' : 'AzureAd',
      accountEnabled: i % 50 !== 0,
      extra: 'not selected',
    })),
    signIns: Array.from({ length: signIns }, (_, i) => ({
      id: `s-${i}`,
      createdDateTime: `2026-11-${String(18 + (i % 8)).padStart(2, '0')}T10:00:00Z`,
      userPrincipalName: `user${i % 40}@contoso.example`,
      appDisplayName: 'Microsoft Edge',
      status: { errorCode: i % 4 === 0 ? 700003 : i % 4 === 1 ? 0 : i % 4 === 2 ? 135011 : 50126 },
      deviceDetail: { deviceId: ids[i % devices], displayName: `PC-${i % devices}`, trustType: 'Azure AD joined', operatingSystem: 'Windows' },
      signInEventTypes: i % 5 === 0 ? ['nonInteractiveUser'] : ['interactiveUser'],
    })),
    directoryAudits: [
      {
        id: 'a1',
        activityDateTime: '2026-11-20T09:00:00Z',
        activityDisplayName: 'Delete device',
        category: 'Device',
        initiatedBy: { user: { userPrincipalName: 'cleanup@contoso.example' } },
        targetResources: [{ id: 'obj-0', displayName: 'PC-0' }],
      },
      {
        id: 'a2',
        activityDateTime: '2026-11-20T09:00:00Z',
        activityDisplayName: 'Add device',
        category: 'Device',
        initiatedBy: { user: { userPrincipalName: 'x@contoso.example' } },
        targetResources: [],
      },
    ],
  };
}

let server: GraphServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const noSleep = { sleep: async () => {}, random: () => 0.5 };

describe('Graph pull against a loopback server', () => {
  it('client credentials through the real MSAL, paging to the end, server-side filters and $select', async () => {
    server = await startGraphServer(tenant());
    const token = await tokenSource(
      { kind: 'client-secret', tenant: 'contoso.example', clientId: '11111111-1111-4111-8111-111111111111', secret: 's3cret' },
      { cloud: CLOUDS.global, graphBase: 'https://graph.microsoft.com', loginBase: server.base },
    );
    const progress: GraphProgress[] = [];
    const client = new GraphClient({ base: server.base, token, onProgress: (p) => progress.push(p), ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.partial).toBeNull();
    expect(data.devices).toHaveLength(2500);
    expect(Object.keys(data.devices[0] ?? {})).not.toContain('extra');
    // 700003 and 135011 only, window from the 19th, interactive from v1.0 + non-interactive from beta, once each
    const expected = tenant().signIns.filter(
      (s) => [700003, 135011].includes((s.status as { errorCode: number }).errorCode) && String(s.createdDateTime) >= '2026-11-19',
    );
    expect(data.signIns.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(data.directoryAudits.map((a) => a.id)).toEqual(['a1']);
    expect(progress.filter((p) => p.kind === 'page' && p.dataset === 'devices').length).toBe(3);
    const graphCalls = server.requests.filter((r) => r.url.startsWith('/v1.0') || r.url.startsWith('/beta'));
    expect(graphCalls.every((r) => r.method === 'GET' && r.auth === 'Bearer fake-access-token-for-tests')).toBe(true);
    expect(server.requests.some((r) => r.method === 'POST' && r.url.includes('/oauth2/v2.0/token'))).toBe(true);
  });

  it('device code flow through the real MSAL (the code message goes to the callback)', async () => {
    server = await startGraphServer(tenant(10, 10));
    const messages: string[] = [];
    const token = await tokenSource(
      { kind: 'device-code', tenant: 'organizations', clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e', onCode: (m) => messages.push(m) },
      { cloud: CLOUDS.global, graphBase: 'https://graph.microsoft.com', loginBase: server.base },
    );
    const client = new GraphClient({ base: server.base, token, ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.devices).toHaveLength(10);
    expect(messages[0]).toContain('ABCD-EFGH');
  }, 20_000);

  it.each([
    ['429 with Retry-After', { times: 2, retryAfter: '3' }, [3000, 3000]],
    ['429 without Retry-After (backoff with jitter)', { times: 3 }, [500, 1000, 2000]],
    ['503', { times: 1, status: 503 as const, retryAfter: '1' }, [1000]],
  ])('%s is retried and the data is complete', async (_name, throttle, waits) => {
    server = await startGraphServer(tenant(1500, 0), { throttle: { path: 'v1.0/devices', ...throttle } });
    const progress: GraphProgress[] = [];
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', onProgress: (p) => progress.push(p), ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.partial).toBeNull();
    expect(data.devices).toHaveLength(1500);
    const firstPageWaits = progress.filter((p) => p.kind === 'throttle').slice(0, waits.length);
    expect(firstPageWaits.map((p) => (p.kind === 'throttle' ? p.waitMs : 0))).toEqual(waits);
  });

  it('gives up after the retry budget with a clear failure naming the request', async () => {
    server = await startGraphServer(tenant(10, 0), { throttle: { path: 'v1.0/devices', times: 100 } });
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', maxRetries: 3, ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.partial).toMatchObject({ dataset: 'devices', failure: { kind: 'throttled', status: 429, attempts: 4 } });
    expect(data.partial?.failure.request).toMatch(/^\/v1\.0\/devices\?\$select=/);
  });

  it('403 names the missing permission and the role that can grant it; earlier data is kept', async () => {
    server = await startGraphServer(tenant(50, 20), { forbidden: 'v1.0/auditLogs/signIns' });
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.devices).toHaveLength(50);
    expect(data.partial).toMatchObject({
      dataset: 'signIns',
      failure: { kind: 'permission', status: 403, permission: 'AuditLog.Read.All and Directory.Read.All' },
    });
  });

  it('a malformed page stops the pull as partial, keeping the pages already read', async () => {
    server = await startGraphServer(tenant(2500, 0), { malformed: { path: 'v1.0/devices', page: 2 } });
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.devices).toHaveLength(1998);
    expect(data.partial).toMatchObject({ dataset: 'devices', pagesRead: 2, failure: { kind: 'malformed' } });
  });

  it('never follows a nextLink to another host (the token would leak)', async () => {
    server = await startGraphServer(tenant(1500, 0), { foreignNextLink: 'v1.0/devices' });
    const called: string[] = [];
    const recording: typeof fetch = (input, init) => {
      called.push(String(input));
      return fetch(input, init);
    };
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', fetch: recording, ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.partial?.failure.kind).toBe('foreign-next-link');
    expect(called.length).toBeGreaterThan(0);
    const origin = new URL(server.base).origin;
    for (const url of called) expect(new URL(url).origin).toBe(origin);
  });

  it('a wrong client secret is an auth failure, not a crash', async () => {
    server = await startGraphServer(tenant(1, 0));
    const token = await tokenSource(
      { kind: 'client-secret', tenant: 'contoso.example', clientId: '11111111-1111-4111-8111-111111111111', secret: 'wrong' },
      { cloud: CLOUDS.global, graphBase: 'https://graph.microsoft.com', loginBase: server.base },
    );
    const client = new GraphClient({ base: server.base, token, ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.partial?.failure.kind).toBe('auth');
    expect(JSON.stringify(data.partial)).not.toContain('wrong');
  });

  it.each([
    ['https://graph.microsoft.com', true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:1', true],
    ['http://[::1]:9', true],
    ['http://graph.contoso.example', false],
    ['ftp://127.0.0.1', false],
    ['not a url', false],
  ])('base URL %s accepted: %s', (url, ok) => expect(checkBaseUrl(url) !== null).toBe(ok));
});

describe('fleet from Graph equals fleet from the same data as files', () => {
  it('affected devices, join types, deletions and first steps match', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { analyzeFleet, fileSource } = await import('../src/fleet/fleet.js');
    const { fleetFromGraph } = await import('../src/graph/fleet-graph.js');
    const dir = join(import.meta.dirname, 'fixtures', 'fleet');
    const load = (f: string) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { value: Record<string, unknown>[] }).value;
    const data: FakeTenant = { devices: load('graph-devices.json'), signIns: load('graph-signins-page.json'), directoryAudits: load('graph-audit.json') };
    server = await startGraphServer(data);
    const asOf = new Date('2025-07-01T00:00:00Z');
    const fromGraph = await fleetFromGraph({
      auth: { kind: 'token', token: 'fake-access-token-for-tests' },
      cloud: 'global',
      graphBase: server.base,
      since: new Date('2024-01-01T00:00:00Z'),
      fleet: { asOf },
      client: { sleep: async () => {} },
    });
    expect(fromGraph.partial).toBeNull();
    const fromFiles = await analyzeFleet({
      asOf,
      inputs: await Promise.all(
        ['graph-devices.json', 'graph-signins-page.json', 'graph-audit.json'].map(async (f) => ({ source: await fileSource(join(dir, f)) })),
      ),
    });
    const shape = (r: typeof fromFiles) =>
      r.affected.map((a) => ({
        id: a.deviceId,
        join: a.joinType,
        inv: a.inventoryState,
        codes: a.errorCodes,
        n: a.failureCount,
        by: a.deletedBy,
        step: a.firstStep,
      }));
    expect(fromFiles.affected.length).toBeGreaterThan(0);
    expect(shape(fromGraph.report)).toEqual(shape(fromFiles));
  });
});

describe('dsreg-doctor fleet --graph (CLI, in process)', () => {
  async function cli(args: string[], env: Record<string, string> = {}) {
    const { main } = await import('../src/cli/cli.js');
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdin: (async function* () {})(),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { LANG: 'C', ...env },
      cwd: process.cwd(),
    });
    return { code, stdout, stderr };
  }
  const data = (): FakeTenant => {
    const t = tenant(30, 60);
    return t;
  };

  it('pulls with a token from the environment, reports progress, never prints the token', async () => {
    server = await startGraphServer(data());
    const r = await cli(['fleet', '--graph', '--graph-base', server.base, '--since', '2026-11-01', '--format', 'json'], {
      DSREG_DOCTOR_GRAPH_TOKEN: 'fake-access-token-for-tests',
    });
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.graph).toMatchObject({ cloud: 'global', partial: null, pulled: { devices: 30 } });
    expect(json.affected.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/Graph devices: 1 page\(s\), 30 row\(s\)/);
    expect(r.stdout + r.stderr).not.toContain('fake-access-token-for-tests');
    expect(r.code).toBe(1);
  });

  it('a 403 on sign-ins: partial data, the missing permission named on stderr', async () => {
    server = await startGraphServer(data(), { forbidden: 'v1.0/auditLogs/signIns' });
    const r = await cli(['fleet', '--graph', '--graph-base', server.base, '--graph-token', 'fake-access-token-for-tests', '--format', 'json']);
    expect(JSON.parse(r.stdout).graph.partial).toMatch(/partial/);
    expect(r.stderr).toMatch(/AuditLog\.Read\.All and Directory\.Read\.All.*Reports Reader/);
  });

  it.each([
    [['--graph-base', 'http://graph.contoso.example'], /https:\/\//],
    [['--login-base', 'https://login.contoso.example'], /loopback/],
    [['--kql'], /--kql/],
    [['--certificate', '/etc/hostname', '--tenant', 't', '--client-id', 'c'], /not a usable certificate/],
    [['--since', 'yesterday'], /--since/],
    [['--cloud', 'mars'], /--cloud/],
    [['--client-secret', 'x'], /--tenant and --client-id/],
  ])('bad Graph options %j → exit 2', async (extra, message) => {
    const r = await cli(['fleet', '--graph', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('serve --graph: the Fleet view loads from Graph', () => {
  it('the adapter pulls once per load and returns re-readable sources and the report', async () => {
    server = await startGraphServer(tenant(20, 40), { forbidden: 'v1.0/auditLogs/directoryAudits' });
    const { webFleetFromGraph, graphSettings } = await import('../src/cli/graph-options.js');
    const { translator } = await import('../src/i18n/format.js');
    let stderr = '';
    const ctx = {
      io: { stdin: (async function* () {})(), stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: '.' },
      lang: 'en' as const,
      t: translator('en'),
      args: [],
    };
    const settings = await graphSettings({ graph: true, 'graph-base': server.base, 'graph-token': 'fake-access-token-for-tests', since: '2026-11-01' }, ctx);
    const load = webFleetFromGraph(settings, ctx);
    const result = await load({ lang: 'ja' });
    if (!('report' in result)) throw new Error('expected report + sources');
    expect(result.report.affected.length).toBeGreaterThan(0);
    expect(result.sources).toHaveLength(3);
    expect(result.warnings?.[0]).toMatch(/一部/);
    expect(stderr).toMatch(/Graph devices/);
  });
});
