import type { DateColumns } from './dates.js';
import { guidFromBytes } from './guid-times.js';
import { deviceKey, parseErrorCode, parseTime, timeFromBytes } from './values.js';

/**
 * A streaming CSV tokenizer over UTF-8 bytes (RFC 4180, plus what Excel and PowerShell write):
 * quoted fields with doubled quotes and line breaks, CRLF / LF / CR rows, `,` `;` or tab.
 *
 * Why our own and not csv-parse: a sign-in export has 57 columns and ~750 bytes a row, and we
 * need a handful of them. This one never turns the row into strings: it records where each
 * field starts and ends (up to the last column the reader uses), and the reader decodes only
 * what it uses (a time or an error code is read straight from the bytes). The tests check it
 * against csv-parse on random input, cut at random byte positions.
 *
 * It never throws on bad input: a quoted field that never closes is reported with the line it
 * started on, and reading resumes on the next line.
 */

const QUOTE = 0x22;
const MAX = Number.MAX_SAFE_INTEGER;
const LF = 0x0a;
const CR = 0x0d;

/** How a field was written. */
const PLAIN = 0;
const QUOTED = 1;
/** Quoted with `""` inside, or with text after the closing quote: needs unescaping. */
const ESCAPED = 2;

export interface CsvProblem {
  line: number;
  /** `row-too-long`: an unquoted row past `maxRowBytes`; the rest of its line is dropped unread. */
  reason: 'unterminated-quote' | 'row-too-long';
}

export interface CsvSink {
  /** One row. `row` is reused for the next one: read what you need inside the callback. */
  row(row: CsvRow): void;
  problem(p: CsvProblem): void;
}

export interface CsvOptions {
  delimiter?: string;
  /** A row longer than this is taken as a runaway quote (default 4 MB). */
  maxRowBytes?: number;
}

/** What a row mapper reads of a row: the tokenizer's CsvRow, or a ParkedRow kept for later. */
export interface RowView {
  count: number;
  line: number;
  str(i: number): string;
  isEmpty(i: number): boolean;
  time(i: number): number;
  code(i: number): number;
  deviceId(i: number): string;
  guid(i: number, out: Uint32Array): boolean;
}

type SlicingBuffer = Buffer & { utf8Slice?: (from: number, to: number) => string; latin1Slice?: (from: number, to: number) => string };

/**
 * `buf.toString('utf8', from, to)` without its argument checks and encoding look-up, a call a
 * field: Node's Buffer has had `utf8Slice` all along (the browser build's polyfill may not).
 */
function utf8Text(buf: Buffer, from: number, to: number): string {
  const b = buf as SlicingBuffer;
  return typeof b.utf8Slice === 'function' ? b.utf8Slice(from, to) : buf.toString('utf8', from, to);
}

/** Same for Latin-1 (ASCII bytes). */
function latin1Text(buf: Buffer, from: number, to: number): string {
  const b = buf as SlicingBuffer;
  return typeof b.latin1Slice === 'function' ? b.latin1Slice(from, to) : buf.toString('latin1', from, to);
}

/** The fields of one row, as byte ranges of a buffer, with typed readers. */
export class CsvRow implements RowView {
  buf: Buffer = Buffer.alloc(0);
  start = new Int32Array(64);
  end = new Int32Array(64);
  kind = new Uint8Array(64);
  /** Fields the row really has (counted even past the last one wanted). */
  count = 0;
  /** Fields whose ranges were recorded (up to the tokenizer's `limit`). */
  recorded = 0;
  /** 1-based line the row starts on. */
  line = 0;
  /** Culture dates (day/month order per column); without it, non-ISO times go to parseTime. */
  dates: DateColumns | undefined;

  /** The text of field i ('' when the row has no such field). */
  str(i: number): string {
    if (i < 0 || i >= this.recorded) return '';
    const s = this.start[i] ?? 0;
    const e = this.end[i] ?? 0;
    if (e <= s) return '';
    const raw = utf8Text(this.buf, s, e);
    return this.kind[i] === ESCAPED ? unescapeField(raw) : raw;
  }

