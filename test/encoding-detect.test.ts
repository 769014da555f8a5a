// Which legacy code page a `dsregcmd /status` capture was written in, for captures saved on
// Japanese (cp932) and Western (ANSI cp1252, OEM cp850) Windows. Each input is a real fixture with
// names typed into it; the expected encoding and decoded text are labelled before the bytes are made.
// The CLI decodes with src/read/codepages.ts, the standalone page with codepages.browser.ts: both
// paths read the same bytes here and must choose the same encoding and give the same text.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type DecodedText, decodeBytes, type TextEncodingName } from '../src/read/decode.js';
import { fixtureFiles, fixtureText } from './helpers.js';

type Decode = (bytes: Uint8Array, forced?: TextEncodingName) => DecodedText;
let browserDecodeBytes: Decode;

beforeAll(async () => {
  // what scripts/build-standalone.mjs does: the browser decoders instead of Buffer and iconv-lite
  const table = createRequire(import.meta.url)('iconv-lite/encodings/sbcs-data-generated.js').cp850.chars as string;
  (globalThis as { __DSREG_CP850__?: string }).__DSREG_CP850__ = table;
  vi.resetModules();
  vi.doMock('../src/read/codepages.js', () => import('../src/read/codepages.browser.js'));
  browserDecodeBytes = (await import('../src/read/decode.js')).decodeBytes;
  vi.doUnmock('../src/read/codepages.js');
});

/** A fixture with names put in: the device, domain, tenant and account lines. */
function named(file: string, n: { domain?: string; device?: string; tenant?: string; account?: string }): string {
  let text = fixtureText(file);
  if (n.domain) text = text.replace(/(DomainName : ).*/u, `$1${n.domain}`);
  if (n.device) text = text.replace(/(Device Name : ).*/u, `$1${n.device}`);
  if (n.tenant) text = text.replace(/(TenantName : ).*/u, `$1${n.tenant}`);
  if (n.account) text = text.replace(/(Executing Account Name : ).*/u, `$1${n.account}`);
  return text.replace(/\r?\n/g, '\r\n');
}

const german = {
  domain: 'MÜLLER',
  device: 'PC-BÜRO-ÄRZTE-07',
  tenant: 'Müller Straßenbau GmbH',
  account: 'MÜLLER\\jürgen, jürgen.größe@müller-straßenbau.de',
};
const french = { tenant: 'Société Générale de Crédit', device: 'PORTÁTIL-ÉQUIPE', account: 'SOCGEN\\hélène, hélène.lefèvre@société.fr' };
const spanish = { tenant: 'Compañía Española de Señales', device: 'PC-ADMÓN-03', account: 'CESA\\joaquín, joaquín.muñoz@compañía.es' };
const japanese = { tenant: '株式会社ノースウィンド商事', device: '東京-ＰＣ-０１２', account: 'NORTHWIND\\山田太郎, yamada@northwind.example' };
const kanaOnly = { tenant: 'ノースウィンド', account: 'AzureAD\\やまだ' };
const singleKanji = { tenant: '林 商店', device: 'PC-林', account: 'HAYASHI\\林' };
const halfwidth = { tenant: 'ﾉｰｽｳｨﾝﾄﾞ ﾄﾚｰﾀﾞｰｽﾞ', account: 'NORTHWIND\\ﾔﾏﾀﾞ' };
/** `dsregcmd /status` has no box drawing, but a capture pasted from a German cmd window can be framed with it. */
const boxed = (text: string) => `┌${'─'.repeat(40)}┐\r\n│ dsregcmd /status  Müller      │\r\n└${'─'.repeat(40)}┘\r\n${text}`;

const cases: { name: string; text: string; encoding: 'cp932' | 'cp1252' | 'cp850' }[] = [
  { name: 'German ANSI (PowerShell 5.1 Out-File Default)', text: named('s02-hybrid-700003.txt', german), encoding: 'cp1252' },
  { name: 'German ANSI, only the tenant name', text: named('s01-aadj-700003.txt', { tenant: 'Müller Straßenbau GmbH' }), encoding: 'cp1252' },
  { name: 'German ANSI, only the account', text: named('s01-aadj-700003.txt', { account: 'MÜLLER\\jürgen' }), encoding: 'cp1252' },
  { name: 'German ANSI, only ß', text: named('s07-aadj-healthy.txt', { tenant: 'Straßenbau Groß' }), encoding: 'cp1252' },
  { name: 'French ANSI', text: named('s01-aadj-700003.txt', french), encoding: 'cp1252' },
  { name: 'Spanish ANSI', text: named('s05-aadj-disabled-135011.txt', spanish), encoding: 'cp1252' },
  { name: 'Italian console, ANSI', text: fixtureText('r02-registered-italian-console.txt'), encoding: 'cp1252' },
  { name: 'German OEM (cmd > file.txt)', text: named('s02-hybrid-700003.txt', german), encoding: 'cp850' },
  { name: 'German OEM, only the account', text: named('s01-aadj-700003.txt', { account: 'MÜLLER\\jürgen' }), encoding: 'cp850' },
  { name: 'French OEM', text: named('s01-aadj-700003.txt', french), encoding: 'cp850' },
  { name: 'Spanish OEM', text: named('s05-aadj-disabled-135011.txt', spanish), encoding: 'cp850' },
  { name: 'Italian console, OEM', text: fixtureText('r02-registered-italian-console.txt'), encoding: 'cp850' },
  { name: 'German OEM framed with box drawing', text: boxed(named('s07-aadj-healthy.txt', {})), encoding: 'cp850' },
  { name: 'Japanese (cmd or PowerShell 5.1 on Japanese Windows)', text: named('s02-hybrid-700003.txt', japanese), encoding: 'cp932' },
  { name: 'Japanese, kana only', text: named('s01-aadj-700003.txt', kanaOnly), encoding: 'cp932' },
  { name: 'Japanese, one kanji at a time', text: named('s07-aadj-healthy.txt', singleKanji), encoding: 'cp932' },
  { name: 'Japanese, half-width katakana', text: named('s01-aadj-700003.txt', halfwidth), encoding: 'cp932' },
  // every fixture with a tenant or account line that Shift_JIS can hold (not the Italian one: ù and à are not in 932)
  ...fixtureFiles()
    .map((f) => ({
      name: `fixture ${f} with a Japanese tenant`,
      text: named(f, { tenant: '富士見製作所', account: 'FUJIMI\\佐藤' }),
      encoding: 'cp932' as const,
    }))
    .filter((c) => /[^\x00-\x7f]/u.test(c.text) && iconv.decode(iconv.encode(c.text, 'cp932'), 'cp932') === c.text),
];

