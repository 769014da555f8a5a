import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureText, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const tmp = mkdtempSync(join(tmpdir(), 'dsreg-doctor-e2e-'));

function run(args: string[], options: { input?: Buffer | string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...options.env },
    encoding: 'buffer',
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
const fixture = (name: string) => join(FIXTURES, name);

describe('dsreg-doctor CLI', () => {
  it('diagnose --format json emits the contract and exits 1 on an error finding', () => {
    const r = run(['diagnose', fixture('s01-aadj-700003.txt'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.device).toMatchObject({
      joinType: 'entra-joined',
      azureAdJoined: true,
      domainJoined: false,
      enterpriseJoined: false,
      workplaceJoined: false,
      deviceId: '83cfa1ed-f804-4304-97d9-21dabe8634fa',
      tenantId: 'bd657ee2-4129-462a-9a18-150ca51cbabf',
      deviceName: 'FAB-LT-0417',
      tenantName: 'Fabrikam',
      deviceAuthStatus: 'FAILED. Device is either disabled or deleted',
      azureAdPrt: false,
    });
    expect(json.errorCodes).toEqual(['AADSTS700003', '0xc000023c']);
    expect(json.findings[0]).toMatchObject({ id: 'device-object-missing', severity: 'error' });
    expect(json.findings[0].evidence.length).toBeGreaterThan(0);
    expect(json.plan.steps.map((s: { id: string }) => s.id)).toEqual(['restore-device-object', 'forcerecovery', 'clear-aad-storage-key', 'contact-support']);
    expect(json.plan.steps[0].admin).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('a healthy device exits 0', () => {
    expect(run(['diagnose', fixture('s07-aadj-healthy.txt')]).code).toBe(0);
  });

  it('--error 700003 turns a clean all-NO output into the registry stage', () => {
    const r = run(['diagnose', fixture('s06-after-leave-all-no.txt'), '--error', '700003', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.errorCodes).toEqual(['AADSTS700003']);
    expect(json.plan.steps[0].id).toBe('clear-aad-storage-key');
  });

  it('reads stdin in UTF-16LE with a BOM (PowerShell 5.1 redirection)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(fixtureText('s02-hybrid-700003.txt').replace(/\n/g, '\r\n'), 'utf16le')]);
    const r = run(['diagnose', '-', '--format', 'json'], { input: bytes });
    expect(JSON.parse(r.stdout).device.joinType).toBe('hybrid-joined');
  });

  it('speaks Japanese from LANG, and --lang overrides it', () => {
    const ja = run(['diagnose', fixture('s01-aadj-700003.txt')], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(ja.stdout).toContain('デバイス オブジェクト');
    const en = run(['diagnose', fixture('s01-aadj-700003.txt'), '--lang', 'en'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(en.stdout).toContain('The device object no longer exists');
    expect(run(['--help'], { env: { LC_ALL: 'ja_JP.UTF-8' } }).stdout).toContain('使い方');
  });

  it('no colour in pipes', () => {
    expect(run(['diagnose', fixture('s01-aadj-700003.txt')]).stdout).not.toContain('\x1b[');
  });

  it('markdown format', () => {
    const r = run(['diagnose', fixture('s02-hybrid-700003.txt'), '--format', 'markdown']);
    expect(r.stdout).toMatch(/^# dsreg-doctor diagnosis/);
    expect(r.stdout).toContain('`leave-and-reboot`');
  });

  it('--out writes the report to a file', () => {
    const out = join(tmp, 'report.json');
    const r = run(['diagnose', fixture('s05-aadj-disabled-135011.txt'), '--format', 'json', '--out', out]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).plan.steps[0].id).toBe('enable-device-object');
  });

  it.each([
    ['a missing file', ['diagnose', join(tmp, 'nope.txt')], /nope\.txt: no such file/],
    ['a directory', ['diagnose', tmp], /is a directory/],
    ['no input', ['diagnose'], /needs an input file/],
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['a bad format', ['diagnose', fixture('s01-aadj-700003.txt'), '--format', 'pdf'], /Invalid value "pdf" for --format/],
    ['an unknown option', ['diagnose', fixture('s01-aadj-700003.txt'), '--frob'], /Invalid option/],
  ])('%s → exit 2 with a message, no stack trace', (_name, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['JSON', Buffer.from('{"value":[{"deviceId":"83cfa1ed-f804-4304-97d9-21dabe8634fa"}]}'), /not a dsregcmd \/status output/],
    ['random bytes', Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24)), /binary file|not a dsregcmd/],
    ['an empty file', Buffer.alloc(0), /empty/],
  ])('%s → exit 2', (name, bytes, message) => {
    const file = join(tmp, `${name.replace(/\s/g, '-')}.bin`);
    writeFileSync(file, bytes);
    const r = run(['diagnose', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('partly readable input: uses what it can and counts what it skipped', () => {
    const file = join(tmp, 'partial.txt');
    writeFileSync(file, fixtureText('s01-aadj-700003.txt').replace('DomainJoined : NO', 'DomainJoined : NO\n@@@@ corrupted @@@@'));
    const r = run(['diagnose', file, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 line\(s\) could not be read/);
    const json = JSON.parse(r.stdout);
    expect(json.input.warnings[0]).toMatchObject({ code: 'unparsed-line', line: 9 });
    expect(json.device.deviceId).toBe('83cfa1ed-f804-4304-97d9-21dabe8634fa');
  });

  it('parse shows sections, fields and line numbers', () => {
    const r = run(['parse', fixture('r10-hybrid-1607-old-format.txt'), '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sections.map((s: { title: string }) => s.title)).toEqual(['Device State', 'User State']);
    const ks = json.sections[0].fields.find((f: { name: string }) => f.name === 'KeySignTest');
    expect(ks).toMatchObject({ key: 'KeySignTest', value: 'MUST Run elevated to test.', line: 12 });
    expect(run(['parse', fixture('r10-hybrid-1607-old-format.txt'), '--format', 'text']).stdout).toContain('[Device State] line 2');
  });

  it('explain: known codes in both languages, unknown codes as unknown', () => {
    const en = run(['explain', '700003']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^AADSTS700003/);
    const ja = run(['explain', '0x801C03F2', '--lang', 'ja']);
    expect(ja.stdout).toContain('0x801c03f2');
    expect(ja.stdout).toMatch(/[\u3040-\u30ff]/);
    const unknown = run(['explain', '0x8badf00d']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/reported as unknown/);
    expect(run(['explain', 'hello']).code).toBe(2);
  });

  it('verify: after /leave and re-registration the hybrid device is fixed', () => {
    const before = fixture('s02-hybrid-700003.txt');
    const after = join(tmp, 'after.txt');
    const healthy = fixtureText('s02-hybrid-700003.txt')
      .replace('FAILED. Device is either disabled or deleted', 'SUCCESS')
      .replace(/AzureAdPrt : NO/, 'AzureAdPrt : YES')
      .replace(/ {5}AcquirePrtDiagnostics[\s\S]*?(?= +EnterprisePrt :)/, '')
      .replace('13f4d226-e48f-44f9-9d68-ce89d1e65ad6', '0a0b0c0d-1111-4222-8333-944445555666');
    writeFileSync(after, healthy);
    const r = run(['verify', before, after, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('fixed');
    expect(json.sameDevice).toBe('yes');
    expect(r.code).toBe(0);
  });

  it('verify: after /leave the device is all NO but the error remains → the registry stage', () => {
    const r = run(['verify', fixture('s02-hybrid-700003.txt'), fixture('s06-after-leave-all-no.txt'), '--after-error', '700003', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('not-fixed');
    expect(json.nextStep).toBe('clear-aad-storage-key');
    expect(json.sameDevice).toBe('no');
    expect(r.code).toBe(1);
  });
  it('script: a PowerShell script with a BOM, dry run by default; --collect; --intune writes two files', () => {
    const r = run(['script', fixture('s02-hybrid-700003.txt'), '--stage', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout).toContain('[switch]$Apply');
    expect(r.stdout).toContain('& dsregcmd.exe /leave');
    expect(run(['script', '--collect', '--lang', 'ja']).stdout).toContain('##### dsreg-doctor collection bundle v1 #####');
    const dir = join(tmp, 'intune');
    const i = run(['script', '--intune', fixture('s02-hybrid-700003.txt'), '--out-dir', dir]);
    expect(i.code).toBe(0);
    expect(readFileSync(join(dir, 'Detect-700003.ps1'), 'utf8')).toContain('exit 1');
    expect(readFileSync(join(dir, 'Remediate-700003.ps1'), 'utf8')).toContain('$Apply = $false');
    expect(run(['script', fixture('s02-hybrid-700003.txt'), '--stage', '9']).code).toBe(2);
  });

  it('redact: no original IDs left, counts on stderr, and the redacted text diagnoses the same', () => {
    const r = run(['redact', fixture('s01-aadj-700003.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('83cfa1ed-f804-4304-97d9-21dabe8634fa');
    expect(r.stdout).not.toContain('jordan.reyes@fabrikam.com');
    expect(r.stderr).toMatch(/Masked \d+ value/);
    const redacted = join(tmp, 'redacted.txt');
    writeFileSync(redacted, r.stdout);
    const a = JSON.parse(run(['diagnose', fixture('s01-aadj-700003.txt'), '--format', 'json']).stdout);
    const b = JSON.parse(run(['diagnose', redacted, '--format', 'json']).stdout);
    expect(b.plan.steps.map((s: { id: string }) => s.id)).toEqual(a.plan.steps.map((s: { id: string }) => s.id));
    expect(b.device.joinType).toBe(a.device.joinType);
  });

  it('lab check: the last line is the contract', () => {
    const r = run(['lab', 'check']);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ scenarios: \d+ healed, 0 failed$/);
    expect(r.code).toBe(0);
  }, 60_000);
});
