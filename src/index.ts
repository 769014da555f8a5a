export { decodeBytes, type DecodedText, type TextEncodingName } from './read/decode.js';
export {
  readStatusBytes,
  readStatusText,
  splitField,
  type Field,
  type LineKind,
  type ParsedReport,
  type ReadOptions,
  type ReadWarning,
  type Section,
  type WarningCode,
} from './read/parse.js';
export { hexCodes, isGuid, maskKind, parseInstant, typeValue, type MaskKind, type TypedValue } from './read/values.js';
export { canonicalKey, canonicalTitle, SECTION_TITLES } from './read/vocabulary.js';
export {
  collectErrorCodes,
  deriveJoinType,
  toDeviceStatus,
  type DeviceStatus,
  type Evidence,
  type JoinType,
  type PrtDiagnostics,
  type WorkAccount,
} from './model/status.js';
export { diagnose, type Diagnosis } from './diagnose/diagnose.js';
export type { DiagnoseOptions, EvidenceLine, Finding, RunContext, Severity } from './diagnose/types.js';
export { buildPlan, planForCodes, STEP_IDS, type Plan, type PlanBranch, type PlanInput, type PlanStep, type StepId } from './plan/plan.js';
export { verify, type Verification, type VerifyVerdict } from './verify/verify.js';
export { CODES, lookupCode, normalizeCode, type CodeEntry } from './knowledge/codes.js';
export { t, translator, type MessageKey, type Translate } from './i18n/format.js';
export { detectLang, type Lang } from './i18n/lang.js';
export { diagnosisToJson, localizeCode, localizeFinding, localizeStep } from './render/localize.js';
export { diagnosisToText } from './render/diagnosis-text.js';
export { diagnosisToMarkdown } from './render/diagnosis-markdown.js';
export { verificationToJson, verificationToText } from './render/verify.js';
export { SCHEMA_VERSIONS, type DocumentKind } from './contract/document.js';
export type { DiagnosisDocument } from './contract/diagnosis.js';
export type { VerifyDocument } from './contract/verify.js';
export type { ExplainDocument } from './contract/explain.js';
export type { FleetReport } from './contract/fleet.js';
export type { StagedCleanup } from './contract/cleanup.js';
export { VERSION } from './version.js';
export * as lab from './lab/index.js';
