// The single-pass reader (src/read) gives exactly the ParsedReport of the reader it replaced,
// kept as a test oracle in test/oracle/ (snapshot taken after the #11 reader features): JSON-equal
// on mutated fixtures, pasted-text damage, random text and random bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStatusBytes, readStatusText } from '../src/read/parse.js';
import { parseInstant } from '../src/read/values.js';
import { ENCODINGS, fixtureFiles, fixtureText } from './helpers.js';
import * as oracle from './oracle/parse.js';

const fixtures = fixtureFiles().map((f) => fixtureText(f).split('\n'));

/** Lines that exercise every branch of the classifier. */
const TRICKY = [
  '',
  '   ',
  '+----------------------------------------------------------------------+',
  '+======================+',
  '| Device State                                                         |',
  '| Work Account 2 |',
  '| Future Section |',
  '| DomainJoined | YES |',
  '|---|---|',
  '```',
  '~~~text',
  '## SSO State',
  '**Device Details**',
  '> **AzureAdJoined** : YES',
  '> > `DeviceId` : 83cfa1ed-f804-4304-97d9-21dabe8634fa',
  '\uFEFF  TenantName : Contoso',
  'AzureAdJoined：YES',
  '　　　　DomainJoined　：　NO',
  'DeviceId: 13f4d226-e48f-44f9-9d68-ce89d1e65ad6',
  'Correlation Id: fcf71704-4454-4dd5-a0f2-c7201814ddd2',
  'Values from the PC:',
  'KeySignTest: : PASSED',
  '      SettingsUrl :',
  'PS C:\\> dsregcmd /status',
  'PS C:\\Users\\山田 太郎> ipconfig /all',
  'C:\\WINDOWS\\system32>dsregcmd /status',
  '$ dsregcmd /status',
  '*Evil-WinRM* PS C:\\Users\\kbell\\Documents> whoami',
  'dsregcmd.exe /status',
  'Windows PowerShell',
  'Copyright (C) Microsoft Corporation. All rights reserved.',
  '新しいクロスプラットフォームの PowerShell をお試しください https://aka.ms/pscore6',
  'For more information, please visit https://www.microsoft.com/aadjerrors',
  '\u2003For more information, please visit https://www.microsoft.com/aadjerrors',
  '\u2003...',
  'Waiting for Diagnostics Task...',
  '…省略',
  '   ...',
  '(snip)',
  '[省略]',
  'エラー コード: 700003',
  'Your organization has deleted this device.',
  '[10:42] Ken Sato: here is the rest',
  'sing WPAD. code: 0x80072f94',
  '    Auto Detect PAC Status : Failed to auto detect the Proxy Auto-Configuration (PAC) script u',
  '##### dsreg-doctor collection bundle v1 #####',
  '##### registry #####',
  'AADStorageKey : PRESENT',
  '##### end #####',
  'Previous Prt Attempt : 2024-02-30 07:58:41.372 UTC',
  'AzureAdPrtUpdateTime : 2025-01-10 24:00:00.000 UTC',
  'DeviceCertificateValidity : [ 2024-03-18 09:14:52.000 UTC -- 2034-03-18 09:44:52.000 UTC ]',
  'DeviceId : cd04...92',
  'TenantId : [REDACTED_GUID]',
  'WamDefaultGUID : {B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -8, max: 30 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 80 })) }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('fullwidth' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrap' as const), width: fc.integer({ min: 30, max: 100 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], ms: Mutation[]): string[] {
  let out = [...lines];
  for (const m of ms) {
    if (m.kind === 'wrap') {
      out = out.flatMap((l) =>
        l.length <= m.width ? [l] : Array.from({ length: Math.ceil(l.length / m.width) }, (_, k) => l.slice(k * m.width, (k + 1) * m.width)),
      );
      continue;
    }
    if (out.length === 0) break;
    const i = m.at % out.length;
    const line = out[i] ?? '';
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'duplicate') out.splice(i, 0, line);
    else if (m.kind === 'indent') out[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.trimStart();
    else if (m.kind === 'truncate') out[i] = line.slice(0, m.keep % (line.length + 1));
    else if (m.kind === 'insert') out.splice(i, 0, m.text);
    else if (m.kind === 'quote') out[i] = `> ${line}`;
    else out[i] = line.replace(' : ', '\u3000\uFF1A ').replace(/^ {2}/, '\u3000');
  }
  return out;
}

const json = (r: unknown) => JSON.stringify(r);

function expectSameText(text: string) {
  expect(json(readStatusText(text))).toBe(json(oracle.readStatusText(text)));
}

