/**
 * The browser's side of codepages.ts (the standalone page bundles this one instead): UTF-16LE
 * byte pairs as Node's Buffer reads them, UTF-16BE, Shift_JIS and 1252 through the browser's own
 * WHATWG TextDecoder, and code page 850 through iconv-lite's table, copied in at build time.
 */
import type { LegacyEncoding } from './codepages.js';

/** iconv-lite's 128 characters of code page 850 for the bytes 0x80-0xFF (esbuild `define`). */
declare const __DSREG_CP850__: string;

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function whatwg(label: string, bytes: Uint8Array): string {
  let d = decoders.get(label);
  if (d === undefined) {
    d = new TextDecoder(label);
    decoders.set(label, d);
  }
  return d.decode(bytes);
}

/** Like Buffer#toString('utf16le'): little-endian pairs, lone surrogates kept, an odd last byte dropped. */
function utf16le(bytes: Uint8Array): string {
  const end = bytes.length - (bytes.length % 2);
  const chunk = 0x4000;
  let out = '';
  for (let i = 0; i < end; i += chunk * 2) {
    const stop = Math.min(end, i + chunk * 2);
    const codes = new Array<number>((stop - i) / 2);
    for (let j = i, k = 0; j < stop; j += 2, k++) codes[k] = (bytes[j] ?? 0) | ((bytes[j + 1] ?? 0) << 8);
    out += String.fromCharCode(...codes);
  }
  return out;
}

function cp850(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : __DSREG_CP850__.charAt(b - 0x80);
  return out;
}

export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  switch (encoding) {
    case 'utf16le':
      return utf16le(bytes);
    case 'utf16be':
      return whatwg('utf-16be', bytes);
    case 'cp932':
      return whatwg('shift_jis', bytes);
    case 'win1252':
      return whatwg('windows-1252', bytes);
    case 'cp850':
      return cp850(bytes);
  }
}

/** The browser has no Buffer: the reader decodes the text instead of cutting lines from the bytes. */
export function asValidUtf8(_bytes: Uint8Array): undefined {
  return undefined;
}

/** Never asked in the browser (the reader cuts no lines from bytes there). */
export function allAscii(_bytes: Uint8Array): boolean {
  return false;
}
