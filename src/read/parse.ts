import { type BundleFacts, isBundle, readBundle } from './bundle.js';
import type { SplitField } from './classify.js';
import * as line from './classify.js';
import { type DecodedText, decodeBytes, type TextEncodingName } from './decode.js';
import { ReadField, type ReadInput, ReadSection, type SectionPlace } from './field.js';
import { type InputLines, LINE_CLEAN, textLines, utf8Lines } from './lines.js';
import type { MaskKind, TypedValue } from './values.js';
import { canonicalKey, canonicalTitle, homeSection } from './vocabulary.js';
import { scratch } from './scratch.js';
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
  /** What every line was read as, in order (index = line - 1). Made when first read: `lineKindAt` reads one without it. */
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
/** A line `trim()` would not empty (tested without making the trimmed copy). */
const NOT_BLANK = /\S/;

/** Read `dsregcmd /status` output from bytes of any encoding Windows writes. Never throws. */
export function readStatusBytes(bytes: Uint8Array, options: ReadOptions = {}): ParsedReport {
  const name = options.name ?? '<input>';
  if (bytes.length === 0) return emptyReport(name, 'utf-8', 'empty', 0, 'empty-input');
  let decoded: DecodedText;
  try {
    decoded = decodeBytes(bytes, options.encoding, true);
  } catch {
    return emptyReport(name, 'utf-8', 'undecodable', bytes.length, 'binary-input');
  }
  if (decoded.binary) return emptyReport(name, decoded.encoding, decoded.evidence, bytes.length, 'binary-input');
  // valid UTF-8 (the usual case): lines cut from the bytes, no decoded copy of the whole input
  const report = decoded.utf8 ? new StatusReader(utf8Lines(decoded.utf8), name).read() : parseText(decoded.text, name);
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

// --- the reader: one pass over the lines, a classifier per line and a small state machine ---

/** Line kinds as small numbers while reading (index into KINDS); strings only in the report. */
const KINDS: readonly LineKind[] = [
  'blank',
  'banner',
  'title',
  'field',
  'continuation',
  'prompt',
  'shell',
  'footer',
  'elision',
  'info',
  'markdown',
  'other-command',
  'bundle',
  'unparsed',
];
const K = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<LineKind, number>;

/** One logical line: a physical line, plus the lines a hard wrap cut from it. */
interface Logical {
  /** 1-based number of its first and last physical line. */
  lineNo: number;
  endNo: number;
  /** The physical text, joined (what is read) and with its line breaks (what a field keeps). */
  raw: string;
  rawLines: string;
  /** After Markdown repair, its first non-space character and where that is. */
  text: string;
  first: string;
  start: number;
  /** Where the value of an aligned field starts, and its key's canonical name (set by `splitAligned`). */
  valueFrom: number;
  name: string | undefined;
}

class StatusReader {
  readonly report: ParsedReport;
  private readonly lines: string[];
  private readonly kinds: Uint8Array;
  private readonly markers: line.Markers;
  private readonly bundle: BundleFacts | null;
  private suppressed = 0;
  private section: Section | undefined;
  /**
   * Every field read so far, in input order: the report's list. A section's own list is cut from it
   * when first read (a field always goes to the section opened last).
   */
  private readonly fields: ReadField[] = [];
  /** The lines and the fields, which every section keeps a reference to (its fields are a stretch of them). */
  private readonly input: ReadInput;
  /** The title and index of the section opened last (which `section` is, when set), shared by its fields. */
  private place: SectionPlace;
  /** A banner was read and no title followed yet. */
  private bannerPending = false;
  /** The banner after a title closes the title box. */
  private titleJustRead = false;
  private lastField: ReadField | undefined;
  private lastWasBlankSinceField = true;
  private contentStarted = false;
  /** A banner or title of the output's own layout was read (and no footer since). */
  private structured = false;
  private afterFooter = false;
  private otherCommandFrom = 0;
  private otherCommandCount = 0;
  private unparsedRun: { from: number; to: number; text: string } | undefined;
  private readonly current: Logical = { lineNo: 0, endNo: 0, raw: '', rawLines: '', text: '', first: '', start: 0, valueFrom: 0, name: undefined };

  private readonly mayHaveWide: boolean;
  /** What the line cutter knows of each line (`LINE_CLEAN`, `LINE_ASCII`), or null. */
  private flags: Uint8Array | null;

  constructor(input: InputLines, name: string) {
    const { lines, lineEnding } = input;
    this.lines = lines;
    this.kinds = scratch(smallKinds, lines.length);
    this.markers = input.markers;
    this.mayHaveWide = input.mayHaveWide;
    this.flags = input.flags;
    this.place = { title: '', index: -1, lines };
    this.input = { lines, fields: this.fields };
    this.report = {
      source: { name, encoding: 'string', encodingEvidence: '', bytes: 0, lines: lines.length, lineEnding },
      recognized: false,
      sections: [],
      fields: [],
      lines,
      lineKinds: [],
      elided: false,
      warnings: [],
      skippedLines: 0,
      bundle: null,
    };
    // a collection bundle: its own parts are facts, its dsregcmd part is read as usual
    this.bundle = isBundle(lines) ? readBundle(lines) : null;
    this.report.bundle = this.bundle;
    if (this.bundle) this.report.recognized = true;
  }

  read(): ParsedReport {
    const lines = this.lines;
    // a hard-wrapped output: the rest of a cut line is read with it
    const continues = detectHardWrap(lines, this.mayHaveWide, this.flags);
    // a line joined with the rest a wrap cut from it is more than the physical line the flags are about
    if (continues) this.flags = null;
    for (let i = 0; i < lines.length; i++) {
      if (continues?.[i]) {
        this.kinds[i] = K.continuation;
        continue;
      }
      let endNo = i + 1;
      let raw = lines[i] ?? '';
      let rawLines = raw;
      if (continues) {
        while (continues[endNo]) {
          raw += lines[endNo] ?? '';
          rawLines += `\n${lines[endNo] ?? ''}`;
          endNo++;
        }
      }
      this.line(i, i + 1, endNo, raw, rawLines);
    }
    return this.finish();
  }

  private warn(w: ReadWarning): void {
    if (this.report.warnings.length < MAX_WARNINGS) this.report.warnings.push(w);
    else this.suppressed++;
  }

  private flushUnparsed(): void {
    const run = this.unparsedRun;
    if (!run) return;
    this.warn({ code: 'unparsed-line', line: run.from, endLine: run.to, text: run.text.slice(0, 120) });
    this.unparsedRun = undefined;
  }

  /** Read one logical line: lines that need no classifier first, then the classifier's kinds. */
  private line(i: number, lineNo: number, endNo: number, raw: string, rawLines: string): void {
    if (this.bundle?.bundleLines.has(lineNo)) {
      this.kinds[i] = K.bundle;
      return;
    }
    if (raw.length > 100_000) {
      this.kinds[i] = K.unparsed;
      this.report.skippedLines++;
      this.warn({ code: 'truncated-line', line: lineNo, count: raw.length });
      return;
    }
    // an empty line is blank (and needs no classifier): a padded paste is millions of them
    const text = raw === '' ? raw : this.repaired(raw, i);
    if (this.otherCommandFrom) {
      this.kinds[i] = this.otherCommandLine(text, lineNo);
      return;
    }
    const start = text === '' ? -1 : line.firstNonSpace(text);
    if (start < 0) {
      this.kinds[i] = K.blank;
      this.lastWasBlankSinceField = true;
      this.flushUnparsed();
      return;
    }
    // one Logical, refilled for every line (handlers copy what they keep)
    const l = this.current;
    l.lineNo = lineNo;
    l.endNo = endNo;
    l.raw = raw;
    l.rawLines = rawLines;
    l.text = text;
    l.first = text.charAt(start);
    l.start = start;
    this.kinds[i] = this.classified(l);
  }

  /**
   * The line with Markdown damage undone and its end trimmed. A line the line cutter found clean
   * of what `unMarkdown` searches for needs it only for a quote prefix.
   */
  private repaired(raw: string, i: number): string {
    const flags = this.flags;
    if (flags !== null && (flags[i] as number) & LINE_CLEAN && !(this.markers.quote && raw.includes('>'))) return line.trimEnd(raw);
    return line.unMarkdown(raw, this.markers);
  }

  /** After the next command's prompt: skip its output until dsregcmd runs again. */
  private otherCommandLine(text: string, lineNo: number): number {
    // the name first: a literal search is cheaper than the prompt's character class
    if (line.DSREGCMD.test(text) && line.isPrompt(text)) {
      this.warn({ code: 'other-command', line: this.otherCommandFrom, endLine: lineNo - 1, count: this.otherCommandCount });
      this.otherCommandFrom = 0;
      this.otherCommandCount = 0;
      this.section = undefined;
      this.bannerPending = false;
      return K.prompt;
    }
    // most lines start with a visible ASCII character: no pattern needed for them
    const c = text.charCodeAt(0);
    if ((c > 32 && c < 127) || NOT_BLANK.test(text)) this.otherCommandCount++;
    return K['other-command'];
  }

  /** The classifier's order: layout lines, the common aligned field, then the rarer kinds. */
  private classified(l: Logical): number {
    const { text, first } = l;
    if (line.isMarkdownRule(text, first)) return K.markdown;
    if (first === '+' && line.isBanner(text, l.start)) return this.onBanner();
    const box = first === '|' ? line.boxTitle(text) : undefined;
    if (box !== undefined) return this.onTitle(box, l.lineNo, true);
    const heading = '#*_'.includes(first) ? line.headingTitle(text) : undefined;
    if (heading) return this.onTitle(heading, l.lineNo, false);
    this.titleJustRead = false;
    // the common case: an aligned `Key : value` line (its key has none of the characters every
    // prompt has before its first space, so it needs no prompt test)
    const aligned = line.splitAligned(text, l.start, l);
    if (aligned !== undefined) return this.onField(aligned, l.name, undefined, l.valueFrom, l);
    if (text.includes(' : ') && !line.isPrompt(text)) {
      const split = line.splitLine(text);
      if (split && this.accepts(split)) return this.onField(split.key, canonicalKey(split.key), split.value, 0, l);
    }
    if (line.isFooter(text, first)) return this.onFooter();
    if (line.isPrompt(text) || line.isCommandEcho(text)) return this.onPrompt(text, l.lineNo);
    if (!this.contentStarted && line.isShellBanner(text)) return K.shell;
    if (line.isElision(text, first)) return this.onElision();
    if (line.isInfo(text, first)) {
      this.lastField = undefined;
      return K.info;
    }
    const split = line.splitLine(text) ?? line.tableRow(text);
    if (split && this.accepts(split)) return this.onField(split.key, canonicalKey(split.key), split.value, 0, l);
    if (this.wrapsLastField()) return this.onContinuation(l);
    return this.onUnparsed(l);
  }

  /** Hand-typed `Key: value` lines count inside the output's layout; outside it, known keys only. */
  private accepts(split: SplitField): boolean {
    return (this.structured && !this.afterFooter) || line.acceptsHandTyped(split);
  }

  private onBanner(): number {
    this.structured = true;
    this.afterFooter = false;
    this.flushUnparsed();
    this.contentStarted = true;
    this.report.recognized = true;
    if (this.titleJustRead) this.titleJustRead = false;
    else this.bannerPending = true;
    this.lastField = undefined;
    return K.banner;
  }

  /** A `| Title |` box (boxed) or a Markdown heading naming a known section. */
  private onTitle(title: string, lineNo: number, boxed: boolean): number {
    this.structured = true;
    this.afterFooter = false;
    if (boxed) this.flushUnparsed();
    this.section = this.openSection(title, lineNo);
    if (!boxed || this.section.known) this.report.recognized = true;
    this.contentStarted = true;
    this.bannerPending = false;
    this.titleJustRead = boxed;
    this.lastField = undefined;
    return K.title;
  }

  private onFooter(): number {
    this.afterFooter = true;
    this.lastField = undefined;
    return K.footer;
  }

  private onPrompt(text: string, lineNo: number): number {
    this.flushUnparsed();
    this.lastField = undefined;
    const dsregcmd = line.DSREGCMD.test(text);
    if (this.contentStarted && !dsregcmd) {
      // the next command's prompt: what follows is not dsregcmd output
      if (/\S/.test(text.replace(line.PROMPT, ''))) {
        this.otherCommandFrom = lineNo;
        return K['other-command'];
      }
    } else if (dsregcmd) {
      this.section = undefined;
      this.bannerPending = false;
    }
    return K.prompt;
  }

  private onElision(): number {
    this.report.elided = true;
    this.flushUnparsed();
    this.lastField = undefined;
    return K.elision;
  }

  /** A field (`name`: its canonical name); its value is given, or (undefined) cut from the line at `valueFrom` on first use. */
  private onField(key: string, name: string | undefined, value: string | undefined, valueFrom: number, l: Logical): number {
    this.flushUnparsed();
    let section = this.section;
    if (!section || (this.bannerPending && !this.titleJustRead)) {
      // under a banner with no title the keys say which section it is; before any banner
      // (a hand-picked excerpt) there is no section to name
      section = this.openSection(null, l.lineNo, this.bannerPending ? name : undefined);
      this.section = section;
      this.bannerPending = false;
    }
    // a key printed as its canonical name shares the vocabulary's string (one copy, not one a field)
    const printed = name !== undefined && name === key ? name : key;
    const field = new ReadField(this.place, printed, name, value, l.text, valueFrom, l.rawLines, l.lineNo, l.endNo);
    this.fields.push(field);
    section.endLine = l.endNo;
    this.lastField = field;
    this.lastWasBlankSinceField = false;
    if (name) {
      this.report.recognized = true;
      this.contentStarted = true;
    }
    return K.field;
  }

  /**
   * A value wrapped onto the next line by a narrow console (only after a line long enough to
   * have hit the console's width: 80 columns and up).
   */
  private wrapsLastField(): boolean {
    const last = this.lastField;
    return last !== undefined && !this.lastWasBlankSinceField && this.contentStarted && (this.lines[last.endLine - 1] ?? '').length >= 79;
  }

  private onContinuation(l: Logical): number {
    const last = this.lastField as ReadField;
    const prevRaw = this.lines[last.endLine - 1] ?? '';
    const glue = /\s$/.test(prevRaw) || /^\s/.test(l.raw) ? ' ' : '';
    last.extend(`${last.value}${glue}${l.text.trim()}`.trim(), `${last.raw}\n${l.raw}`, l.lineNo);
    if (this.section) this.section.endLine = l.lineNo;
    return K.continuation;
  }

  /** Anything else (ticket, chat or error-page text before, inside or after the output) is kept, counted and named. */
  private onUnparsed(l: Logical): number {
    this.report.skippedLines++;
    const run = this.unparsedRun;
    if (run && run.to === l.lineNo - 1) run.to = l.endNo;
    else {
      this.flushUnparsed();
      this.unparsedRun = { from: l.lineNo, to: l.endNo, text: l.text.trim() };
    }
    return K.unparsed;
  }

  private openSection(title: string | null, lineNo: number, inferredFrom?: string): Section {
    let canonical: { title: string; known: boolean };
    if (title !== null) canonical = canonicalTitle(title);
    else {
      const home = inferredFrom ? homeSection(inferredFrom) : undefined;
      canonical = home && home !== 'Work Account N' ? { title: home, known: true } : { title: '', known: false };
    }
    this.closeSection();
    const s = new ReadSection(canonical.title, title, canonical.known, title === null, lineNo, this.report.sections.length, this.input);
    this.report.sections.push(s);
    this.place = s;
    return s;
  }

  /** The section opened last is complete: its fields are the ones read since it opened. */
  private closeSection(): void {
    const last = this.report.sections[this.report.sections.length - 1];
    if (last instanceof ReadSection) last.close();
  }

  private finish(): ParsedReport {
    const report = this.report;
    this.flushUnparsed();
    if (this.otherCommandFrom) this.warn({ code: 'other-command', line: this.otherCommandFrom, endLine: this.lines.length, count: this.otherCommandCount });
    lazyLineKinds(report, this.kinds);
    this.closeSection();
    report.fields = this.fields;
    if (report.elided) this.warn({ code: 'elided', line: this.kinds.indexOf(K.elision) + 1 });
    if (!report.recognized) report.warnings.unshift({ code: 'not-dsregcmd', line: 0 });
    if (this.suppressed > 0) report.warnings.push({ code: 'too-many-warnings', line: 0, count: this.suppressed });
    return report;
  }
}

/**
 * What every line of a report was read as, one byte a line (an index into KINDS), until its
 * `lineKinds` is asked for: an array of strings is 8 bytes a line (9 MB for a 50 MB paste), and
 * the diagnosis reads the kinds with `lineKindAt`, so it is made only for a caller that wants it.
 */
const compactKinds = new WeakMap<ParsedReport, Uint8Array>();

/** `report.lineKinds[index]`, without making the array. */
export function lineKindAt(report: ParsedReport, index: number): LineKind | undefined {
  const kinds = compactKinds.get(report);
  if (kinds === undefined) return report.lineKinds[index];
  const k = kinds[index];
  return k === undefined ? undefined : KINDS[k];
}

/**
 * Lines up to which `lineKinds` is made at once: for a small input the array costs less than the
 * property that makes it later.
 */
const EAGER_KINDS = 4096;
/** The kinds of a small input's lines (`scratch`): its report keeps their names, made at once. */
const smallKinds = new Uint8Array(EAGER_KINDS);

/** `lineKinds` made from the bytes on first use, in its place among the report's keys; then a plain property. */
function lazyLineKinds(report: ParsedReport, kinds: Uint8Array): void {
  if (kinds.length <= EAGER_KINDS) {
    report.lineKinds = kindNames(kinds);
    return;
  }
  compactKinds.set(report, kinds);
  Object.defineProperty(report, 'lineKinds', {
    configurable: true,
    enumerable: true,
    get(this: ParsedReport): LineKind[] {
      const made = kindNames(kinds);
      settleLineKinds(this, made);
      return made;
    },
    set(this: ParsedReport, value: LineKind[]) {
      settleLineKinds(this, value);
    },
  });
}

function kindNames(kinds: Uint8Array): LineKind[] {
  const made = new Array<LineKind>(kinds.length);
  for (let i = 0; i < kinds.length; i++) made[i] = KINDS[kinds[i] as number] as LineKind;
  return made;
}

function settleLineKinds(report: ParsedReport, value: LineKind[]): void {
  compactKinds.delete(report);
  Object.defineProperty(report, 'lineKinds', { value, writable: true, enumerable: true, configurable: true });
}

function parseText(text: string, name: string): ParsedReport {
  return new StatusReader(textLines(text), name).read();
}

/** Split on the first ` : `; tolerate `Key: : value`, `Key: value`, `Key :`. */
export function splitField(text: string): { key: string; value: string } | undefined {
  const split = line.splitLine(text);
  return split && { key: split.key, value: split.value };
}

export type { MaskKind, TypedValue };
