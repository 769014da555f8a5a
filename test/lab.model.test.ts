import { describe, expect, it } from 'vitest';
import { appTokenRequest, checkDevice, prtError } from '../src/lab/identity.js';
import type { DeviceObject, Tenant } from '../src/lab/model.js';
import { buildHealthyWorld, matrixScenarios, type Scenario } from '../src/lab/scenarios.js';
import { HOUR } from '../src/lab/time.js';
import type { LabWorld } from '../src/lab/world.js';

const base = matrixScenarios()[0] as Scenario;
const scenario = (over: Partial<Scenario>): Scenario => ({ ...base, ...over, id: `model-${JSON.stringify(over)}`, story: false });
const healthy = (over: Partial<Scenario>) => buildHealthyWorld(scenario(over));

function tenantWith(devices: Partial<DeviceObject>[], ca: Tenant['conditionalAccess'] = []): Tenant {
  return {
    id: 't',
    name: 'Fabrikam',
    domain: 'fabrikam.example',
    users: [],
    policies: { autoHybridRegistration: true, blockAadWorkplaceJoin: false },
    conditionalAccess: ca,
    mdmAutoEnrollment: false,
    keepsDeletedDevices: false,
    deletedItems: [],
    devices: devices.map((d) => ({
      objectId: 'o',
      deviceId: 'd',
      displayName: 'PC',
      trustType: 'AzureAd',
      enabled: true,
      pending: false,
      source: 'cloud',
      computer: null,
      ownerUpn: null,
      managed: false,
      compliant: false,
      revokedAt: null,
      ...d,
    })),
  };
}

describe('identity service', () => {
  it.each([
    ['missing', [], 'AADSTS700003'],
    ['disabled', [{ enabled: false }], 'AADSTS135011'],
    ['pending (re-created by sync, no keys)', [{ pending: true, trustType: 'ServerAd' as const }], 'AADSTS700003'],
    ['present', [{}], null],
  ])('PRT request for a %s device → %s', (_label, devices, code) => {
    expect(prtError(checkDevice(tenantWith(devices), 'd'))).toBe(code);
  });

  it.each([
    [
      'compliant required, device not compliant',
      [{ compliant: false }],
      [{ name: 'p', apps: ['outlook' as const], anyOf: ['compliant' as const] }],
      'AADSTS53000',
    ],
    ['hybrid required, Entra joined device', [{}], [{ name: 'p', apps: ['outlook' as const], anyOf: ['hybrid' as const] }], 'AADSTS53001'],
    ['hybrid required, hybrid device', [{ trustType: 'ServerAd' as const }], [{ name: 'p', apps: ['outlook' as const], anyOf: ['hybrid' as const] }], null],
    [
      'compliant or hybrid, compliant device',
      [{ compliant: true }],
      [{ name: 'p', apps: ['outlook' as const], anyOf: ['hybrid' as const, 'compliant' as const] }],
      null,
    ],
    ['policy on another app', [{}], [{ name: 'p', apps: ['teams' as const], anyOf: ['compliant' as const] }], null],
  ])('app token request (%s) → %s', (_label, devices, ca, code) => {
    expect(appTokenRequest(tenantWith(devices, ca), 'outlook', 'd').code).toBe(code);
  });

  it('with no device presented, a device requirement fails and nothing else does', () => {
    const ca = [{ name: 'p', apps: ['teams' as const], anyOf: ['hybrid' as const] }];
    expect(appTokenRequest(tenantWith([], ca), 'teams', null)).toEqual({ code: 'AADSTS53001', sso: false });
    expect(appTokenRequest(tenantWith([], ca), 'edge', null)).toEqual({ code: null, sso: false });
  });
});

