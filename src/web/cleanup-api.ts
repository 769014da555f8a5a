import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { readSideList, type SideList, sideListKindOf } from '../cleanup/lists.js';
import { cleanupToCsv, cleanupToHtml, cleanupToJson } from '../cleanup/render.js';
import { stageFiles } from '../script/stage-files.js';
import { DEFAULT_GRACE_DAYS, planCleanup, type StagedCleanup, staleDaysTooShort } from '../cleanup/staged.js';
import { analyzeFleet, type FleetAggregator, type FleetSource, type InputReport } from '../fleet/fleet.js';
import { parseTime } from '../fleet/values.js';
import { messageFor, translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { ApiError, requestLang } from './api.js';
import { uploadName } from './fleet-api.js';
import { boundaryOf, type FormPart, MultipartError, partText, readMultipart } from './multipart.js';

/**
 * The Cleanup tab of the Fleet view: the same uploads as the Fleet view (device inventory
 * required; sign-ins, audit, Autopilot, Intune, BitLocker key list optional, told apart by their
 * content as `cleanup FILE…` does), plus the stage-1 list → the staged cleanup plan (the
 * `cleanup --format json` contract), then its report and scripts as downloads. The plan is kept
 * in memory for the downloads (the last few), never on disk; the server never runs a script.
 */

const MAX_FILES = 50;
const MAX_STALE_DAYS = 3650;
const MAX_GRACE_DAYS = 3650;
export const MAX_CLEANUP_PLANS = 3;

export interface CleanupFileNote {
  name: string;
  /** A fleet input's kind (`devices`, `signins`…), or a side list's (`autopilot`, `intune`, `bitlocker-backup`, `id-list`). */
  kind: string | null;
  /** Device ids a side list named. */
  ids?: number;
  skipped?: number;
  error?: string | null;
}

interface HeldPlan {
  id: string;
  plan: StagedCleanup;
  generatedAt: Date;
}

interface CleanupForm {
  files: { name: string; part: FormPart }[];
  stage1: { name: string; part: FormPart }[];
  staleDays: number;
  stage: 1 | 2 | 3;
  graceDays: number;
  sinceStage1: number | undefined;
  asOf: number | undefined;
}

const partSource = (name: string, part: FormPart): FleetSource => ({
  name,
  size: part.size,
  async *open() {
    for (const c of part.chunks) yield c;
  },
});

function wholeNumber(field: string, raw: string, max: number): number {
  const s = raw.trim();
  if (!/^\d{1,4}$/.test(s) || Number(s) < 1 || Number(s) > max)
    throw new ApiError(400, 'web.api.cleanupBadNumber', { field, value: s.slice(0, 40), max }, 'bad-number');
  return Number(s);
}

function dateField(field: string, raw: string): number | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const ms = s.length <= 40 ? parseTime(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s) : Number.NaN;
  if (Number.isNaN(ms)) throw new ApiError(400, 'web.api.cleanupBadDate', { field, value: s.slice(0, 40) }, 'bad-date');
  return ms;
}

async function readParts(c: Context, maxBytes: number): Promise<FormPart[]> {
  const t = translator(requestLang(c, false));
  const boundary = boundaryOf(c.req.header('content-type'));
  if (boundary === null) throw new ApiError(400, 'web.api.fleetBadForm', { reason: t('web.api.formReason.not-multipart') }, 'bad-form');
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw new ApiError(413, 'web.api.fleetTooLarge', { limit: Math.round(maxBytes / 1048576) }, 'too-large');
  try {
    return await readMultipart(c.req.raw.body, boundary, { maxBytes, maxParts: MAX_FILES + 16 });
  } catch (e) {
    if (!(e instanceof MultipartError)) throw e;
    if (e.reason === 'too-large') throw new ApiError(413, 'web.api.fleetTooLarge', { limit: Math.round(maxBytes / 1048576) }, 'too-large');
    if (e.reason === 'too-many-parts') throw new ApiError(400, 'web.api.fleetTooManyFiles', { limit: MAX_FILES }, 'too-many-files');
    throw new ApiError(400, 'web.api.fleetBadForm', { reason: messageFor(t, `web.api.formReason.${e.reason}`) }, 'bad-form');
  }
}

