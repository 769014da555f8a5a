/**
 * Writing PowerShell safely. Every value that came from the input (names, IDs, UPNs) is data:
 * it is emitted only as a single-quoted literal with quotes doubled, or not at all.
 */

/** Characters PowerShell treats as a single quote: ' and the typographic ones. */
const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/**
 * A single-quoted PowerShell literal, or null when the value holds control characters
 * (a newline could end the statement; such values are never emitted).
 *
 * @example psLiteral("O'Brien") === "'O''Brien'"
 */
export function psLiteral(value: string): string | null {
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(value)) return null;
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/** Our own text (catalogue messages): the same quoting; newlines become separate literals. */
export function psText(value: string): string {
  const parts = value.split(/\r?\n/).map((line) => psLiteral(line.replace(/[\u0000-\u001f\u007f]/g, ' ')) ?? "''");
  return parts.length === 1 ? (parts[0] ?? "''") : `(${parts.join(' + [Environment]::NewLine + ')})`;
}

/** A `# comment` line from our text: no line breaks that could start code. */
export function psComment(value: string): string {
  return `# ${value.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`;
}

/** Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: Japanese needs the BOM. */
export const UTF8_BOM = '\uFEFF';
