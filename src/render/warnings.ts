import type { Translate } from '../i18n/format.js';
import type { ReadWarning } from '../read/parse.js';

/** One reader warning in the user's language. */
export function warningText(w: ReadWarning, t: Translate): string {
  if (w.code === 'unparsed-line' && (w.endLine === undefined || w.endLine === w.line)) {
    return t('warning.unparsed-line.single', { line: w.line, text: w.text ?? '' });
  }
  return t(`warning.${w.code}`, { line: w.line, endLine: w.endLine ?? w.line, text: w.text ?? '', count: w.count ?? 0 });
}
