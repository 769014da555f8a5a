import type { JoinType } from '../model/status.js';
import { guidFromString, guidWordsHash } from './guid-times.js';
import type { InventoryDevice } from './records.js';

/**
 * The device inventory, column by column in typed arrays: 200,000 devices take about 20 MB
 * instead of the ~80 MB the same number of JavaScript objects would. Lookups by device id and
 * by object id go through GUID hash indexes; a device comes back out as an `InventoryDevice`
 * object only when it is asked for.
 */

const JOIN_TYPES: (JoinType | null)[] = [null, 'entra-joined', 'hybrid-joined', 'entra-registered', 'domain-joined', 'drs-joined', 'not-joined', 'unknown'];
const joinCode = (j: JoinType | null) => Math.max(0, JOIN_TYPES.indexOf(j));
const tri = (v: boolean | null) => (v === null ? 0 : v ? 1 : 2);
const untri = (v: number): boolean | null => (v === 0 ? null : v === 1);

/** GUID (or any text id) → a number, in an open-addressing table of 128-bit keys. */
export class GuidIndex {
  private keys = new Uint32Array(1024 * 4);
  private vals = new Int32Array(1024);
  private mask = 1023;
  private count = 0;
  private readonly other = new Map<string, number>();
  private readonly w = new Uint32Array(4);

  get(id: string): number | undefined {
    const w = this.w;
    if (!guidFromString(id, w)) return this.other.get(id);
    const slot = this.find(w[0] ?? 0, w[1] ?? 0, w[2] ?? 0, w[3] ?? 0);
    return this.empty(slot) ? undefined : this.vals[slot];
  }

  set(id: string, value: number): void {
    const w = this.w;
    if (!guidFromString(id, w) || ((w[0] ?? 0) | (w[1] ?? 0) | (w[2] ?? 0) | (w[3] ?? 0)) === 0) {
      this.other.set(id, value);
      return;
    }
    this.setWords(w[0] ?? 0, w[1] ?? 0, w[2] ?? 0, w[3] ?? 0, value);
  }

  /** The value of `id`; when it has none, `value` is set and undefined returned (one look-up, not two). */
  getOrSet(id: string, value: number): number | undefined {
    const w = this.w;
    if (!guidFromString(id, w) || ((w[0] ?? 0) | (w[1] ?? 0) | (w[2] ?? 0) | (w[3] ?? 0)) === 0) {
      const had = this.other.get(id);
      if (had === undefined) this.other.set(id, value);
      return had;
    }
    const slot = this.find(w[0] ?? 0, w[1] ?? 0, w[2] ?? 0, w[3] ?? 0);
    if (!this.empty(slot)) return this.vals[slot];
    this.setWords(w[0] ?? 0, w[1] ?? 0, w[2] ?? 0, w[3] ?? 0, value);
    return undefined;
  }

  private setWords(k0: number, k1: number, k2: number, k3: number, value: number): void {
    const slot = this.find(k0, k1, k2, k3);
    const at = slot * 4;
    if (this.empty(slot)) {
      this.keys[at] = k0;
      this.keys[at + 1] = k1;
      this.keys[at + 2] = k2;
      this.keys[at + 3] = k3;
      this.vals[slot] = value;
      if (++this.count * 2 > this.mask + 1) this.grow();
      return;
    }
    this.vals[slot] = value;
  }

  private empty(slot: number): boolean {
    const at = slot * 4;
    return ((this.keys[at] ?? 0) | (this.keys[at + 1] ?? 0) | (this.keys[at + 2] ?? 0) | (this.keys[at + 3] ?? 0)) === 0;
  }

  private find(k0: number, k1: number, k2: number, k3: number): number {
    const keys = this.keys;
    let slot = guidWordsHash(k0, k1, k2, k3) & this.mask;
    for (;;) {
      const at = slot * 4;
      const a = keys[at] ?? 0;
      const b = keys[at + 1] ?? 0;
      const c = keys[at + 2] ?? 0;
      const d = keys[at + 3] ?? 0;
      if ((a | b | c | d) === 0 || (a === k0 && b === k1 && c === k2 && d === k3)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap * 4);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let slot = 0; slot < vals.length; slot++) {
      const at = slot * 4;
      const a = keys[at] ?? 0;
      const b = keys[at + 1] ?? 0;
      const c = keys[at + 2] ?? 0;
      const d = keys[at + 3] ?? 0;
      if ((a | b | c | d) !== 0) this.setWords(a, b, c, d, vals[slot] ?? 0);
    }
  }
}

/**
 * `buf.write(s, at, 'utf8')` without its argument checks, a call a string: Node's Buffer has had
 * `utf8Write` all along (the browser build's polyfill may not).
 */
function writeUtf8(buf: Buffer, s: string, at: number): number {
  const b = buf as Buffer & { utf8Write?: (s: string, at: number) => number };
  return typeof b.utf8Write === 'function' ? b.utf8Write(s, at) : buf.write(s, at, 'utf8');
}

/** Strings one after another in a byte arena: offset and length per entry. */
class TextColumn {
  private arena = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  offsets = new Int32Array(1024);
  lengths = new Int32Array(1024);

  set(i: number, s: string): void {
    if (i >= this.offsets.length) this.growIndex(i + 1);
    if (s === '') {
      this.lengths[i] = 0;
      return;
    }
    // room for the most bytes it can take (three a UTF-16 unit), then one write that counts them
    const most = s.length * 3;
    if (this.used + most > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + most));
      this.arena.copy(next, 0, 0, this.used);
      this.arena = next;
    }
    const written = writeUtf8(this.arena, s, this.used);
    this.offsets[i] = this.used;
    this.lengths[i] = written;
    this.used += written;
  }

  get(i: number): string {
    const len = this.lengths[i] ?? 0;
    if (len === 0) return '';
    const off = this.offsets[i] ?? 0;
    return this.arena.toString('utf8', off, off + len);
  }

  private growIndex(size: number): void {
    let cap = this.offsets.length;
    while (cap < size) cap *= 2;
    const o = new Int32Array(cap);
    o.set(this.offsets);
    const l = new Int32Array(cap);
    l.set(this.lengths);
    this.offsets = o;
    this.lengths = l;
  }
}

