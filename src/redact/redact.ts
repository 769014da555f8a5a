import { sniffDelimiter } from '../fleet/csv.js';
import { lineKindAt, type ParsedReport, readStatusText } from '../read/parse.js';
import { maskKind } from '../read/values.js';
import { SECTION_TITLES } from '../read/vocabulary.js';

/**
 * Mask identifiers so an output can be shared with support or on a forum: GUIDs (tenant,
 * device, correlation, key container…), UPNs and e-mail addresses, user, device, domain and
 * tenant names, host names (in URLs, proxy lists, Kerberos realms), thumbprints, IPv4 and IPv6
 * addresses, SIDs (on-premises and Entra `S-1-12-1-…`).
 *
 * It works on what a value *is*: a name read from a field that holds names (`Device Name`,
 * `TenantName`, `Executing Account Name`, a bundle's `User`, a CSV `displayName` column, a JSON
 * `userDisplayName` key) is an identifier, and every later occurrence of it is masked too, in
 * any format the tool reads (status outputs, collection bundles, CSV with `,` `;` or tab, JSON
 * and JSON Lines with escaped strings). Labels are never touched (field names, section titles,
 * CSV headers, JSON keys), and a name that is also a word dsregcmd prints (`Error`, `SYSTEM`,
 * `YES`…) is masked where it is a value, not where the output itself prints the word: the
 * redacted text diagnoses the same as the original.
 *
 * Pseudonyms are stable within one Redactor (the tenant ID in a URL and in Tenant Details get
 * the same mask; a device ID in the inventory and in the sign-in log too) and keep each value's
 * shape (a GUID stays a GUID, a UPN a UPN, a SID a SID, a partly masked name keeps its mask).
 *
 * What it cannot know: a name typed in free text that no field, column or key says is a name.
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

/** What an identifier field holds, and so how its value is masked. */
type IdKind = 'device' | 'tenant' | 'domain' | 'user' | 'account' | 'host' | 'hosts' | 'suffixes' | 'name';

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
  'msftauth.net',
  'windowsupdate.com',
];

/** Fields of status outputs and bundles whose values are identifiers. */
const ID_FIELDS: Record<string, IdKind> = {
  'Device Name': 'device',
  TenantName: 'tenant',
  WorkplaceTenantName: 'tenant',
  DomainName: 'domain',
  'User Identity': 'user',
  'Executing Account Name': 'account',
  'Last HostName Update': 'host',
  KerbTopLevelNames: 'suffixes',
  'Proxy Server List': 'hosts',
  'Proxy Bypass List': 'hosts',
  // the collection bundle's own facts
  Computer: 'device',
  User: 'account',
  MdmEnrollmentUpn: 'user',
};

/** Columns / JSON keys of fleet exports whose values are names. */
const NAME_KEYS =
  /^(display ?name|device ?name|devicedisplayname|userdisplayname|user ?display ?name|user|users?names?|user ?name|initiatedby|actor|actordisplayname|target\d*displayname|identity|hostname|host ?name|computer ?name|computer|owner|registered ?owners?|registered ?users?|target ?resources?|(actor)?home ?tenant ?name|tenant ?name|userprincipalname|user ?principal ?name|upn|sign-?in ?identifier|mail)$/i;

/** Values that hold no identifier wherever they stand. */
const NOT_AN_ID =
  /^(yes|no|none|null|n\/a|-|true|false|not set|unknown|undefined|system|nt authority|azuread|workgroup|builtin|local service|network service|<local>|\*)$/i;
/** Error codes: `AADSTS700003`, `0x801c03f2`, `700003`. */
const ERROR_CODE = /^(aadsts\d+|0x[0-9a-f]{1,8}|\d+)$/i;

/** A blank in an export's name column. */
const BLANK = /^(none|null|n\/a|-)$/i;

/**
 * A value that names no one: dsregcmd's words (`NONE`, `NOT SET`) in fields that may hold
 * them; a Device Name, TenantName or DomainName is a name whatever it reads like (a PC named
 * NONE), and in an export's name column only a blank is no name.
 */
function notAnId(value: string, kind: IdKind): boolean {
  // an error code names no one, and diagnosis reads it wherever it stands
  if (ERROR_CODE.test(value)) return true;
  if (kind === 'device' || kind === 'tenant' || kind === 'domain') return false;
  return kind === 'name' ? BLANK.test(value) : NOT_AN_ID.test(value);
}

/** Account names Windows gives every machine: they say nothing about the user, and diagnosis reads them. */
const WELL_KNOWN_ACCOUNT = /^(system|local service|network service|localsystem|administrator|defaultuser\d*|guest)$/i;
const WELL_KNOWN_DOMAIN = /^(AzureAD|NT AUTHORITY|WORKGROUP|BUILTIN|NT SERVICE|Window Manager|Font Driver Host)$/i;

