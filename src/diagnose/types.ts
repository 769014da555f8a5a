import type { EvidenceLine, FindingFacts, FindingId, RunContextKind, Severity } from '../contract/findings.js';
import type { MessageKey, Params } from '../i18n/format.js';
import type { Registration } from '../model/registrations.js';
import type { DeviceStatus } from '../model/status.js';
import type { Field } from '../read/parse.js';
import type { RegistrationMatch } from './match.js';
import type { ReportedError } from './reported-error.js';
import type { PlanOptions } from '../plan/plan.js';

export type { EvidenceLine, FindingId, RunContextKind, Severity };

/** The words of a finding: catalogue keys looked up at render time, and the lines that show it. */
export interface FindingText {
  title: MessageKey;
  explanation: MessageKey;
  params: Params;
  evidence: EvidenceLine[];
  /** Extra paragraphs (catalogue keys with params), e.g. one per knowledge-base code. */
  notes?: { key: MessageKey; params: Params }[];
  /** The registration this finding is about (`device-join`, `work-account-N`), when it names one. */
  registration?: string;
}

/**
 * One problem: its id with typed data, severity and codes (what the plan reads, from the
 * contract), and its words with the lines that show it. `codes`: canonical form
 * (`AADSTS700003`, `0x801c03f2`).
 */
export type Finding<K extends FindingId = FindingId> = FindingFacts<K> & FindingText;

export interface RunContext {
  kind: RunContextKind;
  /** Lines that show the context. */
  evidence: EvidenceLine[];
  /** KeySignTest / pre-join diagnostics only run elevated. */
  elevated: boolean | null;
}

/** The output's own clock: capture time is at least this. */
export interface ReferenceClock {
  iso: string;
  field: Field;
  /** Client Time is the capture time; a PRT attempt time is only a lower bound. */
  exact: boolean;
}

export interface DiagnoseOptions extends PlanOptions {
  /** `--error`: codes or pasted error text. */
  error?: string;
  /** For certificate expiry when the output has no clock. Defaults to the current time. */
  now?: Date;
  /** `--device-id`: the device identifier from the error page's troubleshooting details. */
  deviceId?: string;
}

export interface RuleContext {
  status: DeviceStatus;
  /** Codes of the reported error: `--error` and error texts anywhere in the input (canonical). */
  errorCodes: string[];
  /** The reported error, wherever it was found. */
  reported: ReportedError;
  /** The registrations the output shows. */
  registrations: Registration[];
  /** Which registration the reported error is about. */
  match: RegistrationMatch;
  /** Codes from the input and `--error`. */
  allCodes: string[];
  runContext: RunContext;
  clock: ReferenceClock | null;
  options: DiagnoseOptions;
  /** The findings of the rules that ran before this one, in order (`error-codes` explains the codes they left). */
  earlier: readonly Finding[];
  /** The input line for a line number, for evidence. */
  lineText(line: number): string;
  evidenceOf(field: Field | null | undefined): EvidenceLine[];
}

/** What a rule says about itself: the ids it may emit, its worst severity, its docs. */
export interface RuleMeta<E extends FindingId = FindingId> {
  /** The rule's own id (kebab case, the file name under rules/). */
  id: string;
  /** Every finding id the rule may emit (the RuleTester and the meta tests hold it to this). */
  emits: readonly E[];
  /** The most serious severity the rule reports. */
  severity: Severity;
  /** What the rule checks, for `--help` and the docs. */
  docs: { description: string };
}

/** A rule: a small module that looks at the status and reports zero or more findings. */
export interface Rule<E extends FindingId = FindingId> {
  meta: RuleMeta<E>;
  check(ctx: RuleContext): Finding<E>[];
}

/** E as declared by `meta.emits` only: the findings `check` returns must not widen it (TS's NoInfer does not reach through the mapped Finding type). */
type Declared<E> = [E][E extends unknown ? 0 : never];

/**
 * Define a rule, ESLint style: the findings it may return are typed by `meta.emits`.
 *
 * @example
 * export const dualState = defineRule({
 *   meta: { id: 'dual-state', emits: ['dual-state'], severity: 'warning', docs: { description: '…' } },
 *   check: (ctx) => [],
 * });
 */
export function defineRule<const E extends FindingId>(rule: { meta: RuleMeta<E>; check(ctx: RuleContext): Finding<Declared<E>>[] }): Rule<E> {
  return rule;
}