/** The form: `file` parts, `stage1` parts, `staleDays` (required, ≥ 21), `stage`, `graceDays`, `sinceStage1`, `asOf`. */
async function readCleanupForm(c: Context, maxBytes: number): Promise<CleanupForm> {
  const t = translator(requestLang(c, false));
  const parts = await readParts(c, maxBytes);
  const files: CleanupForm['files'] = [];
  const stage1: CleanupForm['stage1'] = [];
  const fields = new Map<string, string>();
  for (const part of parts) {
    const name = () => uploadName(part.filename === 'blob' ? null : part.filename, t('web.fleet.unnamedFile', { n: files.length + stage1.length + 1 }));
    if (part.name === 'file') files.push({ name: name(), part });
    else if (part.name === 'stage1') {
      if (part.size > 0 || part.filename) stage1.push({ name: name(), part });
    } else if (['staleDays', 'stage', 'graceDays', 'sinceStage1', 'asOf'].includes(part.name)) fields.set(part.name, partText(part));
    else throw new ApiError(400, 'web.api.cleanupUnknownPart', { name: part.name.slice(0, 60) }, 'unknown-part');
  }
  if (files.length + stage1.length > MAX_FILES) throw new ApiError(400, 'web.api.fleetTooManyFiles', { limit: MAX_FILES }, 'too-many-files');
  if (files.length === 0) throw new ApiError(400, 'web.api.cleanupNoInventory', {}, 'no-inventory');
  const rawDays = (fields.get('staleDays') ?? '').trim();
  if (rawDays === '') throw new ApiError(400, 'web.api.cleanupStaleRequired', {}, 'stale-days-required');
  const staleDays = wholeNumber('staleDays', rawDays, MAX_STALE_DAYS);
  if (staleDaysTooShort(staleDays)) throw new ApiError(400, 'web.api.cleanupStaleTooShort', { days: staleDays }, 'stale-days-too-short');
  const rawStage = (fields.get('stage') ?? '1').trim() || '1';
  if (rawStage !== '1' && rawStage !== '2' && rawStage !== '3')
    throw new ApiError(400, 'web.api.badQuery', { name: 'stage', value: rawStage.slice(0, 40), expected: '1, 2, 3' }, 'bad-stage');
  const stage = Number(rawStage) as 1 | 2 | 3;
  const rawGrace = (fields.get('graceDays') ?? '').trim();
  const graceDays = rawGrace === '' ? DEFAULT_GRACE_DAYS : wholeNumber('graceDays', rawGrace, MAX_GRACE_DAYS);
  const sinceStage1 = stage === 1 ? undefined : dateField('sinceStage1', fields.get('sinceStage1') ?? '');
  if (stage !== 1 && sinceStage1 === undefined) throw new ApiError(400, 'web.api.cleanupSinceRequired', { stage }, 'since-stage1-required');
  const asOf = dateField('asOf', fields.get('asOf') ?? '');
  return { files, stage1, staleDays, stage, graceDays, sinceStage1, asOf };
}

/** Side lists are told apart by their content, as `cleanup FILE…` does: Autopilot / Intune exports, key lists with key values. */
function sortFiles(form: CleanupForm): { inputs: FleetSource[]; sides: SideList[]; stage1: SideList[] } {
  const inputs: FleetSource[] = [];
  const sides: SideList[] = [];
  for (const { name, part } of form.files) {
    const head = Buffer.concat(part.chunks)
      .subarray(0, 256 * 1024)
      .toString('utf8');
    const kind = sideListKindOf(head);
    if (kind !== null) {
      const list = readSideList(name, partText(part).replace(/^\uFEFF/, ''), kind);
      if (list.error) throw new ApiError(400, 'web.api.cleanupSideList', { file: name, detail: list.error }, 'bad-side-list');
      sides.push(list);
    }
    if (kind === null || kind === 'bitlocker-backup') inputs.push(partSource(name, part));
  }
  const stage1 = form.stage1.map(({ name, part }) => {
    const list = readSideList(name, partText(part).replace(/^\uFEFF/, ''), 'id-list');
    if (list.error) throw new ApiError(400, 'web.api.cleanupSideList', { file: name, detail: list.error }, 'bad-side-list');
    return list;
  });
  return { inputs, sides, stage1 };
}

