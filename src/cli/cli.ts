import { detectLang } from '../i18n/lang.js';
import { type CatalogScope, loadTranslator } from '../i18n/load.js';
import { jsonText, terminalSafe } from '../render/sanitize.js';
import { VERSION } from '../version.js';
import {
  checkChoice,
  checkDeviceId,
  checkEncoding,
  checkPositionals,
  type CommandContext,
  emit,
  help,
  parseOptions,
  readReport,
  reportSkipped,
  useColor,
} from './command.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';
export type { CommandContext } from './command.js';

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

async function diagnoseCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, { error: { type: 'string' }, 'device-id': { type: 'string' }, mdm: { type: 'boolean' } });
  if (values.help) return help(ctx, 'cli.help.diagnose');
  const deviceId = checkDeviceId(values['device-id']);
  const format = checkChoice('--format', values.format, ['text', 'json', 'markdown'], 'text');
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  const path = positionals[0];
  if (path === undefined) throw new UserError('cli.error.missingInput', { command: 'diagnose' });
  checkPositionals('diagnose', positionals, 1);
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
  checkPositionals('parse', positionals, 1);
  const [report, { parseToJson, parseToText }] = await Promise.all([readReport(path, ctx.io, checkEncoding(values.encoding)), import('../render/parse.js')]);
  reportSkipped(report, ctx);
  const text = format === 'json' ? jsonText(parseToJson(report, ctx.t)) : parseToText(report, ctx.t);
  await emit(ctx, values.out, text);
  return 0;
}
