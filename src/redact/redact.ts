import { readStatusText } from '../read/parse.js';

/**
 * Mask identifiers so an output can be shared with support or on a forum: GUIDs (tenant,
 * device, correlation, key container…), UPNs and e-mail addresses, user, device, domain and
 * tenant names, thumbprints, host names inside URLs, IP addresses.
 *
 * Pseudonyms are stable within one call (the tenant ID in a URL and in Tenant Details get the
 * same mask) and keep each value's shape (a GUID stays a GUID, a UPN stays a UPN), so the
 * redacted text reads and diagnoses the same as the original.
 *
 * @example
 * redactText('TenantId : bd657ee2-4129-462a-9a18-150ca51cbabf').text
 * // 'TenantId : 00000000-0000-4000-8000-000000000001'
 */
export interface RedactionResult {
  text: string;
  /** How many values were masked, by kind. */
  counts: Record<RedactionKind, number>;
}

export type RedactionKind = 'guid' | 'email' | 'name' | 'domain' | 'thumbprint' | 'ip' | 'sid';

/** Hosts that say nothing about the tenant: Microsoft's own endpoints stay readable. */
const PUBLIC_SUFFIXES = [
  'microsoftonline.com',
  'microsoft.com',
  'windows.net',
  'microsoftonline-p.com',
  'live.com',
  'office.com',
  'office365.com',
  'azure.net',
  'azure.com',
  'manage.microsoft.com',
  'aka.ms',
  'msauth.net',
];

/** Fields whose value is a name to mask (status outputs and bundles). */
const NAME_FIELDS: Record<string, 'device' | 'tenant' | 'domain' | 'user' | 'account'> = {
  'Device Name': 'device',
  TenantName: 'tenant',
  WorkplaceTenantName: 'tenant',
  DomainName: 'domain',
  'User Identity': 'user',
  'Executing Account Name': 'account',
};

/** Columns / JSON keys of fleet exports whose values are names. */
const NAME_KEYS =
  /^(display ?name|device ?name|devicedisplayname|userdisplayname|user ?display ?name|user|username|user name|initiatedby|actor|hostname|host name|computer ?name|owner|registered ?owners?|registered ?users?|target ?resources?)$/i;

