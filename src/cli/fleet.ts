import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  analyzeFleet,
  DATE_ORDERS,
  type DateOrder,
  type FleetInput,
  type FleetProgress,
  type FleetReport,
  type FleetSource,
  fileSource,
  parseColumnMapping,
  readPlannedDeletions,
  streamSource,
} from '../fleet/fleet.js';
import { fleetKql, MAX_INLINE_IDS } from '../fleet/kql.js';
import { fleetToCsv } from '../fleet/render-csv.js';
import { fleetToHtml } from '../fleet/render-html.js';
import { fleetToText } from '../fleet/render-text.js';
import { ACTIVITY_GRANULARITY_DAYS } from '../fleet/cleanup.js';
import type { InputReport } from '../fleet/types.js';
import { parseTime } from '../fleet/values.js';
import { hasMessage, type MessageKey, messageFor } from '../i18n/format.js';
import { safeTerminalText } from '../render/diagnosis-text.js';
import { jsonText } from '../render/sanitize.js';
import type { CommandContext } from './command.js';
import { checkChoice, emit, parseOptions } from './command.js';
import { failuresText, GRAPH_OPTIONS, type GraphValues, graphProgressPrinter, graphSettings, pullAsSources } from './graph-options.js';
import { UserError } from './errors.js';

const OPTIONS = {
  ...GRAPH_OPTIONS,
  signins: { type: 'string', multiple: true },
  devices: { type: 'string', multiple: true },
  audit: { type: 'string', multiple: true },
  statuses: { type: 'string', multiple: true },
  'planned-deletions': { type: 'string' },
  'stale-days': { type: 'string' },
  'as-of': { type: 'string' },
  days: { type: 'string' },
  table: { type: 'string' },
  kql: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  'date-order': { type: 'string' },
  columns: { type: 'string' },
  'restore-script': { type: 'string' },
} as const;

interface FleetValues extends GraphValues {
  signins?: string[];
  devices?: string[];
  audit?: string[];
  statuses?: string[];
  'planned-deletions'?: string;
  'stale-days'?: string;
  'as-of'?: string;
  days?: string;
  table?: string;
  kql?: boolean;
  'no-progress'?: boolean;
  'date-order'?: string;
  columns?: string;
  'restore-script'?: string;
  format?: string;
  out?: string;
  help?: boolean;
  lang?: string;
}

/**
 * `dsreg-doctor fleet`: the CLI shell over `analyzeFleet`. Reads the inputs as streams, shows a
 * progress bar on a terminal, prints what it could not use on stderr, and writes the report.
 * Exit 1 when devices are affected or a planned cleanup would break devices in use.
 */
