import { parseTime, validUtc } from './values.js';

/**
 * Culture dates in CSV exports (Windows PowerShell 5.1 `Export-Csv`, Excel re-saves): the order
 * of day and month is never guessed. It comes from `--date-order`, from the form (year first;
 * dots, which every culture that writes them writes day first), or from the column's own values
 * (a first number over 12 is a day, a second one over 12 is a day). Until a column's order is
 * known, a value like `05/06/2025` is ambiguous: the reader parks the row and reads it again
 * once the order is settled, or refuses the column at the end (docs: README "Dates").
 */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

const CULTURE_RE =
  /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\.?,?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?\s*([AaPp]\.?[Mm]\.?|午前|午後)?)?\s*(?:Z|UTC|\(UTC\))?$/;
const AMPM_FIRST_RE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\s+(午前|午後)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

interface CultureParts {
  a: number;
  b: number;
  c: number;
  yearFirst: boolean;
  yearLast: boolean;
  dots: boolean;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function cultureParts(s: string): CultureParts | undefined {
  let m = CULTURE_RE.exec(s);
  let hh: string | undefined;
  let mm: string | undefined;
  let ss: string | undefined;
  let frac: string | undefined;
  let ampm: string | undefined;
  if (m) [, , , , , hh, mm, ss, frac, ampm] = m;
  else {
    // ja-JP with the AM/PM designator first: 2025/06/08 午前 9:00:00
    m = AMPM_FIRST_RE.exec(s);
    if (!m) return undefined;
    [, , , , , ampm, hh, mm, ss] = m;
  }
  const [, a = '', sep, b = '', c = ''] = m;
  let hour = hh === undefined ? 0 : Number(hh);
  if (ampm !== undefined) {
    const pm = /^[Pp]|午後/.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return {
    a: Number(a),
    b: Number(b),
    c: Number(c),
    yearFirst: a.length === 4,
    yearLast: c.length === 4,
    dots: sep === '.',
    hour,
    minute: mm === undefined ? 0 : Number(mm),
    second: ss === undefined ? 0 : Number(ss),
    ms: frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000),
  };
}

function toMs(p: CultureParts, order: DateOrder): number {
  if (order === 'ymd') return p.yearFirst ? validUtc(p.a, p.b, p.c, p.hour, p.minute, p.second, p.ms) : Number.NaN;
  if (!p.yearLast) return Number.NaN;
  return order === 'dmy' ? validUtc(p.c, p.b, p.a, p.hour, p.minute, p.second, p.ms) : validUtc(p.c, p.a, p.b, p.hour, p.minute, p.second, p.ms);
}

/**
 * The date columns of one input. `parse(column, text)` gives epoch ms, or NaN when the text is
 * no time, or NaN with `hit` set when the value is ambiguous and the column's order unknown.
 */
export class DateColumns {
  /** Set by `parse` when a value could not be read for want of an order; the caller resets it. */
  hit = false;
  /** Set by `parse` when a column's order became known; the caller resets it. */
  settled = false;
  private readonly orders = new Map<number, DateOrder>();
  /** Columns that showed an ambiguous value before their order was known. */
  readonly ambiguous = new Set<number>();

  constructor(readonly given: DateOrder | null = null) {}

  orderOf(column: number): DateOrder | null {
    return this.given ?? this.orders.get(column) ?? null;
  }

  /** Columns still undecided after an ambiguous value. */
  unresolved(): number[] {
    return [...this.ambiguous].filter((c) => this.orderOf(c) === null);
  }

  parse(column: number, text: string): number {
    const s = text.trim();
    if (s === '') return Number.NaN;
    const p = cultureParts(s);
    // ISO 8601, /Date(…)/ and anything else parseTime knows
    if (!p) return parseTime(s);
    if (p.yearFirst) return toMs(p, 'ymd');
    if (!p.yearLast) return Number.NaN;
    const known = this.orderOf(column);
    if (known !== null) return known === 'ymd' ? Number.NaN : toMs(p, known);
    // what this value says by itself
    let says: DateOrder | null = null;
    if (p.a > 12 && p.b > 12) return Number.NaN;
    if (p.dots) says = 'dmy';
    else if (p.a > 12 && p.b <= 12) says = 'dmy';
    else if (p.b > 12 && p.a <= 12) says = 'mdy';
    if (says !== null) {
      this.orders.set(column, says);
      this.settled = true;
      return toMs(p, says);
    }
    if (p.a === p.b) return toMs(p, 'dmy'); // 05/05/2025 reads the same either way
    this.hit = true;
    this.ambiguous.add(column);
    return Number.NaN;
  }
}
