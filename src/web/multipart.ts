/**
 * A streaming multipart/form-data reader for the fleet uploads: it reads the request body chunk
 * by chunk, counts bytes as they arrive (a body over the limit is refused at the byte that
 * crosses it, not after buffering it), and keeps each file's bytes as the chunks they came in,
 * never concatenated or decoded: the fleet analysis streams them from there.
 *
 * Why not `Request.formData()`: it buffers the whole body, then copies every file into a Blob;
 * for 64 MB of sign-in logs that is two or three copies and no early 413.
 */

/** One part of the form: a file (with its chunks) or a text field. */
export interface FormPart {
  /** The form field name (`file`, `planned`, `staleDays`…). */
  name: string;
  /** The file name the browser sent, or null for a plain field. */
  filename: string | null;
  contentType: string | null;
  chunks: Uint8Array[];
  size: number;
}

export interface MultipartLimits {
  /** Total body bytes. */
  maxBytes: number;
  /** Parts (files and fields). */
  maxParts: number;
  /** A part's header block. */
  maxHeaderBytes?: number;
}

/** Why a body is not a usable multipart form. `too-large` is a 413, the rest are 400s. */
export type MultipartFailure = 'too-large' | 'too-many-parts' | 'no-boundary' | 'bad-headers' | 'truncated' | 'no-disposition';

export class MultipartError extends Error {
  constructor(
    readonly reason: MultipartFailure,
    readonly detail: string = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'MultipartError';
  }
}

/** The boundary of a `multipart/form-data; boundary=…` Content-Type, or null. */
export function boundaryOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const [type, ...params] = contentType.split(';');
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return null;
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    // RFC 2046: 1 to 70 characters
    if (v.length >= 1 && v.length <= 70) return v;
  }
  return null;
}

const CRLF = Buffer.from('\r\n');
const BLOCK = 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';

/**
 * Read a multipart/form-data body into its parts.
 *
 * @example
 * const parts = await readMultipart(request.body, boundaryOf(request.headers.get('content-type'))!, { maxBytes: 64 << 20, maxParts: 50 });
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null,
  boundary: string,
  limits: MultipartLimits,
): Promise<FormPart[]> {
  const parser = new MultipartParser(boundary, limits);
  if (body) {
    for await (const chunk of body as AsyncIterable<Uint8Array>) parser.push(chunk);
  }
  return parser.end();
}

/** The state machine behind {@link readMultipart}, fed chunk by chunk (tests cut bodies anywhere). */
export class MultipartParser {
  private readonly delimiter: Buffer;
  private readonly maxHeader: number;
  private state: State = 'preamble';
  private carry: Buffer = Buffer.alloc(0);
  private total = 0;
  private current: FormPart | null = null;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  readonly parts: FormPart[] = [];

  constructor(
    boundary: string,
    private readonly limits: MultipartLimits,
  ) {
    // the body may start with the delimiter itself: searching for CRLF--boundary in CRLF+body finds it
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
    this.maxHeader = limits.maxHeaderBytes ?? 16 * 1024;
    this.carry = Buffer.from(CRLF);
  }

  push(chunk: Uint8Array): void {
    this.total += chunk.length;
    if (this.total > this.limits.maxBytes) throw new MultipartError('too-large', String(this.limits.maxBytes));
    if (this.state === 'done') return; // the epilogue is ignored
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    this.carry = Buffer.alloc(0);
    this.scan(buf);
  }

  end(): FormPart[] {
    if (this.state !== 'done') {
      throw new MultipartError(this.parts.length === 0 && this.state === 'preamble' ? 'no-boundary' : 'truncated', this.current?.name ?? '');
    }
    return this.parts;
  }

