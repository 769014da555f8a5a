import { DELETED_CODES, DISABLED_CODES } from '../../knowledge/meanings.js';
import { collectErrorCodes } from '../../model/status.js';
import type { Field } from '../../read/parse.js';
import { reportedErrorLines } from '../reported-error.js';
import type { EvidenceLine, RuleContext } from '../types.js';

/** Lines of the input whose field value, or reported-error text, mentions one of these codes. */
export function codeLines(ctx: RuleContext, codes: string[]): EvidenceLine[] {
  if (codes.length === 0) return [];
  const out: EvidenceLine[] = [...reportedErrorLines(ctx.reported, codes)];
  for (const f of ctx.status.report.fields) {
    const v = f.value.toLowerCase();
    if (codes.some((c) => v.includes(c.toLowerCase()))) for (const e of ctx.evidenceOf(f)) out.push(e);
  }
  return out;
}

/** `DeviceAuthStatus : FAILED. Device is either disabled or deleted`, if printed. */
export function deviceAuthDisabledOrDeleted(ctx: RuleContext): Field | undefined {
  const f = ctx.status.deviceAuthStatus.field;
  if (f && /FAILED/i.test(f.value) && /disabled or deleted/i.test(f.value)) return f;
  return undefined;
}

/** The PRT diagnostics blocks that mention one of these codes, as evidence. */
export function prtBlockLines(ctx: RuleContext, codes: string[]): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  for (const block of ctx.status.prtDiagnostics) {
    const text = block.fields
      .map((f) => f.value)
      .join('\n')
      .toLowerCase();
    if (codes.length && !codes.some((c) => text.includes(c.toLowerCase()))) continue;
    for (const f of block.fields) {
      if (
        [
          'Previous Prt Attempt',
          'Attempt Status',
          'HTTP Status',
          'Server Error Code',
          'Server Error Description',
          'AcquirePrtDiagnostics',
          'RefreshPrtDiagnostics',
        ].includes(f.name)
      ) {
        for (const e of ctx.evidenceOf(f)) out.push(e);
      }
    }
  }
  return out;
}

/**
 * When both a deleted (700003) and a disabled (135011) answer appear, the latest server answer
 * decides: the PRT attempt with the latest time that carries one of them. Without a time that
 * tells, the status's own PRT answer wins over the reported error; failing that, disabled (the
 * step that enables the object loses nothing, a re-registration would).
 */
export function deviceObjectAnswer(ctx: RuleContext): { verdict: 'deleted' | 'disabled' | null; other: string | null; when: string | null } {
  const deleted = ctx.allCodes.filter((c) => DELETED_CODES.includes(c));
  const disabled = ctx.allCodes.filter((c) => DISABLED_CODES.includes(c));
  if (deleted.length === 0 && disabled.length === 0) return { verdict: null, other: null, when: null };
  if (disabled.length === 0) return { verdict: 'deleted', other: null, when: null };
  if (deleted.length === 0) return { verdict: 'disabled', other: null, when: null };
  let best: { kind: 'deleted' | 'disabled'; when: string } | null = null;
  for (const b of ctx.status.prtDiagnostics) {
    const text = b.fields
      .map((f) => f.value)
      .join('\n')
      .toUpperCase();
    const kind = deleted.some((c) => text.includes(c)) ? 'deleted' : disabled.some((c) => text.includes(c)) ? 'disabled' : null;
    if (!kind) continue;
    const when = b.previousAttempt ?? '';
    if (!best || when > best.when) best = { kind, when };
  }
  const verdict = best?.kind ?? 'disabled';
  const other = verdict === 'deleted' ? (disabled[0] ?? null) : (deleted[0] ?? null);
  return { verdict, other, when: best?.when || null };
}

/** Joined to Entra ID (joined or hybrid): the device itself gets a PRT. */
export function isCloudJoined(ctx: RuleContext): boolean {
  return ctx.status.azureAdJoined.value === true;
}

/** Codes of the PRT diagnostics blocks that mention one of these codes (Attempt Status, HTTP Error). */
export function prtBlockCodes(ctx: RuleContext, codes: string[]): string[] {
  const out: string[] = [];
  for (const block of ctx.status.prtDiagnostics) {
    const text = block.fields
      .map((f) => f.value)
      .join('\n')
      .toLowerCase();
    if (!codes.some((c) => text.includes(c.toLowerCase()))) continue;
    for (const c of collectErrorCodes([block.attemptStatus ?? '', block.httpError ?? '', block.serverErrorDescription ?? ''])) out.push(c);
  }
  return out;
}
