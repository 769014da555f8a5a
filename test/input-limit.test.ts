import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

// The 64 MB input limit is counted while reading: pipes, FIFOs, /dev/stdin, process substitution
// and devices report a size of 0 (or none), and /dev/zero never ends. Each case must be refused
// within seconds, with bounded memory, a one-line message and exit 2.

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const base = mkdtempSync(join(tmpdir(), 'dsreg-doctor-limit-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** 100 MB of text that looks like dsregcmd fields, never ending before the limit. */
const FLOOD = `yes '             DeviceName : FAB-LT-0417' | head -c 100000000`;

function bash(script: string) {
  const started = Date.now();
  // /usr/bin/time prints the peak resident memory (kB) as the last stderr line
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    env: { PATH: process.env.PATH ?? '', LANG: 'C', BIN, DIR: base },
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  const lines = (r.stderr ?? '').trimEnd().split('\n');
  const rssKb = Number(lines.at(-1));
  return { code: r.status, stderr: lines.slice(0, -1).join('\n'), seconds: (Date.now() - started) / 1000, rssMb: rssKb / 1024 };
}

const TIME = `/usr/bin/time -q -f %M node "$BIN"`;

describe('the input limit is counted while reading', () => {
  const cases: [string, string, RegExp][] = [
    ['a device (/dev/zero)', `${TIME} diagnose /dev/zero`, /^dsreg-doctor: \/dev\/zero: more than 64 MB was read/],
    ['a pipe into /dev/stdin', `${FLOOD} | ${TIME} diagnose /dev/stdin`, /^dsreg-doctor: \/dev\/stdin: more than 64 MB/],
    ['a pipe into -', `${FLOOD} | ${TIME} parse -`, /^dsreg-doctor: <stdin>: more than 64 MB/],
    ['a FIFO', `mkfifo "$DIR/fifo"; (${FLOOD} > "$DIR/fifo" 2>/dev/null &); ${TIME} diagnose "$DIR/fifo"`, /fifo: more than 64 MB/],
    ['process substitution', `${TIME} redact <(${FLOOD})`, /^dsreg-doctor: \/dev\/fd\/\d+: more than 64 MB/],
  ];
  it.each(cases)('%s: refused within seconds, bounded memory, exit 2', (_name, script, message) => {
    const r = bash(script);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
    expect(r.seconds).toBeLessThan(30);
    expect(r.rssMb).toBeLessThan(400);
  });

  it('a status output through a pipe still reads', () => {
    const r = bash(`cat "${join(FIXTURES, 's01-aadj-700003.txt')}" | ${TIME} diagnose /dev/stdin --format json > /dev/null`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});
