// The Cleanup tab of the Fleet view: the staged stale-device cleanup (POST /api/cleanup, the same
// plan as `dsreg-doctor cleanup --format json`) on the files loaded in the Fleet view, with its
// report and scripts as downloads. Every value from the exports reaches the page as text.
import { barChart } from './charts.js';
import { type ActivityBucket, type CleanupDevice, HOLD_REASONS, type StagedCleanup } from '../src/contract/cleanup.js';
import type { CleanupFileNote } from '../src/web/cleanup-api.js';
import { $, apiError, clear, download, errorText, fetchOk, h, type Params, targetOf } from './dom.js';

/** What the Fleet view gives the tab. */
export interface CleanupPage {
  t: (key: string, params?: Params) => string;
  num: (n: number) => string;
  time: (iso: string | null) => string;
  joinLabel: (joinType: string) => string;
  lang: () => string;
  messages: () => Record<string, string>;
  files: () => File[];
  checkLimits: (files: File[], extra?: number) => string | null;
}

export interface CleanupTab {
  render: () => void;
}

/** The plan as `POST /api/cleanup` answers it: the `cleanup --format json` document and where it came from. */
type PagePlan = StagedCleanup & { dataset: { id: string; files: CleanupFileNote[]; downloads: string[] } };

/**
 * Wire the tab. `page` gives what the Fleet view holds: `t`, `num`, `lang()`, `files()` (the
 * File objects loaded), `checkLimits(files, extra)`. Returns `render()` for a language switch.
 */
