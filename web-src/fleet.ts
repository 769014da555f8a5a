// dsreg-doctor Fleet view. TypeScript, no framework; built to web/fleet.js. The exports go to the local
// server (POST /api/fleet), which runs the same fleet analysis as the CLI; this page filters,
// sorts, draws and drills down. Every value from the exports reaches the page as text.
import { type BarItem, barChart, type Column, columnChart } from './charts.js';
import type { LocalizedStep } from '../src/contract/diagnosis.js';
import type { AffectedDevice, CleanupEntry, CleanupRisk, FleetReport } from '../src/contract/fleet.js';
import type { DeviceEvents } from '../src/web/fleet-device.js';
import { type CleanupTab, initCleanupTab, wireTabs } from './cleanup.js';
import {
  $,
  apiError,
  applyTheme,
  browserLang,
  type Child,
  clear,
  download,
  errorText,
  fetchOk,
  format,
  h,
  keepPageOnStrayDrop,
  type Params,
  stored,
  targetOf,
  wireDropZone,
} from './dom.js';

const DEVICE_CODES = ['AADSTS700003', 'AADSTS135011', 'AADSTS50155', 'AADSTS50097', 'AADSTS50187', 'AADSTS53000', 'AADSTS53001', 'AADSTS130008'];
const CODE_COLOR: Record<string, number> = Object.fromEntries(DEVICE_CODES.map((c, i) => [c, i]));
const JOIN_COLOR: Record<string, number> = {
  'entra-joined': 5,
  'hybrid-joined': 6,
  'entra-registered': 4,
  'domain-joined': 7,
  'drs-joined': 8,
  'not-joined': 9,
  unknown: 9,
};
const CAUSE_COLOR: Record<string, number> = {
  deleted: 0,
  disabled: 1,
  'device-auth-failed': 2,
  'device-not-identified': 7,
  'not-compliant': 5,
  'not-hybrid-joined': 6,
};
const RISKS: CleanupRisk[] = ['high', 'medium', 'low'];
const STATES = ['missing', 'disabled', 'present', 'unknown'];
const NO_ACTOR = '\u0000none';
const PAGE_SIZE = 50;
const CLEANUP_PAGE_SIZE = 25;

/** Where the report came from: the `dataset` the API adds to the `fleet --format json` document. */
interface FleetDataset {
  id: string;
  origin: 'upload' | 'graph';
  files: { name: string; size: number }[];
  bytes: number;
  staleDays: number | null;
  asOf: string | null;
  planned: { name: string; size: number } | null;
  drillDown: boolean;
  warnings: string[];
}
export type PageReport = FleetReport & { dataset: FleetDataset };
type DayColumn = Column & { count: number };
type Filters = { q: string; join: string; code: string; state: string; cause: string; actor: string };

interface FleetState {
  lang: 'ja' | 'en';
  messages: Record<string, string>;
  version: string;
  config: { graph: boolean; maxBytes: number; maxFiles: number };
  files: File[];
  report: PageReport | null;
  /** Per device: the lower-cased text the search box looks in. */
  haystack: Map<string, string>;
  filters: Filters;
  sort: { key: string; dir: number };
  page: number;
  shown: AffectedDevice[];
  planned: File | null;
  cleanupFilters: { q: string; risk: string };
  cleanupPage: number;
  cleanupShown: CleanupEntry[];
  openDevice: string | null;
  opener: HTMLElement | null;
  /** The Cleanup tab (cleanup.ts). */
  staged: CleanupTab | null;
  seq: number;
  deviceSeq: number;
}

const state: FleetState = {
  lang: 'en',
  messages: {},
  version: '',
  config: { graph: false, maxBytes: 64 * 1024 * 1024, maxFiles: 50 },
  files: [],
  report: null,
  haystack: new Map(),
  filters: { q: '', join: '', code: '', state: '', cause: '', actor: '' },
  sort: { key: '', dir: 1 },
  page: 0,
  shown: [],
  planned: null,
  cleanupFilters: { q: '', risk: '' },
  cleanupPage: 0,
  cleanupShown: [],
  openDevice: null,
  opener: null,
  staged: null,
  seq: 0,
  deviceSeq: 0,
};

const t = (key: string, params?: Params): string => format(state.messages[key] ?? key, params);
const num = (n: number) => Number(n).toLocaleString(state.lang === 'ja' ? 'ja-JP' : 'en-US');
/** Times as the fleet report prints them: UTC, to the minute. */
const time = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, '') : '—');
/** The single-device label of "unknown" explains the dsregcmd output; here it is just not known. */
const joinLabel = (j: string): string => (j === 'unknown' ? t('web.fleet.joinUnknown') : t(`joinType.${j}`));
const stepTitle = (id: string | null): string => (id ? (state.messages[`step.${id}.title`] ?? id) : t('fleet.noStep'));

// ---- messages, language, theme ---------------------------------------------------------------

async function loadMessages(lang: string) {
  const res = await fetch(`/api/messages?lang=${encodeURIComponent(lang)}&page=fleet`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = await res.json();
  state.lang = body.lang;
  state.messages = body.messages;
  state.version = body.version;
  if (body.fleet) state.config = body.fleet;
}

function applyStaticTexts() {
  document.documentElement.lang = state.lang;
  document.title = t('web.fleet.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))
    (el as HTMLInputElement).placeholder = t(el.dataset.i18nPlaceholder ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel ?? ''));
  $<HTMLSelectElement>('lang').value = state.lang;
  $('version').textContent = `dsreg-doctor ${state.version}`;
  $('fleet-limit').textContent = t('web.fleet.load.limit', { files: state.config.maxFiles, limit: Math.round(state.config.maxBytes / 1048576) });
  $<HTMLButtonElement>('fleet-graph').hidden = !state.config.graph;
  $('fleet-graph-hint').hidden = !state.config.graph;
  renderFiles();
  renderPlannedName();
}

function remember(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled: not remembered
  }
}

async function switchLang(lang: string) {
  try {
    await loadMessages(lang);
  } catch (e) {
    showError(t('web.error.network', { reason: errorText(e) }));
    return;
  }
  remember('dsreg-doctor.lang', lang);
  applyStaticTexts();
  if (state.report) renderReport();
  state.staged?.render();
  if (state.openDevice) await openDevice(state.openDevice, { refresh: true });
}

// ---- errors and status -----------------------------------------------------------------------

function showError(message: string, box = 'fleet-error-box', text = 'fleet-error-message') {
  $(text).textContent = message;
  $(box).hidden = false;
}

function hideError(box = 'fleet-error-box') {
  $(box).hidden = true;
}

function setStatus(message: string, id = 'fleet-status') {
  $(id).textContent = message;
}

// ---- the files -------------------------------------------------------------------------------

