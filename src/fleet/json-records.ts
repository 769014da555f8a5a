/**
 * Records out of a JSON stream, whatever shape the export has:
 * - a Graph page `{"@odata.context": …, "value": [ … ], "@odata.nextLink": …}`, however large;
 * - several pages one after another, or an array of pages (a script that saved every page);
 * - a plain array of records (admin center download, `ConvertTo-Json`);
 * - JSON Lines: one record (or one page) per line.
 *
 * Only one record is in memory at a time (a page of at most a few thousand). Each record is
 * parsed with JSON.parse; this module only finds where records start and end, so a broken
 * record is reported with its line and the next one is read.
 */

export interface JsonProblem {
  line: number;
  reason: 'invalid-json' | 'truncated-json' | 'not-an-object';
}

export interface JsonSink {
  record(value: Record<string, unknown>, line: number): void;
  problem(p: JsonProblem): void;
}

type Mode = 'detect' | 'lines' | 'top' | 'array' | 'page-keys' | 'page-array';

/** A page object bigger than this is streamed key by key instead of parsed whole. */
const WHOLE_OBJECT_LIMIT = 8 * 1024 * 1024;

export class JsonRecordReader {
  private mode: Mode = 'detect';
  private carry = '';
  private line = 1;
  /** JSON Lines: a line too long to be a record is dropped rather than kept in memory. */
  private readonly maxLine = 64 * 1024 * 1024;

  /** Part of a record is waiting for more input. */
  pending(): boolean {
    return this.carry.trim().length > 0;
  }

  /** Line breaks consumed so far (JSON Lines). */
  lines(): number {
    return this.line - 1;
  }

  /** The input is JSON Lines (one record or page a line): it can be cut at any line break. */
  linesMode(): boolean {
    return this.mode === 'lines';
  }

