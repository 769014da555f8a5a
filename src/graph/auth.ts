import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { Cloud } from './clouds.js';
import { GraphError } from './errors.js';
import type { TokenSource } from './client.js';

export type { TokenSource } from './client.js';

/** How to get a Graph token. The tool asks only for read permissions and never writes to the tenant. */
export type GraphAuth =
  | { kind: 'token'; token: string }
  | { kind: 'device-code'; tenant: string; clientId: string; onCode: (message: string) => void }
  | { kind: 'client-secret'; tenant: string; clientId: string; secret: string }
  | { kind: 'client-certificate'; tenant: string; clientId: string; pem: string };

/** Microsoft Graph Command Line Tools: Microsoft's public client for delegated admin tooling. */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** Delegated scopes: read devices and the audit and sign-in logs. */
export const DELEGATED_SCOPES = ['Device.Read.All', 'AuditLog.Read.All', 'Directory.Read.All'];

export interface AuthOptions {
  cloud: Cloud;
  /** Graph root, for the token's audience (its origin). */
  graphBase: string;
  /**
   * Send MSAL's requests to this origin instead of the cloud's login host (a loopback test
   * server or a local proxy). The authority MSAL validates stays the real one.
   */
  loginBase?: string;
}

/** A token source: cached until shortly before it expires; MSAL keeps its cache in memory only. */
export async function tokenSource(auth: GraphAuth, options: AuthOptions): Promise<TokenSource> {
  if (auth.kind === 'token') {
    const token = auth.token.trim().replace(/^Bearer\s+/i, '');
    return async () => token;
  }
  const msal = await import('@azure/msal-node');
  const authority = `${options.cloud.login}/${encodeURIComponent(auth.tenant)}`;
  const resource = new URL(options.graphBase).origin;
  const system = options.loginBase ? { networkClient: redirectingClient(options.cloud.login, options.loginBase) } : {};
  let cached: { token: string; expires: number } | undefined;
  const fresh = () => cached && cached.expires - Date.now() > 5 * 60_000;

  if (auth.kind === 'device-code') {
    const app = new msal.PublicClientApplication({ auth: { clientId: auth.clientId, authority }, system });
    const scopes = DELEGATED_SCOPES.map((s) => `${resource}/${s}`);
    return async () => {
      if (fresh() && cached) return cached.token;
      const accounts = await app.getTokenCache().getAllAccounts();
      let result = null;
      if (accounts[0]) result = await app.acquireTokenSilent({ account: accounts[0], scopes }).catch(() => null);
      if (!result) {
        result = await app.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (r) => auth.onCode(r.message) }).catch((e: unknown) => {
          throw authError(e);
        });
      }
      if (!result?.accessToken) throw new GraphError({ kind: 'auth', request: 'device code', detail: 'no access token' });
      cached = { token: result.accessToken, expires: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 };
      return cached.token;
    };
  }

  const credential = auth.kind === 'client-secret' ? { clientSecret: auth.secret } : { clientCertificate: certificateFromPem(auth.pem) };
  const app = new msal.ConfidentialClientApplication({ auth: { clientId: auth.clientId, authority, ...credential }, system });
  return async () => {
    if (fresh() && cached) return cached.token;
    const result = await app.acquireTokenByClientCredential({ scopes: [`${resource}/.default`] }).catch((e: unknown) => {
      throw authError(e);
    });
    if (!result?.accessToken) throw new GraphError({ kind: 'auth', request: 'client credentials', detail: 'no access token' });
    cached = { token: result.accessToken, expires: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 };
    return cached.token;
  };
}

/** A PEM holding the certificate and its private key → what MSAL needs. */
export function certificateFromPem(pem: string): { thumbprintSha256: string; privateKey: string; x5c: string } {
  const certMatch = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
  const keyMatch = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(pem);
  if (!certMatch || !keyMatch)
    throw new GraphError({ kind: 'auth', request: 'certificate', detail: 'the PEM file needs both a CERTIFICATE and a PRIVATE KEY block' });
  const cert = new X509Certificate(certMatch[0]);
  // fails early on a key that does not parse, instead of deep inside MSAL
  createPrivateKey(keyMatch[0]);
  return { thumbprintSha256: cert.fingerprint256.replace(/:/g, ''), privateKey: keyMatch[0], x5c: certMatch[0] };
}

function authError(e: unknown): GraphError {
  const err = e as { errorCode?: string; errorMessage?: string; message?: string };
  // MSAL's messages carry no secrets; keep the first line
  const detail = [err.errorCode, (err.errorMessage ?? err.message ?? String(e)).split('\n')[0]].filter(Boolean).join(': ');
  return new GraphError({ kind: 'auth', request: 'sign-in', detail: detail.slice(0, 300) });
}

/** An MSAL network client that sends requests for the login host to another origin (fetch-based). */
function redirectingClient(loginOrigin: string, target: string) {
  const from = new URL(loginOrigin).origin;
  const to = new URL(target).origin;
  const rewrite = (url: string) => (url.startsWith(from) ? to + url.slice(from.length) : url);
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: { headers?: Record<string, string>; body?: string }) => {
    const res = await fetch(rewrite(url), { method, headers: options?.headers ?? {}, ...(options?.body !== undefined ? { body: options.body } : {}) });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const text = await res.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    return { headers, body: body as T, status: res.status };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: { headers?: Record<string, string> }) => send<T>('GET', url, options),
    sendPostRequestAsync: <T>(url: string, options?: { headers?: Record<string, string>; body?: string }) => send<T>('POST', url, options),
  };
}