/** A file size: the units are the same in both languages. */
function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function renderFiles() {
  const list = clear($('fleet-files'));
  if (state.files.length === 0) {
    list.append(h('li', { class: 'muted', text: t('web.fleet.load.none') }));
  }
  state.files.forEach((file, i) => {
    list.append(
      h(
        'li',
        { 'data-file': file.name },
        h('span', { class: 'file-name', text: file.name }),
        h('span', { class: 'muted small', text: sizeText(file.size) }),
        h('button', {
          type: 'button',
          class: 'small-button',
          text: t('web.fleet.load.remove'),
          'aria-label': t('web.fleet.load.removeLabel', { name: file.name }),
          onclick: () => {
            state.files.splice(i, 1);
            renderFiles();
            $<HTMLButtonElement>('fleet-open').focus();
          },
        }),
      ),
    );
  });
  $<HTMLButtonElement>('fleet-analyse').disabled = state.files.length === 0;
}

function addFiles(fileList: Iterable<File>) {
  const known = new Set(state.files.map((f) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`));
  for (const f of fileList) {
    const key = `${f.name}\u0000${f.size}\u0000${f.lastModified}`;
    if (!known.has(key)) {
      known.add(key);
      state.files.push(f);
    }
  }
  renderFiles();
}

function checkLimits(files: File[], extra = 0): string | null {
  if (files.length > state.config.maxFiles) return t('web.fleet.load.tooMany', { limit: state.config.maxFiles });
  const total = files.reduce((n, f) => n + f.size, 0) + extra;
  if (total > state.config.maxBytes)
    return t('web.fleet.load.tooLarge', { size: (total / 1048576).toFixed(1), limit: Math.round(state.config.maxBytes / 1048576) });
  return null;
}

function cleanupFields(form: FormData) {
  const days = $<HTMLInputElement>('c-days').value.trim();
  const asOf = $<HTMLInputElement>('c-asof').value.trim();
  if (days !== '') form.append('staleDays', days);
  if (asOf !== '') form.append('asOf', asOf);
  if (state.planned) form.append('planned', state.planned, state.planned.name);
}

// ---- loading ---------------------------------------------------------------------------------

/** Upload the listed files; the answer is the fleet report. */
async function analyse() {
  if (state.files.length === 0) return;
  hideError();
  const tooBig = checkLimits(state.files, state.planned?.size ?? 0);
  if (tooBig) {
    showError(tooBig);
    return;
  }
  const form = new FormData();
  for (const f of state.files) form.append('file', f, f.name);
  cleanupFields(form);
  await load(() => fetch(`/api/fleet?lang=${state.lang}`, { method: 'POST', body: form }), t('web.fleet.load.busy', { count: state.files.length }));
}

async function loadGraph() {
  hideError();
  const q = new URLSearchParams({ lang: state.lang });
  const days = $<HTMLInputElement>('c-days').value.trim();
  const asOf = $<HTMLInputElement>('c-asof').value.trim();
  if (days !== '') q.set('staleDays', days);
  if (asOf !== '') q.set('asOf', asOf);
  await load(() => fetch(`/api/fleet/graph?${q}`), t('web.fleet.load.graphBusy'));
}

async function load(request: () => Promise<Response>, busy: string) {
  const seq = ++state.seq;
  performance.mark('fleet:load-start');
  const started = performance.now();
  setStatus(busy);
  for (const id of ['fleet-analyse', 'fleet-graph']) $<HTMLButtonElement>(id).disabled = true;
  document.body.setAttribute('aria-busy', 'true');
  let res: Response;
  try {
    res = await request();
  } catch (e) {
    if (seq === state.seq) finishLoad(t('web.error.network', { reason: errorText(e) }));
    return;
  }
  if (seq !== state.seq) return;
  if (!res.ok) {
    finishLoad(await apiError(res));
    return;
  }
  const report = await res.json();
  if (seq !== state.seq) return;
  performance.mark('fleet:response');
  setReport(report, { fresh: true });
  finishLoad(null);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  setStatus(
    report.dataset.origin === 'graph'
      ? t('web.fleet.load.graphDone', { seconds, read: num(report.rows.read) })
      : t('web.fleet.load.done', { files: report.dataset.files.length, seconds, read: num(report.rows.read) }),
  );
}

function finishLoad(error: string | null) {
  $<HTMLButtonElement>('fleet-analyse').disabled = state.files.length === 0;
  $<HTMLButtonElement>('fleet-graph').disabled = false;
  document.body.removeAttribute('aria-busy');
  if (error) {
    setStatus('');
    showError(error);
  }
}

function setReport(report: PageReport, { fresh }: { fresh: boolean }) {
  state.report = report;
  state.haystack = new Map(
    report.affected.map((d) => [
      d.deviceId,
      [d.displayName, d.deviceId, d.objectId, d.os, d.deletedBy, d.statusFile, ...d.users, ...d.apps, ...d.errorCodes].filter(Boolean).join('\n').toLowerCase(),
    ]),
  );
  if (fresh) {
    state.filters = { q: '', join: '', code: '', state: '', cause: '', actor: '' };
    state.sort = { key: '', dir: 1 };
    $<HTMLInputElement>('f-search').value = '';
  }
  state.page = 0;
  state.cleanupPage = 0;
  renderReport();
  performance.mark('fleet:rendered');
}

// ---- the report ------------------------------------------------------------------------------

function renderReport() {
  const r = state.report;
  $('fleet-empty').hidden = r !== null;
  $('fleet-body').hidden = r === null;
  if (!r) return;
  const source = r.dataset.origin === 'graph' ? t('web.fleet.results.fromGraph') : t('web.fleet.results.fromFiles', { count: r.dataset.files.length });
  $('fleet-from').textContent = t('web.fleet.results.from', { source, asOf: time(r.asOf) });
  const warnings = r.dataset.warnings ?? [];
  $('fleet-warnings').hidden = warnings.length === 0;
  clear($('fleet-warnings-list')).append(...warnings.map((w) => h('li', { text: w })));
  renderCards(r);
  renderInputs(r);
  renderCharts(r);
  renderFilterOptions(r);
  applyFilters();
  renderCleanup(r);
}

function renderCards(r: PageReport) {
  const s = r.summary;
  const card = (key: string, value: string, detail: string | null, cls = '') =>
    h(
      'div',
      { class: `stat ${cls}`, 'data-stat': key },
      h('span', { class: 'stat-value', text: value }),
      h('span', { class: 'stat-label', text: t(`web.fleet.card.${key}`) }),
      detail ? h('span', { class: 'stat-detail muted small', text: detail }) : null,
    );
  const deletedOrDisabled = r.affected.filter((d) => d.cause === 'deleted' || d.cause === 'disabled').length;
  const notes: string[] = [];
  notes.push(
    s.devicesAffected > 0 ? t('fleet.summary.affected', { count: num(s.devicesAffected), recovered: num(s.devicesRecovered) }) : t('fleet.summary.none'),
  );
  const without = Object.entries(s.failuresWithoutDevice ?? {});
  if (without.length > 0) notes.push(t('fleet.summary.withoutDevice', { list: without.map(([k, v]) => `${k} ${num(v)}`).join(', ') }));
  if (s.inventory) notes.push(t('fleet.summary.inventory', { devices: num(s.inventory.devices), disabled: num(s.inventory.disabled) }));
  if (s.audit) notes.push(t('fleet.summary.audit', { deletes: num(s.audit.deletes), disables: num(s.audit.disables), matched: num(s.audit.matched) }));
  if (s.statuses) notes.push(t('fleet.summary.statuses', { files: num(s.statuses.files), matched: num(s.statuses.matched) }));
  clear($('fleet-cards')).append(
    h(
      'div',
      { class: 'stats' },
      card('affected', num(s.devicesAffected), null, s.devicesAffected > 0 ? 'bad' : 'good'),
      card('deleted', num(deletedOrDisabled), null),
      card('recovered', num(s.devicesRecovered), null),
      card('failures', num(s.signIns.deviceErrorFailures), null),
      card('rows', num(r.rows.read), t('web.fleet.card.rowsDetail', { used: num(r.rows.used), skipped: num(r.rows.skipped) })),
    ),
    h('ul', { class: 'notes small' }, ...notes.map((n) => h('li', { text: n }))),
  );
}

function reasonText(reason: string): string {
  return state.messages[`fleet.reason.${reason}`] ?? reason;
}

function renderInputs(r: PageReport) {
  const table = clear($<HTMLTableElement>('fleet-inputs-table'));
  const unread = r.inputs.filter((i) => i.error).length;
  $('fleet-inputs-heading').textContent = t('web.fleet.inputs.heading', { count: r.inputs.length });
  $('fleet-inputs-summary').textContent = [
    unread > 0 ? t('web.fleet.inputs.filesNotRead', { count: unread }) : '',
    r.rows.skipped > 0 ? t('web.fleet.inputs.notUsed', { count: num(r.rows.skipped) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // a file that could not be read, or rows that were not used: open the list so it is seen
  if (r.inputs.some((i) => i.error)) $<HTMLDetailsElement>('fleet-inputs').open = true;
  const th = (key: string) => h('th', { scope: 'col', text: t(key) });
  table.append(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        th('fleet.col.file'),
        th('fleet.col.kind'),
        th('fleet.col.format'),
        th('fleet.col.read'),
        th('fleet.col.used'),
        th('fleet.col.skipped'),
        th('fleet.col.problems'),
      ),
    ),
  );
  const body = h('tbody');
  for (const i of r.inputs) {
    const problems: string[] = [];
    if (i.error) {
      const key = `fleet.note.file.${i.error}`;
      problems.push(state.messages[key] ? t(key, { file: i.name, detail: i.errorDetail ?? '' }) : `${i.error}${i.errorDetail ? ` (${i.errorDetail})` : ''}`);
    }
    for (const [reason, count] of Object.entries(i.rows.skippedByReason)) problems.push(`${reasonText(reason)}: ${num(count)}`);
    for (const p of i.problems.slice(0, 5))
      problems.push(
        p.file
          ? t('web.fleet.inputs.problemFile', { file: p.file, reason: reasonText(p.reason) })
          : t('web.fleet.inputs.problemLine', { line: p.line, reason: reasonText(p.reason) }),
      );
    if (i.unknownColumns.length > 0)
      problems.push(t('fleet.note.unknownColumns', { file: i.name, count: i.unknownColumns.length, columns: i.unknownColumns.join(', ') }));
    body.append(
      h(
        'tr',
        { class: i.error ? 'bad' : i.rows.skipped > 0 ? 'warn-row' : '', 'data-input': i.name },
        h('td', { class: 'file-name', text: i.name }),
        h('td', { text: i.kind ? t(`fleet.kind.${i.kind}`) : '—' }),
        h('td', { class: 'mono small', text: i.format ?? '—' }),
        h('td', { class: 'num', text: num(i.rows.read) }),
        h('td', { class: 'num', text: num(i.rows.used) }),
        h('td', { class: 'num', text: num(i.rows.skipped) }),
        h(
          'td',
          { class: 'small' },
          ...(problems.length ? problems.map((p) => h('div', { text: p })) : [h('span', { class: 'muted', text: t('web.fleet.inputs.ok') })]),
        ),
      ),
    );
  }
  table.append(body);
  $('fleet-reconcile').textContent = t('web.fleet.inputs.reconcile', { read: num(r.rows.read), used: num(r.rows.used), skipped: num(r.rows.skipped) });
}

// ---- charts ----------------------------------------------------------------------------------

function countBy<T>(list: T[], keyOf: (item: T) => string | string[] | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of list) for (const k of [keyOf(d)].flat()) if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function renderCharts(r: PageReport) {
  const f = state.filters;
  const bar = (_filter: string) => (item: BarItem) => t('web.fleet.charts.barLabel', { label: item.label, value: num(item.value) });
  const select = (filter: string) => (key: string) => {
    const f = filter as keyof Filters;
    state.filters[f] = state.filters[f] === key ? '' : key;
    $<HTMLSelectElement>(`f-${filter}`).value = state.filters[f];
    state.page = 0;
    applyFilters();
    if (state.report) renderCharts(state.report);
    // keep the keyboard where it was: the same bar, redrawn
    document.querySelector<HTMLElement>(`#fleet-charts [data-chart="${filter}"] [data-key="${CSS.escape(key)}"]`)?.focus();
  };
  const byDay: DayColumn[] = r.summary.failuresByDay.map((d) => ({
    label: d.day,
    count: d.count,
    parts: Object.entries(d.byCode).map(([key, value]) => ({ key, value })),
  }));
  const joins = countBy(r.affected, (d) => d.joinType);
  const causes = countBy(r.affected, (d) => d.cause);
  const codes = countBy(r.affected, (d) => d.errorCodes);
  const actors = countBy(
    r.affected.filter((d) => d.deletedBy),
    (d) => d.deletedBy,
  );
  const charts: [string, HTMLElement][] = [
    [
      'day',
      columnChart({
        title: t('fleet.chart.byDay'),
        columns: byDay,
        colors: CODE_COLOR,
        emptyText: t('fleet.chart.empty'),
        columnLabel: (c) => t('web.fleet.charts.dayLabel', { day: c.label, count: num((c as DayColumn).count) }),
      }),
    ],
    [
      'join',
      barChart({
        title: t('fleet.chart.byJoinType'),
        items: [...joins].map(([key, value]) => ({ key, value, label: joinLabel(key), color: JOIN_COLOR[key] ?? 9 })).sort((a, b) => b.value - a.value),
        emptyText: t('fleet.chart.empty'),
        onSelect: select('join'),
        selected: f.join,
        label: bar('join'),
      }),
    ],
    [
      'cause',
      barChart({
        title: t('fleet.chart.byCause'),
        items: [...causes]
          .map(([key, value]) => ({ key, value, label: t(`fleet.cause.${key}`), color: CAUSE_COLOR[key] ?? 9 }))
          .sort((a, b) => b.value - a.value),
        emptyText: t('fleet.chart.empty'),
        onSelect: select('cause'),
        selected: f.cause,
        label: bar('cause'),
      }),
    ],
    [
      'code',
      barChart({
        title: t('fleet.chart.byCode'),
        items: [...codes]
          .map(([key, value]) => ({ key, value, label: key, color: CODE_COLOR[key] ?? 9 }))
          .sort((a, b) => (CODE_COLOR[a.key] ?? 99) - (CODE_COLOR[b.key] ?? 99)),
        emptyText: t('fleet.chart.empty'),
        onSelect: select('code'),
        selected: f.code,
        label: bar('code'),
      }),
    ],
  ];
  if (r.summary.audit) {
    charts.push([
      'actor',
      barChart({
        title: t('fleet.chart.actors'),
        items: [...actors]
          .map(([key, value]) => ({ key, value, label: key, color: 0 }))
          .sort((a, b) => b.value - a.value)
          .slice(0, 10),
        emptyText: t('web.fleet.charts.noActors'),
        onSelect: select('actor'),
        selected: f.actor,
        label: bar('actor'),
      }),
    ]);
  }
  clear($('fleet-charts')).append(
    ...charts.map(([name, fig]) => {
      fig.dataset.chart = name;
      return fig;
    }),
  );
}

// ---- the device table ------------------------------------------------------------------------

function option(value: string, label: string, count?: number): HTMLOptionElement {
  return h('option', { value, text: count === undefined ? label : `${label} (${num(count)})` });
}

function renderFilterOptions(r: PageReport) {
  const fill = (id: string, entries: [string, number][], labelOf: (key: string) => string, extra: HTMLOptionElement[] = []) => {
    const el = $<HTMLSelectElement>(id);
    el.replaceChildren(option('', t('web.fleet.table.all')), ...extra, ...entries.map(([k, n]) => option(k, labelOf(k), n)));
    const wanted = state.filters[id.slice(2) as keyof Filters];
    el.value = [...el.options].some((o) => o.value === wanted) ? wanted : '';
    state.filters[id.slice(2) as keyof Filters] = el.value;
  };
  const sorted = (m: Map<string, number>, order?: string[]): [string, number][] =>
    [...m].sort((a, b) => (order ? order.indexOf(a[0]) - order.indexOf(b[0]) : b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))));
  fill('f-join', sorted(countBy(r.affected, (d) => d.joinType)), joinLabel);
  fill(
    'f-code',
    sorted(
      countBy(r.affected, (d) => d.errorCodes),
      DEVICE_CODES.concat([...new Set(r.affected.flatMap((d) => d.errorCodes))]),
    ),
    (k) => k,
  );
  fill(
    'f-state',
    sorted(
      countBy(r.affected, (d) => d.inventoryState),
      STATES,
    ),
    (k) => t(`fleet.state.${k}`),
  );
  fill('f-cause', sorted(countBy(r.affected, (d) => d.cause)), (k) => t(`fleet.cause.${k}`));
  const noActor = r.affected.filter((d) => !d.deletedBy).length;
  fill(
    'f-actor',
    sorted(
      countBy(
        r.affected.filter((d) => d.deletedBy),
        (d) => d.deletedBy,
      ),
    ),
    (k) => k,
    noActor > 0 ? [option(NO_ACTOR, t('web.fleet.table.noActor'), noActor)] : [],
  );
}

