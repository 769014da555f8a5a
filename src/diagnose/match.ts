import type { Registration } from '../model/registrations.js';
import { evidenceOf, sortEvidence } from './context.js';
import type { ReportedError } from './reported-error.js';
import type { EvidenceLine } from './types.js';

/** Codes that say a device object is deleted or disabled: the error that names a registration. */
import { DEVICE_OBJECT_CODES } from '../knowledge/meanings.js';

export { DEVICE_OBJECT_CODES };

/** Which registration the reported error is about, and how that was decided. */
export interface RegistrationMatch {
  /**
   * device-join / work-account: the plan is for that registration; needs-evidence: the output
   * does not show the failure (no fix is planned); none: no device-object error to match.
   */
  verdict: 'device-join' | 'work-account' | 'needs-evidence' | 'none';
  registration: Registration | null;
  /** How the registration was chosen. */
  by: 'device-id' | 'tenant' | 'failing' | 'only-registration' | 'device-join' | null;
  /** Why nothing could be chosen (verdict needs-evidence). */
  reason: 'matched-healthy' | 'device-id-not-on-this-pc' | 'tenant-not-on-this-pc' | 'ambiguous' | 'all-healthy' | null;
  evidence: EvidenceLine[];
}

const lower = (s: string) => s.trim().toLowerCase();

function sourceLines(reported: ReportedError, test: (text: string) => boolean): EvidenceLine[] {
  return reported.sources.filter((s) => s.from === 'input' && test(s.text.normalize('NFKC').toLowerCase())).map((s) => ({ line: s.line, text: s.text }));
}

function result(
  verdict: RegistrationMatch['verdict'],
  registration: Registration | null,
  by: RegistrationMatch['by'],
  reason: RegistrationMatch['reason'],
  evidence: EvidenceLine[],
): RegistrationMatch {
  const regLines = registration ? [...registration.fields, ...registration.healthFields].flatMap((f) => evidenceOf(f)) : [];
  return { verdict, registration, by, reason, evidence: sortEvidence([...evidence, ...regLines]) };
}

function chosen(reg: Registration, by: RegistrationMatch['by'], evidence: EvidenceLine[]): RegistrationMatch {
  if (reg.health === 'healthy') return result('needs-evidence', reg, by, 'matched-healthy', evidence);
  return result(reg.kind === 'device-join' ? 'device-join' : 'work-account', reg, by, null, evidence);
}

/**
 * Match the reported error to one registration: by device ID when the error carries one, else by
 * tenant name / tenant ID, else the one registration the output shows failing. A registration the
 * output shows healthy is never the answer: that is "needs more evidence".
 *
 * @param codes every device-object code seen (reported and in the status)
 */
export function matchRegistration(registrations: Registration[], reported: ReportedError, codes: string[]): RegistrationMatch {
  const objectCodes = codes.filter((c) => DEVICE_OBJECT_CODES.includes(c));
  if (objectCodes.length === 0 || registrations.length === 0) return result('none', null, null, null, []);

  // 1. the device identifier of the error page (or --device-id)
  if (reported.deviceIds.length > 0) {
    for (const id of reported.deviceIds) {
      const reg = registrations.find((r) => r.deviceId === id);
      if (reg)
        return chosen(
          reg,
          'device-id',
          sourceLines(reported, (t) => t.includes(id)),
        );
    }
    const evidence = sourceLines(reported, (t) => reported.deviceIds.some((id) => t.includes(id)));
    // an ID the output masks could still be the one: cannot tell
    if (registrations.some((r) => r.deviceId === null)) return result('needs-evidence', null, null, 'ambiguous', evidence);
    return result('needs-evidence', null, null, 'device-id-not-on-this-pc', evidence);
  }

  // 2. the tenant the error names
  const names = reported.tenantNames.map(lower);
  const ids = reported.tenantIds.map(lower);
  if (names.length > 0 || ids.length > 0) {
    const inTenant = registrations.filter(
      (r) => (r.tenantId !== null && ids.includes(r.tenantId)) || (r.tenantName !== null && names.includes(lower(r.tenantName))),
    );
    const evidence = sourceLines(reported, (t) => names.some((n) => t.includes(n)) || ids.some((i) => t.includes(i)));
    if (inTenant.length === 1 && inTenant[0]) return chosen(inTenant[0], 'tenant', evidence);
    if (inTenant.length > 1) {
      const failing = inTenant.filter((r) => r.health === 'failing');
      if (failing.length === 1 && failing[0]) return chosen(failing[0], 'tenant', evidence);
      const notHealthy = inTenant.filter((r) => r.health !== 'healthy');
      if (notHealthy.length === 0) return result('needs-evidence', null, null, 'all-healthy', evidence);
      // the join shown healthy does not make the other registration of its tenant the failing one
      // by elimination (the error may be older than the output, or from another device): only a
      // registration shown failing, or the error page's device identifier, decides it
      if (inTenant.some((r) => r.kind === 'device-join' && r.health === 'healthy')) return result('needs-evidence', null, null, 'ambiguous', evidence);
      if (notHealthy.length === 1 && notHealthy[0]) return chosen(notHealthy[0], 'tenant', evidence);
      // the join and a registration of the same tenant, neither shown healthy (an output without
      // DeviceAuthStatus): the article's dual-state plan covers both
      const join = notHealthy.find((r) => r.kind === 'device-join');
      if (join) return chosen(join, 'device-join', evidence);
      return result('needs-evidence', null, null, 'ambiguous', evidence);
    }
    const tenantsKnown = registrations.every((r) => r.tenantId !== null || r.tenantName !== null);
    if (tenantsKnown) return result('needs-evidence', null, null, 'tenant-not-on-this-pc', evidence);
  }

  // 3. no identifier: the registration the output shows failing, or the only one
  const failing = registrations.filter((r) => r.health === 'failing');
  if (failing.length === 1 && failing[0]) return chosen(failing[0], 'failing', []);
  if (failing.length > 1) return result('needs-evidence', null, null, 'ambiguous', []);
  if (registrations.length === 1 && registrations[0]) return chosen(registrations[0], 'only-registration', []);
  const join = registrations.find((r) => r.kind === 'device-join');
  if (join && join.health !== 'healthy') return chosen(join, 'device-join', []);
  if (registrations.every((r) => r.health === 'healthy')) return result('needs-evidence', null, null, 'all-healthy', []);
  return result('needs-evidence', null, null, 'ambiguous', []);
}
