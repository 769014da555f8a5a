/** Step ids live in the contract (src/contract/steps.ts); re-exported for older imports. */
export { isStepId, STEP_IDS, type StepId } from '../contract/steps.js';
