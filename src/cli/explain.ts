import { lookupCode, normalizeCode } from '../knowledge/codes.js';
import { codeToJson, codeToText, unknownCodeToJson } from '../render/explain.js';
import { jsonText } from '../render/sanitize.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './command.js';
import { checkChoice, emit, parseOptions } from './command.js';
import { UserError } from './errors.js';

export async function explainCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, {});
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('cli.help.explain')}\n`);
    return 0;
  }
  const format = checkChoice('--format', values.format, ['text', 'json'], 'text');
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  if (positionals.length === 0) throw new UserError('cli.error.missingCode');
  // `explain AADSTS 700003` is one code; `explain ''` is an empty code, not a missing file
  const input = positionals.join(' ').trim();
  if (input === '') throw new UserError('cli.error.emptyCode');
  const code = normalizeCode(input);
  if (code === null) throw new UserError('cli.error.notACode', { input });
  const entry = lookupCode(code);
  if (!entry) {
    if (format === 'json') {
      await emit(ctx, values.out, jsonText(unknownCodeToJson(code, VERSION)));
      return 1;
    }
    ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('cli.error.unknownCode', { code })}\n`);
    return 1;
  }
  await emit(ctx, values.out, format === 'json' ? jsonText(codeToJson(entry, ctx.lang, VERSION)) : codeToText(entry, ctx.lang, ctx.t));
  return 0;
}