function matches(d: AffectedDevice): boolean {
  const f = state.filters;
  if (f.join && d.joinType !== f.join) return false;
  if (f.code && !d.errorCodes.includes(f.code)) return false;
  if (f.state && d.inventoryState !== f.state) return false;
  if (f.cause && d.cause !== f.cause) return false;
  if (f.actor === NO_ACTOR ? d.deletedBy : f.actor && d.deletedBy !== f.actor) return false;
  if (f.q) {
    const hay = state.haystack.get(d.deviceId) ?? '';
    for (const word of f.q.split(/\s+/)) if (word && !hay.includes(word)) return false;
  }
  return true;
}

interface TableColumn {
  key: string;
  label: string;
  value: (d: AffectedDevice) => string | number;
  numeric?: boolean;
  align?: 'left';
}

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'fleet.col.device', value: (d) => (d.displayName ?? d.deviceId).toLowerCase() },
  { key: 'join', label: 'fleet.col.joinType', value: (d) => joinLabel(d.joinType) },
  { key: 'cause', label: 'fleet.col.cause', value: (d) => `${STATES.indexOf(d.inventoryState)} ${t(`fleet.cause.${d.cause}`)}` },
  { key: 'codes', label: 'fleet.col.codes', value: (d) => DEVICE_CODES.indexOf(d.errorCodes[0] ?? '') },
  { key: 'failures', label: 'fleet.col.failures', value: (d) => d.failureCount, numeric: true },
  { key: 'users', label: 'fleet.col.users', value: (d) => d.userCount, numeric: true, align: 'left' },
  { key: 'last', label: 'fleet.col.last', value: (d) => d.lastFailure },
  { key: 'deleted', label: 'fleet.col.deletedBy', value: (d) => d.deletedAt ?? '' },
  { key: 'step', label: 'fleet.col.firstStep', value: (d) => stepTitle(d.firstStep) },
];

