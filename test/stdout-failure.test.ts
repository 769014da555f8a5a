import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

// A full stdout (> /dev/full) is one line on stderr and exit 2; a closed pipe (| head) is quiet.

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const s01 = join(FIXTURES, 's01-aadj-700003.txt');

function sh(script: string) {
  const r = spawnSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', LANG: 'C', BIN, S01: s01 }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a stdout that cannot be written', () => {
  it.each([
    ['diagnose text', 'node "$BIN" diagnose "$S01" > /dev/full', /^dsreg-doctor: Cannot write the output: ENOSPC\n$/],
    ['diagnose json', 'node "$BIN" diagnose "$S01" --format json > /dev/full', /^dsreg-doctor: Cannot write the output: ENOSPC\n$/],
    ['parse', 'node "$BIN" parse "$S01" > /dev/full', /^dsreg-doctor: Cannot write the output: ENOSPC\n$/],
    ['help', 'node "$BIN" --help > /dev/full', /^dsreg-doctor: Cannot write the output: ENOSPC\n$/],
    ['in Japanese', 'node "$BIN" diagnose "$S01" --lang ja > /dev/full', /^dsreg-doctor: 出力を書き込めません: ENOSPC\n$/],
  ])('%s > /dev/full: one line, exit 2', (_name, script, message) => {
    const r = sh(script);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it.each([
    ['diagnose', 'node "$BIN" diagnose "$S01" --format markdown | head -1'],
    ['script', 'node "$BIN" script "$S01" | head -c 10'],
    ['lab list', 'node "$BIN" lab list | head -1'],
  ])('%s | head: quiet', (_name, script) => {
    const r = sh(`${script}; exit 0`);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
