import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFleet, fileSource } from '../src/fleet/fleet.js';
import { startServer, timeoutOptions } from '../src/web/server.js';
import { FIXTURES, ROOT } from './helpers.js';

/**
 * Issue 13 item 10: the server under load. Stalled sockets are closed by the request and header
 * timeouts (a short timeout here), and a diagnosis is answered while a large fleet upload is
 * being analysed (in a worker thread: the compiled server in dist/, as `serve` runs it).
 */

const STATUS = readFileSync(join(FIXTURES, 's01-aadj-700003.txt'));

/** Connect, send `bytes`, then nothing: resolves with how the server ended the socket. */
function stall(port: number, bytes: string): Promise<{ closedAfterMs: number; reply: string }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let reply = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (d) => {
      reply += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve({ closedAfterMs: Date.now() - t0, reply }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the stalled socket open for 10 s'));
    }, 10_000).unref();
  });
}

describe('stalled sockets are closed by the timeouts', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer({ port: 0, stallTimeoutMs: 400 });
  });
  afterAll(() => server.close());
  const host = () => `127.0.0.1:${server.port}`;

  it('a socket that sends nothing', async () => {
    const r = await stall(server.port, '');
    expect(r.closedAfterMs).toBeLessThan(5000);
  });

  it('headers that never end', async () => {
    const r = await stall(server.port, `POST /api/diagnose HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: text/plain\r\n`);
    expect(r.closedAfterMs).toBeLessThan(5000);
  });

  it('a body that stops half way', async () => {
    const r = await stall(server.port, `POST /api/diagnose HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 5000\r\n\r\n${'x'.repeat(100)}`);
    expect(r.closedAfterMs).toBeLessThan(5000);
    expect(r.reply).toBe('');
  });

  it('a slow but moving body is read to the end and answered (only a pause closes it)', async () => {
    const text = STATUS.toString('latin1');
    const pieces = 8;
    const size = Math.ceil(text.length / pieces);
    const reply = await new Promise<string>((resolve, reject) => {
      let got = '';
      const socket = connect(server.port, '127.0.0.1', async () => {
        socket.write(`POST /api/diagnose?lang=en HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: ${STATUS.length}\r\nConnection: close\r\n\r\n`);
        // 8 pieces 200 ms apart: 1.6 s in all, four times the 400 ms timeout, never a 400 ms pause
        for (let i = 0; i < pieces; i++) {
          await new Promise((r) => setTimeout(r, 200));
          socket.write(STATUS.subarray(i * size, (i + 1) * size));
        }
      });
      socket.on('data', (d) => {
        got += d.toString('latin1');
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(got));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toContain('device-object-missing');
  });

  it('a request sent in time is answered (the timeout is for stalls only)', async () => {
    const res = await fetch(`${server.url}api/diagnose?lang=en`, { method: 'POST', body: STATUS });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { findings: { id: string }[] }).findings[0]?.id).toBe('device-object-missing');
  });

  it('the defaults: a 30 s pause closes a request, headers within 20 s, checked every second', () => {
    expect(timeoutOptions()).toEqual({
      requestTimeout: 300_000,
      headersTimeout: 20_000,
      connectionsCheckingInterval: 1000,
      keepAliveTimeout: 5000,
      idleTimeout: 30_000,
    });
    expect(timeoutOptions(400)).toMatchObject({ headersTimeout: 400, connectionsCheckingInterval: 100, idleTimeout: 400 });
  });

  it('an answer that takes longer than the timeout is not cut (only an arriving request is)', async () => {
    const report = await analyzeFleet({
      inputs: [{ source: await fileSource(join(ROOT, 'test', 'fixtures', 'fleet', 'entra-interactive-signins.csv'), 'signins.csv') }],
    });
    // a Graph pull that takes 1.5 s, five times the 300 ms timeout, with no byte on the socket meanwhile
    const slow = await startServer({ port: 0, stallTimeoutMs: 300, fleetFromGraph: () => new Promise((r) => setTimeout(() => r(report), 1500)) });
    try {
      const res = await fetch(`${slow.url}api/fleet/graph?lang=en`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { affected: unknown[] }).affected).toHaveLength(3);
    } finally {
      await slow.close();
    }
  });
});

const DIST_SERVER = join(ROOT, 'dist', 'web', 'server.js');

describe('a diagnosis is answered while a large fleet upload is analysed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsreg-doctor-load-'));
  let body: Buffer;
  const boundary = '----dsreg-doctor-load-test';
  beforeAll(() => {
    // ~22 MB of admin-center CSV downloads: seconds of parsing
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-fleet.mjs'), '--devices', '3000', '--signins', '30000', '--out', dir], { stdio: 'ignore' });
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    body = Buffer.concat([
      ...files.flatMap((f) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f}"\r\nContent-Type: text/csv\r\n\r\n`),
        readFileSync(join(dir, f)),
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Upload; when the server starts the analysis, ask for a diagnosis. Returns the order in which
   * things ended: with the analysis in a worker the diagnosis ends first.
   */
  async function order(fleetWorker: boolean): Promise<string[]> {
    expect(existsSync(DIST_SERVER), 'the compiled server (npm run build) runs the worker').toBe(true);
    const { startServer: startCompiled } = (await import(DIST_SERVER)) as typeof import('../src/web/server.js');
    const events: string[] = [];
    let diagnosis: Promise<void> = Promise.resolve();
    const server = await startCompiled({
      port: 0,
      fleetWorker,
      onFleetAnalysis: (e) => {
        events.push(`analysis ${e}`);
        if (e === 'start') {
          diagnosis = post(server.port, '/api/diagnose?lang=en', STATUS, 'text/plain').then((r) => {
            events.push(`diagnose ${r.status}`);
          });
        }
      },
    });
    try {
      const upload = await post(server.port, '/api/fleet?lang=en', body, `multipart/form-data; boundary=${boundary}`);
      events.push(`upload ${upload.status}`);
      await diagnosis;
      return events;
    } finally {
      await server.close();
    }
  }

  it('in a worker thread: the diagnosis ends before the analysis', async () => {
    expect(await order(true)).toEqual(['analysis start', 'diagnose 200', 'analysis done', 'upload 200']);
  }, 120_000);

  it('control: in the request thread the diagnosis waits for the analysis (what the worker avoids)', async () => {
    expect(await order(false)).toEqual(['analysis start', 'analysis done', 'upload 200', 'diagnose 200']);
  }, 120_000);
});

function post(port: number, path: string, payload: Buffer, type: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': type, 'content-length': payload.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
