import { guessLegacyCodePage } from './codepage-guess.js';
import { asValidUtf8, decodeLegacy } from './codepages.js';

/** Encodings the reader recognises. The names are those iconv-lite and WHATWG agree on. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16le' | 'utf-16be-bom' | 'utf-16be' | 'cp932' | 'cp1252' | 'cp850';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Why the encoding was chosen, for `parse --format text` and bug reports. */
  evidence: string;
  /** True when the bytes look like a binary file (PDF, ZIP, image, random bytes). */
  binary: boolean;
  /**
   * Valid UTF-8 without a BOM, left undecoded when the caller asked for it (`text` is then
   * empty): a reader can cut the lines from the bytes, which keeps ASCII lines one byte a character.
   */
  utf8?: Buffer;
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
export function decodeBytes(bytes: Uint8Array, forced?: TextEncodingName, keepUtf8 = false): DecodedText {
  const buf = bytes;
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

  // one look at the first 64 KiB: NUL bytes at alternating positions mean UTF-16 without a
  // BOM; control bytes mean a binary file; then the validated native UTF-8 decoder
  const sample = buf.subarray(0, Math.min(buf.length, SAMPLE));
  const stats = sampleStats(sample);
  const utf16 = guessUtf16(sample.length, stats);
  if (utf16) {
    return { text: decodeAs(buf, utf16), encoding: utf16, evidence: 'NUL bytes at alternating positions', binary: false };
  }

  const binary = sample.length > 0 && stats.control / sample.length > 0.02;
  // no point decoding megabytes of a PDF or random bytes: the caller reports them as binary
  if (binary) return { text: '', encoding: 'utf-8', evidence: 'binary content', binary };
  const validUtf8 = keepUtf8 ? asValidUtf8(buf) : undefined;
  if (validUtf8) return { text: '', encoding: 'utf-8', evidence: 'valid UTF-8', binary, utf8: validUtf8 };
  const utf8 = tryUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', evidence: 'valid UTF-8', binary };
  const legacy = guessLegacyCodePage(sample);
  return { text: decodeAs(buf, legacy.encoding), encoding: legacy.encoding, evidence: legacy.evidence, binary };
}

function decodeAs(buf: Uint8Array, encoding: TextEncodingName): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return utf8Lenient.decode(buf);
    case 'utf-16le':
    case 'utf-16le-bom':
      return stripBom(decodeLegacy(buf, 'utf16le'));
    case 'utf-16be':
    case 'utf-16be-bom':
      return stripBom(decodeLegacy(buf, 'utf16be'));
    case 'cp932':
      return decodeLegacy(buf, 'cp932');
    case 'cp1252':
      return decodeLegacy(buf, 'win1252');
    case 'cp850':
      return decodeLegacy(buf, 'cp850');
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface SampleStats {
  /** NUL bytes at even / odd offsets, counted over whole byte pairs. */
  evenNul: number;
  oddNul: number;
  /** Control bytes other than tab, CR, LF, FF and ESC: rare in text, common in binaries. */
  control: number;
}

/** Control bytes other than tab, LF, FF, CR and ESC (see `SampleStats.control`). */
const CONTROL_BYTES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1c, 0x1d, 0x1e, 0x1f];
const NO_CONTROL: SampleStats = { evenNul: 0, oddNul: 0, control: 0 };

/**
 * Text has no control bytes: a native search for each of them (`indexOf`, a memchr in Node) tells
 * that several times faster than a loop over the bytes, which then runs only for a sample that has one.
 */
export function sampleStats(sample: Uint8Array): SampleStats {
  for (const b of CONTROL_BYTES) if (sample.indexOf(b) >= 0) return countedStats(sample);
  return NO_CONTROL;
}

/** The bytes counted one by one (what `sampleStats` gives; exported for its property test). */
export function countedStats(sample: Uint8Array): SampleStats {
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  const pairsEnd = sample.length & ~1;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b >= 0x20) continue;
    if (b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x1b) continue;
    control++;
    if (b === 0 && i < pairsEnd) {
      if (i & 1) oddNul++;
      else evenNul++;
    }
  }
  return { evenNul, oddNul, control };
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function guessUtf16(length: number, { evenNul, oddNul }: SampleStats): TextEncodingName | undefined {
  if (length < 4) return undefined;
  const pairs = Math.floor(length / 2);
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

// the WHATWG decoders strip a UTF-8 BOM themselves; `fatal` makes decoding double as validation
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
function tryUtf8(buf: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(buf);
  } catch {
    return undefined;
  }
}