describe('events on the simulated PC', () => {
  it('deleting an Entra joined device: PRT acquisition fails with 700003 and every app shows it', () => {
    const w = healthy({ join: 'joined', mdm: 'none' });
    const id = w.currentRegistrationId() as string;
    w.deleteObject(id, 'admin');
    w.signOut();
    w.signIn();
    expect(w.hasPrt()).toBe(false);
    expect(w.user.prtFailure).toMatchObject({ kind: 'acquire', code: 'AADSTS700003', attemptStatus: '0xc000023c' });
    expect(w.tryApps().map((a) => a.code)).toEqual(['AADSTS700003', 'AADSTS700003', 'AADSTS700003']);
    expect(w.deviceAuthStatus()).toBe('FAILED. Device is either disabled or deleted');
  });

  it('disabling revokes the PRT: after enabling, apps work only after a fresh PRT', () => {
    const w = healthy({ join: 'joined', mdm: 'none' });
    const id = w.currentRegistrationId() as string;
    w.disableObject(id, 'cleanup');
    w.advance(5 * HOUR);
    w.lock();
    w.unlock();
    expect(w.user.prtFailure).toMatchObject({ kind: 'refresh', code: 'AADSTS135011' });
    expect(w.hasPrt()).toBe(true); // the cached PRT still shows as YES
    w.enableObject(id, 'admin');
    expect(w.tryApps().every((a) => a.ok && !a.sso)).toBe(true);
    w.refreshPrt();
    expect(w.prtValid()).toBe(true);
    expect(w.tryApps().every((a) => a.ok && a.sso)).toBe(true);
  });

  it('dsregcmd /forcerecovery fails without elevation and is blocked by an MDM enrolment until retired', () => {
    const w = healthy({ join: 'joined', mdm: 'unknown' });
    const before = w.currentRegistrationId();
    expect(w.forceRecovery(false)).toEqual({ ok: false, reason: 'needs-elevation' });
    expect(w.forceRecovery(true)).toEqual({ ok: false, reason: 'mdm' });
    expect(w.currentRegistrationId()).toBe(before);
    expect(w.retireInMdm('admin')).toEqual({ ok: true });
    expect(w.forceRecovery(true)).toEqual({ ok: true });
    expect(w.currentRegistrationId()).not.toBe(before);
    // the new registration enrolled again (automatic enrolment) and is compliant
    expect(w.device.mdmEnrollment?.deviceId).toBe(w.currentRegistrationId());
  });

  it('Settings Disconnect is refused while the MDM enrolment made with the work account is there', () => {
    const w = healthy({ join: 'registered', mdm: 'unknown', policy: 'on' });
    expect(w.disconnectWorkAccount()).toEqual({ ok: false, reason: 'mdm' });
    w.retireInMdm('admin');
    expect(w.disconnectWorkAccount()).toEqual({ ok: true });
    expect(w.connectWorkAccount({ enrollMdm: true })).toEqual({ ok: true });
    expect(w.tryApps().every((a) => a.ok && a.sso)).toBe(true);
  });

  it('BlockAADWorkplaceJoin refuses Connect on a domain-joined PC', () => {
    const w = healthy({ join: 'hybrid', mdm: 'none', policy: 'on' });
    w.tenant.policies.blockAadWorkplaceJoin = true;
    expect(w.connectWorkAccount({ enrollMdm: false })).toEqual({ ok: false, reason: 'policy-block' });
  });

  it('a hybrid object deleted in Entra ID comes back Pending at the next sync, which does not heal the PC', () => {
    const w = healthy({ join: 'hybrid', mdm: 'none', policy: 'on' });
    const id = w.currentRegistrationId() as string;
    w.deleteObject(id, 'admin');
    w.waitForNextSync();
    expect(checkDevice(w.tenant, id)).toBe('pending');
    w.signOut();
    w.signIn();
    expect(w.user.prtFailure?.code).toBe('AADSTS700003');
  });

  it('dsregcmd /leave, restart and sign-in re-register a hybrid PC after the next sync (policy on, in scope)', () => {
    const w = healthy({ join: 'hybrid', mdm: 'none', policy: 'on' });
    const old = w.currentRegistrationId();
    w.deleteObject(old as string, 'admin');
    expect(w.leave(false)).toEqual({ ok: false, reason: 'needs-elevation' });
    expect(w.leave(true)).toEqual({ ok: true });
    w.reboot();
    w.signIn();
    expect(w.device.join).toBeNull();
    expect(w.device.lastHybridAttempt).not.toBeNull(); // 0x801c03f2 until Entra Connect syncs
    w.waitForNextSync();
    w.signOut();
    w.signIn();
    expect(w.device.join?.kind).toBe('hybrid');
    expect(w.currentRegistrationId()).not.toBe(old);
    expect(w.prtValid()).toBe(true);
  });

  it.each([
    ['automatic registration disabled by policy', (w: LabWorld) => w.setAutoRegistration(false, 'admin')],
    ['OU out of the sync scope', (w: LabWorld) => void w.setOuInScope(false, 'admin')],
  ])('a hybrid PC does not come back after /leave when %s', (_label, change) => {
    const w = healthy({ join: 'hybrid', mdm: 'none', policy: 'on' });
    change(w);
    w.leave(true);
    w.reboot();
    w.signIn();
    w.waitForNextSync();
    w.signOut();
    w.signIn();
    expect(w.device.join).toBeNull();
  });

  it('a leftover AAD\\Storage key keeps presenting the old device after re-registration, until deleted', () => {
    const w = healthy({ join: 'registered', mdm: 'none', policy: 'on' });
    w.leaveStorageKeyBehind();
    const old = w.currentRegistrationId() as string;
    w.deleteObject(old, 'cleanup');
    w.disconnectWorkAccount();
    w.connectWorkAccount({ enrollMdm: false });
    expect(w.presentedDeviceId()).toBe(old);
    expect(w.tryApps().every((a) => a.code === 'AADSTS700003')).toBe(true);
    w.disconnectWorkAccount();
    expect(w.deleteAadStorageKey()).toEqual({ ok: true });
    w.connectWorkAccount({ enrollMdm: false });
    expect(w.presentedDeviceId()).toBe(w.currentRegistrationId());
    expect(w.tryApps().every((a) => a.ok)).toBe(true);
  });

  it('dropping the OU from the sync scope deletes the hybrid object at the next cycle', () => {
    const w = healthy({ join: 'hybrid', mdm: 'none', policy: 'on' });
    const id = w.currentRegistrationId() as string;
    w.setOuInScope(false, 'admin');
    expect(checkDevice(w.tenant, id)).toBe('ok');
    w.waitForNextSync();
    expect(checkDevice(w.tenant, id)).toBe('missing');
  });

  it('disabling the computer on-premises disables the hybrid object through sync; Entra Connect re-enables it', () => {
    const w = healthy({ join: 'hybrid', mdm: 'none', policy: 'on' });
    const id = w.currentRegistrationId() as string;
    w.setComputerEnabled(false, 'cleanup');
    w.waitForNextSync();
    expect(checkDevice(w.tenant, id)).toBe('disabled');
    w.setComputerEnabled(true, 'admin');
    w.runSyncCycle('delta');
    expect(checkDevice(w.tenant, id)).toBe('ok');
  });

  it('the same seed gives the same tenant, PC and IDs', () => {
    const a = healthy({ join: 'hybrid', mdm: 'known' });
    const b = healthy({ join: 'hybrid', mdm: 'known' });
    expect(a.tenant).toEqual(b.tenant);
    expect(a.device).toEqual(b.device);
    expect(a.log).toEqual(b.log);
  });
});
