import type { CodeCategory, DeviceCause } from '../contract/codes.js';
import { DEVICE_CAUSES } from '../contract/codes.js';
import type { StepId } from '../contract/steps.js';
import { lookupCode } from './codes.js';

/**
 * What the device-error codes mean to the tool: the one table that diagnose, the plan, fleet,
 * the KQL queries and the Graph pull read (their texts are in CODES). Rows are in report order:
 * fleet lists a device's codes, its per-day counts and its chart colours in this order.
 */
export interface CodeMeaning {
  /** Canonical code (`AADSTS700003`). */
  code: string;
  /** The knowledge base's category for the code (read from CODES, never written here). */
  category: CodeCategory;
  /**
   * The device-object finding the code raises (diagnose's rules, the plan for fleet devices):
   * `deleted` 700003/130008, `disabled` 135011/130007, `deleted-or-disabled` 50155 (device
   * authentication failed: the inventory or audit log says which); null: none of its own.
   */
  object: 'deleted' | 'disabled' | 'deleted-or-disabled' | null;
  /** The step the code implies when no device-object step applies (53000: the compliance check). */
  firstStep: StepId | null;
  /** A sign-in failure fleet counts as a device error (and the KQL and Graph queries ask for). */
  signIn: boolean;
  /** Fleet's cause for a device failing with this code (50155 is refined by inventory and audit). */
  cause: DeviceCause;
}

const ROWS: readonly Omit<CodeMeaning, 'category'>[] = [
  { code: 'AADSTS700003', object: 'deleted', firstStep: null, signIn: true, cause: 'deleted' },
  { code: 'AADSTS135011', object: 'disabled', firstStep: null, signIn: true, cause: 'disabled' },
  { code: 'AADSTS50155', object: 'deleted-or-disabled', firstStep: null, signIn: true, cause: 'device-auth-failed' },
  { code: 'AADSTS50097', object: null, firstStep: null, signIn: true, cause: 'device-not-identified' },
  { code: 'AADSTS50187', object: null, firstStep: null, signIn: true, cause: 'device-not-identified' },
  { code: 'AADSTS53000', object: null, firstStep: 'check-conditional-access', signIn: true, cause: 'not-compliant' },
  { code: 'AADSTS53001', object: null, firstStep: null, signIn: true, cause: 'not-hybrid-joined' },
  { code: 'AADSTS130008', object: 'deleted', firstStep: null, signIn: true, cause: 'deleted' },
  // Windows Hello for Business's forms of 700003 and 135011: seen in dsregcmd, not counted by fleet
  { code: 'AADSTS130007', object: 'disabled', firstStep: null, signIn: false, cause: 'disabled' },
];

/** Every row with its category from the knowledge base (a row for a code CODES lacks is a bug: `other`, and a test fails). */
export const CODE_MEANINGS: readonly CodeMeaning[] = ROWS.map((r) => ({ ...r, category: lookupCode(r.code)?.category ?? 'other' }));

const BY_CODE: ReadonlyMap<string, CodeMeaning> = new Map(CODE_MEANINGS.map((m) => [m.code, m]));

/** The tool's meaning of a canonical code, if it has one beyond the knowledge base's text. */
export function meaningOf(code: string): CodeMeaning | undefined {
  return BY_CODE.get(code);
}

const codesWhere = (keep: (m: CodeMeaning) => boolean): readonly string[] => CODE_MEANINGS.filter(keep).map((m) => m.code);

/** Codes that say the device object was deleted (700003, 130008). */
export const DELETED_CODES = codesWhere((m) => m.object === 'deleted');
/** Codes that say the device object is disabled (135011, 130007). */
export const DISABLED_CODES = codesWhere((m) => m.object === 'disabled');
/** Codes that say device authentication failed: deleted or disabled, the code alone cannot tell (50155). */
export const AMBIGUOUS_CODES = codesWhere((m) => m.object === 'deleted-or-disabled');
/** Codes about the device object: deleted, disabled, or one of the two (50155). */
export const DEVICE_OBJECT_CODES = codesWhere((m) => m.object !== null);

/** Sign-in error numbers fleet counts as device errors (`ResultType`, `status/errorCode`), in report order. */
export const SIGN_IN_DEVICE_ERRORS: readonly number[] = CODE_MEANINGS.filter((m) => m.signIn).map((m) => Number(m.code.replace('AADSTS', '')));

/** The most serious meaning among these codes (by cause), if any of them has one. */
export function worstMeaning(codes: readonly string[]): CodeMeaning | undefined {
  let worst: CodeMeaning | undefined;
  for (const code of codes) {
    const m = BY_CODE.get(code);
    if (m && (!worst || DEVICE_CAUSES.indexOf(m.cause) < DEVICE_CAUSES.indexOf(worst.cause))) worst = m;
  }
  return worst;
}
