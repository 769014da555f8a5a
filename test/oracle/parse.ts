// Test oracle: the dsregcmd reader as it was before the single-pass rewrite (after the #11
// features), kept unchanged so test/reader-oracle.property.test.ts can prove the new reader gives
// the same report. Field names and titles come from the live vocabulary (data, not logic).
import { type BundleFacts, isBundle, readBundle } from './bundle.js';
import { type DecodedText, decodeBytes, type TextEncodingName } from './decode.js';
import { type MaskKind, type TypedValue, typeValue } from './values.js';
import { canonicalKey, canonicalTitle, homeSection } from '../../src/read/vocabulary.js';
import { detectHardWrap } from './wrap.js';

/** One `Key : value` line (or lines, when a narrow console wrapped the value). */
export interface Field {
  /** Canonical title of the section it was printed in; '' when it came before any section. */
  section: string;
  sectionIndex: number;
  /** The key as printed (trimmed, stray colons removed). */
  key: string;
  /** Canonical key (renames mapped), or the printed key for fields dsregcmd is not known to print. */
  name: string;
  known: boolean;
  value: string;
  /** The input line(s) exactly as read. */
  raw: string;
  /** 1-based line number of the key. */
  line: number;
  /** Last line of the value (> line when it was wrapped). */
  endLine: number;
  masked: MaskKind | null;
  typed: TypedValue;
}

export interface Section {
  /** Canonical title, e.g. `Device State`, `Work Account 1`; an unknown title is kept as printed. */
  title: string;
  /** The title as printed, or null for a banner with no title (the title is then inferred). */
  printedTitle: string | null;
  known: boolean;
  /** Inferred from the keys under a banner that had no title. */
  inferred: boolean;
  line: number;
  endLine: number;
  fields: Field[];
}

export type LineKind =
  | 'blank'
  | 'banner'
  | 'title'
  | 'field'
  | 'continuation'
  | 'prompt'
  | 'shell'
  | 'footer'
  | 'elision'
  | 'info'
  | 'markdown'
  | 'other-command'
  | 'bundle'
  | 'unparsed';

export type WarningCode =
  | 'binary-input'
  | 'empty-input'
  | 'not-dsregcmd'
  | 'unparsed-line'
  | 'other-command'
  | 'elided'
  | 'truncated-line'
  | 'too-many-warnings';

export interface ReadWarning {
  code: WarningCode;
  /** 1-based line in the input; 0 when the warning is about the whole input. */
  line: number;
  /** Last line covered, for runs of lines. */
  endLine?: number;
  text?: string;
  count?: number;
}

export interface ParsedReport {
  source: {
    name: string;
    encoding: TextEncodingName | 'string';
    encodingEvidence: string;
    bytes: number;
    lines: number;
    lineEnding: 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';
  };
  /** The input looks like `dsregcmd /status` output (a known section title or key was read). */
  recognized: boolean;
  sections: Section[];
  fields: Field[];
  /** The input's lines as read (index = line - 1), for evidence. */
  lines: string[];
  /** What every line was read as, in order (index = line - 1). */
  lineKinds: LineKind[];
  /** The user elided part of the output (`...`, `…省略`). */
  elided: boolean;
  warnings: ReadWarning[];
  /** Lines that carried neither a field nor recognised noise. */
  skippedLines: number;
  /** The facts of a collection bundle (`script --collect`), when the input is one. */
  bundle: BundleFacts | null;
}

export interface ReadOptions {
  /** Shown in messages: the file name, `<stdin>` or `<text>`. */
  name?: string;
  encoding?: TextEncodingName;
}

const MAX_WARNINGS = 200;

/** Read `dsregcmd /status` output from bytes of any encoding Windows writes. Never throws. */
export function readStatusBytes(bytes: Uint8Array, options: ReadOptions = {}): ParsedReport {
  const name = options.name ?? '<input>';
  if (bytes.length === 0) return emptyReport(name, 'utf-8', 'empty', 0, 'empty-input');
  let decoded: DecodedText;
  try {
    decoded = decodeBytes(bytes, options.encoding);
  } catch {
    return emptyReport(name, 'utf-8', 'undecodable', bytes.length, 'binary-input');
  }
  if (decoded.binary) return emptyReport(name, decoded.encoding, decoded.evidence, bytes.length, 'binary-input');
  const report = parseText(decoded.text, name);
  report.source.encoding = decoded.encoding;
  report.source.encodingEvidence = decoded.evidence;
  report.source.bytes = bytes.length;
  return report;
}

