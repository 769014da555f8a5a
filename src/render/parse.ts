import type { Translate } from '../i18n/format.js';
import type { Field, ParsedReport } from '../read/parse.js';
import type { TypedValue } from '../read/values.js';
import { terminalSafe } from './sanitize.js';
import { warningText } from './warnings.js';

/** The parsed report as JSON: sections with their fields, each with line numbers and typed value. */
export function parseToJson(report: ParsedReport, t: Translate): unknown {
  return {
    schemaVersion: 1,
    source: report.source,
    recognized: report.recognized,
    elided: report.elided,
    skippedLines: report.skippedLines,
    warnings: report.warnings.map((w) => ({ ...w, message: warningText(w, t) })),
    sections: report.sections.map((s) => ({
      title: s.title,
      printedTitle: s.printedTitle,
      known: s.known,
      inferred: s.inferred,
      line: s.line,
      endLine: s.endLine,
      fields: s.fields.map(fieldJson),
    })),
  };
}

function fieldJson(f: Field) {
  return {
    key: f.key,
    name: f.name,
    known: f.known,
    value: f.masked ? null : f.value,
    raw: f.raw,
    line: f.line,
    endLine: f.endLine,
    masked: f.masked,
    typed: f.typed,
  };
}

function typedText(v: TypedValue, t: Translate): string {
  switch (v.kind) {
    case 'empty':
      return '∅';
    case 'masked':
      return `‹${t('parse.masked')}: ${v.mask}›`;
    case 'boolean':
      return `${v.value}${v.detail ? ` (${v.detail})` : ''}`;
    case 'instant':
      return v.iso;
    case 'range':
      return `${v.start} → ${v.end}`;
    case 'status':
      return `${v.status}${v.codes.length ? ` ${v.codes.join(', ')}` : ''}`;
    case 'guid':
      return `${v.guid}${v.provider ? ` (${v.provider})` : ''}`;
    case 'list':
      return `[${v.items.join(', ')}]`;
    case 'number':
      return String(v.value);
    case 'text':
      return JSON.stringify(v.value);
  }
}

/** The parsed report for a terminal. */
export function parseToText(report: ParsedReport, t: Translate): string {
  const out: string[] = [];
  const s = report.source;
  out.push(t('parse.header', { file: s.name, lines: s.lines, encoding: s.encoding, evidence: s.encodingEvidence, lineEnding: s.lineEnding }));
  for (const sec of report.sections) {
    out.push('');
    out.push(
      sec.printedTitle === null && !sec.title
        ? t('parse.section.none')
        : sec.printedTitle === null
          ? t('parse.section.untitled', { line: sec.line, inferred: ` → ${sec.title}` })
          : t('parse.section', { title: sec.title, line: sec.line }),
    );
    for (const f of sec.fields) out.push(fieldLine(f, t));
  }
  out.push('');
  if (report.warnings.length === 0) out.push(t('parse.noWarnings'));
  else {
    out.push(t('parse.warnings'));
    for (const w of report.warnings) out.push(`  - ${warningText(w, t)}`);
  }
  // every value in it comes from the input: the whole text goes through the sanitiser
  return `${terminalSafe(out.join('\n'))}\n`;
}

function fieldLine(f: Field, t: Translate): string {
  const lines = f.endLine > f.line ? `${f.line}-${f.endLine}` : String(f.line);
  const name = f.name === f.key ? f.key : `${f.key} (${f.name})`;
  return `  ${lines.padStart(5)}  ${name}: ${typedText(f.typed, t)}`;
}
