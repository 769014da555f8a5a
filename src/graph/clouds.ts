/** National clouds: where to sign in and where Graph lives. */
export type CloudName = 'global' | 'usgov' | 'china';

export interface Cloud {
  login: string;
  graph: string;
}

export const CLOUDS: Record<CloudName, Cloud> = {
  global: { login: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com' },
  usgov: { login: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us' },
  china: { login: 'https://login.chinacloudapi.cn', graph: 'https://microsoftgraph.chinacloudapi.cn' },
};

export function isCloudName(v: string): v is CloudName {
  return v === 'global' || v === 'usgov' || v === 'china';
}

/**
 * A base URL given on the command line: https anywhere, plain http only on loopback (a test
 * server or a local proxy), so a token is never sent in clear text over a network.
 */
export function checkBaseUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  return null;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