  isEmpty(i: number): boolean {
    return i < 0 || i >= this.recorded || (this.end[i] ?? 0) <= (this.start[i] ?? 0);
  }

  /** Field i as a time (epoch ms, NaN when it is not one); ISO dates are read from the bytes. */
  time(i: number): number {
    if (i < 0 || i >= this.recorded) return Number.NaN;
    if (this.kind[i] !== ESCAPED) {
      const t = timeFromBytes(this.buf, this.start[i] ?? 0, this.end[i] ?? 0);
      if (!Number.isNaN(t)) return t;
    }
    return this.dates ? this.dates.parse(i, this.str(i)) : parseTime(this.str(i));
  }

  /** Field i as a sign-in error code (see parseErrorCode); digits are read from the bytes. */
  code(i: number): number {
    if (i < 0 || i >= this.recorded) return -1;
    const s = this.start[i] ?? 0;
    const e = this.end[i] ?? 0;
    let n = 0;
    if (e > s && e - s <= 9) {
      let k = s;
      for (; k < e; k++) {
        const c = this.buf[k] ?? 0;
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      if (k === e) return n;
    }
    return parseErrorCode(this.str(i));
  }

  /** Field i as a device id map key (see deviceKey). */
  deviceId(i: number): string {
    if (this.isEmpty(i)) return '';
    const s = this.start[i] ?? 0;
    const e = this.end[i] ?? 0;
    // the usual case: a bare lower-case GUID, decoded as Latin-1 (ASCII) without a copy step
    if (e - s === 36 && this.kind[i] === PLAIN) {
      const b = this.buf;
      let plain = true;
      for (let k = s; k < e; k++) {
        const c = b[k] ?? 0;
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || c === 45)) {
          plain = false;
          break;
        }
      }
      if (plain) return latin1Text(b, s, e);
    }
    return deviceKey(this.str(i));
  }

  /** Field i as the four words of a GUID (not the all-zero one), without making a string; false otherwise. */
  guid(i: number, out: Uint32Array): boolean {
    if (i < 0 || i >= this.recorded || this.kind[i] !== PLAIN) return false;
    const s = this.start[i] ?? 0;
    if ((this.end[i] ?? 0) - s !== 36 || !guidFromBytes(this.buf, s, out)) return false;
    return ((out[0] ?? 0) | (out[1] ?? 0) | (out[2] ?? 0) | (out[3] ?? 0)) !== 0;
  }

  /** All recorded fields as strings (headers, small files, tests). */
  strings(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.recorded; i++) out.push(this.str(i));
    return out;
  }

  ensure(size: number): void {
    if (size <= this.start.length) return;
    const grow = Math.max(size, this.start.length * 2);
    const s = new Int32Array(grow);
    s.set(this.start);
    const e = new Int32Array(grow);
    e.set(this.end);
    const k = new Uint8Array(grow);
    k.set(this.kind);
    this.start = s;
    this.end = e;
    this.kind = k;
  }
}

/**
 * A row kept aside (as strings) while its date column's day/month order is unknown, to be
 * mapped again once the order is settled.
 */
export class ParkedRow implements RowView {
  constructor(
    private readonly fields: string[],
    readonly count: number,
    readonly line: number,
    private readonly dates: DateColumns,
  ) {}

  static of(row: CsvRow, dates: DateColumns): ParkedRow {
    return new ParkedRow(row.strings(), row.count, row.line, dates);
  }

  str(i: number): string {
    return i < 0 ? '' : (this.fields[i] ?? '');
  }
  isEmpty(i: number): boolean {
    return this.str(i) === '';
  }
  time(i: number): number {
    return i < 0 ? Number.NaN : this.dates.parse(i, this.str(i));
  }
  code(i: number): number {
    return i < 0 ? -1 : parseErrorCode(this.str(i));
  }
  deviceId(i: number): string {
    return deviceKey(this.str(i));
  }
  guid(): boolean {
    return false;
  }
}

