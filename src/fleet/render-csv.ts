import type { AffectedDevice, CleanupEntry, FleetReport } from './types.js';

/**
 * CSV for Excel and scripts: one row per device, column names that do not change with the
 * language, UTF-8 with a BOM (so Excel reads Japanese names), CRLF. Every value comes from the
 * input, so a cell that a spreadsheet would run as a formula is prefixed with `'`.
 */

const AFFECTED_COLUMNS = [
  'deviceId',
  'displayName',
  'objectId',
  'os',
  'joinType',
  'joinTypeSource',
  'inventoryState',
  'cause',
  'errorCodes',
  'failureCount',
  'userCount',
  'users',
  'apps',
  'firstFailure',
  'lastFailure',
  'lastSuccess',
  'recovered',
  'deletedBy',
  'deletedAt',
  'auditAction',
  'auditMatch',
  'firstStep',
  'statusFile',
] as const satisfies readonly (keyof AffectedDevice)[];

const CLEANUP_COLUMNS = [
  'deviceId',
  'objectId',
  'displayName',
  'joinType',
  'risk',
  'reasons',
  'recommendedAction',
  'activeSince',
  'activeSource',
  'lastSuccessfulSignIn',
  'approximateLastSignIn',
] as const satisfies readonly (keyof CleanupEntry)[];

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv<T>(columns: readonly (keyof T & string)[], rows: T[]): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function fleetToCsv(report: FleetReport, which: 'affected' | 'cleanup' = 'affected'): string {
  return which === 'cleanup' ? toCsv<CleanupEntry>(CLEANUP_COLUMNS, report.cleanupImpact) : toCsv<AffectedDevice>(AFFECTED_COLUMNS, report.affected);
}
