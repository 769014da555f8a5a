export type Lang = 'en' | 'ja';

/** `--lang`, else LC_ALL / LC_MESSAGES / LANG (ja* → Japanese), else English. */
export function detectLang(explicit: string | undefined, env: Record<string, string | undefined>): Lang {
  if (explicit === 'ja' || explicit === 'en') return explicit;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v && v !== '') return /^ja/i.test(v) ? 'ja' : 'en';
  }
  return 'en';
}

export function isLang(v: string | undefined): v is Lang {
  return v === 'en' || v === 'ja';
}
