import { messageFor, type Translate } from '../i18n/format.js';
import { safeTerminalText } from '../render/diagnosis-text.js';
import type { AffectedDevice, CleanupEntry, FleetReport, InputReport } from './types.js';

/** Shared by the text and HTML renderers: a time as people read it (UTC, minutes). */
export function shortTime(iso: string | null): string {
  if (!iso) return '—';
  return iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, '');
}

/** Columns a terminal gives a character: East Asian wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x1f300
        ? 2
        : 1;
  }
  return w;
}

function clip(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(`${out + ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** A plain aligned table; every cell is data from the input, so it is made safe for a terminal. */
function table(headers: string[], rows: string[][], maxWidths: number[]): string[] {
  const cells = rows.map((r) => r.map((c, i) => clip(safeTerminalText(c), maxWidths[i] ?? 40)));
  const widths = headers.map((h, i) => cells.reduce((m, r) => Math.max(m, displayWidth(r[i] ?? '')), displayWidth(h)));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

export interface TextOptions {
  /** Rows of the affected table to show (the rest are counted). */
  limit?: number;
}

export function fleetToText(report: FleetReport, t: Translate, options: TextOptions = {}): string {
  const limit = options.limit ?? 50;
  const out: string[] = [];
  const s = report.summary;
  out.push(`${t('fleet.title')} — ${t('fleet.asOf', { asOf: shortTime(report.asOf) })}`, '');
  out.push(`## ${t('fleet.section.summary')}`);
  for (const line of summaryOpening(report, t)) out.push(line);
  const counts = (o: Record<string, number>, label: (k: string) => string = (k) => k) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${label(k)} ${v}`)
      .join(', ');
  if (s.devicesAffected > 0) {
    out.push(`- ${t('fleet.col.codes')}: ${counts(s.byErrorCode)}`);
    out.push(`- ${t('fleet.col.joinType')}: ${counts(s.byJoinType, (k) => messageFor(t, `joinType.${k}`))}`);
    out.push(`- ${t('fleet.col.cause')}: ${counts(s.byCause, (k) => messageFor(t, `fleet.cause.${k}`))}`);
  }
  if (Object.keys(s.failuresWithoutDevice).length > 0) out.push(t('fleet.summary.withoutDevice', { list: counts(s.failuresWithoutDevice) }));
  if (s.inventory) out.push(t('fleet.summary.inventory', { devices: s.inventory.devices, disabled: s.inventory.disabled }));
  if (s.audit) out.push(t('fleet.summary.audit', { deletes: s.audit.deletes, disables: s.audit.disables, matched: s.audit.matched }));
  if (s.topDeletionActors.length > 0) {
    out.push(
      `- ${t('fleet.chart.actors')}: ${s.topDeletionActors
        .slice(0, 5)
        .map((a) => `${safeTerminalText(a.actor)} (${t('fleet.col.deletes')} ${a.deletes}, ${t('fleet.col.disables')} ${a.disables})`)
        .join('; ')}`,
    );
  }
  if (s.statuses) out.push(t('fleet.summary.statuses', { files: s.statuses.files, matched: s.statuses.matched }));

  if (report.affected.length > 0) {
    out.push('', `## ${t('fleet.section.affected')}`);
    for (const line of affectedTable(report.affected.slice(0, limit), t)) out.push(line);
    if (report.affected.length > limit) out.push(t('fleet.more', { count: report.affected.length - limit }));
  }

  if (report.cleanup) {
    const c = report.cleanup;
    out.push('', `## ${t('fleet.section.cleanup')}`);
    out.push(t('fleet.summary.cleanup', { candidates: c.candidates, high: c.byRisk.high, medium: c.byRisk.medium, low: c.byRisk.low }));
    if (c.blankTimestamp > 0) out.push(t('fleet.summary.cleanupBlank', { count: c.blankTimestamp }));
    const risky = report.cleanupImpact.filter((e) => e.risk !== 'low');
    if (risky.length > 0) {
      for (const line of cleanupTable(risky.slice(0, limit), t)) out.push(line);
      if (risky.length > limit) out.push(t('fleet.more', { count: risky.length - limit }));
    }
    out.push('', t('fleet.summary.order'));
    c.order.forEach((step, i) => {
      out.push(`  ${i + 1}. ${messageFor(t, `fleet.order.${step}`)}`);
    });
  }

  out.push('', `## ${t('fleet.section.inputs')}`);
  for (const line of inputsTable(report.inputs, t)) out.push(line);
  out.push(t('fleet.note.rows', { read: report.rows.read, used: report.rows.used, skipped: report.rows.skipped }));
  return `${out.join('\n')}\n`;
}