/**
 * Words dsregcmd (and the tool's own diagnosis) prints as text: a name equal to one of them is
 * masked where it is a value, never inside the output's own prose.
 */
const VALUE_WORDS = [
  'yes no none null true false not set unknown system nt authority elevated un-elevated unelevated user users public default',
  'pass passed fail failed failure error errors skipped success succeeded status attempt data device devices object objects',
  'found disabled deleted enabled either or is was the a an in of to for by tenant directory must run code server client',
  'trace correlation timestamp id request response token broker operation exception type microsoft identity windows',
  'azure azuread ad local workgroup domain name names account http https key keys test result message details detail info',
  'ngc prt tgt sso state registration join joined hybrid registered proxy list url auto detect pac script wpad configuration',
].flatMap((l) => l.split(' '));

/** A mask someone typed inside a value: `xxxx`, `***`, `[REDACTED]`, `<user>`, `...`. */
const MASK_TOKEN = /(?<![A-Za-z0-9])(?:x{3,}|X{3,})(?![A-Za-z0-9])|\*{3,}|\[[^\]]*\]|<[^>]*>|\.{3,}|…+/g;
/** Top-level labels kept in a partly masked host (`LtPC.xxxx.com`). */
const TLD = /^(com|net|org|edu|gov|int|mil|local|lan|corp|internal|home|example|test|invalid|localdomain|[a-z]{2}|co|ne|or|ac|go)$/i;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function isPublicHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\.+/, '');
  return PUBLIC_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

class Pseudonyms {
  private readonly maps = new Map<string, Map<string, string>>();
  counts: Record<RedactionKind, number> = { guid: 0, email: 0, name: 0, domain: 0, thumbprint: 0, ip: 0, sid: 0 };

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

interface KnownIndex {
  /** Lower-case first word → the known values that start with it, longest first. */
  byFirst: Map<string, string[]>;
  other: RegExp | null;
}

interface Known {
  kind: IdKind;
  /** Also a word the output prints: masked only where it stands as a value. */
  reserved: boolean;
}

/**
 * A redaction session: pseudonyms and known identifiers are shared by every text it redacts
 * (redact an inventory and its sign-in logs with one Redactor, and their device IDs still join).
 */
export class Redactor {
  private readonly p = new Pseudonyms();
  /** Identifier values seen so far (lower-case) → what they are. */
  private readonly known = new Map<string, Known>();
  private index: KnownIndex | null = null;
  private reservedWords = new Set(VALUE_WORDS);

  /** Redact one text (a status output, a collection bundle, a CSV or JSON export). Never throws. */
  redact(text: string): RedactionResult {
    this.p.counts = { guid: 0, email: 0, name: 0, domain: 0, thumbprint: 0, ip: 0, sid: 0 };
    const out = this.redactAny(text);
    return { text: out, counts: this.p.counts };
  }

  /** The mask this session gives one value of a name column (a name, an e-mail address, a GUID): to map ids and names of reports. */
  pseudonymOf(value: string): string {
    return value.trim() === '' ? value : this.maskId(value, 'name');
  }

