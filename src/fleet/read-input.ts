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
  const given = input.as && input.as !== 'auto' ? input.as : null;
  const report = newReport(input.source.name, given);
  let rows = 0;
  let stop = false;

  const accept = (kind: InputKind, format: InputFormat) => {
    report.kind = kind;
    report.format = format;
  };
  /** Once the input is read: only an input that was read says what the tenant has. */
  const markGiven = () => {
    if (report.error !== null) return;
    if (report.kind === 'devices') agg.inventoryGiven = true;
    if (report.kind === 'audit') agg.auditGiven = true;
    if (report.kind === 'bitlocker-keys') agg.bitlockerGiven = true;
  };
  const fold = (result: SkipReason | null, line: number) => {
    if (result === null) used(report);
    else skip(report, result, line);
  };

  // --- CSV -------------------------------------------------------------------------------------
  let csv: CsvTokenizer | undefined;
  let onRow: ((row: CsvRow) => void) | undefined;
  // culture dates: rows whose date is ambiguous wait here until their column's order is known
  const dates = new DateColumns(agg.dateOrder ?? null);
  let parked: ParkedRow[] = [];
  let parkedHeader: string[] = [];
  let preamble = true;
  const csvSink: CsvSink = {
    row: (row) => {
      rows++;
      if (stop) return;
      if (onRow) return onRow(row);
      // Windows PowerShell 5.1 Export-Csv's `#TYPE …` line, Excel's `sep=;` line: before the header
      const firstCell = row.str(0);
      if (preamble && row.count <= 2 && (/^#TYPE\b/i.test(firstCell) || /^sep=.?$/i.test(firstCell))) return;
      preamble = false;
      // the header
      const header = canonicalHeader(row.strings(), agg.columns);
      parkedHeader = header;
      const detected = detectCsv(header);
      if (!detected) {
        report.error = 'unrecognized-csv';
        report.errorDetail = header.slice(0, 8).join(', ');
        stop = true;
        return;
      }
      accept(detected.kind, detected.format);
      // a column the reader needs, twice: which copy holds the data cannot be told
      const twice = duplicateColumns(header, detected.kind);
      if (twice.length > 0) {
        report.error = 'duplicate-column';
        report.errorDetail = `${row.line}: ${twice.map((d) => `${d.name} (${d.columns.join(', ')})`).join('; ')}`;
        stop = true;
        return;
      }
      report.unknownColumns = unknownColumns(header, detected.kind);
      const handler = csvHandler(detected.kind, header);
      onRow = handler.row;
      if (csv) {
        csv.limit = handler.limit;
        csv.expected = header.length;
        csv.dates = dates;
      }
    },
    problem: (p) => {
      rows++;
      skip(report, 'malformed-csv', p.line);
    },
  };
  let replay: (() => void) | undefined;
  const csvHandler = (kind: InputKind, header: string[]): { limit: number; row: (row: CsvRow) => void } => {
    const width = header.length;
    const run = <T>(mapper: RowMapper<T>, add: (v: T) => SkipReason | null) => {
      const one = (row: RowView, fresh: CsvRow | undefined) => {
        const v = mapper.map(row);
        if (dates.hit) {
          // a date this column cannot read yet: keep the row for when its order is known
          dates.hit = false;
          parked.push(fresh ? ParkedRow.of(fresh, dates) : (row as ParkedRow));
          return;
        }
        fold(typeof v === 'string' && isSkip(v) ? v : add(v as T), row.line);
      };
      replay = () => {
        dates.settled = false;
        const again = parked;
        parked = [];
        for (const p of again) one(p, undefined);
      };
      return {
        limit: mapper.limit,
        row: (row: CsvRow) => {
          if (row.count !== width) return skip(report, 'wrong-column-count', row.line);
          one(row, row);
          if (dates.settled && parked.length > 0) replay?.();
        },
      };
    };
    switch (kind) {
      case 'signins':
        return run<SignInEvent>(signInCsvMapper(header, agg.wantsGuidWords === true), (e) => agg.addSignIn(e));
      case 'devices':
        return run<InventoryDevice>(deviceCsvMapper(header), (d) => agg.addDevice(d));
      case 'audit':
        return run(auditCsvMapper(header), (e) => agg.addAudit(e));
      case 'bitlocker-keys':
        return run<string>(bitlockerCsvMapper(header), (id) => agg.addBitlocker(id));
      case 'intune-devices':
        return run<IntuneDevice>(intuneCsvMapper(header), (d) => agg.addIntune(d));
    }
  };
  /** At the end: rows still parked are refused, with the columns and the option that would read them. */
  const settleDates = () => {
    if (parked.length === 0) return;
    if (dates.settled) replay?.();
    if (parked.length === 0) return;
    for (const p of parked) skip(report, 'ambiguous-date', p.line);
    parked = [];
    report.error = 'ambiguous-date-order';
    report.errorDetail = dates
      .unresolved()
      .map((c) => (parkedHeader[c] ?? '').trim() || `#${c + 1}`)
      .join(', ');
  };

  // --- JSON ------------------------------------------------------------------------------------
  const json = new JsonRecordReader();
  let onRecord: ((record: Record<string, unknown>, line: number) => void) | undefined;
  const jsonSink = {
    record: (record: Record<string, unknown>, line: number) => {
      rows++;
      if (stop) return;
      if (!onRecord) {
        const detected = detectJson(record);
        if (!detected) {
          report.error = 'unrecognized-json';
          report.errorDetail = Object.keys(record).slice(0, 8).join(', ');
          stop = true;
          return;
        }
        accept(detected.kind, detected.format);
        onRecord = jsonHandler(detected.kind, detected.format);
      }
      onRecord(record, line);
    },
    problem: (p: { line: number; reason: 'invalid-json' | 'truncated-json' | 'not-an-object' }) => {
      rows++;
      skip(report, p.reason, p.line);
    },
  };
  const jsonHandler = (kind: InputKind, format: InputFormat): ((record: Record<string, unknown>, line: number) => void) => {
    switch (kind) {
      case 'signins': {
        const m = signInJsonMapper(format);
        return (record, line) => {
          const v = m(record);
          fold(typeof v === 'string' ? v : agg.addSignIn(v), line);
        };
      }
      case 'devices':
        return (record, line) => {
          const v = deviceJson(record);
          fold(typeof v === 'string' ? v : agg.addDevice(v), line);
        };
      case 'audit':
        return (record, line) => {
          const v = auditJson(record, format);
          fold(typeof v === 'string' ? v : agg.addAudit(v), line);
        };
      case 'bitlocker-keys':
        return (record, line) => {
          const v = bitlockerJson(record);
          fold(v === 'missing-device-id' ? v : agg.addBitlocker(v), line);
        };
      case 'intune-devices':
        return (_record, line) => fold('unrecognized-record', line);
    }
  };

  // --- the stream ------------------------------------------------------------------------------
  let head: Uint8Array[] = [];
  let headSize = 0;
  let feed: ((chunk: Uint8Array) => void) | undefined;
  let finish: (() => void) | undefined;
  let encoding: TextEncodingName | undefined;

  /** Choose encoding and syntax from the first bytes, then set up the reader for the rest. */
  const start = (final: boolean) => {
    const bytes = Buffer.concat(head);
    head = [];
    const detected = detectEncoding(bytes, final);
    encoding = detected.encoding;
    if (bytes.length === 0) {
      report.error = 'empty';
      stop = true;
      return;
    }
    if (detected.binary) {
      report.error = 'binary';
      stop = true;
      return;
    }
    const decoder = makeDecoder(detected.encoding);
    const first = decoder.write(bytes);
    const at = firstNonSpace(first);
    if (at < 0 && final) {
      report.error = 'empty';
      stop = true;
      return;
    }
    const c = at < 0 ? '' : first.charAt(at);
    if (c === '{' && isUtf8(detected.encoding) && startsJsonLines(first)) {
      // UTF-8 JSON Lines: cut into lines as bytes; Graph signIn successes are read without JSON.parse
      const lines = new SignInLinesReader(
        {
          success: (event, line) => {
            rows++;
            if (!stop) fold(agg.addSignIn(event), line);
          },
          line: (text, line) => json.emitLine(text, line, jsonSink),
          tooLong: (line) => jsonSink.problem({ line, reason: 'invalid-json' }),
        },
        () => report.format === 'graph-signins-json',
      );
      lines.push(bytes);
      feed = (chunk) => lines.push(chunk);
      finish = () => {
        rangeEnd?.({ clean: !lines.pending(), lines: lines.lines() });
        lines.end();
      };
      return;
    }
    if (c === '[' || c === '{') {
      json.push(first, jsonSink);
      feed = (chunk) => json.push(decoder.write(chunk), jsonSink);
      finish = () => {
        const rest = decoder.end();
        if (rest) json.push(rest, jsonSink);
        rangeEnd?.({ clean: json.linesMode() && !json.pending(), lines: json.lines() });
        json.end(jsonSink);
      };
      return;
    }
    const tokenizer = new CsvTokenizer({ delimiter: csvDelimiter(first) });
    csv = tokenizer;
    if (isUtf8(detected.encoding)) {
      // UTF-8 is tokenized as it comes; the tokenizer drops a BOM
      tokenizer.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), csvSink);
      feed = (chunk) => tokenizer.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), csvSink);
      finish = () => {
        rangeEnd?.({ clean: !tokenizer.pending(), lines: tokenizer.lines() });
        tokenizer.end(csvSink);
        settleDates();
      };
    } else {
      // UTF-16 and legacy code pages (Excel's "Unicode text", Japanese Excel's CSV): to UTF-8 first
      tokenizer.push(Buffer.from(first, 'utf8'), csvSink);
      feed = (chunk) => tokenizer.push(Buffer.from(decoder.write(chunk), 'utf8'), csvSink);
      finish = () => {
        const rest = decoder.end();
        if (rest) tokenizer.push(Buffer.from(rest, 'utf8'), csvSink);
        tokenizer.end(csvSink);
        settleDates();
      };
    }
  };

  try {
    // each chunk is used before the next is read: a file's chunks share one buffer
    for await (const chunk of transientChunks(input.source)) {
      if (!feed && !stop) {
        head.push(Buffer.from(chunk));
        headSize += chunk.length;
        if (headSize >= SNIFF_BYTES) start(false);
      } else if (feed && !stop) feed(chunk);
      progress.add(input.source.name, chunk.length, rows);
      rows = 0;
      if (stop && report.error !== null) break;
    }
    if (!feed && !stop) start(true);
    if (finish && !stop) finish();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    report.error = code === 'ENOENT' ? 'not-found' : code === 'EISDIR' ? 'is-directory' : 'unreadable';
    report.errorDetail = code ?? (e instanceof Error ? e.message : String(e));
  }
  report.encoding = encoding ?? null;
  if (report.error === null && report.kind === null) report.error = report.rows.read === 0 && rows === 0 ? 'empty' : 'unrecognized';
  markGiven();
  return report;
}

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
