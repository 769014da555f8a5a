import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Faults to inject, by dataset path (e.g. 'v1.0/devices'). */
export interface Faults {
  /** Answer 429 this many times before each page (with Retry-After when retryAfter is set). */
  throttle?: { path: string; times: number; retryAfter?: string; status?: 429 | 503 | 504 };
  forbidden?: string;
  /** Return invalid JSON for this page index (0-based) of this path. */
  malformed?: { path: string; page: number };
  /** Put a nextLink to another host on this path's first page. */
  foreignNextLink?: string;
}

export interface FakeTenant {
  devices: Record<string, unknown>[];
  signIns: (Record<string, unknown> & { signInEventTypes?: string[] })[];
  directoryAudits: Record<string, unknown>[];
  /** beta directory/deletedItems/microsoft.graph.device */
  deletedDevices?: Record<string, unknown>[];
}

export interface GraphServer {
  base: string;
  port: number;
  requests: { method: string; url: string; auth: string | undefined }[];
  faults: Faults;
  close(): Promise<void>;
}

const TOKEN = 'fake-access-token-for-tests';
const PAGE_MAX: Record<string, number> = {
  'v1.0/devices': 999,
  'v1.0/auditLogs/signIns': 1000,
  'beta/auditLogs/signIns': 1000,
  'v1.0/auditLogs/directoryAudits': 999,
  'beta/directory/deletedItems/microsoft.graph.device': 999,
};

/**
 * A loopback server that follows the parts of Microsoft's documented contracts the tool uses:
 * the OAuth endpoints MSAL calls (instance discovery, OpenID metadata, token, device code) and
 * Graph collections with $select, $filter, $top and @odata.nextLink paging.
 */
