// The WebAssembly modules committed in src/ (base64, written by scripts/build-wasm.mjs) are what
// their AssemblyScript sources in asm/ compile to: nobody has to trust a binary nobody can read.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('WebAssembly modules', () => {
  it('each generated module matches a fresh build of its source', () => {
    const run = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
