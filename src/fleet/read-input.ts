import type { TextEncodingName } from '../read/decode.js';
import type { FleetAggregator } from './aggregate.js';
import { type CsvRow, type CsvSink, CsvTokenizer, ParkedRow, type RowView, sniffDelimiter } from './csv.js';
import { DateColumns } from './dates.js';
import { JsonRecordReader, startsJsonLines } from './json-records.js';
import { SignInLinesReader } from './jsonl-fast.js';
import {
  auditCsvMapper,
  auditJson,
  bitlockerCsvMapper,
  bitlockerJson,
  deviceCsvMapper,
  deviceJson,
  type IntuneDevice,
  intuneCsvMapper,
  type InventoryDevice,
  type RowMapper,
  type SignInEvent,
  type SkipReason,
  SKIP_REASONS,
  signInCsvMapper,
  signInJsonMapper,
} from './records.js';
import { canonicalHeader, detectCsv, detectJson, duplicateColumns, type InputFormat, type InputKind, unknownColumns } from './schema.js';
import { detectEncoding, type FleetSource, isUtf8, makeDecoder, transientChunks } from './source.js';
import type { InputReport } from './types.js';

/**
 * Reading one input: shared by the main thread and the worker threads that read parts of
 * large sign-in logs in parallel.
 */

/** An input and the option it came with (`auto`: positional, the content decides). */
export interface FleetInput {
  source: FleetSource;
  as?: InputKind | 'auto';
}

/** Where readers report bytes and rows read (the progress bar). */
export interface ProgressSink {
  add(file: string, bytes: number, rows: number): void;
}

/** For a part of a file read by a worker: did the part end on a row boundary, and how many lines did it hold. */
export interface RangeEnd {
  clean: boolean;
  lines: number;
}

export const MAX_PROBLEMS = 20;

export function newReport(name: string, givenAs: string | null): InputReport {
  return {
    name,
    kind: null,
    format: null,
    encoding: null,
    rows: { read: 0, used: 0, skipped: 0, skippedByReason: {} },
    unknownColumns: [],
    error: null,
    errorDetail: null,
    problems: [],
    givenAs,
  };
}

export function skip(report: InputReport, reason: SkipReason, line: number): void {
  report.rows.read++;
  report.rows.skipped++;
  report.rows.skippedByReason[reason] = (report.rows.skippedByReason[reason] ?? 0) + 1;
  if (report.problems.length < MAX_PROBLEMS && reason !== 'no-device-id' && reason !== 'not-device-activity' && reason !== 'other-device-activity') {
    report.problems.push({ line, reason });
  }
}

export function used(report: InputReport): void {
  report.rows.read++;
  report.rows.used++;
}

/**
 * Read one file, chunk by chunk: detect the encoding, tell CSV from JSON by the first
 * character, tell the export by its header or first record, and fold every row into the
 * aggregator. CSV is tokenized as UTF-8 bytes (other encodings are converted chunk by chunk);
 * JSON is decoded to text.
 */
export async function readInput(input: FleetInput, agg: FleetAggregator, progress: ProgressSink, rangeEnd?: (end: RangeEnd) => void): Promise<InputReport> {
  const reader = new InputReader(input, agg, rangeEnd);
  await reader.readStream(progress);
  return reader.finishReport();
}

type RecordHandler = (record: Record<string, unknown>, line: number) => void;
type JsonProblem = { line: number; reason: 'invalid-json' | 'truncated-json' | 'not-an-object' };

/** The state of reading one input: the report, the syntax chosen from the first bytes, and the rows' way into the aggregator. */
class InputReader {
  readonly report: InputReport;
  /** Rows since the last progress report. */
  private rows = 0;
  private stop = false;
  private encoding: TextEncodingName | undefined;
  // the stream: the first bytes wait here until the encoding and the syntax are chosen
  private head: Uint8Array[] = [];
  private headSize = 0;
  private feed: ((chunk: Uint8Array) => void) | undefined;
  private finish: (() => void) | undefined;
  // CSV
  private csv: CsvTokenizer | undefined;
  private onRow: ((row: CsvRow) => void) | undefined;
  private preamble = true;
  /** Culture dates: rows whose date is ambiguous wait here until their column's order is known. */
  private readonly dates: DateColumns;
  private parked: ParkedRow[] = [];
  private parkedHeader: string[] = [];
  private replay: (() => void) | undefined;
  readonly csvSink: CsvSink = {
    row: (row) => {
      this.rows++;
      if (this.stop) return;
      if (this.onRow) return this.onRow(row);
      this.csvHeader(row);
    },
    problem: (p) => {
      this.rows++;
      skip(this.report, 'malformed-csv', p.line);
    },
  };
  // JSON
  private readonly json = new JsonRecordReader();
  private onRecord: RecordHandler | undefined;
  readonly jsonSink = {
    record: (record: Record<string, unknown>, line: number) => {
      this.rows++;
      if (this.stop) return;
      if (!this.onRecord && !this.jsonFirstRecord(record)) return;
      this.onRecord?.(record, line);
    },
    problem: (p: JsonProblem) => {
      this.rows++;
      skip(this.report, p.reason, p.line);
    },
  };

