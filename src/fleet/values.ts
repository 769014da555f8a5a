import type { JoinType } from '../model/status.js';

/**
 * Value parsing shared by the fleet readers: times, ids, booleans, join types. Every function
 * takes text as the exports write it and returns a typed value or a "don't know" value; none
 * throws.
 */

/** Header / property names compared loosely: `Date (UTC)` → `dateutc`, `TimeGenerated [UTC]` → `timegenerated`. */
export function normKey(name: string): string {
  return name
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const GUID_RE = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
export const GUID_ANYWHERE = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * A device id as a map key: trimmed, lower-case, without braces. Empty for no id (also the
 * all-zero GUID some exports write for "no device"). Non-GUID ids are kept as they are (lower-cased).
 */
export function deviceKey(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let s = raw;
  if (s.length !== 36) {
    s = s.trim();
    const m = GUID_RE.exec(s);
    if (m?.[1] !== undefined) s = m[1];
  }
  if (s.length === 0) return '';
  // fast path: already lower-case
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      s = s.toLowerCase();
      break;
    }
  }
  return s === ZERO_GUID ? '' : s;
}

export function isGuidKey(s: string): boolean {
  return s.length === 36 && GUID_RE.test(s);
}

/** `True`/`False`/`Yes`/`No`/`1`/`0`/booleans → boolean; anything else → null. */
export function parseBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  switch (v.trim().toLowerCase()) {
    case 'true':
    case 'yes':
    case '1':
    case 'はい':
      return true;
    case 'false':
    case 'no':
    case '0':
    case 'いいえ':
      return false;
    default:
      return null;
  }
}

const d2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
const isDigit = (c: number) => c >= 48 && c <= 57;
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/**
 * A timestamp from an export, as epoch milliseconds (UTC); NaN when it is not a time.
 *
 * - ISO 8601 as Graph and the admin center write it: `2025-12-04T08:19:41Z`, with or without
 *   fractions, an offset, or a space instead of `T` (no zone = UTC: the columns are UTC).
 * - Excel / PowerShell culture formats: `12/4/2025 8:19:41 AM` (month first, as the portal
 *   and en-US write it; day first when the first number is over 12), `4.12.2025 08:19:41`
 *   (dots: day first), `2025/12/04 8:19` (Japanese Excel), and Log Analytics' `12/4/2025, 8:19:41.123 AM`.
 */
export function parseTime(v: unknown): number {
  if (typeof v !== 'string') return Number.NaN;
  const s = v.length > 0 && (v.charCodeAt(0) === 0x20 || v.charCodeAt(v.length - 1) === 0x20) ? v.trim() : v;
  // fast path: YYYY-MM-DDTHH:MM:SS[.fff][Z]
  if (
    s.length >= 19 &&
    s.charCodeAt(4) === 0x2d &&
    s.charCodeAt(7) === 0x2d &&
    (s.charCodeAt(10) === 0x54 || s.charCodeAt(10) === 0x20) &&
    s.charCodeAt(13) === 0x3a &&
    s.charCodeAt(16) === 0x3a
  ) {
    for (const k of ISO_DIGITS) if (!isDigit(s.charCodeAt(k))) return Number.NaN;
    const year = d2(s, 0) * 100 + d2(s, 2);
    const month = d2(s, 5);
    const day = d2(s, 8);
    const hour = d2(s, 11);
    const minute = d2(s, 14);
    const second = d2(s, 17);
    let k = 19;
    let ms = 0;
    if (s.charCodeAt(k) === 0x2e) {
      k++;
      let scale = 100;
      while (k < s.length && isDigit(s.charCodeAt(k))) {
        ms += (s.charCodeAt(k) - 48) * scale;
        scale /= 10;
        k++;
      }
      ms = Math.floor(ms);
    }
    let offset = 0;
    if (k < s.length) {
      const c = s.charCodeAt(k);
      if (c === 0x5a || c === 0x7a) k++;
      else if ((c === 0x2b || c === 0x2d) && k + 6 <= s.length && s.charCodeAt(k + 3) === 0x3a) {
        offset = (c === 0x2d ? -1 : 1) * (d2(s, k + 1) * 60 + d2(s, k + 4));
        k += 6;
      } else return Number.NaN;
    }
    if (k !== s.length) return Number.NaN;
    return validUtc(year, month, day, hour, minute, second, ms) - offset * 60000;
  }
  if (s.charCodeAt(0) === 0x2f || s.charCodeAt(0) === 0x5c) return msDate(s);
  return parseCultureTime(s);
}

/**
 * Windows PowerShell 5.1 `ConvertTo-Json` dates: `"\/Date(1717230000000)\/"` (the JSON text
 * holds `/Date(…)/`), with an optional `+0900` offset that does not change the instant.
 */
const MS_DATE_RE = /^\\?\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\\?\/$/;
function msDate(s: string): number {
  const m = MS_DATE_RE.exec(s);
  return m?.[1] !== undefined ? Number(m[1]) : Number.NaN;
}

const CULTURE_RE =
  /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?\s*([AaPp][Mm]|午前|午後)?)?\s*(?:Z|UTC|\(UTC\))?$/;

