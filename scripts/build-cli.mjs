#!/usr/bin/env node
// npm run build (after tsc): the CLI as one esbuild bundle in dist/bundle/, which bin/ runs.
// Loading some 60 small modules cost about a fifth of a cold start; a bundle with code
// splitting keeps each command's code in its own chunk, loaded only when that command runs
// (the dynamic imports in cli.ts stay dynamic). The two worker entry points are entries of the
// same bundle, under the names the code asks for beside itself (`./worker.js`,
// `./fleet-worker.js`), and `../../web/` still names the shipped page files. npm packages stay
// outside (loaded from node_modules). The library (`dist/index.js`) is tsc's output, unbundled.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: {
    cli: 'src/cli/cli.ts',
    // Names fixed by the code that starts them: src/fleet/parallel.ts, src/web/fleet-job.ts.
    worker: 'src/fleet/worker.ts',
    'fleet-worker': 'src/web/fleet-worker.ts',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  charset: 'utf8',
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
