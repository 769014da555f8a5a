import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSideList } from '../src/cleanup/lists.js';
import { type CleanupPlanInput, planCleanup, type StagedCleanup } from '../src/cleanup/staged.js';
import { main } from '../src/cli/cli.js';
import { analyzeFleet, type FleetAggregator, fileSource } from '../src/fleet/fleet.js';
import { ROOT } from './helpers.js';

/**
 * The staged cleanup on generated fleets with a known truth (scripts/gen-fleet.mjs --cleanup):
 * the expected lists are computed here from cleanup-truth.json, by the rules of the issue, not
 * from what the code does.
 */

interface Fact {
  deviceId: string;
  objectId: string;
  name: string;
  joinType: string;
  enabled: boolean;
  managed: boolean;
  autopilot: boolean;
  bitlockerKeys: boolean;
  bitlockerBackedUp: boolean;
  activityTimestamp: string | null;
  lastActivity: string | null;
}

const DAY = 86_400_000;
const STALE = 90;

function generate(seed: number): { dir: string; asOf: number; facts: Fact[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cleanup-gen-'));
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'gen-fleet.mjs'),
      '--devices',
      '3000',
      '--signins',
      '1500',
      '--out',
      dir,
      '--format',
      'graph-json',
      '--seed',
      String(seed),
      '--cleanup',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const truth = JSON.parse(readFileSync(join(dir, 'cleanup-truth.json'), 'utf8')) as { asOf: string; devices: Fact[] };
  return { dir, asOf: Date.parse(truth.asOf), facts: truth.devices };
}

async function aggregate(files: string[], asOf: number): Promise<FleetAggregator> {
  let agg: FleetAggregator | undefined;
  await analyzeFleet({
    inputs: await Promise.all(files.map(async (f) => ({ source: await fileSource(f), as: 'auto' as const }))),
    asOf: new Date(asOf),
    onAggregate: (a) => (agg = a),
  });
  if (!agg) throw new Error('no aggregate');
  return agg;
}

function sideIds(file: string, hint: 'autopilot' | 'bitlocker-backup'): Set<string> {
  return new Set(readSideList(file, readFileSync(file, 'utf8'), hint).ids);
}

