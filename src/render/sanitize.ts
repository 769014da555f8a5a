import type { Params, Translate } from '../i18n/format.js';

/**
 * The one sanitiser for text from the input shown on a terminal. A hostile status file can hold
 * escape sequences that set the clipboard (OSC 52), the window title or clear the screen, and
 * bidi overrides that make a line read differently from what it is. Every such character is
 * shown visibly as `\xNN` or `\u{NNNN}`: C0 controls except tab and newline, DEL, C1 controls
 * (U+0080–U+009F, including the one-byte CSI U+009B), and the bidi embedding, override and
 * isolate characters. Catalogue text holds none of these, so whole outputs may go through it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/** True when `text` holds nothing `terminalSafe` would change (tests). */
export function isTerminalSafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const safe = !UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return safe;
}

/** A value from the input on one terminal line: also its line breaks shown, not followed. */
export function terminalValue(text: string): string {
  return terminalSafe(text).replace(/\r\n|\r|\n/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\r\\n'));
}

/**
 * A translator that passes every parameter (the values from the input) through `escape` before
 * it is put into the message: prose in every format gets the same treatment as the tables.
 */
export function escapingTranslator(t: Translate, escapeValue: (value: string) => string): Translate {
  return (key, params) => {
    if (!params) return t(key);
    const safe: Params = {};
    for (const [k, v] of Object.entries(params)) safe[k] = typeof v === 'string' ? escapeValue(v) : v;
    return t(key, safe);
  };
}

/**
 * JSON for stdout: the same data, with the characters a terminal would act on (C1 controls,
 * bidi controls) written as `\u` escapes; JSON.stringify already escapes C0 controls.
 */
export function jsonText(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
