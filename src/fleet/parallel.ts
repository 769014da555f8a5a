import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FleetAggregator, type SignInState } from './aggregate.js';
import { parseCsvText, sniffDelimiter } from './csv.js';
import { type PartResult, type RangeTask, readPart } from './part.js';
import { type FleetInput, firstNonSpace, MAX_PROBLEMS, type ProgressSink } from './read-input.js';
import { detectCsv, detectJson } from './schema.js';
import { detectEncoding, isUtf8 } from './source.js';
import type { InputReport } from './types.js';

/**
 * Large sign-in logs read in parallel: a UTF-8 CSV or JSON Lines file of tens of megabytes or
 * more is cut into parts at line breaks; worker threads, and the main thread once its own inputs
 * are read, each take parts from one queue (a CSV part gets the header line put in front), each
 * into an aggregator of its own, and the aggregators are merged at the end. A part must start
 * where a row starts: if a cut fell inside a quoted field that spans lines, the part before it
 * does not end cleanly, nothing read in parts is kept, and the caller reads those files again
 * in one thread. Everything else (inventories, audit logs, pretty JSON, other encodings, stdin)
 * is read by the main thread meanwhile.
 */

export interface ParallelOptions {
  /** Worker threads (0: read everything in the main thread). */
  workers: number;
  /** Size of the parts a file is cut into. */
  partBytes: number;
  /** Files smaller than this are read in the main thread. */
  minFileBytes: number;
}

export function defaultParallel(): ParallelOptions {
  // running from TypeScript sources (tests): there is no compiled worker script to start
  const compiled = import.meta.url.endsWith('.js');
  const cores = availableParallelism();
  // the main thread reads parts too, once its own inputs are done: one thread per core
  return { workers: compiled && cores > 1 ? Math.min(cores - 1, 4) : 0, partBytes: 32 * 1024 * 1024, minFileBytes: 64 * 1024 * 1024 };
}

export type { RangeTask } from './part.js';

export type WorkerMessage =
  | { type: 'progress'; bytes: number; rows: number }
  | ({ type: 'done'; id: number } & PartResult)
  | { type: 'state'; state: SignInState }
  | { type: 'error'; message: string };

interface SplitFile {
  input: FleetInput;
  path: string;
  parts: RangeTask[];
  /** CSV parts after the first get the header line put in front (JSON Lines parts do not). */
  headerPrefixed: boolean;
}

const PEEK = 64 * 1024;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Is this input a large UTF-8 sign-in CSV? Then where to cut it. */
async function planFile(input: FleetInput, options: ParallelOptions, nextId: () => number): Promise<SplitFile | undefined> {
  const { path, size } = input.source;
  if (path === undefined || size === undefined || size < options.minFileBytes) return undefined;
  let head: Buffer;
  try {
    head = await readAt(path, 0, PEEK);
  } catch {
    return undefined;
  }
  if (!isUtf8(detectEncoding(head, head.length < PEEK).encoding)) return undefined;
  const text = head.toString('utf8');
  const at = firstNonSpace(text);
  const lf = head.indexOf(0x0a);
  if (at < 0 || lf < 0) return undefined;
  let headerLine: Buffer | null = null;
  if (text.charAt(at) === '{') {
    // JSON Lines: a record (or a Graph page) a line; any line break is a record boundary
    const first = text.slice(at, text.indexOf('\n', at)).trim();
    let record: unknown;
    try {
      record = JSON.parse(first);
    } catch {
      return undefined;
    }
    const page = (record as { value?: unknown }).value;
    const sample = Array.isArray(page) ? page[0] : record;
    if (sample === null || typeof sample !== 'object' || detectJson(sample as Record<string, unknown>)?.kind !== 'signins') return undefined;
  } else if (text.charAt(at) === '[') {
    return undefined;
  } else {
    headerLine = head.subarray(0, lf + 1);
    let header: string[] = [];
    parseCsvText(
      headerLine.toString('utf8'),
      sniffDelimiter(headerLine.toString('utf8')),
      (fields) => {
        if (header.length === 0) header = fields;
      },
      () => {},
    );
    if (detectCsv(header)?.kind !== 'signins') return undefined;
  }

  // cut points: the byte after a line break near every partBytes
  const cuts: number[] = [headerLine ? lf + 1 : 0];
  for (let target = lf + 1 + options.partBytes; target < size - options.partBytes / 4; target += options.partBytes) {
    const block = await readAt(path, target, PEEK);
    const nl = block.indexOf(0x0a);
    if (nl < 0) continue;
    const cut = target + nl + 1;
    if (cut > (cuts.at(-1) ?? 0) && cut < size) cuts.push(cut);
  }
  if (cuts.length < 2) return undefined;
  const headerB64 = headerLine ? headerLine.toString('base64') : null;
  const parts: RangeTask[] = cuts.map((start, i) => ({
    type: 'range',
    id: nextId(),
    path,
    name: input.source.name,
    as: input.as,
    // the first part starts at byte 0 and reads the header itself
    start: i === 0 ? 0 : start,
    end: cuts[i + 1] ?? size,
    header: i === 0 ? null : headerB64,
  }));
  return { input, path, parts, headerPrefixed: headerLine !== null };
}

export interface ParallelResult {
  /** Reports of the files read in parts, merged over their parts. */
  reports: Map<FleetInput, InputReport>;
  /**
   * The files to read again in the main thread: a cut fell inside a quoted field that spans
   * lines, or a worker failed. Nothing of theirs was merged. Empty when all went well.
   */
  again: FleetInput[];
  /** Why the files are read again ('' for a cut inside a field). */
  failure: string;
}

