import { collectErrorCodes } from '../model/status.js';
import type { ParsedReport } from '../read/parse.js';
import { sortCodes } from './context.js';
import type { EvidenceLine } from './types.js';
import type { ReportedErrorJson as ReportedError } from '../contract/diagnosis.js';

/** The error the user reported (the contract's shape: the diagnosis JSON carries it as it is). */
export type { ReportedErrorJson as ReportedError, ReportedErrorSource } from '../contract/diagnosis.js';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const GUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** dsregcmd's own `Name : value` lines (space before the colon): their hex codes are the status's, not the report's. */
const STATUS_FIELD_LINE = /^\s*[A-Za-z][\w .()/-]{0,40}\s:\s?/;

const DELETED_TEXT =
  /organi[sz]ation has deleted this device|device object was not found|組織.{0,12}デバイス.{0,8}削除|このデバイス(?:を|は|が)削除|デバイス\s?オブジェクトが見つかりません/i;
const DISABLED_TEXT = /device used during the authentication is disabled|device is disabled|デバイスが無効/i;

/** Labelled values of an error page's Troubleshooting details / トラブルシューティングの詳細. */
const LABELS: { kind: 'device' | 'correlation' | 'timestamp' | 'tenant' | 'code'; re: RegExp }[] = [
  { kind: 'device', re: /^\s*(?:device\s*identifier|device\s+id|デバイス\s*識別子|デバイス\s*ID)\s*:\s*(.+)$/i },
  { kind: 'correlation', re: /^\s*(?:correlation\s*id|相関\s*ID)\s*:\s*(.+)$/i },
  { kind: 'timestamp', re: /^\s*(?:timestamp|タイムスタンプ)\s*:\s*(.+)$/i },
  { kind: 'tenant', re: /^\s*(?:tenant|テナント(?:\s*名)?)\s*:\s*(.+)$/i },
  { kind: 'code', re: /(?:error\s*code|エラー\s*コード)\s*:?\s*((?:AADSTS)?\d{4,7}|0x[0-9a-f]{8})\b/i },
];

/** `in the tenant 'X' directory`, 「テナント 'X' のディレクトリ」, `tenant 'X'`. */
const TENANT_PHRASE = /(?:tenant|テナント)\s*['‘’"“”「]([^'‘’"“”」]{1,120})['‘’"“”」]/gi;

const BLANK = /^\s*$/;
const NON_ASCII = /[^\x00-\x7f]/;
const DIGIT = /\d/;

function empty(): ReportedError {
  return { codes: [], deviceIds: [], tenantNames: [], tenantIds: [], correlationIds: [], timestamps: [], sources: [] };
}

function push(list: string[], value: string): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

/** What one line says about the reported error; false when it says nothing. */
function scanLine(raw: string, into: ReportedError, labelsOnly: boolean, inStatusField = false): boolean {
  // a blank line says nothing (every pattern below needs a visible character): the common line of a padded paste
  if (raw.length === 0 || BLANK.test(raw)) return false;
  // full-width colons, digits and spaces (transcribed pages) read as their ASCII forms
  const line = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  // every code pattern needs an ASCII digit, every label a colon (after NFKC): skip the patterns a line cannot match
  const hasDigit = DIGIT.test(line);
  const hasColon = line.includes(':');
  let hit = false;
  const statusLine = inStatusField || (hasColon && STATUS_FIELD_LINE.test(line));
  const codes: string[] = [];
  for (const c of hasDigit ? collectErrorCodes([line]) : []) {
    // a status field's hex code (Attempt Status : 0xc000023c) is the status's own evidence
    if (c.startsWith('0x') && statusLine) continue;
    codes.push(c);
  }
  for (const { kind, re } of LABELS) {
    if (kind === 'code' ? !hasDigit : !hasColon) continue;
    const m = re.exec(line);
    if (!m) continue;
    const value = (m[1] ?? '').trim();
    if (kind === 'code') {
      // Client ErrorCode : 0x801c03f2 is the status's own field
      if (statusLine) continue;
      codes.push(/^\d+$/.test(value) ? `AADSTS${value}` : (collectErrorCodes([value])[0] ?? value.toUpperCase()));
    } else if (statusLine && kind === 'correlation') {
      // dsregcmd's own Correlation ID (PRT diagnostics) is not the error page's
    } else if (kind === 'device') {
      const g = GUID.exec(value);
      if (g) hit = push(into.deviceIds, g[0].toLowerCase()) || hit;
    } else if (kind === 'correlation') {
      const g = GUID.exec(value);
      if (g) hit = push(into.correlationIds, g[0].toLowerCase()) || hit;
    } else if (kind === 'timestamp') {
      hit = push(into.timestamps, value) || hit;
    } else if (kind === 'tenant') {
      const g = GUID.exec(value);
      if (g && g[0].length === value.length) hit = push(into.tenantIds, g[0].toLowerCase()) || hit;
      else hit = push(into.tenantNames, value) || hit;
    }
  }
  if (!labelsOnly || !statusLine) {
    if (DELETED_TEXT.test(line)) codes.unshift('AADSTS700003');
    if (DISABLED_TEXT.test(line)) codes.unshift('AADSTS135011');
  }
  for (const m of line.matchAll(TENANT_PHRASE)) {
    const name = (m[1] ?? '').trim();
    if (!name) continue;
    const g = GUID.exec(name);
    if (g && g[0].length === name.length) hit = push(into.tenantIds, g[0].toLowerCase()) || hit;
    else hit = push(into.tenantNames, name) || hit;
  }
  for (const c of codes) hit = push(into.codes, c) || hit;
  return hit || codes.length > 0;
}

