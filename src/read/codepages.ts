import { isAscii, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

/**
 * The decoders decode.ts needs beyond UTF-8, in Node: Buffer for UTF-16LE, iconv-lite for the
 * rest. The browser build (scripts/build-standalone.mjs) swaps this module for codepages.browser.ts,
 * which gives the same text with the browser's own decoders.
 */
export type LegacyEncoding = 'utf16le' | 'utf16be' | 'cp932' | 'win1252' | 'cp850';

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;
/** iconv-lite is loaded on first use: UTF-8 and UTF-16LE inputs (the usual ones) never need it. */
function iconvLite(): Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvModule;
}

export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf16le') return buf.toString('utf16le');
  return iconvLite().decode(buf, encoding);
}

/** The bytes as a Buffer when they are valid UTF-8 (checked natively), so the reader can cut lines from them. */
export function asValidUtf8(bytes: Uint8Array): Buffer | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buf) ? buf : undefined;
}

/** Every byte is ASCII (checked natively): such bytes read the same as Latin-1, one byte a character. */
export function allAscii(bytes: Uint8Array): boolean {
  return isAscii(bytes);
}
