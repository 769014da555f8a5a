import { afterEach, describe, expect, it } from 'vitest';
import { graphFailureText } from '../src/cli/graph-options.js';
import { analyzeFleet, memorySource } from '../src/fleet/fleet.js';
import { GraphClient } from '../src/graph/client.js';
import { pullFleetData } from '../src/graph/pull.js';
import { translator } from '../src/i18n/format.js';
import { type FakeTenant, type GraphServer, startGraphServer } from './graph-server.js';

/** fleet --graph reads the deleted devices (beta deletedItems, paged) when permitted and names the permission when not. */

const SINCE = new Date('2026-11-19T00:00:00Z');
const AS_OF = new Date('2026-11-26T00:00:00Z');
const id = (i: number) => `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`;
const noSleep = { sleep: async () => {}, random: () => 0.5 };

function tenant(): FakeTenant {
  return {
    devices: [],
    signIns: [
      {
        id: 's1',
        createdDateTime: '2026-11-25T09:00:00Z',
        userPrincipalName: 'u@contoso.com',
        appDisplayName: 'Microsoft Teams',
        status: { errorCode: 700003, failureReason: 'Device object was not found in the tenant directory.' },
        deviceDetail: { deviceId: id(1200), displayName: 'PC-1200', operatingSystem: 'Windows', trustType: 'Azure AD joined' },
      },
    ],
    directoryAudits: [],
    // 1,500 deleted devices: two pages of 999
    deletedDevices: Array.from({ length: 1500 }, (_, i) => ({
      id: `0b000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      deletedDateTime: '2026-11-20T00:00:00Z',
      deviceId: id(i),
      displayName: `PC-${i}`,
      accountEnabled: true,
      trustType: 'AzureAd',
    })),
  };
}

let server: GraphServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('Graph deleted devices', () => {
  it('pages through the deleted items and the affected device becomes soft-deleted, restorable', async () => {
    server = await startGraphServer(tenant());
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.partial).toBeNull();
    expect(data.deletedDevices).toHaveLength(1500);
    expect(server.requests.filter((r) => r.url.startsWith('/beta/directory/deletedItems/microsoft.graph.device')).length).toBe(2);
    const report = await analyzeFleet({
      inputs: [
        { source: memorySource('graph-signins.json', JSON.stringify({ value: data.signIns })), as: 'auto' },
        { source: memorySource('graph-deletedDevices.json', JSON.stringify({ value: data.deletedDevices })), as: 'auto' },
      ],
      asOf: AS_OF,
    });
    expect(report.affected[0]).toMatchObject({
      deviceId: id(1200),
      inventoryState: 'soft-deleted',
      restorableUntil: '2026-12-20T00:00:00Z',
      firstStep: 'restore-device-object',
    });
  });

  it('403 on the deleted items names the permission and keeps the rest', async () => {
    server = await startGraphServer(tenant(), { forbidden: 'beta/directory/deletedItems/microsoft.graph.device' });
    const client = new GraphClient({ base: server.base, token: async () => 'fake-access-token-for-tests', ...noSleep });
    const data = await pullFleetData(client, SINCE);
    expect(data.signIns).toHaveLength(1);
    expect(data.partial).toMatchObject({ dataset: 'deletedDevices', failure: { kind: 'permission', status: 403, permission: 'Device.Read.All' } });
    const text = graphFailureText(data.partial?.failure ?? { kind: 'auth', request: '', detail: '' }, translator('en'));
    expect(text).toContain('Device.Read.All');
    expect(text).toContain('Cloud Device Administrator');
  });
});