function applyFilters() {
  const r = state.report;
  if (!r) return;
  const list = r.affected.filter(matches);
  const col = COLUMNS.find((c) => c.key === state.sort.key);
  if (col) {
    const dir = state.sort.dir;
    const keyed = list.map((d, i) => ({ d, i, v: col.value(d) }));
    keyed.sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : a.i - b.i));
    state.shown = keyed.map((k) => k.d);
  } else state.shown = list;
  const pages = Math.max(1, Math.ceil(state.shown.length / PAGE_SIZE));
  if (state.page >= pages) state.page = pages - 1;
  renderTable();
}

function renderHead() {
  const head = clear($('fleet-head'));
  for (const c of COLUMNS) {
    const sorted = state.sort.key === c.key;
    const th = h('th', {
      scope: 'col',
      class: c.numeric && c.align !== 'left' ? 'num' : '',
      'aria-sort': sorted ? (state.sort.dir === 1 ? 'ascending' : 'descending') : false,
    });
    th.append(
      h(
        'button',
        {
          type: 'button',
          class: 'sort',
          'data-sort': c.key,
          title: t('web.fleet.table.sortBy', { column: t(c.label) }),
          onclick: () => {
            state.sort =
              state.sort.key === c.key
                ? { key: c.key, dir: -state.sort.dir }
                : { key: c.key, dir: c.numeric || c.key === 'last' || c.key === 'deleted' ? -1 : 1 };
            state.page = 0;
            applyFilters();
            document.querySelector<HTMLElement>(`#fleet-head [data-sort="${c.key}"]`)?.focus();
          },
        },
        t(c.label),
        h('span', { class: 'arrow', 'aria-hidden': 'true', text: sorted ? (state.sort.dir === 1 ? '▲' : '▼') : '↕' }),
      ),
    );
    head.append(th);
  }
}

/** The inventory state as a coloured badge; in the table it says what it is about. */
function stateBadge(s: string, labelled = true): HTMLElement {
  return h('span', { class: `state ${s}`, 'data-state': s, text: labelled ? `${t('fleet.col.inventory')}: ${t(`fleet.state.${s}`)}` : t(`fleet.state.${s}`) });
}

/** An address with a break opportunity after the @, so a narrow column wraps it there. */
function address(text: string): Child[] {
  const at = text.indexOf('@');
  return at < 0 ? [text] : [text.slice(0, at + 1), h('wbr'), text.slice(at + 1)];
}

/** A time as date, then hour and minute on their own line (narrow columns). */
function stackedTime(iso: string | null): Child[] {
  const full = time(iso);
  const [day, clock] = full.split(' ');
  return clock ? [day, h('br'), h('span', { class: 'muted small', text: clock })] : [full];
}

