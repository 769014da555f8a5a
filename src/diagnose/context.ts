import type { DeviceStatus } from '../model/status.js';
import { type Field, lineKindAt } from '../read/parse.js';
import type { EvidenceLine, ReferenceClock, RunContext } from './types.js';

export function evidenceOf(field: Field | null | undefined): EvidenceLine[] {
  if (!field) return [];
  const lines = field.raw.split('\n');
  return lines.map((text, i) => ({ line: field.line + i, text: text.trimEnd() }));
}

/**
 * Was the output taken as the signed-in user, elevated, as SYSTEM or over a remote shell?
 * User State and SSO State describe the account that ran dsregcmd, so only a plain user run
 * says anything about the user's PRT.
 */
export function detectRunContext(status: DeviceStatus): RunContext {
  const evidence: EvidenceLine[] = [];
  let kind: RunContext['kind'] = 'unknown';
  let elevated: boolean | null = null;
  const rank = { unknown: 0, user: 1, elevated: 2, remote: 3, system: 4 } as const;
  const raise = (k: RunContext['kind'], f: Field | undefined, lineNo?: number, text?: string) => {
    if (rank[k] > rank[kind]) kind = k;
    if (f) for (const e of evidenceOf(f)) evidence.push(e);
    else if (lineNo && text !== undefined) evidence.push({ line: lineNo, text });
  };

  const userContext = status.field('User Context');
  const uc = userContext?.value.trim().toUpperCase() ?? '';
  if (uc === 'SYSTEM') {
    raise('system', userContext);
    elevated = true;
  } else if (uc.startsWith('ELEVATED')) {
    raise('elevated', userContext);
    elevated = true;
  } else if (uc.startsWith('UN-ELEVATED') || uc.startsWith('UNELEVATED')) {
    raise('user', userContext);
    elevated = false;
  }

  const account = status.field('Executing Account Name');
  if (account && !account.masked) {
    const v = account.value;
    if (/\$(\s*,|\s*$|@)/.test(v) || /NT AUTHORITY\\SYSTEM|\bSYSTEM\b/i.test(v)) {
      raise('system', account);
      elevated = true;
    } else if (kind === 'unknown') raise('user', account);
  }

  const keySign = status.field('KeySignTest');
  if (keySign) {
    if (/must run elevated/i.test(keySign.value)) {
      if (elevated === null) elevated = false;
    } else if (/PASS|FAIL/i.test(keySign.value)) {
      elevated = true;
      raise('elevated', keySign);
    }
  }

  const wam = status.field('WamDefaultSet');
  if (wam && /^ERROR/i.test(wam.value.trim())) {
    raise('elevated', wam);
    if (elevated === null) elevated = true;
  }

  // SessionIsNotRemote NO is a remote desktop session: an interactive logon with the user's own
  // PRT, so User State and SSO State are the user's (only a network logon, WinRM, has none)

  const { lines } = status.report;
  for (let i = 0; i < lines.length; i++) {
    const kind = lineKindAt(status.report, i);
    if ((kind === 'prompt' || kind === 'other-command') && /Evil-WinRM|^\s*\[[^\]]+\]:\s*PS/i.test(lines[i] ?? '')) {
      raise('remote', undefined, i + 1, (lines[i] ?? '').trimEnd());
      break;
    }
  }
  return { kind, evidence: sortEvidence(evidence), elevated };
}

/** Evidence in input order, each line once. */
export function sortEvidence(lines: EvidenceLine[]): EvidenceLine[] {
  const byLine = new Map<number, EvidenceLine>();
  for (const l of lines) if (!byLine.has(l.line)) byLine.set(l.line, l);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/**
 * The output's own clock. `Client Time` (pre-join diagnostics) is when the command ran; failing
 * that, the latest `Previous Prt Attempt` is a moment the capture came after.
 */
export function referenceClock(status: DeviceStatus): ReferenceClock | null {
  const client = status.field('Client Time');
  if (client?.typed.kind === 'instant') return { iso: client.typed.iso, field: client, exact: true };
  let best: ReferenceClock | null = null;
  for (const f of status.fieldsNamed('Previous Prt Attempt')) {
    if (f.typed.kind !== 'instant') continue;
    if (!best || f.typed.iso > best.iso) best = { iso: f.typed.iso, field: f, exact: false };
  }
  return best;
}

/** AADSTS/MSIS codes first, then hex codes, each group in its original order. */
export function sortCodes(codes: string[]): string[] {
  const unique = [...new Set(codes)];
  return [...unique.filter((c) => !c.startsWith('0x')), ...unique.filter((c) => c.startsWith('0x'))];
}