/** The inventory of a later day: the stage-1 devices disabled, some enabled again by an admin. */
function laterInventory(dir: string, disabled: Set<string>, enabledAgain: Set<string>): string {
  const pages = readFileSync(join(dir, 'devices.json'), 'utf8').trim().split('\n');
  const out = pages.map((line) => {
    const page = JSON.parse(line) as { value: { deviceId: string; accountEnabled: boolean }[] };
    for (const d of page.value) if (disabled.has(d.deviceId) && !enabledAgain.has(d.deviceId)) d.accountEnabled = false;
    return JSON.stringify(page);
  });
  const file = join(dir, 'devices-later.json');
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

function signIn(deviceId: string, time: number, code: number): string {
  return JSON.stringify({
    id: `r-${deviceId}-${time}`,
    createdDateTime: new Date(time).toISOString(),
    userPrincipalName: 'user1@contoso.com',
    appDisplayName: 'Microsoft Teams',
    status: { errorCode: code, failureReason: code === 0 ? null : 'Device used during the authentication is disabled.' },
    deviceDetail: { deviceId, displayName: null, operatingSystem: 'Windows', trustType: 'Azure AD joined' },
  });
}

describe('staged cleanup on a generated fleet', () => {
  let gen: ReturnType<typeof generate>;
  let stage1: StagedCleanup;
  let base: Omit<CleanupPlanInput, 'agg' | 'asOf' | 'stage'>;

  beforeAll(async () => {
    gen = generate(17);
    base = {
      staleDays: STALE,
      autopilot: sideIds(join(gen.dir, 'autopilot.csv'), 'autopilot'),
      autopilotGiven: true,
      bitlockerBackedUp: sideIds(join(gen.dir, 'bitlocker-keys.json'), 'bitlocker-backup'),
    };
    const agg = await aggregate(
      ['signins-interactive.jsonl', 'signins-noninteractive.jsonl', 'devices.json', 'audit.json', 'bitlocker-keys.json'].map((f) => join(gen.dir, f)),
      gen.asOf,
    );
    stage1 = planCleanup({ ...base, agg, asOf: gen.asOf, stage: 1 });
  }, 60_000);

  it('stage 1 disables exactly the stale devices no rule holds back', () => {
    const cutoff = gen.asOf - STALE * DAY;
    const expected = gen.facts
      .filter(
        (f) =>
          f.enabled &&
          f.activityTimestamp !== null &&
          f.lastActivity !== null &&
          Date.parse(f.lastActivity) < cutoff &&
          !f.autopilot &&
          f.joinType !== 'hybrid-joined' &&
          !f.managed &&
          !(f.bitlockerKeys && !f.bitlockerBackedUp),
      )
      .map((f) => f.deviceId)
      .sort();
    expect(expected.length).toBeGreaterThan(50);
    expect(stage1.disable.map((d) => d.deviceId).sort()).toEqual(expected);
  });

  it('never puts an active, Autopilot, hybrid, MDM, unbacked-BitLocker or blank device on the disable list', () => {
    const byId = new Map(gen.facts.map((f) => [f.deviceId, f]));
    const cutoff = gen.asOf - STALE * DAY;
    for (const d of stage1.disable) {
      const f = byId.get(d.deviceId) as Fact;
      expect(f.lastActivity && Date.parse(f.lastActivity) < cutoff).toBe(true);
      expect(f.autopilot || f.joinType === 'hybrid-joined' || f.managed || (f.bitlockerKeys && !f.bitlockerBackedUp) || f.activityTimestamp === null).toBe(
        false,
      );
    }
    // each rule actually held devices back in this fleet
    for (const r of ['active', 'autopilot', 'hybrid', 'mdm-managed', 'bitlocker-not-backed-up'] as const) expect(stage1.byReason[r] ?? 0).toBeGreaterThan(0);
    expect(stage1.wouldBreak.disable).toEqual([]);
    // a device whose own timestamp is old but which signed in inside the window is held back as active
    const signedInLately = gen.facts.find(
      (f) => f.activityTimestamp && Date.parse(f.activityTimestamp) < cutoff && f.lastActivity && Date.parse(f.lastActivity) >= cutoff,
    );
    expect(signedInLately).toBeDefined();
    expect(stage1.heldBack.find((d) => d.deviceId === signedInLately?.deviceId)?.reasons).toContain('active');
  });

  it('stage 2 re-enables devices that failed with 135011 since stage 1; stage 3 deletes exactly those still disabled and inactive', async () => {
    const since = gen.asOf;
    const later = since + 35 * DAY;
    const disabledIds = stage1.disable.map((d) => d.deviceId);
    const [failing, alsoUsed, adminEnabled] = [disabledIds.slice(0, 4), disabledIds.slice(4, 5), disabledIds.slice(5, 6)];
    const inventory = laterInventory(gen.dir, new Set(disabledIds), new Set(adminEnabled));
    const logs = join(gen.dir, 'signins-later.jsonl');
    const rows = [
      ...failing.map((id, i) => signIn(id, since + (3 + i) * DAY, i % 2 === 0 ? 135011 : 50155)),
      // a device disabled in stage 1 that an admin found in use and re-enabled
      ...alsoUsed.map((id) => signIn(id, since + 2 * DAY, 0)),
      // an unrelated active device
      signIn(gen.facts[0]?.deviceId ?? '', later - DAY, 0),
    ];
    writeFileSync(logs, `${rows.join('\n')}\n`);
    const agg = await aggregate([inventory, logs, join(gen.dir, 'bitlocker-keys.json')], later);
    const stage2 = planCleanup({ ...base, agg, asOf: later, stage: 2, sinceStage1: since, stage1Ids: disabledIds });
    expect(stage2.reEnable.map((d) => d.deviceId).sort()).toEqual([...failing, ...alsoUsed].sort());
    expect(stage2.reEnable.find((d) => d.deviceId === failing[0])?.errorsSinceStage1).toContain('AADSTS135011');
    expect(stage2.delete).toEqual([]);
    expect(stage2.heldBack.find((d) => d.deviceId === adminEnabled[0])?.reasons).toEqual(['enabled-again']);

    const stage3 = planCleanup({ ...base, agg, asOf: later, stage: 3, sinceStage1: since, stage1Ids: disabledIds });
    const expected = disabledIds.filter((id) => !failing.includes(id) && !alsoUsed.includes(id) && !adminEnabled.includes(id)).sort();
    expect(stage3.delete.map((d) => d.deviceId).sort()).toEqual(expected);
    for (const id of failing) expect(stage3.delete.some((d) => d.deviceId === id)).toBe(false);
    expect(stage3.wouldBreak.delete).toEqual([]);
    // deletions of Entra joined / registered devices stay restorable for 30 days
    for (const d of stage3.delete)
      expect(d.restorableUntil).toBe(d.joinType === 'hybrid-joined' ? null : new Date(later + 30 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'));

    // before the grace period ends nothing is deleted
    const early = planCleanup({ ...base, agg, asOf: since + 10 * DAY, stage: 3, sinceStage1: since, stage1Ids: disabledIds });
    expect(early.delete).toEqual([]);
    expect(early.warnings).toContain('grace-not-over');
  }, 60_000);
});

describe('cleanup CLI', () => {
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdin: process.stdin,
      stdout: {
        write: (s: string) => {
          stdout += s;
          return true;
        },
      },
      stderr: {
        write: (s: string) => {
          stderr += s;
          return true;
        },
        isTTY: false,
      },
      env: {},
      cwd: ROOT,
    } as unknown as Parameters<typeof main>[1]);
    return { code, stdout, stderr };
  };

  it('refuses --stale-days under 21 and says why', async () => {
    const r = await run(['cleanup', '--stale-days', '14', '--devices', 'x.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/14 days old \(± 5 days\)/);
    const ja = await run(['cleanup', '--stale-days', '20', '--devices', 'x.csv', '--lang', 'ja']);
    expect(ja.stderr).toMatch(/21 日以上/);
  });

  it('needs --since-stage1 for stage 2 and an inventory', async () => {
    expect((await run(['cleanup', '--stale-days', '90', '--stage', '2', '--lang', 'en'])).stderr).toMatch(/--since-stage1/);
    const dir = mkdtempSync(join(tmpdir(), 'cleanup-cli-'));
    writeFileSync(join(dir, 'ids.txt'), '');
    expect((await run(['cleanup', '--stale-days', '90', '--lang', 'en', join(dir, 'ids.txt')])).stderr).toMatch(/No device inventory/);
  });

  it('stage 1 end to end: report formats, scripts and the list that stage 2 reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanup-e2e-'));
    const g = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-fleet.mjs'), '--devices', '1500', '--signins', '800', '--out', dir, '--cleanup'], {
      encoding: 'utf8',
    });
    expect(g.status).toBe(0);
    const files = ['devices.csv', 'signins-interactive.csv', 'signins-noninteractive.csv', 'audit.csv', 'autopilot.csv', 'bitlocker-keys.json'].map((f) =>
      join(dir, f),
    );
    const out = join(dir, 'out');
    const json = await run(['cleanup', ...files, '--stale-days', '90', '--as-of', '2025-06-04', '--format', 'json', '--scripts', out, '--lang', 'en']);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout) as StagedCleanup;
    expect(plan.kind).toBe('staged-cleanup');
    expect(plan.disable.length).toBeGreaterThan(0);
    expect(plan.warnings).not.toContain('no-autopilot-list');
    expect(plan.warnings).not.toContain('no-bitlocker-list');
    const disableCsv = readFileSync(join(out, 'stage1-disable.csv'), 'utf8');
    expect(disableCsv.trim().split('\r\n')).toHaveLength(plan.disable.length + 1);
    for (const f of ['stage1-disable.ps1', 'stage1-rollback.ps1']) expect(readFileSync(join(out, f), 'utf8')).toContain('[switch]$Apply');
    const html = await run(['cleanup', ...files, '--stale-days', '90', '--as-of', '2025-06-04', '--format', 'html', '--lang', 'ja']);
    expect(html.stdout).toContain('<svg');
    expect(html.stdout).toContain('ステージ 1');
    // stage 2 on the same (unchanged) data: nothing was disabled, so nothing to re-enable or delete
    const stage2 = await run([
      'cleanup',
      ...files,
      '--stale-days',
      '90',
      '--stage',
      '2',
      '--since-stage1',
      '2025-06-04',
      '--as-of',
      '2025-07-10',
      '--stage1',
      join(out, 'stage1-disable.csv'),
      '--format',
      'json',
    ]);
    const p2 = JSON.parse(stage2.stdout) as StagedCleanup;
    expect(p2.candidates).toBe(plan.disable.length);
    expect(p2.reEnable).toEqual([]);
    expect(p2.pendingDelete).toEqual([]);
    expect(p2.byReason['enabled-again']).toBe(plan.disable.length);
  }, 60_000);
});