  constructor(
    private readonly input: FleetInput,
    private readonly agg: FleetAggregator,
    private readonly rangeEnd: ((end: RangeEnd) => void) | undefined,
  ) {
    const given = input.as && input.as !== 'auto' ? input.as : null;
    this.report = newReport(input.source.name, given);
    this.dates = new DateColumns(agg.dateOrder ?? null);
  }

  // --- the stream ------------------------------------------------------------------------------

  async readStream(progress: ProgressSink): Promise<void> {
    try {
      // each chunk is used before the next is read: a file's chunks share one buffer
      for await (const chunk of transientChunks(this.input.source)) {
        if (!this.feed && !this.stop) this.sniff(chunk);
        else if (this.feed && !this.stop) this.feed(chunk);
        progress.add(this.input.source.name, chunk.length, this.rows);
        this.rows = 0;
        if (this.stop && this.report.error !== null) break;
      }
      if (!this.feed && !this.stop) this.start(true);
      if (this.finish && !this.stop) this.finish();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.report.error = code === 'ENOENT' ? 'not-found' : code === 'EISDIR' ? 'is-directory' : 'unreadable';
      this.report.errorDetail = code ?? (e instanceof Error ? e.message : String(e));
    }
  }

  /** The report once the stream ended; only an input that was read says what the tenant has. */
  finishReport(): InputReport {
    const report = this.report;
    report.encoding = this.encoding ?? null;
    if (report.error === null && report.kind === null) report.error = report.rows.read === 0 && this.rows === 0 ? 'empty' : 'unrecognized';
    if (report.error === null) {
      if (report.kind === 'devices') this.agg.inventoryGiven = true;
      if (report.kind === 'audit') this.agg.auditGiven = true;
      if (report.kind === 'bitlocker-keys') this.agg.bitlockerGiven = true;
    }
    return report;
  }

  private sniff(chunk: Uint8Array): void {
    this.head.push(Buffer.from(chunk));
    this.headSize += chunk.length;
    if (this.headSize >= SNIFF_BYTES) this.start(false);
  }

  /** Choose encoding and syntax from the first bytes, then set up the reader for the rest. */
  private start(final: boolean): void {
    const bytes = Buffer.concat(this.head);
    this.head = [];
    const detected = detectEncoding(bytes, final);
    this.encoding = detected.encoding;
    const decoder = makeDecoder(detected.encoding);
    const first = bytes.length === 0 || detected.binary ? '' : decoder.write(bytes);
    const at = firstNonSpace(first);
    const c = at < 0 ? '' : first.charAt(at);
    if (bytes.length === 0) this.fail('empty');
    else if (detected.binary) this.fail('binary');
    else if (at < 0 && final) this.fail('empty');
    else if (c === '{' && isUtf8(detected.encoding) && startsJsonLines(first)) this.startJsonLines(bytes);
    else if (c === '[' || c === '{') this.startJson(decoder, first);
    else if (isUtf8(detected.encoding)) this.startUtf8Csv(bytes, first);
    else this.startConvertedCsv(decoder, first);
  }

  private fail(error: 'empty' | 'binary'): void {
    this.report.error = error;
    this.stop = true;
  }

  /** UTF-8 JSON Lines: cut into lines as bytes; Graph signIn successes are read without JSON.parse. */
  private startJsonLines(bytes: Uint8Array): void {
    const lines = new SignInLinesReader(
      {
        success: (event, line) => {
          this.rows++;
          if (!this.stop) this.fold(this.agg.addSignIn(event), line);
        },
        line: (text, line) => this.json.emitLine(text, line, this.jsonSink),
        tooLong: (line) => this.jsonSink.problem({ line, reason: 'invalid-json' }),
      },
      () => this.report.format === 'graph-signins-json',
    );
    lines.push(bytes);
    this.feed = (chunk) => lines.push(chunk);
    this.finish = () => {
      this.rangeEnd?.({ clean: !lines.pending(), lines: lines.lines() });
      lines.end();
    };
  }

