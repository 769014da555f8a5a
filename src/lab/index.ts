/**
 * The lab: a simulated tenant and Windows PCs that reproduce AADSTS700003 and its neighbours, and
 * the proof that every plan dsreg-doctor gives heals the device it was made for.
 *
 * @example
 * import { findScenario, runScenario } from './lab/index.js';
 * const run = runScenario(findScenario('article-hybrid')!, { story: true });
 * run.healed; // true
 * run.steps[2]?.status.user; // the dsregcmd /status text the user would see on Monday morning
 */
export { ACTION_KINDS, type ActionKind, applyAction, type LabAction } from './actions.js';
export { type CheckResult, checkAll, checkSummaryLine } from './check.js';
export { appTokenRequest, checkDevice, type DeviceCheck, deviceAuthStatus, prtError, serverMessage } from './identity.js';
export * from './model.js';
export { type RenderedField, type RenderedStatus, type RunContext, renderStatus } from './render.js';
export {
  describeState,
  type Health,
  health,
  type HelpdeskView,
  helpdeskDiagnose,
  isReregistration,
  type LabFailure,
  type LabStep,
  type RunOptions,
  runScenario,
  type ScenarioRun,
  type StepOutcome,
} from './run.js';
export {
  allScenarios,
  breakDevice,
  buildHealthyWorld,
  findScenario,
  isHybridLike,
  matrixScenarios,
  type MdmKnowledge,
  mondayMorning,
  type PolicyState,
  type Scenario,
  storyScenarios,
  validCombo,
} from './scenarios.js';
export { scenarioTitle, storyText } from './story.js';
export { LabWorld, type WorldOptions } from './world.js';
