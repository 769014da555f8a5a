// Web server under load (runs against dist/): p50 / p95 of POST /api/diagnose at 1, 50 and 200
// concurrent clients, alone and while a ~60 MB fleet upload (scripts/gen-fleet.mjs, written to a
// temporary folder) is sent and analysed. Loopback only, plain node:http clients, bounded run
// time (each phase stops after BENCH_WEB_LOAD_PHASE_MS, the whole run well under 2 minutes).
// Figures, not pass/fail.
//
//   node bench/web-load.mjs            (npm run bench runs it after building)
//   BENCH_WEB_LOAD_INLINE=1 node bench/web-load.mjs   the fleet analysis in the request thread (before #13)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PHASE_MS = Number(process.env.BENCH_WEB_LOAD_PHASE_MS ?? 6000);
const LEVELS = [1, 50, 200];
const STATUS = readFileSync(join(ROOT, 'examples', 's01-aadj-700003.txt'));
const started = performance.now();

/** `serve` on a free loopback port in a child process; resolves with its port and a stopper. */
function serverProcess(inline) {
  const code = `import { startServer } from ${JSON.stringify(new URL('../dist/web/server.js', import.meta.url).href)};
const s = await startServer({ port: 0${inline ? ', fleetWorker: false' : ''} });
process.stdout.write(s.port + '\\n');
process.stdin.on('end', () => s.close().then(() => process.exit(0)));
process.stdin.resume();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d) =>
      resolve({
        port: Number(String(d).trim()),
        close: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.stdin.end();
          }),
      }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dsreg-doctor-web-load-'));
try {
  // ~62 MB in four admin-center CSV downloads (under the 64 MB upload limit)
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-fleet.mjs'), '--devices', '5000', '--signins', '80000', '--out', dir], { stdio: 'ignore' });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  const boundary = `----dsreg-doctor-load-${Date.now()}`;
  const body = Buffer.concat([
    ...files.flatMap((f) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);

  // the server in a process of its own: the clients here do not share its event loop
  const server = await serverProcess(Boolean(process.env.BENCH_WEB_LOAD_INLINE));
  const host = `127.0.0.1:${server.port}`;
  console.log(
    `web load: ${files.length} files, ${(total / 1048576).toFixed(1)} MB upload; diagnose body ${STATUS.length} B; fleet analysis ${process.env.BENCH_WEB_LOAD_INLINE ? 'in the request thread' : 'in a worker thread'}`,
  );

  /** One request; resolves with its status and milliseconds. */
  const send = (agent, path, payload, headers = {}) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        { host: '127.0.0.1', port: server.port, path, method: 'POST', agent, headers: { host, 'content-length': payload.length, ...headers } },
        (res) => {
          let head = '';
          res.on('data', (d) => {
            if (head.length < 300) head += d;
          });
          res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0, head }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  /** `clients` loops sending diagnoses until `until()` says stop (and at least `min` each). */
  const diagnoseLoad = async (clients, until) => {
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const ms = [];
    let failed = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        // each client's first request opens its connection: not counted
        let first = true;
        while (!until()) {
          const r = await send(agent, '/api/diagnose?lang=en', STATUS, { 'content-type': 'text/plain' });
          if (r.status !== 200) failed++;
          else if (!first) ms.push(r.ms);
          first = false;
        }
      }),
    );
    agent.destroy();
    return { ms, failed };
  };

  const q = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : Number.NaN;
  };
  const rows = [];
  const uploadAgent = new Agent({ keepAlive: false });
  // warm-up: the engine and the fleet readers loaded once
  await diagnoseLoad(
    4,
    (
      (n) => () =>
        n-- <= 0
    )(40),
  );
  for (const clients of LEVELS) {
    const stopAt = performance.now() + PHASE_MS / 2;
    const alone = await diagnoseLoad(clients, () => performance.now() > stopAt);
    // the same load while one upload is sent and analysed; measured until the upload answers
    let uploading = true;
    const upload = send(uploadAgent, '/api/fleet?lang=en', body, { 'content-type': `multipart/form-data; boundary=${boundary}` }).finally(() => {
      uploading = false;
    });
    const hardStop = performance.now() + PHASE_MS * 3;
    const during = await diagnoseLoad(clients, () => !uploading || performance.now() > hardStop);
    const up = await upload;
    rows.push({ clients, alone, during, upload: up });
  }
  await server.close();

  const f = (x) => (Number.isNaN(x) ? '—' : x.toFixed(1).padStart(8));
  console.log('');
  console.log('clients  alone: n      p50      p95      max | with 60 MB upload: n      p50      p95      max | upload ms  status');
  for (const r of rows) {
    console.log(
      `${String(r.clients).padStart(7)}  ${String(r.alone.ms.length).padStart(8)} ${f(q(r.alone.ms, 0.5))} ${f(q(r.alone.ms, 0.95))} ${f(r.alone.ms.reduce((m, x) => Math.max(m, x), 0))} | ${String(r.during.ms.length).padStart(20)} ${f(q(r.during.ms, 0.5))} ${f(q(r.during.ms, 0.95))} ${f(r.during.ms.reduce((m, x) => Math.max(m, x), 0))} | ${r.upload.ms.toFixed(0).padStart(9)}  ${r.upload.status}`,
    );
    if (r.upload.status !== 200) console.log(`         upload answered ${r.upload.status}: ${r.upload.head.slice(0, 200)}`);
    if (r.alone.failed + r.during.failed > 0) console.log(`         (${r.alone.failed + r.during.failed} diagnose requests failed)`);
  }
  console.log(`\nweb load: ${((performance.now() - started) / 1000).toFixed(1)} s in all (milliseconds above)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
