// The inputs of the reader benches (bench/reader.mjs, bench/reader-ceiling.mjs): the dsregcmd
// fixtures as Windows writes them, and one large paste of them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'dsregcmd');

/** The fixtures' texts, in file-name order. */
export const fixtureTexts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

/** Each fixture as bytes, as Windows writes it (UTF-8, CRLF). */
export const fixtureFiles = fixtureTexts.map((t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8'));

/**
 * A paste of about `mb` MB: the fixtures one after another, over and over, as Windows writes them
 * (CRLF), each after the prompt that ran it, as captures collected in one console session are.
 * Without the prompts, one fixture's `sc.exe` prompt made the reader skip the captures after it as
 * that command's output (43% of the lines, read at a fraction of the cost of a field): a figure for
 * an input nobody pastes. bench/reader.mjs prints what the lines were read as.
 */
export function bigPaste(mb) {
  const one = fixtureTexts
    .map((t) => `C:\\Users\\user>dsregcmd /status\n${t}`)
    .join('\n')
    .replace(/\n/g, '\r\n');
  const unit = Buffer.from(one, 'utf8');
  const copies = Math.ceil((mb * 1e6) / unit.length);
  return Buffer.concat(Array.from({ length: copies }, () => unit));
}
