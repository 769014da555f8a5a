/**
 * Finding ids and the typed data each finding carries: the part of a finding that other code
 * (the plan, fleet, verify) may read. Texts are catalogue keys chosen by the rule and are for
 * people only; nothing decides on them. A leaf of the contract: imports nothing.
 *
 * Finding ids are public (the `id` of each finding in the diagnosis JSON): add freely, never
 * change the meaning of one.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A line of the input that proves a finding. */
export interface EvidenceLine {
  line: number;
  text: string;
}

/** How the output was taken: user state and SSO state only describe a real user in `user`. */
export type RunContextKind = 'user' | 'elevated' | 'system' | 'remote' | 'unknown';

/** What each finding carries beyond its id, severity and codes. `{}`: nothing more. */
export interface FindingDataMap {
  /** The reported device-object error is not shown by this output: the plan asks for evidence. */
  'needs-more-evidence': Record<never, never>;
  /**
   * The tenant has no object for the device: `deleted` when a code says so (700003, 130008),
   * `deleted-or-disabled` when only DeviceAuthStatus or AADSTS50155 says it failed.
   */
  'device-object-missing': { answer: 'deleted' | 'deleted-or-disabled' };
  /** Both a deleted and a disabled answer: the older one is superseded by the latest. */
  'superseded-answer': Record<never, never>;
  'device-object-disabled': Record<never, never>;
  'device-auth-check-failed': Record<never, never>;
  /** `diagnostics`: the output holds the pre-join diagnostics (Client ErrorCode or a failed test). */
  'hybrid-join-incomplete': { diagnostics: boolean };
  /** `localAccount`: the signed-in account is a local account of the PC (never has a PRT). */
  'prt-missing': { localAccount: boolean };
  'prt-request-failed': Record<never, never>;
  'prt-stale': Record<never, never>;
  'dual-state': Record<never, never>;
  'device-certificate-expired': Record<never, never>;
  'device-certificate-expiring': Record<never, never>;
  'device-certificate-not-yet-valid': Record<never, never>;
  'key-sign-test-failed': Record<never, never>;
  'aad-recovery-enabled': Record<never, never>;
  'tpm-error': Record<never, never>;
  'tpm-not-used': Record<never, never>;
  /** The context the output was taken in, when it is not the affected user's own run. */
  'wrong-context': { context: Exclude<RunContextKind, 'user' | 'unknown'> };
  'join-state-unknown': Record<never, never>;
  'output-elided': Record<never, never>;
  'ids-masked': Record<never, never>;
  'mdm-enrolled': Record<never, never>;
  'auto-registration-disabled': Record<never, never>;
  'workplace-join-blocked': Record<never, never>;
  'aad-storage-key-present': Record<never, never>;
  'aad-events': Record<never, never>;
  /** A code no other finding explains, known to the knowledge base. */
  'error-code': Record<never, never>;
  /** A code no other finding explains and the knowledge base does not know (never guessed). */
  'unknown-error-code': Record<never, never>;
}

export type FindingId = keyof FindingDataMap;

/** Every finding id, in the order the rules report them. */
export const FINDING_IDS = [
  'needs-more-evidence',
  'device-object-missing',
  'superseded-answer',
  'device-object-disabled',
  'device-auth-check-failed',
  'hybrid-join-incomplete',
  'prt-missing',
  'prt-request-failed',
  'prt-stale',
  'dual-state',
  'device-certificate-expired',
  'device-certificate-expiring',
  'device-certificate-not-yet-valid',
  'key-sign-test-failed',
  'aad-recovery-enabled',
  'tpm-error',
  'tpm-not-used',
  'wrong-context',
  'join-state-unknown',
  'output-elided',
  'ids-masked',
  'mdm-enrolled',
  'auto-registration-disabled',
  'workplace-join-blocked',
  'aad-storage-key-present',
  'aad-events',
  'error-code',
  'unknown-error-code',
] as const satisfies readonly FindingId[];

// the list and the map name the same ids (a compile error here means one of them is missing one)
type Missing = Exclude<FindingId, (typeof FINDING_IDS)[number]>;
const _allListed: [Missing] extends [never] ? true : Missing = true;
void _allListed;

export function isFindingId(id: string): id is FindingId {
  return (FINDING_IDS as readonly string[]).includes(id);
}

/** The data part of a finding: required where the id carries data, absent where it carries none. */
export type FindingDataField<K extends FindingId> = keyof FindingDataMap[K] extends never ? { data?: undefined } : { data: FindingDataMap[K] };

/**
 * What may be decided on: the id with its typed data, the severity and the codes. A union
 * discriminated by `id`, so `f.id === 'prt-missing'` gives `f.data.localAccount`.
 */
export type FindingFacts<K extends FindingId = FindingId> = {
  [I in K]: { id: I; severity: Severity; codes: string[] } & FindingDataField<I>;
}[K];