/** A bare `--error 700003` or `--error 801c03f2`. */
function bareCode(text: string): string | null {
  const t = text.trim().normalize('NFKC');
  if (/^\d{4,7}$/.test(t)) return `AADSTS${t}`;
  if (/^(?:0x)?[0-9a-f]{8}$/i.test(t)) return `0x${t.replace(/^0x/i, '').toLowerCase()}`;
  return null;
}

/**
 * Read the reported error from `--error` text, `--device-id` and every line of the input, with
 * one extractor. The lines are read whatever the reader made of them (field, prose, skipped).
 *
 * @example
 * extractReportedError(report, { error: '700003' }).codes // ['AADSTS700003', ...codes of the input]
 */
export function extractReportedError(report: ParsedReport | null, options: { error?: string | undefined; deviceId?: string | undefined }): ReportedError {
  const into = empty();
  if (options.error?.trim()) {
    const bare = bareCode(options.error);
    if (bare) {
      push(into.codes, bare);
      into.sources.push({ from: 'option', line: 0, text: options.error.trim() });
    } else {
      for (const text of options.error.split(/\r?\n/)) {
        if (text.trim() && scanLine(text, into, false)) into.sources.push({ from: 'option', line: 0, text: text.trim() });
      }
    }
  }
  if (options.deviceId?.trim()) {
    for (const g of options.deviceId.matchAll(GUID_G)) push(into.deviceIds, g[0].toLowerCase());
    into.sources.push({ from: 'option', line: 0, text: `--device-id ${options.deviceId.trim()}` });
  }
  if (report) {
    // lines of a status field (a value wrapped onto the next line included): their hex codes are the status's own
    const fieldLines = new Set<number>();
    for (const f of report.fields) {
      const n = f.raw.split('\n').length;
      for (let k = 0; k < n; k++) fieldLines.add(f.line + k);
    }
    const lines = report.lines;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] ?? '';
      if (text === '') continue;
      if (scanLine(text, into, true, fieldLines.has(i + 1))) into.sources.push({ from: 'input', line: i + 1, text: text.trimEnd() });
    }
  }
  into.codes = sortCodes(into.codes);
  return into;
}

/** Codes of `--error` alone (bare number, hex, or pasted text), as the old `errorInputCodes`. */
export function optionCodes(error: string | undefined): string[] {
  return extractReportedError(null, { error }).codes;
}

/** The input lines that carry the reported error and mention one of these codes. */
export function reportedErrorLines(reported: ReportedError, codes: string[]): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  for (const s of reported.sources) {
    if (s.from !== 'input') continue;
    const norm = s.text.normalize('NFKC');
    const mentions = codes.some((c) => {
      if (norm.toUpperCase().includes(c.toUpperCase())) return true;
      const digits = c.replace(/^AADSTS/, '');
      if (c.startsWith('AADSTS') && new RegExp(`\\b${digits}\\b`).test(norm)) return true;
      if (c === 'AADSTS700003' && DELETED_TEXT.test(norm)) return true;
      if (c === 'AADSTS135011' && DISABLED_TEXT.test(norm)) return true;
      return false;
    });
    if (mentions) out.push({ line: s.line, text: s.text });
  }
  return out;
}

/** Every input line of the reported error (codes, device identifier, tenant, correlation). */
export function reportedErrorEvidence(reported: ReportedError): EvidenceLine[] {
  return reported.sources.filter((s) => s.from === 'input').map((s) => ({ line: s.line, text: s.text }));
}
