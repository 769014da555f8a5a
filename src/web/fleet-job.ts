import { Worker } from 'node:worker_threads';
import { analyzeFleet, type FleetOptions, type FleetSource } from '../fleet/fleet.js';
import { readStatusBytes } from '../read/parse.js';
import type { FleetReport } from '../fleet/types.js';
import { collectDeviceEvents, type DeviceEvents } from './fleet-device.js';

/**
 * The fleet analysis of an upload, off the request thread: a 60 MB upload is seconds of parsing,
 * during which the server would answer nothing else. One worker thread per job reads the held
 * bytes, answers the report, then reads the rows of every affected device for the drill-down
 * (also seconds) and ends. Where no compiled worker script exists (tests run the TypeScript
 * sources) or the worker cannot start, the same work runs in this thread.
 */

/** An uploaded file: its bytes as they arrived, in about 1 MB blocks. */
export interface HeldFile {
  name: string;
  size: number;
  chunks: Uint8Array[];
}

/** What one analysis needs: the held files and the cleanup options (dates as ms: they cross threads). */
export interface FleetJob {
  files: HeldFile[];
  statuses: HeldFile[];
  /** `files` are dropped files: the dsregcmd /status outputs among them are statuses (see {@link isStatusOutput}). */
  sortStatuses: boolean;
  planned: HeldFile | null;
  staleDays: number | undefined;
  asOfMs: number | undefined;
  /** Read the affected devices' rows after the report (the drill-down index), up to this many rows. */
  indexRows: number | null;
}

export interface FleetJobResult {
  report: FleetReport;
  /** With `sortStatuses`: which of the job's `files` were status outputs. */
  statusIndexes: number[];
  /** The drill-down index (null: none asked, too many rows, or it failed). */
  index: Promise<Map<string, DeviceEvents> | null>;
}

/** Messages from the worker: the report first, then the index. */
export type FleetJobMessage =
  | { type: 'report'; report: FleetReport; statusIndexes: number[] }
  | { type: 'index'; index: [string, DeviceEvents][] | null }
  | { type: 'error'; message: string };

export function heldSource(file: HeldFile): FleetSource {
  return {
    name: file.name,
    size: file.size,
    async *open() {
      for (const c of file.chunks) yield c;
    },
  };
}

/** Status outputs and bundles are small text files; exports are told apart by the reader. */
const MAX_STATUS_BYTES = 4 * 1024 * 1024;

/** A dropped `dsregcmd /status` output (or collection bundle), to match devices by DeviceId like `fleet --statuses`. */
export function isStatusOutput(file: HeldFile): boolean {
  if (file.size === 0 || file.size > MAX_STATUS_BYTES) return false;
  const bytes = Buffer.concat(file.chunks);
  const first = bytes
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^[\s\u00ef\u00bb\u00bf\u00ff\u00fe\u0000]+/, '');
  // a JSON or CSV export is never a status output, whatever words it holds
  if (first.startsWith('{') || first.startsWith('[')) return false;
  return readStatusBytes(bytes, { name: file.name }).recognized;
}

/** The job with its dropped files sorted into exports and statuses (reading a 1 MB export as a status takes ~0.3 s). */
export function sorted(job: FleetJob): { job: FleetJob; statusIndexes: number[] } {
  if (!job.sortStatuses) return { job, statusIndexes: [] };
  const statusIndexes = job.files.flatMap((f, i) => (isStatusOutput(f) ? [i] : []));
  const is = new Set(statusIndexes);
  return {
    job: { ...job, sortStatuses: false, files: job.files.filter((_, i) => !is.has(i)), statuses: [...job.statuses, ...job.files.filter((_, i) => is.has(i))] },
    statusIndexes,
  };
}

