import { valueAt } from './classify.js';
import type { Field } from './parse.js';
import { type MaskKind, type TypedValue, typeValue } from './values.js';

/**
 * A field as the reader builds it: the typed value (and so the mask) is worked out on first use,
 * since most readers look at a few dozen of the fields only. It reads, compares and serialises
 * as the plain `Field` object (same keys, same order in JSON).
 */
export class ReadField implements Field {
  section: string;
  sectionIndex: number;
  key: string;
  name: string;
  known: boolean;
  raw: string;
  line: number;
  endLine: number;
  /**
   * The value once cut out, or until then where it starts in `#source` (one slot for both: a
   * large input has hundreds of thousands of fields, and each slot is 8 bytes of each of them).
   */
  #value: string | number;
  #source: string;
  /** The typed value once worked out, or set; and the mask when it was set apart from it. */
  #typed: TypedValue | undefined;
  #masked: { mask: MaskKind | null } | undefined;

  /** `value`, or undefined to cut it from `source` at `valueFrom` on first use. */
  constructor(
    section: string,
    sectionIndex: number,
    key: string,
    canonical: string | undefined,
    value: string | undefined,
    source: string,
    valueFrom: number,
    raw: string,
    line: number,
    endLine: number,
  ) {
    this.section = section;
    this.sectionIndex = sectionIndex;
    this.key = key;
    this.name = canonical ?? key;
    this.known = canonical !== undefined;
    this.#value = value ?? valueFrom;
    this.#source = value === undefined ? source : '';
    this.raw = raw;
    this.line = line;
    this.endLine = endLine;
  }

  get value(): string {
    const v = this.#value;
    if (typeof v === 'string') return v;
    const value = valueAt(this.#source, v);
    this.#value = value;
    this.#source = '';
    return value;
  }

  set value(value: string) {
    this.#value = value;
    this.#source = '';
    this.#typed = undefined;
    this.#masked = undefined;
  }

  get typed(): TypedValue {
    this.#typed ??= typeValue(this.known ? this.name : undefined, this.value);
    return this.#typed;
  }

  set typed(typed: TypedValue) {
    this.#typed = typed;
  }

  get masked(): MaskKind | null {
    if (this.#masked !== undefined) return this.#masked.mask;
    const typed = this.typed;
    return typed.kind === 'masked' ? typed.mask : null;
  }

  set masked(mask: MaskKind | null) {
    this.#masked = { mask };
  }

  /** A value a narrow console wrapped onto the next line: the typed value is read again. */
  extend(value: string, raw: string, endLine: number): void {
    this.value = value;
    this.raw = raw;
    this.endLine = endLine;
  }

  toJSON(): Field {
    return {
      section: this.section,
      sectionIndex: this.sectionIndex,
      key: this.key,
      name: this.name,
      known: this.known,
      value: this.value,
      raw: this.raw,
      line: this.line,
      endLine: this.endLine,
      masked: this.masked,
      typed: this.typed,
    };
  }
}