function expectSameBytes(bytes: Uint8Array) {
  expect(json(readStatusBytes(bytes))).toBe(json(oracle.readStatusBytes(bytes)));
}

describe('the reader gives exactly the oracle report', () => {
  it('on every fixture, in every encoding Windows writes', () => {
    for (const lines of fixtures) for (const encode of Object.values(ENCODINGS)) expectSameBytes(encode(lines.join('\n')));
  });

  it('on mutated fixtures (line endings, pastes, wraps, full-width separators)', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (fi, ms, eol) => {
        expectSameText(mutate(fixtures[fi] ?? [], ms).join(eol));
      }),
      { numRuns: 400 },
    );
  });

  it('on mutated fixtures as bytes', () => {
    const encodings = Object.values(ENCODINGS);
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { maxLength: 6 }), fc.nat({ max: encodings.length - 1 }), (fi, ms, ei) => {
        expectSameBytes((encodings[ei] as (t: string) => Uint8Array)(mutate(fixtures[fi] ?? [], ms).join('\n')));
      }),
      { numRuns: 150 },
    );
  });

  it('on random lines of the tricky kinds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 40 })), { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n', '\r', '\r\n\n'),
        (lines, eol) => {
          expectSameText(lines.join(eol));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on random lines as UTF-8 bytes, any line endings (lines cut from the bytes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 40, unit: 'grapheme' })), fc.constantFrom('\n', '\r\n', '\r', '')), {
          maxLength: 40,
        }),
        (parts) => expectSameBytes(Buffer.from(parts.map(([l, eol]) => l + eol).join(''), 'utf8')),
      ),
      { numRuns: 300 },
    );
  });

  it('on long pastes as UTF-8 bytes: many chunks, some with Markdown damage or other scripts, some without', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { maxLength: 4 })), { minLength: 8, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TRICKY)), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (outputs, inserts, eol) => {
          const lines = outputs.flatMap(([fi, ms]) => mutate(fixtures[fi] ?? [], ms));
          for (const [at, text] of inserts) lines.splice(at % (lines.length + 1), 0, text);
          expectSameBytes(Buffer.from(lines.join(eol), 'utf8'));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on clean ASCII lines: repeated banners, titles and fields, and lines that only look like them', () => {
    // the usual lines of an output and their near misses, drawn again and again, so that a banner
    // or title read before is seen again (a shortcut for lines read before must read them alike)
    const pool = [
      '',
      '   ',
      '\t',
      '+----------------------------------------------------------------------+',
      '+-----+',
      '+==========+',
      '+---------+ x',
      '+----------+ >',
      '+81 3 1234 5678',
      '+ AzureAdJoined : YES',
      '| Device State                                                         |',
      '| Device State |',
      '| Work Account 1 |',
      '| DomainJoined | YES |',
      '|---|---|',
      '| x',
      '|',
      '             AzureAdJoined : YES',
      'AzureAdJoined : YES',
      '  AzureAdJoined :  YES',
      '  AzureAdJoined : YES  ',
      'AzureAdJoined\t : YES',
      'AzureAdJoined: : YES',
      'http : //example',
      '      SettingsUrl :',
      '      SettingsUrl : ',
      'Device Name : PC-01 > x',
      'a : b',
      'Z',
      'For more information, please visit https://www.microsoft.com/aadjerrors',
      'Windows PowerShell : 5',
      'This could take : a while',
      'C:\\Users\\user>dsregcmd /status',
      'PS C:\\> ipconfig',
      '> DeviceId : x',
      'Correlation ID : x',
      'Some words here and more words in a long sentence : x',
      '...',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), (lines, eol) =>
        expectSameBytes(Buffer.from(lines.join(eol), 'utf8')),
      ),
      { numRuns: 500 },
    );
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => expectSameText(text)),
      { numRuns: 200 },
    );
  });

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => expectSameBytes(bytes)),
      { numRuns: 200 },
    );
  });

  it('timestamps read without Date give what Date gives', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        two(14),
        two(33),
        two(26),
        two(61),
        two(61),
        fc.string({ unit: fc.constantFrom('0', '5', '9'), maxLength: 7 }),
        (y, mo, d, h, mi, s, frac) => {
          const text = `${String(y).padStart(4, '0')}-${mo}-${d} ${h}:${mi}:${s}${frac ? `.${frac}` : ''} UTC`;
          const ms = (frac || '0').padEnd(3, '0').slice(0, 3);
          const date = new Date(`${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
          expect(parseInstant(text)).toBe(Number.isNaN(date.getTime()) ? undefined : date.toISOString());
        },
      ),
      { numRuns: 1000 },
    );
  });
});
