import type { JoinType } from '../model/status.js';
import type { RowView } from './csv.js';
import {
  AUDIT_FIELDS,
  arrayOf,
  BITLOCKER_FIELDS,
  columnIndex,
  DEVICE_FIELDS,
  INTUNE_FIELDS,
  type InputFormat,
  objectOf,
  prop,
  SIGNIN_FIELDS,
} from './schema.js';
import { deviceKey, GUID_ANYWHERE, joinTypeFromTrust, normKey, parseBool, parseErrorCode, parseTime } from './values.js';

/**
 * Rows and records → the few facts the analysis needs. One mapper per kind, each for CSV rows
 * (by column index) and JSON records (by property, case-insensitive). A mapper returns the
 * fact or the reason the row is not used; it never throws.
 */

/** Why a row was not used. Stable ids: they are JSON keys of `rows.skippedByReason`. */
export type SkipReason =
  | 'malformed-csv'
  | 'wrong-column-count'
  | 'invalid-json'
  | 'truncated-json'
  | 'not-an-object'
  | 'unrecognized-record'
  | 'missing-time'
  | 'missing-result'
  | 'no-device-id'
  | 'missing-device-id'
  | 'not-device-activity'
  | 'other-device-activity'
  | 'failed-operation'
  | 'no-id'
  | 'not-dsregcmd-status'
  | 'status-without-device-id'
  | 'unreadable-status'
  | 'ambiguous-date';

export const SKIP_REASONS: readonly SkipReason[] = [
  'malformed-csv',
  'wrong-column-count',
  'invalid-json',
  'truncated-json',
  'not-an-object',
  'unrecognized-record',
  'missing-time',
  'missing-result',
  'no-device-id',
  'missing-device-id',
  'not-device-activity',
  'other-device-activity',
  'failed-operation',
  'no-id',
  'not-dsregcmd-status',
  'status-without-device-id',
  'unreadable-status',
  'ambiguous-date',
];

/** One sign-in, reduced. The mapper reuses the object: copy what you keep. */
export interface SignInEvent {
  time: number;
  /** The device id as GUID words, when `hasGuid` (CSV successes: no string is made). */
  guid: Uint32Array;
  hasGuid: boolean;
  /** 0 success, -1 unknown failure, else the AADSTS number. */
  code: number;
  deviceId: string;
  deviceName: string;
  os: string;
  trust: string;
  user: string;
  app: string;
}

/** A blank sign-in event, filled in place by each reader (one per reader, reused per row). */
export const newEvent = (): SignInEvent => ({
  time: 0,
  guid: new Uint32Array(4),
  hasGuid: false,
  code: 0,
  deviceId: '',
  deviceName: '',
  os: '',
  trust: '',
  user: '',
  app: '',
});