export async function fleetCommand(ctx: CommandContext): Promise<number> {
  // parseArgs returns arrays for `multiple` options; the shared helper's types predate them
  const parsed = parseOptions(ctx.args, OPTIONS as unknown as Record<string, { type: 'string' | 'boolean' }>);
  const values = parsed.values as unknown as FleetValues;
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('fleet.help')}\n`);
    return 0;
  }
  const settings = await fleetSettings(values, ctx);
  const source = sourceOpener(ctx);
  const inputs = await namedInputs(parsed.positionals, values, source);
  const planned = values['planned-deletions'] !== undefined ? await source(values['planned-deletions']) : undefined;
  if (settings.staleDays !== undefined && settings.staleDays < ACTIVITY_GRANULARITY_DAYS) {
    ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('fleet.note.staleTooShort', { days: settings.staleDays })}\n`);
  }
  if (values.kql) return kqlQueries(ctx, values, settings, planned);

  const statuses = await statusSources(ctx.io.cwd, values.statuses ?? []);
  // --statuses alone: a path that does not exist leaves nothing to read, never an empty report
  if (inputs.length === 0 && !planned && !values.graph) await refuseMissingStatuses(ctx.io.cwd, values.statuses ?? []);
  const graph = values.graph ? await graphInputs(values, ctx, inputs) : undefined;
  if (inputs.length === 0 && !planned && statuses.length === 0) throw new UserError('fleet.error.noInput');

  const report = await analyzeWithProgress(ctx, values, settings, { inputs, statuses, planned });
  // what Graph returned is data, not a file to rely on: an empty pull means nothing happened
  const [graphFrom, graphCount] = graph ? [graph.from, graph.count] : [0, 0];
  const relied = report.inputs.filter((_, i) => i < graphFrom || i >= graphFrom + graphCount);
  writeNotes(ctx, report.inputs, relied);
  if (report.inputs.length > 0 && report.inputs.every((i) => i.error !== null || i.rows.read === 0)) {
    throw new UserError('fleet.error.nothingRead');
  }

  await emit(ctx, values.out, fleetReportText(report, settings, graph?.info, ctx));
  if (values['restore-script'] !== undefined) await writeRestoreScript(ctx, values['restore-script'], report, settings.asOf);
  if (settings.format !== 'table') {
    ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('fleet.note.rows', { read: report.rows.read, used: report.rows.used, skipped: report.rows.skipped })}\n`);
  }
  return exitCode(report, relied);
}

/** The output, the cleanup window and how to read the files, checked in the order the help lists them. */
interface FleetSettings {
  format: 'table' | 'csv' | 'json' | 'html';
  tableChoice: 'affected' | 'cleanup';
  staleDays: number | undefined;
  days: number;
  dateOrder: DateOrder | undefined;
  columns: Map<string, string> | undefined;
  asOf: Date | undefined;
}

async function fleetSettings(values: FleetValues, ctx: CommandContext): Promise<FleetSettings> {
  const format = checkChoice('--format', values.format, ['table', 'csv', 'json', 'html'], 'table') as 'table' | 'csv' | 'json' | 'html';
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const tableChoice = checkChoice('--table', values.table, ['affected', 'cleanup'], 'affected') as 'affected' | 'cleanup';
  const staleDays = values['stale-days'] !== undefined ? positiveInt('--stale-days', values['stale-days']) : undefined;
  const days = values.days !== undefined ? positiveInt('--days', values.days) : 30;
  const dateOrder = values['date-order'] !== undefined ? (checkChoice('--date-order', values['date-order'], [...DATE_ORDERS], 'dmy') as DateOrder) : undefined;
  const columns = values.columns !== undefined ? await columnMapping(ctx, values.columns) : undefined;
  const asOf = values['as-of'] !== undefined ? asOfDate(values['as-of']) : undefined;
  return { format, tableChoice, staleDays, days, dateOrder, columns, asOf };
}

/** --columns FILE: the header mapping for a file whose headers are not recognised. */
async function columnMapping(ctx: CommandContext, file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(resolvePath(ctx.io.cwd, file), 'utf8');
  } catch (e) {
    throw new UserError('fleet.error.badColumns', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const mapping = parseColumnMapping(text);
  if (typeof mapping === 'string') throw new UserError('fleet.error.badColumns', { file, reason: mapping });
  return mapping;
}

function asOfDate(value: string): Date {
  const ms = parseTime(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new UserError('fleet.error.badDate', { value });
  return new Date(ms);
}

type SourceOpener = (path: string) => Promise<FleetSource>;

/** Opens each input as a stream; `-` is stdin, once. */
function sourceOpener(ctx: CommandContext): SourceOpener {
  let stdinUsed = false;
  return async (path) => {
    if (path === '-') {
      if (stdinUsed) throw new UserError('fleet.error.twoStdin');
      stdinUsed = true;
      return streamSource('<stdin>', ctx.io.stdin);
    }
    return fileSource(resolvePath(ctx.io.cwd, path), path);
  };
}

/** The files given: positionals (the content says what they are), then --signins, --devices, --audit. */
async function namedInputs(positionals: string[], values: FleetValues, source: SourceOpener): Promise<FleetInput[]> {
  const inputs: FleetInput[] = [];
  for (const p of positionals) inputs.push({ source: await source(p), as: 'auto' });
  for (const p of values.signins ?? []) inputs.push({ source: await source(p), as: 'signins' });
  for (const p of values.devices ?? []) inputs.push({ source: await source(p), as: 'devices' });
  for (const p of values.audit ?? []) inputs.push({ source: await source(p), as: 'audit' });
  return inputs;
}

/** --kql: the Log Analytics queries that compute the same result, for the planned deletions if given. */
async function kqlQueries(ctx: CommandContext, values: FleetValues, settings: FleetSettings, planned: FleetSource | undefined): Promise<number> {
  // the KQL queries run in Log Analytics, not against Graph
  if (values.graph) throw new UserError('graph.error.kqlWithGraph');
  let plannedDeviceIds: string[] | undefined;
  let plannedObjectIds = 0;
  if (planned) {
    const { ids, report } = await readPlannedDeletions(planned);
    writeNotes(ctx, [report]);
    plannedDeviceIds = ids.filter((i) => i.as !== 'objectId').map((i) => i.id);
    plannedObjectIds = ids.length - plannedDeviceIds.length;
    if (plannedDeviceIds.length > MAX_INLINE_IDS) {
      ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('fleet.note.kqlTooMany', { count: plannedDeviceIds.length, shown: MAX_INLINE_IDS })}\n`);
    }
  }
  const { days, staleDays } = settings;
  const text = fleetKql(
    {
      days,
      ...(plannedDeviceIds ? { plannedDeviceIds } : {}),
      ...(plannedObjectIds ? { plannedObjectIds } : {}),
      ...(staleDays !== undefined ? { staleDays } : {}),
    },
    ctx.t,
  );
  await emit(ctx, values.out, text);
  return 0;
}

