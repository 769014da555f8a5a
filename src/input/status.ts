import { decodeBytes, type TextEncodingName } from '../read/decode.js';
import { type ParsedReport, readStatusBytes } from '../read/parse.js';

/** The one reader of a dsregcmd /status input for every shell (loaded lazily by the CLI: it pulls in the reader). */

/** Why an input is not diagnosed: the same three refusals in every shell. */
export type InputRefusal = 'empty-input' | 'binary-input' | 'not-dsregcmd';

export type StatusInput = { report: ParsedReport; refusal: null } | { report: ParsedReport; refusal: InputRefusal };

/** Decode and read one dsregcmd /status output; say whether it must be refused (empty, binary, something else). */
export function readStatusInput(bytes: Uint8Array, name: string, encoding?: TextEncodingName): StatusInput {
  const report = readStatusBytes(bytes, encoding ? { name, encoding } : { name });
  const first = report.warnings[0]?.code;
  if (first === 'empty-input' || first === 'binary-input') return { report, refusal: first };
  if (!report.recognized) return { report, refusal: 'not-dsregcmd' };
  return { report, refusal: null };
}

/** Any text (a bundle, a CSV: what redact takes): decoded, or refused when empty or binary. */
export function readTextInput(
  bytes: Uint8Array,
): { text: string; refusal: null } | { text: null; refusal: 'empty-input' } | { text: null; refusal: 'binary-input' } {
  if (bytes.length === 0) return { text: null, refusal: 'empty-input' };
  const decoded = decodeBytes(bytes);
  return decoded.binary ? { text: null, refusal: 'binary-input' } : { text: decoded.text, refusal: null };
}
