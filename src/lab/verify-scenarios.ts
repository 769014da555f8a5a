import type { StepId } from '../plan/plan.js';
import { readStatusText } from '../read/parse.js';
import { type VerifyVerdict, verify } from '../verify/verify.js';
import { renderStatus } from './render.js';
import { carryOutStep, health } from './run.js';
import { breakDevice, buildHealthyWorld, mondayMorning, type Scenario, storyScenarios } from './scenarios.js';
import type { LabWorld } from './world.js';

/**
 * verify tells the truth (#11): a step done halfway or wrongly, the status before and after it,
 * the verdict verify must give, and proof that verify's next step then heals the PC.
 */
export interface VerifyLabScenario {
  id: string;
  /** The story scenario whose broken PC this starts from. */
  from: string;
  /** What the helpdesk did (halfway or wrongly) before taking the "after" output. */
  did: (world: LabWorld) => void;
  verdict: VerifyVerdict;
  nextStep: StepId;
}

export const VERIFY_SCENARIOS: readonly VerifyLabScenario[] = [
  {
    // dsregcmd /forcerecovery started, the sign-in window closed: AadRecoveryEnabled YES
    id: 'verify-recovery-armed',
    from: 'article-joined',
    did: (world) => world.armRecovery(),
    verdict: 'in-progress',
    nextStep: 'sign-in-to-recover',
  },
  {
    // dsregcmd /leave, restart, sign in: the join attempt waits for Entra Connect (0x801c03f2)
    id: 'verify-sync-join-pending',
    from: 'article-hybrid',
    did: (world) => {
      world.waitForNextSync();
      world.leave(true);
      world.reboot();
      world.signIn();
    },
    verdict: 'in-progress',
    nextStep: 'sync-computer-object',
  },
  {
    // a wrong fix: the Entra join removed and the account added as a work account instead
    id: 'verify-join-became-registration',
    from: 'article-joined',
    did: (world) => {
      world.leave(true);
      world.connectWorkAccount({ enrollMdm: false });
      world.signOut();
      world.signIn();
    },
    verdict: 'different-problem',
    nextStep: 'rejoin-entra',
  },
];

export interface VerifyLabResult {
  id: string;
  verdict: VerifyVerdict;
  nextStep: StepId | null;
  healed: boolean;
  /** What went wrong, in words for the check's output (null: as expected). */
  problem: string | null;
}

export function runVerifyScenario(v: VerifyLabScenario): VerifyLabResult {
  const s = storyScenarios().find((x) => x.id === v.from) as Scenario;
  const world = buildHealthyWorld(s);
  breakDevice(world, s);
  mondayMorning(world, s);
  const failing = world.tryApps().find((a) => !a.ok);
  const before = readStatusText(renderStatus(world, 'user').text, { name: `${v.id}#before` });
  v.did(world);
  const after = readStatusText(renderStatus(world, 'user').text, { name: `${v.id}#after` });
  const result = verify(before, after, { now: new Date(world.now), ...(failing?.message ? { error: failing.message } : {}) });
  const out: VerifyLabResult = { id: v.id, verdict: result.verdict, nextStep: result.nextStep, healed: false, problem: null };
  if (result.verdict !== v.verdict || result.nextStep !== v.nextStep) {
    out.problem = `verify said ${result.verdict} / ${result.nextStep ?? '—'}, expected ${v.verdict} / ${v.nextStep}`;
    return out;
  }
  if (result.next) carryOutStep(world, s, result.next);
  out.healed = health(world, s, world.tryApps()).healed;
  if (!out.healed) out.problem = `not healed after ${v.nextStep}`;
  return out;
}

export function checkVerifyScenarios(): VerifyLabResult[] {
  return VERIFY_SCENARIOS.map(runVerifyScenario);
}
