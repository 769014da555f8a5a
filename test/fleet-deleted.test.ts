import { describe, expect, it } from 'vitest';
import { analyzeFleet, memorySource } from '../src/fleet/fleet.js';
import { cleanupScript } from '../src/script/cleanup.js';
import { restorableDevices } from '../src/fleet/deleted-devices.js';
import { parsePowerShell } from './powershell-grammar.js';

/**
 * Deleted-device lists (07 §5): an affected device found in the deleted items is soft-deleted,
 * restorable for 30 days after its deletion, and its first step is to restore the object.
 * Expected answers written from the domain notes before running the code.
 */

const AS_OF = new Date('2025-06-04T00:00:00Z');
const A = 'aaaaaaaa-0000-4000-8000-000000000001'; // Entra joined, deleted 3 days ago → restorable until 2025-07-01
const B = 'bbbbbbbb-0000-4000-8000-000000000002'; // Entra registered, deleted 40 days ago → expired
const C = 'cccccccc-0000-4000-8000-000000000003'; // hybrid joined, hard-deleted: not in the list
const D = 'dddddddd-0000-4000-8000-000000000004'; // Entra joined, deleted 25 days ago → restorable until 2025-06-09
const OBJ = (id: string) => `0b${id.slice(2)}`;

function signIns(): string {
  const rows = [
    [A, 'Azure AD joined'],
    [B, 'Azure AD registered'],
    [C, 'Hybrid Azure AD joined'],
    [D, 'Azure AD joined'],
  ].map(([id, trust], i) => ({
    id: `req-${i}`,
    createdDateTime: `2025-06-0${i + 1}T08:00:00Z`,
    userPrincipalName: `user${i}@contoso.com`,
    appDisplayName: 'Microsoft Teams',
    status: { errorCode: 700003, failureReason: 'Device object was not found in the tenant directory.' },
    deviceDetail: { deviceId: id, displayName: `PC-${i}`, operatingSystem: 'Windows10', trustType: trust },
  }));
  return JSON.stringify({ value: rows });
}

const graphBeta = JSON.stringify({
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/deletedItems/microsoft.graph.device',
  value: [
    {
      id: OBJ(A),
      deletedDateTime: '2025-06-01T00:00:00Z',
      accountEnabled: true,
      deviceId: A,
      displayName: 'PC-0',
      operatingSystem: 'Windows',
      trustType: 'AzureAd',
    },
    {
      id: OBJ(B),
      deletedDateTime: '2025-04-25T00:00:00Z',
      accountEnabled: true,
      deviceId: B,
      displayName: 'PC-1',
      operatingSystem: 'Windows',
      trustType: 'Workplace',
    },
    {
      id: OBJ(D),
      deletedDateTime: '2025-05-10T00:00:00Z',
      accountEnabled: true,
      deviceId: D,
      displayName: 'PC-3',
      operatingSystem: 'Windows',
      trustType: 'AzureAd',
    },
  ],
});

// Get-EntraDeletedDevice | Export-Csv -NoTypeInformation
const entraCsv = [
  '"DeletedDateTime","Id","AccountEnabled","ApproximateLastSignInDateTime","DeviceId","DisplayName","IsCompliant","IsManaged","OperatingSystem","TrustType","DeletionAgeInDays"',
  `"2025-06-01T00:00:00Z","${OBJ(A)}","True","2025-05-30T00:00:00Z","${A}","PC-0","False","False","Windows","AzureAd","3"`,
  `"2025-04-25T00:00:00Z","${OBJ(B)}","True","2025-04-20T00:00:00Z","${B}","PC-1","False","False","Windows","Workplace","40"`,
  `"2025-05-10T00:00:00Z","${OBJ(D)}","True","2025-05-09T00:00:00Z","${D}","PC-3","False","False","Windows","AzureAd","25"`,
].join('\r\n');

// Get-MgDirectoryDeletedItemAsDevice -All | ConvertTo-Json (PascalCase properties)
const mgJson = JSON.stringify([
  { Id: OBJ(A), DeletedDateTime: '2025-06-01T00:00:00Z', DeviceId: A, DisplayName: 'PC-0', TrustType: 'AzureAd', AccountEnabled: true },
  { Id: OBJ(B), DeletedDateTime: '2025-04-25T00:00:00Z', DeviceId: B, DisplayName: 'PC-1', TrustType: 'Workplace', AccountEnabled: true },
  { Id: OBJ(D), DeletedDateTime: '2025-05-10T00:00:00Z', DeviceId: D, DisplayName: 'PC-3', TrustType: 'AzureAd', AccountEnabled: true },
]);

