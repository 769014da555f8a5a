import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStatusBytes, readStatusText, toDeviceStatus } from '../src/index.js';
import { diagnose } from '../src/diagnose/diagnose.js';
import { fixtureFiles, fixtureText } from './helpers.js';

const fixtures = fixtureFiles().map((f) => fixtureText(f).split('\n'));

/** Ways people damage an output when they paste it. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -8, max: 30 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 80 }) }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], ms: Mutation[]): string[] {
  const out = [...lines];
  for (const m of ms) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    const line = out[i] ?? '';
    switch (m.kind) {
      case 'drop':
        out.splice(i, 1);
        break;
      case 'duplicate':
        out.splice(i, 0, line);
        break;
      case 'swap': {
        const j = m.to % out.length;
        out[i] = out[j] ?? '';
        out[j] = line;
        break;
      }
      case 'indent':
        out[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.trimStart();
        break;
      case 'truncate':
        out[i] = line.slice(0, m.keep % (line.length + 1));
        break;
      case 'insert':
        out.splice(i, 0, m.text);
        break;
      case 'quote':
        out[i] = `> ${line}`;
        break;
    }
  }
  return out;
}

function checkInvariants(text: string, bytes?: Uint8Array) {
  const report = bytes ? readStatusBytes(bytes) : readStatusText(text);
  const lineCount = report.source.lines;
  for (const f of report.fields) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.endLine).toBeLessThanOrEqual(lineCount);
    expect(f.line).toBeLessThanOrEqual(f.endLine);
  }
  for (const w of report.warnings) {
    expect(w.line).toBeGreaterThanOrEqual(0);
    expect(w.line).toBeLessThanOrEqual(lineCount);
  }
  // the whole pipeline never throws either, and its evidence points inside the input
  const d = diagnose(report, { error: '700003' });
  for (const f of d.findings) {
    for (const e of f.evidence) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lineCount);
    }
  }
  toDeviceStatus(report);
}

describe('reader properties', () => {
  it('never throws on mutated fixtures; line numbers stay inside the input', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (fi, ms, eol) => {
        checkInvariants(mutate(fixtures[fi] ?? [], ms).join(eol));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => checkInvariants(text)),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => checkInvariants('', bytes)),
      { numRuns: 300 },
    );
  });

  it('an unmodified fixture keeps every field when lines are re-indented', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.integer({ min: 0, max: 12 }), (fi, by) => {
        const lines = fixtures[fi] ?? [];
        const base = readStatusText(lines.join('\n'));
        const moved = readStatusText(lines.map((l) => (l.trim() ? ' '.repeat(by) + l : l)).join('\n'));
        const shape = (r: typeof base) => r.fields.map((f) => [f.name, f.value.replace(/\s+/g, ''), f.line]);
        expect(shape(moved)).toEqual(shape(base));
      }),
      { numRuns: 100 },
    );
  });
});