/** What the Graph pull adds to the JSON report. */
interface GraphInfo {
  cloud: string;
  since: string;
  pulled: { devices: number; signIns: number; directoryAudits: number; deletedDevices: number };
  partial: string | null;
}

/**
 * --graph: the pulled pages join the inputs as Graph JSON, read by the same readers as files;
 * `from` and `count` say which inputs they are.
 */
async function graphInputs(values: FleetValues, ctx: CommandContext, inputs: FleetInput[]): Promise<{ from: number; count: number; info: GraphInfo }> {
  const settings = await graphSettings(values, ctx);
  const { sources, pulled } = await pullAsSources(settings, graphProgressPrinter(ctx));
  const partial = failuresText(pulled, ctx.t);
  if (partial) ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(partial)}\n`);
  const nothing = pulled.devices.length + pulled.signIns.length + pulled.directoryAudits.length === 0;
  if (pulled.partial && nothing && inputs.length === 0) throw new UserError('graph.error.nothingRead', { reason: partial ?? '' });
  const from = inputs.length;
  for (const source of sources) inputs.push({ source, as: 'auto' });
  const info: GraphInfo = {
    cloud: settings.cloud,
    since: settings.since.toISOString(),
    pulled: {
      devices: pulled.devices.length,
      signIns: pulled.signIns.length,
      directoryAudits: pulled.directoryAudits.length,
      deletedDevices: pulled.deletedDevices.length,
    },
    partial,
  };
  return { from, count: sources.length, info };
}

/** analyzeFleet with a progress bar on a terminal (unless --no-progress) and parallel-reader warnings on stderr. */
async function analyzeWithProgress(
  ctx: CommandContext,
  values: FleetValues,
  settings: FleetSettings,
  given: { inputs: FleetInput[]; statuses: FleetSource[]; planned: FleetSource | undefined },
): Promise<FleetReport> {
  const { inputs, statuses, planned } = given;
  const { staleDays, asOf, dateOrder, columns } = settings;
  const bar = ctx.io.stderr.isTTY === true && !values['no-progress'] ? new ProgressBar(ctx) : undefined;
  const report = await analyzeFleet({
    inputs,
    ...(statuses.length > 0 ? { statuses, statusesName: (values.statuses ?? []).join(', ') } : {}),
    ...(planned ? { plannedDeletions: planned } : {}),
    ...(staleDays !== undefined ? { staleDays } : {}),
    ...(asOf ? { asOf } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    ...(columns ? { columns } : {}),
    ...(bar ? { onProgress: (p: FleetProgress) => bar.update(p) } : {}),
    onWarning: (w) => {
      bar?.clear();
      ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(ctx.t('fleet.note.parallelFailed', { detail: w.detail }))}\n`);
    },
  });
  bar?.clear();
  return report;
}

