// Fleet benchmark: 1,000,000 sign-in rows and 200,000 devices (scripts/gen-fleet.mjs, admin
// center CSV downloads) analysed by `dsreg-doctor fleet` (dist/) and by DuckDB running the same
// analysis as one SQL query over the same files. Each side runs in its own process, so its
// peak RSS is its own; the best of BENCH_FLEET_RUNS runs (default 3) is reported.
// Figures, not pass/fail. Aim: our time <= 1.5x DuckDB's, our peak RSS < 300 MB.
//
//   node bench/fleet.mjs                      (generates to a temp dir, removes it afterwards)
//   BENCH_FLEET_SIGNINS=200000 BENCH_FLEET_DEVICES=40000 node bench/fleet.mjs
//   BENCH_FLEET_DIR=/path node bench/fleet.mjs   (reuse generated files)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIGNINS = Number(process.env.BENCH_FLEET_SIGNINS ?? 1_000_000);
const DEVICES = Number(process.env.BENCH_FLEET_DEVICES ?? 200_000);
const RUNS = Number(process.env.BENCH_FLEET_RUNS ?? 3);
const keep = process.env.BENCH_FLEET_DIR !== undefined;
const dir = process.env.BENCH_FLEET_DIR ?? mkdtempSync(join(tmpdir(), 'dsreg-doctor-fleet-bench-'));

