// GUID text → four 32-bit words (src/fleet/guid-times.ts), against a reference written from the
// format: 8-4-4-4-12 hex digits, either case, nothing else; the words are the hex digits in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidFromBytes, guidFromString, guidText } from '../src/fleet/guid-times.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function reference(s: string): number[] | undefined {
  if (!GUID.test(s)) return undefined;
  const hex = s.replace(/-/g, '');
  return [0, 8, 16, 24].map((at) => Number.parseInt(hex.slice(at, at + 8), 16));
}

// GUIDs, and GUIDs with one character changed to one that is almost right
const near = fc
  .tuple(fc.uuid(), fc.nat(35), fc.constantFrom('g', 'G', '-', ' ', '０', 'ĭ', '\u012d', 'A', 'f', '9', ':', '/', '@', '`', '\u0130', ''), fc.boolean())
  .map(([g, at, c, upper]) => {
    const s = upper ? g.toUpperCase() : g;
    return s.slice(0, at) + c + s.slice(at + 1);
  });

describe('guidFromString', () => {
  it('reads exactly the GUIDs the format allows, to the words of their hex digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), near, fc.string({ maxLength: 40 })), (s) => {
        const out = new Uint32Array(4);
        const expected = reference(s);
        expect(guidFromString(s, out)).toBe(expected !== undefined);
        if (expected === undefined) return;
        expect([...out]).toEqual(expected);
        expect(guidText(out[0] ?? 0, out[1] ?? 0, out[2] ?? 0, out[3] ?? 0)).toBe(s.toLowerCase());
        // the bytes reader gives the same words
        const bytes = new Uint32Array(4);
        expect(guidFromBytes(Buffer.from(s, 'latin1'), 0, bytes)).toBe(true);
        expect([...bytes]).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
