import type { Lang } from '../contract/document.js';
import { type FindingRef, type VerifyDocument, type VerifySide, verifyDocument } from '../contract/verify.js';
import type { Diagnosis } from '../diagnose/diagnose.js';
import type { Translate } from '../i18n/format.js';
import { localizeReason, type Verification } from '../verify/verify.js';
import { mdText } from './diagnosis-markdown.js';
import { safeTerminalText } from './diagnosis-text.js';
import { localizeFinding, localizeStep } from './localize.js';
import { escapingTranslator } from './sanitize.js';

/** `verify`'s outputs: the document (CLI `--format json` and `POST /api/verify`), the text and the Markdown. */

/** The verify document, in one language: the one builder the CLI and the web app share. */
export function verificationToJson(v: Verification, lang: Lang, t: Translate, version: string): VerifyDocument {
  const titleOf = (id: string): FindingRef => {
    const f = v.after.findings.find((x) => x.id === id) ?? v.before.findings.find((x) => x.id === id);
    return { id, title: f ? localizeFinding(f, t).title : id };
  };
  const side = (d: Diagnosis): VerifySide => ({
    joinType: d.status.joinType,
    deviceId: d.status.deviceId.value,
    errorCodes: d.errorCodes,
    input: { name: d.report.source.name, encoding: d.report.source.encoding, lines: d.report.source.lines },
  });
  return verifyDocument(
    {
      lang,
      verdict: v.verdict,
      message: t(`verify.${v.verdict}`),
      sameDevice: v.sameDevice,
      sameDeviceMessage: t(`verify.sameDevice.${v.sameDevice}`),
      nextStep: v.nextStep,
      nextStepDetail: v.next ? localizeStep(v.next, t) : null,
      reasons: v.reasons.map((r) => ({ id: r.key.replace(/^verify\.reason\./, ''), text: localizeReason(r, t) })),
      resolved: v.resolved.map(titleOf),
      remaining: v.remaining.map(titleOf),
      introduced: v.introduced.map(titleOf),
      before: side(v.before),
      after: side(v.after),
    },
    version,
  );
}

/** The verdict as text (terminal) or Markdown: why, what changed, and the next step. */
export function verificationToText(v: Verification, t: Translate, markdown: boolean): string {
  const out: string[] = [];
  const h = markdown ? '## ' : '';
  out.push(`${h}${t('verify.title')}: ${t(`verify.${v.verdict}`)}`, '');
  for (const r of v.reasons) out.push(`- ${t('verify.why')}: ${localizeReason(r, t)}`);
  out.push(`- ${t(`verify.sameDevice.${v.sameDevice}`)}`);
  out.push(`- ${t('report.joinType')}: ${t(`joinType.${v.before.status.joinType}`)} → ${t(`joinType.${v.after.status.joinType}`)}`);
  // values from the input: escaped in Markdown, like every Markdown output
  const esc = markdown ? mdText : (x: string) => x;
  const codes = (c: string[]) => (c.length ? esc(c.join(', ')) : '—');
  out.push(`- ${t('report.errorCodes')}: ${codes(v.before.errorCodes)} → ${codes(v.after.errorCodes)}`);
  if (v.resolved.length) out.push(`- ${t('verify.resolved')}: ${v.resolved.join(', ')}`);
  if (v.remaining.length) out.push(`- ${t('verify.remaining')}: ${v.remaining.join(', ')}`);
  if (v.introduced.length) out.push(`- ${t('verify.introduced')}: ${v.introduced.join(', ')}`);
  if (v.nextStep) {
    out.push('', `${h}${t('verify.next')}: ${t(`step.${v.nextStep}.title`)} [${v.nextStep}]`);
    if (v.next) {
      const st = localizeStep(v.next, escapingTranslator(t, esc));
      out.push(`  ${st.why}`);
      for (const a of st.actions) out.push(a.kind === 'command' ? `  > ${a.text}` : `  - ${a.text}`);
      for (const c of st.caveats) out.push(`  ! ${c}`);
    }
  }
  return `${out.map(safeTerminalText).join('\n')}\n`;
}
