import { canonicalKey, canonicalTitle, detached } from './vocabulary.js';

/**
 * The line classifier: what one line of a pasted `dsregcmd /status` output is, from the line alone
 * (the reader's state machine in parse.ts decides what the context-dependent kinds mean). Costly
 * patterns run only after a cheap test on the first non-space character or on a marker the input
 * as a whole was seen to contain.
 */

const TITLE = /^\s*\|\s*(.*?)\s*\|\s*$/;
const FOOTER = /^\s*For more information,? please visit/i;
const INFO = /^\s*(Waiting for Diagnostics Task|This could take)/i;
const FENCE = /^\s*(```|~~~)/;
const MD_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
export const DSREGCMD = /dsregcmd(\.exe)?/i;
/** Every prompt has one of these; the full pattern is costly, so it runs only when one is there. */
const PROMPT_CHAR = /[>$#%]/;
/** Shell prompts: PowerShell, cmd.exe, Evil-WinRM, Unix shells, `PS>` shorthand. */
export const PROMPT =
  /^\s*(?:\*[\w-]+\*\s*)?(?:PS\s+[A-Za-z]:\\[^>]*>|PS\s+[A-Za-z]+:[^>]*>|PS>|[A-Za-z]:\\[^>]*>|[$#%]\s|\S+@\S+[:~][^$#]*[$#]\s?|\[[^\]]+\]:\s*PS\s[^>]*>|>\s*dsregcmd)/;
const COMMAND_ECHO = /^\s*dsregcmd(\.exe)?(\s+\/\w+)*\s*$/i;
const SHELL_BANNER =
  /^\s*(Windows PowerShell|PowerShell \d|Copyright \(C\) Microsoft|\(c\) Microsoft Corporation|\(c\) \d{4} Microsoft|Microsoft Windows \[Version|Try the new cross-platform PowerShell|Install the latest PowerShell|.*https:\/\/aka\.ms\/(pscore6|PSWindows)|新しいクロスプラットフォーム|All rights reserved|Tutti i diritti|Alle Rechte|Tous droits|Todos los derechos)/i;
const ELISION = /^\s*(?:\.{3,}|…+|[(（[]?\s*(?:snip|snipped|省略|中略|以下略|略|truncated|omitted)\s*[)）\]]?)\s*(?:省略|中略|以下略|snip|\(snip\))?\s*$/i;
const ELISION_WORD = /^\s*(?:\.{3,}|…+)?\s*(?:省略|中略|以下略|以下省略|<snip>|\[snip\]|\(snip\))\s*(?:\.{3,}|…+)?\s*$/i;
/** First characters an elision line can start with (after spaces). */
const ELISION_FIRST = '.…(（[sS省中以略tToO<';
const KEY = /^[A-Za-z][A-Za-z0-9 _\-./()]{0,63}$/;

/**
 * Can a pattern that starts with `^\s*` match a line whose first non-space character is `first`?
 * `firstNonSpace` skips the spaces consoles print; a rarer Unicode space (which `\s` also skips)
 * leaves the answer to the pattern itself.
 */
const mayStartWith = (first: string, starts: string) => starts.includes(first) || (first.charCodeAt(0) >= 0x1680 && /\s/.test(first));

export const isPrompt = (text: string) => PROMPT_CHAR.test(text) && PROMPT.test(text);
export const isCommandEcho = (text: string) => COMMAND_ECHO.test(text);
export const isShellBanner = (text: string) => SHELL_BANNER.test(text);
export const isFooter = (text: string, first: string) => mayStartWith(first, 'Ff') && FOOTER.test(text);
export const isInfo = (text: string, first: string) => mayStartWith(first, 'WwTt') && INFO.test(text);
export const isElision = (text: string, first: string) => mayStartWith(first, ELISION_FIRST) && (ELISION.test(text) || ELISION_WORD.test(text));
export const isMarkdownRule = (text: string, first: string) => '`~|:-'.includes(first) && (FENCE.test(text) || MD_TABLE_RULE.test(text));

/**
 * A banner (`+-----…-----+`) for a line whose first non-space character (at `start`) is '+': a run
 * of ten or more '-' or '=', an optional '+', then nothing but spaces (`/^\s*\+[-=]{10,}\+?\s*$/`
 * without the pattern).
 */
export function isBannerAt(text: string, start: number): boolean {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 45 && c !== 61) break;
    i++;
  }
  if (i - start - 1 < 10) return false;
  if (text.charCodeAt(i) === 43) i++;
  return i === text.length || /^\s*$/.test(text.slice(i));
}

