// The reader remembers what it worked out about keys and titles across inputs (a few dozen keys,
// printed over and over). The strings it remembers must not hold on to the input they came from:
// a line, a key cut from it or a title is a slice of the input's text, and a slice keeps the whole
// text alive. The web app and `fleet --statuses` read input after input in one process, so a key or
// title seen for the first time in each input would keep every one of them.
//
// Within one input, the banner and title lines every capture prints over and over are one string
// each, not a slice a line: a report of many captures keeps them once. What each line was read as
// is a byte a line until `lineKinds` is asked for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lineKindAt, readStatusBytes, readStatusText } from '../src/read/parse.js';
import { FIXTURES } from './helpers.js';

setFlagsFromString('--expose-gc');

/** The dsregcmd fixtures' texts. */
const texts = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
const gc = runInNewContext('gc') as () => void;

/**
 * The report of `bytes`, and the heap it keeps once read (measured between two collections). The
 * same bytes are read once before: code V8 compiles or optimises during a read is on the heap too,
 * and is not what the report keeps. (A CI run once measured 18 bytes a line for a report that
 * keeps 9, most likely such code; the test below also reads 100,000 lines, not 50,000, so what
 * else the heap holds counts for less a line.)
 */
function keptBy(bytes: Buffer): { report: ReturnType<typeof readStatusBytes>; kept: number } {
  readStatusBytes(bytes);
  gc();
  const before = process.memoryUsage().heapUsed;
  const report = readStatusBytes(bytes);
  gc();
  return { report, kept: process.memoryUsage().heapUsed - before };
}

/** A text as Windows writes it: UTF-8, CRLF. */
const crlf = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