/**
 * Read the large sign-in files among `inputs` with worker threads, merging into `agg`. Returns
 * the inputs it did not take (for the main thread) and a promise of the reports of those it
 * did. Resolves to undefined when nothing is worth splitting.
 */
export async function startParallel(
  inputs: FleetInput[],
  agg: FleetAggregator,
  options: ParallelOptions,
  progress: ProgressSink,
): Promise<{ rest: FleetInput[]; files: number; parts: number; assist: () => Promise<void>; done: Promise<ParallelResult> } | undefined> {
  if (options.workers <= 0) return undefined;
  let id = 0;
  const split: SplitFile[] = [];
  const rest: FleetInput[] = [];
  for (const input of inputs) {
    const plan = await planFile(input, options, () => id++);
    if (plan) split.push(plan);
    else rest.push(input);
  }
  if (split.length === 0) return undefined;

  const tasks = split.flatMap((f) => f.parts);
  let next = 0;
  const take = () => tasks[next++];
  const results = new Map<number, PartResult>();

  // the main thread's share, into an aggregator of its own (merged only if every part is good)
  let assisted: Promise<SignInState | undefined> = Promise.resolve(undefined);
  const assist = async () => {
    assisted = (async () => {
      const local = new FleetAggregator();
      let read = 0;
      for (let task = take(); task; task = take()) {
        results.set(task.id, await readPart(task, local, progress));
        read++;
      }
      return read > 0 ? local.exportSignIns() : undefined;
    })();
    await assisted;
  };

  const workers = runWorkers(split, take, results, options, progress);
  const done = Promise.all([
    workers,
    workers.then(
      () => assisted,
      () => assisted,
    ),
  ]).then(
    ([states, mine]) => {
      const reports = new Map<FleetInput, InputReport>();
      for (const f of split) {
        const parts = f.parts.map((p) => results.get(p.id));
        // every part but the last must end exactly where the next begins
        if (parts.some((p, i) => !p || (i < parts.length - 1 && !p.clean))) return { reports: new Map(), again: split.map((x) => x.input), failure: '' };
        reports.set(f.input, mergeReports(parts as PartResult[], f.headerPrefixed));
      }
      // only now, when every part is good, does anything read in parts count
      for (const state of states) agg.importSignIns(state);
      if (mine) agg.importSignIns(mine);
      return { reports, again: [], failure: '' };
    },
    (e: unknown) => ({ reports: new Map(), again: split.map((x) => x.input), failure: e instanceof Error ? e.message : String(e) }),
  );
  return { rest, files: split.length, parts: tasks.length, assist, done };
}

async function runWorkers(
  split: SplitFile[],
  take: () => RangeTask | undefined,
  results: Map<number, PartResult>,
  options: ParallelOptions,
  progress: ProgressSink,
): Promise<SignInState[]> {
  const states: SignInState[] = [];
  const count = Math.min(
    options.workers,
    split.reduce((n, f) => n + f.parts.length, 0),
  );
  const url = new URL('./worker.js', import.meta.url);
  // a parent started with `--input-type` (node -e) passes it on, and it is refused for a file
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type') && a !== '-e' && a !== '--eval');
  const workers = Array.from({ length: count }, () => new Worker(url, { execArgv, resourceLimits: { maxYoungGenerationSizeMb: 8 } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const task = take();
              if (task) worker.postMessage(task);
              else worker.postMessage({ type: 'finish' });
            };
            worker.on('message', (m: WorkerMessage) => {
              switch (m.type) {
                case 'progress':
                  progress.add(split[0]?.input.source.name ?? '', m.bytes, m.rows);
                  break;
                case 'done':
                  results.set(m.id, { report: m.report, clean: m.clean, lines: m.lines });
                  give();
                  break;
                case 'state':
                  states.push(m.state);
                  resolve();
                  break;
                case 'error':
                  reject(new Error(m.message));
                  break;
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`fleet worker exited with code ${code}`));
            });
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return states;
}

/** One file's report from its parts' reports, with line numbers made file-wide. */
function mergeReports(parts: PartResult[], headerPrefixed: boolean): InputReport {
  const prefix = headerPrefixed ? 1 : 0;
  const first = parts[0]?.report as InputReport;
  const merged: InputReport = { ...first, rows: { read: 0, used: 0, skipped: 0, skippedByReason: {} }, problems: [] };
  let before = 0;
  parts.forEach((p, i) => {
    const r = p.report;
    merged.rows.read += r.rows.read;
    merged.rows.used += r.rows.used;
    merged.rows.skipped += r.rows.skipped;
    for (const [k, v] of Object.entries(r.rows.skippedByReason)) merged.rows.skippedByReason[k] = (merged.rows.skippedByReason[k] ?? 0) + v;
    if (merged.error === null && r.error !== null) {
      merged.error = r.error;
      merged.errorDetail = r.errorDetail;
    }
    for (const problem of r.problems) {
      if (merged.problems.length >= MAX_PROBLEMS) break;
      // a later part's line 1 is the header put in front of it
      merged.problems.push({ ...problem, line: i === 0 ? problem.line : problem.line - prefix + before });
    }
    before += i === 0 ? p.lines : p.lines - prefix;
  });
  return merged;
}
