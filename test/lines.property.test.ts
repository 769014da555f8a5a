// The line cutter for valid UTF-8 bytes (src/read/lines.ts) reads an ASCII stretch as one Latin-1
// string whose lines are slices of it, and a line with a non-ASCII byte decoded from the bytes, in
// chunks of 256 KiB and, when a chunk is not all ASCII, pieces of 1 KiB.
// Whatever the chunking, it must give exactly the lines and line ending that decoding the whole
// input and splitting it gives (`textLines`), on inputs long enough to cross many chunk borders.
// The encoding guess's fast look for control bytes must count what a loop over the bytes counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedStats, sampleStats } from '../src/read/decode.js';
import { textLines, utf8Lines } from '../src/read/lines.js';

const ASCII_LINES = [
  '',
  '  ',
  '+----------------------------------------------------------------------+',
  '| Device State |',
  '             AzureAdJoined : YES',
  'x',
];
const OTHER_LINES = ['エラー コード: 700003', 'Aggiornamento è riuscito', '…省略…', '\uFEFF> **DeviceId** : `abc`', '😀'];
const ENDINGS = ['\r\n', '\n', '\r'];

/** A long input: runs of lines of one kind, one line ending mostly, a stray one now and then. */
const input = fc
  .record({
    lines: fc.array(fc.tuple(fc.boolean(), fc.nat(ASCII_LINES.length + OTHER_LINES.length - 1), fc.nat(40)), { minLength: 1, maxLength: 60 }),
    ending: fc.constantFrom(...ENDINGS),
    strays: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ENDINGS)), { maxLength: 3 }),
    repeat: fc.integer({ min: 1, max: 400 }),
    lastEnds: fc.boolean(),
    padding: fc.nat(3000),
  })
  .map(({ lines, ending, strays, repeat, lastEnds, padding }) => {
    const pool = [...ASCII_LINES, ...OTHER_LINES];
    const unit = lines.map(([long, i, n]) => (long ? `${pool[i]}${'a'.repeat(n * 50)}` : (pool[i] ?? '')));
    const all: string[] = [];
    for (let r = 0; r < repeat; r++) for (const l of unit) all.push(l);
    all.unshift('p'.repeat(padding));
    const ends = all.map(() => ending);
    for (const [at, e] of strays) ends[at % ends.length] = e;
    if (!lastEnds) ends[ends.length - 1] = '';
    return all.map((l, i) => l + ends[i]).join('');
  });

describe('lines cut from UTF-8 bytes', () => {
  it('are the lines of the decoded text, across chunk borders, any mix of endings and scripts', () => {
    fc.assert(
      fc.property(input, (text) => {
        const fromBytes = utf8Lines(Buffer.from(text, 'utf8'));
        const fromText = textLines(text);
        expect(fromBytes.lines.length).toBe(fromText.lines.length);
        expect(fromBytes.lines).toEqual(fromText.lines);
        expect(fromBytes.lineEnding).toBe(fromText.lineEnding);
        // a cheaper look at the bytes may say "maybe" more often, never less
        if (fromText.mayHaveWide) expect(fromBytes.mayHaveWide).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['a stray LF in a CRLF chunk', `${'line\r\n'.repeat(50000)}stray\nend\r\n`],
    ['a stray CR in a CRLF chunk', `${'line\r\n'.repeat(50000)}stray\rend\r\n`],
    ['a chunk that starts with a lone LF', `${'x'.repeat(256 * 1024 - 1)}\n\n${'y\r\n'.repeat(10)}`],
    ['a piece that starts with a lone LF', `è${'x'.repeat(1023)}\n\n${'y\r\n'.repeat(10)}`],
    ['accented lines among ASCII ones in one piece, mixed endings', `${'ascii\r\nè\nmore\rò end\r\n'.repeat(40000)}`],
    ['CR only, one chunk', 'a\r'.repeat(20000)],
    ['no line break at all', 'z'.repeat(40000)],
    ['only line breaks', '\r\n'.repeat(30000)],
    ['one non-ASCII line among 256 KiB of ASCII', `${'ascii line\r\n'.repeat(30000)}è\r\n${'ascii line\r\n'.repeat(30000)}`],
  ])('%s', (_name, text) => {
    const fromBytes = utf8Lines(Buffer.from(text, 'utf8'));
    const fromText = textLines(text);
    expect(fromBytes.lines).toEqual(fromText.lines);
    expect(fromBytes.lineEnding).toBe(fromText.lineEnding);
  });
});

describe('sample statistics of the encoding guess', () => {
  // bytes drawn mostly from the ones that count: NUL, other control bytes, the line breaks and
  // tab that do not count, and a few text bytes
  const byte = fc.oneof(fc.constantFrom(0, 1, 8, 9, 10, 11, 12, 13, 14, 26, 27, 28, 31), fc.integer({ min: 0, max: 255 }));
  it('the native search for control bytes gives the loop that counts them', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), fc.nat(7), (bytes, offset) => {
        // at an odd offset inside a bigger buffer too, as a pooled Buffer is
        const backing = new Uint8Array(bytes.length + offset);
        backing.set(bytes, offset);
        const sample = backing.subarray(offset);
        expect(sampleStats(sample)).toEqual(countedStats(sample));
        expect(sampleStats(Buffer.from(sample))).toEqual(countedStats(sample));
      }),
      { numRuns: 500 },
    );
  });
});
