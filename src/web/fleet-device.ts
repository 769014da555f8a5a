import type { FleetAggregator } from '../fleet/aggregate.js';
import type { FleetSource } from '../fleet/fleet.js';
import { readInput } from '../fleet/read-input.js';
import type { AuditEvent, InventoryDevice, SignInEvent, SkipReason } from '../fleet/records.js';

/**
 * A device's own rows for the drill-down: the fleet report keeps per-device totals only (its
 * memory grows with devices, not rows), so the sign-ins and audit events of one device are read
 * again from the held inputs, with the fleet reader itself (same formats, same detection, same
 * mapping), through a collector that keeps only that device's rows.
 */

export interface DeviceSignIn {
  time: string;
  /** 0 success, -1 failure without a code, else the AADSTS number. */
  code: number;
  /** `AADSTS…` for a failure with a code, null otherwise. */
  errorCode: string | null;
  /** The export decodes these for failures only (successes carry the time). */
  user: string;
  app: string;
  os: string;
  trust: string;
  deviceName: string;
  file: string;
}

export interface DeviceAudit {
  time: string;
  action: AuditEvent['action'];
  actor: string;
  actorType: AuditEvent['actorType'];
  objectId: string;
  deviceId: string;
  displayName: string;
  /** How the event names this device. */
  match: 'deviceId' | 'objectId' | 'name';
  file: string;
}

export interface DeviceEvents {
  signIns: DeviceSignIn[];
  signInTotal: number;
  signInFailures: number;
  signInSuccesses: number;
  /** More sign-ins than `signIns` holds (the most recent are kept). */
  truncated: boolean;
  audit: DeviceAudit[];
  /** Inputs that could not be read again (should not happen: they were read once). */
  unreadable: string[];
}

/** Which device to collect: its ids and name as the report shows them. */
export interface DeviceKey {
  deviceId: string;
  objectId: string | null;
  displayName: string | null;
}

/** The most recent sign-ins shown for one device. */
export const MAX_DEVICE_SIGNINS = 500;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const NO_PROGRESS = { add: () => {} };

/** One device's rows while reading. */
class Bucket {
  readonly signIns: DeviceSignIn[] = [];
  total = 0;
  failures = 0;
  successes = 0;
  truncated = false;
  readonly audit: DeviceAudit[] = [];
  constructor(readonly key: DeviceKey) {}

  trim(): number {
    const before = this.signIns.length;
    this.signIns.sort(newestFirst);
    if (this.signIns.length > MAX_DEVICE_SIGNINS) {
      this.signIns.length = MAX_DEVICE_SIGNINS;
      this.truncated = true;
    }
    return before - this.signIns.length;
  }

  result(unreadable: string[]): DeviceEvents {
    this.trim();
    this.audit.sort(newestFirst);
    return {
      signIns: this.signIns,
      signInTotal: this.total,
      signInFailures: this.failures,
      signInSuccesses: this.successes,
      truncated: this.truncated,
      audit: this.audit,
      unreadable,
    };
  }
}

const newestFirst = (a: { time: string }, b: { time: string }) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0);

/** The aggregator methods the reader calls, implemented to keep the rows of the wanted devices. */
class DeviceCollector
  implements Pick<FleetAggregator, 'addSignIn' | 'addDevice' | 'addAudit' | 'addBitlocker' | 'inventoryGiven' | 'auditGiven' | 'bitlockerGiven'>
{
  inventoryGiven = false;
  auditGiven = false;
  bitlockerGiven = false;
  file = '';
  /** Rows held over all devices; past `limit` the collection is given up (`overflow`). */
  held = 0;
  overflow = false;
  readonly byDeviceId = new Map<string, Bucket>();
  private readonly byObjectId = new Map<string, Bucket>();
  private readonly byName = new Map<string, Bucket[]>();

  constructor(
    keys: readonly DeviceKey[],
    private readonly limit: number,
  ) {
    for (const key of keys) {
      if (this.byDeviceId.has(key.deviceId)) continue;
      const b = new Bucket(key);
      this.byDeviceId.set(key.deviceId, b);
      if (key.objectId) this.byObjectId.set(key.objectId, b);
      const name = (key.displayName ?? '').trim().toLowerCase();
      if (name !== '') this.byName.set(name, [...(this.byName.get(name) ?? []), b]);
    }
  }

  addSignIn(e: SignInEvent): SkipReason | null {
    const b = this.byDeviceId.get(e.deviceId);
    if (!b || this.overflow) return null;
    b.total++;
    if (e.code === 0) b.successes++;
    else b.failures++;
    // the mapper reuses its object: copy
    b.signIns.push({
      time: iso(e.time),
      code: e.code,
      errorCode: e.code > 0 ? `AADSTS${e.code}` : null,
      user: e.user,
      app: e.app,
      os: e.os,
      trust: e.trust,
      deviceName: e.deviceName,
      file: this.file,
    });
    this.held++;
    if (b.signIns.length >= MAX_DEVICE_SIGNINS * 2) this.held -= b.trim();
    if (this.held > this.limit) this.overflow = true;
    return null;
  }

  addDevice(_d: InventoryDevice): SkipReason | null {
    return null;
  }

  addAudit(e: AuditEvent): SkipReason | null {
    if (this.overflow) return null;
    const hits = new Map<Bucket, DeviceAudit['match']>();
    const direct = e.deviceId !== '' ? this.byDeviceId.get(e.deviceId) : undefined;
    if (direct) hits.set(direct, 'deviceId');
    const viaObject = e.objectId !== '' ? this.byObjectId.get(e.objectId) : undefined;
    if (viaObject && !hits.has(viaObject)) hits.set(viaObject, 'objectId');
    for (const b of this.byName.get(e.displayName.trim().toLowerCase()) ?? []) if (!hits.has(b)) hits.set(b, 'name');
    for (const [b, match] of hits) {
      b.audit.push({
        time: iso(e.time),
        action: e.action,
        actor: e.actor,
        actorType: e.actorType,
        objectId: e.objectId,
        deviceId: e.deviceId,
        displayName: e.displayName,
        match,
        file: this.file,
      });
      this.held++;
    }
    return null;
  }

  addBitlocker(_deviceId: string): SkipReason | null {
    return null;
  }
}

/**
 * Read the sign-ins and device audit events of the given devices from the held inputs, most
 * recent first: one pass for all of them. Null when they hold more than `limit` rows together
 * (then ask device by device). `skip` names inputs known not to hold any (device lists).
 */
export async function collectDeviceEvents(
  sources: readonly FleetSource[],
  keys: readonly DeviceKey[],
  skip: (index: number) => boolean = () => false,
  limit: number = Number.POSITIVE_INFINITY,
): Promise<Map<string, DeviceEvents> | null> {
  const collector = new DeviceCollector(keys, limit);
  const unreadable: string[] = [];
  for (const [i, source] of sources.entries()) {
    if (skip(i)) continue;
    collector.file = source.name;
    const report = await readInput({ source }, collector as unknown as FleetAggregator, NO_PROGRESS);
    if (report.error === 'unreadable') unreadable.push(source.name);
    if (collector.overflow) return null;
  }
  return new Map([...collector.byDeviceId].map(([id, b]) => [id, b.result(unreadable)]));
}

/** One device's rows (see {@link collectDeviceEvents}). */
export async function deviceEvents(sources: readonly FleetSource[], key: DeviceKey, skip?: (index: number) => boolean): Promise<DeviceEvents> {
  const all = await collectDeviceEvents(sources, [key], skip);
  const events = all?.get(key.deviceId);
  if (!events) throw new Error('collectDeviceEvents lost the device');
  return events;
}
