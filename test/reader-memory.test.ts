// The reader remembers what it worked out about keys and titles across inputs (a few dozen keys,
// printed over and over). The strings it remembers must not hold on to the input they came from:
// a line, a key cut from it or a title is a slice of the input's text, and a slice keeps the whole
// text alive. The web app and `fleet --statuses` read input after input in one process, so a key or
// title seen for the first time in each input would keep every one of them.
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
