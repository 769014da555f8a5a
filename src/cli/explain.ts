import { lookupCode, normalizeCode } from '../knowledge/codes.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './cli.js';
import { checkChoice, emit, parseOptions } from './cli.js';
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
      await emit(ctx, values.out, `${JSON.stringify({ schemaVersion: 1, code, known: false }, null, 2)}\n`);
      return 1;
    }
    ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('cli.error.unknownCode', { code })}\n`);
    return 1;
  }
  const text = entry[ctx.lang];
  if (format === 'json') {
    const json = {
      schemaVersion: 1,
      tool: { name: 'dsreg-doctor', version: VERSION },
      code: entry.code,
      known: true,
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
    };
    await emit(ctx, values.out, `${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `${entry.code}${entry.symbol ? ` (${entry.symbol})` : ''}`,
    '',
    `${ctx.t('report.meaning')}: ${text.meaning}`,
    `${ctx.t('report.cause')}: ${text.cause}`,
    `${ctx.t('report.action')}: ${text.action}`,
  ];
  if (entry.steps.length) lines.push(`${ctx.t('report.plan')}: ${entry.steps.join(', ')}`);
  if (entry.docs) lines.push(entry.docs);
  await emit(ctx, values.out, `${lines.join('\n')}\n`);
  return 0;
}