/** A capture with a key and a title no input printed before, padded to about 300 kB. */
function input(n: number): Buffer {
  const lines = [
    '+----------------------------------------------------------------------+',
    `| Custom Section ${n}                                                     |`,
    '+----------------------------------------------------------------------+',
    '',
    `             CustomKeyNumber${n} : YES`,
    `             Custom Setting ${n}: value ${n}`,
    '                AzureAdJoined : YES',
    '+----------------------------------------------------------------------+',
    `| Work Account ${n + 2}                                                      |`,
    '+----------------------------------------------------------------------+',
    '                 WorkplaceJoined : YES',
  ];
  const padding = ` Note ${n}: ${'x'.repeat(60)}`;
  while (lines.length < 4000) lines.push(padding);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('what the reader remembers across inputs', () => {
  it('keeps none of the inputs alive: 120 inputs of 300 kB, each with new keys and a new title', () => {
    for (let n = 0; n < 5; n++) readStatusBytes(input(-1 - n));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let n = 0; n < 120; n++) {
      const report = readStatusBytes(input(n));
      expect(report.fields.some((f) => f.key === `CustomKeyNumber${n}`)).toBe(true);
    }
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    // each input kept alive would be 300 kB (36 MB in all); what is remembered is a few kB
    expect(kept).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('what a report keeps of its frame lines', () => {
  it('one string for every banner printed alike: 40,000 banner lines keep one', () => {
    const banner = '+----------------------------------------------------------------------+';
    const bytes = Buffer.from(`${Array.from({ length: 20_000 }, () => `${banner}\r\n\r\n${banner}`).join('\r\n')}\r\n`, 'utf8');
    const { report, kept } = keptBy(bytes);
    expect(report.lines.length).toBe(60_000);
    expect(report.lineKinds.filter((k) => k === 'banner').length).toBe(40_000);
    // a line costs its place in `lines` (8 bytes) and its kind (1 byte, the strings of `lineKinds`
    // not made yet); as a slice of its own it would cost 32 bytes more and keep the input's text
    // (74 bytes a banner line) alive
    expect(kept / report.lines.length).toBeLessThan(9 + 20);
  });
});

describe('what a report keeps of its line kinds', () => {
  it('lineKindAt tells each line as lineKinds does, before and after the array is made', () => {
    for (const text of texts) {
      for (const report of [readStatusBytes(crlf(text)), readStatusText(text)]) {
        const before = report.lines.map((_, i) => lineKindAt(report, i));
        expect(before.every((k) => k !== undefined)).toBe(true);
        expect(report.lineKinds).toEqual(before);
        expect(report.lines.map((_, i) => lineKindAt(report, i))).toEqual(before);
        expect(lineKindAt(report, report.lines.length)).toBeUndefined();
      }
    }
  });

  it('is a plain property for whoever reads it: in the JSON, in its place among the keys, and it can be set', () => {
    const report = readStatusBytes(Buffer.from(texts[0] ?? ''));
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['source', 'recognized', 'sections', 'fields', 'lines', 'lineKinds', 'elided', 'warnings', 'skippedLines', 'bundle']);
    expect(json.lineKinds).toEqual(report.lineKinds);
    expect(Object.getOwnPropertyDescriptor(report, 'lineKinds')).toMatchObject({ writable: true, enumerable: true });
    // a caller that sets it is read back, by lineKindAt too
    const other = readStatusBytes(Buffer.from(texts[1] ?? ''));
    other.lineKinds = other.lines.map(() => 'unparsed');
    expect(lineKindAt(other, 0)).toBe('unparsed');
    expect({ ...other }.lineKinds[0]).toBe('unparsed');
  });

  it('a 100,000-line report keeps a byte a line for its kinds until they are asked for', () => {
    const bytes = Buffer.from(`${Array.from({ length: 50_000 }, () => '+------------------------------------------+').join('\r\n\r\n')}\r\n`, 'utf8');
    const { report, kept } = keptBy(bytes);
    expect(report.lines.length).toBe(99_999);
    // `lines` (8 bytes a line) and a byte of kind: an array of kinds would add 8 more
    expect(kept / report.lines.length).toBeLessThan(17);
    expect(report.lineKinds.filter((k) => k === 'banner').length).toBe(50_000);
  });
});

describe('what a report keeps of its sections', () => {
  it("a section's fields are the report's fields printed under it, in order, however it is read", () => {
    for (const text of texts) {
      const report = readStatusBytes(Buffer.from(text));
      report.sections.forEach((s, i) => {
        expect(s.fields).toEqual(report.fields.filter((f) => f.sectionIndex === i));
        // made once: the same list every time, and one that can be replaced
        expect(s.fields).toBe(s.fields);
      });
      const json = JSON.parse(JSON.stringify(report.sections)) as Record<string, unknown>[];
      for (const s of json) expect(Object.keys(s)).toEqual(['title', 'printedTitle', 'known', 'inferred', 'line', 'endLine', 'fields']);
    }
    const report = readStatusBytes(Buffer.from(texts[0] ?? ''));
    const first = report.sections[0];
    if (first === undefined) throw new Error('no section');
    first.fields = [];
    expect(first.fields).toEqual([]);
    expect({ ...JSON.parse(JSON.stringify(first)) }.fields).toEqual([]);
  });

  it("a field's section can be renamed without losing its line or index", () => {
    const report = readStatusBytes(Buffer.from(texts[0] ?? ''));
    const field = report.fields[3];
    if (field === undefined) throw new Error('no field');
    const { sectionIndex, raw, line } = field;
    field.section = 'Renamed';
    expect(field.section).toBe('Renamed');
    expect(field.sectionIndex).toBe(sectionIndex);
    expect(field.raw).toBe(raw);
    expect(field.line).toBe(line);
    // the section itself keeps its title
    expect(report.sections[sectionIndex]?.title).not.toBe('Renamed');
  });

  it('20,000 sections of one field each: a section is one object until its list of fields is read', () => {
    const capture = () => `| Device State |\r\n\r\n    AzureAdJoined : YES\r\n`;
    const bytes = Buffer.from(Array.from({ length: 20_000 }, capture).join(''), 'utf8');
    const { report, kept } = keptBy(bytes);
    expect(report.sections.length).toBe(20_000);
    expect(report.fields.length).toBe(20_000);
    // about 300 bytes a section with its line, field and kinds; a list of fields made for each and
    // a record for its fields to point to (title, index, lines) added some 70
    expect(kept / 20_000).toBeLessThan(335);
    expect(report.sections[5]?.fields.map((f) => f.name)).toEqual(['AzureAdJoined']);
  });
});

describe('what one read leaves for the next', () => {
  // a small input's line flags, kinds and wrap marks are written into arrays kept between reads:
  // a report must not share them, and whatever one read left in them must not reach the next
  it('a report read before others is the report of its input alone', () => {
    const read = (t: string) => JSON.stringify(readStatusBytes(crlf(t)));
    const alone = texts.map(read);
    // every line over 50 characters cut there: a hard-wrapped output (the reader joins 19 lines)
    const wrapped = (texts[0] ?? '').replace(/^(.{50})(.+)$/gm, '$1\n$2');
    const reports = texts.map((t) => readStatusBytes(crlf(t)));
    // other reads in between: larger and smaller inputs, a hard-wrapped one, one of blank lines
    for (const t of [...texts].reverse()) readStatusBytes(Buffer.from(t));
    readStatusBytes(Buffer.from(wrapped));
    readStatusBytes(Buffer.from('\n'.repeat(3000)));
    expect(reports.map((r) => JSON.stringify(r))).toEqual(alone);
    // and each input again, after all of those
    expect(texts.map(read)).toEqual(alone);
  });
});
