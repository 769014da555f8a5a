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
  // values from the input inside findings and steps go through the terminal sanitiser
  const tv = escapingTranslator(t, terminalValue);
  const paint = (code: keyof typeof ANSI, text: string) => (style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const sevColor: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const sevMark: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
  const s = d.status;
  const out: string[] = [];
  const shown = <T>(e: Evidence<T>, fmt: (v: T) => string = String) =>
    e.masked ? `(${t('report.masked')})` : e.value === null ? `(${t('report.notShown')})` : safeTerminalText(fmt(e.value));
  const yesNo = (v: boolean) => (v ? t('report.yes') : t('report.no'));

  out.push(paint('bold', `${t('report.title')} — ${safeTerminalText(d.report.source.name)}`));
  out.push('');
  out.push(paint('bold', t('report.device')));
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
  for (const [k, v] of rows) out.push(`  ${k}${' '.repeat(width - displayWidth(k))}  ${v}`);

  out.push('');
  out.push(paint('bold', t('report.findings')));
  if (d.findings.length === 0) out.push(`  ${t('report.noFindings')}`);
  for (const raw of d.findings) {
    const f = localizeFinding(raw, tv);
    out.push('');
    out.push(
      `  ${paint(sevColor[f.severity], `${sevMark[f.severity]} ${t(`severity.${f.severity}`)}`)}  ${paint('bold', f.title)}  ${paint('dim', `[${f.id}]`)}`,
    );
    out.push(`    ${f.explanation}`);
    if (f.evidence.length) {
      out.push(`    ${t('report.evidence')}:`);
      const w = String(f.evidence.reduce((m, e) => Math.max(m, e.line), 0)).length;
      for (const e of f.evidence) out.push(paint('dim', `      ${String(e.line).padStart(w)} │ `) + safeTerminalText(e.text.trim()));
    }
    for (const code of f.codes) {
      const c = localizeCode(code, lang);
      if (c.known) {
        out.push(`    ${paint('bold', terminalValue(code))}: ${c.meaning}`);
        out.push(`      ${t('report.cause')}: ${c.cause}`);
        out.push(`      ${t('report.action')}: ${c.action}`);
      } else out.push(`    ${paint('bold', terminalValue(code))}: ${t('report.unknownCode')}`);
    }
  }

  out.push('');
  out.push(paint('bold', t('report.plan')));
  if (d.plan.steps.length === 0) out.push(`  ${t('report.noPlan')}`);
  let stage = '';
  d.plan.steps.forEach((raw, i) => {
    const st = localizeStep(raw, tv);
    if (st.stage !== stage) {
      stage = st.stage;
      out.push('', `  ${paint('dim', `— ${t(`report.stage.${st.stage}`)} —`)}`);
    }
    const badges = [t(`report.admin.${st.adminScope}`), ...(st.conditional ? [t('report.conditional')] : [])];
    out.push(`  ${paint('bold', `${i + 1}. ${st.title}`)}  ${paint('dim', `[${st.id}] (${badges.join(', ')})`)}`);
    out.push(`     ${t('report.why')}: ${st.why}`);
    out.push(`     ${t('report.actions')}:`);
    for (const a of st.actions) out.push(a.kind === 'command' ? `       ${paint('cyan', `> ${a.text}`)}` : `       - ${a.text}`);
    out.push(`     ${t('report.expect')}: ${st.expect}`);
    if (st.verify !== '—') out.push(`     ${t('report.verify')}: ${st.verify}`);
    for (const c of st.caveats) out.push(`     ${paint('yellow', `${t('report.caveat')}: ${c}`)}`);
  });

  if (d.report.warnings.length) {
    out.push('', paint('bold', t('report.warnings')));
    for (const w of d.report.warnings) out.push(`  - ${safeTerminalText(warningText(w, t))}`);
  }
  return `${out.join('\n')}\n`;
}

/** East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
