import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFleet, fileSource } from '../src/fleet/fleet.js';
import { ROOT } from './helpers.js';

interface Truth {
  asOf: string;
  inventoryDevices: number;
  signins: number;
  signinsWithoutDevice: number;
  failuresWithoutDevice: Record<string, number>;
  affected: {
    deviceId: string;
    name: string;
    state: string;
    cause: string;
    inventoryState: string;
    joinType: string;
    errorCodes: string[];
    failureCount: number;
    deletedBy: string | null;
  }[];
}

function generate(format: string, devices: number, signins: number, seed: number): { dir: string; truth: Truth } {
  const dir = mkdtempSync(join(tmpdir(), `fleet-gen-${format}-`));
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'gen-fleet.mjs'),
      '--devices',
      String(devices),
      '--signins',
      String(signins),
      '--out',
      dir,
      '--format',
      format,
      '--seed',
      String(seed),
    ],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return { dir, truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth };
}

describe('fleet finds exactly the broken devices the generator made', () => {
  it.each([
    ['entra-csv', 1],
    ['graph-json', 2],
    ['la-csv', 3],
  ])('%s (seed %i)', async (format, seed) => {
    const { dir, truth } = generate(format, 4000, 40000, seed);
    const files = readdirSync(dir).filter((f) => f !== 'truth.json');
    const report = await analyzeFleet({
      inputs: await Promise.all(files.map(async (f) => ({ source: await fileSource(join(dir, f)) }))),
      asOf: new Date(truth.asOf),
    });

    // the set, exactly
    expect(report.affected.map((d) => d.deviceId).sort()).toEqual(truth.affected.map((d) => d.deviceId).sort());
    // and what fleet says about each
    const got = new Map(report.affected.map((d) => [d.deviceId, d]));
    for (const want of truth.affected) {
      const d = got.get(want.deviceId);
      expect(d, want.deviceId).toBeDefined();
      if (!d) continue;
      expect({ id: d.deviceId, cause: d.cause, state: d.inventoryState, count: d.failureCount, codes: [...d.errorCodes].sort(), by: d.deletedBy }).toEqual({
        id: want.deviceId,
        cause: want.cause,
        state: want.inventoryState,
        count: want.failureCount,
        codes: [...want.errorCodes].sort(),
        by: want.deletedBy,
      });
      // the join type is known for devices still in the directory, and never guessed for deleted ones
      if (want.inventoryState !== 'missing') {
        expect(d.joinType).toBe(want.joinType);
        expect(d.displayName).toBe(want.name);
      } else {
        expect(d.joinType).toBe('unknown');
        expect(d.firstStep).toBe('collect-full-status');
      }
    }
    expect(report.summary.failuresWithoutDevice).toEqual(truth.failuresWithoutDevice);
    expect(report.summary.inventory?.devices).toBe(truth.inventoryDevices);
    const signinRows = report.inputs.filter((i) => i.kind === 'signins').reduce((n, i) => n + i.rows.read, 0);
    expect(signinRows).toBe(truth.signins);
    expect(report.rows.skippedByReason['no-device-id']).toBe(truth.signinsWithoutDevice);
    expect(report.rows.read).toBe(report.rows.used + report.rows.skipped);
    for (const i of report.inputs) {
      expect(i.error, i.name).toBeNull();
      expect(i.unknownColumns, i.name).toEqual([]);
    }
  });
});
