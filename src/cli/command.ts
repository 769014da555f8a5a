import { parseArgs } from 'node:util';
import type { MessageKey, Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import type { TextEncodingName } from '../read/decode.js';
import type { ParsedReport } from '../read/parse.js';
import { TEXT_ENCODINGS } from '../input/encodings.js';
import { UserError } from './errors.js';
import { type CliIo, inputName, readInputBytes, writeFileAtomic } from './io.js';

/**
 * What every subcommand shares: its context, option parsing and checks, reading one input and
 * writing the output. `cli.ts` dispatches to the subcommands; they import these helpers from here,
 * never from `cli.ts` (no cycle between the dispatcher and its commands).
 */

/** Options every command takes. */
const COMMON = {
  lang: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CommandContext {
  io: CliIo;
  lang: Lang;
  t: Translate;
  args: string[];
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type CommonValues = { lang?: string; out?: string; format?: string; encoding?: string; help?: boolean };
export type OptionValues<T extends OptionSpec> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string } & CommonValues;

/** parseArgs with our messages instead of a stack trace. */
export function parseOptions<T extends OptionSpec>(args: string[], options: T): { values: OptionValues<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
    return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
  } catch (e) {
    throw new UserError('cli.error.badOption', { message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Refuse positional arguments past the `max` a command takes (`diagnose a b`): a dropped
 * argument is a misread command line, never something to ignore.
 */
export function checkPositionals(command: string, positionals: string[], max: number): void {
  if (positionals.length <= max) return;
  throw new UserError('cli.error.extraArgs', { command, args: positionals.slice(max).join(' '), max });
}

export function checkChoice(option: string, value: string | undefined, choices: readonly string[], fallback: string): string {
  if (value === undefined) return fallback;
  if (!choices.includes(value)) throw new UserError('cli.error.badValue', { option, value, expected: choices.join(', ') });
  return value;
}

export function checkEncoding(value: string | undefined): TextEncodingName | undefined {
  if (value === undefined) return undefined;
  return checkChoice('--encoding', value, TEXT_ENCODINGS, 'utf-8') as TextEncodingName;
}

/** Read one input and refuse what is not a dsregcmd /status output (exit 2). */
export async function readReport(path: string, io: CliIo, encoding: TextEncodingName | undefined): Promise<ParsedReport> {
  const [bytes, { readStatusInput }] = await Promise.all([readInputBytes(path, io), import('../input/status.js')]);
  const name = inputName(path);
  const { report, refusal } = readStatusInput(bytes, name, encoding);
  if (refusal === 'empty-input') throw new UserError('cli.error.empty', { file: name });
  if (refusal === 'binary-input') throw new UserError('cli.error.binary', { file: name });
  if (refusal === 'not-dsregcmd') throw new UserError('cli.error.notDsregcmd', { file: name });
  return report;
}

export function reportSkipped(report: ParsedReport, ctx: CommandContext): void {
  if (report.skippedLines > 0) {
    ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('cli.skippedSummary', { file: report.source.name, count: report.skippedLines })}\n`);
  }
}

export async function emit(ctx: CommandContext, out: string | undefined, text: string): Promise<void> {
  if (out === undefined || out === '-') {
    ctx.io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(out, text);
  } catch (e) {
    throw new UserError('cli.error.outWrite', { file: out, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

export function useColor(io: CliIo, out: string | undefined): boolean {
  return out === undefined && io.stdout.isTTY === true && !('NO_COLOR' in io.env && io.env.NO_COLOR !== undefined) && io.env.TERM !== 'dumb';
}

export function help(ctx: CommandContext, key: MessageKey): number {
  ctx.io.stdout.write(`${ctx.t(key)}\n`);
  return 0;
}

/** `--device-id`: a GUID (the error page's Device identifier), braces allowed. */
export function checkDeviceId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().replace(/^\{|\}$/g, '');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) {
    throw new UserError('cli.error.badValue', { option: '--device-id', value, expected: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' });
  }
  return v.toLowerCase();
}