describe('legacy code page detection (CLI and browser decoders)', () => {
  it.each(cases)('$name → $encoding', ({ text, encoding }) => {
    const bytes = iconv.encode(text, encoding === 'cp1252' ? 'win1252' : encoding);
    // the label holds: the text round-trips through the code page
    expect(iconv.decode(bytes, encoding === 'cp1252' ? 'win1252' : encoding)).toBe(text);
    for (const decode of [decodeBytes, browserDecodeBytes]) {
      const decoded = decode(bytes);
      expect(decoded.encoding, decoded.evidence).toBe(encoding);
      expect(decoded.text).toBe(text);
    }
  });

  it('--encoding still overrides the guess', () => {
    const bytes = iconv.encode(named('s02-hybrid-700003.txt', german), 'win1252');
    for (const decode of [decodeBytes, browserDecodeBytes]) {
      expect(decode(bytes, 'cp932').encoding).toBe('cp932');
      expect(decode(bytes, 'cp850').text).toBe(iconv.decode(bytes, 'cp850'));
    }
  });

  it('the evidence names the scores of all three code pages', () => {
    const decoded = decodeBytes(iconv.encode(named('s01-aadj-700003.txt', german), 'win1252'));
    expect(decoded.evidence).toMatch(/932: -?\d+(\.\d+)?, 1252: -?\d+(\.\d+)?, 850: -?\d+(\.\d+)?/u);
  });
});

// names as people type them: words of a Western language with its accented letters, or Japanese
// syllables as the languages build them: accented letters one at a time between plain ones
const syllable = fc
  .oneof(
    fc.tuple(fc.constantFrom(...'bcdfghklmnprstvwz'.split('')), fc.constantFrom(...'aeiouäöüéèêàóíúáôëï'.split(''))),
    fc.tuple(fc.constantFrom('ß', 'ç', 'ñ'), fc.constantFrom(...'aeiou'.split(''))),
  )
  .chain(([c, v]) => fc.constantFrom('', 'n', 'r', 'l', 's').map((end) => c + v + end));
const westernWord = fc
  .array(syllable, { minLength: 1, maxLength: 4 })
  .map((ss) => ss.join(''))
  .filter((w) => /[^\x00-\x7fß]/u.test(w));
const capitalized = (w: string) => (w.startsWith('ß') ? w : w.charAt(0).toUpperCase() + w.slice(1));
// a lone byte can be either page (E1 is á in 1252 and ß in 850, and 1252 wins the tie): each name
// brings an accented letter of its own, not only ß
const westernName = fc
  .array(westernWord, { minLength: 1, maxLength: 3 })
  .map((ws) => ws.map(capitalized).join(' '))
  .filter((w) => /[^\x00-\x7fß]/u.test(w));
const japaneseName = fc
  .array(fc.constantFrom(...'山田太郎佐藤鈴木高橋東京大阪株式会社商事製作所あいうえおかきくけこさしすせそアイウエオカキクケコサシスセソー'.split('')), {
    minLength: 2,
    maxLength: 8,
  })
  .map((cs) => cs.join(''));

describe('legacy code page detection on generated names', () => {
  it('Western names in ANSI 1252 and OEM 850 are read in their code page', () => {
    fc.assert(
      fc.property(westernName, westernWord, fc.constantFrom('cp1252', 'cp850'), (tenant, user, encoding) => {
        const text = named('s01-aadj-700003.txt', { tenant, account: `${user.toUpperCase()}\\${user}` });
        const bytes = iconv.encode(text, encoding === 'cp1252' ? 'win1252' : 'cp850');
        for (const decode of [decodeBytes, browserDecodeBytes]) expect(decode(bytes).encoding).toBe(encoding);
      }),
      { numRuns: 150 },
    );
  });

  it('Japanese names in Shift_JIS are read as 932', () => {
    fc.assert(
      fc.property(japaneseName, japaneseName, (tenant, user) => {
        const text = named('s02-hybrid-700003.txt', { tenant, account: `NORTHWIND\\${user}` });
        const bytes = iconv.encode(text, 'cp932');
        for (const decode of [decodeBytes, browserDecodeBytes]) expect(decode(bytes).encoding).toBe('cp932');
      }),
      { numRuns: 150 },
    );
  });
});
