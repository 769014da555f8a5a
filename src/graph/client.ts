import { GraphError, PERMISSIONS } from './errors.js';

export type TokenSource = () => Promise<string>;

export type GraphProgress =
  | { kind: 'page'; dataset: string; pages: number; rows: number }
  | { kind: 'throttle'; dataset: string; status: number; waitMs: number; attempt: number; request: string };

export interface GraphClientOptions {
  /** Graph root, e.g. https://graph.microsoft.com (no version). */
  base: string;
  token: TokenSource;
  /** Retries after 429/503/504 before giving up (default 6). */
  maxRetries?: number;
  /** Upper bound of one wait (default 60 s), whatever Retry-After says. */
  maxWaitMs?: number;
  onProgress?: (p: GraphProgress) => void;
  /** For tests: the fetch to use and how to wait. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const RETRYABLE = new Set([429, 503, 504]);

/**
 * A read-only Microsoft Graph client: GET only, paging through `@odata.nextLink` (never to
 * another host than the Graph base, so the token cannot leak), honouring Retry-After.
 */
export class GraphClient {
  private readonly base: URL;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: GraphClientOptions) {
    this.base = new URL(options.base.endsWith('/') ? options.base : `${options.base}/`);
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
  }

  /** The absolute URL of a Graph path such as `v1.0/devices?$top=999`. */
  url(path: string): string {
    return new URL(path.replace(/^\//, ''), this.base).toString();
  }

  /** Every page of a collection, in order; each page's `value` array. */
  async *pages(dataset: string, path: string): AsyncGenerator<Record<string, unknown>[]> {
    let next: string | undefined = this.url(path);
    let pages = 0;
    let rows = 0;
    while (next) {
      const body = await this.getJson(dataset, next);
      const value = (body as { value?: unknown }).value;
      if (!Array.isArray(value)) throw new GraphError({ kind: 'malformed', request: redactUrl(next), detail: 'no "value" array' });
      pages++;
      rows += value.length;
      this.options.onProgress?.({ kind: 'page', dataset, pages, rows });
      yield value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
      const link = (body as Record<string, unknown>)['@odata.nextLink'];
      if (link === undefined || link === null) next = undefined;
      else if (typeof link !== 'string') throw new GraphError({ kind: 'malformed', request: redactUrl(next), detail: '@odata.nextLink is not a string' });
      else {
        const u = safeUrl(link);
        if (!u || u.origin !== this.base.origin)
          throw new GraphError({ kind: 'foreign-next-link', request: redactUrl(next), detail: u ? u.origin : 'invalid URL' });
        next = u.toString();
      }
    }
  }

  private async getJson(dataset: string, url: string): Promise<unknown> {
    const maxRetries = this.options.maxRetries ?? 6;
    const maxWait = this.options.maxWaitMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        const token = await this.options.token();
        res = await this.fetchImpl(url, { method: 'GET', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
      } catch (e) {
        if (e instanceof GraphError) throw e;
        if (attempt < maxRetries) {
          await this.wait(dataset, 0, attempt, url, null, maxWait);
          continue;
        }
        throw new GraphError({ kind: 'network', request: redactUrl(url), detail: e instanceof Error ? e.message : String(e) });
      }
      if (res.ok) {
        const text = await res.text();
        try {
          return JSON.parse(text);
        } catch {
          throw new GraphError({ kind: 'malformed', request: redactUrl(url), detail: `invalid JSON (${text.length} bytes)` });
        }
      }
      const detail = await errorDetail(res);
      if (RETRYABLE.has(res.status)) {
        if (attempt >= maxRetries) throw new GraphError({ kind: 'throttled', status: res.status, request: redactUrl(url), attempts: attempt + 1 });
        await this.wait(dataset, res.status, attempt, url, res.headers.get('retry-after'), maxWait);
        continue;
      }
      if (res.status === 401 || res.status === 403) {
        const p = PERMISSIONS[dataset] ?? { permission: 'Directory.Read.All', role: 'Global Reader' };
        throw new GraphError({ kind: 'permission', status: res.status, request: redactUrl(url), permission: p.permission, role: p.role, detail });
      }
      throw new GraphError({ kind: 'http', status: res.status, request: redactUrl(url), detail });
    }
  }

  /** Retry-After (seconds or an HTTP date) when given; else exponential backoff with full jitter. */
  private async wait(dataset: string, status: number, attempt: number, url: string, retryAfter: string | null, maxWait: number): Promise<void> {
    let ms: number | undefined;
    if (retryAfter !== null) {
      if (/^\d+(\.\d+)?$/.test(retryAfter.trim())) ms = Number(retryAfter) * 1000;
      else {
        const at = Date.parse(retryAfter);
        if (!Number.isNaN(at)) ms = Math.max(0, at - Date.now());
      }
    }
    if (ms === undefined) ms = this.random() * Math.min(maxWait, 1000 * 2 ** attempt);
    ms = Math.min(ms, maxWait);
    this.options.onProgress?.({ kind: 'throttle', dataset, status, waitMs: Math.round(ms), attempt: attempt + 1, request: redactUrl(url) });
    await this.sleep(ms);
  }
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** Graph's error body `{ error: { code, message } }`, shortened; never includes our token. */
async function errorDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return [body.error?.code, body.error?.message].filter(Boolean).join(': ').slice(0, 300) || `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/** A request as shown in messages: path and query, skip tokens shortened. */
export function redactUrl(url: string): string {
  const u = safeUrl(url);
  if (!u) return url.slice(0, 200);
  let search = u.search;
  try {
    search = decodeURIComponent(u.search);
  } catch {
    // a malformed %-escape: show it as it came
  }
  const query = search.replace(/(\$skiptoken=)[^&]{12,}/i, '$1…');
  return `${u.pathname}${query}`.slice(0, 300);
}
