import type { Diagnosis } from '../diagnose/diagnose.js';
import type { Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import type { Evidence } from '../model/status.js';
import { localizeCode, localizeFinding, localizeStep, matchText, reportedErrorText } from './localize.js';
import { escapingTranslator, terminalSafe, terminalValue } from './sanitize.js';
import { warningText } from './warnings.js';

/** Text from the input inside Markdown prose: no markup, no HTML, no links. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** Text from the input inside an inline code span that the content cannot close early. */
export function mdCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let ticks = '`';
  while (flat.includes(ticks)) ticks += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced block that the content cannot close early. */
export function mdFence(lines: string[], info = ''): string {
  const body = lines.join('\n');
  let fence = '```';
  while (body.includes(fence)) fence += '`';
  return `${fence}${info}\n${body}\n${fence}`;
}

/** The diagnosis as Markdown for a ticket. */
export function diagnosisToMarkdown(d: Diagnosis, lang: Lang, t: Translate): string {
  const s = d.status;
  const out: string[] = [];
  // values from the input inside the prose are escaped like the table cells; commands are code spans
  const tm = escapingTranslator(t, mdText);
  const tc = escapingTranslator(t, terminalValue);
  const shown = <T>(e: Evidence<T>, fmt: (v: T) => string = String) =>
    e.masked ? `_${t('report.masked')}_` : e.value === null ? `_${t('report.notShown')}_` : mdText(fmt(e.value));
  out.push(`# ${t('report.title')}: ${mdText(d.report.source.name)}`, '');
  out.push(`## ${t('report.device')}`, '');
  out.push(`| | |`, `|---|---|`);
  out.push(`| ${t('report.joinType')} | ${t(`joinType.${s.joinType}`)} |`);
  out.push(`| ${t('report.deviceName')} | ${shown(s.deviceName)} |`);
  out.push(`| ${t('report.deviceId')} | ${shown(s.deviceId)} |`);
  out.push(`| ${t('report.tenant')} | ${shown(s.tenantName)} / ${shown(s.tenantId)} |`);
  out.push(`| ${t('report.deviceAuthStatus')} | ${shown(s.deviceAuthStatus)} |`);
  out.push(`| ${t('report.prt')} | ${shown(s.azureAdPrt, (v) => (v ? 'YES' : 'NO'))} |`);
  out.push(`| ${t('report.context')} | ${t(`context.${d.runContext.kind}`)} |`);
  out.push(`| ${t('report.errorCodes')} | ${mdText(d.errorCodes.join(', ')) || '—'} |`);
  if (d.match.verdict !== 'none') {
    out.push(`| ${t('report.reportedError')} | ${mdText(reportedErrorText(d))} |`);
    out.push(`| ${t('report.matchedRegistration')} | ${mdText(matchText(d, t))} |`);
  }
  out.push('');

  out.push(`## ${t('report.findings')}`, '');
  if (d.findings.length === 0) out.push(t('report.noFindings'), '');
  for (const raw of d.findings) {
    const f = localizeFinding(raw, tm);
    out.push(`### ${t(`severity.${f.severity}`)}: ${f.title} (\`${f.id}\`)`, '', f.explanation, '');
    if (f.evidence.length) {
      out.push(`${t('report.evidence')}:`, '');
      out.push(mdFence(f.evidence.map((e) => `${String(e.line).padStart(4)} | ${e.text.trim()}`)), '');
    }
    for (const code of f.codes) {
      const c = localizeCode(code, lang);
      out.push(c.known ? `- **${mdText(code)}**: ${c.meaning} ${t('report.action')}: ${c.action}` : `- **${mdText(code)}**: ${t('report.unknownCode')}`);
    }
    if (f.codes.length) out.push('');
  }

  out.push(`## ${t('report.plan')}`, '');
  if (d.plan.steps.length === 0) out.push(t('report.noPlan'), '');
  d.plan.steps.forEach((raw, i) => {
    const st = localizeStep(raw, tm);
    const commands = localizeStep(raw, tc).actions;
    const badges = [t(`report.admin.${st.adminScope}`), ...(st.conditional ? [t('report.conditional')] : [])];
    out.push(`${i + 1}. [ ] **${st.title}** (\`${st.id}\`, ${badges.join(', ')})`);
    out.push(`   - ${t('report.why')}: ${st.why}`);
    for (const [n, a] of st.actions.entries()) out.push(a.kind === 'command' ? `   - ${mdCode(commands[n]?.text ?? a.text)}` : `   - ${a.text}`);
    out.push(`   - ${t('report.expect')}: ${st.expect}`);
    if (st.verify !== '—') out.push(`   - ${t('report.verify')}: ${st.verify}`);
    for (const c of st.caveats) out.push(`   - ⚠ ${c}`);
  });
  if (d.report.warnings.length) {
    out.push('', `## ${t('report.warnings')}`, '');
    for (const w of d.report.warnings) out.push(`- ${mdText(warningText(w, t))}`);
  }
  // Markdown is read on terminals too
  return `${terminalSafe(out.join('\n'))}\n`;
}
