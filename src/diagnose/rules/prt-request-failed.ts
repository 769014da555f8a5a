import { DEVICE_OBJECT_CODES } from '../../knowledge/meanings.js';
import { collectErrorCodes } from '../../model/status.js';
import { hexCodes } from '../../read/values.js';
import { defineRule, type Finding, type RuleContext } from '../types.js';

/** A failed PRT acquisition or renewal, read from the diagnostics block dsregcmd prints. */
export const prtRequestFailed = defineRule({
  meta: {
    id: 'prt-request-failed',
    emits: ['prt-request-failed'],
    severity: 'error',
    docs: { description: 'A PRT acquisition or refresh attempt failed (Attempt Status, HTTP error, server error).' },
  },
  check(ctx: RuleContext) {
    const out: Finding<'prt-request-failed'>[] = [];
    for (const block of ctx.status.prtDiagnostics) {
      const codes = collectErrorCodes([block.attemptStatus, block.httpError, block.serverErrorDescription].filter((v): v is string => v !== null));
      // codes handled by the device-object rules: their blocks are evidence there, not here
      if (codes.some((c) => DEVICE_OBJECT_CODES.includes(c))) continue;
      if (codes.length === 0 && block.httpStatus === null && !block.serverErrorCode) continue;
      const transport = block.httpError ? hexCodes(block.httpError)[0] : undefined;
      out.push({
        id: 'prt-request-failed',
        severity: block.prt === 'azuread' ? 'error' : 'warning',
        title: block.kind === 'refresh' ? 'finding.prt-request-failed.refresh' : 'finding.prt-request-failed.acquire',
        explanation: transport ? 'finding.prt-request-failed.network' : 'finding.prt-request-failed.explanation',
        params: {
          prt: block.prt === 'azuread' ? 'Entra ID' : 'AD FS',
          when: block.previousAttempt ?? '—',
          status: block.attemptStatus ?? '—',
          server: block.serverErrorDescription ?? block.serverErrorCode ?? '—',
          http: block.httpStatus ?? '—',
          transport: transport ?? '—',
        },
        evidence: block.fields.flatMap((f) => ctx.evidenceOf(f)),
        codes,
      });
    }
    return out;
  },
});