  private startJson(decoder: ReturnType<typeof makeDecoder>, first: string): void {
    const json = this.json;
    json.push(first, this.jsonSink);
    this.feed = (chunk) => json.push(decoder.write(chunk), this.jsonSink);
    this.finish = () => {
      const rest = decoder.end();
      if (rest) json.push(rest, this.jsonSink);
      this.rangeEnd?.({ clean: json.linesMode() && !json.pending(), lines: json.lines() });
      json.end(this.jsonSink);
    };
  }

  /** UTF-8 is tokenized as it comes; the tokenizer drops a BOM. */
  private startUtf8Csv(bytes: Uint8Array, first: string): void {
    const tokenizer = new CsvTokenizer({ delimiter: csvDelimiter(first) });
    this.csv = tokenizer;
    tokenizer.push(asBuffer(bytes), this.csvSink);
    this.feed = (chunk) => tokenizer.push(asBuffer(chunk), this.csvSink);
    this.finish = () => {
      this.rangeEnd?.({ clean: !tokenizer.pending(), lines: tokenizer.lines() });
      tokenizer.end(this.csvSink);
      this.settleDates();
    };
  }

  /** UTF-16 and legacy code pages (Excel's "Unicode text", Japanese Excel's CSV): to UTF-8 first. */
  private startConvertedCsv(decoder: ReturnType<typeof makeDecoder>, first: string): void {
    const tokenizer = new CsvTokenizer({ delimiter: csvDelimiter(first) });
    this.csv = tokenizer;
    tokenizer.push(Buffer.from(first, 'utf8'), this.csvSink);
    this.feed = (chunk) => tokenizer.push(Buffer.from(decoder.write(chunk), 'utf8'), this.csvSink);
    this.finish = () => {
      const rest = decoder.end();
      if (rest) tokenizer.push(Buffer.from(rest, 'utf8'), this.csvSink);
      tokenizer.end(this.csvSink);
      this.settleDates();
    };
  }

  // --- rows into the aggregator ------------------------------------------------------------------

  private accept(kind: InputKind, format: InputFormat): void {
    this.report.kind = kind;
    this.report.format = format;
  }

  private fold(result: SkipReason | null, line: number): void {
    if (result === null) used(this.report);
    else skip(this.report, result, line);
  }

  // --- CSV -------------------------------------------------------------------------------------

