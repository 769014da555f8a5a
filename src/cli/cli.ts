import { parseArgs } from 'node:util';
import type { MessageKey, Translate } from '../i18n/format.js';
import { detectLang, type Lang } from '../i18n/lang.js';
import { type CatalogScope, loadTranslator } from '../i18n/load.js';
import type { ParsedReport } from '../read/parse.js';
import type { TextEncodingName } from '../read/decode.js';
import { TEXT_ENCODINGS } from '../input/encodings.js';
import { jsonText, terminalSafe } from '../render/sanitize.js';
import { VERSION } from '../version.js';
import { UserError } from './errors.js';
import { type CliIo, inputName, readInputBytes, writeFileAtomic } from './io.js';

export type { CliIo } from './io.js';

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

/**
 * Run the CLI: argv (without node and script) in, exit code out. Never calls process.exit;
 * only bin/ touches the process.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const langArg = langFromArgv(argv);
  const lang = detectLang(langArg, io.env);
  // only the catalogue this command shows, in this language: the CLI starts faster
  const t = await loadTranslator(lang, catalogScope(command));
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${t('cli.usage')}\n`);
      return command === undefined ? 2 : 0;
    }
    const ctx: CommandContext = { io, lang, t, args: rest };
    // commands other than diagnose and parse load on first use: the CLI starts faster
    switch (command) {
      case 'diagnose':
        return await diagnoseCommand(ctx);
      case 'parse':
        return await parseCommand(ctx);
      case 'explain':
        return await (await import('./explain.js')).explainCommand(ctx);
      case 'lab':
        return await (await import('./lab.js')).labCommand(ctx);
      case 'verify':
        return await (await import('./verify.js')).verifyCommand(ctx);
      case 'script':
        return await (await import('./script.js')).scriptCommand(ctx);
      case 'redact':
        return await (await import('./script.js')).redactCommand(ctx);
      case 'serve':
        return await (await import('./serve.js')).serveCommand(ctx);
      case 'fleet':
        return await (await import('./fleet.js')).fleetCommand(ctx);
      case 'cleanup':
        return await (await import('./cleanup.js')).cleanupCommand(ctx);
      default:
        throw new UserError('cli.error.unknownCommand', { command });
    }
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr.write(`dsreg-doctor: ${terminalSafe(t(e.key, e.params))}\n`);
      return 2;
    }
    // the stack only on request: users get the message and the hint to report it
    const message = e instanceof Error ? (io.env.DSREG_DOCTOR_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
    io.stderr.write(`dsreg-doctor: ${terminalSafe(t('cli.error.internal', { message }))}\n`);
    return 3;
  }
}

/**
 * What to do when stdout fails (bin/ calls this from the stream's error event): a closed pipe
 * (`| head`) ends quietly with the exit code so far; anything else (`> /dev/full`) is one line
 * on stderr and exit 2, never a stack trace.
 */
export async function stdoutFailure(
  error: NodeJS.ErrnoException,
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<{ line: string | null; exitCode: number | null }> {
  if (error.code === 'EPIPE') return { line: null, exitCode: null };
  const t = await loadTranslator(detectLang(langFromArgv(argv), env), 'core');
  return { line: `dsreg-doctor: ${t('cli.error.stdoutWrite', { reason: error.code ?? error.message })}\n`, exitCode: 2 };
}

/** Commands that show only core messages (en.ts, ja.ts + ja-report.ts); the others load every catalogue. */
const CORE_COMMANDS = new Set([undefined, '--help', '-h', 'help', 'diagnose', 'parse']);

function catalogScope(command: string | undefined): CatalogScope {
  return CORE_COMMANDS.has(command) ? 'core' : 'all';
}

function langFromArgv(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice(7);
  }
  return undefined;
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

function help(ctx: CommandContext, key: MessageKey): number {
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

async function diagnoseCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, { error: { type: 'string' }, 'device-id': { type: 'string' }, mdm: { type: 'boolean' } });
  if (values.help) return help(ctx, 'cli.help.diagnose');
  const deviceId = checkDeviceId(values['device-id']);
  const format = checkChoice('--format', values.format, ['text', 'json', 'markdown'], 'text');
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const path = positionals[0];
  if (path === undefined) throw new UserError('cli.error.missingInput', { command: 'diagnose' });
  // the engine loads with the input, never for --help or --version
  const [report, { diagnose }, render] = await Promise.all([
    readReport(path, ctx.io, checkEncoding(values.encoding)),
    import('../diagnose/diagnose.js'),
    format === 'json'
      ? import('../render/localize.js')
      : format === 'markdown'
        ? import('../render/diagnosis-markdown.js')
        : import('../render/diagnosis-text.js'),
  ]);
  reportSkipped(report, ctx);
  const diagnosis = diagnose(report, {
    ...(values.error !== undefined ? { error: values.error } : {}),
    ...(deviceId !== undefined ? { deviceId } : {}),
    ...(values.mdm ? { mdm: true } : {}),
  });
  const text =
    'diagnosisToJson' in render
      ? jsonText(render.diagnosisToJson(diagnosis, ctx.lang, ctx.t, VERSION))
      : 'diagnosisToMarkdown' in render
        ? render.diagnosisToMarkdown(diagnosis, ctx.lang, ctx.t)
        : render.diagnosisToText(diagnosis, ctx.lang, ctx.t, { color: useColor(ctx.io, values.out) });
  await emit(ctx, values.out, text);
  return diagnosis.exitCode;
}

async function parseCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, {});
  if (values.help) return help(ctx, 'cli.help.parse');
  const format = checkChoice('--format', values.format, ['text', 'json'], 'json');
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const path = positionals[0];
  if (path === undefined) throw new UserError('cli.error.missingInput', { command: 'parse' });
  const [report, { parseToJson, parseToText }] = await Promise.all([readReport(path, ctx.io, checkEncoding(values.encoding)), import('../render/parse.js')]);
  reportSkipped(report, ctx);
  const text = format === 'json' ? jsonText(parseToJson(report, ctx.t)) : parseToText(report, ctx.t);
  await emit(ctx, values.out, text);
  return 0;
}
