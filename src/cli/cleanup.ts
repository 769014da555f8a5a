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

  const path = (p: string) => (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? p : join(ctx.io.cwd, p));
  const inputs: FleetInput[] = [];
  const sides: SideList[] = [];
  const side = async (p: string, expected: SideListKind | null) => {
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
    sides.push(list);
    ctx.io.stderr.write(
      `dsreg-doctor: ${safeTerminalText(ctx.t('cleanup.note.sideList', { file: p, kind: list.kind ?? '', count: list.ids.length, skipped: list.skipped.length, line: list.skipped[0] ?? 0 }))}\n`,
    );
  };
  for (const p of parsed.positionals) {
    // an Autopilot / Intune export or a key list with key values is a side list; the rest goes to the fleet readers
    let kind: SideListKind | null = null;
    try {
      kind = sideListKindOf((await readFile(path(p))).subarray(0, 256 * 1024).toString('utf8'));
    } catch {
      kind = null;
    }
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
  const stage1Lists: SideList[] = [];
  for (const p of values.stage1 ?? []) {
    await side(p, 'id-list');
    const last = sides.pop();
    if (last) stage1Lists.push(last);
  }

  if (values.graph) {
    const settings = await graphSettings(values, ctx);
    const { sources, pulled } = await pullAsSources(settings, graphProgressPrinter(ctx));
    const partial = failuresText(pulled, ctx.t);
    if (partial) ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(partial)}\n`);
    for (const source of sources) inputs.push({ source, as: 'auto' });
  }

  let agg: FleetAggregator | undefined;
  const report = await analyzeFleet({ inputs, asOf: new Date(asOf), onAggregate: (a) => (agg = a) });
  for (const i of report.inputs) {
    if (i.error)
      ctx.io.stderr.write(
        `dsreg-doctor: ${safeTerminalText(ctx.t(`fleet.note.file.${i.error}` as Parameters<typeof ctx.t>[0], { file: i.name, detail: i.errorDetail ?? '' }))}\n`,
      );
  }
  if (!agg?.inventoryGiven || agg.inventory.size === 0) throw new UserError('cleanup.error.noInventory');

  const ids = (kind: SideListKind) => {
    const lists = sides.filter((s) => s.kind === kind);
    return lists.length === 0 ? undefined : new Set(lists.flatMap((s) => s.ids));
  };
  const autopilot = ids('autopilot');
  const mdm = ids('intune');
  const backedUp = ids('bitlocker-backup');
  const plan = planCleanup({
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
  });

  if (values.scripts !== undefined) {
    const files = await writeStageFiles(path(values.scripts), plan, ctx.lang, new Date(asOf));
    ctx.io.stderr.write(`dsreg-doctor: ${safeTerminalText(ctx.t('cleanup.note.scripts', { dir: values.scripts, files: files.join(', ') }))}\n`);
  }
  const text =
    format === 'json'
      ? cleanupToJson(plan)
      : format === 'csv'
        ? cleanupToCsv(plan)
        : format === 'html'
          ? cleanupToHtml(plan, ctx.lang, ctx.t)
          : cleanupToText(plan, ctx.t);
  await emit(ctx, values.out, text);
  return plan.reEnable.length > 0 ? 1 : 0;
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