if (!existsSync(join(root, 'dist', 'fleet', 'fleet.js'))) {
  console.error('bench/fleet.mjs: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}

if (!existsSync(join(dir, 'truth.json'))) {
  const gen = spawnSync(process.execPath, [join(root, 'scripts', 'gen-fleet.mjs'), '--devices', String(DEVICES), '--signins', String(SIGNINS), '--out', dir], {
    stdio: 'inherit',
  });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
}
const files = readdirSync(dir).filter((f) => f !== 'truth.json');
const bytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);

// --- the two sides, each a child process that prints one JSON line ---------------------------
const ours = `
import { analyzeFleet, fileSource } from ${JSON.stringify(join(root, 'dist', 'fleet', 'fleet.js'))};
const dir = ${JSON.stringify(dir)};
const files = ${JSON.stringify(files)};
const start = performance.now();
const report = await analyzeFleet({ inputs: await Promise.all(files.map(async (f) => ({ source: await fileSource(dir + '/' + f) }))), asOf: new Date('2025-06-04T00:00:00Z') });
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, affected: report.affected.map((d) => d.deviceId).sort(), rows: report.rows }));
`;

const q = (name) => `'${join(dir, name).replace(/'/g, "''")}'`;
const CODES = '700003, 135011, 50155, 50097, 50187, 53000, 53001, 130008';
// The same analysis in SQL: per device, the device-error failures (count, codes, users, apps,
// first/last) and the last success, joined with the inventory (state, join type) and the audit
// log (who deleted or disabled it, by object id).
const SQL = `
WITH s AS (
  SELECT "Date (UTC)" AS t, TRY_CAST("Sign-in error code" AS INTEGER) AS code, lower(trim("Device ID")) AS device_id,
         "Username" AS upn, "Application" AS app, "Join Type" AS trust
  FROM read_csv([${q('signins-interactive.csv')}, ${q('signins-noninteractive.csv')}], header = true, all_varchar = true)
),
per_device AS (
  SELECT device_id,
         count(*) FILTER (WHERE code IN (${CODES})) AS failure_count,
         list(DISTINCT 'AADSTS' || code) FILTER (WHERE code IN (${CODES})) AS error_codes,
         list(DISTINCT upn) FILTER (WHERE code IN (${CODES})) AS users,
         list(DISTINCT app) FILTER (WHERE code IN (${CODES})) AS apps,
         min(t) FILTER (WHERE code IN (${CODES})) AS first_failure,
         max(t) FILTER (WHERE code IN (${CODES})) AS last_failure,
         max(t) FILTER (WHERE code = 0) AS last_success,
         any_value(trust) FILTER (WHERE trust <> '') AS signin_trust
  FROM s WHERE device_id <> '' GROUP BY device_id
),
inv AS (
  SELECT lower(deviceId) AS device_id, lower(objectId) AS object_id, displayName, accountEnabled, "joinType (trustType)" AS trust
  FROM read_csv(${q('devices.csv')}, header = true, all_varchar = true)
),
aud AS (
  SELECT lower(Target1ObjectId) AS object_id, coalesce(nullif(ActorUserPrincipalName, ''), ActorServicePrincipalName) AS actor, "Date (UTC)" AS t,
         CASE WHEN Activity = 'Delete device' THEN 'delete' ELSE 'disable' END AS action
  FROM read_csv(${q('audit.csv')}, header = true, all_varchar = true)
  WHERE Result = 'Success' AND Target1Type = 'Device'
    AND (Activity = 'Delete device' OR (Activity = 'Update device' AND Target1ModifiedProperty1Name = 'AccountEnabled' AND Target1ModifiedProperty1NewValue LIKE '%false%'))
)
SELECT p.device_id, inv.displayName, coalesce(inv.trust, p.signin_trust) AS join_type,
       CASE WHEN inv.device_id IS NULL THEN 'missing' WHEN inv.accountEnabled = 'False' THEN 'disabled' ELSE 'present' END AS inventory_state,
       p.error_codes, p.failure_count, p.users, p.apps, p.first_failure, p.last_failure, p.last_success,
       a.actor AS deleted_by, a.t AS deleted_at, a.action
FROM per_device p
LEFT JOIN inv ON inv.device_id = p.device_id
LEFT JOIN (SELECT object_id, arg_max(actor, t) AS actor, max(t) AS t, arg_max(action, t) AS action FROM aud GROUP BY object_id) a ON a.object_id = inv.object_id
WHERE p.failure_count > 0
ORDER BY p.failure_count DESC, p.device_id`;

const duck = `
import { DuckDBInstance } from '@duckdb/node-api';
const start = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const reader = await conn.runAndReadAll(${JSON.stringify(SQL)});
const rows = reader.getRowObjectsJS();
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, affected: rows.map((r) => r.device_id).sort() }));
`;

let scriptCount = 0;
function run(code) {
  // a script file next to package.json (so @duckdb/node-api resolves), removed afterwards
  const script = join(root, 'bench', `.fleet-run-${process.pid}-${scriptCount++}.mjs`);
  writeFileSync(script, code);
  let r;
  try {
    r = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(script, { force: true });
  }
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const best = (side) => {
  let result;
  for (let i = 0; i < RUNS; i++) {
    const r = run(side);
    if (!result || r.seconds < result.seconds) result = { ...r, peakRssMB: Math.max(r.peakRssMB, result?.peakRssMB ?? 0) };
    else result.peakRssMB = Math.max(result.peakRssMB, r.peakRssMB);
  }
  return result;
};

const a = best(ours);
const b = best(duck);
const same = a.affected.length === b.affected.length && a.affected.every((id, i) => id === b.affected[i]);
const ratio = a.seconds / b.seconds;
const results = {
  signInRows: SIGNINS,
  devices: DEVICES,
  inputMB: bytes / 1e6,
  oursSeconds: a.seconds,
  duckdbSeconds: b.seconds,
  ratio,
  oursPeakRssMB: a.peakRssMB,
  duckdbPeakRssMB: b.peakRssMB,
  oursRowsPerSecond: a.rows.read / a.seconds,
  affectedDevices: a.affected.length,
  sameAffectedSet: same,
};
const fmt = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : v);
console.log(`dsreg-doctor fleet bench (best of ${RUNS})`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(20)} ${fmt(v)}`);
console.log(`  target: time <= 1.5x DuckDB (${ratio <= 1.5 ? 'met' : 'NOT met'}), peak RSS < 300 MB (${a.peakRssMB < 300 ? 'met' : 'NOT met'})`);
if (!same) console.log('  WARNING: the affected-device sets differ between dsreg-doctor and DuckDB');
if (process.env.BENCH_JSON) console.log(JSON.stringify(results));
if (!keep) rmSync(dir, { recursive: true, force: true });
