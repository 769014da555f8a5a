import type { en as enCore } from './en.js';
import type { Translate } from './format.js';
import type { Lang } from './lang.js';
import { fill } from './template.js';

/**
 * Which messages a command needs: `core` (CLI usage and errors, diagnose, parse and their
 * reports: en.ts, or ja.ts + ja-report.ts) or `all` (every feature catalogue).
 */
export type CatalogScope = 'core' | 'all';

/**
 * A translator that loads only the catalogue of one language and scope: the CLI's cold start
 * reads the core catalogue of the current language and nothing else.
 */
export async function loadTranslator(lang: Lang, scope: CatalogScope): Promise<Translate> {
  if (scope === 'all') return (await import('./format.js')).translator(lang);
  const messages: Record<string, string> = lang === 'en' ? (await import('./en.js')).en : await japaneseCore();
  return (key, params) => {
    const template = messages[key];
    // a programming error (a core command showing a feature message), caught by test/i18n-load.test.ts
    if (template === undefined) throw new Error(`message ${key} is not in the core ${lang} catalogue`);
    return fill(template, params);
  };
}

async function japaneseCore(): Promise<Record<keyof typeof enCore, string>> {
  const [{ ja }, { jaReport }] = await Promise.all([import('./ja.js'), import('./ja-report.js')]);
  // the compiler checks that ja.ts and ja-report.ts hold every core key
  return Object.assign({}, ja, jaReport);
}
