import { fleetDocument } from '../contract/fleet.js';
import { toDeviceStatus } from '../model/status.js';
import { readStatusBytes } from '../read/parse.js';
import { VERSION } from '../version.js';
import { FleetAggregator } from './aggregate.js';
import type { DateOrder } from './dates.js';
import { withDeletedDevices } from './deleted-devices.js';
import { cleanupImpact, type PlannedId } from './cleanup.js';
import { type CsvSink, CsvTokenizer, sniffDelimiter } from './csv.js';
import { JsonRecordReader } from './json-records.js';
import { defaultParallel, type ParallelOptions, startParallel } from './parallel.js';
import { type FleetInput, firstNonSpace, MAX_PROBLEMS, newReport, type ProgressSink, readInput, skip, used } from './read-input.js';
import { deviceCsvMapper, deviceJson, type InventoryDevice, type RowMapper, type SkipReason } from './records.js';
import { columnIndex, detectCsv, prop } from './schema.js';
import { type FleetSource, StreamDecoder } from './source.js';
import type { FleetReport, InputReport, RowCounts } from './types.js';
export type { ParallelOptions } from './parallel.js';
import { deviceKey, GUID_ANYWHERE } from './values.js';

export type { PlannedId } from './cleanup.js';
export { DATE_ORDERS, type DateOrder } from './dates.js';
export { parseColumnMapping } from './schema.js';
export type { FleetAggregator } from './aggregate.js';
export { fileSource, memorySource, streamSource, type FleetSource } from './source.js';
export type * from './types.js';
export { DEVICE_ERROR_CODES } from './types.js';

export type { FleetInput } from './read-input.js';

export interface FleetProgress {
  file: string;
  /** Bytes read so far, over all inputs. */
  bytes: number;
  /** Total bytes of the inputs whose size is known (0 when none). */
  totalBytes: number;
  rows: number;
  done: boolean;
}

export interface FleetOptions {
  /** Sign-in logs, device inventories, audit logs, BitLocker key lists: any order, any mix. */
  inputs: FleetInput[];
  /** Collected `dsregcmd /status` outputs or collection bundles. */
  statuses?: FleetSource[];
  /** How to name the statuses in the report (the folder given). */
  statusesName?: string;
  /** `--planned-deletions`: ids (device or object) or the CSV/JSON a cleanup would delete. */
  plannedDeletions?: FleetSource;
  /** `--date-order`: how to read culture dates a column's own values do not settle (default: refuse them). */
  dateOrder?: DateOrder;
  /** `--columns`: file header → English column name, for headers the readers do not know (see parseColumnMapping). */
  columns?: ReadonlyMap<string, string>;
  /** `--stale-days`: candidates are inventory devices inactive for this many days. */
  staleDays?: number;
  /** "Now" for the stale rule and recent-activity checks. Default: the current time. */
  asOf?: Date;
  onProgress?: (p: FleetProgress) => void;
  /** Notes for the user that are not about an input (stderr in the CLI). */
  onWarning?: (warning: { code: 'parallel-failed'; detail: string }) => void;
  /** Worker threads for large sign-in logs (default: one per core but the main thread's, up to 4). */
  parallel?: Partial<ParallelOptions>;
  /** How the work was split: files and parts given to workers, or a fallback to one thread. */
  onParallel?: (info: { files: number; parts: number; fallback: boolean }) => void;
  /** The per-device state once every input is read (the staged cleanup plans from it). */
  onAggregate?: (agg: FleetAggregator) => void;
}

/** Status files and bundles are small; anything bigger is not one. */
const MAX_STATUS_BYTES = 64 * 1024 * 1024;

/**
 * Cross-reference sign-in logs, the device inventory, the audit log and collected statuses:
 * which devices fail with device errors, why, who deleted them, the first remedy step, and
 * what a planned cleanup would break. Streams every input. Never throws on bad input: every
 * unusable row or file is counted in the report with its reason.
 *
 * @example
 * const report = await analyzeFleet({ inputs: [{ source: await fileSource('InteractiveSignIns.csv') }] });
 * report.affected[0]?.firstStep // 'forcerecovery'
 */
export async function analyzeFleet(options: FleetOptions): Promise<FleetReport> {
  return analyzeWith(options, { ...defaultParallel(), ...options.parallel });
}

