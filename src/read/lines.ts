import { type Markers, markersOf } from './classify.js';
import { allAscii } from './codepages.js';
import { scratch } from './scratch.js';

/** How the lines of an input end. */
export type LineEnding = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';

/** The lines of an input, what ends them, and what the classifier needs to know about the whole. */
export interface InputLines {
  lines: string[];
  lineEnding: LineEnding;
  markers: Markers;
  /** Some character may be drawn two columns wide (a wrap width is then measured in columns). */
  mayHaveWide: boolean;
  /**
   * What is known of each line (`LINE_CLEAN`, `LINE_ASCII` bits), or null when not looked at. For
   * a small input, valid until `utf8Lines` is called again (`scratch`; the reader uses it while it reads).
   */
  flags: Uint8Array | null;
}

/** The line holds no BOM, `*`, backquote or full-width colon: only a quote prefix could need Markdown repair. */
export const LINE_CLEAN = 1;
/** The line is ASCII: no character of it is drawn two columns wide. */
export const LINE_ASCII = 2;

/** Characters a console may draw two columns wide (a cheap test before measuring widths). */
const WIDE = /[\u1100-\uffff]/;

/** Lines of a decoded text, as `\r\n`, `\r` or `\n` end them (a final line ending adds no line). */
export function textLines(text: string): InputLines {
  return { ...splitText(text), markers: markersOf(text), mayHaveWide: WIDE.test(text), flags: null };
}

