/**
 * Seeded randomness for the lab: the same scenario always produces the same IDs, thumbprints and
 * times, so a trainee's `lab render` output can be compared with a colleague's.
 */

/** FNV-1a over the text: a stable 32-bit seed for a scenario id. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for fictional identifiers. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `n` hex digits, lower case unless `upper`. */
  hex(n: number, upper = false): string {
    let out = '';
    for (let i = 0; i < n; i++) out += this.int(16).toString(16);
    return upper ? out.toUpperCase() : out;
  }

  /** A version-4 GUID, lower case (as dsregcmd prints device and tenant IDs). */
  guid(): string {
    const variant = (8 + this.int(4)).toString(16);
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}
