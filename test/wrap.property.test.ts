// Hard-wrap detection (src/read/wrap.ts) tells a blank line and the start of the next line from
// where its first non-space character is, not by trimming copies or by patterns from the line's
// start. It must decide exactly as the reader it replaced (test/oracle/wrap.ts) did: on outputs cut
// at random widths or not cut, with lines that open with the rarer Unicode spaces `trim` and `\s`
// know (U+2003, U+3000, U+FEFF…), banners and title boxes after them, and wide characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectHardWrap } from '../src/read/wrap.js';
import { detectHardWrap as oracleWrap } from './oracle/wrap.js';

const BANNER = '+----------------------------------------------------------------------+';
const POOL = [
  '',
  '   ',
  BANNER,
  '| Device State                                                         |',
  '| SSO State |',
  '             AzureAdJoined : YES',
  '                   DeviceId : 83cfa1ed-f804-4304-97d9-21dabe8634fa',
  '          AzureAdPrtAuthority : https://login.microsoftonline.com/5e1bd8a4-8a7f-4f16-b1b6-8f2b2c7b9f5f',
  'PS C:\\> dsregcmd /status',
  '$ dsregcmd /status',
  '# comment',
  'Diagnostic Data: more text that goes on and on past the width of a narrow console window',
  '\u2003',
  '\u2003\u3000',
  '\u2003+---',
  `\u2003${BANNER}`,
  '\u2003| Device State |',
  '\u205f|x',
  '\u3000\u3000DomainJoined : NO',
  '\uFEFF  TenantName : Contoso',
  'エラー コード: 700003 このデバイスは組織によって削除されました。管理者に連絡してください。',
  '+-',
  '+===',
  '|  |',
  '| |x',
  'Values from the PC:',
];

/** Cut a line into pieces of `width` characters (a narrow console or a mail client). */
function cut(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const pieces: string[] = [];
  for (let at = 0; at < line.length; at += width) pieces.push(line.slice(at, at + width));
  return pieces;
}

const output = fc
  .record({
    picks: fc.array(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 60 }),
    width: fc.integer({ min: 30, max: 100 }),
    wrapped: fc.boolean(),
  })
  .map(({ picks, width, wrapped }) => {
    const lines = picks.map((i) => POOL[i] ?? '');
    return wrapped ? lines.flatMap((l) => cut(l, width)) : lines;
  });

describe('hard-wrap detection', () => {
  it('decides as the reader it replaced did, on cut and uncut outputs with unusual spaces', () => {
    fc.assert(
      fc.property(output, (lines) => {
        const ours = detectHardWrap(lines);
        const theirs = oracleWrap(lines);
        expect(ours === null ? null : [...ours]).toEqual(theirs === null ? null : [...theirs]);
      }),
      { numRuns: 400 },
    );
  });

  // three full lines cut (their rest follows) and a fourth full line before one of those lines:
  // whether it counts as cut decides whether the output is read as wrapped, and what is joined
  const full = 'a'.repeat(50);
  const around = (odd: string) => [full, 'bbb', full, 'ccc', full, 'ddd', full, odd];
  it.each([
    ['a banner after an em space starts a line', around('\u2003+---')],
    ['a line of em spaces is blank', around('\u2003\u2003')],
    ['a title after U+205F starts a line', around('\u205f| Title')],
    ['a banner after spaces starts a line', around('   +===')],
    ['a title box starts a line', around('|  x |')],
    ['a bar and spaces alone start nothing', around('|   ')],
  ])('%s', (_name, lines) => {
    const ours = detectHardWrap(lines);
    const theirs = oracleWrap(lines);
    expect(ours === null ? null : [...ours]).toEqual(theirs === null ? null : [...theirs]);
  });
});