const GUID_RE = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const EMAIL_RE = /\b[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b/g;
const THUMBPRINT_RE = /\b[0-9A-Fa-f]{40}\b/g;
const IPV4_RE = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const SID_RE = /\bS-1-[0-59]-\d+(?:-\d+)+\b/g;
const URL_HOST_RE = /\b(https?:\/\/)([A-Za-z0-9.-]+)/g;

class Pseudonyms {
  private readonly maps = new Map<string, Map<string, string>>();
  readonly counts: Record<RedactionKind, number> = { guid: 0, email: 0, name: 0, domain: 0, thumbprint: 0, ip: 0, sid: 0 };

  get(kind: RedactionKind, original: string, make: (n: number) => string, key = original.toLowerCase()): string {
    let map = this.maps.get(kind);
    if (!map) {
      map = new Map();
      this.maps.set(kind, map);
    }
    let hit = map.get(key);
    if (!hit) {
      hit = make(map.size + 1);
      map.set(key, hit);
    }
    this.counts[kind]++;
    return hit;
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function isPublicHost(host: string): boolean {
  const h = host.toLowerCase();
  return PUBLIC_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}

/** Redact one text (a status output, a collection bundle, a CSV or JSON export). Never throws. */
export function redactText(text: string): RedactionResult {
  const p = new Pseudonyms();
  const names = collectNames(text);

  const guid = (g: string) =>
    p.get('guid', g, (n) => {
      // keep the case the input used: dsregcmd prints some GUIDs upper-case
      const fake = `00000000-0000-4000-8000-${hex(n, 12)}`;
      return g === g.toUpperCase() ? fake.toUpperCase() : fake;
    });
  const domain = (d: string) => (isPublicHost(d) ? d : p.get('domain', d, (n) => `domain${n}.example`));
  const nameMask = (kind: string, v: string) => p.get('name', v, (n) => `${kind.toUpperCase()}-${n}`);

  let out = text;
  // names first (longest first so FQDNs go before their short names), as whole words
  const ordered = [...names.entries()].sort((a, b) => b[0].length - a[0].length);
  for (const [value, kind] of ordered) {
    // a domain may follow a host name's dot; other names stand alone
    const before = kind === 'domain' ? '(?<![\\w-])' : '(?<![\\w.-])';
    const re = new RegExp(`${before}${escapeRegExp(value)}(?![\\w-])`, 'gi');
    out = out.replace(re, (m) => nameMask(kind, m));
  }
  out = out.replace(EMAIL_RE, (whole, d: string) => p.get('email', whole, (n) => `user${n}@${domain(d)}`));
  out = out.replace(URL_HOST_RE, (_m, scheme: string, host: string) => `${scheme}${domain(host)}`);
  out = out.replace(GUID_RE, guid);
  out = out.replace(THUMBPRINT_RE, (t) => p.get('thumbprint', t, (n) => hex(n, 40).toUpperCase().replace(/^0/, 'F')));
  out = out.replace(IPV4_RE, (ip) => (/^(127\.|0\.)/.test(ip) ? ip : p.get('ip', ip, (n) => `192.0.2.${n % 254 || 254}`)));
  // user profile folders in prompts and paths: C:\Users\kbell\Documents>
  out = out.replace(/(\\Users\\)([^\\/:*?"<>|\r\n]+)/gi, (_m, prefix: string, name: string) =>
    /^(Public|Default|All Users)$/i.test(name) ? `${prefix}${name}` : `${prefix}${p.get('name', name, (n) => `USER-${n}`)}`,
  );
  out = out.replace(SID_RE, (sid) => p.get('sid', sid, (n) => `S-1-5-21-0-0-0-${1000 + n}`));
  return { text: out, counts: p.counts };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names worth masking: from dsregcmd fields, and from name columns / keys of exports. */
function collectNames(text: string): Map<string, string> {
  const names = new Map<string, string>();
  const add = (value: string, kind: string) => {
    const v = value.trim().replace(/^["']|["']$/g, '');
    if (v.length < 2 || /^(yes|no|none|null|n\/a|-|true|false)$/i.test(v) || isPublicHost(v)) return;
    if (!names.has(v)) names.set(v, kind);
  };
  const report = readStatusText(text);
  for (const f of report.fields) {
    const kind = NAME_FIELDS[f.name];
    if (!kind || f.masked || f.value.trim() === '') continue;
    if (kind === 'account' || kind === 'user') {
      // "DOMAIN\user, user@domain" → DOMAIN and user; the e-mail is handled by its own pattern
      for (const part of f.value.split(/\s*,\s*/)) {
        if (part.includes('@')) continue;
        const [dom, user] = part.includes('\\') ? part.split('\\', 2) : [undefined, part];
        if (dom && !/^(AzureAD|NT AUTHORITY|WORKGROUP)$/i.test(dom)) add(dom, 'domain');
        if (user) add(user.replace(/\$$/, ''), 'user');
      }
    } else if (kind === 'device' && f.value.includes('.')) {
      const [host, ...rest] = f.value.split('.');
      if (host) add(host, 'device');
      if (rest.length) add(rest.join('.'), 'domain');
    } else add(f.value, kind);
  }
  // the tenant name also appears quoted inside AADSTS texts: covered by the global replace
  collectFromExports(text, add);
  return names;
}

/** Name columns of CSV exports and name keys of JSON exports. */
function collectFromExports(text: string, add: (value: string, kind: string) => void): void {
  for (const m of text.matchAll(/"([A-Za-z ]{2,40})"\s*:\s*"([^"\\]{1,200})"/g)) {
    if (m[1] && m[2] && NAME_KEYS.test(m[1])) add(m[2], 'name');
  }
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  if (!firstLine.includes(',')) return;
  const header = splitCsvLine(firstLine);
  const cols = header.map((h, i) => (NAME_KEYS.test(h.trim()) ? i : -1)).filter((i) => i >= 0);
  if (cols.length === 0) return;
  for (const line of text.split(/\r?\n/).slice(1)) {
    const cells = splitCsvLine(line);
    for (const i of cols) {
      const v = cells[i];
      if (v && !v.trim().startsWith('{') && !v.trim().startsWith('[')) add(v, 'name');
    }
  }
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
