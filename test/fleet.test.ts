import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyzeFleet, type FleetInput, type FleetReport, fileSource, memorySource } from '../src/fleet/fleet.js';
import { AFFECTED, AUDIT_ROWS, D, DEVICE_ROWS, O, SIGNIN_ROWS, STALE_90, STATUS_ROWS, SUMMARY } from './fleet-expected.js';
import { ROOT } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const fix = (name: string) => join(FIX, name);
const text = (name: string) => readFileSync(fix(name), 'utf8');
const AS_OF = new Date('2025-06-04T00:00:00Z');

async function statuses() {
  return Promise.all(readdirSync(fix('statuses')).map((f) => fileSource(join(FIX, 'statuses', f))));
}

async function run(signins: FleetInput[], devices: string, audit: string, extra: Partial<Parameters<typeof analyzeFleet>[0]> = {}): Promise<FleetReport> {
  return analyzeFleet({
    inputs: [...signins, { source: await fileSource(fix(devices)), as: 'devices' }, { source: await fileSource(fix(audit)), as: 'audit' }],
    statuses: await statuses(),
    asOf: AS_OF,
    ...extra,
  });
}

const files = async (...names: string[]): Promise<FleetInput[]> =>
  Promise.all(names.map(async (n) => ({ source: await fileSource(fix(n)), as: 'signins' as const })));
const mem = (name: string, content: string | Uint8Array): FleetInput[] => [{ source: memorySource(name, content), as: 'signins' }];

/** Excel re-saves: what admins send after opening the download. */
const excelJapanese = (csv: string) => iconv.encode(csv.replace(/Alice Ito/g, '伊藤 アリス').replace(/Bob Sato/g, '佐藤 ボブ'), 'cp932');
const unicodeText = (csv: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(toTsv(csv), 'utf16le')]);
function toTsv(csv: string): string {
  // the fixtures quote only fields with commas or quotes; a tab-separated save keeps the quotes
  return csv.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t');
}

const SIGNIN_FORMATS: { name: string; format: string; inputs: () => Promise<FleetInput[]> }[] = [
  {
    name: 'admin center CSV, interactive + non-interactive',
    format: 'entra-signins-csv',
    inputs: () => files('entra-interactive-signins.csv', 'entra-noninteractive-signins.csv'),
  },
  { name: 'admin center JSON download', format: 'graph-signins-json', inputs: () => files('entra-signins-download.json') },
  { name: 'Graph signIns page (value array)', format: 'graph-signins-json', inputs: () => files('graph-signins-page.json') },
  { name: 'Graph signIns pages, one per line', format: 'graph-signins-json', inputs: () => files('graph-signins-pages.jsonl') },
  { name: 'JSON Lines of sign-ins', format: 'graph-signins-json', inputs: () => files('graph-signins.jsonl') },
  {
    name: 'Log Analytics CSV, SigninLogs + AADNonInteractiveUserSignInLogs',
    format: 'log-analytics-signins-csv',
    inputs: () => files('la-signinlogs.csv', 'la-noninteractive.csv'),
  },
  { name: 'Azure Monitor diagnostic-settings JSON', format: 'azure-monitor-signins-json', inputs: () => files('azure-monitor-signins.json') },
  {
    name: 'admin center CSV re-saved by Japanese Excel (cp932)',
    format: 'entra-signins-csv',
    inputs: async () => [
      ...mem('interactive-ja.csv', excelJapanese(text('entra-interactive-signins.csv'))),
      ...mem('noninteractive-ja.csv', excelJapanese(text('entra-noninteractive-signins.csv'))),
    ],
  },
  {
    name: 'admin center CSV saved as Unicode text (UTF-16LE, tabs)',
    format: 'entra-signins-csv',
    inputs: async () => [
      ...mem('interactive.txt', unicodeText(text('entra-interactive-signins.csv'))),
      ...mem('noninteractive.txt', unicodeText(text('entra-noninteractive-signins.csv'))),
    ],
  },
  {
    name: 'Log Analytics CSV with a UTF-8 BOM and LF line ends, in one file',
    format: 'log-analytics-signins-csv',
    inputs: async () =>
      mem('la.csv', `\ufeff${text('la-signinlogs.csv')}${text('la-noninteractive.csv').split('\r\n').slice(1).join('\r\n')}`.replace(/\r\n/g, '\n')),
  },
];

