import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
  /** The bytes, in chunks. Called once. */
  open(): AsyncIterable<Uint8Array>;
}

/** Chunks of about 1 MB: few enough callbacks, little enough memory. */
const CHUNK = 1024 * 1024;

/** A file on disk, read as a stream. Errors (missing file…) surface when the stream is read. */
export async function fileSource(path: string): Promise<FleetSource> {
  let size: number | undefined;
  try {
    const info = await stat(path);
    size = info.size;
  } catch {
    size = undefined;
  }
  return {
    name: path,
    ...(size !== undefined ? { size } : {}),
    open: () => createReadStream(path, { highWaterMark: CHUNK }),
  };
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

interface ChunkDecoder {
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

function makeDecoder(encoding: TextEncodingName): ChunkDecoder {
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
