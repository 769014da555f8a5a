import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateColumns } from '../src/fleet/dates.js';
import { analyzeFleet, type FleetInput, type FleetReport, fileSource, memorySource, parseColumnMapping } from '../src/fleet/fleet.js';
import { canonicalHeader } from '../src/fleet/schema.js';
import { joinTypeFromTrust, parseTime } from '../src/fleet/values.js';
import { AFFECTED, AUDIT_ROWS, D, DEVICE_ROWS, O, SIGNIN_ROWS, STALE_90, SUMMARY } from './fleet-expected.js';
import { startGraphServer } from './graph-server.js';
import { ROOT } from './helpers.js';

/**
 * The exports admins really send (test/fixtures/fleet/exports, README there): each is the same
 * tenant as the English fixtures, so each must give the hand-checked answer of fleet-expected.ts,
 * or the answer written next to it here.
 */

const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const EXP = join(FIX, 'exports');
const AS_OF = new Date('2025-06-04T00:00:00Z');
const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');

const at = (dir: string) => (name: string) => join(dir, name);
const fix = at(FIX);
const exp = at(EXP);
const input = async (path: string, as: FleetInput['as'] = 'auto'): Promise<FleetInput> => ({ source: await fileSource(path), as });
const statuses = async () => Promise.all(readdirSync(fix('statuses')).map((f) => fileSource(join(FIX, 'statuses', f))));
const pair = (prefix: string) => [exp(`${prefix}-interactive.csv`), exp(`${prefix}-noninteractive.csv`)];
const ENGLISH_SIGNINS = [fix('entra-interactive-signins.csv'), fix('entra-noninteractive-signins.csv')];

async function analyze(
  paths: { signins: string[]; devices?: string[]; audit?: string[]; statuses?: boolean },
  extra: Partial<Parameters<typeof analyzeFleet>[0]> = {},
): Promise<FleetReport> {
  const inputs: FleetInput[] = [];
  for (const p of paths.signins) inputs.push(await input(p, 'signins'));
  for (const p of paths.devices ?? []) inputs.push(await input(p, 'devices'));
  for (const p of paths.audit ?? []) inputs.push(await input(p, 'audit'));
  return analyzeFleet({ inputs, ...(paths.statuses === false ? {} : { statuses: await statuses() }), asOf: AS_OF, ...extra });
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (o as Record<string, unknown>)[k];
  return out;
}
const affectedOf = (r: FleetReport) => r.affected.map((d) => pick(d, Object.keys(AFFECTED[0] ?? {})));

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

function reconciles(r: FleetReport): void {
  for (const i of [...r.inputs, { name: 'total', rows: r.rows }]) {
    expect(i.rows.read, i.name).toBe(i.rows.used + i.rows.skipped);
    expect(
      Object.values(i.rows.skippedByReason).reduce((a, b) => a + b, 0),
      i.name,
    ).toBe(i.rows.skipped);
  }
}