describe('fleet: every sign-in format gives the hand-checked result', () => {
  // every inventory and audit shape comes round with some sign-in format
  const DEVICES = ['entra-devices.csv', 'graph-devices.json', 'mgdevice.json', 'mgdevice-export.csv'];
  const AUDITS = ['entra-audit.csv', 'graph-audit.json', 'la-auditlogs.csv', 'azure-monitor-audit.json'];
  const combos = SIGNIN_FORMATS.map((f, i) => ({
    ...f,
    devices: DEVICES[i % DEVICES.length] ?? '',
    audit: AUDITS[(i + Math.floor(i / 4)) % AUDITS.length] ?? '',
  }));
  it.each(combos)('$name (+ $devices, $audit)', async ({ inputs, format, devices, audit }) => {
    const report = await run(await inputs(), devices, audit);
    expect(report.affected.map((d) => ({ ...pickKeys(d, Object.keys(AFFECTED[0] ?? {})) }))).toEqual(AFFECTED);
    expect(report.summary).toEqual(SUMMARY);
    const signinInputs = report.inputs.filter((i) => i.kind === 'signins');
    expect(new Set(signinInputs.map((i) => i.format))).toEqual(new Set([format]));
    expect(sumRows(signinInputs)).toEqual(SIGNIN_ROWS);
    expect(report.inputs.find((i) => i.kind === 'devices')?.rows).toEqual(DEVICE_ROWS);
    expect(report.inputs.find((i) => i.kind === 'audit')?.rows).toEqual(AUDIT_ROWS);
    expect(report.inputs.find((i) => i.kind === 'statuses')?.rows).toEqual(STATUS_ROWS);
    for (const i of report.inputs) expect(i.error, i.name).toBeNull();
    // the reconciliation the issue asks for
    expect(report.rows.read).toBe(report.rows.used + report.rows.skipped);
    expect(Object.values(report.rows.skippedByReason).reduce((a, b) => a + b, 0)).toBe(report.rows.skipped);
  });

  it('the documented exports have no unknown columns', async () => {
    const report = await run(
      await files('entra-interactive-signins.csv', 'la-signinlogs.csv', 'mgdevice-export.csv', 'la-auditlogs.csv'),
      'entra-devices.csv',
      'entra-audit.csv',
    );
    expect(report.inputs).toHaveLength(7);
    for (const i of report.inputs) expect(i.unknownColumns, i.name).toEqual([]);
  });

  it('the per-device facts the summary does not show', async () => {
    const report = await run(await files('graph-signins.jsonl'), 'entra-devices.csv', 'entra-audit.csv');
    const byId = new Map(report.affected.map((d) => [d.deviceId, d]));
    expect(byId.get(D(1))).toMatchObject({
      os: 'Windows 11',
      statusFile: expect.stringContaining('con-lt-001.txt'),
      failuresByCode: { AADSTS700003: 3 },
      userCount: 1,
    });
    expect(byId.get(D(2))).toMatchObject({ os: 'Windows 10.0.19045.4412', statusFile: null });
    expect(byId.get(D(3))?.failuresByCode).toEqual({ AADSTS700003: 1, AADSTS50155: 1 });
  });
});

function pickKeys(o: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (o as Record<string, unknown>)[k];
  return out;
}

function sumRows(inputs: FleetReport['inputs']) {
  const total = { read: 0, used: 0, skipped: 0, skippedByReason: {} as Record<string, number> };
  for (const i of inputs) {
    total.read += i.rows.read;
    total.used += i.rows.used;
    total.skipped += i.rows.skipped;
    for (const [k, v] of Object.entries(i.rows.skippedByReason)) total.skippedByReason[k] = (total.skippedByReason[k] ?? 0) + v;
  }
  return total;
}