/** A device's name as a button that opens its drill-down, and its id under the name when it has one. */
function deviceCell(deviceId: string, displayName: string | null | undefined): HTMLElement {
  const name = displayName ?? deviceId;
  return h(
    'td',
    { class: 'device' },
    h('button', {
      type: 'button',
      class: 'link',
      text: name,
      'aria-label': t('web.fleet.table.open', { name }),
      onclick: (e) => openDevice(deviceId, { opener: e.currentTarget as HTMLElement }),
    }),
    displayName ? h('div', { class: 'id', text: deviceId }) : null,
  );
}

function deviceRow(d: AffectedDevice): HTMLElement {
  const users =
    d.users[0] !== undefined ? [...address(d.users[0]), d.userCount > 1 ? h('span', { class: 'muted', text: ` +${d.userCount - 1}` }) : null] : ['—'];
  return h(
    'tr',
    { 'data-device': d.deviceId },
    deviceCell(d.deviceId, d.displayName),
    h(
      'td',
      { class: 'join' },
      joinLabel(d.joinType),
      d.joinTypeSource !== 'unknown' ? h('div', { class: 'muted small', text: t(`fleet.source.${d.joinTypeSource}`) }) : null,
    ),
    h('td', { class: 'cause' }, h('div', { text: t(`fleet.cause.${d.cause}`) }), stateBadge(d.inventoryState)),
    h('td', {}, h('span', { class: 'codes' }, ...d.errorCodes.map((c) => h('code', { text: c.replace('AADSTS', ''), title: c })))),
    h('td', { class: 'num', text: num(d.failureCount) }),
    h('td', { class: 'users', title: d.users.join('\n') }, ...users),
    h('td', { class: 'nowrap' }, ...stackedTime(d.lastFailure), d.recovered ? h('div', { class: 'good small', text: t('fleet.recovered') }) : null),
    h(
      'td',
      {},
      d.deletedBy ? h('div', {}, ...address(d.deletedBy)) : h('span', { class: 'muted', text: '—' }),
      d.deletedBy ? h('div', { class: 'muted small', text: `${t(`fleet.action.${d.auditAction ?? 'delete'}`)} ${time(d.deletedAt)}` }) : null,
    ),
    h('td', { class: d.firstStep ? 'step-cell' : 'muted small', 'data-step': d.firstStep ?? '', text: stepTitle(d.firstStep) }),
  );
}

function renderTable() {
  const r = state.report;
  if (!r) return;
  renderHead();
  const total = r.affected.length;
  const shown = state.shown.length;
  const from = state.page * PAGE_SIZE;
  const rows = state.shown.slice(from, from + PAGE_SIZE);
  const body = clear($('fleet-rows'));
  const frag = document.createDocumentFragment();
  for (const d of rows) frag.append(deviceRow(d));
  body.append(frag);
  const filtered = shown !== total;
  $('fleet-count').textContent =
    shown === 0
      ? ''
      : t(filtered ? 'web.fleet.table.countFiltered' : 'web.fleet.table.count', {
          from: num(from + 1),
          to: num(from + rows.length),
          shown: num(shown),
          total: num(total),
        });
  const none = $('fleet-none');
  none.hidden = shown > 0;
  none.textContent = total === 0 ? t('web.fleet.table.noAffected') : t('web.fleet.table.none');
  $<HTMLTableElement>('fleet-table').hidden = shown === 0;
  const pages = Math.max(1, Math.ceil(shown / PAGE_SIZE));
  $('fleet-pager').hidden = pages <= 1;
  $('page-label').textContent = t('web.fleet.table.page', { page: state.page + 1, pages });
  $<HTMLButtonElement>('page-prev').disabled = state.page === 0;
  $<HTMLButtonElement>('page-next').disabled = state.page >= pages - 1;
  $<HTMLButtonElement>('export-csv-shown').disabled = shown === 0;
  $<HTMLButtonElement>('f-reset').disabled = !Object.values(state.filters).some(Boolean);
}

// ---- drill-down ------------------------------------------------------------------------------

async function openDevice(deviceId: string, { opener = null, refresh = false }: { opener?: HTMLElement | null; refresh?: boolean } = {}) {
  const r = state.report;
  if (!r) return;
  const dialog = $<HTMLDialogElement>('device-dialog');
  const seq = ++state.deviceSeq;
  state.openDevice = deviceId;
  if (opener) state.opener = opener;
  const row = r.affected.find((d) => d.deviceId === deviceId) ?? r.cleanupImpact.find((e) => e.deviceId === deviceId);
  $('device-title').textContent = row?.displayName ?? deviceId;
  if (!refresh) clear($('device-body')).append(h('p', { class: 'muted', text: t('web.fleet.device.loading') }));
  if (!dialog.open) dialog.showModal();
  let res: Response;
  try {
    res = await fetch(`/api/fleet/${encodeURIComponent(r.dataset.id)}/devices/${encodeURIComponent(deviceId)}?lang=${state.lang}`);
  } catch (e) {
    if (seq === state.deviceSeq) clear($('device-body')).append(h('p', { class: 'bad', text: t('web.error.network', { reason: errorText(e) }) }));
    return;
  }
  if (seq !== state.deviceSeq) return;
  if (!res.ok) {
    const message = await apiError(res);
    if (seq === state.deviceSeq) clear($('device-body')).append(h('p', { class: 'bad', role: 'alert', text: message }));
    return;
  }
  const detail = await res.json();
  if (seq !== state.deviceSeq || !dialog.open) return;
  renderDevice(detail);
  performance.mark('fleet:device-rendered');
}

function facts(rows: [string, ...(string | Node | null | undefined)[]][]): HTMLElement {
  const dl = h('dl', { class: 'summary' });
  for (const [label, ...value] of rows)
    if (value.length && value[0] !== null && value[0] !== undefined) dl.append(h('dt', { text: label }), h('dd', {}, ...value));
  return dl;
}

function section(titleKey: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'drill' }, h('h3', { text: t(titleKey) }), ...children);
}

/** `GET /api/fleet/:id/devices/:deviceId`: one device's row, cleanup entry, sign-ins and audit events, plan. */
interface DeviceDetail {
  deviceId: string;
  device: AffectedDevice | null;
  cleanup: CleanupEntry | null;
  plan: { steps: LocalizedStep[] };
  events: DeviceEvents | null;
}

/** The drill-down dialog: what is known of the device, its deletion, sign-ins, cleanup entry, plan, and the collection script. */
function renderDevice(detail: DeviceDetail) {
  const d = detail.device;
  const body = clear($('device-body'));
  body.dataset.device = detail.deviceId;
  if (d) body.append(deviceFactsSection(d), deletionSection(d, detail.events));
  body.append(signInsSection(detail.events));
  if (detail.cleanup) body.append(cleanupEntrySection(detail.cleanup));
  if (d) body.append(planSection(detail.plan.steps));
  body.append(collectSection());
}

const mono = (v: string) => h('span', { class: 'mono', text: v });

