// bin/ runs the CLI bundle (dist/bundle/, scripts/build-cli.mjs), not tsc's output. The bundle
// must find what the unbundled code found beside itself: the fleet part workers
// (`./worker.js`), the web app's analysis worker (`./fleet-worker.js`) and the page files
// (`../../web/`). Unit tests run the TypeScript sources, where no worker exists, so these paths
// are only taken here: each answer is compared with the same work done in one thread.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { analyzeFleet, memorySource } from '../src/fleet/fleet.js';
import { memoryIo, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const FIX = join(ROOT, 'test', 'fixtures', 'fleet');
const tmp = mkdtempSync(join(tmpdir(), 'dsreg-doctor-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `--as-of` is given, so the two reports can be compared whole. */
const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;

describe('the CLI bundle', () => {
  it('cuts a sign-in log over 64 MB into parts read by worker threads, with the one-thread result', async () => {
    // 14 Graph sign-in records repeated to just over the size where parts go to workers
    const records = readFileSync(join(FIX, 'graph-signins.jsonl'));
    const copies = Math.ceil((64 * 1024 * 1024 + 1) / records.length);
    const big = join(tmp, 'signins.jsonl');
    writeFileSync(big, Buffer.concat(Array.from({ length: copies }, () => records)));
    const args = ['fleet', '--signins', big, '--devices', join(FIX, 'graph-devices.json'), '--as-of', '2025-06-04', '--format', 'json'];

    const bundled = spawnSync(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', LANG: 'C' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const io = memoryIo();
    const code = await main(args, io);

    // a worker that cannot start is not fatal: the file is read again in one thread, with a note
    expect(bundled.stderr).not.toMatch(/in parallel failed/);
    expect(bundled.status).toBe(code);
    expect(parsed(bundled.stdout)).toEqual(parsed(io.out()));
    const report = parsed(bundled.stdout) as { inputs: { rows: { read: number } }[] };
    expect(report.inputs[0]?.rows.read).toBe(copies * 14);
  }, 120_000);

  describe('serve', () => {
    let server: ChildProcess | undefined;
    afterAll(() => server?.kill());

    async function start(): Promise<string> {
      server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
      let said = '';
      return await new Promise((resolve, reject) => {
        server?.stdout?.on('data', (d: Buffer) => {
          said += d.toString('utf8');
          const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(said)?.[0];
          if (url) resolve(url);
        });
        server?.on('exit', (c) => reject(new Error(`serve exited with ${c}: ${said}`)));
      });
    }

    it('serves the page files and analyses a fleet upload in its worker, as fleet does in one thread', async () => {
      const url = await start();
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script type="module"');
      expect((await fetch(`${url}app.js`)).status).toBe(200);

      const names = ['entra-interactive-signins.csv', 'entra-noninteractive-signins.csv', 'entra-devices.csv', 'entra-audit.csv'];
      const form = new FormData();
      for (const n of names) form.append('file', new Blob([readFileSync(join(FIX, n))]), n);
      form.append('asOf', '2025-06-04');
      const res = await fetch(`${url}api/fleet?lang=en`, { method: 'POST', body: form });
      expect(res.status).toBe(200);
      const { dataset: _dataset, ...answer } = (await res.json()) as Record<string, unknown>;
      const direct = await analyzeFleet({
        inputs: names.map((n) => ({ source: memorySource(n, readFileSync(join(FIX, n))) })),
        asOf: new Date('2025-06-04T00:00:00Z'),
      });
      expect(answer).toEqual(JSON.parse(JSON.stringify(direct)));
      expect((answer.affected as unknown[]).length).toBeGreaterThan(0);
    }, 60_000);
  });
});
