import { verifyExitCode } from '../contract/verify.js';
import { jsonText } from '../render/sanitize.js';
import { verificationToJson, verificationToText } from '../render/verify.js';
import { verify } from '../verify/verify.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './command.js';
import { checkChoice, checkEncoding, checkPositionals, emit, parseOptions, readReport, reportSkipped } from './command.js';
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
  const text = format === 'json' ? jsonText(verificationToJson(v, ctx.lang, ctx.t, VERSION)) : verificationToText(v, ctx.t, format === 'markdown');
  await emit(ctx, values.out, text);
  return verifyExitCode(v.verdict);
}