function deviceFactsSection(d: AffectedDevice): HTMLElement {
  const users = d.users.join(', ') + (d.userCount > d.users.length ? ` (${t('web.fleet.device.moreUsers', { count: d.userCount - d.users.length })})` : '');
  return section(
    'web.fleet.device.facts',
    facts([
      [t('fleet.col.deviceId'), mono(d.deviceId)],
      [t('web.fleet.device.objectId'), d.objectId ? mono(d.objectId) : h('span', { class: 'muted', text: t('fleet.source.unknown') })],
      [t('fleet.col.os'), d.os ?? '—'],
      [t('fleet.col.joinType'), d.joinTypeSource === 'unknown' ? joinLabel(d.joinType) : `${joinLabel(d.joinType)} (${t(`fleet.source.${d.joinTypeSource}`)})`],
      [t('fleet.col.inventory'), stateBadge(d.inventoryState, false)],
      [t('fleet.col.cause'), t(`fleet.cause.${d.cause}`)],
      [
        t('web.fleet.device.codes'),
        h(
          'span',
          { class: 'codes' },
          ...Object.entries(d.failuresByCode).map(([code, n]) => h('code', { text: t('web.fleet.device.codeCount', { code, count: num(n) }) })),
        ),
      ],
      [t('fleet.col.failures'), num(d.failureCount)],
      [t('fleet.col.first'), time(d.firstFailure)],
      [t('fleet.col.last'), time(d.lastFailure)],
      [t('web.fleet.device.lastSuccess'), time(d.lastSuccess)],
      [t('web.fleet.device.recovered'), d.recovered ? t('web.fleet.device.recoveredYes') : t('web.fleet.device.recoveredNo')],
      [t('fleet.col.users'), users || '—'],
      [t('fleet.col.apps'), d.apps.join(', ') || '—'],
      ...(d.statusFile ? [[t('web.fleet.device.statusFile'), d.statusFile] as [string, string]] : []),
    ]),
  );
}

/** The deletion or disable event the audit log shows for it, and every audit event that names it. */
function deletionSection(d: AffectedDevice, events: DeviceEvents | null): HTMLElement {
  const deletion: HTMLElement[] = [];
  if (d.deletedBy) {
    deletion.push(
      h('p', {
        class: 'event',
        text: t(`web.fleet.device.event.${d.auditAction ?? 'delete'}`, {
          actor: d.deletedBy,
          time: time(d.deletedAt),
          actorType: t(`web.fleet.device.actorType.${events?.audit.find((e) => e.actor === d.deletedBy)?.actorType ?? 'unknown'}`),
        }),
      }),
    );
    if (d.auditMatch)
      deletion.push(h('p', { class: d.auditMatch === 'name' ? 'warn small' : 'muted small', text: t(`web.fleet.device.matchedBy.${d.auditMatch}`) }));
  } else {
    deletion.push(h('p', { class: 'muted', text: state.report?.summary.audit ? t('web.fleet.device.noDeletion') : t('web.fleet.device.noAudit') }));
  }
  const audit = events?.audit ?? [];
  if (audit.length > 0) {
    deletion.push(
      h('h4', { text: t('web.fleet.device.auditEvents') }),
      table(
        ['web.fleet.col.time', 'web.fleet.col.action', 'fleet.col.actor', 'web.fleet.col.match'],
        audit.map((e) => [
          time(e.time),
          t(`fleet.action.${e.action}`),
          `${e.actor || '—'} (${t(`web.fleet.device.actorType.${e.actorType}`)})`,
          t(`web.fleet.device.matchedBy.${e.match}`),
        ]),
        'audit',
      ),
    );
  }
  return section('web.fleet.device.deletion', ...deletion);
}

function signInsSection(ev: DeviceEvents | null): HTMLElement {
  const signIns: HTMLElement[] = [];
  if (!ev) signIns.push(h('p', { class: 'muted', text: t('web.fleet.device.signInsUnavailable') }));
  else if (ev.signInTotal === 0) signIns.push(h('p', { class: 'muted', text: t('web.fleet.device.signInsNone') }));
  else {
    signIns.push(
      h('p', {
        class: 'small',
        text: `${t('web.fleet.device.signInsCount', { total: num(ev.signInTotal), failures: num(ev.signInFailures), successes: num(ev.signInSuccesses) })}${ev.truncated ? ` ${t('web.fleet.device.signInsTruncated', { count: num(ev.signIns.length) })}` : ''}`,
      }),
      table(
        ['web.fleet.col.time', 'web.fleet.col.result', 'web.fleet.col.code', 'web.fleet.col.user', 'web.fleet.col.app', 'fleet.col.os', 'fleet.col.file'],
        ev.signIns.map((s) => [
          time(s.time),
          s.code === 0 ? t('web.fleet.device.success') : t('web.fleet.device.failure'),
          s.errorCode ?? (s.code === 0 ? '' : '—'),
          s.user || '—',
          s.app || '—',
          s.os || '—',
          s.file,
        ]),
        'signins',
        (_cells, i) => (ev.signIns[i]?.code === 0 ? 'ok-row' : ''),
      ),
    );
    if (ev.signInSuccesses > 0) signIns.push(h('p', { class: 'muted small', text: t('web.fleet.device.successNote') }));
  }
  return section('web.fleet.device.signIns', ...signIns);
}

function cleanupEntrySection(c: CleanupEntry): HTMLElement {
  return section(
    'web.fleet.device.cleanup',
    facts([
      [t('fleet.col.risk'), h('span', { class: `risk ${c.risk}`, text: t(`fleet.risk.${c.risk}`) })],
      [t('fleet.col.action'), t(`fleet.cleanupAction.${c.recommendedAction}`)],
      [t('fleet.col.reasons'), h('ul', { class: 'plain' }, ...c.reasons.map((x) => h('li', { text: t(`fleet.cleanupReason.${x}`) })))],
      [t('fleet.col.activeSince'), time(c.activeSince)],
    ]),
  );
}