  private redactAny(text: string): string {
    const report = readStatusText(text);
    if (report.recognized) return this.redactStatus(text, report);
    // JSON or JSON Lines (a status output never starts with a brace; `[snip]` is read above)
    if (/^\s*(\{|\[\s*[{["\]\d-]|\[\s*$)/.test(text.slice(0, 200))) return this.redactJson(text) ?? this.redactLines(text, undefined);
    const csv = this.redactCsv(text);
    if (csv !== undefined) return csv;
    return this.redactLines(text, undefined);
  }

  // --- what is an identifier ---

  private learn(value: string, kind: IdKind): void {
    const v = value.trim();
    if (v.length < 2 || notAnId(v, kind) || isPublicHost(v) || maskKind(v) !== undefined) return;
    if (/^[0-9a-f-]{36}$/i.test(v) || /^\d+$/.test(v)) return;
    const key = v.toLowerCase();
    if (this.known.has(key)) return;
    const reserved = this.isReserved(key);
    this.known.set(key, { kind, reserved });
    this.index = null;
  }

  /** Learn the identifiers in one identifier value (the same split `maskId` masks by). */
  private learnValue(value: string, kind: IdKind): void {
    const v = value.trim();
    if (v === '') return;
    if (hasMask(v)) {
      for (const part of unmaskedParts(v)) this.learnValue(part, kind === 'tenant' ? 'tenant' : kind === 'user' ? 'user' : 'device');
      return;
    }
    switch (kind) {
      case 'account':
        for (const item of v.split(/\s*,\s*/)) this.learnAccount(item);
        return;
      case 'user':
        this.learnAccount(v);
        return;
      case 'hosts':
      case 'suffixes':
        for (const item of v.split(/[\s,;]+/)) {
          const host = hostOfListItem(item);
          if (host) this.learnHost(host, false);
        }
        return;
      case 'device':
      case 'host':
        this.learnHost(v, true);
        return;
      case 'domain':
        this.learn(v, v.includes('.') ? 'host' : 'domain');
        return;
      default:
        this.learn(v, kind);
    }
  }

  private learnAccount(item: string): void {
    const at = item.lastIndexOf('@');
    if (at > 0 && /^[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/.test(item.slice(at + 1))) {
      this.learn(item.slice(0, at), 'user');
      this.learnHost(item.slice(at + 1), false);
      return;
    }
    const slash = item.indexOf('\\');
    const dom = slash >= 0 ? item.slice(0, slash) : '';
    const user = (slash >= 0 ? item.slice(slash + 1) : item).replace(/\$$/, '');
    if (dom && !WELL_KNOWN_DOMAIN.test(dom) && !WELL_KNOWN_ACCOUNT.test(dom)) this.learn(dom, dom.includes('.') ? 'host' : 'domain');
    if (user && !WELL_KNOWN_ACCOUNT.test(user)) this.learn(user, item.endsWith('$') ? 'device' : 'user');
  }

  /** A host name: `FAB-LT-0417.ad.fabrikam.com` → the host, its first label (a device's name) and its domain. */
  private learnHost(host: string, firstLabelIsName: boolean): void {
    const h = host.replace(/^\*?\.+/, '').replace(/\.$/, '');
    if (h === '' || isPublicHost(h) || isIp(h)) return;
    const dot = h.indexOf('.');
    if (dot < 0) {
      this.learn(h, firstLabelIsName ? 'device' : 'domain');
      return;
    }
    const rest = h.slice(dot + 1);
    if (!TLD.test(rest)) this.learn(rest, 'host');
    if (firstLabelIsName) this.learn(h.slice(0, dot), 'device');
    this.learn(h, 'host');
  }

  // --- pseudonyms ---

  private guid(g: string): string {
    return this.p.get('guid', g, (n) => {
      // keep the case the input used: dsregcmd prints some GUIDs upper-case
      const fake = `00000000-0000-4000-8000-${hex(n, 12)}`;
      return g === g.toUpperCase() ? fake.toUpperCase() : fake;
    });
  }

  private domain(d: string): string {
    if (isPublicHost(d) || isIp(d)) return d;
    const dot = d.indexOf('.');
    // a host name in a known domain keeps the domain's pseudonym: HOST-1.domain1.example
    if (dot > 0 && this.known.get(d.slice(dot + 1).toLowerCase())) {
      const first = d.slice(0, dot);
      return `${this.known.has(first.toLowerCase()) ? this.name('device', first) : this.p.get('domain', first, (n) => `host${n}`)}.${this.domain(d.slice(dot + 1))}`;
    }
    return this.p.get('domain', d, (n) => `domain${n}.example`);
  }

  private name(kind: IdKind, v: string): string {
    if (ERROR_CODE.test(v)) return v;
    const prefix = kind === 'host' ? 'HOST' : kind === 'account' || kind === 'name' ? 'NAME' : kind.toUpperCase();
    return this.p.get('name', v, (n) => shaped(`${prefix}-${n}`, v));
  }

  private email(local: string, host: string): string {
    // a machine account (`PC$@contoso.com`) keeps its `$`: diagnosis reads it
    const machine = local.endsWith('$') ? '$' : '';
    const user = machine ? local.slice(0, -1) : local;
    const l = hasMask(user) || /^x+$/i.test(user) || WELL_KNOWN_ACCOUNT.test(user) ? user : this.name(machine ? 'device' : 'user', user);
    return `${l}${machine}@${this.domain(host)}`;
  }

  // --- masking a value that is an identifier ---

  /** The whole value of an identifier field or column, masked by what it holds. */
  private maskId(value: string, kind: IdKind): string {
    const lead = /^[\s*_`|:]*/.exec(value)?.[0] ?? '';
    const trail = /[\s*_`|]*$/.exec(value.slice(lead.length))?.[0] ?? '';
    const core = value.slice(lead.length, value.length - trail.length);
    // a Device Name, TenantName or DomainName is a name whatever it reads like (a PC named NONE)
    if (core === '' || notAnId(core, kind) || (maskKind(core) === 'placeholder' && !hasUnmasked(core))) return value;
    return lead + this.maskCore(core, kind) + trail;
  }

  private maskCore(core: string, kind: IdKind): string {
    if (hasMask(core)) return this.maskPartial(core, kind);
    switch (kind) {
      case 'account':
        return core.replace(/[^,]+/g, (item) => item.replace(/\S(.*\S)?/, (i) => this.maskAccount(i)));
      case 'user':
        return this.maskAccount(core);
      case 'hosts':
      case 'suffixes':
        return core.replace(/[^\s,;]+/g, (item) => this.maskListItem(item));
      case 'device':
      case 'host':
        return this.maskHost(core, true);
      case 'domain':
        return core.includes('.') ? this.domain(core) : this.name('domain', core);
      case 'name':
        return this.maskName(core);
      default:
        return this.name(kind, core);
    }
  }

  /** A name column of an export: an e-mail, an account, a GUID, or a name. */
  private maskName(v: string): string {
    if (/^[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/.test(v) || v.includes('\\')) return this.maskAccount(v);
    if (/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(v)) return this.maskProse(v);
    return this.name('name', v);
  }

  private maskAccount(item: string): string {
    const at = item.lastIndexOf('@');
    if (at > 0 && /^[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/.test(item.slice(at + 1))) return this.email(item.slice(0, at), item.slice(at + 1));
    const slash = item.indexOf('\\');
    const dom = slash >= 0 ? item.slice(0, slash) : '';
    const rest = slash >= 0 ? item.slice(slash + 1) : item;
    const machine = rest.endsWith('$');
    const user = machine ? rest.slice(0, -1) : rest;
    const maskedDom =
      dom === '' || WELL_KNOWN_DOMAIN.test(dom) || WELL_KNOWN_ACCOUNT.test(dom) ? dom : dom.includes('.') ? this.domain(dom) : this.name('domain', dom);
    const maskedUser = user === '' || WELL_KNOWN_ACCOUNT.test(user) ? user : this.name(machine ? 'device' : 'user', user);
    return `${slash >= 0 ? `${maskedDom}\\` : ''}${maskedUser}${machine ? '$' : ''}`;
  }

  /** `FAB-LT-0417.ad.fabrikam.com` → `DEVICE-1.domain1.example`. */
  private maskHost(host: string, firstLabelIsName: boolean): string {
    if (isIp(host)) return this.maskProse(host);
    const dot = host.indexOf('.');
    if (dot < 0) return firstLabelIsName ? this.name('device', host) : this.domain(host);
    const first = host.slice(0, dot);
    const rest = host.slice(dot + 1);
    if (isPublicHost(host)) return host;
    const restMasked = TLD.test(rest) ? rest : this.domain(rest);
    return `${firstLabelIsName ? this.name('device', first) : this.p.get('domain', first, (n) => `host${n}`)}.${restMasked}`;
  }

  /** A proxy or Kerberos list item: `http=proxy.contoso.com:8080`, `*.contoso.local`, `.contoso.com:1433`, `<local>`. */
  private maskListItem(item: string): string {
    const m = /^([a-z]+=)?([a-z]+:\/\/)?(\*\.|\.)?([^:/]*)(.*)$/i.exec(item);
    if (!m) return item;
    const [, scheme = '', url = '', wild = '', host = '', rest = ''] = m;
    if (host === '' || host.startsWith('<') || isPublicHost(host)) return item;
    if (isIp(host)) return `${scheme}${url}${wild}${this.maskProse(host)}${rest}`;
    return `${scheme}${url}${wild}${this.domain(host)}${rest}`;
  }

  /** A value the user partly masked: the mask stays, every other part is masked. */
  private maskPartial(v: string, kind: IdKind): string {
    let out = '';
    let last = 0;
    for (const m of v.matchAll(MASK_TOKEN)) {
      out += this.maskSegment(v.slice(last, m.index), kind, last > 0);
      out += m[0];
      last = (m.index ?? 0) + m[0].length;
    }
    return out + this.maskSegment(v.slice(last), kind, last > 0);
  }

  /** One part of a partly masked value; after the mask, a top-level domain (`.com`) stays. */
  private maskSegment(seg: string, kind: IdKind, afterMask: boolean): string {
    return seg.replace(/[^\s.\\@,;:/_-]+(?:[.-][^\s.\\@,;:/_-]+)*/g, (part) => {
      if ((afterMask && TLD.test(part)) || notAnId(part, kind) || /^\d{1,4}$/.test(part)) return part;
      if (part.includes('.')) return isPublicHost(part) ? part : this.domain(part);
      return this.name(kind === 'tenant' || kind === 'user' || kind === 'domain' ? kind : 'device', part);
    });
  }

  // --- masking text that is not itself an identifier ---

  /**
   * Known identifiers indexed by their first word: a text is scanned once, word by word, however
   * many names an inventory holds. Names that start with punctuation go to one small pattern.
   */
  private knownIndex(): KnownIndex | null {
    if (this.index !== null) return this.index;
    if (this.known.size === 0) return null;
    const byFirst = new Map<string, string[]>();
    const other: string[] = [];
    for (const key of this.known.keys()) {
      const first = /^[\p{L}\p{N}]+/u.exec(key)?.[0];
      if (!first) {
        other.push(key);
        continue;
      }
      const list = byFirst.get(first);
      if (list) list.push(key);
      else byFirst.set(first, [key]);
    }
    for (const list of byFirst.values()) list.sort((x, y) => y.length - x.length);
    const values = other.sort((x, y) => y.length - x.length).map(escapeRegExp);
    const otherRe = values.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${values.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu') : null;
    this.index = { byFirst, other: otherRe };
    return this.index;
  }

  /**
   * Prose and values that are not identifiers: URLs' hosts, e-mail addresses, GUIDs, SIDs,
   * thumbprints, IP addresses, profile folders, and every known identifier.
   */
  private maskProse(text: string, cell = false): string {
    if (text === '') return text;
    let out = text.replace(PATTERNS, (m: string, ...groups: unknown[]) => this.maskMatch(m, groups as (string | undefined)[]));
    const known = this.knownIndex();
    if (known) out = this.maskKnown(out, known, cell && !this.known.has(out.trim().toLowerCase()));
    return out;
  }

  private maskMatch(m: string, g: (string | undefined)[]): string {
    const [scheme, host, local, emailHost, usersPrefix, usersName] = g;
    if (scheme !== undefined && host !== undefined) return `${scheme}${this.domain(host)}`;
    if (local !== undefined && emailHost !== undefined) return this.email(local, emailHost);
    if (usersPrefix !== undefined && usersName !== undefined)
      return /^(Public|Default|All Users|Default User)$/i.test(usersName) ? m : `${usersPrefix}${this.name('user', usersName)}`;
    if (/^S-1-/i.test(m)) return this.maskSid(m);
    if (m.includes(':')) return isIpv6(m) && !/^::1?$/.test(m) ? this.p.get('ip', m, (n) => `2001:db8::${hex(n, 1)}`) : m;
    if (m.length === 36 && m.charAt(8) === '-') return this.guid(m);
    if (m.length === 40 && /^[0-9a-f]+$/i.test(m)) return this.p.get('thumbprint', m, (n) => hex(n, 40).toUpperCase().replace(/^0/, 'F'));
    if (/^\d+\.\d+\.\d+\.\d+$/.test(m)) return /^(127\.|0\.)/.test(m) || !isIpv4(m) ? m : this.p.get('ip', m, (n) => `192.0.2.${n % 254 || 254}`);
    return m;
  }

  private maskSid(sid: string): string {
    const parts = sid.split('-');
    // well-known SIDs (S-1-5-18, S-1-5-32-544) name no one; domain and Entra SIDs do
    if (parts.length < 7) return sid;
    return this.p.get('sid', sid, (n) => `${parts.slice(0, 4).join('-')}-0-0-0-${1000 + n}`);
  }

  /** Known identifiers in a text; `structuredOnly` (a cell of an export that is no name): a one-word name only where it stands as a value. */
  private maskKnown(text: string, index: KnownIndex, structuredOnly = false): string {
    let out = '';
    let last = 0;
    const words = /[\p{L}\p{N}]+/gu;
    for (let w = words.exec(text); w !== null; w = words.exec(text)) {
      const start = w.index;
      const prev = text.charAt(start - 1);
      const candidates = prev === '_' || prev === '-' ? undefined : index.byFirst.get(w[0].toLowerCase());
      if (!candidates) continue;
      for (const key of candidates) {
        const seg = text.slice(start, start + key.length);
        if (seg.toLowerCase() !== key || /[\p{L}\p{N}_-]/u.test(text.charAt(start + key.length))) continue;
        const masked = this.maskKnownAt(seg, text, start, structuredOnly);
        if (masked !== seg) {
          out += text.slice(last, start) + masked;
          last = start + seg.length;
        }
        words.lastIndex = start + seg.length;
        break;
      }
    }
    out += text.slice(last);
    return index.other ? out.replace(index.other, (m: string, offset: number, whole: string) => this.maskKnownAt(m, whole, offset, structuredOnly)) : out;
  }

  /** One occurrence of a known identifier, masked unless it stands where it is no name. */
  private maskKnownAt(m: string, whole: string, offset: number, structuredOnly: boolean): string {
    const k = this.known.get(m.toLowerCase());
    if (!k) return m;
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + m.length);
    // a name standing after a dot is a label of some other host name
    if (before === '.' && k.kind !== 'host' && k.kind !== 'domain') return m;
    // in an export's cell a plain word (`Update`) may be the export's own vocabulary
    if ((k.reserved || (structuredOnly && /^\p{L}+$/u.test(m))) && !standsAsValue(before, after)) return m;
    if (k.kind === 'host') return this.domain(m);
    if (k.kind === 'domain' && m.includes('.')) return this.domain(m);
    return this.name(k.kind, m);
  }

  // --- status outputs and bundles ---

  private redactStatus(text: string, report: ParsedReport): string {
    for (const t of SECTION_TITLES) for (const w of t.toLowerCase().split(' ')) this.reservedWords.add(w);
    const byLine = new Map<number, { key: string; kind: IdKind | undefined }>();
    for (const f of report.fields) {
      for (const w of f.key.toLowerCase().split(/[\s-]+/)) this.reservedWords.add(w);
      this.reservedWords.add(f.key.toLowerCase());
      byLine.set(f.line, { key: f.key, kind: ID_FIELDS[f.name] });
    }
    for (const f of report.fields) {
      const kind = ID_FIELDS[f.name];
      if (kind && f.value.trim() !== '') this.learnValue(f.value, kind);
    }
    for (const f of report.bundle?.facts ?? []) {
      this.reservedWords.add(f.key.toLowerCase());
      const kind = ID_FIELDS[f.key];
      if (kind && f.value !== '') this.learnValue(f.value, kind);
    }
    this.markReserved();
    return this.redactLines(text, (line, i) => this.statusLine(line, lineKindAt(report, i), byLine.get(i + 1)));
  }

  /** A word (or words) the output prints itself, or an error code: diagnosis reads those. */
  private isReserved(key: string): boolean {
    if (ERROR_CODE.test(key) || /^[0-9a-f]{8}$/i.test(key)) return true;
    return this.reservedWords.has(key) || key.split(/[\s-]+/).every((w) => this.reservedWords.has(w));
  }

  /** Known identifiers learnt before a word became reserved. */
  private markReserved(): void {
    for (const [key, k] of this.known) if (!k.reserved && this.isReserved(key)) k.reserved = true;
  }

  private statusLine(line: string, kind: string | undefined, field: { key: string; kind: IdKind | undefined } | undefined): string {
    switch (kind) {
      case 'field':
        return field ? this.fieldLine(line, field.key, field.kind) : this.maskProse(line);
      case 'bundle':
        return this.bundleLine(line);
      case 'blank':
      case 'banner':
      case 'title':
      case 'footer':
      case 'markdown':
      case 'elision':
      case 'info':
      case 'shell':
        return line;
      default:
        return this.maskProse(line);
    }
  }

  /** `Key : value`: the key as printed, the value masked by what the field holds. */
  private fieldLine(line: string, key: string, kind: IdKind | undefined): string {
    const at = line.indexOf(key);
    const sep = at >= 0 ? /^[\s*_`]*(?:\s:|:|\uFF1A|\|)[\s*_`]*/.exec(line.slice(at + key.length)) : null;
    if (at < 0 || !sep) return this.maskProse(line);
    const from = at + key.length + sep[0].length;
    const value = line.slice(from);
    return line.slice(0, from) + (kind ? this.maskId(value, kind) : this.maskProse(value));
  }

  /** A bundle's own line: markers kept, `Key : value` facts and `id | time | message` events. */
  private bundleLine(line: string): string {
    if (/^\s*#{5}/.test(line) || line.trim() === '') return line;
    const event = /^(\s*\d{3,5}\s*\|[^|]*\|)(.*)$/.exec(line);
    if (event) return (event[1] ?? '') + this.maskProse(event[2] ?? '');
    const kv = /^(\s*[A-Za-z][\w ]*?\s*:\s?)(.*)$/.exec(line);
    if (!kv) return this.maskProse(line);
    const key = (kv[1] ?? '').replace(/\s*:\s?$/, '').trim();
    const kind = ID_FIELDS[key];
    return (kv[1] ?? '') + (kind ? this.maskId(kv[2] ?? '', kind) : this.maskProse(kv[2] ?? ''));
  }

  /** Every line through `each` (prose masking by default); line breaks kept as they were. */
  private redactLines(text: string, each: ((line: string, index: number) => string) | undefined): string {
    const parts = text.split(/(\r\n|\r|\n)/);
    let out = '';
    for (let i = 0; i < parts.length; i += 2) {
      const line = parts[i] ?? '';
      out += each ? each(line, i / 2) : this.maskProse(line);
      out += parts[i + 1] ?? '';
    }
    return out;
  }

  // --- CSV exports ---

  /** A CSV (`,` `;` or tab, as the fleet reader detects it): headers kept, name columns masked. */
  private redactCsv(text: string): string | undefined {
    const nl = text.search(/\r|\n/);
    if (nl < 0) return undefined;
    const header = text.slice(0, nl);
    const delimiter = sniffDelimiter(header);
    if (!header.includes(delimiter)) return undefined;
    const rows = csvCells(text, delimiter);
    const head = rows[0];
    // a header: short labels, and a first row of as many cells (else it is prose with commas)
    if (!head || head.length < 2 || rows[1]?.length !== head.length) return undefined;
    if (!head.every((c) => /^[\p{L}\p{N} ()[\]._/#:-]{0,80}$/u.test(c.value.trim()))) return undefined;
    const names = head.map((c) => NAME_KEYS.test(c.value.trim()));
    for (const w of head) for (const word of w.value.toLowerCase().split(/[\s()_-]+/)) this.reservedWords.add(word);
    for (const row of rows.slice(1)) {
      for (const [i, cell] of row.entries()) {
        const v = cell.value.trim();
        if (names[i]) this.learnExportName(v);
        else if (v.startsWith('{') || v.startsWith('[')) this.walkJson(v, (s, key) => this.learnJsonString(s, key));
      }
    }
    this.markReserved();
    let out = '';
    let last = 0;
    for (const [r, row] of rows.entries()) {
      if (r === 0) continue;
      for (const [i, cell] of row.entries()) {
        const v = cell.value;
        const trimmed = v.trim();
        const json = trimmed.startsWith('{') || trimmed.startsWith('[');
        const masked = json ? (this.redactJson(v) ?? this.maskProse(v, true)) : names[i] ? this.maskId(v, 'name') : this.maskProse(v, true);
        if (masked === v) continue;
        out += text.slice(last, cell.start);
        out += cell.quoted || masked.includes(delimiter) || /["\r\n]/.test(masked) ? `"${masked.replace(/"/g, '""')}"` : masked;
        last = cell.end;
      }
    }
    return out + text.slice(last);
  }

  private learnExportName(v: string): void {
    if (v === '' || v.startsWith('{') || v.startsWith('[')) {
      if (v !== '') this.walkJson(v, (s, key) => this.learnJsonString(s, key));
      return;
    }
    if (/^[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/.test(v) || v.includes('\\')) this.learnAccount(v);
    else if (hasMask(v)) this.learnValue(v, 'name');
    else this.learn(v, 'name');
  }

  // --- JSON and JSON Lines ---

  private learnJsonString(s: string, key: string | undefined): string | undefined {
    if (/^\s*[{[]/.test(s)) this.walkJson(s, (inner, k) => this.learnJsonString(inner, k));
    else if (key !== undefined && NAME_KEYS.test(key)) this.learnExportName(s.trim());
    return undefined;
  }

  /** JSON or JSON Lines: keys kept, string values decoded, masked and written back escaped. */
  private redactJson(text: string): string | undefined {
    if (!/^\s*[{[]/.test(text)) return undefined;
    this.walkJson(text, (s, key) => this.learnJsonString(s, key));
    this.markReserved();
    return this.walkJson(text, (s, key) => {
      const masked = /^\s*[{[]/.test(s)
        ? (this.redactJson(s) ?? this.maskProse(s, true))
        : key !== undefined && NAME_KEYS.test(key)
          ? this.maskId(s, 'name')
          : this.maskProse(s, true);
      return masked === s ? undefined : masked;
    });
  }

  /**
   * Walk the string values of a JSON text (or several, one a line), with the key each belongs
   * to; `onValue` returns a replacement or undefined. Lenient: what is not JSON is copied.
   */
  private walkJson(text: string, onValue: (value: string, key: string | undefined) => string | undefined): string {
    const stack: (string | undefined)[] = [];
    let key: string | undefined;
    let out = '';
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const end = stringEnd(text, i);
        const raw = text.slice(i, end);
        let j = end;
        while (j < text.length && /\s/.test(text.charAt(j))) j++;
        const decoded = decodeJsonString(raw);
        if (text.charAt(j) === ':') key = decoded;
        else if (decoded !== undefined) {
          const replaced = onValue(decoded, stack.length > 0 && stack[stack.length - 1] !== undefined && key === undefined ? stack[stack.length - 1] : key);
          if (replaced !== undefined) {
            out += text.slice(last, i) + JSON.stringify(replaced);
            last = end;
          }
        }
        i = end - 1;
      } else if (c === 0x7b || c === 0x5b) {
        stack.push(key);
        key = undefined;
      } else if (c === 0x7d || c === 0x5d) {
        stack.pop();
        key = undefined;
      } else if (c === 0x2c) {
        key = undefined;
      } else if (c === 0x0a && stack.length > 0 && /^\s*[{[]/.test(text.slice(i + 1, i + 3))) {
        // JSON Lines: a line that starts a new document after a broken one
        stack.length = 0;
        key = undefined;
      }
    }
    return out + text.slice(last);
  }
}

/** Redact one text (a status output, a collection bundle, a CSV or JSON export). Never throws. */
export function redactText(text: string): RedactionResult {
  return new Redactor().redact(text);
}

// --- patterns ---

/**
 * One pass over prose: URL hosts, e-mail addresses, profile folders, SIDs, IPv6, GUIDs,
 * thumbprints, IPv4 (in that order of preference at one position).
 */
const PATTERNS = new RegExp(
  [
    String.raw`\b((?:https?|ldaps?|ftp|wss?):\/\/(?:[^\s/@]+@)?)([A-Za-z0-9.\-]+)`,
    String.raw`(?<![\p{L}\p{N}._%+'\x60\-])([\p{L}\p{N}_%+\-][\p{L}\p{N}._%+'"\x60\-]*)@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)`,
    String.raw`(\\Users\\)([^\\/:*?"<>|\r\n]+?)(?=[\\/:*?"<>|\r\n]|$)`,
    String.raw`\bS-1-\d+(?:-\d+){2,}\b`,
    String.raw`(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%[\p{L}\p{N}]+)?(?![\p{L}\p{N}_:])`,
    String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`,
    String.raw`\b[0-9A-Fa-f]{40}\b`,
    String.raw`\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`,
  ].join('|'),
  'giu',
);

/**
 * Quotes, backticks and brackets in a name stay where they were (`O'Brien` → `USER-1'X`): the
 * reader and diagnosis read them (a quote ends a tenant name in an AADSTS text, backticks pair
 * as Markdown code), so the pseudonym must read the same way. So do error codes inside a name
 * (`CORP-0X01`): diagnosis reads them wherever they stand, and they name no one.
 */
const SHAPE_CHARS = /(['"‘’“”「」`*|<>[\]{}]|\b0x[0-9a-f]{1,8}\b|\bAADSTS\d+\b)/iu;
function shaped(pseudonym: string, original: string): string {
  if (!SHAPE_CHARS.test(original)) return pseudonym;
  let out = '';
  let first = true;
  for (const [i, part] of original.split(SHAPE_CHARS).entries()) {
    if (i % 2 === 1) out += part;
    else if (part !== '') {
      // the punctuation around a part stays too (`CORP-0X01` → `DOMAIN-1-0X01`)
      const m = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(part);
      out += `${m?.[1] ?? ''}${m?.[2] ? (first ? pseudonym : 'X') : ''}${m?.[3] ?? ''}`;
      if (m?.[2]) first = false;
    }
  }
  return first ? `${pseudonym}${out}` : out;
}

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  const a = s.replace(/%.*$/, '');
  if (!/[0-9a-f]/i.test(a)) return false;
  const halves = a.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

function isIp(s: string): boolean {
  return isIpv4(s) || isIpv6(s);
}

/** Does this value carry a mask someone typed (and something besides)? */
function hasMask(v: string): boolean {
  MASK_TOKEN.lastIndex = 0;
  const found = MASK_TOKEN.test(v);
  MASK_TOKEN.lastIndex = 0;
  return found;
}

function hasUnmasked(v: string): boolean {
  return /[\p{L}\p{N}]/u.test(v.replace(MASK_TOKEN, ''));
}

/** The parts of a partly masked value that are not the mask. */
function unmaskedParts(v: string): string[] {
  return v.split(MASK_TOKEN).flatMap((seg, i) =>
    seg
      .split(/[\s\\@,;:/]+/)
      .map((s) => s.replace(/^[._-]+|[._-]+$/g, ''))
      .filter((s) => s !== '' && !(i > 0 && TLD.test(s)) && !/^\d{1,4}$/.test(s)),
  );
}

/** A host name inside a proxy or Kerberos list item. */
function hostOfListItem(item: string): string | undefined {
  const m = /^(?:[a-z]+=)?(?:[a-z]+:\/\/)?(?:\*\.|\.)?([^:/<>*]+)/i.exec(item);
  return m?.[1];
}

/** A reserved word is an identifier only where it stands as a value: quoted, `DOMAIN\name`, `name@`, `name$`. */
function standsAsValue(before: string, after: string): boolean {
  if ((before === "'" || before === '"') && after === before) return true;
  return before === '\\' || after === '\\' || after === '@' || after === '$';
}

function stringEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
    else if (c === 0x0a) return i;
  }
  return text.length;
}

function decodeJsonString(raw: string): string | undefined {
  if (raw.length < 2 || !raw.endsWith('"')) return undefined;
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

interface CsvCell {
  value: string;
  /** Offsets of the cell in the text (quotes included). */
  start: number;
  end: number;
  quoted: boolean;
}

/** Cells of a CSV text with where each stands (RFC 4180 quoting, line breaks inside quotes). */
function csvCells(text: string, delimiter: string): CsvCell[][] {
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const start = i;
    let value = '';
    let quoted = false;
    if (text.charAt(i) === '"') {
      quoted = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, q);
        if (text.charAt(q + 1) === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // text after the closing quote belongs to the cell
      while (i < n && text.charAt(i) !== delimiter && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') value += text.charAt(i++);
    } else {
      while (i < n && text.charAt(i) !== delimiter && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i++;
      value = text.slice(start, i);
    }
    row.push({ value, start, end: i, quoted });
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text.charAt(i);
    if (c === delimiter) i++;
    else {
      rows.push(row);
      row = [];
      i += c === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1;
      if (i >= n) break;
    }
  }
  return rows;
}