  push(text: string, sink: JsonSink): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    this.scan(s, false, sink);
  }

  end(sink: JsonSink): void {
    const s = this.carry;
    this.carry = '';
    this.scan(s, true, sink);
    if (this.mode === 'array' || this.mode === 'page-array' || this.mode === 'page-keys') {
      sink.problem({ line: this.line, reason: 'truncated-json' });
    }
  }

  // long: the record splitter's hot loop over every character; its modes share locals and read faster in one piece
  private scan(s: string, final: boolean, sink: JsonSink): void {
    let i = 0;
    const n = s.length;
    if (this.mode === 'detect') {
      const first = skipWs(s, 0, this);
      if (first >= n) {
        if (final) return;
        this.carry = s;
        this.line = 1;
        return;
      }
      const eol = s.indexOf('\n', first);
      if (eol < 0 && !final) {
        if (n > this.maxLine) this.mode = 'top';
        else {
          this.carry = s;
          this.line = 1;
          return;
        }
      } else {
        // JSON Lines when the first line is a whole value by itself
        const firstLine = s.slice(first, eol < 0 ? n : eol).trim();
        this.mode = firstLine.startsWith('{') && parses(firstLine) && eol >= 0 ? 'lines' : 'top';
      }
      // re-scan from the start with the line count reset
      this.line = 1;
    }
    if (this.mode === 'lines') {
      this.scanLines(s, final, sink);
      return;
    }
    while (i < n) {
      const startLine = this.line;
      i = skipWs(s, i, this);
      if (i >= n) break;
      const c = s.charCodeAt(i);
      switch (this.mode) {
        case 'top': {
          if (c === 0x5b /* [ */) {
            this.mode = 'array';
            i++;
            continue;
          }
          if (c === 0x7b /* { */) {
            const lineAt = this.line;
            const end = skipValue(s, i, this);
            if (end < 0) {
              if (!final && n - i <= WHOLE_OBJECT_LIMIT) {
                this.keep(s, i, lineAt);
                return;
              }
              // a huge single page, or one cut short: walk its keys and stream its value
              // array, so a truncated download still gives every record before the cut
              this.line = lineAt;
              this.mode = 'page-keys';
              i++;
              continue;
            }
            if (isPageText(s, i + 1)) {
              // a page: walk it key by key so every record keeps its own line number
              this.line = lineAt;
              this.mode = 'page-keys';
              i++;
              continue;
            }
            this.emit(s.slice(i, end), lineAt, sink);
            i = end;
            continue;
          }
          // not JSON at this point: report and try the next line
          sink.problem({ line: this.line, reason: 'invalid-json' });
          i = nextLine(s, i, this);
          if (i < 0) return;
          continue;
        }
        case 'array':
        case 'page-array': {
          if (c === 0x2c /* , */) {
            i++;
            continue;
          }
          if (c === 0x5d /* ] */) {
            this.mode = this.mode === 'array' ? 'top' : 'page-keys';
            i++;
            continue;
          }
          const lineAt = this.line;
          const end = skipValue(s, i, this);
          if (end < 0) {
            if (final) {
              sink.problem({ line: lineAt, reason: 'truncated-json' });
              this.mode = 'top';
              return;
            }
            this.keep(s, i, lineAt);
            return;
          }
          this.emit(s.slice(i, end), lineAt, sink);
          i = end;
          continue;
        }
        case 'page-keys': {
          if (c === 0x2c) {
            i++;
            continue;
          }
          if (c === 0x7d /* } */) {
            this.mode = 'top';
            i++;
            continue;
          }
          if (c !== 0x22) {
            sink.problem({ line: this.line, reason: 'invalid-json' });
            this.mode = 'top';
            i = nextLine(s, i, this);
            if (i < 0) return;
            continue;
          }
          const keyEnd = skipString(s, i);
          if (keyEnd < 0) {
            this.keep(s, i, startLine);
            return;
          }
          const key = s.slice(i + 1, keyEnd - 1);
          let k = skipWs(s, keyEnd, this);
          if (k >= n) {
            this.keep(s, i, startLine);
            return;
          }
          if (s.charCodeAt(k) !== 0x3a /* : */) {
            sink.problem({ line: this.line, reason: 'invalid-json' });
            this.mode = 'top';
            i = nextLine(s, k, this);
            if (i < 0) return;
            continue;
          }
          k = skipWs(s, k + 1, this);
          if (k >= n) {
            this.keep(s, i, startLine);
            return;
          }
          if (key.toLowerCase() === 'value' && s.charCodeAt(k) === 0x5b) {
            this.mode = 'page-array';
            i = k + 1;
            continue;
          }
          const end = skipValue(s, k, this);
          if (end < 0) {
            this.keep(s, i, startLine);
            return;
          }
          i = end;
          continue;
        }
      }
    }
  }

  private keep(s: string, from: number, line: number): void {
    this.carry = s.slice(from);
    this.line = line;
  }

  private scanLines(s: string, final: boolean, sink: JsonSink): void {
    let i = 0;
    const n = s.length;
    while (i < n) {
      let eol = s.indexOf('\n', i);
      if (eol < 0) {
        if (!final) {
          if (n - i > this.maxLine) {
            sink.problem({ line: this.line, reason: 'invalid-json' });
            this.carry = '';
            return;
          }
          this.carry = s.slice(i);
          return;
        }
        eol = n;
      }
      const text = s.slice(i, eol).trim();
      if (text.length > 0) this.emit(text, this.line, sink);
      this.line++;
      i = eol + 1;
    }
  }

  private emit(text: string, line: number, sink: JsonSink): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      sink.problem({ line, reason: 'invalid-json' });
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.emitValue(item, line, sink);
      return;
    }
    this.emitValue(value, line, sink);
  }

  private emitValue(value: unknown, line: number, sink: JsonSink): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      sink.problem({ line, reason: 'not-an-object' });
      return;
    }
    const obj = value as Record<string, unknown>;
    // a Graph page inside an array or on one line
    const page = obj.value ?? obj.Value;
    if (Array.isArray(page) && isPageShape(obj)) {
      for (const item of page) {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) sink.problem({ line, reason: 'not-an-object' });
        else sink.record(item as Record<string, unknown>, line);
      }
      return;
    }
    sink.record(obj, line);
  }

  /** One line of JSON Lines cut by another reader (jsonl-fast.ts): parsed as scanLines parses a line. */
  emitLine(text: string, line: number, sink: JsonSink): void {
    this.emit(text, line, sink);
  }

  /** For skipWs/skipValue to count lines. */
  addLines(count: number): void {
    this.line += count;
  }
}

