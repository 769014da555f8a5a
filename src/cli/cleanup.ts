import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSideList, type SideList, type SideListKind, sideListKindOf } from '../cleanup/lists.js';
import { stageFiles } from '../script/stage-files.js';
import { cleanupToCsv, cleanupToHtml, cleanupToJson, cleanupToText } from '../cleanup/render.js';
import { DEFAULT_GRACE_DAYS, planCleanup, type StagedCleanup, staleDaysTooShort } from '../cleanup/staged.js';
import { analyzeFleet, type FleetAggregator, type FleetInput, fileSource } from '../fleet/fleet.js';
import { parseTime } from '../fleet/values.js';
import type { Lang } from '../i18n/lang.js';
import { safeTerminalText } from '../render/diagnosis-text.js';
import type { CommandContext } from './command.js';
import { checkChoice, emit, parseOptions } from './command.js';
import { UserError } from './errors.js';
import { writeFileAtomic } from './io.js';
import { failuresText, GRAPH_OPTIONS, type GraphValues, graphProgressPrinter, graphSettings, pullAsSources } from './graph-options.js';

const OPTIONS = {
  ...GRAPH_OPTIONS,
  signins: { type: 'string', multiple: true },
  devices: { type: 'string', multiple: true },
  audit: { type: 'string', multiple: true },
  autopilot: { type: 'string', multiple: true },
  intune: { type: 'string', multiple: true },
  bitlocker: { type: 'string', multiple: true },
  stage1: { type: 'string', multiple: true },
  'stale-days': { type: 'string' },
  stage: { type: 'string' },
  'since-stage1': { type: 'string' },
  'grace-days': { type: 'string' },
  'as-of': { type: 'string' },
  scripts: { type: 'string' },
} as const;

interface CleanupValues extends GraphValues {
  signins?: string[];
  devices?: string[];
  audit?: string[];
  autopilot?: string[];
  intune?: string[];
  bitlocker?: string[];
  stage1?: string[];
  'stale-days'?: string;
  stage?: string;
  'since-stage1'?: string;
  'grace-days'?: string;
  'as-of'?: string;
  scripts?: string;
  format?: string;
  out?: string;
  help?: boolean;
  lang?: string;
}

/**
 * `dsreg-doctor cleanup`: the staged stale-device cleanup. Reads the inputs like `fleet`, plus
 * the side lists (Autopilot, Intune, BitLocker backup, stage-1 list), plans the stage, writes the
 * report and (with --scripts) the PowerShell scripts and lists. Never changes anything itself.
 */
export async function cleanupCommand(ctx: CommandContext): Promise<number> {
  const parsed = parseOptions(ctx.args, OPTIONS as unknown as Record<string, { type: 'string' | 'boolean' }>);
  const values = parsed.values as unknown as CleanupValues;
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('cleanup.help')}\n`);
    return 0;
  }
  const settings = cleanupSettings(values, ctx);
  const path = inputPath(ctx);
  const given = await readCleanupInputs(parsed.positionals, values, ctx, path);
  if (values.graph) given.inputs.push(...(await graphInputs(values, ctx)));
  const agg = await aggregateFleet(given.inputs, settings.asOf, ctx);
  const plan = planCleanup(planInput(agg, settings, given));
  if (values.scripts !== undefined) {
    const files = await writeStageFiles(path(values.scripts), plan, ctx.lang, new Date(settings.asOf));
    ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(ctx.t('cleanup.note.scripts', { dir: values.scripts, files: files.join(', ') }))}\n`);
  }
  await emit(ctx, values.out, cleanupReport(plan, settings.format, ctx));
  return plan.reEnable.length > 0 ? 1 : 0;
}

/** The stage, its dates and the report format, checked in the order the help lists them. */
interface CleanupSettings {
  format: string;
  stage: 1 | 2 | 3;
  staleDays: number;
  graceDays: number;
  asOf: number;
  since: number | undefined;
}