/** The analyzeFleet options of a job. */
export function jobOptions(job: FleetJob): FleetOptions {
  return {
    inputs: job.files.map((f) => ({ source: heldSource(f) })),
    ...(job.statuses.length > 0 ? { statuses: job.statuses.map(heldSource), statusesName: job.statuses.map((s) => s.name).join(', ') } : {}),
    ...(job.planned ? { plannedDeletions: heldSource(job.planned) } : {}),
    ...(job.staleDays !== undefined ? { staleDays: job.staleDays } : {}),
    ...(job.asOfMs !== undefined ? { asOf: new Date(job.asOfMs) } : {}),
  };
}

/** Which inputs can hold no sign-in or audit row: device lists and unreadable files (inputs are reported in the order given). */
export function skipOf(report: FleetReport, sources: readonly FleetSource[]): (i: number) => boolean {
  const kinds = report.inputs.map((i) => i.kind);
  const names = report.inputs.map((i) => i.name);
  return (i: number) => names[i] === sources[i]?.name && (kinds[i] === 'devices' || kinds[i] === 'bitlocker-keys' || kinds[i] === null);
}

/** The rows of every affected device of `report`, read from `sources` in one pass (null: more than `maxRows`). */
export function indexRows(report: FleetReport, sources: readonly FleetSource[], maxRows: number): Promise<Map<string, DeviceEvents> | null> {
  const keys = report.affected.map((a) => ({ deviceId: a.deviceId, objectId: a.objectId, displayName: a.displayName }));
  if (keys.length === 0) return Promise.resolve(null);
  return collectDeviceEvents(sources, keys, skipOf(report, sources), maxRows).catch(() => null);
}

/** The job in this thread (tests from sources, or when a worker cannot start). */
async function runHere(dropped: FleetJob): Promise<FleetJobResult> {
  const { job, statusIndexes } = sorted(dropped);
  const report = await analyzeFleet(jobOptions(job));
  const sources = job.files.map(heldSource);
  let index: Promise<Map<string, DeviceEvents> | null> | null = null;
  return {
    report,
    statusIndexes,
    // started on first use, after the report is answered
    get index() {
      index ??= job.indexRows === null ? Promise.resolve(null) : indexRows(report, sources, job.indexRows);
      return index;
    },
  };
}

const WORKER_URL = new URL('./fleet-worker.js', import.meta.url);
/** Running from TypeScript sources (tests): there is no compiled worker script to start. */
export const WORKER_AVAILABLE = import.meta.url.endsWith('.js');

/**
 * Run the job in a worker thread when `useWorker` (and one exists), else here. The report
 * promise rejects with the analysis error; the index never rejects (null on failure).
 */
export function runFleetJob(job: FleetJob, useWorker = WORKER_AVAILABLE): Promise<FleetJobResult> {
  if (!useWorker) return runHere(job);
  let worker: Worker;
  try {
    // the parent's flags, but not those only `-e` allows (a worker runs a file)
    worker = new Worker(WORKER_URL, { execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  } catch {
    return runHere(job);
  }
  return new Promise<FleetJobResult>((resolve, reject) => {
    let settleIndex: (v: Map<string, DeviceEvents> | null) => void = () => {};
    const index = new Promise<Map<string, DeviceEvents> | null>((r) => {
      settleIndex = r;
    });
    let answered = false;
    const fail = (message: string) => {
      settleIndex(null);
      if (!answered) reject(new Error(message));
      answered = true;
      void worker.terminate();
    };
    worker.on('message', (m: FleetJobMessage) => {
      if (m.type === 'report') {
        answered = true;
        resolve({ report: m.report, statusIndexes: m.statusIndexes, index });
        if (job.indexRows === null) void worker.terminate();
      } else if (m.type === 'index') {
        settleIndex(m.index ? new Map(m.index) : null);
        void worker.terminate();
      } else fail(m.message);
    });
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', () => {
      settleIndex(null);
      if (!answered) reject(new Error('fleet worker stopped before answering'));
    });
    // the held bytes are copied to the worker: the server keeps its own for drill-downs and exports
    worker.postMessage(job);
  });
}
