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
  /** The value once cut out; until then the line it is in and where it starts. */
  #value: string | undefined;
  #source: string;
  #valueFrom: number;
  #typed: TypedValue | undefined;
  #masked: MaskKind | null | undefined;

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
    this.#value = value;
    this.#source = source;
    this.#valueFrom = valueFrom;
    this.raw = raw;
    this.line = line;
    this.endLine = endLine;
  }

  get value(): string {
    if (this.#value === undefined) {
      this.#value = valueAt(this.#source, this.#valueFrom);
      this.#source = '';
    }
    return this.#value;
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
    if (this.#masked !== undefined) return this.#masked;
    const typed = this.typed;
    return typed.kind === 'masked' ? typed.mask : null;
  }

  set masked(mask: MaskKind | null) {
    this.#masked = mask;
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
