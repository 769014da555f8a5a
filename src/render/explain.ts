import type { Lang } from '../contract/document.js';
import { type KnownCodeDocument, knownCodeDocument, type UnknownCodeDocument, unknownCodeDocument } from '../contract/explain.js';
import type { Translate } from '../i18n/format.js';
import type { CodeEntry } from '../knowledge/codes.js';

/** `explain`'s outputs: one knowledge-base entry as a document or as text. */

export function codeToJson(entry: CodeEntry, lang: Lang, version: string): KnownCodeDocument {
  const text = entry[lang];
  return knownCodeDocument(
    {
      code: entry.code,
      family: entry.family,
      category: entry.category,
      symbol: entry.symbol ?? null,
      phase: entry.phase ?? null,
      severity: entry.severity,
      steps: entry.steps,
      meaning: text.meaning,
      cause: text.cause,
      action: text.action,
      docs: entry.docs ?? null,
    },
    version,
  );
}

/** A well-formed code the knowledge base does not hold. */
export function unknownCodeToJson(code: string, version: string): UnknownCodeDocument {
  return unknownCodeDocument(code, version);
}

export function codeToText(entry: CodeEntry, lang: Lang, t: Translate): string {
  const text = entry[lang];
  const lines = [
    `${entry.code}${entry.symbol ? ` (${entry.symbol})` : ''}`,
    '',
    `${t('report.meaning')}: ${text.meaning}`,
    `${t('report.cause')}: ${text.cause}`,
    `${t('report.action')}: ${text.action}`,
  ];
  if (entry.steps.length) lines.push(`${t('report.plan')}: ${entry.steps.join(', ')}`);
  if (entry.docs) lines.push(entry.docs);
  return `${lines.join('\n')}\n`;
}