describe('fleet: without an inventory or an audit log', () => {
  it('says unknown instead of guessing', async () => {
    const report = await analyzeFleet({ inputs: await files('graph-signins.jsonl'), asOf: AS_OF });
    const d1 = report.affected.find((d) => d.deviceId === D(1));
    expect(d1).toMatchObject({ inventoryState: 'unknown', joinType: 'unknown', joinTypeSource: 'unknown', deletedBy: null, displayName: null });
    // no join type: the plan asks for the full status first
    expect(d1?.firstStep).toBe('collect-full-status');
    const d2 = report.affected.find((d) => d.deviceId === D(2));
    expect(d2).toMatchObject({
      joinType: 'hybrid-joined',
      joinTypeSource: 'signin',
      inventoryState: 'unknown',
      cause: 'disabled',
      firstStep: 'enable-device-object',
    });
    expect(report.summary.inventory).toBeNull();
    expect(report.summary.audit).toBeNull();
    expect(report.summary.statuses).toBeNull();
    expect(report.cleanup).toBeNull();
  });
});

describe('fleet: cleanup impact', () => {
  it('--stale-days 90 flags the device that still signs in, the hybrid one, and the order', async () => {
    const report = await run(await files('entra-interactive-signins.csv', 'entra-noninteractive-signins.csv'), 'entra-devices.csv', 'entra-audit.csv', {
      staleDays: 90,
    });
    expect(report.cleanupImpact.map((e) => pickKeys(e, Object.keys(STALE_90[0] ?? {})))).toEqual(STALE_90);
    expect(report.cleanup).toEqual({
      source: 'stale-days',
      staleDays: 90,
      asOf: '2025-06-04T00:00:00Z',
      candidates: 4,
      byRisk: { high: 1, medium: 1, low: 2 },
      byReason: { 'signs-in': 1, hybrid: 1 },
      blankTimestamp: 1,
      notInInventory: 0,
      order: ['exclude-active', 'hybrid-on-premises', 'disable', 'wait', 'delete'],
    });
  });

  it('a BitLocker recovery key list marks the devices whose keys deletion would remove', async () => {
    const report = await run(await files('graph-signins.jsonl', 'bitlocker-keys.json'), 'entra-devices.csv', 'entra-audit.csv', { staleDays: 90 });
    expect(report.inputs.find((i) => i.kind === 'bitlocker-keys')).toMatchObject({ format: 'bitlocker-keys-json', rows: { read: 3, used: 3, skipped: 0 } });
    expect(report.cleanupImpact.slice(0, 2).map((e) => pickKeys(e, ['deviceId', 'risk', 'reasons', 'recommendedAction']))).toEqual([
      { deviceId: D(6), risk: 'high', reasons: ['signs-in', 'bitlocker-keys'], recommendedAction: 'keep' },
      { deviceId: D(7), risk: 'medium', reasons: ['hybrid', 'bitlocker-keys'], recommendedAction: 'delete-on-premises' },
    ]);
    expect(report.cleanup?.order).toEqual(['exclude-active', 'back-up-bitlocker-keys', 'hybrid-on-premises', 'disable', 'wait', 'delete']);
  });

  it('the Graph inventory shows Autopilot devices (ZTDID), which must be cleaned up in Intune', async () => {
    const report = await run(await files('graph-signins.jsonl'), 'graph-devices.json', 'graph-audit.json', { staleDays: 90 });
    expect(report.cleanupImpact.find((e) => e.deviceId === D(8))).toMatchObject({
      risk: 'medium',
      reasons: ['autopilot'],
      recommendedAction: 'clean-up-in-intune',
    });
  });

  it('--planned-deletions: a list of device and object ids, braces, case and junk lines', async () => {
    const report = await run(await files('graph-signins.jsonl'), 'entra-devices.csv', 'entra-audit.csv', {
      plannedDeletions: await fileSource(fix('planned-deletions.txt')),
    });
    const planned = report.inputs.find((i) => i.kind === 'planned-deletions');
    expect(planned?.format).toBe('id-list');
    expect(planned?.rows).toEqual({ read: 5, used: 4, skipped: 1, skippedByReason: { 'no-id': 1 } });
    expect(planned?.problems).toEqual([{ line: 5, reason: 'no-id' }]);
    expect(report.cleanupImpact.map((e) => pickKeys(e, ['deviceId', 'objectId', 'risk', 'reasons', 'recommendedAction']))).toEqual([
      // D4, given by its object id in capitals: signs in, and Intune manages it
      { deviceId: D(4), objectId: O(4), risk: 'high', reasons: ['signs-in', 'mdm-managed'], recommendedAction: 'keep' },
      // D1 is already deleted and its user fails: the list is out of date
      { deviceId: D(1), objectId: null, risk: 'high', reasons: ['users-failing', 'not-in-inventory'], recommendedAction: 'keep' },
      { deviceId: D(7), objectId: O(7), risk: 'medium', reasons: ['hybrid'], recommendedAction: 'delete-on-premises' },
      { deviceId: '9c9c9c9c-0000-4000-8000-000000000099', objectId: null, risk: 'medium', reasons: ['not-in-inventory'], recommendedAction: 'check-id' },
    ]);
  });

  it('--planned-deletions: the filtered "Download devices" CSV a cleanup would delete', async () => {
    const csv = text('entra-devices.csv').split('\r\n');
    // keep the header and the rows of D6 and D9
    const planned = [csv[0], ...csv.filter((l) => l.includes(D(6)) || l.includes(D(9)))].join('\r\n');
    const report = await analyzeFleet({ inputs: await files('graph-signins.jsonl'), plannedDeletions: memorySource('stale.csv', planned), asOf: AS_OF });
    // no separate inventory: the facts come from the planned file itself
    expect(report.cleanupImpact.map((e) => pickKeys(e, ['deviceId', 'joinType', 'risk', 'reasons']))).toEqual([
      { deviceId: D(6), joinType: 'entra-joined', risk: 'high', reasons: ['signs-in'] },
      { deviceId: D(9), joinType: 'entra-registered', risk: 'low', reasons: [] },
    ]);
  });
});