describe('fleet exports: sign-in logs in the shapes admins send give the English answer', () => {
  const CASES: { name: string; files: string[]; format: string; encoding: string; dateOrder?: 'dmy' }[] = [
    {
      name: 'Get-MgAuditLogSignIn | ConvertTo-Json | Out-File in Windows PowerShell 5.1 (UTF-16LE, \\/Date()\\/, PascalCase)',
      files: [exp('ps51-signins.json')],
      format: 'graph-signins-json',
      encoding: 'utf-16le-bom',
    },
    {
      name: 'Log Analytics union of SigninLogs and AADNonInteractiveUserSignInLogs (DeviceDetail_dynamic / DeviceDetail_string)',
      files: [exp('la-union-signins.csv')],
      format: 'log-analytics-signins-csv',
      encoding: 'utf-8-bom',
    },
    {
      name: 'download from the Japanese admin center (Japanese headers and values)',
      files: pair('entra-signins-ja'),
      format: 'entra-signins-csv',
      encoding: 'utf-8-bom',
    },
    {
      name: 'the Japanese download re-saved by Japanese Excel (cp932, 2025/6/2 8:00)',
      files: pair('entra-signins-ja-excel-cp932'),
      format: 'entra-signins-csv',
      encoding: 'cp932',
    },
    {
      name: 'the English download re-saved by German Excel (; and Windows-1252, 02.06.2025 08:00)',
      files: pair('entra-signins-de-excel'),
      format: 'entra-signins-csv',
      encoding: 'utf-8',
    },
    {
      name: 'the English download re-saved by British Excel (02/06/2025 08:00) with --date-order dmy',
      files: pair('entra-signins-en-GB-excel'),
      format: 'entra-signins-csv',
      encoding: 'utf-8',
      dateOrder: 'dmy',
    },
  ];
  it.each(CASES)('$name', async ({ files, format, encoding, dateOrder }) => {
    const r = await analyze({ signins: files, devices: [fix('entra-devices.csv')], audit: [fix('entra-audit.csv')] }, dateOrder ? { dateOrder } : {});
    for (const i of r.inputs) expect(i.error, `${i.name}: ${i.errorDetail}`).toBeNull();
    expect(affectedOf(r)).toEqual(AFFECTED);
    expect(r.summary).toEqual(SUMMARY);
    const signins = r.inputs.filter((i) => i.kind === 'signins');
    expect(new Set(signins.map((i) => i.format))).toEqual(new Set([format]));
    // German Excel's Windows-1252 holds only ASCII here, which reads as UTF-8 too
    expect(new Set(signins.map((i) => i.encoding))).toEqual(new Set([encoding]));
    expect(sumRows(signins)).toEqual(SIGNIN_ROWS);
    reconciles(r);
  });

  it('the British re-save without --date-order is refused, naming the column; nothing is guessed', async () => {
    const r = await analyze({ signins: pair('entra-signins-en-GB-excel'), devices: [fix('entra-devices.csv')], audit: [fix('entra-audit.csv')] });
    const signins = r.inputs.filter((i) => i.kind === 'signins');
    expect(signins.map((i) => [i.error, i.errorDetail])).toEqual([
      ['ambiguous-date-order', 'Date (UTC)'],
      ['ambiguous-date-order', 'Date (UTC)'],
    ]);
    // every row counted, none used: the days are 2 and 3 of June, or 6 February and March
    expect(sumRows(signins)).toEqual({ read: 14, used: 0, skipped: 14, skippedByReason: { 'ambiguous-date': 14 } });
    expect(r.affected).toEqual([]);
    reconciles(r);
  });
});

