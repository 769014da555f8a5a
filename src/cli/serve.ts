import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { platform } from 'node:os';
import { DEFAULT_WEB_ROOT } from '../web/assets.js';
import { DEFAULT_PORT, type RunningServer, startServer } from '../web/server.js';
import type { CommandContext } from './command.js';
import { checkChoice, checkPositionals, parseOptions } from './command.js';
import { UserError } from './errors.js';
import { GRAPH_OPTIONS, type GraphValues, graphSettings, webFleetFromGraph } from './graph-options.js';

/** `dsreg-doctor serve [--port N] [--open]`: runs until the process is stopped (Ctrl+C). */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  return runServe(ctx);
}

/** The serve command, stoppable through `signal` (tests). */
export async function runServe(ctx: CommandContext, signal?: AbortSignal, onListening?: (server: RunningServer) => void): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, { port: { type: 'string' }, open: { type: 'boolean' }, ...GRAPH_OPTIONS });
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('web.help')}\n`);
    return 0;
  }
  checkChoice('--lang', values.lang, ['ja', 'en'], ctx.lang);
  checkPositionals('serve', positionals, 0);
  const port = parsePort(values.port);
  if (!existsSync(DEFAULT_WEB_ROOT)) throw new UserError('web.error.noAssets', { dir: DEFAULT_WEB_ROOT });
  // sign-in happens on the first "Load from Microsoft Graph" in the page, not now
  const fleetFromGraph = values.graph ? webFleetFromGraph(await graphSettings(values as GraphValues, ctx), ctx) : undefined;
  let server: RunningServer;
  try {
    server = await startServer({ port, ...(fleetFromGraph ? { fleetFromGraph } : {}) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError('web.error.portInUse', { port });
    throw new UserError('web.error.listen', { port, reason: code ?? String(e) });
  }
  ctx.io.stdout.write(`${ctx.t('web.listening', { url: server.url })}\n`);
  if (values.open) openBrowser(server.url, (reason) => ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('web.openFailed', { url: server.url, reason })}\n`));
  onListening?.(server);
  if (signal) {
    if (signal.aborted) await server.close();
    else signal.addEventListener('abort', () => void server.close(), { once: true });
  }
  await server.closed;
  return 0;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UserError('web.error.badPort', { value });
  return Number(value);
}

/** Hand our own loopback URL (never anything from the input) to the desktop's opener. */
function openBrowser(url: string, onError: (reason: string) => void): void {
  const os = platform();
  const [cmd, args] = os === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : os === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', (e) => onError((e as NodeJS.ErrnoException).code ?? e.message));
    child.unref();
  } catch (e) {
    onError(e instanceof Error ? e.message : String(e));
  }
}
