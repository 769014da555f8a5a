import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { affectedPlan } from '../fleet/aggregate.js';
import { analyzeFleet, type FleetSource } from '../fleet/fleet.js';
import { fleetToCsv } from '../fleet/render-csv.js';
import { fleetToHtml } from '../fleet/render-html.js';
import type { FleetReport } from '../fleet/types.js';
import { deviceKey, parseTime } from '../fleet/values.js';
import { translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { localizeStep } from '../render/localize.js';
import { ApiError, requestLang } from './api.js';
import { type DeviceEvents, type DeviceKey, deviceEvents } from './fleet-device.js';
import { type FleetJob, type HeldFile, heldSource, indexRows, jobOptions, runFleetJob, skipOf, WORKER_AVAILABLE } from './fleet-job.js';
import { boundaryOf, type FormPart, MultipartError, partText, readMultipart } from './multipart.js';

/**
 * The Fleet view's API: upload exports (or load them from Microsoft Graph) → the fleet report,
 * then drill into one device, re-run the cleanup impact, export CSV / HTML / JSON. The server
 * holds the last few loads in memory (the raw bytes, for the drill-down) and nothing on disk.
 */

/** Fleet uploads: sign-in logs are large; past this the CLI (which streams from disk) is the tool. */
export const MAX_FLEET_BYTES = 64 * 1024 * 1024;
export const MAX_FLEET_FILES = 50;
/** Loads kept for drill-down and export; older ones are forgotten. */
export const MAX_FLEET_DATASETS = 3;
const MAX_STALE_DAYS = 3650;
const MAX_NAME_CHARS = 200;
const DRILL_CACHE = 64;
/**
 * After a load the rows of every affected device are read in one pass, so drill-downs answer at
 * once; past this many rows (memory) each drill-down reads for its own device instead.
 */
const MAX_INDEX_ROWS = 100_000;

/** What `serve` passes for "Load from Microsoft Graph": the cleanup options the page asks for. */
export interface FleetGraphRequest {
  /** The page's language, for `warnings`. */
  lang: Lang;
  staleDays?: number;
  asOf?: Date;
  plannedDeletions?: FleetSource;
}

/**
 * The Graph pull as the page can use it. `sources` (optional) are the pulled records as fleet
 * inputs (e.g. `memorySource('graph-signins.json', JSON.stringify({ value: signIns }))`); they
 * must be re-readable (`open()` more than once). With them the page lists a device's sign-ins
 * and re-runs the cleanup impact without pulling again.
 */
export interface FleetGraphData {
  report: FleetReport;
  sources?: FleetSource[];
  /**
   * What the page should say about the pull, in `request.lang`: above all a partial pull
   * ("signIns: 403 after 3 pages; the report holds what was read before").
   */
  warnings?: string[];
}

export type FleetFromGraph = (request: FleetGraphRequest) => Promise<FleetReport | FleetGraphData>;

interface FleetDataset {
  id: string;
  origin: 'upload' | 'graph';
  /** Re-readable inputs (uploads, or what the Graph hook gave), or null. */
  sources: FleetSource[] | null;
  /** An upload's files as they arrived (null for Graph): what a re-run in the worker is given. */
  held: HeldFile[] | null;
  statuses: HeldFile[];
  files: { name: string; size: number }[];
  bytes: number;
  staleDays: number | null;
  asOf: string | null;
  planned: HeldFile | null;
  report: FleetReport;
  /** From the Graph hook: shown above the report. */
  warnings: string[];
  drill: Map<string, DeviceEvents>;
  /** The rows of all affected devices, read once after the report is answered (null: too many). */
  index: Promise<Map<string, DeviceEvents> | null> | null;
}

/** The last few loads, in memory, newest last. */
export class FleetStore {
  private readonly sets = new Map<string, FleetDataset>();
  constructor(readonly max: number = MAX_FLEET_DATASETS) {}
  add(d: FleetDataset): void {
    this.sets.set(d.id, d);
    while (this.sets.size > this.max) {
      const oldest = this.sets.keys().next().value;
      if (oldest === undefined) break;
      this.sets.delete(oldest);
    }
  }
  get(id: string): FleetDataset | undefined {
    return this.sets.get(id);
  }
}

export interface FleetApiOptions {
  maxBytes: number;
  fleetFromGraph: FleetFromGraph | undefined;
  store: FleetStore;
  /** Analyse uploads in a worker thread (default: when the compiled worker script exists). */
  worker?: boolean;
  /** Told when an upload's analysis starts and when it has its report (tests: the order of events). */
  onAnalysis?: (event: 'start' | 'done') => void;
}

/** A file name as the browser sent it, for messages and the report: no path, no control characters. */
export function uploadName(raw: string | null, fallback: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '') return fallback;
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS)}…` : name;
}

function parseStaleDays(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const s = v.trim();
  if (!/^\d{1,4}$/.test(s) || Number(s) < 1 || Number(s) > MAX_STALE_DAYS)
    throw new ApiError(400, 'web.api.fleetBadStaleDays', { value: s.slice(0, 40) }, 'bad-stale-days');
  return Number(s);
}

function parseAsOf(v: string | undefined): Date | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const s = v.trim();
  const ms = s.length <= 40 ? parseTime(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s) : Number.NaN;
  if (Number.isNaN(ms)) throw new ApiError(400, 'web.api.fleetBadAsOf', { value: s.slice(0, 40) }, 'bad-as-of');
  return new Date(ms);
}

interface FleetForm {
  /** The dropped files: exports, and collected dsregcmd /status outputs among them. */
  files: HeldFile[];
  planned: HeldFile | null;
  staleDays: number | undefined;
  asOf: Date | undefined;
}

const FILE_FIELDS = new Set(['file', 'files', 'files[]']);

/** Read the multipart body: files, the planned-deletion list, stale days, "as of". */
async function readFleetForm(c: Context, maxBytes: number, requireFiles: boolean): Promise<FleetForm> {
  const t = translator(requestLang(c, false));
  const boundary = boundaryOf(c.req.header('content-type'));
  if (boundary === null) {
    throw new ApiError(400, 'web.api.fleetBadForm', { reason: t('web.api.formReason.not-multipart') }, 'bad-form');
  }
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw new ApiError(413, 'web.api.fleetTooLarge', { limit: Math.round(maxBytes / 1048576) }, 'too-large');
  let parts: FormPart[];
  try {
    parts = await readMultipart(c.req.raw.body, boundary, { maxBytes, maxParts: MAX_FLEET_FILES + 8 });
  } catch (e) {
    if (e instanceof MultipartError) {
      if (e.reason === 'too-large') throw new ApiError(413, 'web.api.fleetTooLarge', { limit: Math.round(maxBytes / 1048576) }, 'too-large');
      if (e.reason === 'too-many-parts') throw new ApiError(400, 'web.api.fleetTooManyFiles', { limit: MAX_FLEET_FILES }, 'too-many-files');
      throw new ApiError(400, 'web.api.fleetBadForm', { reason: t(`web.api.formReason.${e.reason}`) }, 'bad-form');
    }
    throw e;
  }
  const form: FleetForm = { files: [], planned: null, staleDays: undefined, asOf: undefined };
  for (const part of parts) {
    // a Blob sent without a name arrives as "blob"
    const held = (fallback: string): HeldFile => ({
      name: uploadName(part.filename === 'blob' ? null : part.filename, fallback),
      size: part.size,
      chunks: part.chunks,
    });
    if (FILE_FIELDS.has(part.name)) {
      // status outputs among them are told apart with the analysis (in the worker: reading takes time)
      form.files.push(held(t('web.fleet.unnamedFile', { n: form.files.length + 1 })));
    } else if (part.name === 'planned') {
      if (part.size > 0 || part.filename) form.planned = held(t('fleet.kind.planned-deletions'));
    } else if (part.name === 'staleDays') {
      form.staleDays = parseStaleDays(partText(part));
    } else if (part.name === 'asOf') {
      form.asOf = parseAsOf(partText(part));
    } else {
      throw new ApiError(400, 'web.api.fleetUnknownPart', { name: part.name.slice(0, 60) }, 'unknown-part');
    }
  }
  if (form.files.length > MAX_FLEET_FILES) throw new ApiError(400, 'web.api.fleetTooManyFiles', { limit: MAX_FLEET_FILES }, 'too-many-files');
  if (requireFiles && form.files.length === 0) throw new ApiError(400, 'web.api.fleetNoFiles', {}, 'no-files');
  return form;
}

function isoDay(d: Date | undefined): string | null {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** The report as the page gets it: the `fleet --format json` contract, plus where it came from. */
function answer(c: Context, d: FleetDataset, start: number): Response {
  c.header('Server-Timing', `fleet;dur=${(performance.now() - start).toFixed(2)}`);
  return c.json({
    ...d.report,
    dataset: {
      id: d.id,
      origin: d.origin,
      files: d.files,
      bytes: d.bytes,
      staleDays: d.staleDays,
      asOf: d.asOf,
      planned: d.planned ? { name: d.planned.name, size: d.planned.size } : null,
      drillDown: d.sources !== null,
      warnings: d.warnings,
    },
  });
}

/** The analysis job of a form's held files and cleanup options. */
function jobOf(files: HeldFile[], statuses: HeldFile[], form: Omit<FleetForm, 'files'>, options: { indexed: boolean; sort: boolean }): FleetJob {
  return {
    files,
    statuses,
    sortStatuses: options.sort,
    planned: form.planned,
    staleDays: form.staleDays,
    asOfMs: form.asOf?.getTime(),
    indexRows: options.indexed ? MAX_INDEX_ROWS : null,
  };
}

/** What every route shares: the store, the limits, the one Graph pull under way. */
interface FleetApi {
  store: FleetStore;
  maxBytes: number;
  worker: boolean;
  onAnalysis: (event: 'start' | 'done') => void;
  pullGraph: (request: FleetGraphRequest) => Promise<FleetGraphData>;
}

/** The dataset of the `:id` in the path, or 404 (it was forgotten, or never was). */
function datasetOf(api: FleetApi, c: Context): FleetDataset {
  const id = c.req.param('id') ?? '';
  const d = api.store.get(id);
  if (!d) throw new ApiError(404, 'web.api.fleetGone', { count: api.store.max }, 'fleet-gone');
  return d;
}

/** The rows of every affected device, read once (started after the report is answered). */
function indexOf(d: FleetDataset): Promise<Map<string, DeviceEvents> | null> {
  d.index ??= d.sources ? indexRows(d.report, d.sources, MAX_INDEX_ROWS) : Promise.resolve(null);
  return d.index;
}

/** A device's sign-ins and audit events: from the index of all affected devices, else read for it alone. */
async function eventsOf(d: FleetDataset, key: DeviceKey): Promise<DeviceEvents | null> {
  const sources = d.sources;
  if (!sources) return null;
  const cached = d.drill.get(key.deviceId);
  if (cached) return cached;
  const hit = (await indexOf(d))?.get(key.deviceId);
  if (hit) return hit;
  const one = await deviceEvents(sources, key, skipOf(d.report, sources));
  if (d.drill.size >= DRILL_CACHE) d.drill.clear();
  d.drill.set(key.deviceId, one);
  return one;
}

/** One Graph pull at a time: a second click waits for the one under way; an identical request shares it. */
function graphPuller(hook: FleetFromGraph | undefined): (request: FleetGraphRequest) => Promise<FleetGraphData> {
  let pull: Promise<FleetReport | FleetGraphData> | null = null;
  let pullKey: string | null = null;
  return async (request) => {
    if (!hook) throw new ApiError(404, 'web.api.fleetGraphOff', {}, 'graph-not-configured');
    const key = JSON.stringify([
      request.staleDays ?? null,
      request.asOf?.toISOString() ?? null,
      request.plannedDeletions ? `${request.plannedDeletions.name}:${Math.random()}` : null,
      request.lang,
    ]);
    while (pull && pullKey !== key) await pull.catch(() => undefined);
    if (!pull) {
      pullKey = key;
      pull = hook(request).finally(() => {
        pull = null;
        pullKey = null;
      });
    }
    let got: FleetReport | FleetGraphData;
    try {
      got = await pull;
    } catch (e) {
      throw new ApiError(502, 'web.api.fleetGraphFailed', { message: e instanceof Error ? e.message : String(e) }, 'graph-failed');
    }
    return 'schemaVersion' in got ? { report: got } : got;
  };
}

/** `POST /api/fleet?lang=`: multipart with `file` parts (any export fleet reads), optional `planned`, `staleDays`, `asOf`. */
async function uploadRoute(api: FleetApi, c: Context): Promise<Response> {
  requestLang(c, true);
  const form = await readFleetForm(c, api.maxBytes, true);
  const start = performance.now();
  // parsed in a worker thread: other requests are answered meanwhile
  api.onAnalysis('start');
  const job = await runFleetJob(jobOf(form.files, [], form, { indexed: true, sort: true }), api.worker);
  api.onAnalysis('done');
  const isStatus = new Set(job.statusIndexes);
  const files = form.files.filter((_, i) => !isStatus.has(i));
  const statuses = form.files.filter((_, i) => isStatus.has(i));
  const d: FleetDataset = {
    id: randomUUID(),
    origin: 'upload',
    sources: files.map(heldSource),
    held: files,
    statuses,
    files: [...files, ...statuses].map((f) => ({ name: f.name, size: f.size })),
    bytes: [...files, ...statuses].reduce((n, f) => n + f.size, 0) + (form.planned?.size ?? 0),
    staleDays: form.staleDays ?? null,
    asOf: isoDay(form.asOf),
    planned: form.planned,
    report: job.report,
    warnings: [],
    drill: new Map(),
    index: null,
  };
  api.store.add(d);
  const response = answer(c, d, start);
  // the drill-down's rows are read while the page draws the report
  setTimeout(() => {
    d.index ??= job.index;
  }, 0);
  return response;
}

/** `GET /api/fleet/graph?lang=&staleDays=&asOf=`: the report from Microsoft Graph, when serve was started with Graph options. */
async function graphRoute(api: FleetApi, c: Context): Promise<Response> {
  const lang = requestLang(c, true);
  const staleDays = parseStaleDays(c.req.query('staleDays'));
  const asOf = parseAsOf(c.req.query('asOf'));
  const start = performance.now();
  const got = await api.pullGraph({ lang, ...(staleDays !== undefined ? { staleDays } : {}), ...(asOf ? { asOf } : {}) });
  const d: FleetDataset = {
    id: randomUUID(),
    origin: 'graph',
    sources: got.sources ?? null,
    held: null,
    statuses: [],
    files: (got.sources ?? []).map((s) => ({ name: s.name, size: s.size ?? 0 })),
    bytes: (got.sources ?? []).reduce((n, s) => n + (s.size ?? 0), 0),
    staleDays: staleDays ?? null,
    asOf: isoDay(asOf),
    planned: null,
    report: got.report,
    warnings: (got.warnings ?? []).map(String),
    drill: new Map(),
    index: null,
  };
  api.store.add(d);
  const response = answer(c, d, start);
  setTimeout(() => void indexOf(d), 0);
  return response;
}

/** `POST /api/fleet/:id/cleanup?lang=`: the same data again with another planned list, stale days or "as of". */
async function cleanupRoute(api: FleetApi, c: Context): Promise<Response> {
  const lang = requestLang(c, true);
  const d = datasetOf(api, c);
  const form = await readFleetForm(c, api.maxBytes, false);
  if (form.files.length > 0) throw new ApiError(400, 'web.api.fleetUnknownPart', { name: 'file' }, 'unknown-part');
  const start = performance.now();
  const held = heldFilesOf(d);
  if (held) {
    d.report = (await runFleetJob(jobOf(held, d.statuses, form, { indexed: false, sort: false }), api.worker)).report;
  } else if (d.sources) {
    // a Graph pull's sources (the hook's own, in this thread)
    d.report = await analyzeFleet({
      ...jobOptions(jobOf([], d.statuses, form, { indexed: false, sort: false })),
      inputs: d.sources.map((source) => ({ source })),
    });
  } else {
    const got = await api.pullGraph({
      lang,
      ...(form.staleDays !== undefined ? { staleDays: form.staleDays } : {}),
      ...(form.asOf ? { asOf: form.asOf } : {}),
      ...(form.planned ? { plannedDeletions: heldSource(form.planned) } : {}),
    });
    d.report = got.report;
    d.warnings = (got.warnings ?? []).map(String);
  }
  d.staleDays = form.staleDays ?? null;
  d.asOf = isoDay(form.asOf);
  d.planned = form.planned;
  d.drill.clear();
  d.index = null;
  return answer(c, d, start);
}

/** An upload's files as they were held (null for a Graph dataset, whose sources are the hook's). */
function heldFilesOf(d: FleetDataset): HeldFile[] | null {
  return d.origin === 'upload' ? d.held : null;
}

/** `GET /api/fleet/:id/devices/:deviceId?lang=`: one device: its row, its sign-ins and audit events, its plan. */
async function deviceRoute(api: FleetApi, c: Context): Promise<Response> {
  const lang = requestLang(c, true);
  const t = translator(lang);
  const d = datasetOf(api, c);
  const raw = c.req.param('deviceId') ?? '';
  const id = deviceKey(raw);
  const affected = d.report.affected.find((a) => a.deviceId === id) ?? null;
  const cleanupEntry = d.report.cleanupImpact.find((e) => e.deviceId === id) ?? null;
  if (!affected && !cleanupEntry) throw new ApiError(404, 'web.api.fleetNoDevice', { deviceId: raw.slice(0, 80) }, 'no-device');
  const key: DeviceKey = {
    deviceId: id,
    objectId: affected?.objectId ?? cleanupEntry?.objectId ?? null,
    displayName: affected?.displayName ?? cleanupEntry?.displayName ?? null,
  };
  const events = await eventsOf(d, key);
  // the plan the fleet analysis made for this device (src/fleet/aggregate.ts), never guessed again here
  const steps = affected ? affectedPlan(affected).steps.map((s) => localizeStep(s, t)) : [];
  return c.json({ deviceId: id, device: affected, cleanup: cleanupEntry, plan: { steps }, events });
}

/** `POST /api/fleet/:id/export?format=csv|html|json&table=affected|cleanup&lang=`, optional JSON body `{ "deviceIds": [...] }` (the filtered view). */
async function exportRoute(api: FleetApi, c: Context): Promise<Response> {
  const lang = requestLang(c, true);
  const d = datasetOf(api, c);
  const format = c.req.query('format') ?? 'csv';
  if (format !== 'csv' && format !== 'html' && format !== 'json')
    throw new ApiError(400, 'web.api.badQuery', { name: 'format', value: format, expected: 'csv, html, json' }, 'bad-query');
  const table = c.req.query('table') ?? 'affected';
  if (table !== 'affected' && table !== 'cleanup')
    throw new ApiError(400, 'web.api.badQuery', { name: 'table', value: table, expected: 'affected, cleanup' }, 'bad-query');
  const report = filtered(d.report, await selectedIds(c));
  const attach = (body: string, name: string, type: string) =>
    c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` });
  if (format === 'csv') return attach(fleetToCsv(report, table), `dsreg-doctor-fleet-${table}.csv`, 'text/csv; charset=utf-8');
  if (format === 'html') return attach(fleetToHtml(report, lang, translator(lang)), `dsreg-doctor-fleet.${lang}.html`, 'text/html; charset=utf-8');
  return attach(`${JSON.stringify(report, null, 2)}\n`, 'dsreg-doctor-fleet.json', 'application/json; charset=utf-8');
}

