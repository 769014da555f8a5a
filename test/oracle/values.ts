import { GUID_KEYS, LIST_KEYS } from '../../src/read/vocabulary.js';

/** Why a value is not data: a placeholder someone typed, an elision, or a cut-off ID. */
export type MaskKind = 'placeholder' | 'elided' | 'truncated';

export type TypedValue =
  | { kind: 'empty' }
  | { kind: 'masked'; mask: MaskKind }
  | { kind: 'boolean'; value: boolean; detail?: string }
  | { kind: 'instant'; iso: string }
  | { kind: 'range'; start: string; end: string }
  | { kind: 'status'; status: string; codes: string[]; detail?: string }
  | { kind: 'guid'; guid: string; provider?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?\s*(?:UTC|Z)?$/;
const STATUS = /^(PASS|PASSED|FAIL|FAILED|ERROR|SKIPPED|SUCCESS|UNKNOWN)\b[.:]?\s*(.*)$/i;
const HEX_CODE = /\b0x[0-9a-f]{1,8}\b/gi;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/** A timestamp as dsregcmd prints it (`2025-02-11 07:58:41.372 UTC`) → ISO 8601, or undefined. */
export function parseInstant(text: string): string | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = (frac ?? '0').padEnd(3, '0').slice(0, 3);
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString();
}

/**
 * Does this value hide data? Masks people type before sharing (`[REDACTED]`, `xxxx`, `***`,
 * `AAAA…`, `9999…`, `{lots of characters}`) and elisions inside IDs (`cd04...92`).
 */
/** One cheap test that every mask below needs to pass first. */
const MAYBE_MASKED = /redact|mask|hidden|remov|omit|[<{*…]|\.\.\.|xxx/i;

/** `AAAA…`, `9999-9999-…`: one character repeated (dashes, braces and spaces aside), 8 or more times. */
function oneRepeatedChar(v: string): boolean {
  let first = -1;
  let count = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 45 || c === 123 || c === 125 || c === 32) continue;
    if (first < 0) first = c;
    else if (c !== first) return false;
    count++;
  }
  return count >= 8;
}

export function maskKind(value: string): MaskKind | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (oneRepeatedChar(v)) return 'placeholder';
  if (!MAYBE_MASKED.test(v)) return undefined;
  if (/redacted|\bmasked\b|\bhidden\b|\bremoved\b|\bomitted\b/i.test(v)) return 'placeholder';
  if (/^<[A-Za-z][\w .-]{0,40}>$/.test(v) || /^\{\s*[a-z][a-z ]+\s*\}$/i.test(v)) return 'placeholder';
  // a whole token of x's or asterisks: LtPC.xxxx.com, ***\*******
  if (/(^|[^a-z0-9])(x{3,}|X{3,})(?=$|[^a-z0-9])/.test(v) || /\*{3,}/.test(v)) return 'placeholder';
  if (/[0-9a-z]\s*(\.{3,}|…)\s*[0-9a-z]/i.test(v) || /^(\.{3,}|…)$/.test(v)) return 'elided';
  return undefined;
}

/** Hex codes in a value, normalised to `0x` + 8 lower-case digits; zero codes are no error. */
export function hexCodes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HEX_CODE)) {
    const digits = m[0].slice(2).toLowerCase();
    if (/^0+$/.test(digits)) continue;
    out.push(`0x${digits.padStart(8, '0')}`);
  }
  return out;
}

/** Type one field value, given its canonical key (or undefined for unknown keys). */
export function typeValue(key: string | undefined, value: string): TypedValue {
  const v = value.trim();
  if (v === '') return { kind: 'empty' };
  if (v === 'YES' || v === 'NO') return { kind: 'boolean', value: v === 'YES' };
  const mask = maskKind(v);
  if (mask) return { kind: 'masked', mask };

  if (key && GUID_KEYS.has(key)) {
    const braced = /^\{?\s*([0-9a-f-]+)\s*\}?$/i.exec(v);
    if (braced?.[1] && isGuid(braced[1])) return { kind: 'guid', guid: braced[1].toLowerCase() };
    // anything else in an ID field is a cut-off or hand-edited ID, never data
    return { kind: 'masked', mask: 'truncated' };
  }

  const c0 = v.charCodeAt(0);
  // URLs and other prose are the commonest values: none of the shapes below starts like them
  if (v.startsWith('http') || v.startsWith('urn:')) return { kind: 'text', value: v };
  const bool = c0 === 89 || c0 === 78 || c0 === 121 || c0 === 110 ? /^(YES|NO)\b\s*(.*)$/i.exec(v) : null;
  if (bool?.[1]) {
    const detail = (bool[2] ?? '').replace(/^\(\s*|\s*\)$/g, '').trim();
    return detail ? { kind: 'boolean', value: bool[1].toUpperCase() === 'YES', detail } : { kind: 'boolean', value: bool[1].toUpperCase() === 'YES' };
  }

  const digit = c0 >= 48 && c0 <= 57;
  const iso = digit ? parseInstant(v) : undefined;
  if (iso) return { kind: 'instant', iso };

  const range = c0 === 91 ? /^\[\s*(.+?)\s+--\s+(.+?)\s*\]$/.exec(v) : null;
  if (range?.[1] && range[2]) {
    const start = parseInstant(range[1]);
    const end = parseInstant(range[2]);
    if (start && end) return { kind: 'range', start, end };
  }

  const guid = c0 === 123 ? /^\{\s*([0-9a-f-]{36})\s*\}\s*(?:\((\w+)\))?$/i.exec(v) : v.length >= 36 ? /^([0-9a-f-]{36})\s*(?:\((\w+)\))?$/i.exec(v) : null;
  if (guid?.[1] && isGuid(guid[1])) {
    const g = guid[1].toLowerCase();
    return guid[2] ? { kind: 'guid', guid: g, provider: guid[2] } : { kind: 'guid', guid: g };
  }

  const status = STATUS.exec(v);
  if (status?.[1]) {
    const rest = (status[2] ?? '').trim();
    const codes = hexCodes(rest);
    const detail = rest.replace(/^[[(]|[\])]$/g, '').trim();
    const word = status[1].toUpperCase();
    return detail ? { kind: 'status', status: word, codes, detail } : { kind: 'status', status: word, codes };
  }

  if (digit && v.length < 10 && /^\d+$/.test(v)) return { kind: 'number', value: Number(v) };

  const splitter = key ? LIST_KEYS[key] : undefined;
  if (splitter) return { kind: 'list', items: v.split(splitter).filter((s) => s !== '') };

  return { kind: 'text', value: v };
}

/** The first GUID inside a text (URLs such as AzureAdPrtAuthority carry the tenant ID). */
export function guidIn(text: string): string | undefined {
  return GUID_IN_TEXT.exec(text)?.[0]?.toLowerCase();
}
