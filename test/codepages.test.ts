// The standalone page decodes with src/read/codepages.browser.ts (the browser's TextDecoder and
// iconv-lite's 850 table), the CLI with codepages.ts (Buffer, iconv-lite). Node has the same WHATWG
// decoders as the browser, so both can be compared here byte for byte.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LegacyEncoding } from '../src/read/codepages.js';
import { decodeLegacy as nodeDecode } from '../src/read/codepages.js';
import { fixtureFiles, fixtureText } from './helpers.js';

type Decode = (bytes: Uint8Array, encoding: LegacyEncoding) => string;
let browserDecode: Decode;

beforeAll(async () => {
  // what scripts/build-standalone.mjs defines for the bundle
  const table = createRequire(import.meta.url)('iconv-lite/encodings/sbcs-data-generated.js').cp850.chars as string;
  (globalThis as { __DSREG_CP850__?: string }).__DSREG_CP850__ = table;
  browserDecode = (await import('../src/read/codepages.browser.js')).decodeLegacy;
});

describe('browser decoders = Node decoders', () => {
  it('UTF-16LE: any bytes (odd length, lone surrogates) decode exactly as Buffer does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(browserDecode(bytes, 'utf16le')).toBe(nodeDecode(bytes, 'utf16le'));
      }),
    );
  });

  it('UTF-16LE: a long output (more than one chunk) decodes whole', () => {
    const text = fixtureFiles().map(fixtureText).join('\n').repeat(8);
    const bytes = iconv.encode(text, 'utf16le');
    expect(browserDecode(bytes, 'utf16le')).toBe(text);
  });

  it('code page 850: every byte decodes as iconv-lite does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(browserDecode(all, 'cp850')).toBe(nodeDecode(all, 'cp850'));
  });

  const texts: [LegacyEncoding, string][] = [
    ['cp932', 'テナント名 : ノースウィンド商事 (デバイス 東京-PC-０１２)'],
    ['cp932', fixtureText('s02-hybrid-700003.txt').replace('Northwind Traders', '株式会社ノースウィンド')],
    // Node's TextDecoder reads windows-1252 as Latin-1 (0x80-0x9F differ); Chromium's does not, and
    // test/standalone.browser.test.ts checks those bytes (“ ” — €) in the real browser
    ['win1252', 'TenantName : Fabrikam España Señor Niño, Société Générale, Müller Straße'],
    ['win1252', fixtureText('r02-registered-italian-console.txt')],
    ['utf16be', 'DeviceName : 東京-PC-0123 Müller'],
  ];
  it.each(texts)('%s: text written by Windows decodes to the same text', (encoding, text) => {
    const bytes = iconv.encode(text, encoding === 'utf16be' ? 'utf16be' : encoding);
    expect(browserDecode(bytes, encoding)).toBe(nodeDecode(bytes, encoding));
    expect(browserDecode(bytes, encoding)).toBe(text);
  });
});
