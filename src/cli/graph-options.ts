import { readFile } from 'node:fs/promises';
import type { FleetSource } from '../fleet/fleet.js';
import { analyzeFleet, memorySource } from '../fleet/fleet.js';
import { certificateFromPem, DEFAULT_PUBLIC_CLIENT_ID, type GraphAuth, type TokenSource, tokenSource } from '../graph/auth.js';
import { GraphClient, type GraphProgress } from '../graph/client.js';
import { CLOUDS, type CloudName, checkBaseUrl, isCloudName, isLoopbackHost } from '../graph/clouds.js';
import { GraphError, type GraphFailure } from '../graph/errors.js';
import { type PullResult, pullFleetData } from '../graph/pull.js';
import type { Translate } from '../i18n/format.js';
import type { FleetFromGraph } from '../web/fleet-api.js';
import type { CommandContext } from './command.js';
import { UserError } from './errors.js';

/** The Graph options `fleet` and `serve` share. */
export const GRAPH_OPTIONS = {
  graph: { type: 'boolean' },
  'graph-token': { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  certificate: { type: 'string' },
  cloud: { type: 'string' },
  'graph-base': { type: 'string' },
  'login-base': { type: 'string' },
  since: { type: 'string' },
  'no-non-interactive': { type: 'boolean' },
} as const;

export interface GraphValues {
  graph?: boolean;
  'graph-token'?: string;
  tenant?: string;
  'client-id'?: string;
  'client-secret'?: string;
  certificate?: string;
  cloud?: string;
  'graph-base'?: string;
  'login-base'?: string;
  since?: string;
  'no-non-interactive'?: boolean;
}

export interface GraphSettings {
  auth: GraphAuth;
  cloud: CloudName;
  graphBase: string;
  loginBase?: string;
  since: Date;
  nonInteractive: boolean;
}

/** `7d`, `24h`, `90m` or an ISO date → the start of the window. */
export function parseSince(value: string, now: Date): Date | null {
  const rel = /^(\d{1,4})([dhm])$/.exec(value.trim());
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2] === 'd' ? 86_400_000 : rel[2] === 'h' ? 3_600_000 : 60_000;
    return new Date(now.getTime() - n * unit);
  }
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : value.trim());
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * Graph settings from the options: a token (`--graph-token` or DSREG_DOCTOR_GRAPH_TOKEN), client
 * credentials (`--client-secret` or DSREG_DOCTOR_CLIENT_SECRET, or `--certificate PEM`), else the
 * device-code flow for an admin at the terminal. Secrets are never echoed.
 */