export interface RowMapper<T> {
  /** Columns the mapper reads: the tokenizer records fields up to this many. */
  limit: number;
  map(row: RowView): T | SkipReason;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

function limitOf(idx: Record<string, number>): number {
  let max = -1;
  for (const i of Object.values(idx)) if (i > max) max = i;
  return max + 1;
}

/** Portal "Status" text when the code column is empty. */
function codeFromStatusText(s: string): number {
  const t = s.trim().toLowerCase();
  if (t === 'success' || t === '成功') return 0;
  if (t === 'failure' || t === 'interrupted' || t === '失敗' || t === '中断') return -1;
  return -2;
}

// ---------------------------------------------------------------------------------------------
// sign-ins

/**
 * @param guidWords the consumer reads `guid`/`hasGuid` (FleetAggregator): successes then carry
 * their device id as GUID words only. Other consumers always get `deviceId` as text.
 */
export function signInCsvMapper(header: string[], guidWords = false): RowMapper<SignInEvent> {
  const idx = columnIndex(header, SIGNIN_FIELDS);
  const hasDetail = idx.deviceDetail >= 0 || idx.deviceDetail2 >= 0;
  const ev = newEvent();
  return {
    limit: limitOf(idx),
    map(row) {
      const time = row.time(idx.time);
      if (Number.isNaN(time)) return 'missing-time';
      let code = row.code(idx.code);
      if (code < 0) {
        // no code column value: the Status column (text in the portal's download, JSON in Log Analytics)
        const statusText = row.str(idx.status);
        const status = statusText.charCodeAt(0) === 0x7b ? objectOf(statusText) : undefined;
        code = status ? parseErrorCode(prop(status, 'errorCode')) : codeFromStatusText(statusText);
        if (code === -2) return 'missing-result';
      }
      ev.time = time;
      ev.code = code;
      // the rest is only kept for failures: do not decode it for the successes
      const failed = code !== 0;
      ev.hasGuid = guidWords && !failed && row.guid(idx.deviceId, ev.guid);
      ev.deviceId = ev.hasGuid ? '' : row.deviceId(idx.deviceId);
      ev.deviceName = failed ? row.str(idx.deviceName) : '';
      ev.os = failed ? row.str(idx.os) : '';
      ev.trust = failed ? row.str(idx.trust) : '';
      // Log Analytics: DeviceDetail is a JSON column (two, _dynamic and _string, in a union of both tables)
      const detailAt = !hasDetail ? -1 : !row.isEmpty(idx.deviceDetail) ? idx.deviceDetail : !row.isEmpty(idx.deviceDetail2) ? idx.deviceDetail2 : -1;
      if (detailAt >= 0 && ((ev.deviceId === '' && !ev.hasGuid) || failed)) {
        const detail = objectOf(row.str(detailAt));
        if (detail) {
          if (ev.deviceId === '') ev.deviceId = deviceKey(str(prop(detail, 'deviceId')));
          if (failed) {
            if (ev.deviceName === '') ev.deviceName = str(prop(detail, 'displayName'));
            if (ev.os === '') ev.os = str(prop(detail, 'operatingSystem'));
            if (ev.trust === '') ev.trust = str(prop(detail, 'trustType'));
          }
        }
      }
      ev.user = failed ? row.str(idx.user) || row.str(idx.userName) : '';
      ev.app = failed ? row.str(idx.app) : '';
      return ev;
    },
  };
}

export function signInJsonMapper(format: InputFormat): (record: Record<string, unknown>) => SignInEvent | SkipReason {
  const ev = newEvent();
  return (record) => {
    // Azure Monitor records carry the event in `properties`, with resultType at the top
    const p = format === 'azure-monitor-signins-json' ? (objectOf(prop(record, 'properties')) ?? record) : record;
    const time = parseTime(prop(p, 'createdDateTime') ?? prop(record, 'TimeGenerated') ?? prop(record, 'time') ?? prop(p, 'CreatedDateTime'));
    if (Number.isNaN(time)) return 'missing-time';
    const status = objectOf(prop(p, 'status'));
    let code = status ? parseErrorCode(prop(status, 'errorCode')) : -1;
    if (code < 0) code = parseErrorCode(prop(record, 'resultType') ?? prop(p, 'resultType'));
    if (code < 0) return 'missing-result';
    const detail = objectOf(prop(p, 'deviceDetail') ?? prop(p, 'DeviceDetail'));
    ev.time = time;
    ev.code = code;
    ev.hasGuid = false;
    ev.deviceId = deviceKey(str(prop(detail, 'deviceId')));
    ev.deviceName = str(prop(detail, 'displayName'));
    ev.os = str(prop(detail, 'operatingSystem'));
    ev.trust = str(prop(detail, 'trustType'));
    ev.user = str(prop(p, 'userPrincipalName')) || str(prop(p, 'userDisplayName'));
    ev.app = str(prop(p, 'appDisplayName'));
    return ev;
  };
}

// ---------------------------------------------------------------------------------------------
// device inventory

/** One device object of the inventory (kept column by column in InventoryStore). */
export interface InventoryDevice {
  deviceId: string;
  objectId: string;
  displayName: string;
  enabled: boolean | null;
  os: string;
  joinType: JoinType | null;
  /** approximateLastSignInDateTime, epoch ms; NaN when blank. */
  lastSignIn: number;
  /** registrationDateTime, epoch ms; NaN when blank ("Pending" for hybrid devices). */
  registered: number;
  managed: boolean | null;
  autopilot: boolean | null;
  bitlocker: boolean | null;
  /** The export shows the facts above at all (columns present), so false means "no", not "unknown". */
  shows: { managed: boolean; autopilot: boolean; bitlocker: boolean };
  /** A deleted-devices list: when the object was deleted (epoch ms); it is in the deleted items, not the directory. */
  deletedAt?: number;
}

const AUTOPILOT_TAG = /\[ZTDID\]/i;
const DOTNET_TYPE_NAME = /^System\.[\w.`[\]]+$/;

function autopilotFrom(physicalIds: unknown, enrollmentProfile: unknown, explicit: unknown): boolean | null {
  const e = parseBool(explicit);
  if (e !== null) return e;
  // PowerShell 5.1's Export-Csv writes a list as its type name: that says nothing
  if (typeof physicalIds === 'string' && DOTNET_TYPE_NAME.test(physicalIds.trim())) physicalIds = undefined;
  const ids = arrayOf(physicalIds) ?? (typeof physicalIds === 'string' && physicalIds !== '' ? [physicalIds] : undefined);
  if (ids?.some((x) => typeof x === 'string' && AUTOPILOT_TAG.test(x))) return true;
  if (typeof enrollmentProfile === 'string' && enrollmentProfile.trim() !== '') return true;
  if (ids !== undefined || enrollmentProfile !== undefined) return false;
  return null;
}

function bitlockerFrom(v: unknown): boolean | null {
  if (v === undefined || v === null || v === '') return null;
  const b = parseBool(v);
  if (b !== null) return b;
  if (typeof v === 'number') return v > 0;
  const n = Number(v);
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(n)) return n > 0;
  const arr = arrayOf(v);
  if (arr) return arr.length > 0;
  return null;
}

export function deviceCsvMapper(header: string[]): RowMapper<InventoryDevice> {
  const idx = columnIndex(header, DEVICE_FIELDS);
  const shows = {
    managed: idx.managed >= 0 || idx.mdm >= 0,
    autopilot: idx.physicalIds >= 0 || idx.enrollmentProfile >= 0 || idx.autopilot >= 0,
    bitlocker: idx.bitlocker >= 0,
  };
  return {
    limit: limitOf(idx),
    map(row) {
      const deviceId = row.deviceId(idx.deviceId);
      if (deviceId === '') return 'missing-device-id';
      const os = row.str(idx.os);
      const version = row.str(idx.osVersion);
      const managed = parseBool(row.str(idx.managed));
      const mdm = row.str(idx.mdm).trim();
      const device: InventoryDevice = {
        deviceId,
        objectId: row.deviceId(idx.objectId),
        displayName: row.str(idx.displayName),
        enabled: parseBool(row.str(idx.enabled)),
        os: version ? `${os} ${version}`.trim() : os,
        joinType: joinTypeFromTrust(row.str(idx.trust)),
        lastSignIn: row.time(idx.lastSignIn),
        registered: row.time(idx.registered),
        managed: managed ?? (idx.mdm >= 0 ? mdm !== '' && mdm.toLowerCase() !== 'unknown' && mdm.toLowerCase() !== 'none' : null),
        autopilot: autopilotFrom(
          idx.physicalIds >= 0 ? row.str(idx.physicalIds) : undefined,
          idx.enrollmentProfile >= 0 ? row.str(idx.enrollmentProfile) : undefined,
          idx.autopilot >= 0 ? row.str(idx.autopilot) : undefined,
        ),
        bitlocker: idx.bitlocker >= 0 ? bitlockerFrom(row.str(idx.bitlocker)) : null,
        shows,
      };
      // set apart, not spread into the literal: a spread makes every row's object the slow way
      if (idx.deleted >= 0 && !row.isEmpty(idx.deleted)) device.deletedAt = row.time(idx.deleted);
      return device;
    },
  };
}

const SHOWS = new Map<number, InventoryDevice['shows']>();
/** One shared object per combination: 200,000 devices need not carry 200,000 copies. */
function showsOf(managed: boolean, autopilot: boolean, bitlocker: boolean): InventoryDevice['shows'] {
  const key = (managed ? 1 : 0) | (autopilot ? 2 : 0) | (bitlocker ? 4 : 0);
  let hit = SHOWS.get(key);
  if (!hit) {
    hit = { managed, autopilot, bitlocker };
    SHOWS.set(key, hit);
  }
  return hit;
}

export function deviceJson(record: Record<string, unknown>): InventoryDevice | SkipReason {
  const deviceId = deviceKey(str(prop(record, 'deviceId')));
  if (deviceId === '') return 'missing-device-id';
  const os = str(prop(record, 'operatingSystem'));
  const version = str(prop(record, 'operatingSystemVersion'));
  const physicalIds = prop(record, 'physicalIds');
  const profile = prop(record, 'enrollmentProfileName');
  const managedRaw = prop(record, 'isManaged');
  let bitlockerRaw: unknown;
  for (const key of Object.keys(record)) if (normKey(key).includes('bitlocker')) bitlockerRaw = record[key];
  return {
    deviceId,
    objectId: deviceKey(str(prop(record, 'id'))),
    displayName: str(prop(record, 'displayName')),
    enabled: parseBool(prop(record, 'accountEnabled')),
    os: version ? `${os} ${version}`.trim() : os,
    joinType: joinTypeFromTrust(prop(record, 'trustType')),
    lastSignIn: parseTime(prop(record, 'approximateLastSignInDateTime')),
    registered: parseTime(prop(record, 'registrationDateTime')),
    managed: parseBool(managedRaw),
    autopilot: autopilotFrom(physicalIds, profile === null ? '' : profile, undefined),
    bitlocker: bitlockerFrom(bitlockerRaw),
    shows: showsOf(managedRaw !== undefined, physicalIds !== undefined || profile !== undefined, bitlockerRaw !== undefined),
    ...((prop(record, 'deletedDateTime') ?? null) !== null ? { deletedAt: parseTime(prop(record, 'deletedDateTime')) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Intune's device export (managed devices only: absence from it proves nothing)

export interface IntuneDevice {
  deviceId: string;
  displayName: string;
  os: string;
  joinType: JoinType | null;
}

export function intuneCsvMapper(header: string[]): RowMapper<IntuneDevice> {
  const idx = columnIndex(header, INTUNE_FIELDS);
  return {
    limit: limitOf(idx),
    map(row) {
      const deviceId = row.deviceId(idx.deviceId);
      if (deviceId === '') return 'missing-device-id';
      const os = row.str(idx.os);
      const version = row.str(idx.osVersion);
      return { deviceId, displayName: row.str(idx.displayName), os: version ? `${os} ${version}`.trim() : os, joinType: joinTypeFromTrust(row.str(idx.trust)) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// BitLocker recovery keys (Graph informationProtection/bitlocker/recoveryKeys: id, createdDateTime, volumeType, deviceId)

export function bitlockerCsvMapper(header: string[]): RowMapper<string> {
  const idx = columnIndex(header, BITLOCKER_FIELDS);
  return {
    limit: limitOf(idx),
    map(row) {
      const id = row.deviceId(idx.deviceId);
      return id === '' ? 'missing-device-id' : id;
    },
  };
}

export function bitlockerJson(record: Record<string, unknown>): string | SkipReason {
  const id = deviceKey(str(prop(record, 'deviceId')));
  return id === '' ? 'missing-device-id' : id;
}

// ---------------------------------------------------------------------------------------------
// audit log

export type AuditAction = 'delete' | 'disable';

export interface AuditEvent {
  action: AuditAction;
  time: number;
  actor: string;
  actorType: 'user' | 'app' | 'unknown';
  /** Directory object id of the device (Graph `id`, the CSV's Target1ObjectId). */
  objectId: string;
  /** Entra device id, when a modified property or detail names it. */
  deviceId: string;
  displayName: string;
  /** The deleted object's join type, from the event's `DeviceTrustType` detail ('' when none). */
  trust: string;
}

interface RawChange {
  name: string;
  oldValue: string;
  newValue: string;
}

/** `"[true]"`, `["false"]`, `true` → boolean. */
function changedBool(v: string): boolean | null {
  return parseBool(v.replace(/[[\]"\\]/g, '').trim());
}

function classify(activity: string, changes: RawChange[]): AuditAction | 'other-device' | 'not-device' {
  const a = activity.trim().toLowerCase();
  if (a === 'delete device' || a === 'hard delete device') return 'delete';
  if (a === 'disable device') return 'disable';
  if (a === 'update device') {
    const enabled = changes.find((c) => normKey(c.name) === 'accountenabled');
    if (enabled && changedBool(enabled.newValue) === false && changedBool(enabled.oldValue) !== false) return 'disable';
    return 'other-device';
  }
  return /device/.test(a) ? 'other-device' : 'not-device';
}

/** A GUID named as a device id among modified properties and additional details. */
function deviceIdIn(pairs: { name: string; value: string }[]): string {
  for (const p of pairs) {
    if (normKey(p.name) !== 'deviceid') continue;
    const m = GUID_ANYWHERE.exec(p.value);
    if (m) return deviceKey(m[0]);
  }
  return '';
}

/** A named value among modified properties and additional details ('' when none). */
function detailValue(pairs: { name: string; value: string }[], key: string): string {
  for (const p of pairs) if (normKey(p.name) === key) return p.value.replace(/[[\]"\\]/g, '').trim();
  return '';
}

function auditEvent(parts: {
  activity: string;
  result: string;
  time: number;
  targetType: string;
  changes: RawChange[];
  details: { name: string; value: string }[];
  actorUpn: string;
  actorApp: string;
  actorName: string;
  objectId: string;
  displayName: string;
}): AuditEvent | SkipReason {
  if (parts.targetType !== '' && parts.targetType.toLowerCase() !== 'device') return 'not-device-activity';
  const action = classify(parts.activity, parts.changes);
  if (action === 'not-device') return 'not-device-activity';
  if (action === 'other-device') return 'other-device-activity';
  const result = parts.result.trim().toLowerCase();
  if (result !== '' && result !== 'success' && result !== '成功') return 'failed-operation';
  if (Number.isNaN(parts.time)) return 'missing-time';
  const pairs = [...parts.changes.map((c) => ({ name: c.name, value: c.newValue || c.oldValue })), ...parts.details];
  const deviceId = deviceIdIn(pairs);
  const actor = parts.actorUpn || parts.actorApp || parts.actorName;
  return {
    action,
    time: parts.time,
    actor,
    actorType: parts.actorUpn ? 'user' : parts.actorApp ? 'app' : 'unknown',
    objectId: deviceKey(parts.objectId),
    deviceId,
    displayName: parts.displayName,
    trust: detailValue(pairs, 'devicetrusttype') || detailValue(pairs, 'trusttype'),
  };
}

export function auditCsvMapper(header: string[]): RowMapper<AuditEvent> {
  const idx = columnIndex(header, AUDIT_FIELDS);
  const keys = header.map(normKey);
  const changeCols: { name: number; oldValue: number; newValue: number }[] = [];
  const detailCols: { key: number; value: number }[] = [];
  for (let n = 1; n <= 50; n++) {
    const name = keys.indexOf(`target1modifiedproperty${n}name`);
    if (name < 0) break;
    changeCols.push({ name, oldValue: keys.indexOf(`target1modifiedproperty${n}oldvalue`), newValue: keys.indexOf(`target1modifiedproperty${n}newvalue`) });
  }
  for (let n = 1; n <= 50; n++) {
    const key = keys.indexOf(`additionaldetail${n}key`);
    if (key < 0) break;
    detailCols.push({ key, value: keys.indexOf(`additionaldetail${n}value`) });
  }
  let limit = limitOf(idx);
  for (const c of changeCols) limit = Math.max(limit, c.name + 1, c.oldValue + 1, c.newValue + 1);
  for (const c of detailCols) limit = Math.max(limit, c.key + 1, c.value + 1);
  return {
    limit,
    map(row) {
      let changes: RawChange[] = changeCols.map((c) => ({ name: row.str(c.name), oldValue: row.str(c.oldValue), newValue: row.str(c.newValue) }));
      let details = detailCols.map((c) => ({ name: row.str(c.key), value: row.str(c.value) }));
      let targetType = row.str(idx.targetType);
      let objectId = row.str(idx.targetId);
      let displayName = row.str(idx.targetName);
      let actorUpn = row.str(idx.actorUpn);
      let actorApp = row.str(idx.actorApp);
      // Log Analytics AuditLogs: JSON columns
      if (idx.targetResources >= 0) {
        const target = firstTarget(arrayOf(row.str(idx.targetResources)));
        targetType = target.type;
        objectId = target.id;
        displayName = target.displayName;
        changes = target.changes;
      }
      if (idx.initiatedBy >= 0) {
        const who = initiator(objectOf(row.str(idx.initiatedBy)));
        actorUpn = who.upn;
        actorApp = who.app;
      }
      if (idx.additionalDetails >= 0) details = keyValues(arrayOf(row.str(idx.additionalDetails)));
      // the CSV's ActorType tells a user from an app when both columns exist
      const actorType = row.str(idx.actorType).toLowerCase();
      if (actorType === 'application' || actorType === 'app' || actorType === 'serviceprincipal') actorUpn = '';
      return auditEvent({
        activity: row.str(idx.activity),
        result: row.str(idx.result),
        time: row.time(idx.time),
        targetType,
        changes,
        details,
        actorUpn,
        actorApp,
        actorName: row.str(idx.actorName),
        objectId,
        displayName,
      });
    },
  };
}

function firstTarget(targets: unknown[] | undefined): { type: string; id: string; displayName: string; changes: RawChange[] } {
  const t = targets?.find((x) => str(prop(x, 'type')).toLowerCase() === 'device') ?? targets?.[0];
  const mods = arrayOf(prop(t, 'modifiedProperties')) ?? [];
  return {
    type: str(prop(t, 'type')),
    id: str(prop(t, 'id')),
    displayName: str(prop(t, 'displayName')),
    changes: mods.map((m) => ({ name: str(prop(m, 'displayName')), oldValue: str(prop(m, 'oldValue')), newValue: str(prop(m, 'newValue')) })),
  };
}

function initiator(by: Record<string, unknown> | undefined): { upn: string; app: string } {
  const user = objectOf(prop(by, 'user'));
  const app = objectOf(prop(by, 'app'));
  return {
    upn: str(prop(user, 'userPrincipalName')) || str(prop(user, 'displayName')),
    app: str(prop(app, 'displayName')) || str(prop(app, 'servicePrincipalName')),
  };
}

function keyValues(list: unknown[] | undefined): { name: string; value: string }[] {
  return (list ?? []).map((kv) => ({ name: str(prop(kv, 'key')), value: str(prop(kv, 'value')) }));
}

export function auditJson(record: Record<string, unknown>, format: InputFormat): AuditEvent | SkipReason {
  const p = format === 'azure-monitor-audit-json' ? (objectOf(prop(record, 'properties')) ?? record) : record;
  const target = firstTarget(arrayOf(prop(p, 'targetResources')));
  const who = initiator(objectOf(prop(p, 'initiatedBy')));
  const resultRaw = prop(p, 'result') ?? prop(record, 'resultType') ?? prop(record, 'Result');
  return auditEvent({
    activity: str(prop(p, 'activityDisplayName') ?? prop(p, 'operationName') ?? prop(record, 'operationName')),
    result: str(resultRaw),
    time: parseTime(prop(p, 'activityDateTime') ?? prop(record, 'time') ?? prop(record, 'TimeGenerated')),
    targetType: target.type,
    changes: target.changes,
    details: keyValues(arrayOf(prop(p, 'additionalDetails'))),
    actorUpn: who.upn,
    actorApp: who.app,
    actorName: '',
    objectId: target.id,
    displayName: target.displayName,
  });
}
