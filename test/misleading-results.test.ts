import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { duplicateColumns } from '../src/fleet/schema.js';
import { FIXTURES, memoryIo, ROOT } from './helpers.js';

/**
 * Issue 13 item 9: answers that look right and are not. Each case is a command line a user
 * could type, with the expected answer written first: exit 2 and a message that names the
 * problem, never a report built on a misread input.
 */

const FLEET = join(ROOT, 'test', 'fixtures', 'fleet');
const STATUS = join(FIXTURES, 's01-aadj-700003.txt');
const tmp = mkdtempSync(join(tmpdir(), 'dsreg-doctor-i13-'));

async function run(args: string[]) {
  const io = memoryIo(tmp);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A CSV line with RFC 4180 quoting. */
const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

/** The Entra sign-in export fixture, its header and rows split (no field in it holds a line break). */
function signinExport(): { header: string[]; rows: string[][] } {
  const [head = '', ...lines] = readFileSync(join(FLEET, 'entra-interactive-signins.csv'), 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => {
    const out: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        out.push(cell);
        cell = '';
      } else cell += c;
    }
    out.push(cell);
    return out;
  };
  return { header: split(head), rows: lines.map(split) };
}

describe('a column the reader needs, twice in the header', () => {
  const { header, rows } = signinExport();
  const deviceCol = header.indexOf('Device ID');

  it('the fixture itself (two "Incoming token type" columns, which no reader uses) reads as before', async () => {
    expect(header.filter((h) => h === 'Incoming token type')).toHaveLength(2);
    expect(duplicateColumns(header, 'signins')).toEqual([]);
    const r = await run(['fleet', join(FLEET, 'entra-interactive-signins.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).affected).toHaveLength(3);
  });

  it.each([
    ['a second "Device ID" at the end holding "failure"', (h: string[]) => [...h, 'Device ID'], (r: string[]) => [...r, 'failure']],
    ['a second "Device ID" first', (h: string[]) => ['Device ID', ...h], (r: string[]) => ['failure', ...r]],
    ['"DeviceId" next to "Device ID" (the same name, folded)', (h: string[]) => [...h, 'DeviceId'], (r: string[]) => [...r, 'failure']],
    ['the Japanese label next to the English one', (h: string[]) => [...h, 'デバイス ID'], (r: string[]) => [...r, 'failure']],
  ])('%s: refused with file and header line, exit 2, no report', async (_label, head, row) => {
    const file = join(tmp, `dup-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, `${[csvLine(head(header)), ...rows.map((r) => csvLine(row(r)))].join('\n')}\n`);
    const r = await run(['fleet', file, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(file);
    expect(r.err).toMatch(/header line 1: Device ID \(\d+, \d+\)/);
    expect(r.err).toContain('appears more than once');
  });

  it('names the 1-based columns of each copy', () => {
    expect(duplicateColumns([...header, 'Device ID'], 'signins')).toEqual([{ name: 'Device ID', columns: [deviceCol + 1, header.length + 1] }]);
    expect(duplicateColumns(['deviceId', 'displayName', 'accountEnabled', 'deviceId'], 'devices')).toEqual([{ name: 'deviceId', columns: [1, 4] }]);
  });
});

describe('--statuses with a path that does not exist, and nothing else', () => {
  it('exit 2 with the path, no report', async () => {
    const r = await run(['fleet', '--statuses', '/nonexistent-dsreg-doctor']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--statuses /nonexistent-dsreg-doctor: no such file or folder');
  });

  it('an existing status file alone still reads', async () => {
    const r = await run(['fleet', '--statuses', STATUS, '--format', 'json']);
    expect(r.err).not.toContain('no such file or folder');
    expect(JSON.parse(r.out).schemaVersion).toBe(1);
  });
});

describe('extra positional arguments are refused, never dropped', () => {
  it.each([
    [['diagnose', STATUS, 'b'], 'diagnose', 'b'],
    [['parse', STATUS, STATUS], 'parse', STATUS],
    [['verify', STATUS, STATUS, 'third'], 'verify', 'third'],
    [['script', STATUS, 'extra'], 'script', 'extra'],
    [['script', '--collect', STATUS], 'script --collect', STATUS],
    [['redact', STATUS, 'x'], 'redact', 'x'],
    [['lab', 'list', 'x'], 'lab list', 'x'],
    [['lab', 'run', 's01', 'x'], 'lab run', 'x'],
    [['serve', 'x'], 'serve', 'x'],
  ])('%j → exit 2 naming the argument', async (args, command, extra) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`Unexpected argument(s) for ${command}: ${extra}`);
  });

  it('script --collect --intune FILE: the file is refused (nothing is written)', async () => {
    const r = await run(['script', '--collect', '--intune', STATUS]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Unexpected argument(s) for script --collect');
  });

  it('script --collect --intune: the option is refused', async () => {
    const r = await run(['script', '--collect', '--intune']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--intune cannot be used with --collect');
  });

  it('the forms that take what they are given still work', async () => {
    expect((await run(['diagnose', STATUS])).code).toBe(1);
    expect((await run(['script', '--collect'])).code).toBe(0);
    expect((await run(['explain', 'AADSTS', '700003'])).code).toBe(0);
  });
});

describe("explain ''", () => {
  it('says the code is empty (not that an input file is missing)', async () => {
    for (const empty of ['', '   ']) {
      const r = await run(['explain', empty]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('The error code is empty');
      expect(r.err).not.toContain('input file');
    }
  });
  it('without an argument: asks for an error code', async () => {
    const r = await run(['explain']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('needs an error code');
    expect(r.err).not.toContain('input file');
  });
});

describe('a 1-row CSV with a 50 MB field', () => {
  it('is 1 row read (not one per 4 MB of it), and rows after it are read', async () => {
    const { header, rows } = signinExport();
    const agent = header.indexOf('User agent');
    const [first = [], second = []] = rows;
    const huge = [...first];
    huge[agent] = 'x'.repeat(50 * 1024 * 1024);
    const file = join(tmp, 'huge-field.csv');
    writeFileSync(file, `${csvLine(header)}\n${csvLine(huge)}\n`);
    const one = await run(['fleet', file, '--format', 'json']);
    expect(one.code).toBe(2);
    expect(JSON.parse(one.out).rows.read).toBe(1);
    expect(one.err).toContain('Rows: 1 read = 0 used + 1 not used');
    // the row after the huge one is read normally
    writeFileSync(file, `${csvLine(header)}\n${csvLine(huge)}\n${csvLine(second)}\n`);
    const two = await run(['fleet', file, '--format', 'json']);
    const report = JSON.parse(two.out);
    expect(report.rows.read).toBe(2);
    expect(report.rows.used).toBe(1);
    expect(report.inputs[0].problems[0]?.line).toBe(2);
  }, 60_000);
});

describe('script --intune --out-dir: a folder we can write to, checked before writing', () => {
  const cases: [string, string][] = [
    ['/proc/dsreg-doctor-new', 'ENOENT'],
    ['/proc', 'ENOENT'],
    ['/dev/null', 'ENOTDIR'],
    ['/dev/null/sub', 'ENOTDIR'],
  ];
  it.each(cases)('%s → exit 2 within seconds, naming the folder', async (dir, reason) => {
    const started = Date.now();
    const r = await run(['script', STATUS, '--intune', '--out-dir', dir]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Cannot write to ${dir}: ${reason}`);
    expect(existsSync(join(dir, 'Detect-700003.ps1'))).toBe(false);
  });

  it('a file given as the folder is refused and left as it was', async () => {
    const file = join(tmp, 'not-a-folder.txt');
    writeFileSync(file, 'keep me');
    const r = await run(['script', STATUS, '--intune', '--out-dir', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ENOTDIR');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('a new nested folder (relative to the working folder) is created and both scripts written', async () => {
    const r = await run(['script', STATUS, '--intune', '--out-dir', 'out/nested']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(tmp, 'out', 'nested', 'Detect-700003.ps1'), 'utf8')).toContain('700003');
    expect(existsSync(join(tmp, 'out', 'nested', 'Remediate-700003.ps1'))).toBe(true);
  });
});