function cleanupSettings(values: CleanupValues, ctx: CommandContext): CleanupSettings {
  const format = checkChoice('--format', values.format, ['table', 'csv', 'json', 'html'], 'table');
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const stage = Number(checkChoice('--stage', values.stage, ['1', '2', '3'], '1')) as 1 | 2 | 3;
  if (values['stale-days'] === undefined) throw new UserError('cleanup.error.staleDaysRequired');
  const staleDays = positiveInt('--stale-days', values['stale-days']);
  if (staleDaysTooShort(staleDays)) throw new UserError('cleanup.error.staleTooShort', { days: staleDays });
  const graceDays = values['grace-days'] !== undefined ? positiveInt('--grace-days', values['grace-days']) : DEFAULT_GRACE_DAYS;
  const asOf = values['as-of'] !== undefined ? dateOption(values['as-of']) : Date.now();
  let since: number | undefined;
  if (stage !== 1) {
    if (values['since-stage1'] === undefined) throw new UserError('cleanup.error.sinceRequired', { stage });
    since = dateOption(values['since-stage1']);
  }
  return { format, stage, staleDays, graceDays, asOf, since };
}

type InputPath = (p: string) => string;

/** A path as given, made absolute against the working directory. */
function inputPath(ctx: CommandContext): InputPath {
  return (p) => (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? p : join(ctx.io.cwd, p));
}

/** What the fleet readers read, the side lists, and the stage-1 lists (kept apart from the side lists). */
interface CleanupInputs {
  inputs: FleetInput[];
  sides: SideList[];
  stage1Lists: SideList[];
}

async function readCleanupInputs(positionals: string[], values: CleanupValues, ctx: CommandContext, path: InputPath): Promise<CleanupInputs> {
  const given: CleanupInputs = { inputs: [], sides: [], stage1Lists: [] };
  const { inputs, sides } = given;
  const side = async (p: string, expected: SideListKind | null) => sides.push(await readSide(p, expected, ctx, path));
  for (const p of positionals) {
    // an Autopilot / Intune export or a key list with key values is a side list; the rest goes to the fleet readers
    const kind = await sniffSideList(path(p));
    if (kind !== null) await side(p, kind);
    if (kind === null || kind === 'bitlocker-backup') inputs.push({ source: await fileSource(path(p), p), as: 'auto' });
  }
  for (const p of values.signins ?? []) inputs.push({ source: await fileSource(path(p), p), as: 'signins' });
  for (const p of values.devices ?? []) inputs.push({ source: await fileSource(path(p), p), as: 'devices' });
  for (const p of values.audit ?? []) inputs.push({ source: await fileSource(path(p), p), as: 'audit' });
  for (const p of values.autopilot ?? []) await side(p, 'autopilot');
  for (const p of values.intune ?? []) await side(p, 'intune');
  for (const p of values.bitlocker ?? []) {
    inputs.push({ source: await fileSource(path(p), p), as: 'auto' });
    if (sideListKindOf(await readFile(path(p), 'utf8')) === 'bitlocker-backup') await side(p, 'bitlocker-backup');
  }
  for (const p of values.stage1 ?? []) given.stage1Lists.push(await readSide(p, 'id-list', ctx, path));
  return given;
}

/** The side-list kind a file's first 256 KiB show, or null (not a side list, or unreadable: the fleet reader says why). */
async function sniffSideList(file: string): Promise<SideListKind | null> {
  try {
    return sideListKindOf((await readFile(file)).subarray(0, 256 * 1024).toString('utf8'));
  } catch {
    return null;
  }
}

