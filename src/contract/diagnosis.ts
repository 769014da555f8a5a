import type { StepId } from './steps.js';
import { type Lang, SCHEMA_VERSIONS, type ToolStamp, toolStamp } from './document.js';
import type {
  AdminScope,
  JoinType,
  MatchBy,
  MatchReason,
  MatchVerdict,
  PlanBranch,
  RegistrationHealth,
  RegistrationJoinType,
  RegistrationKind,
  RunContextKind,
  Severity,
  Stage,
} from './joins.js';

/** The document of `diagnose --format json` and `POST /api/diagnose` (docs/contract.md). */

/** A line of the input that proves something. */
export interface EvidenceLine {
  line: number;
  text: string;
}

/** A problem reading the input (`unparsed-line`, `elided`, …), with its text in the document's language. */
export interface InputWarning {
  code: string;
  /** 1-based; 0 when the warning is about the whole input. */
  line: number;
  endLine?: number;
  text?: string;
  count?: number;
  message: string;
}

export interface DiagnosisInput {
  name: string;
  encoding: string;
  lines: number;
  lineEnding: 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';
  recognized: boolean;
  elided: boolean;
  skippedLines: number;
  warnings: InputWarning[];
}

export interface DiagnosisDevice {
  joinType: JoinType;
  azureAdJoined: boolean | null;
  domainJoined: boolean | null;
  enterpriseJoined: boolean | null;
  workplaceJoined: boolean | null;
  deviceId: string | null;
  tenantId: string | null;
  deviceName: string | null;
  tenantName: string | null;
  deviceAuthStatus: string | null;
  azureAdPrt: boolean | null;
  domainName: string | null;
  /** The value was masked in the input (`xxxx…`, a redacted output). */
  masked: { deviceId: boolean; tenantId: boolean; deviceName: boolean; tenantName: boolean };
  /** The input line of each value, or null. */
  lines: {
    azureAdJoined: number | null;
    domainJoined: number | null;
    enterpriseJoined: number | null;
    workplaceJoined: number | null;
    deviceId: number | null;
    tenantId: number | null;
    deviceAuthStatus: number | null;
    azureAdPrt: number | null;
  };
}

export interface DiagnosisRunContext {
  kind: RunContextKind;
  evidence: EvidenceLine[];
  elevated: boolean | null;
}

/** The output's own clock: capture time is at least `iso` (exactly it when `exact`). */
export interface DiagnosisClock {
  iso: string;
  exact: boolean;
  line: number;
  field: string;
}

/** One error code from the knowledge base, in the document's language; all null when unknown. */
export interface LocalizedCode {
  code: string;
  known: boolean;
  family: string | null;
  category: string | null;
  meaning: string | null;
  cause: string | null;
  action: string | null;
}

/** Where a piece of the reported error was found: a line of the input, or the command line. */
export interface ReportedErrorSource {
  from: 'input' | 'option';
  /** Input line number (1-based); 0 for `--error` / `--device-id`. */
  line: number;
  text: string;
}

/**
 * The error the user reported, wherever it was written: `--error`, `--device-id`, or the lines of
 * the input (a ticket, an e-mail, an error page pasted before, inside or after the status).
 */
export interface ReportedErrorJson {
  /** Canonical codes (`AADSTS700003`, `0x801c03f2`), AADSTS/MSIS first. */
  codes: string[];
  /** Device identifiers the error names (lower case GUIDs). */
  deviceIds: string[];
  /** Tenant names the error names (`in the tenant 'X' directory`, `Tenant: X`). */
  tenantNames: string[];
  tenantIds: string[];
  correlationIds: string[];
  timestamps: string[];
  /** Every line that gave one of the above. */
  sources: ReportedErrorSource[];
}

export interface RegistrationJson {
  /** `device-join` or `work-account-N`. */
  id: string;
  kind: RegistrationKind;
  joinType: RegistrationJoinType;
  deviceId: string | null;
  tenantId: string | null;
  tenantName: string | null;
  partner: boolean;
  health: RegistrationHealth;
  lines: number[];
}

export interface MatchedRegistration {
  verdict: MatchVerdict;
  /** The registration's id, or null. */
  registration: string | null;
  by: MatchBy | null;
  reason: MatchReason | null;
  text: string;
  evidence: EvidenceLine[];
}

export interface LocalizedFinding {
  /** A finding id (docs/contract.md): stable, never reused with another meaning. */
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: EvidenceLine[];
  codes: string[];
  /** The registration the finding is about (`device-join`, `work-account-N`), when it names one. */
  registration?: string;
}

export interface LocalizedAction {
  kind: 'command' | 'text';
  text: string;
}

export interface LocalizedStep {
  id: StepId;
  stage: Stage;
  admin: boolean;
  adminScope: AdminScope;
  /** Do this step only when its condition (in `why`) holds. */
  conditional: boolean;
  title: string;
  why: string;
  actions: LocalizedAction[];
  expect: string;
  verify: string;
  caveats: string[];
}

export interface DiagnosisPlan {
  branch: PlanBranch;
  steps: LocalizedStep[];
}

/** Everything in the document after `schemaVersion` and `tool`, in this order. */
export interface DiagnosisBody {
  lang: Lang;
  input: DiagnosisInput;
  device: DiagnosisDevice;
  runContext: DiagnosisRunContext;
  clock: DiagnosisClock | null;
  errorCodes: string[];
  codes: LocalizedCode[];
  reportedError: ReportedErrorJson;
  registrations: RegistrationJson[];
  matchedRegistration: MatchedRegistration;
  findings: LocalizedFinding[];
  plan: DiagnosisPlan;
  /** 1 when a finding has severity `error`, else 0: the exit code of `diagnose`. */
  exitCode: 0 | 1;
}

export interface DiagnosisDocument extends DiagnosisBody {
  schemaVersion: typeof SCHEMA_VERSIONS.diagnosis;
  tool: ToolStamp;
}

export function diagnosisDocument(body: DiagnosisBody, version: string): DiagnosisDocument {
  return { schemaVersion: SCHEMA_VERSIONS.diagnosis, tool: toolStamp(version), ...body };
}
