/**
 * The collection bundle written by `dsreg-doctor script --collect`: a dsregcmd /status output
 * plus the facts dsregcmd does not print (registry keys, MDM enrolment, policies, AAD events).
 *
 *   ##### dsreg-doctor collection bundle v1 #####
 *   Collected : 2026-11-26T12:00:00Z
 *   ##### dsregcmd /status #####
 *   …the output…
 *   ##### registry #####
 *   AADStorageKey : PRESENT
 *   ##### events #####
 *   1098 | 2026-11-26T11:00:00Z | Error: 0xCAA5001C …
 *   ##### end #####
 */

export interface BundleFact {
  key: string;
  value: string;
  line: number;
}

export interface BundleEvent {
  id: number;
  time: string;
  message: string;
  line: number;
}

export interface BundleFacts {
  version: number;
  /** Every `Key : value` of the header and registry parts, with its line. */
  facts: BundleFact[];
  events: BundleEvent[];
  collected: string | null;
  elevated: boolean | null;
  osBuild: string | null;
  /** HKCU\…\AAD\Storage\https://login.microsoftonline.com exists. */
  aadStorageKey: boolean | null;
  workplaceJoinInfo: boolean | null;
  cloudDomainJoinInfo: boolean | null;
  /** MDM enrolments with a UPN (a real user enrolment, not only auto-enrolment configured). */
  mdmEnrollments: number | null;
  blockAadWorkplaceJoin: boolean | null;
  /** false when policy turned off automatic registration of domain computers. */
  autoWorkplaceJoin: boolean | null;
  /** Lines that belong to the bundle's own parts, not to dsregcmd. */
  bundleLines: Set<number>;
}

const MARKER = /^#{5}\s*(.+?)\s*#{5}\s*$/;
export const BUNDLE_HEADER = /^#{5}\s*dsreg-doctor collection bundle v(\d+)\s*#{5}\s*$/;

/** Is this text a collection bundle? Looks at the first non-blank lines only. */
export function isBundle(lines: string[]): boolean {
  for (const l of lines.slice(0, 20)) {
    if (l.trim() === '') continue;
    return BUNDLE_HEADER.test(l.trim());
  }
  return false;
}

/**
 * Split a bundle: the facts, and which lines are the bundle's own (the dsregcmd part is then
 * read by the ordinary reader, with its line numbers unchanged).
 */
export function readBundle(lines: string[]): BundleFacts {
  const out: BundleFacts = {
    version: 1,
    facts: [],
    events: [],
    collected: null,
    elevated: null,
    osBuild: null,
    aadStorageKey: null,
    workplaceJoinInfo: null,
    cloudDomainJoinInfo: null,
    mdmEnrollments: null,
    blockAadWorkplaceJoin: null,
    autoWorkplaceJoin: null,
    bundleLines: new Set(),
  };
  let part = 'header';
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    const lineNo = i + 1;
    const header = BUNDLE_HEADER.exec(text);
    if (header) {
      out.version = Number(header[1]);
      out.bundleLines.add(lineNo);
      part = 'header';
      continue;
    }
    const marker = MARKER.exec(text);
    if (marker?.[1]) {
      out.bundleLines.add(lineNo);
      part = marker[1].toLowerCase();
      continue;
    }
    if (part === 'dsregcmd /status') continue;
    out.bundleLines.add(lineNo);
    if (text === '') continue;
    if (part === 'events') {
      const m = /^(\d{3,5})\s*\|\s*([^|]+?)\s*\|\s*(.*)$/.exec(text);
      if (m) out.events.push({ id: Number(m[1]), time: (m[2] ?? '').trim(), message: (m[3] ?? '').trim(), line: lineNo });
      continue;
    }
    const kv = /^([A-Za-z][\w ]*?)\s*:\s*(.*)$/.exec(text);
    if (kv?.[1]) out.facts.push({ key: kv[1], value: (kv[2] ?? '').trim(), line: lineNo });
  }
  const fact = (key: string) => out.facts.find((f) => f.key.toLowerCase() === key.toLowerCase())?.value;
  const presence = (key: string) => {
    const v = fact(key);
    if (v === undefined) return null;
    if (/^PRESENT/i.test(v)) return true;
    if (/^ABSENT/i.test(v)) return false;
    return null;
  };
  const flag = (key: string) => {
    const v = fact(key);
    if (v === undefined || /^NOT SET/i.test(v)) return null;
    if (/^(1|YES|TRUE)$/i.test(v)) return true;
    if (/^(0|NO|FALSE)$/i.test(v)) return false;
    return null;
  };
  out.collected = fact('Collected') ?? null;
  out.elevated = flag('Elevated');
  out.osBuild = fact('OS Build') ?? null;
  out.aadStorageKey = presence('AADStorageKey');
  out.workplaceJoinInfo = presence('WorkplaceJoinInfo');
  out.cloudDomainJoinInfo = presence('CloudDomainJoinInfo');
  const mdm = fact('MdmEnrollments');
  out.mdmEnrollments = mdm !== undefined && /^\d+$/.test(mdm) ? Number(mdm) : null;
  out.blockAadWorkplaceJoin = flag('BlockAADWorkplaceJoin');
  out.autoWorkplaceJoin = flag('AutoWorkplaceJoin');
  return out;
}