function fileNotes(inputs: InputReport[], sides: SideList[], stage1: SideList[]): CleanupFileNote[] {
  const side = (s: SideList): CleanupFileNote => ({ name: s.name, kind: s.kind, ids: s.ids.length, skipped: s.skipped.length });
  return [
    ...inputs.map((i) => ({ name: i.name, kind: i.kind, error: i.error ?? null })),
    ...sides.filter((s) => s.kind !== 'bitlocker-backup').map(side),
    ...sides.filter((s) => s.kind === 'bitlocker-backup').map(side),
    ...stage1.map(side),
  ];
}

const DOWNLOAD_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  ps1: 'text/plain; charset=utf-8',
};

/** Every file the tab offers for a plan: the report in three formats, then the stage's scripts and lists. */
export function cleanupDownloads(plan: StagedCleanup, lang: Lang, generatedAt: Date): [string, string][] {
  const base = `dsreg-doctor-cleanup-stage${plan.stage}`;
  return [
    [`${base}.csv`, cleanupToCsv(plan)],
    [`${base}.json`, cleanupToJson(plan)],
    [`${base}.html`, cleanupToHtml(plan, lang, translator(lang))],
    ...stageFiles(plan, lang, generatedAt),
  ];
}

export interface CleanupApiOptions {
  maxBytes: number;
  max?: number;
}

/** The routes: `POST /api/cleanup?lang=` (multipart) → the plan; `GET /api/cleanup/:id/:file?lang=` → one download. */
export function cleanupRoutes(options: CleanupApiOptions) {
  const held = new Map<string, HeldPlan>();
  const max = options.max ?? MAX_CLEANUP_PLANS;

  const plan = async (c: Context): Promise<Response> => {
    const lang = requestLang(c, true);
    const form = await readCleanupForm(c, options.maxBytes);
    const start = performance.now();
    const { inputs, sides, stage1 } = sortFiles(form);
    const asOf = form.asOf ?? Date.now();
    let agg: FleetAggregator | undefined;
    const report = await analyzeFleet({ inputs: inputs.map((source) => ({ source, as: 'auto' })), asOf: new Date(asOf), onAggregate: (a) => (agg = a) });
    if (!agg?.inventoryGiven || agg.inventory.size === 0) throw new ApiError(400, 'web.api.cleanupNoInventory', {}, 'no-inventory');
    const ids = (kind: SideList['kind']) => {
      const lists = sides.filter((s) => s.kind === kind);
      return lists.length === 0 ? undefined : new Set(lists.flatMap((s) => s.ids));
    };
    const autopilot = ids('autopilot');
    const mdm = ids('intune');
    const backedUp = ids('bitlocker-backup');
    let staged: StagedCleanup;
    try {
      staged = planCleanup({
        agg,
        asOf,
        stage: form.stage,
        staleDays: form.staleDays,
        graceDays: form.graceDays,
        ...(form.sinceStage1 !== undefined ? { sinceStage1: form.sinceStage1 } : {}),
        ...(stage1.length > 0 ? { stage1Ids: stage1.flatMap((s) => s.ids) } : {}),
        ...(autopilot ? { autopilot, autopilotGiven: true } : {}),
        ...(mdm ? { mdm } : {}),
        ...(backedUp ? { bitlockerBackedUp: backedUp } : {}),
      });
    } catch (e) {
      if (e instanceof RangeError) throw new ApiError(400, 'web.api.cleanupStaleTooShort', { days: form.staleDays }, 'stale-days-too-short');
      throw e;
    }
    const id = randomUUID();
    held.set(id, { id, plan: staged, generatedAt: new Date() });
    while (held.size > max) {
      const oldest = held.keys().next().value;
      if (oldest === undefined) break;
      held.delete(oldest);
    }
    const files = cleanupDownloads(staged, lang, new Date()).map(([name]) => name);
    c.header('Server-Timing', `cleanup;dur=${(performance.now() - start).toFixed(2)}`);
    return c.json({ ...staged, dataset: { id, files: fileNotes(report.inputs, sides, stage1), downloads: files } });
  };

  const download = (c: Context): Response => {
    const lang = requestLang(c, true);
    const h = held.get(c.req.param('id') ?? '');
    if (!h) throw new ApiError(404, 'web.api.cleanupGone', { count: max }, 'cleanup-gone');
    const name = c.req.param('file') ?? '';
    const file = cleanupDownloads(h.plan, lang, h.generatedAt).find(([n]) => n === name);
    if (!file) throw new ApiError(404, 'web.api.notFound', { path: c.req.path }, 'not-found');
    const type = DOWNLOAD_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return c.body(file[1], 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` });
  };

  return { plan, download };
}