  // long: the multipart parser's loop over every chunk of an upload; its states share locals
  private scan(buf: Buffer): void {
    let at = 0;
    for (;;) {
      switch (this.state) {
        case 'preamble': {
          const i = buf.indexOf(this.delimiter, at);
          if (i < 0) {
            // keep what could be the start of the delimiter
            this.carry = Buffer.from(buf.subarray(Math.max(at, buf.length - this.delimiter.length + 1)));
            return;
          }
          at = i + this.delimiter.length;
          this.state = 'after-delimiter';
          break;
        }
        case 'after-delimiter': {
          // "--" ends the form, CRLF starts a part (linear white space before the CRLF is allowed)
          let j = at;
          while (j < buf.length && (buf[j] === 0x20 || buf[j] === 0x09)) j++;
          if (buf.length - j < 2) {
            this.carry = Buffer.from(buf.subarray(at));
            return;
          }
          if (buf[j] === 0x2d && buf[j + 1] === 0x2d) {
            this.finishPart();
            this.state = 'done';
            return;
          }
          if (buf[j] === 0x0d && buf[j + 1] === 0x0a) {
            this.finishPart();
            at = j + 2;
            this.state = 'headers';
            break;
          }
          throw new MultipartError('bad-headers', 'delimiter not followed by CRLF');
        }
        case 'headers': {
          // an empty header block: CRLF right away
          let end = -1;
          let next = -1;
          if (buf.length - at >= 2 && buf[at] === 0x0d && buf[at + 1] === 0x0a) {
            end = at;
            next = at + 2;
          } else {
            const k = buf.indexOf(HEADER_END, at);
            if (k >= 0) {
              end = k;
              next = k + 4;
            }
          }
          if (end < 0) {
            if (buf.length - at > this.maxHeader) throw new MultipartError('bad-headers', 'header block too long');
            this.carry = Buffer.from(buf.subarray(at));
            return;
          }
          if (end - at > this.maxHeader) throw new MultipartError('bad-headers', 'header block too long');
          this.startPart(buf.toString('utf8', at, end));
          at = next;
          this.state = 'body';
          break;
        }
        case 'body': {
          const part = this.current as FormPart;
          const i = buf.indexOf(this.delimiter, at);
          if (i < 0) {
            // all but a possible start of the delimiter belongs to the part
            const keep = Math.min(buf.length - at, this.delimiter.length - 1);
            const cut = buf.length - keep;
            if (cut > at) this.add(part, buf.subarray(at, cut));
            this.carry = Buffer.from(buf.subarray(cut));
            return;
          }
          if (i > at) this.add(part, buf.subarray(at, i));
          at = i + this.delimiter.length;
          this.state = 'after-delimiter';
          break;
        }
        case 'done':
          return;
      }
    }
  }

  /** Bytes of the current part are gathered into blocks of about 1 MB: few, large chunks read fastest. */
  private add(part: FormPart, bytes: Buffer): void {
    part.size += bytes.length;
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    if (this.pendingSize >= BLOCK) this.flush();
  }

  private flush(): void {
    if (this.current && this.pending.length > 0) {
      // in shared memory: the fleet analysis runs in a worker thread, and a shared block is
      // passed to it without a copy (copying 60 MB on the request thread stalls it for ~0.3 s)
      const block = Buffer.from(new SharedArrayBuffer(this.pendingSize));
      let at = 0;
      for (const piece of this.pending) {
        block.set(piece, at);
        at += piece.length;
      }
      this.current.chunks.push(block);
    }
    this.pending = [];
    this.pendingSize = 0;
  }

  private startPart(headerText: string): void {
    if (this.parts.length >= this.limits.maxParts) throw new MultipartError('too-many-parts', String(this.limits.maxParts));
    let disposition: string | null = null;
    let contentType: string | null = null;
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new MultipartError('bad-headers', line.slice(0, 80));
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-disposition') disposition = value;
      else if (name === 'content-type') contentType = value;
    }
    if (disposition === null) throw new MultipartError('no-disposition');
    const params = dispositionParams(disposition);
    if (params.type !== 'form-data' || params.name === undefined) throw new MultipartError('no-disposition', disposition.slice(0, 120));
    this.current = { name: params.name, filename: params.filename ?? null, contentType, chunks: [], size: 0 };
    this.parts.push(this.current);
  }

  private finishPart(): void {
    this.flush();
    this.current = null;
  }
}

/** `form-data; name="file"; filename="x.csv"` (and RFC 5987 `filename*=UTF-8''…`). */
function dispositionParams(value: string): { type: string; name?: string; filename?: string } {
  const out: { type: string; name?: string; filename?: string } = { type: '' };
  let i = 0;
  const n = value.length;
  const token = (stop: string) => {
    const start = i;
    while (i < n && !stop.includes(value.charAt(i))) i++;
    return value.slice(start, i).trim();
  };
  out.type = token(';').toLowerCase();
  let star: string | undefined;
  while (i < n) {
    i++; // the ';'
    const key = token('=;').toLowerCase();
    let v = '';
    if (value.charAt(i) === '=') {
      i++;
      while (i < n && value.charAt(i) === ' ') i++;
      if (value.charAt(i) === '"') {
        i++;
        while (i < n && value.charAt(i) !== '"') {
          // browsers escape " as %22 and keep backslashes; a backslash-escaped quote is read as the quote
          if (value.charAt(i) === '\\' && value.charAt(i + 1) === '"') i++;
          v += value.charAt(i);
          i++;
        }
        i++; // closing quote
        token(';');
      } else v = token(';');
    }
    if (key === 'name') out.name = v;
    else if (key === 'filename') out.filename = v;
    else if (key === 'filename*') star = v;
  }
  if (star !== undefined) {
    const m = /^([\w-]+)'[^']*'(.*)$/.exec(star);
    if (m?.[1] && m[1].toLowerCase() === 'utf-8') {
      try {
        out.filename = decodeURIComponent(m[2] ?? '');
      } catch {
        // a broken escape: keep the plain filename
      }
    }
  }
  return out;
}

/** A part's bytes as text (small fields only). */
export function partText(part: FormPart): string {
  return Buffer.concat(part.chunks).toString('utf8');
}