describe('fleet exports: device lists in the shapes admins send give the English answer', () => {
  const CASES = [
    { name: 'Get-MgDevice | Export-Csv, PowerShell 5.1 en-US (#TYPE, 5/20/2025 7:00:00 AM)', file: 'ps51-mgdevice-en-US.csv', format: 'graph-devices-csv' },
    { name: 'Get-MgDevice | Export-Csv, PowerShell 5.1 en-GB (20/05/2025 07:00:00)', file: 'ps51-mgdevice-en-GB.csv', format: 'graph-devices-csv' },
    {
      name: 'Get-MgDevice | Export-Csv -Encoding UTF8, PowerShell 5.1 ja-JP (2025/05/20 7:00:00)',
      file: 'ps51-mgdevice-ja-JP.csv',
      format: 'graph-devices-csv',
    },
    {
      name: 'Get-MgDevice | Export-Csv -UseCulture, PowerShell 5.1 de-DE (; and 20.05.2025)',
      file: 'ps51-mgdevice-de-DE-useculture.csv',
      format: 'graph-devices-csv',
    },
    {
      name: 'Get-AzureADDevice | Export-Csv (AzureAD module: DeviceTrustType, ApproximateLastLogonTimeStamp)',
      file: 'azuread-devices.csv',
      format: 'azuread-devices-csv',
    },
  ];
  it.each(CASES)('$name', async ({ file, format }) => {
    const r = await analyze({ signins: ENGLISH_SIGNINS, devices: [exp(file)], audit: [fix('entra-audit.csv')] }, { staleDays: 90 });
    for (const i of r.inputs) expect(i.error, `${i.name}: ${i.errorDetail}`).toBeNull();
    const devices = r.inputs.find((i) => i.kind === 'devices');
    expect(devices?.format).toBe(format);
    expect(devices?.rows).toEqual(DEVICE_ROWS);
    expect(devices?.unknownColumns).toEqual([]);
    expect(affectedOf(r)).toEqual(AFFECTED);
    expect(r.summary).toEqual(SUMMARY);
    // the activity dates were read right: the same stale devices as the ISO export
    expect(r.cleanupImpact.map((e) => pick(e, Object.keys(STALE_90[0] ?? {})))).toEqual(STALE_90);
    reconciles(r);
  });

  it('an en-GB list whose every date could be either order is refused, and says which column and option', async () => {
    const r = await analyze({ signins: ENGLISH_SIGNINS, devices: [exp('ps51-mgdevice-en-GB-ambiguous.csv')] }, { staleDays: 90 });
    const devices = r.inputs.find((i) => i.kind === 'devices');
    expect([devices?.error, devices?.errorDetail]).toEqual(['ambiguous-date-order', 'ApproximateLastSignInDateTime']);
    expect(devices?.rows).toEqual({ read: 4, used: 0, skipped: 4, skippedByReason: { 'ambiguous-date': 4 } });
    // a refused inventory is no inventory: nothing is called "missing" from it
    expect(new Set(r.affected.map((d) => d.inventoryState))).toEqual(new Set(['unknown']));
    expect(r.summary.inventory).toBeNull();
  });

  it('the same list with --date-order dmy finds the stale devices (10/01/2025 is 10 January, not 1 October)', async () => {
    const r = await analyze({ signins: ENGLISH_SIGNINS, devices: [exp('ps51-mgdevice-en-GB-ambiguous.csv')] }, { staleDays: 90, dateOrder: 'dmy' });
    expect(r.inputs.find((i) => i.kind === 'devices')?.rows).toEqual({ read: 4, used: 4, skipped: 0, skippedByReason: {} });
    expect(r.cleanupImpact.map((e) => pick(e, Object.keys(STALE_90[0] ?? {})))).toEqual(STALE_90);
  });
});

describe('fleet exports: a deleted device keeps its join type, and says where it came from', () => {
  it('without a collected status, from the delete event (DeviceId, DeviceTrustType details)', async () => {
    const r = await analyze({ signins: ENGLISH_SIGNINS, devices: [fix('entra-devices.csv')], audit: [exp('entra-audit-details.csv')], statuses: false });
    expect(r.inputs.find((i) => i.kind === 'audit')?.rows).toEqual(AUDIT_ROWS);
    expect(
      pick(r.affected.find((d) => d.deviceId === D(1)) ?? {}, [
        'displayName',
        'objectId',
        'joinType',
        'joinTypeSource',
        'inventoryState',
        'deletedBy',
        'auditMatch',
        'firstStep',
      ]),
    ).toEqual({
      displayName: 'CON-LT-001',
      objectId: O(1),
      joinType: 'entra-joined',
      joinTypeSource: 'audit',
      inventoryState: 'missing',
      deletedBy: 'admin@contoso.com',
      auditMatch: 'deviceId',
      firstStep: 'forcerecovery',
    });
  });

  it('without a status and without the details: unknown, said so', async () => {
    const r = await analyze({ signins: ENGLISH_SIGNINS, devices: [fix('entra-devices.csv')], audit: [fix('entra-audit.csv')], statuses: false });
    expect(pick(r.affected.find((d) => d.deviceId === D(1)) ?? {}, ['joinType', 'joinTypeSource', 'auditMatch'])).toEqual({
      joinType: 'unknown',
      joinTypeSource: 'unknown',
      auditMatch: null,
    });
  });

  it("from Intune's export, which still lists it; Intune's absence proves nothing", async () => {
    const intune = exp('DevicesWithInventory_0d5f3c2a-7b1e-4c3d-9a8b-1234567890ab.csv');
    const r = await analyze({ signins: ENGLISH_SIGNINS, devices: [fix('entra-devices.csv'), intune], audit: [fix('entra-audit.csv')], statuses: false });
    const report = r.inputs.find((i) => i.name === intune);
    expect(pick(report ?? {}, ['kind', 'format', 'error', 'rows'])).toEqual({
      kind: 'intune-devices',
      format: 'intune-devices-csv',
      error: null,
      rows: { read: 2, used: 2, skipped: 0, skippedByReason: {} },
    });
    expect(
      pick(r.affected.find((d) => d.deviceId === D(1)) ?? {}, [
        'displayName',
        'joinType',
        'joinTypeSource',
        'inventoryState',
        'deletedBy',
        'auditMatch',
        'firstStep',
      ]),
    ).toEqual({
      displayName: 'CON-LT-001',
      joinType: 'entra-joined',
      joinTypeSource: 'intune',
      // the Entra list decides "missing"; Intune listing it does not make it present
      inventoryState: 'missing',
      deletedBy: 'admin@contoso.com',
      auditMatch: 'name',
      firstStep: 'forcerecovery',
    });
    // the Entra inventory's counts are the Entra list's alone
    expect(r.summary.inventory?.devices).toBe(8);

    // Intune alone is no inventory: every state stays unknown
    const alone = await analyze({ signins: ENGLISH_SIGNINS, devices: [intune], statuses: false });
    expect(new Set(alone.affected.map((d) => d.inventoryState))).toEqual(new Set(['unknown']));
    expect(alone.summary.inventory).toBeNull();
  });
});

