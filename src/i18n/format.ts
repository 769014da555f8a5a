import { en, ja } from './all.js';
import type { MessageKey } from './en.js';
import type { Lang } from './lang.js';
import { fill } from './template.js';

export type { MessageKey } from './en.js';
export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, ja };

export type Params = Record<string, string | number | undefined>;

/** A message from the catalogue with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fill(catalogs[lang][key] ?? en[key], params);
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;
export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * The message for a key built from data (`joinType.${k}` over a record's keys): checked against
 * the catalogue instead of cast to MessageKey; a value the catalogue has no message for shows
 * as its key.
 */
export function messageFor(t: Translate, key: string, params?: Params): string {
  return hasMessage(key) ? t(key, params) : key;
}
