// Fleet benchmark: 1,000,000 sign-in rows and 200,000 devices (scripts/gen-fleet.mjs) analysed by
// `dsreg-doctor fleet` (dist/) and by DuckDB running the same analysis as one SQL query over the
// same files, in two cases:
//   csv    admin center CSV downloads (sign-ins, devices, audit log)
//   jsonl  Graph `signIn` records as JSON Lines (nested status and deviceDetail, ~900 MB) with
//          the admin center's device and audit CSV downloads (DuckDB: read_json + read_csv)
// The sides run interleaved (A B A B …, after a warm-up; bench/interleave.mjs), each in its own
// process so its peak RSS is its own. Figures, not pass/fail. Aim: ours <= 1.5x DuckDB's
// (stretch <= 1.0x), our peak RSS <= 300 MB.
//
//   node bench/fleet.mjs                          (npm run bench: 100,000 sign-ins, 20,000 devices, to
//                                                  keep the run to a few minutes; generated to a temp
//                                                  dir, removed afterwards)
//   BENCH_FLEET_FULL=1 node bench/fleet.mjs       (the issue's case: 1,000,000 sign-ins, 200,000
//                                                  devices, ~960 MB as JSON Lines; 10+ minutes)
//   BENCH_FLEET_SIGNINS=300000 BENCH_FLEET_DEVICES=60000 node bench/fleet.mjs   (any size)
//   BENCH_FLEET_CASES=jsonl node bench/fleet.mjs   (one case)
//   BENCH_FLEET_DIR=/path node bench/fleet.mjs     (reuse generated files: /path/csv, /path/jsonl)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatComparison, interleave } from './interleave.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FULL = process.env.BENCH_FLEET_FULL === '1';
const SIGNINS = Number(process.env.BENCH_FLEET_SIGNINS ?? (FULL ? 1_000_000 : 100_000));
const DEVICES = Number(process.env.BENCH_FLEET_DEVICES ?? (FULL ? 200_000 : 20_000));
const CASES = (process.env.BENCH_FLEET_CASES ?? 'csv,jsonl').split(',').map((c) => c.trim());
const keep = process.env.BENCH_FLEET_DIR !== undefined;
const base = process.env.BENCH_FLEET_DIR ?? mkdtempSync(join(tmpdir(), 'dsreg-doctor-fleet-bench-'));

