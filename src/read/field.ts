import { valueAt } from './classify.js';
import type { Field, Section } from './parse.js';
import { type MaskKind, type TypedValue, typeValue } from './values.js';
import { canonicalKey } from './vocabulary.js';

/** The section a field was printed in, and the input's lines: one record a section, shared by its fields. */
export interface SectionPlace {
  readonly title: string;
  readonly index: number;
  readonly lines: readonly string[];
}

/** What the sections of one report share: the input's lines and the list of all its fields. */
export interface ReadInput {
  readonly lines: readonly string[];
  readonly fields: readonly Field[];
}

/**
 * A section as the reader builds it. It is also the place its fields point to (its title and
 * index), and its list of fields is cut from the report's list when first read: the diagnosis
 * reads the lists of the Work Account sections only, and a 50 MB paste has some 80,000 sections.
 * It reads, compares and serialises as the plain `Section` object (same keys, same order in JSON).
 * Its fields' `section` is its `title`, read when asked for.
 */
export class ReadSection implements Section, SectionPlace {
  title: string;
  printedTitle: string | null;
  known: boolean;
  inferred: boolean;
  line: number;
  endLine: number;
  readonly #index: number;
  readonly #input: ReadInput;
  /** Its fields: the report's from `#from` up to `#to` until the list is made (or set). */
  #from: number;
  #to: number;
  #fields: Field[] | undefined;

  constructor(title: string, printedTitle: string | null, known: boolean, inferred: boolean, line: number, index: number, input: ReadInput) {
    this.title = title;
    this.printedTitle = printedTitle;
    this.known = known;
    this.inferred = inferred;
    this.line = line;
    this.endLine = line;
    this.#index = index;
    this.#input = input;
    this.#from = input.fields.length;
    this.#to = this.#from;
    this.#fields = undefined;
  }

  get index(): number {
    return this.#index;
  }

  get lines(): readonly string[] {
    return this.#input.lines;
  }

  get fields(): Field[] {
    this.#fields ??= this.#input.fields.slice(this.#from, this.#to);
    return this.#fields;
  }

  set fields(fields: Field[]) {
    this.#fields = fields;
  }

  /** The fields read so far since it opened are its own (the reader calls this when the next section opens, and at the end). */
  close(): void {
    this.#to = this.#input.fields.length;
  }

  toJSON(): Section {
    const { title, printedTitle, known, inferred, line, endLine, fields } = this;
    return { title, printedTitle, known, inferred, line, endLine, fields };
  }
}

/** A value once typed. */
interface Typed {
  readonly value: string;
  readonly typed: TypedValue;
}

/**
 * What a few fields have apart from the rest: a key printed otherwise than its canonical name,
 * lines a wrap joined, a mask set apart from the typed value.
 */
interface Apart {
  key?: string;
  raw?: string;
  endLine?: number;
  mask?: MaskKind | null;
}

/** Kept out of every field's own slots: most fields have none of it. */
const apart = new WeakMap<ReadField, Apart>();

function apartOf(field: ReadField): Apart {
  let a = apart.get(field);
  if (a === undefined) {
    a = {};
    apart.set(field, a);
  }
  return a;
}

/**
 * A field as the reader builds it: the value is cut from its line, and typed (and so the mask
 * worked out), on first use, since most readers look at a few dozen of the fields only. It reads,
 * compares and serialises as the plain `Field` object (same keys, same order in JSON).
 *
 * A large input has hundreds of thousands of fields, and every slot is 8 bytes of each: what can
 * be worked out is (the section's title and index, `known`, `raw` and `endLine` for a field on
 * one line, which is the input line at `line`, and the key when it is printed as its canonical
 * name), and the value and its place in the line share one slot.
 */
export class ReadField implements Field {
  name: string;
  line: number;
  #place: SectionPlace;
  /**
   * Where the value starts in `raw`, until it is cut out; then the value; then, once typed, the
   * value and its typed value (one slot for the three).
   */
  #value: number | string | Typed;

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
    this.name = canonical ?? key;
    if (key !== this.name) apartOf(this).key = key;
    this.line = line;
    this.#place = place;
    this.#value = value ?? (text === raw ? valueFrom : valueAt(text, valueFrom));
    if (raw !== place.lines[line - 1]) apartOf(this).raw = raw;
    if (endLine !== line) apartOf(this).endLine = endLine;
  }

  /** The key as printed (trimmed, stray colons removed). */
  get key(): string {
    return apart.get(this)?.key ?? this.name;
  }

  set key(key: string) {
    if (key !== this.name) apartOf(this).key = key;
    else {
      const a = apart.get(this);
      if (a !== undefined) delete a.key;
    }
  }

  /** The input line(s) exactly as read. */
  get raw(): string {
    return apart.get(this)?.raw ?? this.#place.lines[this.line - 1] ?? '';
  }

  /** A value not yet cut out is cut from the old lines first. */
  set raw(raw: string) {
    void this.value;
    apartOf(this).raw = raw;
  }

  /** Last line of the value (> line when it was wrapped). */
  get endLine(): number {
    return apart.get(this)?.endLine ?? this.line;
  }

  set endLine(endLine: number) {
    apartOf(this).endLine = endLine;
  }

  get section(): string {
    return this.#place.title;
  }

  set section(title: string) {
    this.#place = { title, index: this.#place.index, lines: this.#place.lines };
  }

  get sectionIndex(): number {
    return this.#place.index;
  }

  set sectionIndex(index: number) {
    this.#place = { title: this.#place.title, index, lines: this.#place.lines };
  }

  /** The key is one dsregcmd is known to print (its canonical name differs, or is itself). */
  get known(): boolean {
    return this.name !== this.key || canonicalKey(this.key) !== undefined;
  }

  get value(): string {
    const v = this.#value;
    if (typeof v === 'string') return v;
    if (typeof v === 'object') return v.value;
    const value = valueAt(this.raw, v);
    this.#value = value;
    return value;
  }

  set value(value: string) {
    this.#value = value;
    const a = apart.get(this);
    if (a !== undefined) delete a.mask;
  }

  get typed(): TypedValue {
    const v = this.#value;
    if (typeof v === 'object') return v.typed;
    const value = this.value;
    const typed = typeValue(this.known ? this.name : undefined, value);
    this.#value = { value, typed };
    return typed;
  }

  set typed(typed: TypedValue) {
    this.#value = { value: this.value, typed };
  }

  get masked(): MaskKind | null {
    const mask = apart.get(this)?.mask;
    if (mask !== undefined) return mask;
    const typed = this.typed;
    return typed.kind === 'masked' ? typed.mask : null;
  }

  set masked(mask: MaskKind | null) {
    apartOf(this).mask = mask;
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
