import { type Markers, markersOf } from './classify.js';

/** How the lines of an input end. */
export type LineEnding = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';

/** The lines of an input, what ends them, and what the classifier needs to know about the whole. */
export interface InputLines {
  lines: string[];
  lineEnding: LineEnding;
  markers: Markers;
  /** Some character may be drawn two columns wide (a wrap width is then measured in columns). */
  mayHaveWide: boolean;
}

/** Characters a console may draw two columns wide (a cheap test before measuring widths). */
const WIDE = /[\u1100-\uffff]/;

/** Lines of a decoded text, as `\r\n`, `\r` or `\n` end them (a final line ending adds no line). */
export function textLines(text: string): InputLines {
  return { ...splitText(text), markers: markersOf(text), mayHaveWide: WIDE.test(text) };
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

function countByte(buf: Buffer, byte: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte); i >= 0; i = buf.indexOf(byte, i + 1)) n++;
  return n;
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

/**
 * Lines cut straight from valid UTF-8 bytes: each line is its own string (one byte a character
 * when it is ASCII), and the input is never held as one decoded string.
 */
export function utf8Lines(buf: Buffer): InputLines {
  // the array made once at its size (the line breaks counted first, a native scan): growing it
  // a push at a time leaves copies of a 50 MB input's line table behind as garbage
  const lines: string[] = new Array<string>(Math.max(countByte(buf, 10), countByte(buf, 13)) + 1);
  let count = 0;
  const slice = utf8SliceOf(buf);
  const n = buf.length;
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  let nextLf = buf.indexOf(10);
  let nextCr = buf.indexOf(13);
  let pos = 0;
  for (;;) {
    const first = buf[pos];
    if (first === 10 || first === 13) {
      // an empty line costs no native call (a padded paste is millions of them)
      lines[count++] = '';
      if (first === 13 && buf[pos + 1] === 10) {
        crlf++;
        pos += 2;
      } else {
        if (first === 13) cr++;
        else lf++;
        pos++;
      }
      continue;
    }
    if (nextLf >= 0 && nextLf < pos) nextLf = buf.indexOf(10, pos);
    if (nextCr >= 0 && nextCr < pos) nextCr = buf.indexOf(13, pos);
    const end = nextCr >= 0 && (nextLf < 0 || nextCr < nextLf) ? nextCr : nextLf;
    if (end < 0) {
      lines[count++] = slice(pos, n);
      break;
    }
    lines[count++] = slice(pos, end);
    if (buf[end] === 13 && buf[end + 1] === 10) {
      crlf++;
      pos = end + 2;
    } else {
      if (buf[end] === 13) cr++;
      else lf++;
      pos = end + 1;
    }
  }
  // mixed line endings can need more than the estimate (push grows it) or fewer (cut to size)
  if (count < lines.length) lines.length = count;
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const markers: Markers = {
    bom: buf.includes('\uFEFF'),
    quote: buf.includes('>'),
    bold: buf.includes('**'),
    code: buf.includes('`'),
    fullWidthColon: buf.includes('\uFF1A'),
  };
  // U+1100 and up take three or four bytes, led by 0xE1 or more
  let mayHaveWide = false;
  for (let b = 0xe1; b <= 0xf4 && !mayHaveWide; b++) mayHaveWide = buf.includes(b);
  return { lines, lineEnding: endingOf(crlf, cr, lf), markers, mayHaveWide };
}