describe('fleet with deleted-device lists', () => {
  for (const [name, list, first] of [
    ['graph beta deletedItems JSON', graphBeta, true],
    ['Get-EntraDeletedDevice CSV', entraCsv, true],
    ['Get-MgDirectoryDeletedItemAsDevice JSON', mgJson, false],
  ] as const) {
    it(`${name}, in ${first ? 'first' : 'second'} input position`, async () => {
      const inputs = [
        { source: memorySource('signins.json', signIns()), as: 'auto' as const },
        { source: memorySource('deleted', list), as: 'auto' as const },
      ];
      if (first) inputs.reverse();
      const report = await analyzeFleet({ inputs, asOf: AS_OF });
      const listInput = report.inputs.find((i) => i.name === 'deleted');
      expect(listInput?.format).toMatch(/^deleted-devices-/);
      expect(listInput?.rows.used).toBe(3);
      const by = new Map(report.affected.map((a) => [a.deviceId, a]));
      // restorable ones first, fewest days left first
      expect(report.affected.map((a) => a.deviceId).slice(0, 2)).toEqual([D, A]);
      expect(by.get(A)).toMatchObject({
        inventoryState: 'soft-deleted',
        deletedAt: '2025-06-01T00:00:00Z',
        restorableUntil: '2025-07-01T00:00:00Z',
        firstStep: 'restore-device-object',
        objectId: OBJ(A),
      });
      expect(by.get(D)).toMatchObject({ inventoryState: 'soft-deleted', restorableUntil: '2025-06-09T00:00:00Z', firstStep: 'restore-device-object' });
      // expired: stated, but no restore
      expect(by.get(B)?.restorableUntil).toBe('2025-05-25T00:00:00Z');
      expect(by.get(B)?.inventoryState).not.toBe('soft-deleted');
      expect(by.get(B)?.firstStep).not.toBe('restore-device-object');
      // hybrid: never soft-deleted, never restored
      expect(by.get(C)?.restorableUntil).toBeUndefined();
      expect(by.get(C)?.firstStep).not.toBe('restore-device-object');
      expect(restorableDevices(report.affected).map((a) => a.deviceId)).toEqual([D, A]);
    });
  }

  it('a live inventory row beats a deleted entry for the same device id', async () => {
    const inventory = JSON.stringify({
      value: [
        {
          id: 'f0000000-0000-4000-8000-000000000000',
          deviceId: A,
          accountEnabled: true,
          trustType: 'AzureAd',
          displayName: 'PC-0',
          approximateLastSignInDateTime: '2025-06-01T00:00:00Z',
        },
      ],
    });
    const report = await analyzeFleet({
      inputs: [signIns(), graphBeta, inventory].map((t, i) => ({ source: memorySource(`in${i}`, t), as: 'auto' as const })),
      asOf: AS_OF,
    });
    const a = report.affected.find((x) => x.deviceId === A);
    expect(a?.inventoryState).toBe('present');
    expect(a?.firstStep).not.toBe('restore-device-object');
    expect(report.affected.find((x) => x.deviceId === D)?.inventoryState).toBe('soft-deleted');
  });

  it('the restore script parses and restores by object id only with -Apply', async () => {
    const report = await analyzeFleet({
      inputs: [signIns(), graphBeta].map((t, i) => ({ source: memorySource(`in${i}`, t), as: 'auto' as const })),
      asOf: AS_OF,
    });
    const text = cleanupScript('restore', restorableDevices(report.affected), 'ja');
    const parsed = await parsePowerShell(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.commands).toContain('Restore-MgDirectoryDeletedItem');
    expect(parsed.commands).not.toContain('Remove-MgDevice');
    expect(text).toContain(`ObjectId = '${OBJ(A)}'`);
    expect(text).not.toContain(`ObjectId = '${OBJ(B)}'`);
    expect(text.indexOf("if (-not $Apply) { Write-Note 'cleanup.script.dryRun'")).toBeLessThan(
      text.indexOf('Restore-MgDirectoryDeletedItem -DirectoryObjectId $d.ObjectId'),
    );
  });
});
