import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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

/** Read a file path or `-` (stdin) into bytes, with messages people can act on. */
export async function readInputBytes(path: string, io: CliIo): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of io.stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      size += b.length;
      if (size > MAX_INPUT_BYTES) throw new UserError('cli.error.tooLarge', { file: '<stdin>', size: Math.round(size / 1048576), limit: 64 });
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('cli.error.fileNotFound', { file: path });
    throw new UserError('cli.error.unreadable', { file: path, reason: code ?? String(e) });
  }
  if (info.isDirectory()) throw new UserError('cli.error.isDirectory', { file: path });
  if (info.size > MAX_INPUT_BYTES) {
    throw new UserError('cli.error.tooLarge', { file: path, size: Math.round(info.size / 1048576), limit: 64 });
  }
  try {
    return await readFile(path);
  } catch (e) {
    throw new UserError('cli.error.unreadable', { file: path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
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