describe('fleet exports: 53000', () => {
  it('a device failing only the compliance requirement gets the Conditional Access check as its first step', async () => {
    const lines = readFileSync(fix('graph-signins.jsonl'), 'utf8').split('\n').filter(Boolean);
    // row 14 (D4, 50126) becomes a 53000 from D4
    const changed = lines.map((l) => (l.includes('"errorCode": 50126') ? l.replace('"errorCode": 50126', '"errorCode": 53000') : l));
    expect(changed.join('\n')).toContain('53000');
    const r = await analyzeFleet({ inputs: [{ source: memorySource('signins.jsonl', changed.join('\n')), as: 'signins' }], asOf: AS_OF });
    expect(pick(r.affected.find((d) => d.deviceId === D(4)) ?? {}, ['cause', 'errorCodes', 'firstStep'])).toEqual({
      cause: 'not-compliant',
      errorCodes: ['AADSTS53000'],
      firstStep: 'check-conditional-access',
    });
  });
});

describe('fleet exports: headers nobody can guess, and --columns', () => {
  const custom = exp('custom-headers-interactive.csv');
  it('refuses the file, naming the headers it found', async () => {
    const r = await analyzeFleet({ inputs: [await input(custom, 'signins')], asOf: AS_OF });
    expect(r.inputs[0]?.error).toBe('unrecognized-csv');
    expect(r.inputs[0]?.errorDetail).toContain('Zeitpunkt');
  });
  it('reads it with the mapping, the same as the English download', async () => {
    const mapping = parseColumnMapping(readFileSync(exp('custom-headers.columns.json'), 'utf8'));
    if (typeof mapping === 'string') throw new Error(mapping);
    const mapped = await analyzeFleet({ inputs: [await input(custom, 'signins')], asOf: AS_OF, columns: mapping });
    const english = await analyzeFleet({ inputs: [await input(fix('entra-interactive-signins.csv'), 'signins')], asOf: AS_OF });
    expect(mapped.inputs[0]?.error).toBeNull();
    expect(mapped.affected).toEqual(english.affected);
    expect(mapped.inputs[0]?.rows).toEqual(english.inputs[0]?.rows);
  });
  it('a CSV mapping (file header,column) works like the JSON one, and a bad one says why', () => {
    const csv = parseColumnMapping('# file header,column\r\nZeitpunkt,Date (UTC)\r\n"Geräte-ID",Device ID\r\n');
    expect(csv instanceof Map ? [...csv] : csv).toEqual([
      ['zeitpunkt', 'Date (UTC)'],
      ['geräte-id', 'Device ID'],
    ]);
    expect(parseColumnMapping('{"a": 1}')).toBe('"a": not a string');
    expect(parseColumnMapping('only-one-cell')).toBe('line 1: expected "file header,column"');
  });
  it('Japanese labels, full-width and spacing variants map to one column each', () => {
    expect(canonicalHeader(['日付 (UTC)', '日付（UTC）', 'デバイス ID', 'サインインのエラー コード', '参加の種類', 'Unrelated'])).toEqual([
      'Date (UTC)',
      'Date (UTC)',
      'Device ID',
      'Sign-in error code',
      'Join Type',
      'Unrelated',
    ]);
  });
});

