import { createRequire } from 'node:module';
// the code page guess was replaced on purpose (cp1252 German text read as Shift_JIS): the oracle
// keeps the snapshot's parsing and takes the guess from the reader, which test/encoding-detect.test.ts checks
import { guessLegacyCodePage } from '../../src/read/codepage-guess.js';

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;
/** iconv-lite is loaded on first use: UTF-8 and UTF-16LE inputs (the usual ones) never need it. */
function iconvLite(): Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvModule;
}
const iconv = {
  decode: (buf: Buffer, encoding: string, options?: { stripBOM?: boolean }) => iconvLite().decode(buf, encoding, options),
};

/** Encodings the reader recognises. The names are those iconv-lite and WHATWG agree on. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16le' | 'utf-16be-bom' | 'utf-16be' | 'cp932' | 'cp1252' | 'cp850';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Why the encoding was chosen, for `parse --format text` and bug reports. */
  evidence: string;
  /** True when the bytes look like a binary file (PDF, ZIP, image, random bytes). */
  binary: boolean;
}

const SAMPLE = 64 * 1024;

/**
 * Detect and decode the bytes of a `dsregcmd /status` capture.
 *
 * Windows writes these files in many ways: PowerShell 5.1 `>` gives UTF-16LE with a BOM,
 * PowerShell 7 and editors give UTF-8, `cmd.exe` redirection gives the console code page
 * (932 on Japanese Windows, 850 or 1252 on Western ones).
 *
 * @example
 * decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).text === 'A'
 */
export function decodeBytes(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (forced) return { text: decodeAs(buf, forced), encoding: forced, evidence: 'forced', binary: false };

  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeAs(buf, 'utf-8-bom'), encoding: 'utf-8-bom', evidence: 'BOM EF BB BF', binary: false };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: decodeAs(buf, 'utf-16le-bom'), encoding: 'utf-16le-bom', evidence: 'BOM FF FE', binary: false };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: decodeAs(buf, 'utf-16be-bom'), encoding: 'utf-16be-bom', evidence: 'BOM FE FF', binary: false };
  }

  const sample = buf.subarray(0, Math.min(buf.length, SAMPLE));
  const utf16 = guessUtf16(sample);
  if (utf16) {
    return { text: decodeAs(buf, utf16), encoding: utf16, evidence: 'NUL bytes at alternating positions', binary: false };
  }

  const binary = looksBinary(sample);
  // no point decoding megabytes of a PDF or random bytes: the caller reports them as binary
  if (binary) return { text: '', encoding: 'utf-8', evidence: 'binary content', binary };
  const utf8 = tryUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', evidence: 'valid UTF-8', binary };
  const legacy = guessLegacyCodePage(sample);
  return { text: decodeAs(buf, legacy.encoding), encoding: legacy.encoding, evidence: legacy.evidence, binary };
}

function decodeAs(buf: Buffer, encoding: TextEncodingName): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return utf8Lenient.decode(buf);
    case 'utf-16le':
    case 'utf-16le-bom':
      return stripBom(buf.toString('utf16le'));
    case 'utf-16be':
    case 'utf-16be-bom':
      return stripBom(iconv.decode(buf, 'utf16be'));
    case 'cp932':
      return iconv.decode(buf, 'cp932');
    case 'cp1252':
      return iconv.decode(buf, 'win1252');
    case 'cp850':
      return iconv.decode(buf, 'cp850');
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function guessUtf16(sample: Uint8Array): TextEncodingName | undefined {
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Control bytes other than tab, CR, LF, FF and ESC are rare in text and common in binaries. */
function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / sample.length > 0.02;
}

// the WHATWG decoders strip a UTF-8 BOM themselves; `fatal` makes decoding double as validation
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
function tryUtf8(buf: Buffer): string | undefined {
  try {
    return utf8Fatal.decode(buf);
  } catch {
    return undefined;
  }
}