export async function startGraphServer(tenant: FakeTenant, faults: Faults = {}): Promise<GraphServer> {
  const requests: GraphServer['requests'] = [];
  const throttled = new Map<string, number>();
  let devicePolls = 0;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const state: GraphServer = { base, port, requests, faults, close: () => new Promise((r) => server.close(() => r())) };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    requests.push({ method: req.method ?? 'GET', url: url.pathname + url.search, auth: req.headers.authorization });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const body = req.method === 'POST' ? await readBody(req) : '';
    // --- login (what MSAL asks for) ---
    if (url.pathname === '/common/discovery/instance') {
      return json(200, {
        tenant_discovery_endpoint: 'https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration',
        'api-version': '1.1',
        metadata: [
          { preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] },
        ],
      });
    }
    const oidc = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (oidc) {
      const t = oidc[1];
      return json(200, {
        token_endpoint: `https://login.microsoftonline.com/${t}/oauth2/v2.0/token`,
        authorization_endpoint: `https://login.microsoftonline.com/${t}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `https://login.microsoftonline.com/${t}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `https://login.microsoftonline.com/${t}/oauth2/v2.0/logout`,
        issuer: `https://login.microsoftonline.com/${t}/v2.0`,
        jwks_uri: `https://login.microsoftonline.com/${t}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
      });
    }
    if (/\/oauth2\/v2\.0\/devicecode$/.test(url.pathname)) {
      return json(200, {
        device_code: 'dc-1',
        user_code: 'ABCD-EFGH',
        verification_uri: 'https://microsoft.com/devicelogin',
        expires_in: 900,
        interval: 1,
        message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate.',
      });
    }
    if (/\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      const form = new URLSearchParams(body);
      const grant = form.get('grant_type');
      if (grant === 'client_credentials') {
        if (!form.get('client_secret') && !form.get('client_assertion'))
          return json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        if (form.get('client_secret') === 'wrong')
          return json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: TOKEN });
      }
      if (grant === 'device_code' || grant === 'urn:ietf:params:oauth:grant-type:device_code') {
        devicePolls++;
        if (devicePolls === 1)
          return json(400, { error: 'authorization_pending', error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.' });
        const idToken = fakeJwt({
          aud: form.get('client_id'),
          iss: 'https://login.microsoftonline.com/tid/v2.0',
          tid: 'tid',
          oid: 'oid',
          preferred_username: 'admin@contoso.example',
          sub: 'sub',
          exp: Math.floor(Date.now() / 1000) + 3600,
          iat: Math.floor(Date.now() / 1000),
          nbf: Math.floor(Date.now() / 1000),
        });
        return json(200, {
          token_type: 'Bearer',
          scope: form.get('scope'),
          expires_in: 3599,
          access_token: TOKEN,
          refresh_token: 'rt',
          id_token: idToken,
          client_info: Buffer.from(JSON.stringify({ uid: 'oid', utid: 'tid' })).toString('base64url'),
        });
      }
      return json(400, { error: 'unsupported_grant_type' });
    }
    // --- Graph ---
    const path = url.pathname.replace(/^\//, '');
    const collection =
      path === 'v1.0/devices'
        ? tenant.devices
        : path.endsWith('auditLogs/signIns')
          ? tenant.signIns
          : path === 'v1.0/auditLogs/directoryAudits'
            ? tenant.directoryAudits
            : path === 'beta/directory/deletedItems/microsoft.graph.device'
              ? (tenant.deletedDevices ?? [])
              : undefined;
    if (!collection) return json(404, { error: { code: 'Request_ResourceNotFound', message: `Resource '${path}' does not exist.` } });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    if (faults.forbidden === path)
      return json(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } });
    const key = url.search;
    if (faults.throttle?.path === path && (throttled.get(key) ?? 0) < faults.throttle.times) {
      throttled.set(key, (throttled.get(key) ?? 0) + 1);
      const headers: Record<string, string> = faults.throttle.retryAfter !== undefined ? { 'Retry-After': faults.throttle.retryAfter } : {};
      return json(faults.throttle.status ?? 429, { error: { code: 'TooManyRequests', message: 'Too many requests.' } }, headers);
    }
    const top = Math.min(Number(url.searchParams.get('$top') ?? PAGE_MAX[path] ?? 100), PAGE_MAX[path] ?? 100);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const filtered = applyFilter(collection, url.searchParams.get('$filter'), path);
    const selected = applySelect(filtered.slice(skip, skip + top), url.searchParams.get('$select'));
    const page = Math.floor(skip / top);
    if (faults.malformed?.path === path && faults.malformed.page === page) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"value": [ {"id": "x"');
      return;
    }
    const out: Record<string, unknown> = { '@odata.context': `${base}/${path}`, value: selected };
    if (skip + top < filtered.length) {
      const next = new URL(url);
      next.searchParams.set('$skiptoken', String(skip + top));
      out['@odata.nextLink'] = faults.foreignNextLink === path ? `https://evil.example/${path}${next.search}` : next.toString();
    }
    return json(200, out);
  }
  return state;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => resolve(data));
  });
}

function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
}

function applySelect(rows: Record<string, unknown>[], select: string | null): Record<string, unknown>[] {
  if (!select) return rows;
  const keys = select.split(',');
  return rows.map((r) => Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]])));
}

/** The $filter shapes the tool sends: a date bound, errorCode alternatives, event types, activity names. */
function applyFilter(rows: FakeTenant['signIns'], filter: string | null, path: string): Record<string, unknown>[] {
  if (!filter) return rows;
  const since = /(createdDateTime|activityDateTime) ge (\S+)/.exec(filter);
  const codes = [...filter.matchAll(/status\/errorCode eq (\d+)/g)].map((m) => Number(m[1]));
  const nonInteractive = /signInEventTypes\/any\(t: t eq 'nonInteractiveUser'\)/.test(filter);
  const activities = [...filter.matchAll(/activityDisplayName eq '([^']+)'/g)].map((m) => m[1]);
  return rows.filter((r) => {
    if (since?.[1] && since[2] && String(r[since[1]] ?? '') < since[2]) return false;
    const status = r.status as { errorCode?: number } | undefined;
    if (codes.length && !codes.includes(status?.errorCode ?? -1)) return false;
    const types = r.signInEventTypes ?? ['interactiveUser'];
    if (path.endsWith('auditLogs/signIns')) {
      // v1.0 lists interactive sign-ins only; beta filters by event type
      if (path.startsWith('v1.0') && !types.includes('interactiveUser')) return false;
      if (nonInteractive && !types.includes('nonInteractiveUser')) return false;
    }
    if (activities.length && !activities.includes(String(r.activityDisplayName))) return false;
    return true;
  });
}