export function initCleanupTab(page: CleanupPage): CleanupTab {
  const { t, num } = page;
  const tab: { plan: PagePlan | null; stage1: File | null; seq: number } = { plan: null, stage1: null, seq: 0 };

  const showError = (message: string) => {
    $('staged-error-message').textContent = message;
    $('staged-error-box').hidden = false;
  };
  const hideError = () => {
    $('staged-error-box').hidden = true;
  };
  const setStatus = (text: string) => {
    $('staged-status').textContent = text;
  };

  function renderStage1Name() {
    $('s-stage1-name').textContent = tab.stage1 ? tab.stage1.name : t('web.staged.noList');
  }

  function renderStageFields() {
    const stage = $<HTMLSelectElement>('s-stage').value;
    for (const id of ['s-since-row', 's-stage1-row']) $(id).hidden = stage === '1';
  }

  async function run() {
    const files = page.files();
    hideError();
    if (files.length === 0) {
      showError(t('web.staged.needFiles'));
      return;
    }
    const tooBig = page.checkLimits(files, tab.stage1?.size ?? 0);
    if (tooBig) {
      showError(tooBig);
      return;
    }
    const stage = $<HTMLSelectElement>('s-stage').value;
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    form.append('staleDays', $<HTMLInputElement>('s-days').value.trim());
    form.append('stage', stage);
    form.append('graceDays', $<HTMLInputElement>('s-grace').value.trim());
    form.append('asOf', $<HTMLInputElement>('s-asof').value.trim());
    if (stage !== '1') {
      form.append('sinceStage1', $<HTMLInputElement>('s-since').value.trim());
      if (tab.stage1) form.append('stage1', tab.stage1, tab.stage1.name);
    }
    const seq = ++tab.seq;
    const started = performance.now();
    setStatus(t('web.staged.busy', { stage }));
    $<HTMLButtonElement>('s-run').disabled = true;
    let res: Response;
    try {
      res = await fetch(`/api/cleanup?lang=${page.lang()}`, { method: 'POST', body: form });
    } catch (e) {
      if (seq !== tab.seq) return;
      $<HTMLButtonElement>('s-run').disabled = false;
      setStatus('');
      showError(t('web.error.network', { reason: errorText(e) }));
      return;
    }
    if (seq !== tab.seq) return;
    $<HTMLButtonElement>('s-run').disabled = false;
    if (!res.ok) {
      setStatus('');
      showError(await apiError(res));
      return;
    }
    const plan = await res.json();
    if (seq !== tab.seq) return;
    tab.plan = plan;
    render();
    setStatus(t('web.staged.done', { stage: plan.stage, seconds: ((performance.now() - started) / 1000).toFixed(1) }));
    performance.mark('cleanup:rendered');
  }

  function render() {
    renderStage1Name();
    renderStageFields();
    const p = tab.plan;
    $('staged-empty').hidden = p !== null;
    $('staged-body').hidden = p === null;
    if (!p) return;
    const day = (iso: string | null) => (iso ?? '').slice(0, 10);
    $('staged-title').textContent = t('cleanup.title', { stage: p.stage });
    $('staged-summary').textContent = t('cleanup.summary', {
      asOf: day(p.asOf),
      staleDays: p.staleDays,
      candidates: num(p.candidates),
      heldBack: num(p.heldBack.length),
      disable: num(p.disable.length),
      reEnable: num(p.reEnable.length),
      delete: num(p.delete.length),
    });
    $('staged-grace').hidden = !p.sinceStage1;
    $('staged-grace').textContent = p.sinceStage1 ? t('cleanup.grace', { since: day(p.sinceStage1), graceDays: p.graceDays, until: day(p.graceEndsAt) }) : '';
    $('staged-warnings').hidden = p.warnings.length === 0;
    clear($('staged-warnings-list')).append(
      ...p.warnings.map((w) => h('li', { 'data-warning': w, text: t(`cleanup.warning.${w}`, { date: day(p.graceEndsAt) }) })),
    );
    renderCards(p);
    renderFiles(p);
    renderLists(p);
    renderWouldBreak(p);
    renderCharts(p);
    $('staged-next').textContent = nextText(p);
    renderDownloads(p);
  }

  function renderCards(p: PagePlan) {
    const card = (key: string, value: number, cls = '') =>
      h(
        'div',
        { class: `stat ${cls}`, 'data-stat': key },
        h('span', { class: 'stat-value', text: num(value) }),
        h('span', { class: 'stat-label', text: t(`web.staged.card.${key}`) }),
      );
    const cards = [card('candidates', p.candidates), card('heldBack', p.heldBack.length)];
    if (p.stage === 1) cards.push(card('disable', p.disable.length));
    else cards.push(card('reEnable', p.reEnable.length, p.reEnable.length > 0 ? 'bad' : 'good'));
    if (p.stage === 2) cards.push(card('pendingDelete', p.pendingDelete.length));
    if (p.stage === 3) cards.push(card('delete', p.delete.length));
    clear($('staged-cards')).append(h('div', { class: 'stats' }, ...cards));
  }

  function kindText(kind: string | null): string {
    if (kind === null) return t('web.staged.kind.unknown');
    return page.messages()[`web.staged.kind.${kind}`] ?? page.messages()[`fleet.kind.${kind}`] ?? kind;
  }

  function renderFiles(p: PagePlan) {
    const rows = (p.dataset?.files ?? []).map((f) =>
      h(
        'li',
        { 'data-kind': f.kind ?? '' },
        h('span', { class: 'name', text: f.name }),
        ' — ',
        h('span', { class: 'muted', text: kindText(f.kind) }),
        f.ids !== undefined ? h('span', { class: 'muted small', text: ` (${t('web.staged.fileIds', { count: num(f.ids) })})` }) : null,
      ),
    );
    clear($('staged-files')).append(...rows);
  }

  function listSection(key: string, title: string, devices: CleanupDevice[], last: string, extra: (d: CleanupDevice) => string): HTMLElement {
    const head = ['cleanup.col.name', 'cleanup.col.deviceId', 'cleanup.col.joinType', 'cleanup.col.lastActivity', 'cleanup.col.age'].map((k) =>
      h('th', { scope: 'col', text: t(k) }),
    );
    const body = devices.map((d) =>
      h(
        'tr',
        { 'data-device': d.deviceId },
        h('td', { text: d.displayName ?? '' }),
        h('td', { class: 'id', text: d.deviceId }),
        h('td', { text: page.joinLabel(d.joinType) }),
        h('td', { class: 'nowrap', text: page.time(d.lastActivity) }),
        h('td', { class: 'num', text: d.activityAgeDays === null ? t('cleanup.age.blank') : String(d.activityAgeDays) }),
        h('td', { class: 'small', text: extra(d) }),
      ),
    );
    return h(
      'section',
      { class: 'card staged-list', 'data-list': key },
      h('h3', { text: title }),
      devices.length === 0
        ? h('p', { class: 'muted', text: t('cleanup.none') })
        : h(
            'div',
            { class: 'table-wrap' },
            h('table', { class: 'data' }, h('thead', {}, h('tr', {}, ...head, h('th', { scope: 'col', text: last }))), h('tbody', {}, ...body)),
          ),
    );
  }

  function renderLists(p: PagePlan) {
    const reasons = (d: CleanupDevice) => d.reasons.map((r) => t(`cleanup.reason.${r}`)).join('; ');
    const out: HTMLElement[] = [];
    if (p.stage === 1)
      out.push(listSection('disable', t('cleanup.section.disable', { count: num(p.disable.length) }), p.disable, t('cleanup.col.reasons'), reasons));
    if (p.stage !== 1)
      out.push(
        listSection('re-enable', t('cleanup.section.reEnable', { count: num(p.reEnable.length) }), p.reEnable, t('cleanup.col.errors'), (d) =>
          [d.errorsSinceStage1.join(', '), d.lastErrorSinceStage1 ? page.time(d.lastErrorSinceStage1) : ''].filter(Boolean).join(' '),
        ),
      );
    if (p.stage !== 1 && p.pendingDelete.length > 0)
      out.push(
        listSection(
          'pending-delete',
          t('cleanup.section.pendingDelete', { count: num(p.pendingDelete.length) }),
          p.pendingDelete,
          t('cleanup.col.reasons'),
          reasons,
        ),
      );
    if (p.stage === 3)
      out.push(
        listSection('delete', t('cleanup.section.delete', { count: num(p.delete.length) }), p.delete, t('cleanup.col.restorableUntil'), (d) =>
          d.restorableUntil ? page.time(d.restorableUntil) : t('cleanup.restorable.none'),
        ),
      );
    out.push(listSection('held-back', t('cleanup.section.heldBack'), p.heldBack, t('cleanup.col.reasons'), reasons));
    clear($('staged-lists')).append(...out);
  }

  function renderWouldBreak(p: PagePlan) {
    const lists: ['disable' | 'delete', string[]][] =
      p.stage === 1 ? [['disable', p.wouldBreak.disable]] : p.stage === 3 ? [['delete', p.wouldBreak.delete]] : [];
    clear($('staged-break')).append(
      ...lists.map(([list, ids]) => {
        const stage = t(list === 'disable' ? 'cleanup.stage.disable' : 'cleanup.stage.delete');
        return h('p', {
          class: ids.length === 0 ? 'verdict good' : 'verdict bad',
          'data-break': list,
          'data-count': String(ids.length),
          text:
            ids.length === 0
              ? t('cleanup.wouldBreak.none', { stage })
              : t('cleanup.wouldBreak.some', { stage, count: num(ids.length), ids: ids.slice(0, 10).join(', ') }),
        });
      }),
    );
    $('staged-break-card').hidden = lists.length === 0;
  }

  function ageLabel(b: ActivityBucket): string {
    if (b.fromDays === null) return t('cleanup.age.blank');
    return b.toDays === null ? `${b.fromDays}+` : `${b.fromDays}–${b.toDays - 1}`;
  }

  function renderCharts(p: PagePlan) {
    clear($('staged-charts')).append(
      barChart({
        title: t('cleanup.section.heldBack'),
        items: HOLD_REASONS.filter((r) => (p.byReason[r] ?? 0) > 0).map((r, n) => ({
          key: r,
          label: t(`cleanup.reason.${r}`),
          value: p.byReason[r] ?? 0,
          color: n % 10,
        })),
        emptyText: t('cleanup.none'),
      }),
      barChart({
        title: t('cleanup.section.activityAge'),
        items: p.activityAge.map((b) => ({ key: String(b.fromDays), label: ageLabel(b), value: b.count, color: 4 })),
        emptyText: t('cleanup.none'),
      }),
    );
  }

  function nextText(p: PagePlan) {
    const day = (iso: string | null) => (iso ?? '').slice(0, 10);
    if (p.stage === 1) return t('cleanup.next.1', { graceDays: p.graceDays, today: day(p.asOf) });
    if (p.stage === 2) return t('cleanup.next.2', { until: day(p.graceEndsAt) });
    return t('cleanup.next.3');
  }

  function renderDownloads(p: PagePlan) {
    clear($('staged-downloads')).append(
      ...(p.dataset?.downloads ?? []).map((name) =>
        h('button', { type: 'button', 'data-file': name, text: name, onclick: () => fetchFile(p.dataset.id, name) }),
      ),
    );
  }

  async function fetchFile(id: string, name: string) {
    hideError();
    const res = await fetchOk(`/api/cleanup/${encodeURIComponent(id)}/${encodeURIComponent(name)}?lang=${page.lang()}`, undefined, t, showError);
    if (!res) return;
    download(name, await res.arrayBuffer(), res.headers.get('content-type') ?? 'application/octet-stream');
  }

  $<HTMLSelectElement>('s-stage').addEventListener('change', renderStageFields);
  $<HTMLButtonElement>('s-run').addEventListener('click', run);
  $<HTMLInputElement>('s-days').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      run();
    }
  });
  $<HTMLButtonElement>('s-stage1-open').addEventListener('click', () => $<HTMLInputElement>('s-stage1').click());
  $<HTMLInputElement>('s-stage1').addEventListener('change', (e) => {
    tab.stage1 = targetOf(e).files?.[0] ?? null;
    targetOf(e).value = '';
    renderStage1Name();
  });
  return { render };
}

/** The Report / Staged cleanup tabs (WAI-ARIA tabs: arrow keys move between them). */
export function wireTabs() {
  const tabs = [$<HTMLButtonElement>('tab-report'), $<HTMLButtonElement>('tab-cleanup')];
  const select = (tab: HTMLButtonElement) => {
    for (const x of tabs) {
      const on = x === tab;
      x.setAttribute('aria-selected', String(on));
      x.tabIndex = on ? 0 : -1;
      $(x.getAttribute('aria-controls') ?? '').hidden = !on;
    }
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length] ?? tab;
      select(next);
      next.focus();
    });
  }
}
