import { type ErrorHandler, type Handler, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { translator } from '../i18n/format.js';
import { VERSION } from '../version.js';
import {
  ApiError,
  collectScriptRoute,
  diagnoseRoute,
  errorBody,
  intuneRoute,
  MAX_BODY_BYTES,
  redactRoute,
  requestLang,
  scriptRoute,
  verifyRoute,
} from './api.js';
import { type Asset, exampleFiles, loadAssets } from './assets.js';
import { cleanupRoutes } from './cleanup-api.js';
import { type FleetFromGraph, FleetStore, fleetRoutes, MAX_FLEET_BYTES, MAX_FLEET_FILES } from './fleet-api.js';
import { exampleList, pageMessages } from './messages.js';
import { checkRequest, securityHeaders } from './security.js';

export interface AppOptions {
  /**
   * The port the server is bound to, for the Host check. A function, because with `--port 0`
   * the port is known only after listening.
   */
  port: number | (() => number);
  /** The static files; default: the package's web/ folder. */
  assets?: Map<string, Asset>;
  /** Body limit in bytes (default {@link MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
  /** Limit of one fleet upload, all files together (default {@link MAX_FLEET_BYTES}). */
  maxFleetBytes?: number;
  /**
   * "Load from Microsoft Graph" in the Fleet view: set when `serve` was started with Graph
   * options. Without it `GET /api/fleet/graph` answers 404 and the page hides the button.
   */
  fleetFromGraph?: FleetFromGraph;
  /** Analyse fleet uploads in a worker thread (default: when the compiled worker script exists; false: in the request thread). */
  fleetWorker?: boolean;
  /** Told when a fleet upload's analysis starts and ends (tests). */
  onFleetAnalysis?: (event: 'start' | 'done') => void;
}

/**
 * The web app: static page + JSON API, every response with the security headers, every request
 * checked against the loopback Host. Test it with `app.request()`; serve it with `startServer`.
 *
 * @example
 * const app = createApp({ port: 7003 });
 * const res = await app.request('/api/diagnose?lang=ja', { method: 'POST', body: bytes, headers: { host: '127.0.0.1:7003' } });
 */
export function createApp(options: AppOptions): Hono {
  const port = typeof options.port === 'function' ? options.port : () => options.port as number;
  const assets = options.assets ?? loadAssets();
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxFleet = options.maxFleetBytes ?? MAX_FLEET_BYTES;
  const fleet = fleetRoutes({
    maxBytes: maxFleet,
    fleetFromGraph: options.fleetFromGraph,
    store: new FleetStore(),
    ...(options.fleetWorker !== undefined ? { worker: options.fleetWorker } : {}),
    ...(options.onFleetAnalysis ? { onAnalysis: options.onFleetAnalysis } : {}),
  });
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', loopbackOnly(port));
  const limit = bodyLimitOf(maxBody);
  deviceApi(app, limit);
  fleetApi(app, fleet, limit, maxFleet);
  app.get('/api/messages', messagesRoute({ examples: exampleFiles(assets), maxBody, maxFleet, graph: options.fleetFromGraph !== undefined }));
  app.all('/api/*', unknownApiRoute);
  staticFiles(app, assets);
  app.onError(errorHandler(maxBody));
  return app;
}

/** Every request checked against the loopback Host (and Origin): 403 otherwise. */
function loopbackOnly(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const refusal = checkRequest(c.req.raw.headers, c.req.path, port());
    if (refusal) {
      const t = translator(requestLang(c, false));
      const e =
        refusal.kind === 'host'
          ? new ApiError(403, 'web.api.hostRefused', { host: refusal.host, port: port() }, 'host-refused')
          : new ApiError(403, 'web.api.originRefused', { origin: refusal.origin }, 'origin-refused');
      return c.json(errorBody(e, t), 403);
    }
    return next();
  };
}

/** 413 with the limit in MiB: the body limit's answer and the error handler's. */
function tooLarge(maxBody: number): ApiError {
  return new ApiError(413, 'web.api.tooLarge', { limit: Math.round(maxBody / 1048576) }, 'too-large');
}

/** The body limit of the API's POST routes. */
function bodyLimitOf(maxBody: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBody, onError: (c) => c.json(errorBody(tooLarge(maxBody), translator(requestLang(c, false))), 413) });
}

/** One device's output: diagnose, verify, the scripts, redact. */
function deviceApi(app: Hono, limit: MiddlewareHandler): void {
  app.post('/api/diagnose', limit, diagnoseRoute);
  app.post('/api/verify', limit, verifyRoute);
  app.post('/api/script', limit, scriptRoute);
  app.post('/api/intune', limit, intuneRoute);
  app.post('/api/redact', limit, redactRoute);
  app.get('/api/collect-script', collectScriptRoute);
}