describe('fleet exports: values', () => {
  it.each([
    ['/Date(1717230000000)/', '2024-06-01T08:20:00.000Z'],
    ['\\/Date(1717230000000)\\/', '2024-06-01T08:20:00.000Z'],
    ['/Date(1717230000000+0900)/', '2024-06-01T08:20:00.000Z'],
    ['/Date(abc)/', null],
  ])('parseTime(%s)', (text, iso) => {
    const ms = parseTime(text);
    expect(Number.isNaN(ms) ? null : new Date(ms).toISOString()).toBe(iso);
  });

  it.each([
    ['Hybrid Microsoft Entra joined', 'hybrid-joined'],
    ['Hybrid Azure AD joined', 'hybrid-joined'],
    ['Microsoft Entra hybrid joined', 'hybrid-joined'],
    ['ハイブリッド Azure AD 参加済み', 'hybrid-joined'],
    ['Microsoft Entra ハイブリッド参加済み', 'hybrid-joined'],
    ['Azure AD joined', 'entra-joined'],
    ['Microsoft Entra 登録済み', 'entra-registered'],
    ['Workplace', 'entra-registered'],
  ])('joinTypeFromTrust(%s)', (text, join) => {
    expect(joinTypeFromTrust(text)).toBe(join);
  });

  it.each([
    // [values of one column, order given, expected ISO dates or 'ambiguous' / null]
    [['20/05/2025 07:00:00', '05/06/2025 07:00:00'], null, ['2025-05-20T07:00:00Z', '2025-06-05T07:00:00Z']],
    [['5/20/2025 7:00:00 AM', '6/5/2025 7:00:00 PM'], null, ['2025-05-20T07:00:00Z', '2025-06-05T19:00:00Z']],
    [['2025/05/20 7:00:00', '2025/6/5 19:00'], null, ['2025-05-20T07:00:00Z', '2025-06-05T19:00:00Z']],
    [['2025/06/08 午後 3:00:00'], null, ['2025-06-08T15:00:00Z']],
    [['08.06.2025 09:00:00', '08.06.2025'], null, ['2025-06-08T09:00:00Z', '2025-06-08T00:00:00Z']],
    [['05/06/2025 07:00'], null, ['ambiguous']],
    [['05/06/2025 07:00'], 'dmy', ['2025-06-05T07:00:00Z']],
    [['05/06/2025 07:00'], 'mdy', ['2025-05-06T07:00:00Z']],
    [['05/05/2025 07:00'], null, ['2025-05-05T07:00:00Z']],
    [['13/13/2025'], null, [null]],
    // the order the column settled on holds: a value that contradicts it is no date
    [['20/05/2025', '05/20/2025'], null, ['2025-05-20T00:00:00Z', null]],
  ] as const)('DateColumns %j (%s)', (values, order, expected) => {
    const dates = new DateColumns(order);
    const got = values.map((v) => {
      dates.hit = false;
      const ms = dates.parse(0, v);
      if (dates.hit) return 'ambiguous';
      return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
    });
    expect(got).toEqual(expected);
  });

  it('never guesses: a day-first or month-first column is read right once a value settles it, and not before', () => {
    const day = fc.record({ y: fc.integer({ min: 2000, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 20 }), fc.constantFrom<'dmy' | 'mdy'>('dmy', 'mdy'), (days, order) => {
        const dates = new DateColumns(null);
        const p2 = (n: number) => String(n).padStart(2, '0');
        let settled = false;
        for (const { y, m, d } of days) {
          const text = order === 'dmy' ? `${p2(d)}/${p2(m)}/${y}` : `${p2(m)}/${p2(d)}/${y}`;
          dates.hit = false;
          const ms = dates.parse(0, text);
          if (d > 12 || d === m) settled = settled || d > 12;
          if (dates.hit) {
            expect(settled).toBe(false);
            continue;
          }
          expect(ms).toBe(Date.UTC(y, m - 1, d));
        }
      }),
    );
  });
});

