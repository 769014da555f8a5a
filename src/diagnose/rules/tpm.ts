import { lookupCode } from '../../knowledge/codes.js';
import { defineRule, type Finding, type RuleContext } from '../types.js';
import { codeLines, isCloudJoined } from './shared.js';

/** TPM error codes anywhere, or a joined device whose key is not TPM-protected. */
export const tpm = defineRule({
  meta: {
    id: 'tpm',
    emits: ['tpm-error', 'tpm-not-used'],
    severity: 'error',
    docs: { description: 'TPM errors, or a joined device whose key is in software rather than the TPM.' },
  },
  check(ctx: RuleContext) {
    const out: Finding<'tpm-error' | 'tpm-not-used'>[] = [];
    const tpmCodes = ctx.allCodes.filter((c) => lookupCode(c)?.category === 'tpm');
    if (tpmCodes.length) {
      out.push({
        id: 'tpm-error',
        severity: 'error',
        title: 'finding.tpm-error.title',
        explanation: 'finding.tpm-error.explanation',
        params: { codes: tpmCodes.join(', ') },
        evidence: codeLines(ctx, tpmCodes),
        codes: tpmCodes,
      });
    }
    const protectedField = ctx.status.field('TpmProtected');
    if (isCloudJoined(ctx) && protectedField?.typed.kind === 'boolean' && !protectedField.typed.value) {
      out.push({
        id: 'tpm-not-used',
        severity: 'info',
        title: 'finding.tpm-not-used.title',
        explanation: 'finding.tpm-not-used.explanation',
        params: { provider: ctx.status.field('KeyProvider')?.value ?? '—' },
        evidence: [...ctx.evidenceOf(ctx.status.field('KeyProvider')), ...ctx.evidenceOf(protectedField)],
        codes: [],
      });
    }
    return out;
  },
});