/** Index of the first non-whitespace character, or -1 (cheaper than a regex on every line). */
export function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff && !(c >= 10 && c <= 13)) return i;
  }
  return -1;
}

/** Characters the input as a whole contains: each line repair runs only when its marker is there. */
export interface Markers {
  bom: boolean;
  quote: boolean;
  bold: boolean;
  code: boolean;
  fullWidthColon: boolean;
}

/** The markers of a decoded text, or of UTF-8 bytes (a Buffer searches for a string's UTF-8 bytes). */
export function markersOf(text: { includes(needle: string): boolean }): Markers {
  return {
    bom: text.includes('\uFEFF'),
    quote: text.includes('>'),
    bold: text.includes('**'),
    code: text.includes('`'),
    fullWidthColon: text.includes('\uFF1A'),
  };
}

/** Undo Markdown damage (quote prefixes, bold markers, inline code, two-space breaks) and full-width colons. */
export function unMarkdown(text: string, m: Markers): string {
  // one native look tells the usual line apart: nothing to repair, at most trailing spaces to drop
  if (!(m.bom || m.quote || m.bold || m.code || m.fullWidthColon) || !DAMAGE.test(text)) return trimEnd(text);
  let t = m.bom && text.includes('\uFEFF') ? text.replace(/\uFEFF/g, '') : text;
  if (m.quote && t.includes('>')) t = t.replace(/^(?:\s*>(?=\s|$)\s?)+/, '');
  if (m.bold && t.includes('**')) t = t.replace(/\*\*/g, '');
  if (m.code && t.includes('`') && !FENCE.test(t)) t = t.replace(/`([^`]*)`/g, '$1');
  if (m.fullWidthColon && t.includes('\uFF1A')) t = fullWidthColon(t);
  return t.trimEnd();
}

/** What any repair of `unMarkdown` looks for: a BOM, a quote prefix, bold, inline code, a full-width colon. */
const DAMAGE = /[\uFEFF`\uFF1A*>]/;

/** `trimEnd`, without the call when the line ends in no space (most lines). */
export function trimEnd(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last > 32 && last < 0x80 ? text : text.trimEnd();
}

/** A hand-typed `Key：Value` (full-width colon, any spaces around it) reads as `Key: Value`. */
function fullWidthColon(text: string): string {
  if (text.includes(' : ')) return text;
  return text.replace(/^([^:\uFF1A]*?)[\s]*\uFF1A[\s]*/, '$1: ');
}

/** Keys that error pages print too (`Correlation Id: …`): typed by hand, they are not status fields. */
const ERROR_PAGE_KEYS = new Set(['Correlation ID', 'Request Id']);

export interface SplitField {
  key: string;
  value: string;
  /** dsregcmd's own ` : ` separator (or a trailing ` :`), not a hand-typed `Key: value`. */
  spaced?: boolean;
}

/**
 * A hand-typed `Key: value` outside the output's own layout (before any banner, after the footer)
 * is a field only for a key dsregcmd prints; anything else is ticket or e-mail text.
 */
export function acceptsHandTyped(split: SplitField): boolean {
  if (split.spaced) return true;
  const name = canonicalKey(split.key);
  return name !== undefined && !ERROR_PAGE_KEYS.has(name);
}

/**
 * The common line, `      Key : value` as dsregcmd aligns it, split without copying the line:
 * the key is cut out and returned (its canonical name in `out.name`), the value is left where it
 * is (`out.valueFrom`) for `valueAt` to cut on first use. Undefined when the line needs the
 * general rules of `splitLine`.
 */
export function splitAligned(text: string, start: number, out: { valueFrom: number; name: string | undefined }): string | undefined {
  const at = text.indexOf(' : ', start);
  if (at <= start) return undefined;
  let end = at;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (text.charCodeAt(end - 1) === 58) return undefined;
  const key = text.slice(start, end);
  const judged = judgedKey(key);
  if (!judged.valid) return undefined;
  out.valueFrom = at + 3;
  out.name = judged.name;
  return key;
}

/** What a printed key is: a key at all, and its canonical name when dsregcmd is known to print it. */
interface KeyJudgement {
  valid: boolean;
  name: string | undefined;
}

/** Keys already judged (most outputs print the same few dozen keys over and over). */
const judgedKeys = new Map<string, KeyJudgement>();

