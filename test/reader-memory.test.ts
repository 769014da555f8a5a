// The reader remembers what it worked out about keys and titles across inputs (a few dozen keys,
// printed over and over). The strings it remembers must not hold on to the input they came from:
// a line, a key cut from it or a title is a slice of the input's text, and a slice keeps the whole
// text alive. The web app and `fleet --statuses` read input after input in one process, so a key or
// title seen for the first time in each input would keep every one of them.
//
// Within one input, the banner and title lines every capture prints over and over are one string
// each, not a slice a line: a report of many captures keeps them once.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readStatusBytes } from '../src/read/parse.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

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
    gc();
    const before = process.memoryUsage().heapUsed;
    const report = readStatusBytes(bytes);
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(report.lines.length).toBe(60_000);
    expect(report.lineKinds.filter((k) => k === 'banner').length).toBe(40_000);
    // a line costs its place in `lines` and in `lineKinds` (8 bytes each); as a slice of its own it
    // would cost 32 bytes more and keep the input's text (74 bytes a banner line) alive
    expect(kept / report.lines.length).toBeLessThan(16 + 20);
  });
});