/** Read `dsregcmd /status` output from a string (pasted text). Never throws. */
export function readStatusText(text: string, options: ReadOptions = {}): ParsedReport {
  const report = parseText(text.replace(/^\uFEFF/, ''), options.name ?? '<text>');
  report.source.encoding = 'string';
  report.source.encodingEvidence = 'string';
  return report;
}

function emptyReport(name: string, encoding: TextEncodingName, evidence: string, bytes: number, code: WarningCode): ParsedReport {
  return {
    source: { name, encoding, encodingEvidence: evidence, bytes, lines: 0, lineEnding: 'none' },
    recognized: false,
    sections: [],
    fields: [],
    lines: [],
    lineKinds: [],
    elided: false,
    warnings: [{ code, line: 0 }],
    skippedLines: 0,
    bundle: null,
  };
}

function detectLineEnding(text: string): ParsedReport['source']['lineEnding'] {
  if (!text.includes('\r')) return text.includes('\n') ? 'lf' : 'none';
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : cr ? 'cr' : 'lf';
}

// --- line classification -------------------------------------------------------------------

const BANNER = /^\s*\+[-=]{10,}\+?\s*$/;
const TITLE = /^\s*\|\s*(.*?)\s*\|\s*$/;
const FOOTER = /^\s*For more information,? please visit/i;
const INFO = /^\s*(Waiting for Diagnostics Task|This could take)/i;
const FENCE = /^\s*(```|~~~)/;
const MD_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const DSREGCMD = /dsregcmd(\.exe)?/i;
/** Every prompt has one of these; the full pattern is costly, so it runs only when one is there. */
const PROMPT_CHAR = /[>$#%]/;
const isPrompt = (text: string) => PROMPT_CHAR.test(text) && PROMPT.test(text);

/** Index of the first non-whitespace character, or -1 (cheaper than a regex on every line). */
function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff && !(c >= 10 && c <= 13)) return i;
  }
  return -1;
}
/** Shell prompts: PowerShell, cmd.exe, Evil-WinRM, Unix shells, `PS>` shorthand. */
const PROMPT =
  /^\s*(?:\*[\w-]+\*\s*)?(?:PS\s+[A-Za-z]:\\[^>]*>|PS\s+[A-Za-z]+:[^>]*>|PS>|[A-Za-z]:\\[^>]*>|[$#%]\s|\S+@\S+[:~][^$#]*[$#]\s?|\[[^\]]+\]:\s*PS\s[^>]*>|>\s*dsregcmd)/;
const COMMAND_ECHO = /^\s*dsregcmd(\.exe)?(\s+\/\w+)*\s*$/i;
const SHELL_BANNER =
  /^\s*(Windows PowerShell|PowerShell \d|Copyright \(C\) Microsoft|\(c\) Microsoft Corporation|\(c\) \d{4} Microsoft|Microsoft Windows \[Version|Try the new cross-platform PowerShell|Install the latest PowerShell|.*https:\/\/aka\.ms\/(pscore6|PSWindows)|新しいクロスプラットフォーム|All rights reserved|Tutti i diritti|Alle Rechte|Tous droits|Todos los derechos)/i;
const ELISION = /^\s*(?:\.{3,}|…+|[(（[]?\s*(?:snip|snipped|省略|中略|以下略|略|truncated|omitted)\s*[)）\]]?)\s*(?:省略|中略|以下略|snip|\(snip\))?\s*$/i;
const ELISION_WORD = /^\s*(?:\.{3,}|…+)?\s*(?:省略|中略|以下略|以下省略|<snip>|\[snip\]|\(snip\))\s*(?:\.{3,}|…+)?\s*$/i;
const KEY = /^[A-Za-z][A-Za-z0-9 _\-./()]{0,63}$/;

/** Undo Markdown damage: quote prefixes, bold markers, inline code, two-space breaks. */
function unMarkdown(text: string): string {
  // each repair only when its character is there: this runs on every line
  let t = text.includes('\uFEFF') ? text.replace(/\uFEFF/g, '') : text;
  if (t.includes('>')) t = t.replace(/^(?:\s*>(?=\s|$)\s?)+/, '');
  if (t.includes('**')) t = t.replace(/\*\*/g, '');
  if (t.includes('`') && !FENCE.test(t)) t = t.replace(/`([^`]*)`/g, '$1');
  if (t.includes('\uFF1A')) t = fullWidthColon(t);
  return t.trimEnd();
}