function judgedKey(key: string): KeyJudgement {
  let judged = judgedKeys.get(key);
  if (judged === undefined) {
    const valid = KEY.test(key) && !(key.length <= 5 && /^(https?|urn|ftp|file)$/i.test(key)) && !(key.length > 24 && key.split(/\s+/).length > 6);
    judged = { valid, name: valid ? canonicalKey(key) : undefined };
    if (judgedKeys.size < 10_000) judgedKeys.set(detached(key), judged);
  }
  return judged;
}

/** A key as dsregcmd could print it: a name, not a URL scheme or a sentence. */
function validKey(key: string): boolean {
  return judgedKey(key).valid;
}

/** The value of an aligned field, as `splitLine` reads it. */
export function valueAt(text: string, from: number): string {
  const value = text.slice(from).trim();
  return value.charCodeAt(0) === 58 ? value.replace(/^:\s*/, '') : value;
}

/** What `String.prototype.trim` removes (the key's end is only ever next to a space). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 10 && c <= 13) || (c >= 0x1680 && /\s/.test(String.fromCharCode(c)));
}

/** Split on the first ` : `; tolerate `Key: : value`, `Key: value`, `Key :`. */
export function splitLine(text: string): SplitField | undefined {
  const t = text.trim();
  const spaced = t.indexOf(' : ');
  if (spaced > 0) return checked(t.slice(0, spaced), t.slice(spaced + 3), true);
  const trailing = /\s:$/.test(t);
  if (trailing || /^[^:]+::?$/.test(t)) return checked(t.replace(/\s*:+$/, ''), '', trailing);
  const m = /^([^:]+?):\s(.*)$/.exec(t);
  if (!m?.[1]) return undefined;
  // `Key: value` is only trusted for keys dsregcmd prints or single words; otherwise it is
  // prose (a wrapped value such as "sing WPAD. code: 0x80072f94").
  const key = m[1].trim();
  if (!canonicalKey(key) && /[\s.]/.test(key)) return undefined;
  return checked(m[1], m[2] ?? '', false);
}

function checked(rawKey: string, rawValue: string, spaced: boolean): SplitField | undefined {
  let key = rawKey.trim();
  if (key.charCodeAt(key.length - 1) === 58) key = key.replace(/\s*:+$/, '').trim();
  let value = rawValue.trim();
  if (value.charCodeAt(0) === 58) value = value.replace(/^:\s*/, '');
  if (!validKey(key)) return undefined;
  return spaced ? { key, value, spaced: true } : { key, value };
}

/** Markdown table row `| Key | Value |` → a field. */
export function tableRow(text: string): SplitField | undefined {
  const m = /^\s*\|(.+)\|\s*$/.exec(text);
  if (!m?.[1]) return undefined;
  const cells = m[1].split('|').map((c) => c.trim());
  if (cells.length !== 2 || !cells[0]) return undefined;
  if (!KEY.test(cells[0])) return undefined;
  return { key: cells[0], value: cells[1] ?? '', spaced: true };
}

/**
 * Banners and title boxes repeat: an output prints the same banner twice a section, and outputs
 * print the same few titles. The banner line read last and the title lines read are remembered
 * (as copies that keep no input alive), so a repeat is told by comparing strings, not by a loop
 * over its characters or a pattern.
 */
let lastBanner = '';
const titleLines = new Map<string, string | undefined>();

/** `isBannerAt`, told at once for the banner line read last. */
export function isBanner(text: string, start: number): boolean {
  if (text === lastBanner) return true;
  if (!isBannerAt(text, start)) return false;
  lastBanner = detached(text);
  return true;
}

/** `| Device State |` → the printed title; undefined when the line is no title box. */
export function boxTitle(text: string): string | undefined {
  const seen = titleLines.get(text);
  if (seen !== undefined || titleLines.has(text)) return seen;
  const m = TITLE.exec(text);
  const title = m && !m[1]?.includes('|') ? detached(m[1] ?? '') : undefined;
  if (titleLines.size < 1000) titleLines.set(detached(text), title);
  return title;
}

/** `## Device State`, `**SSO State**` → a known title. */
export function headingTitle(text: string): string | undefined {
  const m = /^\s*(?:#{1,6}\s+|\*\*|__)?\s*([A-Za-z][A-Za-z0-9 ]+?)\s*(?:\*\*|__)?\s*:?\s*$/.exec(text);
  if (!m?.[1]) return undefined;
  if (!/^\s*(#|\*\*|__)/.test(text)) return undefined;
  const t = canonicalTitle(m[1]);
  return t.known ? t.title : undefined;
}