if (!existsSync(join(root, 'dist', 'fleet', 'fleet.js'))) {
  console.error('bench/fleet.mjs: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}

/** The generated files of a case (generated when missing). */
function generate(name, format) {
  const dir = join(base, name);
  if (!existsSync(join(dir, 'truth.json'))) {
    const args = ['--devices', String(DEVICES), '--signins', String(SIGNINS), '--format', format, '--out', dir];
    const gen = spawnSync(process.execPath, [join(root, 'scripts', 'gen-fleet.mjs'), ...args], { stdio: 'inherit' });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
  const files = readdirSync(dir).filter((f) => f !== 'truth.json');
  return { dir, files, bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0) };
}

// --- the two sides, each a child process that prints one JSON line ---------------------------
const ours = (dir, files) => `
import { analyzeFleet, fileSource } from ${JSON.stringify(join(root, 'dist', 'fleet', 'fleet.js'))};
const dir = ${JSON.stringify(dir)};
const files = ${JSON.stringify(files)};
const start = performance.now();
const report = await analyzeFleet({ inputs: await Promise.all(files.map(async (f) => ({ source: await fileSource(dir + '/' + f) }))), asOf: new Date('2025-06-04T00:00:00Z') });
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, affected: report.affected.map((d) => d.deviceId).sort(), rows: report.rows }));
`;

const CODES = '700003, 135011, 50155, 50097, 50187, 53000, 53001, 130008';
const q = (dir, name) => `'${join(dir, name).replace(/'/g, "''")}'`;
// The sign-ins of each case as one relation: time, error code, device id, user, app, join type.
const SIGNINS_SQL = {
  csv: (dir) => `SELECT "Date (UTC)" AS t, TRY_CAST("Sign-in error code" AS INTEGER) AS code, lower(trim("Device ID")) AS device_id,
         "Username" AS upn, "Application" AS app, "Join Type" AS trust
  FROM read_csv([${q(dir, 'signins-interactive.csv')}, ${q(dir, 'signins-noninteractive.csv')}], header = true, all_varchar = true)`,
  jsonl: (dir) => `SELECT createdDateTime AS t, status.errorCode AS code, lower(trim(coalesce(deviceDetail.deviceId, ''))) AS device_id,
         userPrincipalName AS upn, appDisplayName AS app, deviceDetail.trustType AS trust
  FROM read_json([${q(dir, 'signins-interactive.jsonl')}, ${q(dir, 'signins-noninteractive.jsonl')}], format = 'newline_delimited',
    columns = {createdDateTime: 'VARCHAR', userPrincipalName: 'VARCHAR', appDisplayName: 'VARCHAR', isInteractive: 'BOOLEAN',
               status: 'STRUCT(errorCode INTEGER)', deviceDetail: 'STRUCT(deviceId VARCHAR, displayName VARCHAR, trustType VARCHAR)'})`,
};
// The same analysis in SQL: per device, the device-error failures (count, codes, users, apps,
// first/last) and the last success, joined with the inventory (state, join type) and the audit
// log (who deleted or disabled it, by object id).
const sql = (name, dir) => `
WITH s AS (${SIGNINS_SQL[name](dir)}),
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
  FROM read_csv(${q(dir, 'devices.csv')}, header = true, all_varchar = true)
),
aud AS (
  SELECT lower(Target1ObjectId) AS object_id, coalesce(nullif(ActorUserPrincipalName, ''), ActorServicePrincipalName) AS actor, "Date (UTC)" AS t,
         CASE WHEN Activity = 'Delete device' THEN 'delete' ELSE 'disable' END AS action
  FROM read_csv(${q(dir, 'audit.csv')}, header = true, all_varchar = true)
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

const duck = (query) => `
import { DuckDBInstance } from '@duckdb/node-api';
const start = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const reader = await conn.runAndReadAll(${JSON.stringify(query)});
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

/** One side: each run's seconds for interleave(), its peak RSS and affected set kept. */
function side(name, code) {
  const s = { name, peakRssMB: 0, affected: undefined, rows: undefined };
  s.run = () => {
    const r = run(code);
    s.peakRssMB = Math.max(s.peakRssMB, r.peakRssMB);
    s.affected = r.affected;
    s.rows = r.rows ?? s.rows;
    return r.seconds;
  };
  return s;
}

const fmt = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : v);
const CASE_FORMATS = { csv: 'entra-csv', jsonl: 'graph-jsonl' };
const all = {};
console.log(
  `dsreg-doctor fleet bench: ${SIGNINS} sign-ins, ${DEVICES} devices; load average at start ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (SIGNINS < 1_000_000)
  console.log(`  (a smaller case than the issue's 1,000,000 sign-ins, so that npm run bench stays short; BENCH_FLEET_FULL=1 runs that one)`);
for (const name of CASES) {
  if (!CASE_FORMATS[name]) {
    console.error(`bench/fleet.mjs: unknown case ${name} (csv, jsonl)`);
    process.exit(2);
  }
  const { dir, files, bytes } = generate(name, CASE_FORMATS[name]);
  const a = side('dsreg-doctor', ours(dir, files));
  const b = side('DuckDB', duck(sql(name, dir)));
  const r = await interleave(a, b);
  const same = a.affected.length === b.affected.length && a.affected.every((id, i) => id === b.affected[i]);
  console.log(`\n${formatComparison(`case ${name}: ${(bytes / 1e6).toFixed(0)} MB of input`, r, (x) => `${x.toFixed(2)} s`)}`);
  const results = {
    inputMB: bytes / 1e6,
    oursPeakRssMB: a.peakRssMB,
    duckdbPeakRssMB: b.peakRssMB,
    oursRowsPerSecondAtMedian: a.rows.read / r.a.median,
    affectedDevices: a.affected.length,
    sameAffectedSet: same,
  };
  for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(26)} ${fmt(v)}`);
  console.log(
    `  aims: median ratio <= 1.5x DuckDB (${r.ratio.median <= 1.5 ? 'met' : 'NOT met'}; stretch <= 1.0x ${r.ratio.median <= 1 ? 'met' : 'not met'}), peak RSS <= 300 MB (${a.peakRssMB <= 300 ? 'met' : 'NOT met'})`,
  );
  if (!same) console.log('  WARNING: the affected-device sets differ between dsreg-doctor and DuckDB');
  all[name] = { ...results, ratioMin: r.ratio.min, ratioMedian: r.ratio.median, oursMedian: r.a.median, duckdbMedian: r.b.median };
}
console.log(
  `load average at the end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (process.env.BENCH_JSON) console.log(JSON.stringify(all));
if (!keep) rmSync(base, { recursive: true, force: true });