export async function graphSettings(values: GraphValues, ctx: CommandContext, now = new Date()): Promise<GraphSettings> {
  const cloudName = values.cloud ?? 'global';
  if (!isCloudName(cloudName)) throw new UserError('cli.error.badValue', { option: '--cloud', value: cloudName, expected: 'global, usgov, china' });
  const cloud = CLOUDS[cloudName];
  let graphBase = cloud.graph;
  if (values['graph-base'] !== undefined) {
    const u = checkBaseUrl(values['graph-base']);
    if (!u) throw new UserError('graph.error.badBase', { option: '--graph-base', value: values['graph-base'] });
    graphBase = u.toString().replace(/\/$/, '');
  }
  // for tests and local debugging proxies only: credentials may go there, so loopback only
  let loginBase: string | undefined;
  if (values['login-base'] !== undefined) {
    const u = checkBaseUrl(values['login-base']);
    if (!u || !isLoopbackHost(u.hostname)) throw new UserError('graph.error.badLoginBase', { value: values['login-base'] });
    loginBase = u.origin;
  }
  const since = parseSince(values.since ?? '7d', now);
  if (!since) throw new UserError('graph.error.badSince', { value: values.since ?? '' });

  // a secret on the command line shows in the process list and the shell history
  for (const option of ['graph-token', 'client-secret'] as const) {
    if (values[option] !== undefined) ctx.io.stderr.write(`dsreg-doctor: ${ctx.t('graph.warn.secretArgument', { option: `--${option}` })}\n`);
  }
  const token = values['graph-token'] ?? ctx.io.env.DSREG_DOCTOR_GRAPH_TOKEN;
  const secret = values['client-secret'] ?? ctx.io.env.DSREG_DOCTOR_CLIENT_SECRET;
  const tenant = values.tenant;
  let auth: GraphAuth;
  if (token) auth = { kind: 'token', token };
  else if (secret || values.certificate) {
    const clientId = values['client-id'];
    if (!tenant || !clientId) throw new UserError('graph.error.appNeedsIds');
    if (values.certificate) {
      let pem: string;
      try {
        pem = await readFile(values.certificate, 'utf8');
      } catch (e) {
        throw new UserError('cli.error.unreadable', { file: values.certificate, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      }
      try {
        certificateFromPem(pem);
      } catch (e) {
        const reason = e instanceof GraphError && 'detail' in e.failure ? e.failure.detail : e instanceof Error ? e.message.split('\n')[0] : String(e);
        throw new UserError('graph.error.badCertificate', { file: values.certificate, reason: reason ?? '' });
      }
      auth = { kind: 'client-certificate', tenant, clientId, pem };
    } else auth = { kind: 'client-secret', tenant, clientId, secret: secret ?? '' };
  } else {
    auth = {
      kind: 'device-code',
      tenant: tenant ?? 'organizations',
      clientId: values['client-id'] ?? DEFAULT_PUBLIC_CLIENT_ID,
      onCode: (message) => ctx.io.stderr.write(`${message}\n`),
    };
  }
  return { auth, cloud: cloudName, graphBase, ...(loginBase ? { loginBase } : {}), since, nonInteractive: !values['no-non-interactive'] };
}

/** Progress of a pull, on stderr: pages, rows, throttling waits. */
export function graphProgressPrinter(ctx: CommandContext): (p: GraphProgress) => void {
  return (p) => {
    const line =
      p.kind === 'page'
        ? ctx.t('graph.progress.page', { dataset: p.dataset, pages: p.pages, rows: p.rows })
        : ctx.t('graph.progress.throttle', { dataset: p.dataset, status: p.status, seconds: (p.waitMs / 1000).toFixed(1), attempt: p.attempt });
    ctx.io.stderr.write(`dsreg-doctor: ${line}\n`);
  };
}

/** A failure of the pull in the user's language, naming the request (never a token). */
export function graphFailureText(f: GraphFailure, t: Translate): string {
  switch (f.kind) {
    case 'permission':
      return t('graph.failure.permission', { status: f.status, request: f.request, permission: f.permission, role: f.role, detail: f.detail });
    case 'throttled':
      return t('graph.failure.throttled', { status: f.status, request: f.request, attempts: f.attempts });
    case 'http':
      return t('graph.failure.http', { status: f.status, request: f.request, detail: f.detail });
    case 'malformed':
      return t('graph.failure.malformed', { request: f.request, detail: f.detail });
    case 'network':
      return t('graph.failure.network', { request: f.request, detail: f.detail });
    case 'foreign-next-link':
      return t('graph.failure.foreignNextLink', { request: f.request, detail: f.detail });
    case 'auth':
      return t('graph.failure.auth', { detail: f.detail });
  }
}

export function partialText(p: NonNullable<PullResult['partial']>, t: Translate): string {
  return t('graph.partial', { dataset: p.dataset, pages: p.pagesRead, reason: graphFailureText(p.failure, t) });
}

/** Every failed request of a pull, one line each; null when the pull was complete. */
export function failuresText(pulled: PullResult, t: Translate): string | null {
  return pulled.failures.length ? pulled.failures.map((f) => partialText(f, t)).join('\n') : null;
}

/** One token source per settings: MSAL's in-memory cache then serves later pulls without a new sign-in. */
export async function settingsToken(settings: GraphSettings): Promise<TokenSource> {
  const cloud = CLOUDS[settings.cloud];
  return tokenSource(settings.auth, { cloud, graphBase: cloud.graph, ...(settings.loginBase ? { loginBase: settings.loginBase } : {}) });
}

/** Pull once; the records as re-readable fleet inputs (Graph JSON, read by the same readers as files). */
export async function pullAsSources(
  settings: GraphSettings,
  onProgress?: (p: GraphProgress) => void,
  given?: TokenSource,
): Promise<{ sources: FleetSource[]; pulled: PullResult }> {
  const token = given ?? (await settingsToken(settings));
  const client = new GraphClient({ base: settings.graphBase, token, ...(onProgress ? { onProgress } : {}) });
  const pulled = await pullFleetData(client, settings.since, settings.nonInteractive ? {} : { nonInteractive: false });
  const json = (rows: Record<string, unknown>[]) => JSON.stringify({ value: rows });
  return {
    pulled,
    sources: [
      memorySource('graph-devices.json', json(pulled.devices)),
      memorySource('graph-signins.json', json(pulled.signIns)),
      memorySource('graph-directoryAudits.json', json(pulled.directoryAudits)),
      ...(pulled.deletedDevices.length > 0 ? [memorySource('graph-deletedDevices.json', json(pulled.deletedDevices))] : []),
    ],
  };
}

/** What `serve --graph` hands the web app: one pull per load, analysed like uploaded files. */
export function webFleetFromGraph(settings: GraphSettings, ctx: CommandContext): FleetFromGraph {
  let token: Promise<TokenSource> | undefined;
  return async (request) => {
    token ??= settingsToken(settings);
    const { sources, pulled } = await pullAsSources(settings, graphProgressPrinter(ctx), await token);
    const report = await analyzeFleet({
      inputs: sources.map((source) => ({ source, as: 'auto' as const })),
      ...(request.staleDays !== undefined ? { staleDays: request.staleDays } : {}),
      ...(request.asOf ? { asOf: request.asOf } : {}),
      ...(request.plannedDeletions ? { plannedDeletions: request.plannedDeletions } : {}),
    });
    const t = (await import('../i18n/format.js')).translator(request.lang);
    return { report, sources, warnings: pulled.failures.map((f) => partialText(f, t)) };
  };
}