describe('fleet: bad input is counted, reported with its line, and the rest is read', () => {
  const header = text('entra-interactive-signins.csv').split('\r\n')[0] ?? '';
  const rows = text('entra-interactive-signins.csv').split('\r\n').slice(1, 4);

  it('a row with too few columns, an unterminated quote, a bad date', async () => {
    const bad = [
      header,
      rows[0],
      'only,three,columns',
      (rows[1] ?? '').replace('2025-06-02T08:05:00Z', 'yesterday'),
      (rows[2] ?? '').replace('"Tokyo, Tokyo, JP"', '"Tokyo, Tokyo, JP'),
      rows[0],
    ].join('\r\n');
    const report = await analyzeFleet({ inputs: mem('bad.csv', bad), asOf: AS_OF });
    const input = report.inputs[0];
    expect(input?.rows).toEqual({ read: 5, used: 2, skipped: 3, skippedByReason: { 'wrong-column-count': 1, 'missing-time': 1, 'malformed-csv': 1 } });
    expect(input?.problems).toEqual([
      { line: 3, reason: 'wrong-column-count' },
      { line: 4, reason: 'missing-time' },
      { line: 5, reason: 'malformed-csv' },
    ]);
    expect(report.affected[0]?.failureCount).toBe(2);
  });

  it('broken JSON lines and a truncated download', async () => {
    const lines = text('graph-signins.jsonl').split('\n');
    const jsonl = [lines[0], '{"createdDateTime": "2025-06-02T08:00:00Z", "status": {', lines[1], '42', lines[2]].join('\n');
    const report = await analyzeFleet({ inputs: mem('broken.jsonl', jsonl), asOf: AS_OF });
    expect(report.inputs[0]?.rows).toEqual({ read: 5, used: 3, skipped: 2, skippedByReason: { 'invalid-json': 1, 'not-an-object': 1 } });
    expect(report.inputs[0]?.problems).toEqual([
      { line: 2, reason: 'invalid-json' },
      { line: 4, reason: 'not-an-object' },
    ]);
    const page = text('graph-signins-page.json');
    const cut = page.slice(0, page.indexOf('"id": "a1b2c3d4-0000-4000-8000-000000000005"'));
    const truncated = await analyzeFleet({ inputs: mem('cut.json', cut), asOf: AS_OF });
    expect(truncated.inputs[0]?.rows).toMatchObject({ read: 5, used: 4, skipped: 1, skippedByReason: { 'truncated-json': 1 } });
  });

  it('a missing file, an empty file and a file that is no export are reported, and the others read', async () => {
    const report = await analyzeFleet({
      inputs: [
        { source: await fileSource(fix('no-such-file.csv')), as: 'signins' },
        { source: memorySource('empty.csv', ''), as: 'signins' },
        { source: memorySource('notes.csv', 'name,colour\nalice,blue\n'), as: 'devices' },
        ...(await files('graph-signins.jsonl')),
      ],
      asOf: AS_OF,
    });
    expect(report.inputs.map((i) => i.error)).toEqual(['not-found', 'empty', 'unrecognized-csv', null]);
    expect(report.inputs[2]?.errorDetail).toBe('name, colour');
    expect(report.affected).toHaveLength(4);
  });

  it('the content decides the kind, not the option or the file name', async () => {
    const report = await analyzeFleet({
      inputs: [
        { source: await fileSource(fix('entra-devices.csv')), as: 'signins' },
        { source: memorySource('devices.json', text('graph-signins.jsonl')), as: 'devices' },
      ],
      asOf: AS_OF,
    });
    expect(report.inputs.map((i) => [i.kind, i.givenAs])).toEqual([
      ['devices', 'signins'],
      ['signins', 'devices'],
    ]);
    expect(report.affected).toHaveLength(4);
  });

  it('an unknown column is reported, not fatal', async () => {
    const csv = text('entra-devices.csv')
      .replace('displayName,', 'displayName,Lieblingsfarbe,')
      .replace(/\r\n(CON-[A-Z]+-\d+),/g, '\r\n$1,blau,');
    const report = await analyzeFleet({ inputs: [{ source: memorySource('devices.csv', csv) }], asOf: AS_OF });
    expect(report.inputs[0]?.unknownColumns).toEqual(['Lieblingsfarbe']);
    expect(report.inputs[0]?.rows.used).toBe(8);
  });
});

describe('fleet: streaming', () => {
  it('gives the same result when the bytes arrive one small chunk at a time', async () => {
    const whole = await analyzeFleet({ inputs: await files('graph-signins-page.json', 'la-signinlogs.csv', 'la-noninteractive.csv'), asOf: AS_OF });
    const trickle = (name: string) => {
      const bytes = readFileSync(fix(name));
      return {
        source: {
          name,
          async *open() {
            for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
          },
        },
      };
    };
    const split = await analyzeFleet({
      inputs: [trickle('graph-signins-page.json'), trickle('la-signinlogs.csv'), trickle('la-noninteractive.csv')],
      asOf: AS_OF,
    });
    expect(split.affected).toEqual(whole.affected);
    expect(split.rows).toEqual(whole.rows);
  });

  it('reports progress while reading', async () => {
    const seen: number[] = [];
    await analyzeFleet({ inputs: await files('graph-signins-page.json'), asOf: AS_OF, onProgress: (p) => seen.push(p.bytes) });
    expect(seen.at(-1)).toBe(readFileSync(fix('graph-signins-page.json')).length);
  });
});