  /** The first row that is not a preamble is the header: it says which export this is. */
  private csvHeader(row: CsvRow): void {
    // Windows PowerShell 5.1 Export-Csv's `#TYPE …` line, Excel's `sep=;` line: before the header
    const firstCell = row.str(0);
    if (this.preamble && row.count <= 2 && (/^#TYPE\b/i.test(firstCell) || /^sep=.?$/i.test(firstCell))) return;
    this.preamble = false;
    const header = canonicalHeader(row.strings(), this.agg.columns);
    this.parkedHeader = header;
    const detected = detectCsv(header);
    if (!detected) {
      this.report.error = 'unrecognized-csv';
      this.report.errorDetail = header.slice(0, 8).join(', ');
      this.stop = true;
      return;
    }
    this.accept(detected.kind, detected.format);
    // a column the reader needs, twice: which copy holds the data cannot be told
    const twice = duplicateColumns(header, detected.kind);
    if (twice.length > 0) {
      this.report.error = 'duplicate-column';
      this.report.errorDetail = `${row.line}: ${twice.map((d) => `${d.name} (${d.columns.join(', ')})`).join('; ')}`;
      this.stop = true;
      return;
    }
    this.report.unknownColumns = unknownColumns(header, detected.kind);
    const handler = this.csvHandler(detected.kind, header);
    this.onRow = handler.row;
    if (this.csv) {
      this.csv.limit = handler.limit;
      this.csv.expected = header.length;
      this.csv.dates = this.dates;
    }
  }

  private csvHandler(kind: InputKind, header: string[]): { limit: number; row: (row: CsvRow) => void } {
    const agg = this.agg;
    switch (kind) {
      case 'signins':
        return this.csvRows<SignInEvent>(header.length, signInCsvMapper(header, agg.wantsGuidWords === true), (e) => agg.addSignIn(e));
      case 'devices':
        return this.csvRows<InventoryDevice>(header.length, deviceCsvMapper(header), (d) => agg.addDevice(d));
      case 'audit':
        return this.csvRows(header.length, auditCsvMapper(header), (e) => agg.addAudit(e));
      case 'bitlocker-keys':
        return this.csvRows<string>(header.length, bitlockerCsvMapper(header), (id) => agg.addBitlocker(id));
      case 'intune-devices':
        return this.csvRows<IntuneDevice>(header.length, intuneCsvMapper(header), (d) => agg.addIntune(d));
    }
  }

  /** Map each row of the right width and fold it in; a row whose date this column cannot read yet is parked. */
  private csvRows<T>(width: number, mapper: RowMapper<T>, add: (v: T) => SkipReason | null): { limit: number; row: (row: CsvRow) => void } {
    const dates = this.dates;
    const one = (row: RowView, fresh: CsvRow | undefined) => {
      const v = mapper.map(row);
      if (dates.hit) {
        dates.hit = false;
        this.parked.push(fresh ? ParkedRow.of(fresh, dates) : (row as ParkedRow));
        return;
      }
      this.fold(typeof v === 'string' && isSkip(v) ? v : add(v as T), row.line);
    };
    this.replay = () => {
      dates.settled = false;
      const again = this.parked;
      this.parked = [];
      for (const p of again) one(p, undefined);
    };
    return {
      limit: mapper.limit,
      row: (row: CsvRow) => {
        if (row.count !== width) return skip(this.report, 'wrong-column-count', row.line);
        one(row, row);
        if (dates.settled && this.parked.length > 0) this.replay?.();
      },
    };
  }

  /** At the end: rows still parked are refused, with the columns and the option that would read them. */
  private settleDates(): void {
    if (this.parked.length === 0) return;
    if (this.dates.settled) this.replay?.();
    if (this.parked.length === 0) return;
    for (const p of this.parked) skip(this.report, 'ambiguous-date', p.line);
    this.parked = [];
    this.report.error = 'ambiguous-date-order';
    this.report.errorDetail = this.dates
      .unresolved()
      .map((c) => (this.parkedHeader[c] ?? '').trim() || `#${c + 1}`)
      .join(', ');
  }

  // --- JSON ------------------------------------------------------------------------------------

  /** The first record says which export this is (false: not one the readers know; reading stops). */
  private jsonFirstRecord(record: Record<string, unknown>): boolean {
    const detected = detectJson(record);
    if (!detected) {
      this.report.error = 'unrecognized-json';
      this.report.errorDetail = Object.keys(record).slice(0, 8).join(', ');
      this.stop = true;
      return false;
    }
    this.accept(detected.kind, detected.format);
    this.onRecord = this.jsonHandler(detected.kind, detected.format);
    return true;
  }

  private jsonHandler(kind: InputKind, format: InputFormat): RecordHandler {
    const agg = this.agg;
    switch (kind) {
      case 'signins': {
        const m = signInJsonMapper(format);
        return (record, line) => {
          const v = m(record);
          this.fold(typeof v === 'string' ? v : agg.addSignIn(v), line);
        };
      }
      case 'devices':
        return (record, line) => {
          const v = deviceJson(record);
          this.fold(typeof v === 'string' ? v : agg.addDevice(v), line);
        };
      case 'audit':
        return (record, line) => {
          const v = auditJson(record, format);
          this.fold(typeof v === 'string' ? v : agg.addAudit(v), line);
        };
      case 'bitlocker-keys':
        return (record, line) => {
          const v = bitlockerJson(record);
          this.fold(v === 'missing-device-id' ? v : agg.addBitlocker(v), line);
        };
      case 'intune-devices':
        return (_record, line) => this.fold('unrecognized-record', line);
    }
  }
}

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * The delimiter from the header line: after a `#TYPE` line (Windows PowerShell 5.1), or as
 * Excel's `sep=;` line says; `;` for `Export-Csv -UseCulture` in cultures with a decimal comma.
 */
export function csvDelimiter(text: string): string {
  let at = 0;
  for (let n = 0; n < 3; n++) {
    const eol = text.slice(at).search(/\r|\n/);
    const line = (eol < 0 ? text.slice(at) : text.slice(at, at + eol)).replace(/^\uFEFF/, '');
    const sep = /^"?sep=(.)"?$/i.exec(line.trim());
    if (sep?.[1] !== undefined) return sep[1];
    if (!/^#TYPE\b/i.test(line) || eol < 0) return sniffDelimiter(line);
    at += eol + (text.charAt(at + eol) === '\r' && text.charAt(at + eol + 1) === '\n' ? 2 : 1);
  }
  return ',';
}

/** Bytes to look at before choosing an encoding and a syntax. */
const SNIFF_BYTES = 16 * 1024;

const SKIP_SET = new Set<string>(SKIP_REASONS);
function isSkip(v: unknown): v is SkipReason {
  return typeof v === 'string' && SKIP_SET.has(v);
}

export function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) return i;
  }
  return -1;
}
