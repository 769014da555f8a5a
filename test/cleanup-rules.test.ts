import { describe, expect, it } from 'vitest';
import { readSideList } from '../src/cleanup/lists.js';
import { type HoldReason, planCleanup } from '../src/cleanup/staged.js';
import { analyzeFleet, type FleetAggregator, memorySource } from '../src/fleet/fleet.js';

/** Each hold-back rule on one hand-made device (labels written from the issue and 07 §4 first). */

const AS_OF = Date.parse('2025-06-04T00:00:00Z');
const OLD = '2025-01-01T00:00:00Z';
const id = (n: number) => `eeeeeeee-0000-4000-8000-${String(n).padStart(12, '0')}`;
const obj = (n: number) => `0e000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Case {
  n: number;
  label: string;
  device: Record<string, unknown>;
  expect: 'disable' | 'not-candidate' | HoldReason;
}

const CASES: Case[] = [
  { n: 1, label: 'stale Entra joined, unmanaged, no keys', device: {}, expect: 'disable' },
  { n: 2, label: 'blank timestamp, an old sign-in in the logs', device: { approximateLastSignInDateTime: null }, expect: 'blank-activity' },
  { n: 3, label: 'old timestamp, a sign-in inside the window', device: {}, expect: 'active' },
  { n: 4, label: 'Autopilot (ZTDID)', device: { physicalIds: ['[ZTDID]:abc', '[USER-GID]:x'] }, expect: 'autopilot' },
  { n: 5, label: 'hybrid joined', device: { trustType: 'ServerAd' }, expect: 'hybrid' },
  { n: 6, label: 'MDM-managed', device: { isManaged: true }, expect: 'mdm-managed' },
  { n: 7, label: 'printer', device: { operatingSystem: 'Printer', trustType: 'AzureAd' }, expect: 'printer' },
  { n: 8, label: 'recent timestamp', device: { approximateLastSignInDateTime: '2025-05-30T00:00:00Z' }, expect: 'not-candidate' },
  { n: 9, label: 'already disabled', device: { accountEnabled: false }, expect: 'not-candidate' },
  { n: 10, label: 'a wrong-password failure inside the window', device: {}, expect: 'active' },
  { n: 11, label: 'BitLocker keys, not backed up', device: {}, expect: 'bitlocker-not-backed-up' },
  { n: 12, label: 'BitLocker keys saved with their values', device: {}, expect: 'disable' },
  { n: 13, label: 'in the Autopilot export', device: {}, expect: 'autopilot' },
  { n: 14, label: 'a 135011 failure inside the window', device: {}, expect: 'active' },
];

const inventory = JSON.stringify({
  value: CASES.map((c) => ({
    id: obj(c.n),
    deviceId: id(c.n),
    displayName: `PC-${c.n}`,
    accountEnabled: true,
    operatingSystem: 'Windows',
    trustType: 'AzureAd',
    isManaged: false,
    approximateLastSignInDateTime: OLD,
    physicalIds: [],
    ...c.device,
  })),
});

const signIn = (n: number, time: string, code: number) => ({
  id: `s${n}-${code}`,
  createdDateTime: time,
  userPrincipalName: 'u@contoso.com',
  appDisplayName: 'Microsoft Teams',
  status: { errorCode: code },
  deviceDetail: { deviceId: id(n), displayName: `PC-${n}`, operatingSystem: 'Windows', trustType: 'Azure AD joined' },
});
const signIns = JSON.stringify({
  value: [
    signIn(2, '2025-02-01T00:00:00Z', 0),
    signIn(3, '2025-05-20T00:00:00Z', 0),
    signIn(10, '2025-05-25T00:00:00Z', 50126),
    signIn(14, '2025-05-26T00:00:00Z', 135011),
  ],
});
const keys = JSON.stringify({
  value: [
    { id: 'k11', createdDateTime: OLD, volumeType: 'operatingSystemVolume', deviceId: id(11) },
    { id: 'k12', createdDateTime: OLD, volumeType: 'operatingSystemVolume', deviceId: id(12), key: '111111-222222-333333-444444-555555-666666-777777-888888' },
  ],
});
const autopilotCsv = `id,serialNumber,groupTag,azureActiveDirectoryDeviceId,enrollmentState\r\nap1,SN1,Sales,${id(13)},enrolled\r\n`;

describe('hold-back rules, one device each', async () => {
  let agg: FleetAggregator | undefined;
  await analyzeFleet({
    inputs: [inventory, signIns, keys].map((t, i) => ({ source: memorySource(`in${i}`, t), as: 'auto' as const })),
    asOf: new Date(AS_OF),
    onAggregate: (a) => (agg = a),
  });
  const plan = planCleanup({
    agg: agg as FleetAggregator,
    asOf: AS_OF,
    stage: 1,
    staleDays: 90,
    autopilot: new Set(readSideList('autopilot.csv', autopilotCsv).ids),
    autopilotGiven: true,
    bitlockerBackedUp: new Set(readSideList('keys.json', keys, 'bitlocker-backup').ids),
  });
  for (const c of CASES) {
    it(`${c.n}: ${c.label} → ${c.expect}`, () => {
      const onDisable = plan.disable.some((d) => d.deviceId === id(c.n));
      const held = plan.heldBack.find((d) => d.deviceId === id(c.n));
      if (c.expect === 'disable') {
        expect(onDisable).toBe(true);
      } else if (c.expect === 'not-candidate') {
        expect(onDisable).toBe(false);
        expect(held).toBeUndefined();
      } else {
        expect(onDisable).toBe(false);
        expect(held?.reasons).toContain(c.expect);
      }
    });
  }
  it('counts the candidates and warns about nothing given', () => {
    expect(plan.candidates).toBe(CASES.filter((c) => c.expect !== 'not-candidate').length);
    expect(plan.warnings).toEqual([]);
  });
});