/** The reader takes an input that starts with `s` as JSON Lines: its first line is a whole object. */
export function startsJsonLines(s: string): boolean {
  const first = skipWs(s, 0, { addLines() {} });
  const eol = s.indexOf('\n', first);
  if (first >= s.length || eol < 0) return false;
  const firstLine = s.slice(first, eol).trim();
  return firstLine.startsWith('{') && parses(firstLine);
}

/** The object starting after `{` at i has a `"value": [` key (a Graph page), looking at its keys only. */
function isPageText(s: string, i: number): boolean {
  const none = { addLines() {} };
  let k = i;
  for (;;) {
    k = skipWs(s, k, none);
    if (s.charCodeAt(k) !== 0x22) return false;
    const keyEnd = skipString(s, k);
    if (keyEnd < 0) return false;
    const key = s.slice(k + 1, keyEnd - 1);
    k = skipWs(s, keyEnd, none);
    if (s.charCodeAt(k) !== 0x3a) return false;
    k = skipWs(s, k + 1, none);
    if (key.toLowerCase() === 'value') return s.charCodeAt(k) === 0x5b;
    if (!key.startsWith('@')) return false;
    const end = skipValue(s, k, none);
    if (end < 0) return false;
    k = skipWs(s, end, none);
    if (s.charCodeAt(k) !== 0x2c) return false;
    k++;
  }
}

/** A page has `value` and otherwise only OData annotations. */
function isPageShape(obj: Record<string, unknown>): boolean {
  for (const key of Object.keys(obj)) {
    if (key === 'value' || key === 'Value' || key.startsWith('@odata.') || key.startsWith('@')) continue;
    return false;
  }
  return true;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

interface LineCounter {
  addLines(count: number): void;
}

function skipWs(s: string, i: number, lines: LineCounter): number {
  const n = s.length;
  let breaks = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) breaks++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xfeff) break;
    i++;
  }
  if (breaks > 0) lines.addLines(breaks);
  return i;
}

function nextLine(s: string, i: number, lines: LineCounter): number {
  const eol = s.indexOf('\n', i);
  if (eol < 0) return -1;
  lines.addLines(1);
  return eol + 1;
}

/** End (exclusive) of the string starting at the quote at i, or -1 if not in this text. */
function skipString(s: string, i: number): number {
  let k = i + 1;
  for (;;) {
    const q = s.indexOf('"', k);
    if (q < 0) return -1;
    // an even number of backslashes before the quote: it closes the string
    let b = q - 1;
    while (b > i && s.charCodeAt(b) === 0x5c) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    k = q + 1;
  }
}

/**
 * End (exclusive) of the JSON value starting at i, or -1 when it does not end in this text.
 * Counts the line breaks it passes (only whitespace can hold them) only when it succeeds.
 */
function skipValue(s: string, i: number, lines: LineCounter): number {
  const n = s.length;
  const c0 = s.charCodeAt(i);
  if (c0 === 0x22) return skipString(s, i);
  if (c0 !== 0x7b && c0 !== 0x5b) {
    // a literal: up to the next delimiter (at least one character, so reading always moves on)
    let k = i + 1;
    while (k < n) {
      const c = s.charCodeAt(k);
      if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return k;
      k++;
    }
    return -1;
  }
  let depth = 0;
  let breaks = 0;
  let k = i;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (c === 0x22) {
      const e = skipString(s, k);
      if (e < 0) return -1;
      k = e;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) {
        if (breaks > 0) lines.addLines(breaks);
        return k + 1;
      }
    } else if (c === 0x0a) breaks++;
    k++;
  }
  return -1;
}
