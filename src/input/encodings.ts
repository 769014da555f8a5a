import type { TextEncodingName } from '../read/decode.js';

/**
 * src/input: reading one input the same way in every shell (CLI, web server, the page's standalone build):
 * bytes counted against a limit while they arrive, the encodings a user may force, and which
 * inputs are refused before diagnosis. The shells only turn a refusal into their own error (an
 * exit code and stderr line, or an HTTP status and JSON body). No Node-only imports: the
 * standalone page uses it too.
 */

/** The encodings `--encoding` and `?encoding=` accept (the reader detects the BOM variants by itself). */
export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'cp932', 'cp1252', 'cp850'];

export function isTextEncoding(value: string): value is TextEncodingName {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}
