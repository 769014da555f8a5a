import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { DEVICE_ERROR_CODES } from '../src/fleet/types.js';
import { D } from './fleet-expected.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const tmp = mkdtempSync(join(tmpdir(), 'dsreg-doctor-fleet-cli-'));

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, 'fleet', ...args], {
    cwd: FIX,
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ALL = [
  '--signins',
  'entra-interactive-signins.csv',
  '--signins',
  'entra-noninteractive-signins.csv',
  '--devices',
  'entra-devices.csv',
  '--audit',
  'entra-audit.csv',
  '--statuses',
  'statuses',
  '--as-of',
  '2025-06-04',
];

describe('dsreg-doctor fleet (CLI)', () => {
  it('prints the table and exits 1 when devices are affected', () => {
    const r = run(ALL);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('## Affected devices');
    for (const name of ['CON-LT-001', 'CON-LT-003', 'CON-DT-002', 'CON-DT-005']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('forcerecovery');
    expect(r.stdout).toContain('Rows: 30 read = 25 used + 5 not used.');
    // the failed delete in the audit log and the notes file are reported, with where they are
    expect(r.stderr).toContain('entra-audit.csv: 1 of 6 rows not used (the operation failed: 1); first at line 6.');
    expect(r.stderr).toContain('statuses/notes.txt: not a dsregcmd /status output; not used.');
  });

  it('--format json holds the public contract', () => {
    const r = run([...ALL, '--format', 'json', '--stale-days', '90']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.affected).toHaveLength(4);
    for (const d of json.affected) {
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining([
          'deviceId',
          'displayName',
          'joinType',
          'joinTypeSource',
          'inventoryState',
          'errorCodes',
          'failureCount',
          'users',
          'firstFailure',
          'lastFailure',
          'deletedBy',
          'deletedAt',
          'firstStep',
        ]),
      );
      expect(['entra-joined', 'hybrid-joined', 'entra-registered', 'domain-joined', 'drs-joined', 'not-joined', 'unknown']).toContain(d.joinType);
      expect(['signin', 'inventory', 'status', 'unknown']).toContain(d.joinTypeSource);
      expect(['present', 'disabled', 'missing', 'unknown']).toContain(d.inventoryState);
      for (const c of d.errorCodes) expect(c).toMatch(/^AADSTS\d+$/);
    }
    expect(json.cleanupImpact.map((e: { deviceId: string; risk: string }) => [e.deviceId, e.risk])).toEqual([
      [D(6), 'high'],
      [D(7), 'medium'],
      [D(8), 'low'],
      [D(9), 'low'],
    ]);
    expect(Object.keys(json.cleanupImpact[0])).toEqual(expect.arrayContaining(['deviceId', 'activeSince', 'risk']));
    expect(json.rows).toEqual({
      read: 30,
      used: 25,
      skipped: 5,
      skippedByReason: { 'no-device-id': 1, 'not-device-activity': 1, 'failed-operation': 1, 'other-device-activity': 1, 'not-dsregcmd-status': 1 },
    });
    expect(r.stderr).toContain('Rows: 30 read = 25 used + 5 not used.');
  });

  it('--format csv writes one row per device, for Excel, and defuses formulas', () => {
    const out = join(tmp, 'affected.csv');
    const r = run([...ALL, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\ufeffdeviceId,displayName,objectId,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(D(1));
    const cleanup = run([...ALL, '--format', 'csv', '--table', 'cleanup', '--stale-days', '90']);
    expect(cleanup.stdout.split('\r\n')[0]).toBe(
      '\ufeffdeviceId,objectId,displayName,joinType,risk,reasons,recommendedAction,activeSince,activeSource,lastSuccessfulSignIn,approximateLastSignIn',
    );
    // a device name an attacker chose cannot run as a spreadsheet formula
    const evil = readFileSync(join(FIX, 'graph-signins.jsonl'), 'utf8').replace(/"displayName": "CON-DT-002"/g, '"displayName": "=HYPERLINK(\\"http://x\\")"');
    writeFileSync(join(tmp, 'evil.jsonl'), evil);
    const e = run([join(tmp, 'evil.jsonl'), '--format', 'csv']);
    expect(e.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('reads from stdin, in Japanese', () => {
    const r = run(['-', '--lang', 'ja'], { input: readFileSync(join(FIX, 'graph-signins.jsonl'), 'utf8') });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('影響を受けたデバイス');
    expect(r.stdout).toContain('<stdin>');
  });

  it('--help in both languages', () => {
    expect(run(['--help']).stdout).toContain('Usage: dsreg-doctor fleet');
    expect(run(['--help'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout).toContain('使い方: dsreg-doctor fleet');
  });

  it('bad arguments and unusable input exit 2 with a message, never a stack trace', () => {
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('fleet needs at least one input');
    expect(run(['--stale-days', 'ninety', 'graph-signins.jsonl']).stderr).toContain('Invalid value "ninety" for --stale-days');
    expect(run(['--as-of', 'yesterday', 'graph-signins.jsonl']).code).toBe(2);
    expect(run(['--format', 'pdf', 'graph-signins.jsonl']).code).toBe(2);
    const nothing = run(['missing.csv', 'statuses/notes.txt']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('missing.csv: no such file; skipped.');
    expect(nothing.stderr).toContain('None of the inputs could be read');
    expect(nothing.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a missing file does not stop the others, and exits 2: a scheduled run must not take it as healthy', () => {
    const r = run(['missing.csv', 'graph-signins.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.csv: no such file; skipped.');
    expect(r.stdout).toContain('CON-DT-002');
  });

  it('warns when --stale-days is shorter than the activity timestamp can tell', () => {
    const r = run(['entra-devices.csv', '--stale-days', '7', '--as-of', '2025-06-04']);
    expect(r.stderr).toContain('--stale-days 7');
  });

  it('exits 0 when nothing is affected and nothing at risk', () => {
    const r = run(['entra-devices.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No sign-in in the input failed with a device error.');
  });
});

describe('dsreg-doctor fleet --kql', () => {
  it('prints the KQL for both sign-in tables with the same error codes, without reading any input', () => {
    const r = run(['--kql', '--days', '14']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('let lookback = 14d;');
    expect(r.stdout).toContain(`let DeviceErrors = dynamic([${DEVICE_ERROR_CODES.map((c) => `"${c}"`).join(', ')}]);`);
    expect(r.stdout).toContain('(SigninLogs | extend DD = DeviceDetail)');
    expect(r.stdout).toContain('(AADNonInteractiveUserSignInLogs | extend DD = todynamic(DeviceDetail))');
    expect(r.stdout).toContain('AuditLogs');
    // every statement ends up in balanced brackets
    for (const query of r.stdout.split('\n\n')) {
      const code = query
        .split('\n')
        .filter((l) => !l.startsWith('//'))
        .join('\n')
        .replace(/"(?:[^"\\]|\\.)*"/g, '""');
      for (const [open, close] of [
        ['(', ')'],
        ['[', ']'],
      ] as const) {
        expect(code.split(open).length, query.slice(0, 80)).toBe(code.split(close).length);
      }
    }
  });

  it('inlines the planned device ids and says which ids it cannot use', () => {
    const r = run(['--kql', '--planned-deletions', 'planned-deletions.txt', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"${D(1)}"`);
    expect(r.stdout).toContain('let Planned = dynamic([');
    expect(r.stdout).toContain('// クリーンアップの影響');
  });
});

describe('fleet progress', () => {
  it('shows rows, rate and a bar on a terminal, and nothing when stderr is not one', async () => {
    const capture = async (tty: boolean) => {
      let err = '';
      let out = '';
      const code = await main(['fleet', join(FIX, 'graph-signins-page.json'), '--format', 'json'], {
        stdin: (async function* () {})(),
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s), isTTY: tty },
        env: { LANG: 'C' },
        cwd: FIX,
      });
      return { code, err, out };
    };
    const tty = await capture(true);
    expect(tty.code).toBe(1);
    expect(tty.err).toMatch(/\r\x1b\[K\[#+\.*\] \d+%\s+\d+ rows\s+[\d,]+ rows\/s/);
    expect(JSON.parse(tty.out).affected).toHaveLength(4);
    const pipe = await capture(false);
    expect(pipe.err).not.toContain('\x1b[K');
  });
});

describe('fleet --format html in a real browser', () => {
  it('opens offline, draws the charts, and shows hostile names as text', async () => {
    // a device name and a user that try to be markup
    const page = JSON.parse(readFileSync(join(FIX, 'graph-signins-page.json'), 'utf8'));
    for (const r of page.value) {
      if (r.deviceDetail.displayName === 'CON-DT-002') r.deviceDetail.displayName = '<img src=x onerror=alert(1)>';
      if (r.userPrincipalName === 'bob@contoso.com') r.userPrincipalName = '"><script>alert(2)</script>';
    }
    writeFileSync(join(tmp, 'hostile.json'), JSON.stringify(page));
    const html = join(tmp, 'report.html');
    const r = run([
      join(tmp, 'hostile.json'),
      'graph-audit.json',
      '--format',
      'html',
      '--out',
      html,
      '--stale-days',
      '90',
      '--as-of',
      '2025-06-04',
      '--lang',
      'ja',
    ]);
    expect(r.code).toBe(1);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const profile = mkdtempSync(join(tmpdir(), 'dsreg-doctor-fleet-chromium-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      headless: true,
      executablePath: process.env.DSREG_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const requests: string[] = [];
      const dialogs: string[] = [];
      ctx.on('request', (q) => requests.push(q.url()));
      const p = ctx.pages()[0] ?? (await ctx.newPage());
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await p.goto(pathToFileURL(html).href);
      expect(await p.title()).toBe('dsreg-doctor フリート レポート');
      expect(await p.locator('svg').count()).toBeGreaterThanOrEqual(5);
      expect(await p.locator('svg rect').count()).toBeGreaterThan(5);
      const body = await p.locator('body').textContent();
      expect(body).toContain('<img src=x onerror=alert(1)>');
      expect(body).toContain('"><script>alert(2)</script>');
      expect(body).toContain('影響を受けたデバイス (4)');
      expect(dialogs).toEqual([]);
      // the file itself and nothing else
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(requests).toHaveLength(1);
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