/** A hand-typed `Key：Value` (full-width colon, any spaces around it) reads as `Key: Value`. */
function fullWidthColon(text: string): string {
  if (text.includes(' : ')) return text;
  return text.replace(/^([^:\uFF1A]*?)[\s]*\uFF1A[\s]*/, '$1: ');
}

/** Keys that error pages print too (`Correlation Id: …`): typed by hand, they are not status fields. */
const ERROR_PAGE_KEYS = new Set(['Correlation ID', 'Request Id']);

/**
 * A hand-typed `Key: value` outside the output's own layout (before any banner, after the footer)
 * is a field only for a key dsregcmd prints; anything else is ticket or e-mail text.
 */
function acceptsHandTyped(split: SplitField): boolean {
  if (split.spaced) return true;
  const name = canonicalKey(split.key);
  return name !== undefined && !ERROR_PAGE_KEYS.has(name);
}

interface SplitField {
  key: string;
  value: string;
  /** dsregcmd's own ` : ` separator (or a trailing ` :`), not a hand-typed `Key: value`. */
  spaced?: boolean;
}

/** Split on the first ` : `; tolerate `Key: : value`, `Key: value`, `Key :`. */
export function splitField(text: string): { key: string; value: string } | undefined {
  const split = splitLine(text);
  return split && { key: split.key, value: split.value };
}

function splitLine(text: string): SplitField | undefined {
  const t = text.trim();
  let key: string;
  let value: string;
  const spaced = t.indexOf(' : ');
  const aligned = spaced > 0 || /\s:$/.test(t);
  if (spaced > 0) {
    key = t.slice(0, spaced);
    value = t.slice(spaced + 3);
  } else if (/\s:$/.test(t) || /^[^:]+::?$/.test(t)) {
    key = t.replace(/\s*:+$/, '');
    value = '';
  } else {
    const m = /^([^:]+?):\s(.*)$/.exec(t);
    if (!m?.[1]) return undefined;
    key = m[1];
    value = m[2] ?? '';
    // `Key: value` is only trusted for keys dsregcmd prints or single words; otherwise it is
    // prose (a wrapped value such as "sing WPAD. code: 0x80072f94").
    if (!canonicalKey(key.trim()) && /[\s.]/.test(key.trim())) return undefined;
  }
  key = key
    .trim()
    .replace(/\s*:+$/, '')
    .trim();
  value = value.trim().replace(/^:\s*/, '');
  if (!KEY.test(key) || /^(https?|urn|ftp|file)$/i.test(key)) return undefined;
  if (key.length > 24 && key.split(/\s+/).length > 6) return undefined;
  return aligned ? { key, value, spaced: true } : { key, value };
}

/** Markdown table row `| Key | Value |` → a field. */
function tableRow(text: string): SplitField | undefined {
  const m = /^\s*\|(.+)\|\s*$/.exec(text);
  if (!m?.[1]) return undefined;
  const cells = m[1].split('|').map((c) => c.trim());
  if (cells.length !== 2 || !cells[0]) return undefined;
  if (!KEY.test(cells[0])) return undefined;
  return { key: cells[0], value: cells[1] ?? '', spaced: true };
}

