import { collectErrorCodes } from '../../model/status.js';
import type { BundleFact } from '../../read/bundle.js';
import { defineRule, type EvidenceLine, type Finding, type RuleContext } from '../types.js';

const factLine = (ctx: RuleContext, f: BundleFact | undefined): EvidenceLine[] => (f ? [{ line: f.line, text: ctx.lineText(f.line) }] : []);

/** What a collection bundle shows beyond dsregcmd: enrolment, policies, the registry key, AAD events. */
export const collectionBundle = defineRule({
  meta: {
    id: 'collection-bundle',
    emits: ['mdm-enrolled', 'auto-registration-disabled', 'workplace-join-blocked', 'aad-storage-key-present', 'aad-events'],
    severity: 'warning',
    docs: { description: 'Facts from a collection bundle: MDM enrolment, registration policies, the AAD\\Storage key, AAD events.' },
  },
  check(ctx: RuleContext) {
    const b = ctx.status.report.bundle;
    if (!b) return [];
    const fact = (key: string) => b.facts.find((f) => f.key.toLowerCase() === key.toLowerCase());
    const out: Finding<'mdm-enrolled' | 'auto-registration-disabled' | 'workplace-join-blocked' | 'aad-storage-key-present' | 'aad-events'>[] = [];
    const s = ctx.status;
    if (b.mdmEnrollments !== null && b.mdmEnrollments > 0) {
      out.push({
        id: 'mdm-enrolled',
        severity: 'info',
        title: 'finding.mdm-enrolled.title',
        explanation: 'finding.mdm-enrolled.explanation',
        params: { count: b.mdmEnrollments },
        evidence: [...factLine(ctx, fact('MdmEnrollments')), ...factLine(ctx, fact('MdmEnrollmentUpn'))],
        codes: [],
      });
    }
    if (b.autoWorkplaceJoin === false && s.domainJoined.value === true) {
      out.push({
        id: 'auto-registration-disabled',
        severity: 'warning',
        title: 'finding.auto-registration-disabled.title',
        explanation: 'finding.auto-registration-disabled.explanation',
        params: {},
        evidence: factLine(ctx, fact('AutoWorkplaceJoin')),
        codes: [],
      });
    }
    if (b.blockAadWorkplaceJoin === true && s.joinType === 'entra-registered') {
      out.push({
        id: 'workplace-join-blocked',
        severity: 'warning',
        title: 'finding.workplace-join-blocked.title',
        explanation: 'finding.workplace-join-blocked.explanation',
        params: {},
        evidence: factLine(ctx, fact('BlockAADWorkplaceJoin')),
        codes: [],
      });
    }
    if (b.aadStorageKey === true) {
      out.push({
        id: 'aad-storage-key-present',
        severity: 'info',
        title: 'finding.aad-storage-key-present.title',
        explanation: 'finding.aad-storage-key-present.explanation',
        params: {},
        evidence: factLine(ctx, fact('AADStorageKey')),
        codes: [],
      });
    }
    if (b.events.length > 0) {
      out.push({
        id: 'aad-events',
        severity: 'info',
        title: 'finding.aad-events.title',
        explanation: 'finding.aad-events.explanation',
        params: { count: b.events.length, ids: [...new Set(b.events.map((e) => e.id))].join(', ') },
        evidence: b.events.slice(0, 20).map((e) => ({ line: e.line, text: ctx.lineText(e.line) })),
        codes: collectErrorCodes(b.events.map((e) => e.message)),
      });
    }
    return out;
  },
});
