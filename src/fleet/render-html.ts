import { type MessageKey, messageFor, type Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { esc, horizontalBars, PALETTE, stackedColumns } from './charts.js';
import { shortTime, summaryOpening } from './render-text.js';
import { type AffectedDevice, type CleanupEntry, DEVICE_ERROR_CODES, type FleetReport, type InputReport } from './types.js';

/**
 * The standalone HTML report: one file, inline CSS and SVG, no script, a Content-Security-Policy
 * that forbids loading anything, every value escaped. It opens offline and can be mailed.
 */

const CODE_COLORS: Record<string, string> = Object.fromEntries(DEVICE_ERROR_CODES.map((c, i) => [`AADSTS${c}`, PALETTE[i % PALETTE.length] ?? '#999']));
const RISK_COLORS: Record<string, string> = { high: '#c62828', medium: '#ef6c00', low: '#2e7d32' };

/** Rows of the device tables written into the file (the JSON has them all). */
const MAX_ROWS = 5000;

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI","Yu Gothic UI","Meiryo",sans-serif;margin:24px;color:#222;line-height:1.45}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.2em;margin-top:32px;border-bottom:1px solid #ccc;padding-bottom:4px}
.meta{color:#666;margin:0 0 16px}
table{border-collapse:collapse;font-size:.85em;margin:8px 0;width:100%}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}
td.num{text-align:right}
code,.id{font-family:ui-monospace,Consolas,monospace;font-size:.95em;word-break:break-all}
.risk-high{color:#b71c1c;font-weight:600}.risk-medium{color:#e65100}.risk-low{color:#2e7d32}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:8px 12px;background:#fff}
figcaption{font-weight:600;margin-bottom:6px}
svg text{font-size:12px;fill:#333}
.legend{font-size:.8em}.key{margin-right:10px;white-space:nowrap}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
.empty{color:#777}.note{color:#555;font-size:.85em}
ul.summary li{margin:2px 0}
`;

/** The report, top to bottom: title, summary, charts, affected devices, cleanup impact, inputs. */
export function fleetToHtml(report: FleetReport, lang: Lang, t: Translate): string {
  const parts = [
    `<h1>${esc(t('fleet.title'))}</h1><p class="meta">${esc(t('fleet.asOf', { asOf: shortTime(report.asOf) }))}</p>`,
    summarySection(report, t),
    chartsSection(report, t),
    affectedSection(report, t),
    cleanupSection(report, t),
    inputsSection(report, t),
  ].filter((part) => part !== '');
  return page(report, lang, t, parts);
}

/** A table cell: escaped text, or a dash when empty. */
function cell(v: string | number | null | undefined, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''}>${esc(v === null || v === undefined || v === '' ? '—' : String(v))}</td>`;
}

function headerRow(t: Translate, keys: MessageKey[]): string {
  return `<tr>${keys.map((k) => `<th>${esc(t(k))}</th>`).join('')}</tr>`;
}

function summarySection(report: FleetReport, t: Translate): string {
  const s = report.summary;
  const items: string[] = summaryOpening(report, t);
  const without = Object.entries(s.failuresWithoutDevice);
  if (without.length > 0) items.push(t('fleet.summary.withoutDevice', { list: without.map(([k, v]) => `${k} ${v}`).join(', ') }));
  if (s.inventory) items.push(t('fleet.summary.inventory', { devices: s.inventory.devices, disabled: s.inventory.disabled }));
  if (s.audit) items.push(t('fleet.summary.audit', { deletes: s.audit.deletes, disables: s.audit.disables, matched: s.audit.matched }));
  if (s.statuses) items.push(t('fleet.summary.statuses', { files: s.statuses.files, matched: s.statuses.matched }));
  if (report.cleanup) {
    const c = report.cleanup;
    items.push(t('fleet.summary.cleanup', { candidates: c.candidates, high: c.byRisk.high, medium: c.byRisk.medium, low: c.byRisk.low }));
  }
  return `<h2>${esc(t('fleet.section.summary'))}</h2><ul class="summary">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

function chartsSection(report: FleetReport, t: Translate): string {
  const s = report.summary;
  const empty = t('fleet.chart.empty');
  const charts: string[] = [
    stackedColumns(
      t('fleet.chart.byDay'),
      s.failuresByDay.map((d) => ({ label: d.day, parts: Object.entries(d.byCode).map(([key, value]) => ({ key, value })) })),
      CODE_COLORS,
      empty,
    ),
    horizontalBars(
      t('fleet.chart.byCode'),
      Object.entries(s.byErrorCode).map(([k, v]) => ({ label: k, value: v, color: CODE_COLORS[k] ?? '#999' })),
      empty,
    ),
    horizontalBars(
      t('fleet.chart.byJoinType'),
      Object.entries(s.byJoinType).map(([k, v]) => ({ label: messageFor(t, `joinType.${k}`), value: v })),
      empty,
    ),
    horizontalBars(
      t('fleet.chart.byCause'),
      Object.entries(s.byCause).map(([k, v]) => ({ label: messageFor(t, `fleet.cause.${k}`), value: v })),
      empty,
    ),
  ];
  if (s.audit)
    charts.push(
      horizontalBars(
        t('fleet.chart.actors'),
        s.topDeletionActors.map((a) => ({ label: a.actor, value: a.deletes + a.disables })),
        empty,
      ),
    );
  const cleanup = report.cleanup;
  if (cleanup) {
    const risks = (['high', 'medium', 'low'] as const).map((r) => ({
      label: t(`fleet.risk.${r}`),
      value: cleanup.byRisk[r] ?? 0,
      color: RISK_COLORS[r] ?? '#999',
    }));
    charts.push(horizontalBars(t('fleet.chart.cleanupRisk'), risks, empty));
  }
  return `<h2>${esc(t('fleet.section.charts'))}</h2><div class="charts">${charts.join('')}</div>`;
}

function affectedRow(d: AffectedDevice, t: Translate): string {
  const deleted = d.deletedBy
    ? `${d.deletedBy} — ${t(`fleet.action.${d.auditAction ?? 'delete'}`)} ${shortTime(d.deletedAt)}${d.auditMatch === 'name' ? ` (${t('fleet.matchedByName')})` : ''}`
    : null;
  return [
    '<tr>',
    cell(d.displayName),
    `<td class="id">${esc(d.deviceId)}</td>`,
    cell(`${t(`joinType.${d.joinType}`)} (${t(`fleet.source.${d.joinTypeSource}`)})`),
    cell(t(`fleet.state.${d.inventoryState}`)),
    cell(t(`fleet.cause.${d.cause}`)),
    cell(d.errorCodes.join(', ')),
    cell(d.failureCount, 'num'),
    cell(`${d.users.join(', ')}${d.userCount > d.users.length ? ` (+${d.userCount - d.users.length})` : ''}`),
    cell(shortTime(d.firstFailure)),
    cell(`${shortTime(d.lastFailure)}${d.recovered ? ` (${t('fleet.recovered')})` : ''}`),
    cell(deleted),
    `<td>${d.firstStep ? `<code>${esc(d.firstStep)}</code><br>${esc(messageFor(t, `step.${d.firstStep}.title`))}` : esc(t('fleet.noStep'))}</td>`,
    '</tr>',
  ].join('');
}

const AFFECTED_COLUMNS: MessageKey[] = [
  'fleet.col.name',
  'fleet.col.deviceId',
  'fleet.col.joinType',
  'fleet.col.inventory',
  'fleet.col.cause',
  'fleet.col.codes',
  'fleet.col.failures',
  'fleet.col.users',
  'fleet.col.first',
  'fleet.col.last',
  'fleet.col.deletedBy',
  'fleet.col.firstStep',
];

function affectedSection(report: FleetReport, t: Translate): string {
  if (report.affected.length === 0) return '';
  const rows = report.affected.slice(0, MAX_ROWS).map((d) => affectedRow(d, t));
  const out = [
    `<h2>${esc(t('fleet.section.affected'))} (${report.affected.length})</h2><table><thead>${headerRow(t, AFFECTED_COLUMNS)}</thead><tbody>${rows.join('')}</tbody></table>`,
  ];
  if (report.affected.length > MAX_ROWS) out.push(`<p class="note">${esc(t('fleet.more', { count: report.affected.length - MAX_ROWS }))}</p>`);
  return out.join('\n');
}

function cleanupRow(e: CleanupEntry, t: Translate): string {
  return [
    '<tr>',
    `<td class="risk-${e.risk}">${esc(t(`fleet.risk.${e.risk}`))}</td>`,
    cell(e.displayName),
    `<td class="id">${esc(e.deviceId)}</td>`,
    cell(t(`joinType.${e.joinType}`)),
    cell(shortTime(e.activeSince)),
    cell(t(`fleet.cleanupAction.${e.recommendedAction}`)),
    `<td>${e.reasons.map((r) => esc(t(`fleet.cleanupReason.${r}`))).join('<br>') || '—'}</td>`,
    '</tr>',
  ].join('');
}

const CLEANUP_COLUMNS: MessageKey[] = [
  'fleet.col.risk',
  'fleet.col.name',
  'fleet.col.deviceId',
  'fleet.col.joinType',
  'fleet.col.activeSince',
  'fleet.col.action',
  'fleet.col.reasons',
];

function cleanupSection(report: FleetReport, t: Translate): string {
  const c = report.cleanup;
  if (!c) return '';
  const rows = report.cleanupImpact.slice(0, MAX_ROWS).map((e) => cleanupRow(e, t));
  const out = [`<h2>${esc(t('fleet.section.cleanup'))} (${c.candidates})</h2>`];
  if (c.blankTimestamp > 0) out.push(`<p>${esc(t('fleet.summary.cleanupBlank', { count: c.blankTimestamp }))}</p>`);
  out.push(`<p>${esc(t('fleet.summary.order'))}</p><ol>${c.order.map((o) => `<li>${esc(messageFor(t, `fleet.order.${o}`))}</li>`).join('')}</ol>`);
  if (rows.length > 0) out.push(`<table><thead>${headerRow(t, CLEANUP_COLUMNS)}</thead><tbody>${rows.join('')}</tbody></table>`);
  if (report.cleanupImpact.length > MAX_ROWS) out.push(`<p class="note">${esc(t('fleet.more', { count: report.cleanupImpact.length - MAX_ROWS }))}</p>`);
  return out.join('\n');
}

function inputRow(i: InputReport, t: Translate): string {
  const problems = i.problems
    .slice(0, 5)
    .map((p) => `${p.file ? `${p.file}: ` : ''}${p.line > 0 ? `${t('fleet.html.lineInfo', { line: p.line })}: ` : ''}${p.reason}`)
    .join('; ');
  const reasons = Object.entries(i.rows.skippedByReason)
    .map(([k, v]) => `${messageFor(t, `fleet.reason.${k}`)}: ${v}`)
    .join('; ');
  return [
    '<tr>',
    `<td class="id">${esc(i.name)}</td>`,
    cell(i.kind ? t(`fleet.kind.${i.kind}`) : null),
    cell(i.error ? `${i.error}${i.errorDetail ? ` (${i.errorDetail})` : ''}` : i.format),
    cell(i.rows.read, 'num'),
    cell(i.rows.used, 'num'),
    cell(i.rows.skipped, 'num'),
    cell([reasons, problems, i.unknownColumns.length > 0 ? i.unknownColumns.join(', ') : ''].filter((x) => x !== '').join(' / ')),
    '</tr>',
  ].join('');
}

const INPUT_COLUMNS: MessageKey[] = [
  'fleet.col.file',
  'fleet.col.kind',
  'fleet.col.format',
  'fleet.col.read',
  'fleet.col.used',
  'fleet.col.skipped',
  'fleet.col.problems',
];

/** The inputs and the row reconciliation (read = used + skipped). */
function inputsSection(report: FleetReport, t: Translate): string {
  return [
    `<h2>${esc(t('fleet.section.inputs'))}</h2><table><thead>${headerRow(t, INPUT_COLUMNS)}</thead><tbody>${report.inputs.map((i) => inputRow(i, t)).join('')}</tbody></table>`,
    `<p>${esc(t('fleet.note.rows', { read: report.rows.read, used: report.rows.used, skipped: report.rows.skipped }))}</p>`,
    `<p class="note">${esc(t('fleet.html.note', { version: report.tool.version }))}</p>`,
  ].join('\n');
}

function page(report: FleetReport, lang: Lang, t: Translate, parts: string[]): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dsreg-doctor ${esc(report.tool.version)}">
<title>${esc(t('fleet.title'))}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
