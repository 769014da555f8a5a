import type { Diagnosis } from '../diagnose/diagnose.js';
import type { Severity } from '../diagnose/types.js';
import type { Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import type { Evidence } from '../model/status.js';
import { localizeCode, localizeFinding, localizeStep, matchText, reportedErrorText } from './localize.js';
import { escapingTranslator, terminalSafe, terminalValue } from './sanitize.js';
import { warningText } from './warnings.js';

export interface TextStyle {
  color: boolean;
}

const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** Input text shown on a terminal: the one sanitiser (src/render/sanitize.ts). */
export const safeTerminalText = terminalSafe;

/** The diagnosis for a terminal: colour only on a TTY without NO_COLOR (decided by the caller). */
export function diagnosisToText(d: Diagnosis, lang: Lang, t: Translate, style: TextStyle): string {
  const pen = textPen(lang, t, style);
  const out = [
    pen.paint('bold', `${t('report.title')} — ${safeTerminalText(d.report.source.name)}`),
    '',
    ...deviceSection(d, pen),
    '',
    ...findingsSection(d, pen),
    '',
    ...planSection(d, pen),
    ...warningsSection(d, pen),
  ];
  return `${out.join('\n')}\n`;
}

type Paint = (code: keyof typeof ANSI, text: string) => string;

/** What every section writes with: the language, the translators and the colours. */
interface TextPen {
  lang: Lang;
  t: Translate;
  /** values from the input inside findings and steps go through the terminal sanitiser */
  tv: Translate;
  paint: Paint;
}

function textPen(lang: Lang, t: Translate, style: TextStyle): TextPen {
  const paint: Paint = (code, text) => (style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  return { lang, t, tv: escapingTranslator(t, terminalValue), paint };
}

const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** The device: join type, names, ids, PRT, context and the error the user reported, in aligned rows. */
function deviceSection(d: Diagnosis, { t, paint }: TextPen): string[] {
  const s = d.status;
  const shown = <T>(e: Evidence<T>, fmt: (v: T) => string = String) =>
    e.masked ? `(${t('report.masked')})` : e.value === null ? `(${t('report.notShown')})` : safeTerminalText(fmt(e.value));
  const yesNo = (v: boolean) => (v ? t('report.yes') : t('report.no'));
  const joinLines = [s.azureAdJoined, s.domainJoined, s.workplaceJoined].map((e) => e.field?.line).filter((n) => n !== undefined);
  const rows: [string, string][] = [
    [t('report.joinType'), `${t(`joinType.${s.joinType}`)}${joinLines.length ? paint('dim', `  (${t('report.line')} ${joinLines.join(', ')})`) : ''}`],
    [t('report.deviceName'), shown(s.deviceName)],
    [t('report.deviceId'), shown(s.deviceId)],
    [t('report.tenant'), `${shown(s.tenantName)} / ${shown(s.tenantId)}`],
    [t('report.deviceAuthStatus'), shown(s.deviceAuthStatus)],
    [t('report.prt'), shown(s.azureAdPrt, yesNo)],
    [t('report.context'), t(`context.${d.runContext.kind}`)],
    [t('report.errorCodes'), terminalValue(d.errorCodes.join(', ')) || '—'],
    ...(d.match.verdict !== 'none'
      ? ([
          [t('report.reportedError'), terminalValue(reportedErrorText(d))],
          [t('report.matchedRegistration'), terminalValue(matchText(d, t))],
        ] as [string, string][])
      : []),
  ];
  const width = rows.reduce((m, [k]) => Math.max(m, displayWidth(k)), 0);
  return [paint('bold', t('report.device')), ...rows.map(([k, v]) => `  ${k}${' '.repeat(width - displayWidth(k))}  ${v}`)];
}

/** Every finding with the input lines that prove it and what its error codes mean. */
function findingsSection(d: Diagnosis, pen: TextPen): string[] {
  const { t } = pen;
  const out = [pen.paint('bold', t('report.findings'))];
  if (d.findings.length === 0) out.push(`  ${t('report.noFindings')}`);
  for (const raw of d.findings) {
    out.push('');
    // a finding may carry any number of evidence lines: append one by one, never spread into push()
    for (const line of findingLines(localizeFinding(raw, pen.tv), pen)) out.push(line);
  }
  return out;
}

function findingLines(f: ReturnType<typeof localizeFinding>, pen: TextPen): string[] {
  const { t, paint } = pen;
  const out = [
    `  ${paint(SEVERITY_COLOR[f.severity], `${SEVERITY_MARK[f.severity]} ${t(`severity.${f.severity}`)}`)}  ${paint('bold', f.title)}  ${paint('dim', `[${f.id}]`)}`,
    `    ${f.explanation}`,
  ];
  if (f.evidence.length) {
    out.push(`    ${t('report.evidence')}:`);
    const w = String(f.evidence.reduce((m, e) => Math.max(m, e.line), 0)).length;
    for (const e of f.evidence) out.push(paint('dim', `      ${String(e.line).padStart(w)} │ `) + safeTerminalText(e.text.trim()));
  }
  for (const code of f.codes) out.push(...codeLines(code, pen));
  return out;
}

/** An error code named by a finding: its meaning, cause and action, or that it is not known. */
function codeLines(code: string, { lang, t, paint }: TextPen): string[] {
  const c = localizeCode(code, lang);
  if (!c.known) return [`    ${paint('bold', terminalValue(code))}: ${t('report.unknownCode')}`];
  return [`    ${paint('bold', terminalValue(code))}: ${c.meaning}`, `      ${t('report.cause')}: ${c.cause}`, `      ${t('report.action')}: ${c.action}`];
}

/** The remediation plan, numbered, with a heading line whenever the stage changes. */
function planSection(d: Diagnosis, pen: TextPen): string[] {
  const { t, paint } = pen;
  const out = [paint('bold', t('report.plan'))];
  if (d.plan.steps.length === 0) out.push(`  ${t('report.noPlan')}`);
  let stage = '';
  d.plan.steps.forEach((raw, i) => {
    const st = localizeStep(raw, pen.tv);
    if (st.stage !== stage) {
      stage = st.stage;
      out.push('', `  ${paint('dim', `— ${t(`report.stage.${st.stage}`)} —`)}`);
    }
    out.push(...stepLines(st, i + 1, pen));
  });
  return out;
}

function stepLines(st: ReturnType<typeof localizeStep>, number: number, { t, paint }: TextPen): string[] {
  const badges = [t(`report.admin.${st.adminScope}`), ...(st.conditional ? [t('report.conditional')] : [])];
  const out = [
    `  ${paint('bold', `${number}. ${st.title}`)}  ${paint('dim', `[${st.id}] (${badges.join(', ')})`)}`,
    `     ${t('report.why')}: ${st.why}`,
    `     ${t('report.actions')}:`,
  ];
  for (const a of st.actions) out.push(a.kind === 'command' ? `       ${paint('cyan', `> ${a.text}`)}` : `       - ${a.text}`);
  out.push(`     ${t('report.expect')}: ${st.expect}`);
  if (st.verify !== '—') out.push(`     ${t('report.verify')}: ${st.verify}`);
  for (const c of st.caveats) out.push(`     ${paint('yellow', `${t('report.caveat')}: ${c}`)}`);
  return out;
}

/** What the reader could not use in the input, if anything. */
function warningsSection(d: Diagnosis, { t, paint }: TextPen): string[] {
  if (!d.report.warnings.length) return [];
  return ['', paint('bold', t('report.warnings')), ...d.report.warnings.map((w) => `  - ${safeTerminalText(warningText(w, t))}`)];
}

/** East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