/** The Fleet view: uploads, the Graph pull, cleanup impact, one device, exports; and the staged cleanup. */
function fleetApi(app: Hono, fleet: ReturnType<typeof fleetRoutes>, limit: MiddlewareHandler, maxFleet: number): void {
  app.post('/api/fleet', fleet.upload);
  app.get('/api/fleet/graph', fleet.graph);
  app.post('/api/fleet/:id/cleanup', fleet.cleanup);
  app.get('/api/fleet/:id/devices/:deviceId', fleet.device);
  app.post('/api/fleet/:id/export', limit, fleet.export);
  const staged = cleanupRoutes({ maxBytes: maxFleet });
  app.post('/api/cleanup', staged.plan);
  app.get('/api/cleanup/:id/:file', staged.download);
}

/** GET /api/messages: the page's messages in the request's language, the examples and the limits. */
function messagesRoute(page: { examples: ReturnType<typeof exampleFiles>; maxBody: number; maxFleet: number; graph: boolean }): Handler {
  return (c) => {
    const lang = requestLang(c, true);
    const which = c.req.query('page');
    if (which !== undefined && which !== 'fleet' && which !== 'device')
      throw new ApiError(400, 'web.api.badQuery', { name: 'page', value: which, expected: 'device, fleet' }, 'bad-query');
    const messages = pageMessages(lang, which === 'fleet' ? 'fleet' : 'device');
    return c.json({
      lang,
      version: VERSION,
      messages,
      examples: exampleList(page.examples, messages),
      maxBodyBytes: page.maxBody,
      ...(which === 'fleet' ? { fleet: { graph: page.graph, maxBytes: page.maxFleet, maxFiles: MAX_FLEET_FILES } } : {}),
    });
  };
}

/** Known API paths and their one method: the wrong method gets 405 with Allow, not a 404. */
const API_METHODS: Record<string, string> = {
  '/api/diagnose': 'POST',
  '/api/verify': 'POST',
  '/api/script': 'POST',
  '/api/intune': 'POST',
  '/api/redact': 'POST',
  '/api/messages': 'GET',
  '/api/collect-script': 'GET',
  '/api/fleet': 'POST',
  '/api/fleet/graph': 'GET',
  '/api/cleanup': 'POST',
};
const API_PATTERNS: [RegExp, string][] = [
  [/^\/api\/fleet\/[^/]+\/cleanup$/, 'POST'],
  [/^\/api\/fleet\/[^/]+\/export$/, 'POST'],
  [/^\/api\/fleet\/[^/]+\/devices\/[^/]+$/, 'GET'],
  [/^\/api\/cleanup\/[^/]+\/[^/]+$/, 'GET'],
];

/** Any other /api/ request: 405 for a known path with the wrong method, else 404. */
const unknownApiRoute: Handler = (c) => {
  const allowed = API_METHODS[c.req.path] ?? API_PATTERNS.find(([re]) => re.test(c.req.path))?.[1];
  if (allowed) {
    c.header('Allow', allowed);
    throw new ApiError(405, 'web.api.methodNotAllowed', { method: c.req.method, path: c.req.path, allowed }, 'method-not-allowed');
  }
  throw new ApiError(404, 'web.api.notFound', { path: c.req.path }, 'not-found');
};

/** The page and its files (GET and HEAD only). */
function staticFiles(app: Hono, assets: Map<string, Asset>): void {
  app.on(['GET', 'HEAD'], '*', (c) => {
    const asset = assets.get(c.req.path);
    if (!asset) return c.text(translator(requestLang(c, false))('web.api.notFound', { path: c.req.path }), 404);
    const headers = { 'Content-Type': asset.type, 'Content-Length': String(asset.body.length) };
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(asset.body, 200, headers);
  });
  app.all('*', (c) => {
    c.header('Allow', 'GET, HEAD');
    return c.text(translator(requestLang(c, false))('web.api.methodNotAllowed', { method: c.req.method, path: c.req.path, allowed: 'GET' }), 405);
  });
}

/** ApiError as its JSON body; a body over the limit as 413; anything else as 500 with its message. */
function errorHandler(maxBody: number): ErrorHandler {
  return (err, c) => {
    const t = translator(requestLang(c, false));
    if (err instanceof ApiError) return c.json(errorBody(err, t), err.status);
    if (err instanceof HTTPException && err.status === 413) return c.json(errorBody(tooLarge(maxBody), t), 413);
    const message = err instanceof Error ? err.message : String(err);
    return c.json(errorBody(new ApiError(500, 'web.api.internal', { message }, 'internal'), t), 500);
  };
}