function headingTitle(text: string): string | undefined {
  const m = /^\s*(?:#{1,6}\s+|\*\*|__)?\s*([A-Za-z][A-Za-z0-9 ]+?)\s*(?:\*\*|__)?\s*:?\s*$/.exec(text);
  if (!m?.[1]) return undefined;
  if (!/^\s*(#|\*\*|__)/.test(text)) return undefined;
  const t = canonicalTitle(m[1]);
  return t.known ? t.title : undefined;
}

// --- the reader ----------------------------------------------------------------------------

function parseText(text: string, name: string): ParsedReport {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const report: ParsedReport = {
    source: { name, encoding: 'string', encodingEvidence: '', bytes: 0, lines: lines.length, lineEnding: detectLineEnding(text) },
    recognized: false,
    sections: [],
    fields: [],
    lines,
    lineKinds: new Array<LineKind>(lines.length).fill('blank'),
    elided: false,
    warnings: [],
    skippedLines: 0,
    bundle: null,
  };
  // a collection bundle: its own parts are facts, its dsregcmd part is read as usual
  const bundle = isBundle(lines) ? readBundle(lines) : null;
  report.bundle = bundle;
  if (bundle) report.recognized = true;
  let suppressed = 0;
  const warn = (w: ReadWarning) => {
    if (report.warnings.length < MAX_WARNINGS) report.warnings.push(w);
    else suppressed++;
  };

  let section: Section | undefined;
  let bannerPending = false; // a banner was read and no title followed yet
  let titleJustRead = false; // the banner after a title closes the title box
  let lastField: Field | undefined;
  let lastWasBlankSinceField = true;
  let contentStarted = false;
  let otherCommandFrom = 0;
  let otherCommandCount = 0;
  let unparsedRun: { from: number; to: number; text: string } | undefined;

  const flushUnparsed = () => {
    if (unparsedRun) {
      warn({ code: 'unparsed-line', line: unparsedRun.from, endLine: unparsedRun.to, text: unparsedRun.text.slice(0, 120) });
      unparsedRun = undefined;
    }
  };

  const openSection = (title: string | null, line: number, inferredFrom?: string): Section => {
    let canonical: { title: string; known: boolean };
    if (title !== null) canonical = canonicalTitle(title);
    else {
      const home = inferredFrom ? homeSection(inferredFrom) : undefined;
      canonical = home && home !== 'Work Account N' ? { title: home, known: true } : { title: '', known: false };
    }
    const s: Section = {
      title: canonical.title,
      printedTitle: title,
      known: canonical.known,
      inferred: title === null,
      line,
      endLine: line,
      fields: [],
    };
    report.sections.push(s);
    return s;
  };

  const addField = (split: SplitField, rawLine: string, lineNo: number, endNo: number) => {
    const name = canonicalKey(split.key);
    if (!section || (bannerPending && !titleJustRead)) {
      // under a banner with no title the keys say which section it is; before any banner
      // (a hand-picked excerpt) there is no section to name
      section = openSection(null, lineNo, bannerPending ? name : undefined);
      bannerPending = false;
    }
    const typed = typeValue(name, split.value);
    const field: Field = {
      section: section.title,
      sectionIndex: report.sections.length - 1,
      key: split.key,
      name: name ?? split.key,
      known: name !== undefined,
      value: split.value,
      raw: rawLine,
      line: lineNo,
      endLine: endNo,
      masked: typed.kind === 'masked' ? typed.mask : null,
      typed,
    };
    section.fields.push(field);
    section.endLine = endNo;
    report.fields.push(field);
    lastField = field;
    lastWasBlankSinceField = false;
    if (name) {
      report.recognized = true;
      contentStarted = true;
    }
  };

  // a hard-wrapped output: the rest of a cut line is read with it
  const continues = detectHardWrap(lines);
  let structured = false; // a banner or title of the output's own layout was read
  let afterFooter = false;
  const handTypedOk = (split: SplitField) => (structured && !afterFooter) || acceptsHandTyped(split);

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const kinds = report.lineKinds;
    let raw = lines[i] ?? '';
    let rawLines = raw;
    let endNo = lineNo;
    if (continues) {
      if (continues[i]) {
        kinds[i] = 'continuation';
        continue;
      }
      while (continues[endNo]) {
        raw += lines[endNo] ?? '';
        rawLines += `\n${lines[endNo] ?? ''}`;
        endNo++;
      }
    }
    if (bundle?.bundleLines.has(lineNo)) {
      kinds[i] = 'bundle';
      continue;
    }
    if (raw.length > 100_000) {
      kinds[i] = 'unparsed';
      report.skippedLines++;
      warn({ code: 'truncated-line', line: lineNo, count: raw.length });
      continue;
    }
    const text = unMarkdown(raw);

    if (otherCommandFrom) {
      if (isPrompt(text) && DSREGCMD.test(text)) {
        warn({ code: 'other-command', line: otherCommandFrom, endLine: lineNo - 1, count: otherCommandCount });
        otherCommandFrom = 0;
        otherCommandCount = 0;
        kinds[i] = 'prompt';
        section = undefined;
        bannerPending = false;
        continue;
      }
      kinds[i] = 'other-command';
      if (text.trim() !== '') otherCommandCount++;
      continue;
    }

    const start = firstNonSpace(text);
    if (start < 0) {
      kinds[i] = 'blank';
      lastWasBlankSinceField = true;
      flushUnparsed();
      continue;
    }
    const first = text.charAt(start);
    if ('`~|:-'.includes(first) && (FENCE.test(text) || MD_TABLE_RULE.test(text))) {
      kinds[i] = 'markdown';
      continue;
    }
    if (first === '+' && BANNER.test(text)) {
      kinds[i] = 'banner';
      structured = true;
      afterFooter = false;
      flushUnparsed();
      contentStarted = true;
      report.recognized = true;
      if (titleJustRead) titleJustRead = false;
      else bannerPending = true;
      lastField = undefined;
      continue;
    }
    const titleMatch = first === '|' ? TITLE.exec(text) : null;
    if (titleMatch && !titleMatch[1]?.includes('|')) {
      kinds[i] = 'title';
      structured = true;
      afterFooter = false;
      flushUnparsed();
      section = openSection(titleMatch[1] ?? '', lineNo);
      if (section.known) report.recognized = true;
      contentStarted = true;
      bannerPending = false;
      titleJustRead = true;
      lastField = undefined;
      continue;
    }
    const heading = '#*_'.includes(first) ? headingTitle(text) : undefined;
    if (heading) {
      kinds[i] = 'title';
      structured = true;
      afterFooter = false;
      section = openSection(heading, lineNo);
      report.recognized = true;
      contentStarted = true;
      bannerPending = false;
      titleJustRead = false;
      lastField = undefined;
      continue;
    }
    titleJustRead = false;
    // the common case: an aligned `Key : value` line that is not a prompt
    if (text.includes(' : ') && !isPrompt(text)) {
      const split = splitLine(text);
      if (split && handTypedOk(split)) {
        flushUnparsed();
        kinds[i] = 'field';
        addField(split, rawLines, lineNo, endNo);
        continue;
      }
    }
    if (FOOTER.test(text)) {
      kinds[i] = 'footer';
      afterFooter = true;
      lastField = undefined;
      continue;
    }
    if (isPrompt(text) || COMMAND_ECHO.test(text)) {
      kinds[i] = 'prompt';
      flushUnparsed();
      lastField = undefined;
      if (contentStarted && !DSREGCMD.test(text)) {
        // the next command's prompt: what follows is not dsregcmd output
        if (/\S/.test(text.replace(PROMPT, ''))) {
          otherCommandFrom = lineNo;
          kinds[i] = 'other-command';
        }
      } else if (DSREGCMD.test(text)) {
        section = undefined;
        bannerPending = false;
      }
      continue;
    }
    if (!contentStarted && SHELL_BANNER.test(text)) {
      kinds[i] = 'shell';
      continue;
    }
    if (ELISION.test(text) || ELISION_WORD.test(text)) {
      kinds[i] = 'elision';
      report.elided = true;
      flushUnparsed();
      lastField = undefined;
      continue;
    }
    if (INFO.test(text)) {
      kinds[i] = 'info';
      lastField = undefined;
      continue;
    }
    const split = splitLine(text) ?? tableRow(text);
    if (split && handTypedOk(split)) {
      flushUnparsed();
      kinds[i] = 'field';
      addField(split, rawLines, lineNo, endNo);
      continue;
    }
    // a value wrapped onto the next line by a narrow console
    // (only after a line long enough to have hit the console's width: 80 columns and up)
    if (lastField && !lastWasBlankSinceField && contentStarted && (lines[lastField.endLine - 1] ?? '').length >= 79) {
      kinds[i] = 'continuation';
      const prevRaw = lines[lastField.endLine - 1] ?? '';
      const glue = /\s$/.test(prevRaw) || /^\s/.test(raw) ? ' ' : '';
      lastField.value = `${lastField.value}${glue}${text.trim()}`.trim();
      lastField.raw = `${lastField.raw}\n${raw}`;
      lastField.endLine = lineNo;
      lastField.typed = typeValue(lastField.known ? lastField.name : undefined, lastField.value);
      lastField.masked = lastField.typed.kind === 'masked' ? lastField.typed.mask : null;
      if (section) section.endLine = lineNo;
      continue;
    }
    // anything else (ticket, chat or error-page text before, inside or after the output) is
    // kept in `lines`, counted and named as skipped
    kinds[i] = 'unparsed';
    report.skippedLines++;
    if (unparsedRun && unparsedRun.to === lineNo - 1) unparsedRun.to = endNo;
    else {
      flushUnparsed();
      unparsedRun = { from: lineNo, to: endNo, text: text.trim() };
    }
  }
  flushUnparsed();
  if (otherCommandFrom) warn({ code: 'other-command', line: otherCommandFrom, endLine: lines.length, count: otherCommandCount });
  if (report.elided) {
    const first = report.lineKinds.indexOf('elision');
    warn({ code: 'elided', line: first + 1 });
  }
  if (!report.recognized) {
    report.warnings.unshift({ code: 'not-dsregcmd', line: 0 });
  }
  if (suppressed > 0) report.warnings.push({ code: 'too-many-warnings', line: 0, count: suppressed });
  // drop sections that ended up with neither a title nor fields (a closing banner)
  return report;
}