function fleetReportText(report: FleetReport, settings: FleetSettings, graph: GraphInfo | undefined, ctx: CommandContext): string {
  if (settings.format === 'json') return jsonText(graph ? { ...report, graph } : report);
  if (settings.format === 'csv') return fleetToCsv(report, settings.tableChoice);
  if (settings.format === 'html') return fleetToHtml(report, ctx.lang, ctx.t);
  return fleetToText(report, ctx.t);
}

/** --restore-script: the soft-deleted devices that can still be restored (dry run unless -Apply). */
async function writeRestoreScript(ctx: CommandContext, file: string, report: FleetReport, asOf: Date | undefined): Promise<void> {
  const { restorableDevices } = await import('../fleet/deleted-devices.js');
  const { cleanupScript } = await import('../script/cleanup.js');
  await emit(ctx, file, cleanupScript('restore', restorableDevices(report.affected), ctx.lang, { generatedAt: asOf ?? new Date() }));
}

/**
 * 2 when an input cannot be relied on (see unusableInputs): a scheduled run must not read a
 * file it could not use as "healthy". Else 1 when something needs doing: affected devices, or a
 * cleanup that would delete devices in use.
 */
export function exitCode(report: FleetReport, relied: InputReport[] = report.inputs): number {
  if (unusableInputs(relied).length > 0) return 2;
  return report.affected.length > 0 || report.cleanupImpact.some((e) => e.risk === 'high') ? 1 : 0;
}

/** Rows of these kinds are expected in a good export (other users' sign-ins, other audit events). */
const EXPECTED_SKIPS = new Set(['no-device-id', 'not-device-activity', 'other-device-activity', 'failed-operation', 'not-dsregcmd-status']);
/** More than this share of a file's rows unusable (for reasons other than EXPECTED_SKIPS) makes the input unusable. */
export const MAX_BAD_SHARE = 0.5;

/**
 * The inputs that cannot be relied on: not read at all, no row at all, or no usable row and
 * some bad ones, or more than half of the rows bad.
 */
export function unusableInputs(inputs: InputReport[]): InputReport[] {
  return inputs.filter((i) => {
    if (i.error !== null) return true;
    if (i.rows.read === 0) return true;
    let bad = 0;
    for (const [k, v] of Object.entries(i.rows.skippedByReason)) if (!EXPECTED_SKIPS.has(k)) bad += v;
    return (i.rows.used === 0 && bad > 0) || bad > i.rows.read * MAX_BAD_SHARE;
  });
}

function positiveInt(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UserError('fleet.error.badNumber', { option, value });
  return Number(value);
}

function resolvePath(cwd: string, path: string): string {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? path : join(cwd, path);
}