/** A raw quoted field (`"a""b"c` → `a"bc`). */
function unescapeField(raw: string): string {
  if (raw.charCodeAt(0) !== QUOTE) return raw.replace(/""/g, '"');
  let out = '';
  let i = 1;
  for (;;) {
    const q = raw.indexOf('"', i);
    if (q < 0) return out + raw.slice(i);
    if (raw.charCodeAt(q + 1) === QUOTE) {
      out += raw.slice(i, q + 1);
      i = q + 2;
      continue;
    }
    return out + raw.slice(i, q) + raw.slice(q + 1);
  }
}

export class CsvTokenizer {
  /** Record field ranges only up to this many columns (the rest of the row is counted, not recorded). */
  limit = Number.MAX_SAFE_INTEGER;
  /** Fields per row (the header's), once known: tells a runaway quote from a real multi-line field. */
  expected = 0;
  private delim: number;
  private readonly maxRow: number;
  private carry: Buffer | undefined;
  private line = 1;
  private readonly row = new CsvRow();
  private started = false;
  /** Rows end with a lone CR (classic Mac): search byte by byte. */
  crLines = false;

  /** Culture dates of this input: its rows read non-ISO times through them. */
  set dates(d: DateColumns | undefined) {
    this.row.dates = d;
  }

  constructor(options: CsvOptions = {}) {
    this.delim = (options.delimiter ?? ',').charCodeAt(0);
    this.maxRow = options.maxRowBytes ?? 4 * 1024 * 1024;
  }

