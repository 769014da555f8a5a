import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Fleet from '../src/fleet/fleet.js';
import { ROOT } from './helpers.js';

/**
 * Worker threads only run compiled code, so this file tests dist/ (`npm test` builds it
 * first). Every file is cut into parts of a few kilobytes, so many cuts happen, and the result
 * must equal the single-thread one exactly, line numbers of bad rows included.
 */
const DIST = join(ROOT, 'dist', 'fleet', 'fleet.js');
let fleet: typeof Fleet;

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('dist/fleet/fleet.js is missing: run `npm run build` first (npm test does).');
  fleet = (await import(pathToFileURL(DIST).href)) as typeof Fleet;
});

const tiny = { workers: 2, partBytes: 3000, minFileBytes: 0 };
const small = { workers: 2, partBytes: 40_000, minFileBytes: 0 };
const AS_OF = new Date('2025-06-04T00:00:00Z');

async function both(dir: string, files: string[], parallel = tiny, extra: () => Fleet.FleetInput[] = () => []) {
  const inputs = async () => [...(await Promise.all(files.map(async (f) => ({ source: await fleet.fileSource(join(dir, f)) })))), ...extra()];
  const one = await fleet.analyzeFleet({ inputs: await inputs(), asOf: AS_OF, parallel: { workers: 0 } });
  const warnings: unknown[] = [];
  const split: { files: number; parts: number; fallback: boolean }[] = [];
  const many = await fleet.analyzeFleet({
    inputs: await inputs(),
    asOf: AS_OF,
    parallel,
    onWarning: (w) => warnings.push(w),
    onParallel: (i) => split.push(i),
  });
  return { one, many, warnings, split };
}

describe('fleet with worker threads gives exactly the single-thread result', () => {
  it.each(['entra-csv', 'graph-json'])('on a generated tenant (%s), cut into many parts', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-par-'));
    const args = ['--devices', '1500', '--signins', '15000', '--out', dir, '--seed', '7', '--format', format];
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-fleet.mjs'), ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { one, many, warnings, split } = await both(
      dir,
      readdirSync(dir).filter((f) => f !== 'truth.json'),
      small,
    );
    expect(warnings).toEqual([]);
    // the two sign-in files went to the workers in many parts, and no part had to be read again
    expect(split).toHaveLength(1);
    expect(split[0]).toMatchObject({ files: 2, fallback: false });
    expect(split[0]?.parts).toBeGreaterThan(20);
    expect(many.affected).toEqual(one.affected);
    expect(many.summary).toEqual(one.summary);
    expect(many.rows).toEqual(one.rows);
    expect(many.inputs).toEqual(one.inputs);
  });

  it('with bad rows: the same counts and the same line numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-par-bad-'));
    const csv = readFileSync(join(ROOT, 'test', 'fixtures', 'fleet', 'entra-noninteractive-signins.csv'), 'utf8').split('\r\n');
    const header = csv[0] ?? '';
    const rows = csv.slice(1).filter((l) => l !== '');
    const lines = [header];
    for (let i = 0; i < 300; i++) {
      const row = rows[i % rows.length] ?? '';
      if (i % 37 === 5) lines.push('a,row,with,too,few,columns');
      else if (i % 53 === 9) lines.push(row.replace(/^2025-06-0\dT/, 'not a date T'));
      else lines.push(row);
    }
    writeFileSync(join(dir, 'signins.csv'), `${lines.join('\r\n')}\r\n`);
    const { one, many, split } = await both(dir, ['signins.csv']);
    expect(split[0]?.parts).toBeGreaterThan(3);
    expect(one.inputs[0]?.rows.skippedByReason).toMatchObject({ 'wrong-column-count': 8, 'missing-time': 6 });
    expect(many.inputs).toEqual(one.inputs);
    expect(many.affected).toEqual(one.affected);
  });

  it('a cut inside a quoted field that spans lines falls back to one thread, with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-par-quote-'));
    const csv = readFileSync(join(ROOT, 'test', 'fixtures', 'fleet', 'entra-interactive-signins.csv'), 'utf8').split('\r\n');
    const header = csv[0] ?? '';
    const row = csv[1] ?? '';
    // a failure reason of a few kilobytes, over many lines: every cut near it lands inside
    const long = `"${Array.from({ length: 400 }, (_, i) => `reason line ${i}`).join('\n')}"`;
    const body = Array.from({ length: 60 }, (_, i) => (i % 20 === 10 ? row.replace('Device object was not found in the tenant directory.', long) : row));
    writeFileSync(join(dir, 'signins.csv'), `${[header, ...body].join('\r\n')}\r\n`);
    // a stream (stdin) beside it is read once, and kept, when the file is read again
    const stdin = readFileSync(join(ROOT, 'test', 'fixtures', 'fleet', 'graph-signins.jsonl'));
    const extra = () => [
      {
        source: fleet.streamSource(
          '<stdin>',
          (async function* () {
            yield stdin;
          })(),
        ),
      },
    ];
    const { one, many, split } = await both(dir, ['signins.csv'], tiny, extra);
    expect(split.at(-1)?.fallback).toBe(true);
    expect(one.inputs[0]?.rows).toEqual({ read: 60, used: 60, skipped: 0, skippedByReason: {} });
    expect(one.inputs[1]?.rows).toMatchObject({ read: 14, used: 13 });
    expect(many.inputs).toEqual(one.inputs);
    expect(many.affected).toEqual(one.affected);
  });
});
