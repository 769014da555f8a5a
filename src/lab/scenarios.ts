import type { StepId } from '../plan/step-ids.js';
import { ERAS, JOIN_STATES, type JoinState, LOSSES, type Loss, type WindowsEra } from './model.js';
import { seedFrom } from './random.js';
import { DAY, HOUR, MINUTE } from './time.js';
import { type LabKey, LabWorld } from './world.js';

/** Does the admin know the PC is in Intune (from the Intune console or a collection bundle)? */
export type MdmKnowledge = 'none' | 'known' | 'unknown';
/** Automatic hybrid registration: on, off (the helpdesk does not know), off and known to be. */
export type PolicyState = 'on' | 'off' | 'off-known';

export interface Scenario {
  id: string;
  /** One of the named scenarios that tell the article's paths (with a title and intro text). */
  story: boolean;
  join: JoinState;
  era: WindowsEra;
  mdm: MdmKnowledge;
  policy: PolicyState;
  /** The user's AAD\Storage key is a leftover from an earlier registration. */
  leftoverKey: boolean;
  loss: Loss;
  /** How the user meets the failure: a fresh sign-in (PRT acquisition) or an unlock (renewal). */
  morning: 'sign-in' | 'unlock';
  /** Who lost the object: an admin by hand or a stale-device cleanup job. */
  lostBy: 'admin' | 'cleanup';
  /** The user runs `dsregcmd /forcerecovery` in a normal prompt first (the article's screenshot). */
  userTriesForceRecovery: boolean;
  windowsHello: boolean;
  /** The helpdesk has the error the user saw (the code on the error page) and passes it to diagnose. */
  helpdeskHasError: boolean;
  /** `weekend`: lost on Friday evening; `morning`: lost shortly after the user's PRT was renewed. */
  lossTiming: 'weekend' | 'morning';
  /**
   * The tenant keeps deleted devices (device soft delete, preview), and the helpdesk gets to the
   * ticket within the 30 days or after them. Absent: a tenant whose deletions are permanent.
   */
  deletedItems?: 'within-30-days' | 'after-30-days';
  /**
   * Which registration the loss hits: the device's own (absent) or the user's work account (a
   * stale Entra registration next to the join, or a partner tenant's), which some apps sign in with.
   */
  failing?: 'work-account';
  /** The user also holds a work account of a partner tenant (on an Entra joined PC). */
  partnerAccount?: boolean;
  /** The first output the helpdesk gets was taken as SYSTEM (a remote tool or an Intune script). */
  outputAs?: 'system';
  /** The helpdesk has the error page's Troubleshooting details (its Device identifier) from the start. */
  errorDetails?: boolean;
  /** This PC stays healthy: the 700003 error page the helpdesk is shown came from another device. */
  otherDevice?: boolean;
  /** The plan step that must heal this scenario (restore first: the restore, with no device-side step). */
  expectHealedAfter?: StepId;
}

export const MDM_KNOWLEDGE: readonly MdmKnowledge[] = ['none', 'known', 'unknown'];
export const POLICY_STATES: readonly PolicyState[] = ['on', 'off', 'off-known'];

export function isHybridLike(join: JoinState): boolean {
  return join === 'hybrid' || join === 'dual-hybrid';
}

/** Entra Connect only syncs hybrid devices: a sync-scope loss needs one. */
export function validCombo(join: JoinState, loss: Loss): boolean {
  return loss !== 'unscoped' || isHybridLike(join);
}

type StorySpec = Pick<Scenario, 'id' | 'join' | 'era' | 'loss'> & Partial<Omit<Scenario, 'id' | 'join' | 'era' | 'loss' | 'story'>>;

