/**
 * A streaming CSV tokenizer (RFC 4180, plus what Excel and PowerShell write): quoted fields with
 * doubled quotes and line breaks, CRLF / LF / CR rows, `,` `;` or tab delimiters.
 *
 * Why our own and not csv-parse: a sign-in export has ~56 columns and we need ~10, so this one
 * only builds strings for the wanted columns and reuses one row array. The test suite checks it
 * against csv-parse on random input.
 *
 * It never throws on bad input: a quoted field that never closes is reported with the line it
 * started on, and reading resumes on the next line.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvProblem {
  line: number;
  reason: 'unterminated-quote';
}

export interface CsvSink {
  /**
   * One row. `fields` is reused for the next row: copy what you keep. Columns not wanted are
   * `undefined`; `count` is the number of fields the row really had.
   */
  row(fields: (string | undefined)[], count: number, line: number): void;
  problem(p: CsvProblem): void;
}

export interface CsvOptions {
  delimiter?: string;
  /** A row longer than this is taken as a runaway quote (default 4 MB). */
  maxRowChars?: number;
}

export class CsvTokenizer {
  /** When set, only columns whose index is true become strings. */
  wanted: boolean[] | undefined;
  private delim: number;
  private readonly maxRow: number;
  private carry = '';
  /** 1-based line number of the next row to start. */
  private line = 1;
  private readonly fields: (string | undefined)[] = [];

  constructor(options: CsvOptions = {}) {
    this.delim = (options.delimiter ?? ',').charCodeAt(0);
    this.maxRow = options.maxRowChars ?? 4 * 1024 * 1024;
  }

  setDelimiter(d: string): void {
    this.delim = d.charCodeAt(0);
  }

  push(text: string, sink: CsvSink): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    this.scan(s, false, sink);
  }

  end(sink: CsvSink): void {
    const s = this.carry;
    this.carry = '';
    if (s.length > 0) this.scan(s, true, sink);
  }

  private scan(s: string, final: boolean, sink: CsvSink): void {
    const n = s.length;
    const delim = this.delim;
    const wanted = this.wanted;
    const fields = this.fields;
    let i = 0;
    rows: while (i < n) {
      const rowStart = i;
      const rowLine = this.line;
      let extraLines = 0;
      let col = 0;
      fields.length = 0;
      // a row that is only a line break is no row at all
      const c0 = s.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        if (c0 === CR && i + 1 >= n && !final) break;
        i += c0 === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        continue;
      }
      for (;;) {
        let value: string | undefined;
        let j = i;
        if (s.charCodeAt(i) === QUOTE) {
          // quoted field: up to the quote not followed by another quote
          let start = i + 1;
          let parts: string | undefined;
          for (;;) {
            const q = s.indexOf('"', start);
            if (q < 0 || (q + 1 >= n && !final)) {
              // not closed in this text
              if (final && q < 0) {
                this.runaway(s, rowStart, rowLine, sink);
                i = this.resume(s, rowStart);
                if (i < 0) return;
                continue rows;
              }
              this.keep(s, rowStart, rowLine, sink, final);
              return;
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              parts = (parts ?? '') + s.slice(start, q + 1);
              extraLines += countBreaks(s, start, q);
              start = q + 2;
              continue;
            }
            extraLines += countBreaks(s, start, q);
            value = parts === undefined ? s.slice(start, q) : parts + s.slice(start, q);
            j = q + 1;
            break;
          }
          // lenient: text after the closing quote joins the field ("a"b → ab)
          let k = j;
          while (k < n) {
            const c = s.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          if (k > j) value += s.slice(j, k);
          j = k;
        } else {
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (wanted === undefined || wanted[col] === true) value = s.slice(i, j);
        }
        if (j >= n && !final) {
          this.keep(s, rowStart, rowLine, sink, final);
          return;
        }
        if (wanted === undefined || wanted[col] === true) fields[col] = value;
        else fields[col] = undefined;
        col++;
        if (j >= n) {
          // end of the last row without a line break
          this.line += extraLines + 1;
          sink.row(fields, col, rowLine);
          return;
        }
        const c = s.charCodeAt(j);
        if (c === delim) {
          i = j + 1;
          if (i >= n) {
            if (!final) {
              this.keep(s, rowStart, rowLine, sink, final);
              return;
            }
            // a trailing delimiter at the very end: one more empty field
            fields[col] = wanted === undefined || wanted[col] === true ? '' : undefined;
            col++;
            this.line += extraLines + 1;
            sink.row(fields, col, rowLine);
            return;
          }
          continue;
        }
        if (c === CR) {
          if (j + 1 >= n && !final) {
            this.keep(s, rowStart, rowLine, sink, final);
            return;
          }
          i = s.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
        } else {
          i = j + 1;
        }
        this.line += extraLines + 1;
        sink.row(fields, col, rowLine);
        continue rows;
      }
    }
  }

  /** Keep the unfinished row for the next chunk, unless it has grown past any real row. */
  private keep(s: string, rowStart: number, rowLine: number, sink: CsvSink, final: boolean): void {
    if (s.length - rowStart <= this.maxRow || final) {
      this.carry = s.slice(rowStart);
      this.line = rowLine;
      return;
    }
    this.runaway(s, rowStart, rowLine, sink);
    const next = this.resume(s, rowStart);
    if (next >= 0) this.scan(s.slice(next), false, sink);
  }

  private runaway(_s: string, _rowStart: number, rowLine: number, sink: CsvSink): void {
    sink.problem({ line: rowLine, reason: 'unterminated-quote' });
    this.line = rowLine;
  }

  /** Where reading goes on after a broken row: the line after the one it started on. */
  private resume(s: string, rowStart: number): number {
    let k = rowStart;
    while (k < s.length) {
      const c = s.charCodeAt(k);
      if (c === LF) {
        this.line++;
        return k + 1;
      }
      if (c === CR) {
        this.line++;
        return s.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
      }
      k++;
    }
    return -1;
  }
}

/** Line breaks inside a quoted field, so later rows keep their true line numbers. */
function countBreaks(s: string, from: number, to: number): number {
  let count = 0;
  let k = s.indexOf('\n', from);
  while (k >= 0 && k < to) {
    count++;
    k = s.indexOf('\n', k + 1);
  }
  if (count === 0) {
    // CR-only files
    k = s.indexOf('\r', from);
    while (k >= 0 && k < to) {
      count++;
      k = s.indexOf('\r', k + 1);
    }
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