export class InventoryStore {
  private readonly byDevice = new GuidIndex();
  private readonly byObject = new GuidIndex();
  private readonly deviceIds = new TextColumn();
  private readonly objectIds = new TextColumn();
  private readonly names = new TextColumn();
  private osNames: string[] = [];
  private readonly osIndex = new Map<string, number>();
  private cap = 1024;
  private os = new Uint32Array(this.cap);
  private join = new Uint8Array(this.cap);
  /** enabled, managed, autopilot, bitlocker: 0 unknown, 1 yes, 2 no; shows: bits */
  private flags = new Uint8Array(this.cap * 5);
  private lastSignIn = new Float64Array(this.cap);
  private registered = new Float64Array(this.cap);
  size = 0;

  get(deviceId: string): InventoryDevice | undefined {
    const i = this.byDevice.get(deviceId);
    return i === undefined ? undefined : this.at(i);
  }

  has(deviceId: string): boolean {
    return this.byDevice.get(deviceId) !== undefined;
  }

  /** The device id of a directory object id. */
  deviceOfObject(objectId: string): string | undefined {
    const i = this.byObject.get(objectId);
    return i === undefined ? undefined : this.deviceIds.get(i);
  }

  *values(): Generator<InventoryDevice> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  /** Enabled / disabled counts and join types, without making objects. */
  counts(): { enabled: number; disabled: number; byJoinType: Record<string, number> } {
    let enabled = 0;
    let disabled = 0;
    const byJoinType: Record<string, number> = {};
    for (let i = 0; i < this.size; i++) {
      if (this.flags[i * 5] === 2) disabled++;
      else enabled++;
      const j = JOIN_TYPES[this.join[i] ?? 0] ?? 'unknown';
      byJoinType[j] = (byJoinType[j] ?? 0) + 1;
    }
    return { enabled, disabled, byJoinType };
  }

  /**
   * Add a device, or replace the one with its device id when this one is better evidence:
   * two objects with one device id (05 §2) → keep the enabled, most recently active one.
   */
  add(d: InventoryDevice): void {
    let i = this.byDevice.getOrSet(d.deviceId, this.size);
    if (i !== undefined) {
      const prevEnabled = untri(this.flags[i * 5] ?? 0);
      const prevLast = this.lastSignIn[i] ?? Number.NaN;
      const better = (d.enabled === true && prevEnabled !== true) || (d.enabled === prevEnabled && (d.lastSignIn || 0) > (prevLast || 0));
      if (!better) {
        if (d.objectId !== '' && this.byObject.get(d.objectId) === undefined) this.byObject.set(d.objectId, i);
        return;
      }
    } else {
      // new: getOrSet gave it the next index
      i = this.size++;
      if (i >= this.cap) this.grow();
      this.deviceIds.set(i, d.deviceId);
    }
    this.objectIds.set(i, d.objectId);
    if (d.objectId !== '') this.byObject.set(d.objectId, i);
    this.names.set(i, d.displayName);
    let os = this.osIndex.get(d.os);
    if (os === undefined) {
      os = this.osNames.length;
      this.osNames.push(d.os);
      this.osIndex.set(d.os, os);
    }
    this.os[i] = os;
    this.join[i] = joinCode(d.joinType);
    const f = i * 5;
    this.flags[f] = tri(d.enabled);
    this.flags[f + 1] = tri(d.managed);
    this.flags[f + 2] = tri(d.autopilot);
    this.flags[f + 3] = tri(d.bitlocker);
    this.flags[f + 4] = (d.shows.managed ? 1 : 0) | (d.shows.autopilot ? 2 : 0) | (d.shows.bitlocker ? 4 : 0);
    this.lastSignIn[i] = d.lastSignIn;
    this.registered[i] = d.registered;
  }

  private at(i: number): InventoryDevice {
    const f = i * 5;
    const shows = this.flags[f + 4] ?? 0;
    return {
      deviceId: this.deviceIds.get(i),
      objectId: this.objectIds.get(i),
      displayName: this.names.get(i),
      enabled: untri(this.flags[f] ?? 0),
      os: this.osNames[this.os[i] ?? 0] ?? '',
      joinType: JOIN_TYPES[this.join[i] ?? 0] ?? null,
      lastSignIn: this.lastSignIn[i] ?? Number.NaN,
      registered: this.registered[i] ?? Number.NaN,
      managed: untri(this.flags[f + 1] ?? 0),
      autopilot: untri(this.flags[f + 2] ?? 0),
      bitlocker: untri(this.flags[f + 3] ?? 0),
      shows: { managed: (shows & 1) !== 0, autopilot: (shows & 2) !== 0, bitlocker: (shows & 4) !== 0 },
    };
  }

  private grow(): void {
    const cap = this.cap * 2;
    const grow = <T extends Uint32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T, n: number): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.os = grow(this.os, (n) => new Uint32Array(n), cap);
    this.join = grow(this.join, (n) => new Uint8Array(n), cap);
    this.flags = grow(this.flags, (n) => new Uint8Array(n), cap * 5);
    this.lastSignIn = grow(this.lastSignIn, (n) => new Float64Array(n), cap);
    this.registered = grow(this.registered, (n) => new Float64Array(n), cap);
    this.cap = cap;
  }
}