  push(chunk: Buffer, sink: CsvSink): void {
    if (this.skipping) {
      this.skipLine(chunk, sink);
      return;
    }
    if (this.carry && this.started) {
      // finish the row carried over with the start of this chunk, then read the chunk in place
      // (no copy of the whole chunk); a field still open after that takes the slow way
      const lf = chunk.indexOf(LF);
      if (lf >= 0 && lf + 1 < chunk.length) {
        const head = Buffer.concat([this.carry, chunk.subarray(0, lf + 1)]);
        this.carry = undefined;
        this.scan(head, false, sink);
        const open = this.carry as Buffer | undefined;
        if (open) {
          this.carry = undefined;
          this.scan(Buffer.concat([open, chunk.subarray(lf + 1)]), false, sink);
        } else this.scan(chunk.subarray(lf + 1), false, sink);
        return;
      }
    }
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (!this.started) {
      if (buf.length < 3) {
        this.carry = buf;
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      this.sniffLineEnds(buf);
    }
    this.scan(buf, false, sink);
  }

  end(sink: CsvSink): void {
    let buf = this.carry;
    this.carry = undefined;
    if (!buf || buf.length === 0) return;
    if (!this.started) {
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      this.sniffLineEnds(buf);
    }
    this.started = true;
    this.scan(buf, true, sink);
  }

  /** Part of a row is waiting for more input (at the end: a row cut short, or an open quote). */
  pending(): boolean {
    return this.carry !== undefined && this.carry.length > 0;
  }

  /** Line breaks consumed so far. */
  lines(): number {
    return this.line - 1;
  }

  /** Lines that end with a lone CR (classic Mac) need the byte-by-byte search. */
  private sniffLineEnds(b: Buffer): void {
    const lf = b.indexOf(LF);
    const cr = b.indexOf(CR);
    this.crLines = cr >= 0 && (lf < 0 || cr < lf - 1 || (cr === lf - 1 ? false : cr < lf));
  }

  // long: the tokenizer's hot loop over the bytes of every row; one state machine reads faster kept in one piece
  private scan(b: Buffer, final: boolean, sink: CsvSink): void {
    const n = b.length;
    const delim = this.delim;
    const row = this.row;
    row.buf = b;
    let i = 0;
    let lineEnd = -1;
    let delimAt = -1;
    rows: while (i < n) {
      if (this.rewound) {
        this.rewound = false;
        lineEnd = -1;
        delimAt = -1;
      }
      const rowStart = i;
      const rowLine = this.line;
      let extraLines = 0;
      let col = 0;
      const limit = this.limit;
      // a line break alone is no row
      const c0 = b[i];
      if (c0 === LF || c0 === CR) {
        if (c0 === CR && i + 1 >= n && !final) break;
        i += c0 === CR && b[i + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      for (;;) {
        let fs = i;
        let fe = i;
        let kind = PLAIN;
        let j = i;
        if (b[i] === QUOTE) {
          kind = QUOTED;
          let k = i + 1;
          for (;;) {
            const q = b.indexOf(QUOTE, k);
            if (q < 0 || (q + 1 >= n && !final)) {
              if (final && q < 0) {
                sink.problem({ line: rowLine, reason: 'unterminated-quote' });
                this.line = rowLine;
                i = this.resume(b, rowStart);
                if (i < 0) return;
                continue rows;
              }
              this.keep(b, rowStart, rowLine, sink, final);
              return;
            }
            extraLines += countLf(b, k, q);
            if (b[q + 1] === QUOTE) {
              kind = ESCAPED;
              k = q + 2;
              continue;
            }
            fs = i + 1;
            fe = q;
            j = q + 1;
            break;
          }
          // lenient: text after the closing quote joins the field ("a"b → ab)
          if (j < n && b[j] !== delim && b[j] !== LF && b[j] !== CR) {
            while (j < n) {
              const c = b[j];
              if (c === delim || c === LF || c === CR) break;
              j++;
            }
            kind = ESCAPED;
            fs = i;
            fe = j;
          } else if (kind === ESCAPED) {
            fs = i;
            fe = j;
          }
        } else if (b[i] === delim) {
          // empty field
        } else if (this.crLines) {
          while (j < n) {
            const c = b[j];
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          fe = j;
        } else {
          // the next delimiter or the end of the line, whichever comes first (native searches,
          // each byte searched once); an unquoted field holds no line break
          if (lineEnd < i) {
            lineEnd = b.indexOf(LF, i);
            if (lineEnd < 0) lineEnd = n;
            else if (lineEnd > i && b[lineEnd - 1] === CR) lineEnd--;
          }
          if (delimAt < i) {
            delimAt = b.indexOf(delim, i);
            if (delimAt < 0) delimAt = MAX;
          }
          j = Math.min(delimAt, lineEnd);
          fe = j;
        }
        if (j >= n && !final) {
          this.keep(b, rowStart, rowLine, sink, final, { from: n, extraLines });
          return;
        }
        if (col < limit) {
          if (col >= row.start.length) row.ensure(col + 1);
          row.start[col] = fs;
          row.end[col] = fe;
          row.kind[col] = kind;
        }
        col++;
        if (j < n && b[j] === delim) {
          i = j + 1;
          // past the last wanted column the fields are still walked, to count them: measured,
          // that is faster than any shortcut to the end of the line
          if (i < n) continue;
          if (!final) {
            this.keep(b, rowStart, rowLine, sink, final, { from: n, extraLines });
            return;
          }
          // a delimiter at the very end: one more, empty, field
          if (col < limit) {
            if (col >= row.start.length) row.ensure(col + 1);
            row.start[col] = n;
            row.end[col] = n;
            row.kind[col] = PLAIN;
          }
          col++;
          j = n;
        }
        if (this.finishRow(b, j, n, final, rowStart, rowLine, extraLines, col, sink)) {
          i = this.nextRowAt;
          if (i < 0) return;
          continue rows;
        }
        this.keep(b, rowStart, rowLine, sink, final, { from: j, extraLines });
        return;
      }
    }
  }

  private nextRowAt = 0;
  /** Set by `resume`: the scan's own look-ahead positions must be searched again. */
  private rewound = false;

  /**
   * The row ends at j (a line break or the end of the text). Emits it, or reports a runaway
   * quote, and sets `nextRowAt`. False when more text is needed (a CR at the end of a chunk).
   */
  private finishRow(
    b: Buffer,
    j: number,
    n: number,
    final: boolean,
    rowStart: number,
    rowLine: number,
    extraLines: number,
    col: number,
    sink: CsvSink,
  ): boolean {
    let next: number;
    if (j >= n) next = n;
    else if (b[j] === CR) {
      if (j + 1 >= n && !final) return false;
      next = b[j + 1] === LF ? j + 2 : j + 1;
    } else next = j + 1;
    if (extraLines > 0 && this.expected > 0 && col !== this.expected) {
      // a quote that never closed on its line swallowed the next lines: report the row it
      // started on and read the following lines again as rows of their own
      sink.problem({ line: rowLine, reason: 'unterminated-quote' });
      this.line = rowLine;
      this.nextRowAt = this.resume(b, rowStart);
      return true;
    }
    this.line = rowLine + extraLines + 1;
    const row = this.row;
    row.count = col;
    row.recorded = Math.min(col, this.limit);
    row.line = rowLine;
    sink.row(row);
    this.nextRowAt = next;
    return true;
  }

  /**
   * Keep the unfinished row for the next chunk, unless it has grown past any real row. `unquoted`:
   * the scan stopped outside a quoted field (at `from`), so the row ends at the next line break.
   */
  private keep(b: Buffer, rowStart: number, rowLine: number, sink: CsvSink, final: boolean, unquoted?: { from: number; extraLines: number }): void {
    if (b.length - rowStart <= this.maxRow || final) {
      // copy: the chunk it came from is released
      this.carry = Buffer.from(b.subarray(rowStart));
      this.line = rowLine;
      return;
    }
    if (unquoted) {
      // one row, however long: one problem, not one per chunk of it (a 50 MB field is 1 row)
      sink.problem({ line: rowLine, reason: 'row-too-long' });
      this.line = rowLine + unquoted.extraLines;
      this.skipping = true;
      this.skipLine(b.subarray(unquoted.from), sink);
      return;
    }
    sink.problem({ line: rowLine, reason: 'unterminated-quote' });
    this.line = rowLine;
    const next = this.resume(b, rowStart);
    if (next >= 0) this.scan(b.subarray(next), false, sink);
  }

  /** In a row too long to keep, outside quotes: its bytes up to the next line break are dropped. */
  private skipping = false;

  /** Drop bytes up to the end of the overlong row's line, then read on from there. */
  private skipLine(b: Buffer, sink: CsvSink): void {
    let k = b.indexOf(LF);
    const cr = b.indexOf(CR);
    if (cr >= 0 && (k < 0 || cr < k)) k = cr;
    if (k < 0) return;
    this.skipping = false;
    this.line++;
    const next = b[k] === CR && b[k + 1] === LF ? k + 2 : k + 1;
    if (next < b.length) this.scan(b.subarray(next), false, sink);
  }

  /** Where reading goes on after a broken row: the line after the one it started on. */
  private resume(b: Buffer, rowStart: number): number {
    // reading goes back: positions searched ahead no longer hold
    this.rewound = true;
    for (let k = rowStart; k < b.length; k++) {
      const c = b[k];
      if (c === LF) {
        this.line++;
        return k + 1;
      }
      if (c === CR) {
        this.line++;
        return b[k + 1] === LF ? k + 2 : k + 1;
      }
    }
    return -1;
  }
}

/** Line breaks (LF, CRLF or a lone CR) inside a quoted field, so later rows keep their true line numbers. */
function countLf(b: Buffer, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = b[k];
    if (c === LF || (c === CR && b[k + 1] !== LF)) count++;
  }
  return count;
}

/** The delimiter of a header line: the one of `,` `;` tab that splits it most (outside quotes). */
export function sniffDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

/** Every row of a small CSV text as strings (planned-deletion lists, tests). */
export function parseCsvText(
  text: string,
  delimiter: string,
  onRow: (fields: string[], count: number, line: number) => void,
  onProblem: (p: CsvProblem) => void,
): void {
  const t = new CsvTokenizer({ delimiter });
  const sink: CsvSink = { row: (r) => onRow(r.strings(), r.count, r.line), problem: onProblem };
  t.push(Buffer.from(text, 'utf8'), sink);
  t.end(sink);
}
