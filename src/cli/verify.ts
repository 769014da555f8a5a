import type { Translate } from '../i18n/format.js';
import { localizeStep } from '../render/localize.js';
import { safeTerminalText } from '../render/diagnosis-text.js';
import { mdText } from '../render/diagnosis-markdown.js';
import { jsonText, escapingTranslator } from '../render/sanitize.js';
import type { Verification } from '../verify/verify.js';
import { localizeReason, verify } from '../verify/verify.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './cli.js';
import { checkChoice, checkEncoding, checkPositionals, emit, parseOptions, readReport, reportSkipped } from './cli.js';
import { UserError } from './errors.js';

export async function verifyCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, { error: { type: 'string' }, 'after-error': { type: 'string' }, mdm: { type: 'boolean' } });
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('cli.help.verify')}\n`);
    return 0;
  }
  const format = checkChoice('--format', values.format, ['text', 'json', 'markdown'], 'text');
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const [beforePath, afterPath] = positionals;
  if (beforePath === undefined || afterPath === undefined) throw new UserError('cli.error.missingInput', { command: 'verify' });
  checkPositionals('verify', positionals, 2);
  const encoding = checkEncoding(values.encoding);
  const before = await readReport(beforePath, ctx.io, encoding);
  const after = await readReport(afterPath, ctx.io, encoding);
  reportSkipped(before, ctx);
  reportSkipped(after, ctx);
  const v = verify(before, after, {
    ...(values.error !== undefined ? { error: values.error } : {}),
    ...(values['after-error'] !== undefined ? { afterError: values['after-error'] } : {}),
    ...(values.mdm ? { mdm: true } : {}),
  });
  const text = format === 'json' ? jsonText(verificationJson(v, ctx.t)) : verificationText(v, ctx.t, format === 'markdown');
  await emit(ctx, values.out, text);
  return v.verdict === 'fixed' || v.verdict === 'no-change-needed' ? 0 : 1;
}

function verificationJson(v: Verification, t: Translate) {
  return {
    schemaVersion: 1,
    tool: { name: 'dsreg-doctor', version: VERSION },
    verdict: v.verdict,
    message: t(`verify.${v.verdict}`),
    sameDevice: v.sameDevice,
    nextStep: v.nextStep,
    nextStepDetail: v.next ? localizeStep(v.next, t) : null,
    reasons: v.reasons.map((r) => ({ id: r.key.replace(/^verify\.reason\./, ''), text: localizeReason(r, t) })),
    resolved: v.resolved,
    remaining: v.remaining,
    introduced: v.introduced,
    before: { joinType: v.before.status.joinType, deviceId: v.before.status.deviceId.value, errorCodes: v.before.errorCodes },
    after: { joinType: v.after.status.joinType, deviceId: v.after.status.deviceId.value, errorCodes: v.after.errorCodes },
  };
}

function verificationText(v: Verification, t: Translate, markdown: boolean): string {
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