/** The article's five paths, the policy-disabled hybrid re-registration, and the neighbours. */
const STORY_SPECS: StorySpec[] = [
  { id: 'article-registered', join: 'registered', era: 'w11', loss: 'deleted', lostBy: 'cleanup' },
  { id: 'article-joined', join: 'joined', era: 'w11', loss: 'deleted', userTriesForceRecovery: true },
  { id: 'article-hybrid', join: 'hybrid', era: '21h2', loss: 'deleted', lostBy: 'admin' },
  { id: 'article-still-failing', join: 'hybrid', era: 'w11', loss: 'deleted', leftoverKey: true, lostBy: 'cleanup' },
  { id: 'article-mdm-retire', join: 'registered', era: 'w11', loss: 'deleted', mdm: 'unknown' },
  { id: 'policy-disabled-hybrid', join: 'hybrid', era: 'w11', loss: 'deleted', policy: 'off' },
  { id: 'disabled-not-deleted', join: 'joined', era: 'w11', loss: 'disabled', morning: 'unlock' },
  { id: 'hybrid-out-of-sync-scope', join: 'hybrid', era: '21h2', loss: 'unscoped' },
  { id: 'dual-state-hybrid', join: 'dual-hybrid', era: '1809', loss: 'deleted', mdm: 'known' },
  { id: 'old-windows-1607', join: 'hybrid', era: '1607', loss: 'deleted', morning: 'unlock' },
  // the status alone cannot tell disabled from deleted: only DeviceAuthStatus says "disabled or deleted"
  { id: 'disabled-ambiguous-status', join: 'joined', era: 'w11', loss: 'disabled', morning: 'unlock', lossTiming: 'morning', helpdeskHasError: false },
];

// --- restore first (#18): the deleted items container ------------------------------------------
const RESTORE_SPECS: StorySpec[] = [
  {
    id: 'restore-joined-within-30-days',
    join: 'joined',
    era: 'w11',
    loss: 'deleted',
    deletedItems: 'within-30-days',
    expectHealedAfter: 'restore-device-object',
  },
  {
    id: 'restore-registered-within-30-days',
    join: 'registered',
    era: 'w11',
    loss: 'deleted',
    lostBy: 'cleanup',
    deletedItems: 'within-30-days',
    expectHealedAfter: 'restore-device-object',
  },
  { id: 'restore-joined-after-30-days', join: 'joined', era: 'w11', loss: 'deleted', deletedItems: 'after-30-days', expectHealedAfter: 'forcerecovery' },
  {
    id: 'restore-registered-after-30-days',
    join: 'registered',
    era: '21h2',
    loss: 'deleted',
    deletedItems: 'after-30-days',
    expectHealedAfter: 'reconnect-work-account',
  },
  // hybrid joined objects are hard-deleted even where the tenant keeps deleted devices
  { id: 'restore-hybrid-hard-deleted', join: 'hybrid', era: 'w11', loss: 'deleted', deletedItems: 'within-30-days', expectHealedAfter: 'leave-and-reboot' },
  // a disabled device is enabled, never restored
  { id: 'restore-not-for-disabled', join: 'joined', era: 'w11', loss: 'disabled', deletedItems: 'within-30-days', expectHealedAfter: 'refresh-prt' },
];

// --- first, do no harm (#11): the registration that fails is not the one that looks broken -------
const NO_HARM_SPECS: StorySpec[] = [
  // hybrid joined and healthy; the Entra registration left from before the hybrid join is deleted
  {
    id: 'stale-registration-hybrid',
    join: 'dual-hybrid',
    era: 'w11',
    loss: 'deleted',
    lostBy: 'cleanup',
    failing: 'work-account',
    errorDetails: true,
    expectHealedAfter: 'disconnect-work-account',
  },
  // the same, with only the error text: the tenant it names is the join's, so more evidence first
  {
    id: 'stale-registration-needs-device-id',
    join: 'dual-hybrid',
    era: '21h2',
    loss: 'deleted',
    lostBy: 'cleanup',
    failing: 'work-account',
    expectHealedAfter: 'disconnect-work-account',
  },
  // Entra joined to tenant A, a work account of partner tenant B; B deleted its device object
  {
    id: 'partner-tenant-work-account',
    join: 'joined',
    era: 'w11',
    loss: 'deleted',
    lostBy: 'admin',
    failing: 'work-account',
    partnerAccount: true,
    expectHealedAfter: 'reconnect-work-account',
  },
  // the stale registration fails, and the first output was taken as SYSTEM (it shows no user)
  {
    id: 'output-taken-as-system',
    join: 'dual-hybrid',
    era: 'w11',
    loss: 'deleted',
    lostBy: 'cleanup',
    failing: 'work-account',
    outputAs: 'system',
    expectHealedAfter: 'disconnect-work-account',
  },
  // this PC is healthy; the error page is from another device
  { id: 'healthy-while-other-device-fails', join: 'hybrid', era: 'w11', loss: 'deleted', otherDevice: true, expectHealedAfter: 'collect-error-details' },
];