describe('fleet exports: the CLI', () => {
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'fleet', ...args], { cwd: EXP, env: { PATH: process.env.PATH ?? '', LANG: 'C' }, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const gb = [
    'entra-signins-en-GB-excel-interactive.csv',
    'entra-signins-en-GB-excel-noninteractive.csv',
    '--devices',
    '../entra-devices.csv',
    '--as-of',
    '2025-06-04',
  ];

  it('an ambiguous date column: exit 2, the column and --date-order named on stderr; with --date-order dmy: read', () => {
    const refused = run([...gb, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('entra-signins-en-GB-excel-interactive.csv: the dates in column Date (UTC) can be read day-first or month-first');
    expect(refused.stderr).toContain('--date-order dmy');
    const read = run([...gb, '--date-order', 'dmy', '--format', 'json']);
    expect(read.code).toBe(1);
    expect((JSON.parse(read.stdout) as FleetReport).affected.map((d) => d.deviceId)).toEqual([D(1), D(3), D(2), D(5)]);
  });

  it('in Japanese too', () => {
    const r = spawnSync(process.execPath, [BIN, 'fleet', ...gb, '--lang', 'ja'], { cwd: EXP, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('列 Date (UTC) の日付は日/月の順とも月/日の順とも読め');
  });

  it('an input whose rows are mostly unusable: exit 2 and a note per input, the report still written', () => {
    const bad = run(['ps51-signins.json', '--signins', 'make.mjs', '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('make.mjs');
    expect(JSON.parse(bad.stdout).affected.length).toBeGreaterThan(0);
  });

  it('--kql joins deletions to failures by the device id of the delete event, the name only as a fallback, and only documented activities', () => {
    const r = run(['--kql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| where OperationName in ("Delete device", "Update device")');
    expect(r.stdout).not.toMatch(/Hard delete device|Disable device/);
    expect(r.stdout).toContain('DetailDeviceId = take_anyif(tostring(Detail.value), tostring(Detail.key) =~ "DeviceId")');
    expect(r.stdout).toContain('by DeviceId) on DeviceId');
    expect(r.stdout).toContain('| extend ByName = isempty(Action) and isnotempty(Action1) and Objects == 1');
  });

  it('--columns FILE reads a file with unknown headers; a missing mapping file is a clear error', () => {
    const ok = run(['custom-headers-interactive.csv', '--columns', 'custom-headers.columns.json', '--format', 'json']);
    expect(ok.code).toBe(1);
    expect((JSON.parse(ok.stdout) as FleetReport).inputs[0]?.error).toBeNull();
    const refused = run(['custom-headers-interactive.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--columns FILE');
    const missing = run(['custom-headers-interactive.csv', '--columns', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--columns nope.json: ENOENT');
    expect(run(['custom-headers-interactive.csv', '--date-order', 'dym']).code).toBe(2);
  });
});

describe('fleet exports: exit codes of a Graph pull', () => {
  it('a tenant with no device-error sign-in and no device event exits 0: an empty pull is data, not an unusable file', async () => {
    const devices = readFileSync(fix('graph-devices.json'), 'utf8');
    const server = await startGraphServer({ devices: (JSON.parse(devices) as { value: Record<string, unknown>[] }).value, signIns: [], directoryAudits: [] });
    try {
      const { main } = await import('../src/cli/cli.js');
      let stderr = '';
      const code = await main(['fleet', '--graph', '--graph-base', server.base, '--format', 'json'], {
        stdin: (async function* () {})(),
        stdout: { write: () => true },
        stderr: {
          write: (s: string) => {
            stderr += s;
            return true;
          },
        },
        env: { LANG: 'C', DSREG_DOCTOR_GRAPH_TOKEN: 'fake-access-token-for-tests' },
        cwd: EXP,
      });
      expect(stderr, stderr).not.toContain('cannot be relied on');
      expect(code, stderr).toBe(0);
    } finally {
      await server.close();
    }
  });
});