function planStep(step: LocalizedStep): HTMLElement {
  return h(
    'li',
    { class: 'step', 'data-step': step.id },
    h('h4', {}, h('span', { class: 'step-title', text: step.title })),
    step.admin
      ? h(
          'div',
          { class: 'badges' },
          h('span', { class: `badge admin ${step.adminScope}`, text: t('web.plan.needs', { who: t(`report.admin.${step.adminScope}`) }) }),
        )
      : null,
    h(
      'ul',
      { class: 'actions' },
      ...step.actions.map((a) =>
        a.kind === 'command' ? h('li', { class: 'command' }, h('pre', {}, h('code', { text: a.text }))) : h('li', { text: a.text.replace(/`/g, '') }),
      ),
    ),
  );
}

function planSection(steps: LocalizedStep[]): HTMLElement {
  return section(
    'web.fleet.device.plan',
    steps.length === 0 ? h('p', { class: 'muted', text: t('web.fleet.device.noPlan') }) : h('ol', { class: 'plan compact' }, ...steps.map(planStep)),
  );
}

/** The read-only collection script, for its user to run. */
function collectSection(): HTMLElement {
  return section(
    'web.fleet.device.collect',
    h('p', { class: 'small', text: t('web.fleet.device.collectHint') }),
    h('button', { type: 'button', id: 'device-collect', text: t('web.downloads.collect'), onclick: downloadCollect }),
  );
}

function table(headers: string[], rows: string[][], name: string, rowClass: (cells: string[], i: number) => string = () => ''): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data small', 'data-table': name },
      h('thead', {}, h('tr', {}, ...headers.map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, ...rows.map((cells, i) => h('tr', { class: rowClass(cells, i) }, ...cells.map((v) => h('td', { text: v }))))),
    ),
  );
}

function closeDevice() {
  const dialog = $<HTMLDialogElement>('device-dialog');
  if (dialog.open) dialog.close();
}

// ---- cleanup impact --------------------------------------------------------------------------

function renderPlannedName() {
  $('c-planned-name').textContent = state.planned ? `${state.planned.name} (${sizeText(state.planned.size)})` : t('web.fleet.cleanup.noPlanned');
}

async function runCleanup({ clearIt = false } = {}) {
  const r = state.report;
  if (!r) return;
  hideError('cleanup-error-box');
  if (clearIt) {
    $<HTMLInputElement>('c-days').value = '';
    $<HTMLInputElement>('c-asof').value = '';
    state.planned = null;
    renderPlannedName();
  } else if ($<HTMLInputElement>('c-days').value.trim() === '' && !state.planned) {
    showError(t('web.fleet.cleanup.needInput'), 'cleanup-error-box', 'cleanup-error-message');
    return;
  } else if (!state.planned && !r.summary.inventory) {
    showError(t('web.fleet.cleanup.needInventory'), 'cleanup-error-box', 'cleanup-error-message');
    return;
  }
  const form = new FormData();
  cleanupFields(form);
  setStatus(t('web.fleet.cleanup.busy'), 'c-status');
  $<HTMLButtonElement>('c-run').disabled = true;
  let res: Response;
  try {
    res = await fetch(`/api/fleet/${encodeURIComponent(r.dataset.id)}/cleanup?lang=${state.lang}`, { method: 'POST', body: form });
  } catch (e) {
    $<HTMLButtonElement>('c-run').disabled = false;
    setStatus('', 'c-status');
    showError(t('web.error.network', { reason: errorText(e) }), 'cleanup-error-box', 'cleanup-error-message');
    return;
  }
  $<HTMLButtonElement>('c-run').disabled = false;
  setStatus('', 'c-status');
  if (!res.ok) {
    showError(await apiError(res), 'cleanup-error-box', 'cleanup-error-message');
    return;
  }
  const report = await res.json();
  state.cleanupFilters = { q: '', risk: '' };
  $<HTMLInputElement>('c-search').value = '';
  setReport(report, { fresh: false });
  if (report.cleanup) $('cleanup-summary').scrollIntoView({ block: 'nearest' });
}

function renderCleanup(r: PageReport | null) {
  if (!r) return;
  const c = r.cleanup;
  $('cleanup-body').hidden = !c;
  if (!c) return;
  $('cleanup-from').textContent =
    c.source === 'planned-deletions'
      ? t('web.fleet.cleanup.from.planned-deletions', { name: r.dataset.planned?.name ?? '' })
      : t('web.fleet.cleanup.from.stale-days', { days: c.staleDays, asOf: time(c.asOf) });
  const summary = $('cleanup-summary');
  summary.className = `verdict ${c.byRisk.high > 0 ? 'bad' : c.byRisk.medium > 0 ? 'progress' : 'good'}`;
  summary.textContent = t('fleet.summary.cleanup', {
    candidates: num(c.candidates),
    high: num(c.byRisk.high),
    medium: num(c.byRisk.medium),
    low: num(c.byRisk.low),
  });
  clear($('cleanup-risks')).append(
    ...RISKS.map((risk) =>
      h(
        'button',
        {
          type: 'button',
          class: `risk-pill ${risk}`,
          'aria-pressed': String(state.cleanupFilters.risk === risk),
          'data-risk': risk,
          onclick: () => {
            state.cleanupFilters.risk = state.cleanupFilters.risk === risk ? '' : risk;
            $<HTMLSelectElement>('c-risk').value = state.cleanupFilters.risk;
            state.cleanupPage = 0;
            renderCleanup(state.report);
          },
        },
        h('strong', { text: num(c.byRisk[risk]) }),
        ` ${t(`fleet.risk.${risk}`)}`,
      ),
    ),
  );
  const blank = $('cleanup-blank');
  blank.hidden = !(c.blankTimestamp > 0);
  blank.textContent = c.blankTimestamp > 0 ? t('fleet.summary.cleanupBlank', { count: num(c.blankTimestamp) }) : '';
  clear($('cleanup-order')).append(...c.order.map((o) => h('li', { text: t(`fleet.order.${o}`) })));
  const riskSelect = $<HTMLSelectElement>('c-risk');
  riskSelect.replaceChildren(option('', t('web.fleet.table.all')), ...RISKS.map((k) => option(k, t(`fleet.risk.${k}`), c.byRisk[k])));
  riskSelect.value = state.cleanupFilters.risk;

  const q = state.cleanupFilters.q;
  const list = r.cleanupImpact.filter((e) => {
    if (state.cleanupFilters.risk && e.risk !== state.cleanupFilters.risk) return false;
    if (q) {
      const hay = [e.displayName, e.deviceId, e.objectId].filter(Boolean).join('\n').toLowerCase();
      for (const w of q.split(/\s+/)) if (w && !hay.includes(w)) return false;
    }
    return true;
  });
  state.cleanupShown = list;
  const pages = Math.max(1, Math.ceil(list.length / CLEANUP_PAGE_SIZE));
  if (state.cleanupPage >= pages) state.cleanupPage = pages - 1;
  const from = state.cleanupPage * CLEANUP_PAGE_SIZE;
  const rows = list.slice(from, from + CLEANUP_PAGE_SIZE);
  clear($('cleanup-head')).append(
    ...['fleet.col.risk', 'fleet.col.device', 'fleet.col.joinType', 'fleet.col.activeSince', 'fleet.col.action', 'fleet.col.reasons'].map((k) =>
      h('th', { scope: 'col', text: t(k) }),
    ),
  );
  const body = clear($('cleanup-rows'));
  for (const e of rows) {
    body.append(
      h(
        'tr',
        { 'data-device': e.deviceId, 'data-risk': e.risk },
        h('td', {}, h('span', { class: `risk ${e.risk}`, text: t(`fleet.risk.${e.risk}`) })),
        deviceCell(e.deviceId, e.displayName),
        h('td', { text: joinLabel(e.joinType) }),
        h('td', { class: 'nowrap', text: time(e.activeSince) }),
        h('td', { text: t(`fleet.cleanupAction.${e.recommendedAction}`) }),
        h('td', { class: 'small' }, ...e.reasons.map((x) => h('div', { text: t(`fleet.cleanupReason.${x}`) }))),
      ),
    );
  }
  if (rows.length === 0) body.append(h('tr', {}, h('td', { colspan: '6', class: 'muted', text: t('web.fleet.cleanup.none') })));
  $('cleanup-count').textContent = list.length ? t('web.fleet.table.count', { from: num(from + 1), to: num(from + rows.length), shown: num(list.length) }) : '';
  $('cleanup-pager').hidden = pages <= 1;
  $('c-page-label').textContent = t('web.fleet.table.page', { page: state.cleanupPage + 1, pages });
  $<HTMLButtonElement>('c-prev').disabled = state.cleanupPage === 0;
  $<HTMLButtonElement>('c-next').disabled = state.cleanupPage >= pages - 1;
}

// ---- exports ---------------------------------------------------------------------------------

async function exportReport(fmt: 'csv' | 'html' | 'json', table: 'affected' | 'cleanup', ids: string[] | null) {
  const r = state.report;
  if (!r) return;
  hideError();
  const url = `/api/fleet/${encodeURIComponent(r.dataset.id)}/export?format=${fmt}&table=${table}&lang=${state.lang}`;
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ids ? JSON.stringify({ deviceIds: ids }) : '' };
  const res = await fetchOk(url, init, t, (m) => showError(m));
  if (!res) return;
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `dsreg-doctor-fleet.${fmt}`;
  download(name, await res.arrayBuffer(), res.headers.get('content-type') ?? 'application/octet-stream');
}

async function downloadCollect() {
  const res = await fetchOk(`/api/collect-script?lang=${state.lang}`, undefined, t, (m) => showError(m));
  if (!res) return;
  download('dsreg-doctor-collect.ps1', await res.arrayBuffer(), 'text/plain;charset=utf-8');
}

// ---- wiring ----------------------------------------------------------------------------------

function wire() {
  wireDropZone($('fleet-drop'), (files) => {
    addFiles(files);
    analyse();
  });
  keepPageOnStrayDrop();
  wireTabs();
  state.staged = initCleanupTab({
    t,
    num,
    time,
    joinLabel,
    lang: () => state.lang,
    messages: () => state.messages,
    files: () => state.files,
    checkLimits,
  });
  $<HTMLButtonElement>('fleet-open').addEventListener('click', () => $<HTMLInputElement>('fleet-file').click());
  $<HTMLInputElement>('fleet-file').addEventListener('change', (e) => {
    const files = [...(targetOf(e).files ?? [])];
    targetOf(e).value = '';
    if (files.length) {
      addFiles(files);
      analyse();
    }
  });
  $<HTMLButtonElement>('fleet-analyse').addEventListener('click', analyse);
  $<HTMLButtonElement>('fleet-clear').addEventListener('click', () => {
    state.files = [];
    state.report = null;
    state.seq++;
    hideError();
    setStatus('');
    renderFiles();
    renderReport();
    $<HTMLButtonElement>('fleet-open').focus();
  });
  $<HTMLButtonElement>('fleet-graph').addEventListener('click', loadGraph);

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  $<HTMLInputElement>('f-search').addEventListener('input', (e) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.filters.q = targetOf(e).value.trim().toLowerCase();
      state.page = 0;
      applyFilters();
    }, 120);
  });
  for (const name of ['join', 'code', 'state', 'cause', 'actor']) {
    $(`f-${name}`).addEventListener('change', (e) => {
      state.filters[name as keyof Filters] = targetOf(e).value;
      state.page = 0;
      applyFilters();
      if (state.report) renderCharts(state.report);
    });
  }
  $<HTMLButtonElement>('f-reset').addEventListener('click', () => {
    state.filters = { q: '', join: '', code: '', state: '', cause: '', actor: '' };
    $<HTMLInputElement>('f-search').value = '';
    for (const name of ['join', 'code', 'state', 'cause', 'actor']) $<HTMLSelectElement>(`f-${name}`).value = '';
    state.page = 0;
    applyFilters();
    if (state.report) renderCharts(state.report);
    $<HTMLInputElement>('f-search').focus();
  });
  const turn = (delta: number) => () => {
    state.page += delta;
    renderTable();
    $('affected-card').scrollIntoView({ block: 'start' });
  };
  $<HTMLButtonElement>('page-prev').addEventListener('click', turn(-1));
  $<HTMLButtonElement>('page-next').addEventListener('click', turn(1));

  $<HTMLButtonElement>('device-close').addEventListener('click', closeDevice);
  $<HTMLDialogElement>('device-dialog').addEventListener('close', () => {
    state.openDevice = null;
    state.deviceSeq++;
    state.opener?.focus();
  });
  // a click on the backdrop closes the dialog
  $<HTMLDialogElement>('device-dialog').addEventListener('click', (e) => {
    if (e.target === e.currentTarget) closeDevice();
  });

  $<HTMLButtonElement>('c-planned-open').addEventListener('click', () => $<HTMLInputElement>('c-planned').click());
  $<HTMLInputElement>('c-planned').addEventListener('change', (e) => {
    state.planned = targetOf(e).files?.[0] ?? null;
    targetOf(e).value = '';
    renderPlannedName();
  });
  $<HTMLButtonElement>('c-run').addEventListener('click', () => runCleanup());
  $<HTMLButtonElement>('c-clear').addEventListener('click', () => runCleanup({ clearIt: true }));
  $<HTMLInputElement>('c-days').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      runCleanup();
    }
  });
  $<HTMLInputElement>('c-search').addEventListener('input', (e) => {
    state.cleanupFilters.q = targetOf(e).value.trim().toLowerCase();
    state.cleanupPage = 0;
    renderCleanup(state.report);
  });
  $<HTMLSelectElement>('c-risk').addEventListener('change', (e) => {
    state.cleanupFilters.risk = targetOf(e).value;
    state.cleanupPage = 0;
    renderCleanup(state.report);
  });
  $<HTMLButtonElement>('c-prev').addEventListener('click', () => {
    state.cleanupPage--;
    renderCleanup(state.report);
  });
  $<HTMLButtonElement>('c-next').addEventListener('click', () => {
    state.cleanupPage++;
    renderCleanup(state.report);
  });

  $<HTMLButtonElement>('export-csv-shown').addEventListener('click', () =>
    exportReport(
      'csv',
      'affected',
      state.shown.map((d) => d.deviceId),
    ),
  );
  $<HTMLButtonElement>('export-csv-all').addEventListener('click', () => exportReport('csv', 'affected', null));
  $<HTMLButtonElement>('export-html').addEventListener('click', () => exportReport('html', 'affected', null));
  $<HTMLButtonElement>('export-json').addEventListener('click', () => exportReport('json', 'affected', null));
  $<HTMLButtonElement>('export-csv-cleanup').addEventListener('click', () => exportReport('csv', 'cleanup', null));

  $<HTMLSelectElement>('lang').addEventListener('change', (e) => switchLang(targetOf(e).value));
  $<HTMLSelectElement>('theme').addEventListener('change', (e) => {
    applyTheme(targetOf(e).value);
    remember('dsreg-doctor.theme', targetOf(e).value);
  });
}

async function start() {
  applyTheme(stored('dsreg-doctor.theme'));
  const lang = stored('dsreg-doctor.lang') ?? browserLang();
  wire();
  try {
    await loadMessages(lang === 'ja' || lang === 'en' ? lang : 'en');
  } catch (e) {
    showError(`dsreg-doctor: ${errorText(e)}`);
    return;
  }
  applyStaticTexts();
  renderReport();
  state.staged?.render();
  document.documentElement.dataset.ready = 'true';
}

start();
