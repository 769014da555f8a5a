import type { MiddlewareHandler } from 'hono';

/**
 * The page runs only our own scripts and styles from our own origin; nothing inline, nothing from
 * elsewhere, no framing. `blob:` is for the downloads the page builds (Markdown, JSON).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
};

/** Headers on every response, errors included. No Access-Control-* header is ever sent (no CORS). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (c.req.path.startsWith('/api/')) c.res.headers.set('Cache-Control', 'no-store');
    else if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
  };
}

/** Host header values this server answers to: the loopback names with the bound port. */
export function allowedHosts(port: number): string[] {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (port === 80) hosts.push('127.0.0.1', 'localhost');
  return hosts;
}

export type Refusal = { kind: 'host'; host: string } | { kind: 'origin'; origin: string };

/**
 * DNS rebinding: a page on another site whose name resolves to 127.0.0.1 sends its own name as
 * Host; only our loopback names with our port are answered. Cross-site API calls (a form post from
 * another site) carry a foreign Origin or `Sec-Fetch-Site: cross-site`; they are refused too.
 */
export function checkRequest(headers: { get(name: string): string | null | undefined }, path: string, port: number): Refusal | null {
  const host = (headers.get('host') ?? '').toLowerCase();
  const hosts = allowedHosts(port);
  if (!hosts.includes(host)) return { kind: 'host', host };
  if (!path.startsWith('/api/')) return null;
  const origin = headers.get('origin');
  if (origin !== null && origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) return { kind: 'origin', origin };
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return { kind: 'origin', origin: origin ?? site };
  return null;
}
