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
    if (codes.some((c) => v.includes(c.toLowerCase()))) out.push(...ctx.evidenceOf(f));
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
        out.push(...ctx.evidenceOf(f));
      }
    }
  }
  return out;
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
    out.push(...collectErrorCodes([block.attemptStatus ?? '', block.httpError ?? '', block.serverErrorDescription ?? '']));
  }
  return out;
}
