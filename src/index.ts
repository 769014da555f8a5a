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
