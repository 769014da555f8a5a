import type { StepId } from './steps.js';
import type { LocalizedStep } from './diagnosis.js';
import { type Lang, SCHEMA_VERSIONS, type ToolStamp, toolStamp } from './document.js';
import type { JoinType, SameDevice, VerifyVerdict } from './joins.js';

/**
 * The document of `verify --format json` and `POST /api/verify` (one builder for both; schema
 * version 2, docs/contract.md).
 */

/** A finding id with its title in the document's language. */
export interface FindingRef {
  id: string;
  title: string;
}

/** One side of the comparison: the output taken before or after the step. */
export interface VerifySide {
  joinType: JoinType;
  deviceId: string | null;
  errorCodes: string[];
  input: { name: string; encoding: string; lines: number };
}

export interface VerifyBody {
  lang: Lang;
  verdict: VerifyVerdict;
  message: string;
  sameDevice: SameDevice;
  sameDeviceMessage: string;
  /** The next step, or null when nothing is left to do. */
  nextStep: StepId | null;
  nextStepDetail: LocalizedStep | null;
  /** What the verdict rests on: a stable id (`verify.reason.<id>` in the catalogues) and its text. */
  reasons: { id: string; text: string }[];
  /** Error findings present before and gone after / still there / new. */
  resolved: FindingRef[];
  remaining: FindingRef[];
  introduced: FindingRef[];
  before: VerifySide;
  after: VerifySide;
}

export interface VerifyDocument extends VerifyBody {
  schemaVersion: typeof SCHEMA_VERSIONS.verify;
  tool: ToolStamp;
}

export function verifyDocument(body: VerifyBody, version: string): VerifyDocument {
  return { schemaVersion: SCHEMA_VERSIONS.verify, tool: toolStamp(version), ...body };
}

/** `verify`'s exit code: 0 when nothing is left to do, else 1. */
export function verifyExitCode(verdict: VerifyVerdict): 0 | 1 {
  return verdict === 'fixed' || verdict === 'no-change-needed' ? 0 : 1;
}