function affectedTable(devices: AffectedDevice[], t: Translate): string[] {
  const headers = [
    t('fleet.col.name'),
    t('fleet.col.deviceId'),
    t('fleet.col.joinType'),
    t('fleet.col.inventory'),
    t('fleet.col.codes'),
    t('fleet.col.failures'),
    t('fleet.col.users'),
    t('fleet.col.last'),
    t('fleet.col.deletedBy'),
    t('fleet.col.firstStep'),
  ];
  const rows = devices.map((d) => [
    d.displayName ?? '—',
    d.deviceId,
    `${d.joinType} (${t(`fleet.source.${d.joinTypeSource}`)})`,
    t(`fleet.state.${d.inventoryState}`),
    d.errorCodes.map((c) => c.replace('AADSTS', '')).join(','),
    String(d.failureCount),
    d.userCount > 1 ? `${d.users[0] ?? ''} +${d.userCount - 1}` : (d.users[0] ?? '—'),
    shortTime(d.lastFailure) + (d.recovered ? ` (${t('fleet.recovered')})` : ''),
    d.deletedBy ? `${d.deletedBy} (${t(`fleet.action.${d.auditAction ?? 'delete'}`)} ${shortTime(d.deletedAt)})` : '—',
    d.firstStep ?? '—',
  ]);
  return table(headers, rows, [24, 36, 34, 10, 24, 8, 30, 28, 44, 30]);
}

function cleanupTable(entries: CleanupEntry[], t: Translate): string[] {
  const headers = [
    t('fleet.col.risk'),
    t('fleet.col.name'),
    t('fleet.col.deviceId'),
    t('fleet.col.activeSince'),
    t('fleet.col.action'),
    t('fleet.col.reasons'),
  ];
  const rows = entries.map((e) => [
    t(`fleet.risk.${e.risk}`),
    e.displayName ?? '—',
    e.deviceId,
    shortTime(e.activeSince),
    t(`fleet.cleanupAction.${e.recommendedAction}`),
    e.reasons.join(', '),
  ]);
  return table(headers, rows, [14, 24, 36, 18, 40, 60]);
}

function inputsTable(inputs: InputReport[], t: Translate): string[] {
  const headers = [t('fleet.col.file'), t('fleet.col.format'), t('fleet.col.read'), t('fleet.col.used'), t('fleet.col.skipped')];
  const rows = inputs.map((i) => [
    i.name,
    i.error ? `(${i.error})` : (i.format ?? '—'),
    String(i.rows.read),
    String(i.rows.used),
    i.rows.skipped === 0
      ? '0'
      : `${i.rows.skipped} (${Object.entries(i.rows.skippedByReason)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
  ]);
  return table(headers, rows, [50, 28, 10, 10, 70]);
}

/** The summary's first lines, the same in every format: affected devices, then the sign-ins read. */
export function summaryOpening(report: FleetReport, t: Translate): string[] {
  const s = report.summary;
  const out = [s.devicesAffected > 0 ? t('fleet.summary.affected', { count: s.devicesAffected, recovered: s.devicesRecovered }) : t('fleet.summary.none')];
  if (s.signIns.rows > 0) {
    out.push(
      t('fleet.summary.signIns', {
        rows: s.signIns.rows,
        failures: s.signIns.failures,
        deviceErrors: s.signIns.deviceErrorFailures,
        first: shortTime(s.signIns.first),
        last: shortTime(s.signIns.last),
        devices: s.signIns.devicesSeen,
      }),
    );
  }
  return out;
}