/** Restore first: a scenario's tenant keeps deleted devices; for after-30-days, the ticket waits a month. */
export function setUpDeletedItems(world: LabWorld, s: Scenario): void {
  world.tenant.keepsDeletedDevices = s.deletedItems !== undefined;
}

export function waitForTicket(world: LabWorld, s: Scenario): void {
  if (s.deletedItems !== 'after-30-days') return;
  world.advance(31 * DAY);
  world.signOut();
  world.signIn();
  world.advance(3 * MINUTE);
}

export function storyScenarios(): Scenario[] {
  return [...STORY_SPECS, ...RESTORE_SPECS, ...NO_HARM_SPECS].map((s) => ({
    mdm: 'none',
    policy: 'on',
    leftoverKey: false,
    morning: 'sign-in',
    lostBy: 'admin',
    userTriesForceRecovery: false,
    windowsHello: false,
    helpdeskHasError: true,
    lossTiming: 'weekend',
    ...s,
    story: true,
  }));
}

/** Every combination of join state × era × MDM × policy × leftover key × loss that can happen. */
export function matrixScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const join of JOIN_STATES)
    for (const era of ERAS)
      for (const mdm of MDM_KNOWLEDGE)
        for (const policy of POLICY_STATES)
          for (const leftoverKey of [false, true])
            for (const loss of LOSSES) {
              if (!validCombo(join, loss)) continue;
              const id = `${join}.${era}.mdm-${mdm}.auto-${policy}.${leftoverKey ? 'key' : 'nokey'}.${loss}`;
              const h = seedFrom(id);
              out.push({
                id,
                story: false,
                join,
                era,
                mdm,
                policy,
                leftoverKey,
                loss,
                morning: h % 2 === 0 ? 'sign-in' : 'unlock',
                lostBy: (h >>> 1) % 2 === 0 ? 'admin' : 'cleanup',
                userTriesForceRecovery: false,
                windowsHello: (h >>> 2) % 3 === 0,
                helpdeskHasError: true,
                lossTiming: 'weekend',
              });
            }
  return out;
}

let cache: Scenario[] | undefined;
/** Story scenarios first, then the matrix. */
export function allScenarios(): Scenario[] {
  cache ??= [...storyScenarios(), ...matrixScenarios()];
  return cache;
}

export function findScenario(id: string): Scenario | undefined {
  return allScenarios().find((s) => s.id === id);
}

export function storyTitleKey(s: Scenario): LabKey {
  return `lab.scenario.${s.id}.title` as LabKey;
}

export function storyIntroKey(s: Scenario): LabKey {
  return `lab.scenario.${s.id}.intro` as LabKey;
}

// --- building the world --------------------------------------------------------------------------

/** Monday 2025-06-02 00:00 UTC (09:00 in Tokyo): setup is the Monday before. */
const MONDAY = Date.UTC(2025, 5, 2, 0, 0, 0);

