import type { Rule } from '../types.js';
import { collectionBundle } from './collection-bundle.js';
import { deviceAuthCheckFailed } from './device-auth-check-failed.js';
import { deviceCertificate } from './device-certificate.js';
import { deviceKeys } from './device-keys.js';
import { deviceObjectDisabled } from './device-object-disabled.js';
import { deviceObjectMissing } from './device-object-missing.js';
import { dualState } from './dual-state.js';
import { errorCodes } from './error-codes.js';
import { hybridJoinIncomplete } from './hybrid-join-incomplete.js';
import { inputCompleteness } from './input-completeness.js';
import { needsMoreEvidence } from './needs-more-evidence.js';
import { prtMissing } from './prt-missing.js';
import { prtRequestFailed } from './prt-request-failed.js';
import { prtStale } from './prt-stale.js';
import { tpm } from './tpm.js';
import { wrongContext } from './wrong-context.js';

/** Every rule, in the order findings are reported. `error-codes` runs last: it explains the codes no earlier finding did. */
export const RULES: readonly Rule[] = [
  needsMoreEvidence,
  deviceObjectMissing,
  deviceObjectDisabled,
  deviceAuthCheckFailed,
  hybridJoinIncomplete,
  prtMissing,
  prtRequestFailed,
  prtStale,
  dualState,
  deviceCertificate,
  deviceKeys,
  tpm,
  wrongContext,
  inputCompleteness,
  collectionBundle,
  errorCodes,
];