async function refuseMissingStatuses(cwd: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    try {
      await stat(resolvePath(cwd, p));
    } catch (e) {
      throw new UserError('fleet.error.statusesUnreadable', { file: p, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
}

/** `--statuses DIR`: every file under DIR (a file path is taken as one status). */
async function statusSources(cwd: string, paths: string[]): Promise<FleetSource[]> {
  const out: FleetSource[] = [];
  for (const p of paths) {
    const full = resolvePath(cwd, p);
    let isDir = false;
    try {
      isDir = (await stat(full)).isDirectory();
    } catch {
      // reported by the reader as an unreadable status
    }
    if (!isDir) {
      out.push(await fileSource(full, p));
      continue;
    }
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
      .sort();
    for (const f of files) out.push(await fileSource(f, join(p, relative(full, f))));
  }
  return out;
}

/** What could not be used, on stderr, with file and line: nothing is dropped silently. */
function writeNotes(ctx: CommandContext, inputs: InputReport[], relied: InputReport[] = inputs): void {
  const say = (key: MessageKey, params: Record<string, string | number>) => ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(ctx.t(key, params))}\n`);
  for (const i of inputs) {
    if (i.error) {
      const key = `fleet.note.file.${i.error}`;
      say(hasMessage(key) ? key : 'fleet.note.file.unrecognized', { file: i.name, detail: i.errorDetail ?? '' });
      continue;
    }
    if (i.givenAs && i.kind && i.givenAs !== i.kind && i.kind !== 'bitlocker-keys' && i.givenAs !== 'planned-deletions' && i.givenAs !== 'statuses') {
      say('fleet.note.givenAs', { file: i.name, option: i.givenAs, kind: ctx.t(`fleet.kind.${i.kind}`) });
    }
    if (i.kind === 'statuses') {
      for (const p of i.problems) say('fleet.note.statusSkipped', { file: p.file ?? i.name, reason: messageFor(ctx.t, `fleet.reason.${p.reason}`) });
      continue;
    }
    // rows that are not device events at all are expected: report the real problems
    const problems = Object.entries(i.rows.skippedByReason).filter(
      ([k]) => k !== 'no-device-id' && k !== 'not-device-activity' && k !== 'other-device-activity',
    );
    if (problems.length > 0) {
      const count = problems.reduce((n, [, v]) => n + v, 0);
      const reasons = problems.map(([k, v]) => `${messageFor(ctx.t, `fleet.reason.${k}`)}: ${v}`).join(', ');
      const first = i.problems.find((p) => p.line > 0);
      say(first ? 'fleet.note.skipped' : 'fleet.note.skippedNoLine', { file: i.name, count, read: i.rows.read, reasons, line: first?.line ?? 0 });
    }
    if (i.unknownColumns.length > 0) say('fleet.note.unknownColumns', { file: i.name, count: i.unknownColumns.length, columns: i.unknownColumns.join(', ') });
  }
  // every input that cannot be relied on, once, with its counts (the exit code is 2)
  for (const i of unusableInputs(relied)) if (i.error === null) say('fleet.note.unusable', { file: i.name, used: i.rows.used, read: i.rows.read });
}

/** rows, rate and ETA on one stderr line, redrawn at most every 100 ms. */
class ProgressBar {
  private readonly start = Date.now();
  private shown = false;
  constructor(private readonly ctx: CommandContext) {}

  update(p: FleetProgress): void {
    if (p.done) return;
    const elapsed = Math.max(0.001, (Date.now() - this.start) / 1000);
    const rate = Math.round(p.rows / elapsed);
    const parts: string[] = [];
    if (p.totalBytes > 0) {
      const frac = Math.min(1, p.bytes / p.totalBytes);
      const filled = Math.round(frac * 20);
      parts.push(`[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${Math.floor(frac * 100)}%`);
    }
    parts.push(this.ctx.t('fleet.progress.rows', { rows: p.rows.toLocaleString('en-US') }));
    parts.push(this.ctx.t('fleet.progress.rate', { rate: rate.toLocaleString('en-US') }));
    if (p.totalBytes > 0 && p.bytes > 0 && p.bytes < p.totalBytes) {
      const eta = Math.round((elapsed / p.bytes) * (p.totalBytes - p.bytes));
      parts.push(this.ctx.t('fleet.progress.eta', { eta: `${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}` }));
    }
    this.ctx.io.stderr.write(`\r\x1b[K${parts.join('  ')}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.ctx.io.stderr.write('\r\x1b[K');
  }
}