async function analyzeWith(options: FleetOptions, parallel: ParallelOptions): Promise<FleetReport> {
  const agg = new FleetAggregator();
  agg.dateOrder = options.dateOrder ?? null;
  agg.columns = options.columns;
  const asOf = (options.asOf ?? new Date()).getTime();
  const sources = [...options.inputs.map((i) => i.source), ...(options.plannedDeletions ? [options.plannedDeletions] : [])];
  const progress = new ProgressTracker(sources, options.onProgress);

  // large sign-in logs go to worker threads; the main thread reads the rest meanwhile
  const started = await startParallel(options.inputs, agg, parallel, progress);
  if (started) options.onParallel?.({ files: started.files, parts: started.parts, fallback: false });
  const byInput = new Map<FleetInput, InputReport>();
  for (const input of started ? started.rest : options.inputs) byInput.set(input, await readInput(input, agg, progress));
  if (started) {
    // then the main thread reads parts too, until none are left
    await started.assist();
    const result = await started.done;
    for (const [input, report] of result.reports) byInput.set(input, report);
    if (result.again.length > 0) {
      // a cut inside a multi-line field, or a worker that could not run: these files (on disk,
      // so they can be read twice) are read again here; nothing the workers read was kept
      if (result.failure !== '') options.onWarning?.({ code: 'parallel-failed', detail: result.failure });
      options.onParallel?.({ files: result.again.length, parts: 0, fallback: true });
      for (const input of result.again) byInput.set(input, await readInput(input, agg, progress));
    }
  }
  const inputs: InputReport[] = options.inputs.map((i) => byInput.get(i) as InputReport);

  let planned: PlannedId[] | undefined;
  if (options.plannedDeletions) {
    const result = await readPlannedDeletions(options.plannedDeletions, progress);
    inputs.push(result.report);
    planned = result.ids;
  }
  if (options.statuses && options.statuses.length > 0) {
    inputs.push(await readStatuses(options.statuses, agg, options.statusesName));
  }
  progress.finish();

  options.onAggregate?.(agg);
  if (agg.inventory.size === 0 && agg.deleted.size > 0) agg.inventoryGiven = false; // a deleted list is not an inventory
  const affected = withDeletedDevices(agg.affectedDevices(), agg.deleted, asOf);
  const cleanup =
    planned !== undefined || options.staleDays !== undefined
      ? cleanupImpact({ agg, asOf, ...(planned ? { planned } : {}), ...(options.staleDays !== undefined && !planned ? { staleDays: options.staleDays } : {}) })
      : undefined;
  const rows = totalRows(inputs);
  return fleetDocument(
    {
      asOf: new Date(asOf).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      inputs,
      affected,
      cleanupImpact: cleanup?.entries ?? [],
      cleanup: cleanup?.summary ?? null,
      summary: agg.summary(affected),
      rows,
    },
    VERSION,
  );
}

function totalRows(inputs: InputReport[]): RowCounts {
  const total: RowCounts = { read: 0, used: 0, skipped: 0, skippedByReason: {} };
  for (const i of inputs) {
    total.read += i.rows.read;
    total.used += i.rows.used;
    total.skipped += i.rows.skipped;
    for (const [k, v] of Object.entries(i.rows.skippedByReason)) total.skippedByReason[k] = (total.skippedByReason[k] ?? 0) + v;
  }
  return total;
}

/** Progress over all inputs, reported at most every 100 ms. */
export class ProgressTracker implements ProgressSink {
  private bytes = 0;
  private rows = 0;
  private readonly total: number;
  private last = 0;
  constructor(
    sources: FleetSource[],
    private readonly report: ((p: FleetProgress) => void) | undefined,
  ) {
    this.total = sources.reduce((n, s) => n + (s.size ?? 0), 0);
  }
  add(file: string, bytes: number, rows: number): void {
    this.bytes += bytes;
    this.rows += rows;
    if (!this.report) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.report({ file, bytes: this.bytes, totalBytes: this.total, rows: this.rows, done: false });
  }
  finish(): void {
    this.report?.({ file: '', bytes: this.bytes, totalBytes: this.total, rows: this.rows, done: true });
  }
}

/** Everything a source holds, as text (planned-deletion lists and statuses are small). */
async function readAll(source: FleetSource, limit: number): Promise<{ text: string; bytes: Uint8Array; encoding: string | null }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of source.open()) {
    size += c.length;
    if (size > limit) throw Object.assign(new Error('too large'), { code: 'E2BIG' });
    chunks.push(c);
  }
  const bytes = Buffer.concat(chunks);
  const decoder = new StreamDecoder();
  const text = decoder.write(bytes) + decoder.end();
  return { text, bytes, encoding: decoder.encoding ?? null };
}

/**
 * The planned deletions: a bare list of ids (one per line), or a CSV / JSON with device or
 * object id columns (a filtered "Download devices" CSV, `Get-MgDevice | Export-Csv`, Graph JSON).
 */
