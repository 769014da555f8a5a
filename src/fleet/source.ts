import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { decodeBytes, type TextEncodingName } from '../read/decode.js';

/**
 * One input of the fleet analysis: a name to report it by and its bytes as a stream, so the CLI
 * reads files, the web app uploads and tests in-memory strings through the same code.
 */
export interface FleetSource {
  /** The name used in messages: a path, `<stdin>` or an upload's file name. */
  name: string;
  /** Size in bytes when known (progress and ETA). */
  size?: number;
  /** A file on disk: read with one reused buffer, and large ones in parts by worker threads. */
  path?: string;
  /** Only this byte range of the file (a worker's part). */
  range?: { start: number; end: number };
  /** Bytes to read before the file's (a part's header line). */
  prefix?: Uint8Array;
  /** The bytes, in chunks. Called once. */
  open(): AsyncIterable<Uint8Array>;
}

/** Chunks of about 1 MB: few enough callbacks, little enough memory. */
const CHUNK = 1024 * 1024;

/** A file on disk, read as a stream. Errors (missing file…) surface when the stream is read. */
export async function fileSource(path: string, name: string = path): Promise<FleetSource> {
  let size: number | undefined;
  try {
    const info = await stat(path);
    size = info.size;
  } catch {
    size = undefined;
  }
  const source: FleetSource = {
    name,
    path,
    ...(size !== undefined ? { size } : {}),
    open: () => fileChunks(path, 0, Number.POSITIVE_INFINITY, true),
  };
  return source;
}

/**
 * The bytes of a file, a chunk at a time. With `reuse`, every chunk is the same buffer, valid
 * only until the next one is asked for: no garbage for the collector, so memory stays flat
 * (a fresh 1 MB buffer per chunk piles up as external memory between collections).
 */
async function* fileChunks(path: string, start: number, end: number, fresh: boolean): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    // two buffers: the next read runs (in libuv's thread pool) while the reader works on this one
    const buffers: [Buffer, Buffer] = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let turn = 0;
    let pos = start;
    const read = async (buf: Buffer): Promise<{ n: number; short: boolean }> => {
      const want = Math.min(CHUNK, end - pos);
      if (want <= 0) return { n: 0, short: true };
      const at = pos;
      const { bytesRead } = await fh.read(buf, 0, want, at);
      pos = at + bytesRead;
      return { n: bytesRead, short: bytesRead < want };
    };
    let pending = read(buffers[0]);
    for (;;) {
      const buf = buffers[turn] as Buffer;
      const { n, short } = await pending;
      if (n === 0) break;
      turn = 1 - turn;
      pending = short ? Promise.resolve({ n: 0, short: true }) : read(buffers[turn] as Buffer);
      yield fresh ? Buffer.from(buf.subarray(0, n)) : buf.subarray(0, n);
    }
    await pending;
  } finally {
    await fh.close();
  }
}

/**
 * The chunks of a source for a reader that uses each chunk before asking for the next (the
 * CSV and JSON readers): a file is read into one reused buffer.
 */
export async function* transientChunks(source: FleetSource): AsyncGenerator<Buffer> {
  if (source.prefix) yield Buffer.from(source.prefix);
  if (source.path === undefined) {
    for await (const c of source.open()) yield Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    return;
  }
  yield* fileChunks(source.path, source.range?.start ?? 0, source.range?.end ?? Number.POSITIVE_INFINITY, false);
}

/** Bytes or text already in memory (tests, the web app). */
export function memorySource(name: string, content: string | Uint8Array): FleetSource {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
    },
  };
}

/** Any async stream of chunks, e.g. stdin. */
export function streamSource(name: string, chunks: AsyncIterable<Uint8Array | string>): FleetSource {
  return {
    name,
    async *open() {
      for await (const c of chunks) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    },
  };
}

export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** How much to look at before choosing an encoding. */
const SNIFF = 16 * 1024;

/**
 * Bytes to text, chunk by chunk, in the encoding the bytes show: a BOM, UTF-16 without one,
 * valid UTF-8, or the legacy code page Excel uses when it saves a CSV (932 on Japanese Windows).
 * Detection is src/read's, applied to the first few kilobytes.
 */
export class StreamDecoder {
  encoding: TextEncodingName | undefined;
  binary = false;
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  private decoder: ChunkDecoder | undefined;

  write(bytes: Uint8Array): string {
    if (this.decoder) return this.decoder.write(bytes);
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    if (this.pendingSize < SNIFF) return '';
    return this.start(false);
  }

  end(): string {
    const head = this.decoder ? '' : this.start(true);
    return head + (this.decoder?.end() ?? '');
  }

  private start(final: boolean): string {
    const all = Buffer.concat(this.pending);
    this.pending = [];
    // cut the sample at an ASCII byte so a multi-byte character is never split
    let cut = Math.min(all.length, 64 * 1024);
    if (!final && cut < all.length) {
      while (cut > 0 && (all[cut - 1] ?? 0) >= 0x80) cut--;
    }
    const detected = decodeBytes(all.subarray(0, cut));
    this.encoding = detected.encoding;
    this.binary = detected.binary;
    this.decoder = makeDecoder(detected.encoding);
    return this.decoder.write(all);
  }
}

/** The encoding of an input from its first bytes (src/read's detection; the sample is cut at an ASCII byte). */
export function detectEncoding(head: Uint8Array, final: boolean): { encoding: TextEncodingName; binary: boolean } {
  let cut = Math.min(head.length, 64 * 1024);
  if (!final || cut < head.length) {
    while (cut > 0 && (head[cut - 1] ?? 0) >= 0x80) cut--;
  }
  const detected = decodeBytes(head.subarray(0, cut));
  return { encoding: detected.encoding, binary: detected.binary };
}

export function isUtf8(encoding: TextEncodingName): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

export function makeDecoder(encoding: TextEncodingName): ChunkDecoder {
  const whatwg = (label: string): ChunkDecoder => {
    // WHATWG decoders drop a leading BOM themselves (ignoreBOM defaults to false)
    const d = new TextDecoder(label);
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  };
  const legacy = (label: string): ChunkDecoder => {
    const d = iconv.getDecoder(label);
    let first = true;
    return {
      write: (b) => {
        let s = d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
        if (first && s.length > 0) {
          first = false;
          if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        }
        return s;
      },
      end: () => d.end() ?? '',
    };
  };
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return whatwg('utf-8');
    case 'utf-16le':
    case 'utf-16le-bom':
      return whatwg('utf-16le');
    case 'utf-16be':
    case 'utf-16be-bom':
      return legacy('utf16be');
    case 'cp932':
      return legacy('cp932');
    case 'cp1252':
      return legacy('win1252');
    case 'cp850':
      return legacy('cp850');
  }
}
