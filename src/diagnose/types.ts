import type { MessageKey, Params } from '../i18n/format.js';
import type { Registration } from '../model/registrations.js';
import type { DeviceStatus } from '../model/status.js';
import type { Field } from '../read/parse.js';
import type { RegistrationMatch } from './match.js';
import type { ReportedError } from './reported-error.js';

export type Severity = 'error' | 'warning' | 'info';

/** A line of the input that proves a finding. */
export interface EvidenceLine {
  line: number;
  text: string;
}

/** One problem, with the lines that show it. Text is looked up in the catalogues at render time. */
export interface Finding {
  id: string;
  severity: Severity;
  title: MessageKey;
  explanation: MessageKey;
  params: Params;
  evidence: EvidenceLine[];
  /** Error codes this finding is about, canonical form (`AADSTS700003`, `0x801c03f2`). */
  codes: string[];
  /** Extra paragraphs (catalogue keys with params), e.g. one per knowledge-base code. */
  notes?: { key: MessageKey; params: Params }[];
  /** The registration this finding is about (`device-join`, `work-account-N`), when it names one. */
  registration?: string;
}

/** How the output was taken: user state and SSO state only describe a real user in `user`. */
export type RunContextKind = 'user' | 'elevated' | 'system' | 'remote' | 'unknown';

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

export interface DiagnoseOptions {
  /** `--error`: codes or pasted error text. */
  error?: string;
  /** The device is known to be MDM-enrolled (true), known not to be (false), or unknown (undefined). */
  mdm?: boolean;
  /** Automatic hybrid registration is known to be disabled by policy. */
  autoRegistrationDisabled?: boolean;
  /** The user's AAD\\Storage\\https://login.microsoftonline.com key is known to exist (true) or not (false). */
  aadStorageKey?: boolean;
  /** BlockAADWorkplaceJoin policy is known to be set: the user cannot register again. */
  blockWorkplaceJoin?: boolean;
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
  /** The input line for a line number, for evidence. */
  lineText(line: number): string;
  evidenceOf(field: Field | null | undefined): EvidenceLine[];
}

/** A rule: a small module that looks at the status and reports zero or more findings. */
export interface Rule {
  id: string;
  /** What the rule checks, for `--help` and the docs. */
  description: string;
  check(ctx: RuleContext): Finding[];
}