/** The PC as it was while everything worked: registered the way the scenario says, user signed in. */
export function buildHealthyWorld(s: Scenario): LabWorld {
  const domainJoined = isHybridLike(s.join) || (s.join === 'registered' && s.policy !== 'on');
  const jitter = seedFrom(`${s.id}#time`) % 50;
  const world = new LabWorld({
    seed: s.id,
    era: s.era,
    domainJoined,
    mdm: s.mdm !== 'none',
    requireHybrid: isHybridLike(s.join),
    requireCompliant: s.mdm !== 'none',
    windowsHello: s.windowsHello,
    localWindowsAccount: s.join === 'registered' || s.join === 'dual-joined',
    start: MONDAY - 7 * DAY + jitter * MINUTE,
    ...(s.partnerAccount ? { partnerTenant: true } : {}),
  });
  // the user's Outlook signs in with the work account added in Access work or school
  if (s.failing === 'work-account') world.workAccountApps = ['outlook'];
  // a domain-joined PC only stays Entra registered when automatic registration is off
  if (s.join === 'registered' && domainJoined) world.setAutoRegistration(false, 'admin');
  switch (s.join) {
    case 'registered':
      world.signIn();
      world.connectWorkAccount({ enrollMdm: true });
      break;
    case 'joined':
      world.joinEntra(true, 'user');
      world.signIn();
      if (s.partnerAccount) world.connectPartnerAccount();
      break;
    case 'hybrid':
      world.signIn();
      world.waitForNextSync();
      world.signOut();
      world.signIn();
      break;
    case 'dual-hybrid':
      // the user added the work account before the hybrid join completed
      world.signIn();
      world.connectWorkAccount({ enrollMdm: false });
      world.waitForNextSync();
      world.signOut();
      world.signIn();
      break;
    case 'dual-joined':
      world.signIn();
      world.connectWorkAccount({ enrollMdm: false });
      world.joinEntra(true, 'user');
      world.signOut();
      world.signIn();
      break;
  }
  if (s.leftoverKey) world.leaveStorageKeyBehind();
  if (isHybridLike(s.join) && s.policy !== 'on') {
    world.advance(2 * HOUR);
    world.setAutoRegistration(false, 'admin');
  }
  // the user works through the week; on Friday afternoon the PRT is renewed at an unlock
  world.advance(MONDAY - 3 * DAY + 8 * HOUR - world.now);
  world.lock();
  world.unlock();
  return world;
}

/** Friday evening: the device object is deleted, disabled or dropped from the sync scope. */
export function breakDevice(world: LabWorld, s: Scenario): void {
  if (s.lossTiming === 'morning') {
    // the user came in early and unlocked (the PRT was renewed); the object is lost soon after
    world.advance(MONDAY - 50 * MINUTE - world.now);
    world.unlock();
    world.lock();
    world.advance(20 * MINUTE);
  } else world.advance(MONDAY - 3 * DAY + 9 * HOUR + (seedFrom(`${s.id}#loss`) % 40) * MINUTE - world.now);
  const actor = s.lostBy;
  const wpj = world.user.wpj;
  if (s.otherDevice) return;
  if (s.failing === 'work-account' && wpj) {
    world.deleteObject(wpj.deviceId, actor, world.tenantOf(wpj));
    return;
  }
  const target = world.currentRegistrationId();
  switch (s.loss) {
    case 'deleted':
      if (target) world.deleteObject(target, actor);
      break;
    case 'disabled':
      // hybrid devices are disabled the supported way: the computer account on-premises
      if (isHybridLike(s.join)) world.setComputerEnabled(false, actor);
      else if (target) world.disableObject(target, actor);
      break;
    case 'unscoped':
      world.setOuInScope(false, 'admin');
      break;
  }
}

/** Monday morning: the user signs in (or unlocks) and opens the apps. */
export function mondayMorning(world: LabWorld, s: Scenario): void {
  if (s.morning === 'sign-in') {
    world.signOut();
    world.advance(MONDAY + 10 * MINUTE + (seedFrom(`${s.id}#monday`) % 20) * MINUTE - world.now);
    world.signIn();
  } else {
    world.lock();
    world.advance(MONDAY + 10 * MINUTE + (seedFrom(`${s.id}#monday`) % 20) * MINUTE - world.now);
    world.unlock();
  }
  world.advance(3 * MINUTE);
}