export async function readPlannedDeletions(source: FleetSource, progress?: ProgressTracker): Promise<{ ids: PlannedId[]; report: InputReport }> {
  const report = newReport(source.name, 'planned-deletions');
  report.kind = 'planned-deletions';
  const ids: PlannedId[] = [];
  let text: string;
  try {
    const all = await readAll(source, 512 * 1024 * 1024);
    text = all.text;
    report.encoding = all.encoding;
    progress?.add(source.name, all.bytes.length, 0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    report.error = code === 'ENOENT' ? 'not-found' : 'unreadable';
    report.errorDetail = code ?? String(e);
    return { ids, report };
  }
  const start = firstNonSpace(text);
  if (start < 0) {
    report.error = 'empty';
    return { ids, report };
  }
  const first = text.charAt(start);
  const firstLine = text.split(/\r\n|\r|\n/, 50).find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  if (first === '[' || first === '{') plannedFromJson(text, report, ids);
  else if (GUID_ANYWHERE.test(firstLine) && !/[a-z]{4,}\s*[,;\t]/i.test(firstLine.replace(GUID_ANYWHERE, ''))) plannedFromList(text, report, ids);
  else plannedFromCsv(text, firstLine, report, ids);
  return { ids, report };
}

/** Graph JSON (or any JSON records with deviceId / id). */
function plannedFromJson(text: string, report: InputReport, ids: PlannedId[]): void {
  report.format = 'graph-devices-json';
  const reader = new JsonRecordReader();
  const sink = {
    record: (r: Record<string, unknown>, line: number) => {
      const deviceId = deviceKey(prop(r, 'deviceId'));
      const objectId = deviceKey(prop(r, 'id') ?? prop(r, 'objectId'));
      if (deviceId !== '') {
        const d = deviceJson(r);
        ids.push({ id: deviceId, as: 'deviceId', ...(typeof d !== 'string' ? { device: d } : {}) });
        used(report);
      } else if (objectId !== '') {
        ids.push({ id: objectId, as: 'objectId' });
        used(report);
      } else skip(report, 'no-id', line);
    },
    problem: (p: { line: number; reason: 'invalid-json' | 'truncated-json' | 'not-an-object' }) => skip(report, p.reason, p.line),
  };
  reader.push(text, sink);
  reader.end(sink);
}

function plannedFromList(text: string, report: InputReport, ids: PlannedId[]): void {
  // a bare list: the first GUID on each line
  report.format = 'id-list';
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = GUID_ANYWHERE.exec(line);
    if (!m) {
      skip(report, 'no-id', i + 1);
      return;
    }
    ids.push({ id: deviceKey(m[0]), as: 'unknown' });
    used(report);
  });
}

/** A CSV with a header naming a device id or an object id column. */
function plannedFromCsv(text: string, firstLine: string, report: InputReport, ids: PlannedId[]): void {
  let header: string[] | undefined;
  let idx: { deviceId: number; objectId: number } | undefined;
  let devices: RowMapper<InventoryDevice> | undefined;
  const t = new CsvTokenizer({ delimiter: sniffDelimiter(firstLine) });
  const sink: CsvSink = {
    row: (row) => {
      if (!header) {
        header = row.strings();
        idx = columnIndex(header, { deviceId: ['deviceid'], objectId: ['objectid', 'id'] });
        if (idx.deviceId < 0 && idx.objectId < 0) {
          report.error = 'unrecognized-csv';
          report.errorDetail = header.slice(0, 8).join(', ');
          return;
        }
        report.format = detectCsv(header)?.format ?? 'graph-devices-csv';
        if (idx.deviceId >= 0) devices = deviceCsvMapper(header);
        return;
      }
      if (!idx || report.error) return;
      if (row.count !== header.length) return skip(report, 'wrong-column-count', row.line);
      const deviceId = row.deviceId(idx.deviceId);
      const objectId = row.deviceId(idx.objectId);
      if (deviceId !== '') {
        const d = devices?.map(row);
        ids.push({ id: deviceId, as: 'deviceId', ...(d !== undefined && typeof d !== 'string' ? { device: d } : {}) });
        used(report);
      } else if (objectId !== '') {
        ids.push({ id: objectId, as: 'objectId' });
        used(report);
      } else skip(report, 'no-id', row.line);
    },
    problem: (p) => skip(report, 'malformed-csv', p.line),
  };
  t.push(Buffer.from(text, 'utf8'), sink);
  t.end(sink);
}

/** Collected `dsregcmd /status` outputs: each file is one row, matched to devices by DeviceId. */
async function readStatuses(sources: FleetSource[], agg: FleetAggregator, name: string | undefined): Promise<InputReport> {
  const report = newReport(name ?? (sources.length === 1 ? (sources[0]?.name ?? '') : `${sources.length} files`), 'statuses');
  report.kind = 'statuses';
  report.format = 'dsregcmd-status';
  agg.statusesGiven = true;
  for (const source of sources) {
    agg.statusFiles++;
    let bytes: Uint8Array;
    try {
      bytes = (await readAll(source, MAX_STATUS_BYTES)).bytes;
    } catch {
      skipFile(report, 'unreadable-status', source.name);
      continue;
    }
    const parsed = readStatusBytes(bytes, { name: source.name });
    if (!parsed.recognized) {
      skipFile(report, 'not-dsregcmd-status', source.name);
      continue;
    }
    const status = toDeviceStatus(parsed);
    const id = status.deviceId.value;
    if (!id) {
      skipFile(report, 'status-without-device-id', source.name);
      continue;
    }
    agg.addStatus(deviceKey(id), { file: source.name, joinType: status.joinType, deviceName: status.deviceName.value });
    used(report);
  }
  return report;
}

function skipFile(report: InputReport, reason: SkipReason, file: string): void {
  report.rows.read++;
  report.rows.skipped++;
  report.rows.skippedByReason[reason] = (report.rows.skippedByReason[reason] ?? 0) + 1;
  if (report.problems.length < MAX_PROBLEMS) report.problems.push({ line: 0, reason, file });
}
