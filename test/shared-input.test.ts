import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { InputTooLarge, readCapped } from '../src/input/capped.js';
import { TEXT_ENCODINGS } from '../src/input/encodings.js';
import { readStatusInput } from '../src/input/status.js';
import { createApp } from '../src/web/app.js';

// One input reader for every shell (#15 item 4): the limit counted while reading, the encodings a
// user may force, and the refusals. The CLI and the web server must refuse the same inputs the same way.

async function* chunksOf(parts: (Uint8Array | string)[]): AsyncIterable<Uint8Array | string> {
  for (const p of parts) yield p;
}

describe('readCapped', () => {
  it('keeps every byte in order up to the limit and refuses one byte more, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), fc.nat(200), async (parts, limit) => {
        const all = Uint8Array.from(parts.flatMap((p) => [...p]));
        if (all.length > limit) await expect(readCapped(chunksOf(parts), limit)).rejects.toBeInstanceOf(InputTooLarge);
        else expect([...(await readCapped(chunksOf(parts), limit))]).toEqual([...all]);
      }),
      { numRuns: 200 },
    );
  });

  it('takes strings as UTF-8 and stops reading an endless stream at the limit', async () => {
    expect(new TextDecoder().decode(await readCapped(chunksOf(['デバイス', 'ID']), 14))).toBe('デバイスID');
    let pulled = 0;
    async function* endless(): AsyncIterable<Uint8Array> {
      for (;;) {
        pulled++;
        yield new Uint8Array(1024);
      }
    }
    await expect(readCapped(endless(), 10_000)).rejects.toBeInstanceOf(InputTooLarge);
    expect(pulled).toBe(10);
  });
});

describe('readStatusInput: the refusals', () => {
  const cases: [string, Uint8Array, string | null][] = [
    ['empty', new Uint8Array(0), 'empty-input'],
    ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 0, 1, 2, 3, 0]), 'binary-input'],
    ['a CSV, not dsregcmd', new TextEncoder().encode('deviceId,displayName\r\n1,PC\r\n'), 'not-dsregcmd'],
    [
      'a dsregcmd /status output',
      new TextEncoder().encode('+----+\n| Device State |\n+----+\n\n             AzureAdJoined : YES\n          DomainJoined : NO\n'),
      null,
    ],
  ];
  it.each(cases)('%s', (_, bytes, refusal) => {
    expect(readStatusInput(bytes, 'x.txt').refusal).toBe(refusal);
  });

  it('the CLI and the web server refuse the same inputs with the same reason', async () => {
    const app = createApp({ port: 7099 });
    for (const [label, bytes, refusal] of cases) {
      const res = await app.request('http://127.0.0.1:7099/api/diagnose?name=x.txt', { method: 'POST', body: bytes, headers: { host: '127.0.0.1:7099' } });
      const web = res.status === 200 ? null : ((await res.json()) as { error: { code: string } }).error.code;
      expect(web, label).toBe(refusal);
      const cli = await runCli(['diagnose', '-'], bytes);
      expect(cli.code === 2, label).toBe(refusal !== null);
    }
  });
});

describe('the encodings a user may force', () => {
  it('are the same list for --encoding and ?encoding=', async () => {
    const cli = await runCli(['diagnose', '-', '--encoding', 'latin1'], new Uint8Array(0));
    expect(cli.stderr).toContain(TEXT_ENCODINGS.join(', '));
    const app = createApp({ port: 7099 });
    const res = await app.request('http://127.0.0.1:7099/api/diagnose?encoding=latin1', { method: 'POST', body: 'x', headers: { host: '127.0.0.1:7099' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(TEXT_ENCODINGS.join(', '));
  });
});

async function runCli(args: string[], stdin: Uint8Array) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdin: chunksOf([stdin]) as AsyncIterable<Uint8Array>,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { LANG: 'C' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
