import { valueAt } from './classify.js';
import type { Field } from './parse.js';
import { type MaskKind, type TypedValue, typeValue } from './values.js';
import { canonicalKey } from './vocabulary.js';

/** The section a field was printed in: one record a section, shared by its fields. */
export interface SectionPlace {
  readonly title: string;
  readonly index: number;
}

/** Masks set on fields apart from their typed value (rare: kept out of every field's own slots). */
const maskSetApart = new WeakMap<ReadField, MaskKind | null>();

/**
 * A field as the reader builds it: the value is cut from its line, and typed (and so the mask
 * worked out), on first use, since most readers look at a few dozen of the fields only. It reads,
 * compares and serialises as the plain `Field` object (same keys, same order in JSON).
 *
 * A large input has hundreds of thousands of fields, and every slot is 8 bytes of each: what can
 * be worked out (the section's title and index, `known`) is, and the value and its place in the
 * line share one slot.
 */
export class ReadField implements Field {
  key: string;
  name: string;
  line: number;
  endLine: number;
  #raw: string;
  #place: SectionPlace;
  /** The value once cut out, or until then where it starts in `raw`. */
  #value: string | number;
  #typed: TypedValue | undefined;

  /**
   * `value`, or undefined to cut it from `text` (the line as read, repaired) at `valueFrom` on
   * first use; that is done now unless `text` is the line as printed.
   */
  constructor(
    place: SectionPlace,
    key: string,
    canonical: string | undefined,
    value: string | undefined,
    text: string,
    valueFrom: number,
    raw: string,
    line: number,
    endLine: number,
  ) {
    this.key = key;
    this.name = canonical ?? key;
    this.#raw = raw;
    this.line = line;
    this.endLine = endLine;
    this.#place = place;
    this.#value = value ?? (text === raw ? valueFrom : valueAt(text, valueFrom));
    this.#typed = undefined;
  }

  /** The input line(s) exactly as read. */
  get raw(): string {
    return this.#raw;
  }

  /** A value not yet cut out is cut from the old lines first. */
  set raw(raw: string) {
    void this.value;
    this.#raw = raw;
  }

  get section(): string {
    return this.#place.title;
  }

  set section(title: string) {
    this.#place = { title, index: this.#place.index };
  }

  get sectionIndex(): number {
    return this.#place.index;
  }

  set sectionIndex(index: number) {
    this.#place = { title: this.#place.title, index };
  }

  /** The key is one dsregcmd is known to print (its canonical name differs, or is itself). */
  get known(): boolean {
    return this.name !== this.key || canonicalKey(this.key) !== undefined;
  }

  get value(): string {
    const v = this.#value;
    if (typeof v === 'string') return v;
    const value = valueAt(this.#raw, v);
    this.#value = value;
    return value;
  }

  set value(value: string) {
    this.#value = value;
    this.#typed = undefined;
    maskSetApart.delete(this);
  }

  get typed(): TypedValue {
    this.#typed ??= typeValue(this.known ? this.name : undefined, this.value);
    return this.#typed;
  }

  set typed(typed: TypedValue) {
    this.#typed = typed;
  }

  get masked(): MaskKind | null {
    const apart = maskSetApart.get(this);
    if (apart !== undefined) return apart;
    const typed = this.typed;
    return typed.kind === 'masked' ? typed.mask : null;
  }

  set masked(mask: MaskKind | null) {
    maskSetApart.set(this, mask);
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
