import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputTooLarge, readCapped } from '../input/capped.js';
import { UserError } from './errors.js';

/** What the CLI may touch. Tests pass their own; only bin/ passes the real process. */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** dsregcmd /status output is a few kB; a collection bundle a few hundred. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const LIMIT_MB = MAX_INPUT_BYTES / 1048576;

/**
 * Read a file path or `-` (stdin) into bytes, with messages people can act on. The limit is
 * counted while reading, not taken from the reported size: pipes, FIFOs, `/dev/stdin`, process
 * substitution and devices report 0, and `/dev/zero` never ends.
 */
export async function readInputBytes(path: string, io: CliIo, limit = MAX_INPUT_BYTES): Promise<Uint8Array> {
  if (path === '-') return await capped(io.stdin, '<stdin>', limit);
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('cli.error.fileNotFound', { file: path });
    if (code === 'EISDIR') throw new UserError('cli.error.isDirectory', { file: path });
    throw new UserError('cli.error.unreadable', { file: path, reason: code ?? String(e) });
  }
  try {
    const info = await fh.stat();
    if (info.isDirectory()) throw new UserError('cli.error.isDirectory', { file: path });
    if (info.isFile() && info.size > limit) {
      throw new UserError('cli.error.tooLarge', { file: path, size: Math.round(info.size / 1048576), limit: LIMIT_MB });
    }
    return await capped(fileChunks(fh), path, limit);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('cli.error.unreadable', { file: path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The shared counted reader, with the CLI's message when it refuses. */
async function capped(chunks: AsyncIterable<Uint8Array | string>, file: string, limit: number): Promise<Uint8Array> {
  try {
    return await readCapped(chunks, limit);
  } catch (e) {
    if (e instanceof InputTooLarge) throw new UserError('cli.error.tooLargeRead', { file, limit: LIMIT_MB });
    throw e;
  }
}

/** A file's bytes until its end, whatever it said its size was. */
async function* fileChunks(fh: Awaited<ReturnType<typeof open>>): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buf = Buffer.allocUnsafe(1 << 16);
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) return;
    yield bytesRead === buf.length ? buf : Buffer.from(buf.subarray(0, bytesRead));
  }
}

export function inputName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/**
 * Write a whole file or nothing: the text goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target. On any failure (a full disk, a quota) the
 * temporary file is removed and the existing file is left byte-identical. A target that exists
 * and is not a regular file (`/dev/stdout`, a FIFO, a device) is written directly: it cannot be
 * replaced, and must not be.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  let mode: number | undefined;
  try {
    const info = await stat(target);
    if (!info.isFile()) {
      const fh = await open(target, 'w');
      try {
        await fh.writeFile(data);
      } finally {
        await fh.close();
      }
      return;
    }
    mode = info.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // node:crypto is loaded here, not at start: most runs write no file.
  const { randomBytes } = await import('node:crypto');
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (mode !== undefined) await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