/** The report with only the devices the page shows, in the order it shows them (null: all). */
function filtered(report: FleetReport, ids: Set<string> | null): FleetReport {
  if (!ids) return report;
  const byId = new Map(report.affected.map((a) => [a.deviceId, a]));
  const affected = [...ids].flatMap((id) => byId.get(id) ?? []);
  return { ...report, affected, cleanupImpact: report.cleanupImpact.filter((e) => ids.has(e.deviceId)) };
}

/** The routes, bound to one app's store and options. */
export function fleetRoutes(options: FleetApiOptions) {
  const api: FleetApi = {
    store: options.store,
    maxBytes: options.maxBytes,
    worker: options.worker ?? WORKER_AVAILABLE,
    onAnalysis: options.onAnalysis ?? (() => {}),
    pullGraph: graphPuller(options.fleetFromGraph),
  };
  return {
    upload: (c: Context) => uploadRoute(api, c),
    graph: (c: Context) => graphRoute(api, c),
    cleanup: (c: Context) => cleanupRoute(api, c),
    device: (c: Context) => deviceRoute(api, c),
    export: (c: Context) => exportRoute(api, c),
  };
}

/** The optional `{ "deviceIds": [...] }` body of an export: null = everything. */
async function selectedIds(c: Context): Promise<Set<string> | null> {
  const text = await c.req.text();
  if (text.trim() === '') return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, 'web.api.fleetBadIds', { reason: e instanceof Error ? e.message : String(e) }, 'bad-ids');
  }
  const list = (body as { deviceIds?: unknown } | null)?.deviceIds;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw new ApiError(400, 'web.api.fleetBadIds', { reason: 'deviceIds' }, 'bad-ids');
  return new Set(list.map((x) => deviceKey(x)));
}
