import { esc, horizontalBars } from '../fleet/charts.js';
import { csvCell } from '../fleet/render-csv.js';
import { messageFor, type Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { safeTerminalText } from '../render/diagnosis-text.js';
import { type ActivityBucket, type CleanupDevice, HOLD_REASONS, type StagedCleanup } from './staged.js';

/** The staged cleanup as a table (terminal), CSV (one row per device and list), JSON or standalone HTML. */

const TABLE_LIMIT = 50;

export function cleanupToJson(plan: StagedCleanup): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Which list each device is on. */
export function cleanupLists(plan: StagedCleanup): { list: string; devices: CleanupDevice[] }[] {
  return [
    { list: 'disable', devices: plan.disable },
    { list: 're-enable', devices: plan.reEnable },
    { list: 'pending-delete', devices: plan.pendingDelete },
    { list: 'delete', devices: plan.delete },
    { list: 'held-back', devices: plan.heldBack },
  ];
}

const CSV_COLUMNS = [
  'list',
  'deviceId',
  'objectId',
  'displayName',
  'joinType',
  'os',
  'enabled',
  'lastActivity',
  'activitySource',
  'activityAgeDays',
  'reasons',
  'errorsSinceStage1',
  'lastErrorSinceStage1',
  'restorableUntil',
] as const;

export function cleanupToCsv(plan: StagedCleanup, only?: string): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const { list, devices } of cleanupLists(plan)) {
    if (only !== undefined && list !== only) continue;
    for (const d of devices) {
      const row: Record<string, unknown> = { ...d, list };
      lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function ageLabel(b: ActivityBucket, t: Translate): string {
  if (b.fromDays === null) return t('cleanup.age.blank');
  return b.toDays === null ? `${b.fromDays}+` : `${b.fromDays}–${b.toDays - 1}`;
}

const stageName = (t: Translate, list: 'disable' | 'delete') => t(list === 'disable' ? 'cleanup.stage.disable' : 'cleanup.stage.delete');
const joinName = (t: Translate, j: string) => messageFor(t, `joinType.${j}`);

export function cleanupToText(plan: StagedCleanup, t: Translate): string {
  const out: string[] = [];
  const s = (x: string) => safeTerminalText(x);
  out.push(t('cleanup.title', { stage: plan.stage }));
  out.push(summaryLine(plan, t));
  if (plan.sinceStage1)
    out.push(t('cleanup.grace', { since: plan.sinceStage1.slice(0, 10), graceDays: plan.graceDays, until: (plan.graceEndsAt ?? '').slice(0, 10) }));
  for (const w of plan.warnings) out.push(`! ${t(`cleanup.warning.${w}`, { date: (plan.graceEndsAt ?? '').slice(0, 10) })}`);
  out.push('');
  const table = (title: string, devices: CleanupDevice[], extra?: (d: CleanupDevice) => string) => {
    out.push(title);
    if (devices.length === 0) out.push(`  ${t('cleanup.none')}`);
    for (const d of devices.slice(0, TABLE_LIMIT)) {
      const age = d.activityAgeDays === null ? t('cleanup.age.blank') : `${d.activityAgeDays}d`;
      const reasons = d.reasons.map((r) => t(`cleanup.reason.${r}`)).join('; ');
      out.push(
        `  ${s(d.displayName ?? '-').padEnd(20)} ${d.deviceId}  ${joinName(t, d.joinType).padEnd(16)} ${age.padStart(6)}  ${s(extra ? extra(d) : reasons)}`,
      );
    }
    if (devices.length > TABLE_LIMIT) out.push(`  ${t('cleanup.more', { count: devices.length - TABLE_LIMIT })}`);
    out.push('');
  };
  if (plan.stage === 1) table(t('cleanup.section.disable', { count: plan.disable.length }), plan.disable);
  if (plan.stage !== 1)
    table(
      t('cleanup.section.reEnable', { count: plan.reEnable.length }),
      plan.reEnable,
      (d) => `${d.errorsSinceStage1.join(', ')} ${d.lastErrorSinceStage1 ?? ''}`,
    );
  if (plan.stage !== 1 && plan.pendingDelete.length > 0) table(t('cleanup.section.pendingDelete', { count: plan.pendingDelete.length }), plan.pendingDelete);
  if (plan.stage === 3) {
    table(t('cleanup.section.delete', { count: plan.delete.length }), plan.delete, (d) => d.restorableUntil ?? t('cleanup.restorable.none'));
    if (plan.delete.some((d) => d.restorableUntil !== null))
      out.push(t('cleanup.restorable', { until: (plan.delete.find((d) => d.restorableUntil)?.restorableUntil ?? '').slice(0, 10) }), '');
  }
  out.push(t('cleanup.section.heldBack'));
  const counts = HOLD_REASONS.filter((r) => (plan.byReason[r] ?? 0) > 0);
  if (counts.length === 0) out.push(`  ${t('cleanup.none')}`);
  for (const r of counts) out.push(`  ${String(plan.byReason[r]).padStart(6)}  ${t(`cleanup.reason.${r}`)}`);
  out.push('');
  out.push(t('cleanup.section.wouldBreak'));
  for (const l of wouldBreakLines(plan, t)) out.push(`  ${l}`);
  out.push('');
  out.push(t('cleanup.section.activityAge'));
  const max = Math.max(1, ...plan.activityAge.map((b) => b.count));
  for (const b of plan.activityAge) out.push(`  ${ageLabel(b, t).padStart(8)} ${'#'.repeat(Math.round((b.count / max) * 40)).padEnd(40)} ${b.count}`);
  out.push('');
  out.push(nextLine(plan, t));
  return `${out.join('\n')}\n`;
}

function summaryLine(plan: StagedCleanup, t: Translate): string {
  return t('cleanup.summary', {
    asOf: plan.asOf.slice(0, 10),
    staleDays: plan.staleDays,
    candidates: plan.candidates,
    heldBack: plan.heldBack.length,
    disable: plan.disable.length,
    reEnable: plan.reEnable.length,
    delete: plan.delete.length,
  });
}

function wouldBreakLines(plan: StagedCleanup, t: Translate): string[] {
  const lines: string[] = [];
  const lists: ['disable' | 'delete', string[]][] =
    plan.stage === 1 ? [['disable', plan.wouldBreak.disable]] : plan.stage === 3 ? [['delete', plan.wouldBreak.delete]] : [];
  for (const [list, ids] of lists) {
    lines.push(
      ids.length === 0
        ? t('cleanup.wouldBreak.none', { stage: stageName(t, list) })
        : t('cleanup.wouldBreak.some', { stage: stageName(t, list), count: ids.length, ids: ids.slice(0, 10).join(', ') }),
    );
  }
  return lines;
}

function nextLine(plan: StagedCleanup, t: Translate): string {
  if (plan.stage === 1) return t('cleanup.next.1', { graceDays: plan.graceDays, today: plan.asOf.slice(0, 10) });
  if (plan.stage === 2) return t('cleanup.next.2', { until: (plan.graceEndsAt ?? '').slice(0, 10) });
  return t('cleanup.next.3');
}

export function cleanupToHtml(plan: StagedCleanup, lang: Lang, t: Translate): string {
  const rows = (devices: CleanupDevice[], extra: (d: CleanupDevice) => string) =>
    devices
      .map(
        (d) =>
          `<tr><td>${esc(d.displayName ?? '')}</td><td><code>${esc(d.deviceId)}</code></td><td>${esc(joinName(t, d.joinType))}</td><td>${esc(d.lastActivity ?? '')}</td><td>${d.activityAgeDays ?? ''}</td><td>${esc(extra(d))}</td></tr>`,
      )
      .join('');
  const head = (last: string) =>
    `<tr><th>${esc(t('cleanup.col.name'))}</th><th>${esc(t('cleanup.col.deviceId'))}</th><th>${esc(t('cleanup.col.joinType'))}</th><th>${esc(t('cleanup.col.lastActivity'))}</th><th>${esc(t('cleanup.col.age'))}</th><th>${esc(last)}</th></tr>`;
  const reasons = (d: CleanupDevice) => d.reasons.map((r) => t(`cleanup.reason.${r}`)).join('; ');
  const section = (title: string, devices: CleanupDevice[], last: string, extra: (d: CleanupDevice) => string) =>
    `<section><h2>${esc(title)}</h2>${devices.length === 0 ? `<p>${esc(t('cleanup.none'))}</p>` : `<table><thead>${head(last)}</thead><tbody>${rows(devices, extra)}</tbody></table>`}</section>`;
  const parts: string[] = [];
  parts.push(`<h1>${esc(t('cleanup.title', { stage: plan.stage }))}</h1>`);
  parts.push(`<p>${esc(summaryLine(plan, t))}</p>`);
  if (plan.sinceStage1)
    parts.push(
      `<p>${esc(t('cleanup.grace', { since: plan.sinceStage1.slice(0, 10), graceDays: plan.graceDays, until: (plan.graceEndsAt ?? '').slice(0, 10) }))}</p>`,
    );
  for (const w of plan.warnings) parts.push(`<p class="warning">${esc(t(`cleanup.warning.${w}`, { date: (plan.graceEndsAt ?? '').slice(0, 10) }))}</p>`);
  if (plan.stage === 1) parts.push(section(t('cleanup.section.disable', { count: plan.disable.length }), plan.disable, t('cleanup.col.reasons'), reasons));
  if (plan.stage !== 1)
    parts.push(
      section(t('cleanup.section.reEnable', { count: plan.reEnable.length }), plan.reEnable, t('cleanup.col.errors'), (d) => d.errorsSinceStage1.join(', ')),
    );
  if (plan.stage !== 1 && plan.pendingDelete.length > 0)
    parts.push(section(t('cleanup.section.pendingDelete', { count: plan.pendingDelete.length }), plan.pendingDelete, t('cleanup.col.reasons'), reasons));
  if (plan.stage === 3)
    parts.push(
      section(
        t('cleanup.section.delete', { count: plan.delete.length }),
        plan.delete,
        t('cleanup.col.restorableUntil'),
        (d) => d.restorableUntil ?? t('cleanup.restorable.none'),
      ),
    );
  parts.push(
    `<section><h2>${esc(t('cleanup.section.wouldBreak'))}</h2>${wouldBreakLines(plan, t)
      .map((l) => `<p>${esc(l)}</p>`)
      .join('')}</section>`,
  );
  parts.push(
    horizontalBars(
      t('cleanup.section.heldBack'),
      HOLD_REASONS.filter((r) => (plan.byReason[r] ?? 0) > 0).map((r) => ({ label: t(`cleanup.reason.${r}`), value: plan.byReason[r] ?? 0 })),
      t('cleanup.none'),
    ),
  );
  parts.push(section(t('cleanup.section.heldBack'), plan.heldBack, t('cleanup.col.reasons'), reasons));
  parts.push(
    horizontalBars(
      t('cleanup.section.activityAge'),
      plan.activityAge.map((b) => ({ label: ageLabel(b, t), value: b.count, color: '#1565c0' })),
      t('cleanup.none'),
    ),
  );
  parts.push(`<p>${esc(nextLine(plan, t))}</p>`);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(t('cleanup.title', { stage: plan.stage }))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}.warning{color:#b71c1c}figure{margin:1em 0}</style>
</head><body>
${parts.join('\n')}
</body></html>
`;
}
