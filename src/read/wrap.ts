import { firstNonSpace } from './classify.js';
import { LINE_ASCII } from './lines.js';
import { scratch } from './scratch.js';
import { canonicalKey } from './vocabulary.js';

/**
 * Outputs hard-wrapped at a fixed width (copied from a narrow console or a mail client: every line
 * cut at 60 or 80 columns, banners and GUIDs included). The width is read from the input itself:
 * the widest lines, when they are followed by the rest of what they cut. Nothing is joined on a
 * normal output: it takes a cut banner, title or GUID, or most of the widest lines visibly cut.
 */

/** Display columns of one UTF-16 code unit: East Asian wide characters take two. */
function unitWidth(c: number): number {
  if (c < 0x1100) return 1;
  if (
    c <= 0x115f ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  )
    return 2;
  return 1;
}

export function isWide(c: number): boolean {
  return c >= 0x1100 && unitWidth(c) === 2;
}

/** Display width of a line (console columns). */
export function displayWidth(text: string): number {
  let w = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x1100 && unitWidth(c) === 2) w++;
  }
  return w;
}

/** A code unit a console may draw two columns wide: a native scan before the loop of displayWidth. */
const MAYBE_WIDE = /[\u1100-\uffff]/;

const MIN_WRAP_WIDTH = 40;
const BANNER_HEAD = /^\s*\+[-=]{3,}$/;
const BANNER_TAIL = /^[-=]*\+\s*$/;
const TITLE_HEAD = /^\s*\|\s*\S.*[^|\s]\s*$|^\s*\|\s*\S[^|]*$/;
const TITLE_TAIL = /^[^|]*\|\s*$/;
const LINE_START_FIELD = /^\s*([A-Za-z][A-Za-z0-9 _\-./()]{0,63}?)\s*[:：]/;
const PROMPT_START = /^\s*(?:PS[\s>]|[A-Za-z]:\\|\$\s|#\s)/;
const HEX_TAIL = /[0-9A-Fa-f-]+$/;
const HEX_HEAD = /^[0-9A-Fa-f-]+/;
const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/;

const BANNER_AT = /\+[-=]{3}/y;
const TITLE_AT = /\|\s*[^\s|]/y;

/**
 * The line after a full one begins a line of its own (so the full one was not cut). `start` is
 * where its first non-space character is (`firstNonSpace`); not blank.
 */
function startsLine(next: string, start: number): boolean {
  const c = next.charCodeAt(start);
  // below U+1680, `firstNonSpace` skips what `\s*` skips: the banner and title tests start there
  if (c === 43 || c === 124) {
    const at = c === 43 ? BANNER_AT : TITLE_AT;
    at.lastIndex = start;
    if (at.test(next)) return true;
  } else if (c >= 0x1680) {
    if (/^\s*\+[-=]{3}/.test(next) || /^\s*\|\s*[^\s|]/.test(next)) return true;
  }
  if (PROMPT_START.test(next)) return true;
  const m = LINE_START_FIELD.exec(next);
  return m?.[1] !== undefined && canonicalKey(m[1].trim()) !== undefined;
}

/** Where the first non-space character of a line is, or -1 when `trim` would empty it. */
function contentStart(text: string): number {
  const start = firstNonSpace(text);
  // a rarer Unicode space (which `trim` removes too) is left to the pattern
  return start >= 0 && text.charCodeAt(start) >= 0x1680 && !/\S/.test(text) ? -1 : start;
}

/** A cut that only a hard wrap makes: a banner, a title box or a GUID split in two. */
function visiblyCut(head: string, tail: string): boolean {
  if (BANNER_HEAD.test(head) && BANNER_TAIL.test(tail)) return true;
  if (TITLE_HEAD.test(head) && TITLE_TAIL.test(tail)) return true;
  const a = HEX_TAIL.exec(head)?.[0];
  const b = HEX_HEAD.exec(tail)?.[0];
  return a !== undefined && b !== undefined && !GUID.test(a) && !GUID.test(b) && GUID.test(a + b);
}

/** A small input's widths and marks (`scratch`): a reader reads the marks before it reads another input. */
const smallWidths = new Int32Array(4096);
const smallContinues = new Uint8Array(4096);

/**
 * Which lines continue the line before them (`continues[i]` = line i+1 is the rest of line i),
 * or null when the input is not hard-wrapped. For up to 4,096 lines the array is the one the next
 * call writes into (`scratch`): read it before calling again.
 */
export function detectHardWrap(lines: readonly string[], mayHaveWide = true, flags: Uint8Array | null = null): Uint8Array | null {
  let width = 0;
  const widths = scratch(smallWidths, lines.length);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const ascii = flags !== null && ((flags[i] as number) & LINE_ASCII) !== 0;
    const w = mayHaveWide && !ascii && MAYBE_WIDE.test(text) ? displayWidth(text) : text.length;
    widths[i] = w;
    if (w > width) width = w;
  }
  if (width < MIN_WRAP_WIDTH) return null;
  const continues = scratch(smallContinues, lines.length);
  let widest = 0;
  let cut = 0;
  let evidence = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i] ?? '';
    const tail = lines[i + 1] ?? '';
    const full = widths[i] === width || (widths[i] === width - 1 && isWide(tail.charCodeAt(0)));
    if (!full || contentStart(head) < 0) continue;
    const tailStart = contentStart(tail);
    if (tailStart < 0) continue;
    widest++;
    if (startsLine(tail, tailStart)) continue;
    continues[i + 1] = 1;
    cut++;
    if (!evidence && visiblyCut(head, tail)) evidence = true;
  }
  const wrapped = cut > 0 && (evidence || (cut >= 3 && cut >= 0.8 * widest));
  return wrapped ? continues : null;
}
