import type { ActionResult } from './model.js';
import { HOUR, MINUTE } from './time.js';
import type { LabWorld } from './world.js';

/**
 * Every event the lab knows, as data: admin and cleanup actions, sync-scope changes, the user's
 * sign-ins, and each action of the article. Random sequences of these drive the property tests;
 * the scenarios use the same world methods.
 */
export const ACTION_KINDS = [
  'delete-object',
  'disable-object',
  'enable-object',
  'disable-computer',
  'enable-computer',
  'drop-ou-from-scope',
  'add-ou-to-scope',
  'sync-cycle',
  'wait',
  'sign-in',
  'sign-out',
  'lock-unlock',
  'reboot',
  'refresh-prt',
  'open-apps',
  'settings-disconnect',
  'settings-connect',
  'forcerecovery-unelevated',
  'forcerecovery',
  'leave-unelevated',
  'leave',
  'join-entra',
  'delete-aad-storage-key',
  'retire-in-mdm',
  'auto-registration-off',
  'auto-registration-on',
] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];

export interface LabAction {
  kind: ActionKind;
  /** For `wait`: minutes; for object actions: which registration (0 = the join, 1 = the work account). */
  arg: number;
}

/** Apply one action to the world. Never throws: an action that does not apply is refused. */
export function applyAction(world: LabWorld, action: LabAction): ActionResult {
  const target = () =>
    action.arg % 2 === 0 ? (world.device.join?.deviceId ?? world.user.wpj?.deviceId) : (world.user.wpj?.deviceId ?? world.device.join?.deviceId);
  const ok: ActionResult = { ok: true };
  switch (action.kind) {
    case 'delete-object': {
      const id = target();
      return id ? world.deleteObject(id, 'admin') : { ok: false, reason: 'no-object' };
    }
    case 'disable-object': {
      const id = target();
      return id ? world.disableObject(id, 'cleanup') : { ok: false, reason: 'no-object' };
    }
    case 'enable-object': {
      const id = target();
      return id ? world.enableObject(id, 'admin') : { ok: false, reason: 'no-object' };
    }
    case 'disable-computer':
      return world.setComputerEnabled(false, 'cleanup');
    case 'enable-computer':
      return world.setComputerEnabled(true, 'admin');
    case 'drop-ou-from-scope':
      return world.setOuInScope(false, 'admin');
    case 'add-ou-to-scope':
      return world.setOuInScope(true, 'admin');
    case 'sync-cycle':
      world.runSyncCycle('delta');
      return ok;
    case 'wait':
      world.advance(Math.min(action.arg, 72 * 60) * MINUTE);
      return ok;
    case 'sign-in':
      world.signIn();
      return ok;
    case 'sign-out':
      world.signOut();
      return ok;
    case 'lock-unlock':
      world.lock();
      world.advance((action.arg % 8) * HOUR);
      world.unlock();
      return ok;
    case 'reboot':
      world.reboot();
      world.signIn();
      return ok;
    case 'refresh-prt':
      world.refreshPrt();
      return ok;
    case 'open-apps':
      world.tryApps();
      return ok;
    case 'settings-disconnect':
      return world.disconnectWorkAccount();
    case 'settings-connect':
      return world.connectWorkAccount({ enrollMdm: action.arg % 2 === 0 });
    case 'forcerecovery-unelevated':
      return world.forceRecovery(false);
    case 'forcerecovery':
      return world.forceRecovery(true);
    case 'leave-unelevated':
      return world.leave(false);
    case 'leave':
      return world.leave(true);
    case 'join-entra':
      return world.joinEntra(true, 'helpdesk');
    case 'delete-aad-storage-key':
      return world.deleteAadStorageKey();
    case 'retire-in-mdm':
      return world.retireInMdm('admin');
    case 'auto-registration-off':
      world.setAutoRegistration(false, 'admin');
      return ok;
    case 'auto-registration-on':
      world.setAutoRegistration(true, 'admin');
      return ok;
  }
}