/** One side list, of the kind expected (null: any kind), with a note on stderr of what was read and skipped. */
async function readSide(p: string, expected: SideListKind | null, ctx: CommandContext, path: InputPath): Promise<SideList> {
  let text: string;
  try {
    text = (await readFile(path(p), 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UserError('cleanup.error.sideList', { file: p, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const list = readSideList(p, text, expected ?? undefined);
  if (list.error || (expected !== null && expected !== 'id-list' && list.kind !== expected && !(expected === 'bitlocker-backup' && list.kind === null))) {
    throw new UserError('cleanup.error.sideList', { file: p, detail: list.error ?? list.kind ?? '' });
  }
  ctx.io.stderr.write(
    `dsreg-doctor: ${safeTerminalText(ctx.t('cleanup.note.sideList', { file: p, kind: list.kind ?? '', count: list.ids.length, skipped: list.skipped.length, line: list.skipped[0] ?? 0 }))}\n`,
  );
  return list;
}

/** --graph: the inventory and sign-ins pulled from Microsoft Graph, with a note if part of the pull failed. */
async function graphInputs(values: CleanupValues, ctx: CommandContext): Promise<FleetInput[]> {
  const settings = await graphSettings(values, ctx);
  const { sources, pulled } = await pullAsSources(settings, graphProgressPrinter(ctx));
  const partial = failuresText(pulled, ctx.t);
  if (partial) ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(partial)}\n`);
  return sources.map((source) => ({ source, as: 'auto' }));
}

/** The fleet aggregate the plan is made from; a note per unreadable file; no inventory is refused. */
async function aggregateFleet(inputs: FleetInput[], asOf: number, ctx: CommandContext): Promise<FleetAggregator> {
  let agg: FleetAggregator | undefined;
  const report = await analyzeFleet({ inputs, asOf: new Date(asOf), onAggregate: (a) => (agg = a) });
  for (const i of report.inputs) {
    if (i.error)
      ctx.io.stderr.write(
        `dsreg-doctor: ${safeTerminalText(ctx.t(`fleet.note.file.${i.error}` as Parameters<typeof ctx.t>[0], { file: i.name, detail: i.errorDetail ?? '' }))}\n`,
      );
  }
  if (!agg?.inventoryGiven || agg.inventory.size === 0) throw new UserError('cleanup.error.noInventory');
  return agg;
}

function planInput(agg: FleetAggregator, settings: CleanupSettings, { sides, stage1Lists }: CleanupInputs): Parameters<typeof planCleanup>[0] {
  const ids = (kind: SideListKind) => {
    const lists = sides.filter((s) => s.kind === kind);
    return lists.length === 0 ? undefined : new Set(lists.flatMap((s) => s.ids));
  };
  const autopilot = ids('autopilot');
  const mdm = ids('intune');
  const backedUp = ids('bitlocker-backup');
  const { asOf, stage, staleDays, graceDays, since } = settings;
  return {
    agg,
    asOf,
    stage,
    staleDays,
    graceDays,
    ...(since !== undefined ? { sinceStage1: since } : {}),
    ...(stage1Lists.length > 0 ? { stage1Ids: stage1Lists.flatMap((s) => s.ids) } : {}),
    ...(autopilot ? { autopilot, autopilotGiven: true } : {}),
    ...(mdm ? { mdm } : {}),
    ...(backedUp ? { bitlockerBackedUp: backedUp } : {}),
  };
}

function cleanupReport(plan: StagedCleanup, format: string, ctx: CommandContext): string {
  if (format === 'json') return cleanupToJson(plan);
  if (format === 'csv') return cleanupToCsv(plan);
  if (format === 'html') return cleanupToHtml(plan, ctx.lang, ctx.t);
  return cleanupToText(plan, ctx.t);
}

/** The scripts and lists of one stage: stage 1 disable + rollback; stage 2/3 re-enable; stage 3 delete. */
export async function writeStageFiles(dir: string, plan: StagedCleanup, lang: Lang, generatedAt: Date): Promise<string[]> {
  const files = stageFiles(plan, lang, generatedAt);
  try {
    await mkdir(dir, { recursive: true });
    // each file whole or not at all: a full disk never leaves a half-written script to run
    for (const [name, text] of files) await writeFileAtomic(join(dir, name), text);
  } catch (e) {
    throw new UserError('cli.error.outWrite', { file: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  return files.map(([name]) => name);
}

function positiveInt(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UserError('fleet.error.badNumber', { option, value });
  return Number(value);
}

function dateOption(value: string): number {
  const ms = parseTime(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new UserError('fleet.error.badDate', { value });
  return ms;
}
