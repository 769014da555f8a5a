import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

// A failed write must leave the file that was there byte-identical: on a full disk (a small
// tmpfs filled up) and past a file-size limit (ulimit -f, where mounting is not allowed).

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const base = mkdtempSync(join(tmpdir(), 'dsreg-doctor-atomic-'));
const s01 = join(FIXTURES, 's01-aadj-700003.txt');
const ORIGINAL = 'the report from last week, which must survive\n';

function sh(script: string, args: string[]) {
  const r = spawnSync('sh', ['-c', script, 'sh', ...args], { env: { PATH: process.env.PATH ?? '', LANG: 'C' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A 64 kB tmpfs, or undefined when this machine does not let us mount one. */
function smallDisk(): string | undefined {
  const dir = join(base, 'disk');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? dir : undefined;
}
const disk = smallDisk();

afterAll(() => {
  if (disk) spawnSync('umount', [disk]);
  rmSync(base, { recursive: true, force: true });
});

/** Fill the disk to the last byte. */
function fill(dir: string): void {
  sh('cat /dev/zero > "$1" 2>/dev/null; true', [join(dir, 'filler')]);
}

describe.skipIf(disk === undefined)('a full disk (tmpfs)', () => {
  it('diagnose --out: the existing file is byte-identical, one message, exit 2, no temporary file left', () => {
    const dir = disk as string;
    const out = join(dir, 'report.md');
    writeFileSync(out, ORIGINAL);
    fill(dir);
    const r = sh('exec node "$@"', [BIN, 'diagnose', s01, '--format', 'markdown', '--lang', 'en', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dsreg-doctor: Cannot write .*report\.md: ENOSPC\n$/);
    expect(readFileSync(out, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir).sort()).toEqual(['filler', 'report.md']);
    rmSync(join(dir, 'filler'));
  });

  it('script --intune --out-dir: no 0-byte script, the old one kept', () => {
    const dir = disk as string;
    const outDir = join(dir, 'intune');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'Detect-700003.ps1'), ORIGINAL);
    fill(dir);
    const r = sh('exec node "$@"', [BIN, 'script', s01, '--intune', '--out-dir', outDir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(outDir, 'Detect-700003.ps1'), 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(outDir)).toEqual(['Detect-700003.ps1']);
    rmSync(join(dir, 'filler'));
  });
});

describe('a write past the file-size limit (ulimit -f)', () => {
  it('diagnose --out: the existing file is byte-identical and no temporary file is left', () => {
    const dir = join(base, 'ulimit');
    mkdirSync(dir);
    const out = join(dir, 'report.txt');
    writeFileSync(out, ORIGINAL);
    // 2 kB: the Markdown report of s01 is larger
    const r = sh('ulimit -f 2 && exec node "$@"', [BIN, 'diagnose', s01, '--format', 'markdown', '--lang', 'en', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dsreg-doctor: Cannot write .*report\.txt: EFBIG\n$/);
    expect(readFileSync(out, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('a successful --out replaces the file whole and keeps its mode', () => {
    const dir = join(base, 'ok');
    mkdirSync(dir);
    const out = join(dir, 'report.txt');
    writeFileSync(out, ORIGINAL, { mode: 0o600 });
    const r = sh('exec node "$@"', [BIN, 'diagnose', s01, '--format', 'json', '--out', out]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    expect(spawnSync('stat', ['-c', '%a', out], { encoding: 'utf8' }).stdout.trim()).toBe('600');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('--out /dev/null is written, not replaced', () => {
    const r = sh('exec node "$@"', [BIN, 'diagnose', s01, '--format', 'json', '--out', '/dev/null']);
    expect(r.code).toBe(1);
    expect(spawnSync('stat', ['-c', '%F', '/dev/null'], { encoding: 'utf8' }).stdout.trim()).toBe('character special file');
  });
});