function splitText(text: string): { lines: string[]; lineEnding: LineEnding } {
  if (!text.includes('\r')) {
    const lines = text.split('\n');
    const lineEnding = lines.length > 1 ? 'lf' : 'none';
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return { lines, lineEnding };
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const crlf = count(text, '\r\n');
  return { lines, lineEnding: endingOf(crlf, count(text, '\r') - crlf, count(text, '\n') - crlf) };
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function endingOf(crlf: number, cr: number, lf: number): LineEnding {
  const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : cr ? 'cr' : 'lf';
}

/**
 * `buf.toString('utf8', from, to)` without its argument checks and encoding look-up, a call a
 * line: Node's Buffer has had `utf8Slice` all along (the browser build's polyfill may not).
 */
function utf8SliceOf(buf: Buffer): (from: number, to: number) => string {
  const b = buf as Buffer & { utf8Slice?: (from: number, to: number) => string };
  if (typeof b.utf8Slice !== 'function') return (from, to) => buf.toString('utf8', from, to);
  return (from, to) => (b.utf8Slice as (from: number, to: number) => string)(from, to);
}

/** Same for Latin-1, which is what ASCII bytes decode to. */
function latin1SliceOf(buf: Buffer): (from: number, to: number) => string {
  const b = buf as Buffer & { latin1Slice?: (from: number, to: number) => string };
  if (typeof b.latin1Slice !== 'function') return (from, to) => buf.toString('latin1', from, to);
  return (from, to) => (b.latin1Slice as (from: number, to: number) => string)(from, to);
}

/** The lines cut so far, what is known of each, and the line breaks counted. */
interface LineTable {
  /**
   * One array for the input, made at the size a sample of the bytes suggests: arrays a chunk,
   * copied at the end, or an array grown a push at a time, leave a 50 MB input's line table
   * behind as garbage (it grows by itself if the sample was wrong, and is cut to size at the end).
   */
  lines: string[];
  flags: Uint8Array;
  count: number;
  crlf: number;
  cr: number;
  lf: number;
  /**
   * The frame lines read so far (`framedLine`), each its own key; null for a small input, whose
   * frame lines are not shared (a look-up costs more than it keeps).
   */
  frames: Map<string, string> | null;
  lastFrame: string;
}

/** Bytes looked at, in each of four places, to guess how many lines the input has. */
const SAMPLE = 64 * 1024;
/** The flags of a small input's lines (up to `4 * SAMPLE` bytes; `scratch`), until its table grows. */
const smallFlags = new Uint8Array((4 * SAMPLE) / 16 + 64);

function newLineTable(buf: Buffer, latin1: (from: number, to: number) => string): LineTable {
  const n = buf.length;
  // a small input: a table that grows costs less than a look at the bytes
  if (n <= 4 * SAMPLE) return emptyTable([], scratch(smallFlags, Math.ceil(n / 16) + 64));
  let breaks = 0;
  let looked = 0;
  // the start, two places inside and the end: a padded start or end does not decide alone
  for (const at of [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - SAMPLE]) {
    const from = Math.max(0, Math.min(at, n - SAMPLE));
    const to = Math.min(n, from + SAMPLE);
    const sample = latin1(from, to);
    breaks += Math.max(sample.split('\n').length, sample.split('\r').length) - 1;
    looked += to - from;
  }
  const guess = Math.min(n + 1, Math.ceil((breaks / Math.max(looked, 1)) * n * 1.05) + 64);
  return emptyTable(new Array<string>(guess), new Uint8Array(guess), new Map());
}

function emptyTable(lines: string[], flags: Uint8Array, frames: Map<string, string> | null = null): LineTable {
  return { lines, flags, count: 0, crlf: 0, cr: 0, lf: 0, frames, lastFrame: '' };
}

/** Frame lines kept to be looked up, at most: an output has one banner and a dozen titles. */
const MAX_FRAMES = 256;

/**
 * A line that opens with '+' or '|' at its first column, as every banner and title box of the
 * output does: the same string as the line printed alike before it, not a slice of its own. A
 * capture prints its banner twice a section and its titles in every capture, a fifth of its lines:
 * one string each keeps them in memory once (a slice a line would keep 32 bytes more a line, and
 * the chunk's text it was cut from).
 */
function framedLine(table: LineTable, frames: Map<string, string>, text: string, pos: number, end: number): string {
  // the banner: the frame line read last, told by comparing in place (a look-up hashes the whole line)
  const last = table.lastFrame;
  if (last.length === end - pos && text.startsWith(last, pos)) return last;
  const line = text.slice(pos, end);
  let seen = frames.get(line);
  if (seen === undefined) {
    seen = line;
    if (frames.size < MAX_FRAMES) frames.set(line, line);
  }
  table.lastFrame = seen;
  return seen;
}

/** An ASCII line of the chunk's text: a frame line shared, any other line a slice. */
function asciiLine(table: LineTable, text: string, pos: number, end: number): string {
  const c = text.charCodeAt(pos);
  return table.frames !== null && (c === 43 || c === 124) ? framedLine(table, table.frames, text, pos, end) : text.slice(pos, end);
}

/** Add a line (the array grows by itself past the guess; the flags are copied into a bigger array). */
function addLine(table: LineTable, line: string): void {
  if (table.count === table.flags.length) {
    const more = new Uint8Array(Math.ceil(table.flags.length * 1.5) + 64);
    more.set(table.flags);
    table.flags = more;
  }
  table.lines[table.count++] = line;
}

/**
 * Bytes a chunk holds at least; it ends after the next line feed, so no line is cut in two. Its
 * Latin-1 string is then a large object, made outside the young generation and never copied by a
 * scavenge. A chunk with a non-ASCII byte is looked at again in pieces of `SMALL_CHUNK`.
 */
const CHUNK = 256 * 1024;
const SMALL_CHUNK = 1024;

function chunkEnd(buf: Buffer, from: number, size: number, limit: number): number {
  if (from + size >= limit) return limit;
  const lf = buf.indexOf(10, from + size);
  return lf < 0 || lf >= limit ? limit : lf + 1;
}

/**
 * A chunk's bytes as Latin-1 (the right text of every ASCII line: a line break is never part of a
 * longer UTF-8 sequence, so its places are the same), and where the next line breaks are.
 */
interface ChunkText {
  text: string;
  /** Where the chunk starts in the bytes. */
  base: number;
  /** The next CR and LF in `text` at or after the place read so far; -1: none in the rest of it. */
  nextCr: number;
  nextLf: number;
}

/**
 * The lines of `buf[from, to)`, a part of the chunk that ends after a line break (or at the end of
 * the input): slices of the chunk's text, but for a line with a byte of `nonAscii` (sorted), which
 * is decoded from the bytes. All of them flagged with `flags`.
 */
function cutLines(
  chunk: ChunkText,
  from: number,
  to: number,
  nonAscii: number[] | null,
  flags: number,
  table: LineTable,
  utf8: (from: number, to: number) => string,
): void {
  const { text, base } = chunk;
  const first = table.count;
  let pos = from - base;
  const stop = to - base;
  let next = 0;
  while (pos < stop) {
    if (chunk.nextLf >= 0 && chunk.nextLf < pos) chunk.nextLf = text.indexOf('\n', pos);
    if (chunk.nextCr >= 0 && chunk.nextCr < pos) chunk.nextCr = text.indexOf('\r', pos);
    const { nextCr, nextLf } = chunk;
    let end = nextCr >= 0 && (nextLf < 0 || nextCr < nextLf) ? nextCr : nextLf;
    if (end < 0 || end > stop) end = stop;
    if (nonAscii !== null) {
      while (next < nonAscii.length && (nonAscii[next] as number) < base + pos) next++;
      const decoded = next < nonAscii.length && (nonAscii[next] as number) < base + end;
      addLine(table, decoded ? utf8(base + pos, base + end) : asciiLine(table, text, pos, end));
    } else addLine(table, asciiLine(table, text, pos, end));
    if (end === stop) break;
    if (end === nextCr && nextLf === end + 1) {
      table.crlf++;
      pos = end + 2;
    } else {
      if (end === nextCr) table.cr++;
      else table.lf++;
      pos = end + 1;
    }
  }
  if (flags !== 0) table.flags.fill(flags, first, table.count);
}

/** Where the bytes of `buf[from, to)` that are not ASCII are (a loop over a small piece known to have some). */
function nonAsciiIn(buf: Buffer, from: number, to: number): number[] {
  const at: number[] = [];
  for (let i = from; i < to; i++) if ((buf[i] as number) >= 0x80) at.push(i);
  return at;
}

/** U+FEFF, `**` and U+FF1A in UTF-8 (a Uint8Array, which Buffer searches for as it does a Buffer: the browser build has no Buffer). */
const BOM_BYTES = new Uint8Array([0xef, 0xbb, 0xbf]) as Buffer;
const BOLD_BYTES = new Uint8Array([0x2a, 0x2a]) as Buffer;
const FULL_WIDTH_COLON_BYTES = new Uint8Array([0xef, 0xbc, 0x9a]) as Buffer;

/** The piece holds no BOM, `*`, backquote or full-width colon. */
function cleanBytes(piece: Buffer, ascii: boolean): boolean {
  if (piece.includes(42) || piece.includes(96)) return false;
  return ascii || (!piece.includes(BOM_BYTES) && !piece.includes(FULL_WIDTH_COLON_BYTES));
}

/** `markersOf` for UTF-8 bytes, searched with byte needles (a string needle is encoded at every search); ASCII bytes have no BOM or full-width colon. */
function markersOfBytes(buf: Buffer, ascii: boolean): Markers {
  return {
    bom: !ascii && buf.includes(BOM_BYTES),
    quote: buf.indexOf(62) >= 0,
    bold: buf.includes(BOLD_BYTES),
    code: buf.indexOf(96) >= 0,
    fullWidthColon: !ascii && buf.includes(FULL_WIDTH_COLON_BYTES),
  };
}

/**
 * Lines cut straight from valid UTF-8 bytes, never held as one decoded string: the bytes are read
 * a chunk at a time as Latin-1 (one byte a character), an ASCII line is a slice of its chunk's
 * string, and a line with a non-ASCII byte is decoded from the bytes on its own.
 */
export function utf8Lines(buf: Buffer): InputLines {
  const latin1 = latin1SliceOf(buf);
  const table = newLineTable(buf, latin1);
  const utf8 = utf8SliceOf(buf);
  for (let from = 0; from < buf.length; ) {
    const to = chunkEnd(buf, from, CHUNK, buf.length);
    const text = latin1(from, to);
    const chunk: ChunkText = { text, base: from, nextCr: text.indexOf('\r'), nextLf: text.indexOf('\n') };
    if (allAscii(buf.subarray(from, to))) {
      const clean = !text.includes('*') && !text.includes('`');
      cutLines(chunk, from, to, null, LINE_ASCII | (clean ? LINE_CLEAN : 0), table, utf8);
    } else {
      for (let at = from; at < to; ) {
        const end = chunkEnd(buf, at, SMALL_CHUNK, to);
        const piece = buf.subarray(at, end);
        const ascii = allAscii(piece);
        const flags = (ascii ? LINE_ASCII : 0) | (cleanBytes(piece, ascii) ? LINE_CLEAN : 0);
        cutLines(chunk, at, end, ascii ? null : nonAsciiIn(buf, at, end), flags, table, utf8);
        at = end;
      }
    }
    from = to;
  }
  const lines = table.lines;
  // cut to size in place (the array's store is trimmed, not copied)
  lines.length = table.count;
  const flags = table.flags.subarray(0, table.count);
  const { crlf, cr, lf } = table;
  const ascii = allAscii(buf);
  const markers = markersOfBytes(buf, ascii);
  // U+1100 and up take three or four bytes, led by 0xE1 or more
  let mayHaveWide = false;
  for (let b = 0xe1; b <= 0xf4 && !ascii && !mayHaveWide; b++) mayHaveWide = buf.includes(b);
  return { lines, lineEnding: endingOf(crlf, cr, lf), markers, mayHaveWide, flags };
}