function parseCultureTime(s: string): number {
  const m = CULTURE_RE.exec(s);
  if (!m) return Number.NaN;
  const [, a, sep, b, c, hh, mm, ss, frac, ampm] = m;
  let year: number;
  let month: number;
  let day: number;
  const na = Number(a);
  const nb = Number(b);
  const nc = Number(c);
  if ((a ?? '').length === 4) {
    // 2025/12/04
    year = na;
    month = nb;
    day = nc;
  } else if ((c ?? '').length === 4) {
    year = nc;
    if (sep === '.' || na > 12) {
      day = na;
      month = nb;
    } else {
      month = na;
      day = nb;
    }
  } else return Number.NaN;
  let hour = hh === undefined ? 0 : Number(hh);
  if (ampm !== undefined) {
    const pm = /^[Pp]|午後/.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  return validUtc(year, month, day, hour, mm === undefined ? 0 : Number(mm), ss === undefined ? 0 : Number(ss), ms);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm): no Date object per row. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function validUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return Number.NaN;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (day > (DAYS_IN_MONTH[month - 1] ?? 31) + (leap ? 1 : 0)) return Number.NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000 + second * 1000 + ms;
}

const b2 = (b: Uint8Array, i: number) => ((b[i] ?? 0) - 48) * 10 + ((b[i + 1] ?? 0) - 48);

/**
 * `YYYY-MM-DDTHH:MM:SS[.f…][Z]` read straight from bytes (the CSV hot path); NaN for anything
 * else, so the caller falls back to `parseTime` on the text.
 */
export function timeFromBytes(b: Uint8Array, s: number, e: number): number {
  if (e - s < 19 || b[s + 4] !== 0x2d || b[s + 7] !== 0x2d || (b[s + 10] !== 0x54 && b[s + 10] !== 0x20) || b[s + 13] !== 0x3a || b[s + 16] !== 0x3a)
    return Number.NaN;
  for (const k of ISO_DIGITS) {
    const c = b[s + k] ?? 0;
    if (c < 48 || c > 57) return Number.NaN;
  }
  let k = s + 19;
  let ms = 0;
  if (b[k] === 0x2e) {
    k++;
    let scale = 100;
    while (k < e && (b[k] ?? 0) >= 48 && (b[k] ?? 0) <= 57) {
      ms += ((b[k] ?? 0) - 48) * scale;
      scale /= 10;
      k++;
    }
    ms = Math.floor(ms);
  }
  if (k < e && (b[k] === 0x5a || b[k] === 0x7a)) k++;
  if (k !== e) return Number.NaN;
  return validUtc(b2(b, s) * 100 + b2(b, s + 2), b2(b, s + 5), b2(b, s + 8), b2(b, s + 11), b2(b, s + 14), b2(b, s + 17), ms);
}

/** An ISO string for output (second precision is enough for people and stable for tests). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A sign-in error code as a number: 0 success, -1 unknown. Accepts 700003, "700003",
 * "AADSTS700003".
 */
export function parseErrorCode(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : -1;
  if (typeof v !== 'string') return -1;
  let s = v;
  if (s.length === 0) return -1;
  let n = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      digits = -1;
      break;
    }
    n = n * 10 + (c - 48);
    digits++;
  }
  if (digits > 0 && digits <= 9) return n;
  s = s.trim();
  const m = /^(?:AADSTS)?(\d{1,9})$/i.exec(s);
  return m?.[1] !== undefined ? Number(m[1]) : -1;
}

/**
 * Join type from the vocabularies the exports use, normalised to the product's values:
 * Graph `trustType` (`AzureAd`, `ServerAd`, `Workplace`), the portal's display strings
 * (`Microsoft Entra joined`, `Azure AD hybrid joined`, …), the legacy MSOnline ones
 * (`Domain Joined` meant a hybrid device there) and Japanese UI strings.
 * Empty → null (not shown); unrecognised text → 'unknown'.
 */
export function joinTypeFromTrust(raw: unknown): JoinType | null {
  if (typeof raw !== 'string') return null;
  // an export prints a handful of spellings, one a row: each is worked out once
  let known = trustSpellings.get(raw);
  if (known === undefined) {
    known = joinTypeOfSpelling(raw);
    // a copy as the key: the row's text is a slice that would keep the whole chunk alive
    if (trustSpellings.size < 256) trustSpellings.set(` ${raw}`.slice(1), known);
  }
  return known;
}

/** The join types of the trust type spellings read so far. */
const trustSpellings = new Map<string, JoinType | null>();

function joinTypeOfSpelling(raw: string): JoinType | null {
  const s = raw.trim().toLowerCase();
  if (s === '' || s === 'none' || s === 'null' || s === '-') return null;
  const key = s.replace(/[^a-z\u3040-\u30ff\u4e00-\u9fff]/g, '');
  switch (key) {
    case 'azuread':
    case 'azureadjoined':
    case 'microsoftentrajoined':
    case 'entrajoined':
    case 'aadjoined':
    case 'microsoftentra参加済み':
    case 'azuread参加済み':
    case 'microsoftentra参加':
      return 'entra-joined';
    case 'serverad':
    case 'hybridazureadjoined':
    case 'azureadhybridjoined':
    case 'microsoftentrahybridjoined':
    case 'hybridmicrosoftentrajoined':
    case 'entrahybridjoined':
    case 'hybridentrajoined':
    case 'ハイブリッドmicrosoftentra参加済み':
    case 'ハイブリッドmicrosoftentra参加':
    case 'ハイブリッドazuread参加':
    case 'microsoftentraハイブリッド参加済':
    case 'domainjoined':
    case 'microsoftentraハイブリッド参加済み':
    case 'ハイブリッドazuread参加済み':
    case 'microsoftentraハイブリッド参加':
      // a device Entra ID knows as "domain joined" is a hybrid joined one (MSOnline DeviceTrustType)
      return 'hybrid-joined';
    case 'workplace':
    case 'workplacejoined':
    case 'azureadregistered':
    case 'microsoftentraregistered':
    case 'entraregistered':
    case 'microsoftentra登録済み':
    case 'azuread登録済み':
    case 'microsoftentra登録':
      return 'entra-registered';
    default:
      return 'unknown';
  }
}

/** A day bucket `YYYY-MM-DD` (UTC). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
