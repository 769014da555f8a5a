#!/usr/bin/env node
// Synthetic tenant exports for `dsreg-doctor fleet`: a device inventory, sign-in logs and an
// audit log with a known set of broken devices, written as the admin center, Graph or Log
// Analytics would. No real tenant data: names, ids and addresses are made up (203.0.113.0/24 is
// a documentation range), and the same seed always gives the same files.
//
//   node scripts/gen-fleet.mjs --devices N --signins M [--out DIR] [--seed S] [--format F]
//                              [--as-of 2025-06-04T00:00:00Z] [--days 7]
//   (npm run gen:fleet -- --devices N --signins M; DIR defaults to ./fleet-sample)
//
// --cleanup: also an Autopilot export, a BitLocker key list (some rows with the key value: the
// backup) and DIR/cleanup-truth.json, the facts the staged cleanup must respect per device
// (its own random stream: the other files are the same with or without it).
// --format: entra-csv (default: admin center CSV downloads), graph-json (Graph JSON Lines /
// pages), graph-jsonl (Graph signIn JSON Lines with the admin center's device and audit CSV
// downloads: the fleet bench's large case), la-csv (Log Analytics CSV exports).
// DIR/truth.json lists what fleet must find.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '2000' },
    signins: { type: 'string', default: '20000' },
    out: { type: 'string', default: 'fleet-sample' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string', default: 'entra-csv' },
    'as-of': { type: 'string', default: '2025-06-04T00:00:00Z' },
    days: { type: 'string', default: '7' },
    cleanup: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'Usage: node scripts/gen-fleet.mjs --devices N --signins M [--out DIR (default ./fleet-sample)] [--seed S] [--format entra-csv|graph-json|graph-jsonl|la-csv] [--as-of ISO] [--days D]',
  );
  process.exit(0);
}
const N = Number(values.devices);
const M = Number(values.signins);
const FORMAT = values.format;
/** graph-jsonl: the sign-ins as graph-json writes them, the inventory and audit log as entra-csv does. */
const SIGNIN_FORMAT = FORMAT === 'graph-jsonl' ? 'graph-json' : FORMAT;
const INVENTORY_FORMAT = FORMAT === 'graph-jsonl' ? 'entra-csv' : FORMAT;
if (!['entra-csv', 'graph-json', 'graph-jsonl', 'la-csv'].includes(FORMAT) || !(N > 0) || !(M > 0)) {
  console.error('gen-fleet: --devices and --signins must be positive numbers; --format entra-csv, graph-json, graph-jsonl or la-csv');
  process.exit(2);
}
const OUT = values.out;
const AS_OF = Date.parse(values['as-of']);
const DAYS = Number(values.days);
const DAY = 86_400_000;
const WINDOW_START = AS_OF - DAYS * DAY;
mkdirSync(OUT, { recursive: true });

// --- deterministic randomness ------------------------------------------------------------------
let state = Number(values.seed) >>> 0 || 1;
function rand() {
  // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
// the --cleanup facts draw from their own stream, so the files without --cleanup do not change
let state2 = ((Number(values.seed) >>> 0) ^ 0x9e3779b9) >>> 0 || 7;
function rand2() {
  state2 = (state2 + 0x6d2b79f5) >>> 0;
  let t = state2;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (arr) => arr[int(arr.length)];
const hex = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)];
  return s;
};
const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// --- the tenant --------------------------------------------------------------------------------
const TENANT = 'bd657ee2-4129-462a-9a18-150ca51cbabf';
const JOIN = [
  { kind: 'entra-joined', trust: 'AzureAd', portal: 'Microsoft Entra joined', signin: 'Microsoft Entra joined', prefix: 'LT', weight: 0.55 },
  { kind: 'hybrid-joined', trust: 'ServerAd', portal: 'Microsoft Entra hybrid joined', signin: 'Microsoft Entra hybrid joined', prefix: 'DT', weight: 0.3 },
  { kind: 'entra-registered', trust: 'Workplace', portal: 'Microsoft Entra registered', signin: 'Microsoft Entra registered', prefix: 'BY', weight: 0.15 },
];
const APPS = [
  'Microsoft Teams',
  'Microsoft Edge',
  'Microsoft Outlook',
  'Microsoft Office',
  'OneDrive SyncEngine',
  'Windows Sign In',
  'Microsoft Authentication Broker',
  'SharePoint Online Web Client Extensibility',
];
const REASONS = {
  0: '',
  700003: 'Device object was not found in the tenant directory.',
  135011: 'Device used during the authentication is disabled.',
  50155: 'Device authentication failed for this user.',
  50097: 'Device authentication is required.',
  53000: 'Device is not in required device state: compliant.',
  53001: 'Device is not domain joined.',
  50126: 'Error validating credentials due to invalid username or password.',
  50074: 'Strong Authentication is required.',
  50140: 'This error occurred due to "Keep me signed in" interrupt when the user was signing in.',
};
const ADMINS = ['admin@contoso.com', 'it-ops@contoso.com'];
const CLEANUP_APP = 'Stale Device Cleanup';

const users = Array.from({ length: Math.max(10, Math.floor(N * 0.8)) }, (_, i) => ({ upn: `user${i}@contoso.com`, name: `User ${i}`, id: guid() }));

const devices = [];
for (let i = 0; i < N; i++) {
  const r = rand();
  const join = r < JOIN[0].weight ? JOIN[0] : r < JOIN[0].weight + JOIN[1].weight ? JOIN[1] : JOIN[2];
  const windows = join.kind !== 'entra-registered' || rand() < 0.5;
  devices.push({
    deviceId: guid(),
    objectId: guid(),
    name: `CON-${join.prefix}-${String(i).padStart(6, '0')}`,
    join,
    os: windows ? 'Windows' : pick(['iOS', 'Android', 'MacMDM']),
    version: windows ? pick(['10.0.19045.4412', '10.0.22631.3593', '10.0.26100.1742']) : pick(['17.5.1', '14', '14.5']),
    enabled: true,
    managed: join.kind === 'entra-joined' ? rand() < 0.7 : rand() < 0.2,
    lastSignIn: rand() < 0.02 ? null : AS_OF - Math.floor(rand() * 240 * DAY),
    registered: AS_OF - Math.floor((240 + rand() * 900) * DAY),
    user: users[int(users.length)],
    state: 'healthy',
  });
}

// --- the broken ones ---------------------------------------------------------------------------
const count = (share) => Math.max(1, Math.round(N * share));
const order = devices.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = int(i + 1);
  [order[i], order[j]] = [order[j], order[i]];
}
let next = 0;
const take = (n) => {
  const picked = order.slice(next, next + n).map((i) => devices[i]);
  next += n;
  return picked;
};
const deleted = take(count(0.003));
const disabled = take(count(0.002));
const notCompliant = take(count(0.0015));
const notIdentified = take(count(0.001));
const authFailed = take(count(0.0005));
const audit = [];
for (const d of deleted) {
  d.state = 'deleted';
  d.deletedAt = WINDOW_START - Math.floor(rand() * 2 * DAY);
  d.deletedBy = rand() < 0.7 ? CLEANUP_APP : pick(ADMINS);
  audit.push({ time: d.deletedAt, activity: 'Delete device', actor: d.deletedBy, device: d, result: 'Success' });
}
for (const d of disabled) {
  d.state = 'disabled';
  d.enabled = false;
  d.deletedAt = WINDOW_START - Math.floor(rand() * 2 * DAY);
  d.deletedBy = rand() < 0.7 ? CLEANUP_APP : pick(ADMINS);
  audit.push({ time: d.deletedAt, activity: 'Update device', actor: d.deletedBy, device: d, result: 'Success', disable: true });
}
for (const d of notCompliant) d.state = d.join.kind === 'hybrid-joined' ? 'not-hybrid' : 'not-compliant';
for (const d of notIdentified) d.state = 'not-identified';
for (const d of authFailed) d.state = 'auth-failed';
// audit noise: renames, failed deletes, user changes
for (let k = 0; k < Math.max(3, Math.round(N * 0.001)); k++) {
  const d = devices[int(N)];
  audit.push({ time: WINDOW_START - int(5 * DAY), activity: 'Update device', actor: pick(ADMINS), device: d, result: 'Success', rename: true });
  audit.push({ time: WINDOW_START - int(5 * DAY), activity: 'Update user', actor: pick(ADMINS), device: null, result: 'Success' });
}
audit.push({ time: WINDOW_START - DAY, activity: 'Delete device', actor: ADMINS[0], device: devices[int(N)], result: 'Failure' });
audit.sort((a, b) => b.time - a.time);

// failure rows of the broken devices, spread over the window (after the deletion)
const codesFor = {
  deleted: () => (rand() < 0.8 ? 700003 : 50155),
  disabled: () => (rand() < 0.85 ? 135011 : 50155),
  'not-compliant': () => 53000,
  'not-hybrid': () => 53001,
  'not-identified': () => 50097,
  'auth-failed': () => 50155,
};
const failureRows = [];
const truth = new Map();
const budget = Math.max(1, Math.floor(M * 0.05));
for (const d of [...deleted, ...disabled, ...notCompliant, ...notIdentified, ...authFailed]) {
  const n = 1 + int(12);
  for (let k = 0; k < n && failureRows.length < budget; k++) failureRows.push({ device: d, code: codesFor[d.state]() });
}
// a device whose failures did not fit the budget is not broken as far as the logs show
for (const f of failureRows) {
  const t = truth.get(f.device.deviceId) ?? { device: f.device, codes: new Map(), count: 0 };
  t.codes.set(f.code, (t.codes.get(f.code) ?? 0) + 1);
  t.count++;
  truth.set(f.device.deviceId, t);
}
// rows left in order: interleave failures at random positions
for (let i = failureRows.length - 1; i > 0; i--) {
  const j = int(i + 1);
  [failureRows[i], failureRows[j]] = [failureRows[j], failureRows[i]];
}

const healthy = devices.filter((d) => d.state === 'healthy' || d.state === 'not-compliant' || d.state === 'not-hybrid' || d.state === 'not-identified');
const present = devices.filter((d) => d.state !== 'deleted');
if (values.cleanup) {
  for (const d of present) {
    const windows = d.os === 'Windows';
    // Autopilot: some Entra joined PCs; in Graph JSON half carry the ZTDID physical id instead of being in the export
    d.autopilot = windows && d.join.kind === 'entra-joined' && rand2() < 0.08;
    d.ztdid = d.autopilot && FORMAT === 'graph-json' && rand2() < 0.5;
    d.bitlockerKeys = windows && d.join.kind !== 'entra-registered' && rand2() < 0.6;
    d.bitlockerBackedUp = d.bitlockerKeys && rand2() < 0.7;
    d.serial = `SN${Math.floor(rand2() * 1e10)
      .toString(16)
      .toUpperCase()
      .padStart(9, '0')}`;
  }
}
/** deviceId → the newest sign-in row (success or failure) written for it. */
const lastRow = new Map();

// --- writers -----------------------------------------------------------------------------------
class Out {
  constructor(path) {
    this.stream = createWriteStream(path);
    this.parts = [];
    this.size = 0;
  }
  async write(s) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush() {
    if (this.parts.length === 0) return;
    const ok = this.stream.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    if (!ok) await once(this.stream, 'drain');
  }
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvRow = (cells) => `${cells.map(csvCell).join(',')}\r\n`;

const ENTRA_SIGNIN_COLUMNS =
  'Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,User type,Cross tenant access type,Incoming token type,Authentication Protocol,Unique token identifier,Original transfer method,Client credential type,Token Protection - Sign In Session,Token Protection - Sign In Session StatusCode,Application,Application ID ,App owner tenant ID,Resource,Resource ID ,Resource tenant ID,Resource owner tenant ID,Home tenant ID,Home tenant name,IP address,Location,Status,Sign-in error code,Failure reason,Client app,Device ID,Browser,Operating System,Compliant,Managed,Join Type,Multifactor authentication result,Multifactor authentication auth method,Multifactor authentication auth detail,Authentication requirement,Sign-in identifier,Session ID,IP address (seen by resource),Through Global Secure Access,Global Secure Access IP address,Autonomous system  number,Flagged for review,Token issuer type,Incoming token type,Token issuer name,Latency,Conditional Access,Managed Identity type,Associated Resource Id,Federated Token Id,Federated Token Issuer';
const LA_COLUMNS =
  'TenantId,SourceSystem,TimeGenerated [UTC],OperationName,Category,ResultType,ResultDescription,CorrelationId,Identity,Location,AppDisplayName,AppId,ClientAppUsed,ConditionalAccessStatus,DeviceDetail,IsInteractive,Id,IPAddress,Status,UserDisplayName,UserId,UserPrincipalName,UserType,Type';

/** One sign-in row in the chosen format. */
function signinRow(e, interactive) {
  const t = iso(e.time);
  const reqId = guid();
  const d = e.device;
  const deviceId = d ? d.deviceId : '';
  const os = d
    ? d.os === 'Windows'
      ? d.version.startsWith('10.0.22') || d.version.startsWith('10.0.26')
        ? 'Windows 11'
        : 'Windows 10'
      : d.os
    : pick(['Windows 10', 'MacOs', 'Ios']);
  // a deleted device is not found: the log has its id but no name or join type
  const known = d && d.state !== 'deleted';
  const trust = known ? d.join.signin : '';
  const name = known ? d.name : '';
  if (SIGNIN_FORMAT === 'entra-csv') {
    return csvRow([
      t,
      reqId,
      'Windows-AzureAD-Authentication-Provider/1.0',
      guid(),
      e.user.id,
      e.user.name,
      e.user.upn,
      'Member',
      'None',
      interactive ? 'None' : 'primaryRefreshToken',
      'None',
      '',
      '',
      '',
      '',
      '',
      e.app,
      '29d9ed98-a469-4536-ade2-f981bc1d605e',
      '',
      'Microsoft Graph',
      '00000003-0000-0000-c000-000000000000',
      TENANT,
      '',
      TENANT,
      'Contoso',
      `203.0.113.${1 + int(250)}`,
      'Tokyo, Tokyo, JP',
      e.code === 0 ? 'Success' : 'Failure',
      e.code,
      REASONS[e.code] || 'Other.',
      'Mobile Apps and Desktop clients',
      deviceId,
      'Edge 125.0.0',
      os,
      known ? (d.managed ? 'True' : 'False') : 'False',
      known ? (d.managed ? 'True' : 'False') : 'False',
      trust,
      '',
      '',
      '',
      'Single-factor authentication',
      e.user.upn,
      guid(),
      '',
      'False',
      '',
      '',
      'False',
      'AzureAD',
      'None',
      '',
      String(20 + int(300)),
      'Not Applied',
      '',
      '',
      '',
      '',
    ]);
  }
  if (SIGNIN_FORMAT === 'la-csv') {
    const dd = d
      ? { deviceId, displayName: name, operatingSystem: os, browser: 'Edge 125.0.0', trustType: trust }
      : { operatingSystem: os, browser: 'Edge 125.0.0' };
    return csvRow([
      'f0e1d2c3-0000-4000-8000-000000000001',
      'Azure AD',
      t.replace('Z', '.000Z'),
      'Sign-in activity',
      interactive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs',
      String(e.code),
      REASONS[e.code] || '',
      guid(),
      e.user.name,
      'JP',
      e.app,
      '29d9ed98-a469-4536-ade2-f981bc1d605e',
      'Mobile Apps and Desktop clients',
      'notApplied',
      JSON.stringify(dd),
      interactive ? 'true' : 'false',
      reqId,
      `203.0.113.${1 + int(250)}`,
      JSON.stringify(e.code === 0 ? { errorCode: 0 } : { errorCode: e.code, failureReason: REASONS[e.code] || 'Other.' }),
      e.user.name,
      e.user.id,
      e.user.upn,
      'Member',
      interactive ? 'SigninLogs' : 'AADNonInteractiveUserSignInLogs',
    ]);
  }
  return `${JSON.stringify({
    id: reqId,
    createdDateTime: t,
    userDisplayName: e.user.name,
    userPrincipalName: e.user.upn,
    userId: e.user.id,
    appId: '29d9ed98-a469-4536-ade2-f981bc1d605e',
    appDisplayName: e.app,
    ipAddress: `203.0.113.${1 + int(250)}`,
    clientAppUsed: 'Mobile Apps and Desktop clients',
    correlationId: guid(),
    conditionalAccessStatus: 'notApplied',
    isInteractive: interactive,
    resourceDisplayName: 'Microsoft Graph',
    status: { errorCode: e.code, failureReason: REASONS[e.code] || 'Other.', additionalDetails: null },
    deviceDetail: {
      deviceId,
      displayName: name || null,
      operatingSystem: os,
      browser: 'Edge 125.0.0',
      isCompliant: false,
      isManaged: false,
      trustType: trust || null,
    },
    location: { city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP' },
  })}\n`;
}

// --- sign-ins ----------------------------------------------------------------------------------
const ext = SIGNIN_FORMAT === 'graph-json' ? 'jsonl' : 'csv';
const interactiveOut = new Out(join(OUT, `signins-interactive.${ext}`));
const nonInteractiveOut = new Out(join(OUT, `signins-noninteractive.${ext}`));
if (SIGNIN_FORMAT === 'entra-csv') {
  await interactiveOut.write(`${ENTRA_SIGNIN_COLUMNS}\r\n`);
  await nonInteractiveOut.write(`${ENTRA_SIGNIN_COLUMNS}\r\n`);
} else if (SIGNIN_FORMAT === 'la-csv') {
  await interactiveOut.write(`${LA_COLUMNS}\r\n`);
  await nonInteractiveOut.write(`${LA_COLUMNS}\r\n`);
}
const unattributed = new Map();
let noDevice = 0;
let remainingFailures = failureRows.length;
for (let i = 0; i < M; i++) {
  const left = M - i;
  let e;
  if (remainingFailures > 0 && rand() < remainingFailures / left) {
    const f = failureRows[failureRows.length - remainingFailures];
    remainingFailures--;
    const from = Math.max(WINDOW_START, f.device.deletedAt ?? WINDOW_START);
    e = { time: from + int(AS_OF - from - 1000), code: f.code, device: f.device, user: f.device.user, app: pick(APPS) };
  } else {
    const r = rand();
    const time = WINDOW_START + int(DAYS * DAY - 1000);
    if (r < 0.03) {
      // a browser or an unregistered device: no device id
      const code = rand() < 0.15 ? 53000 : 0;
      if (code === 0) noDevice++;
      else unattributed.set(code, (unattributed.get(code) ?? 0) + 1);
      e = { time, code, device: null, user: users[int(users.length)], app: 'Microsoft Edge' };
    } else {
      const d = healthy[int(healthy.length)];
      const code = r < 0.05 ? pick([50126, 50074, 50140]) : 0;
      e = { time, code, device: d, user: d.user, app: pick(APPS) };
    }
  }
  const interactive = rand() < 0.3;
  if (e.device && !(lastRow.get(e.device.deviceId) >= e.time)) lastRow.set(e.device.deviceId, e.time);
  await (interactive ? interactiveOut : nonInteractiveOut).write(signinRow(e, interactive));
}
await interactiveOut.close();
await nonInteractiveOut.close();

// --- inventory ---------------------------------------------------------------------------------
if (INVENTORY_FORMAT === 'graph-json') {
  const out = new Out(join(OUT, 'devices.json'));
  // Graph pages of 999, one page per line (what a paging script saves)
  for (let i = 0; i < present.length; i += 999) {
    const page = present.slice(i, i + 999).map((d) => ({
      id: d.objectId,
      accountEnabled: d.enabled,
      approximateLastSignInDateTime: d.lastSignIn === null ? null : iso(d.lastSignIn),
      deviceId: d.deviceId,
      displayName: d.name,
      isCompliant: d.managed,
      isManaged: d.managed,
      operatingSystem: d.os,
      operatingSystemVersion: d.version,
      physicalIds: d.ztdid ? [`[ZTDID]:${d.objectId}`] : [],
      profileType: 'RegisteredDevice',
      registrationDateTime: iso(d.registered),
      systemLabels: [],
      trustType: d.join.trust,
    }));
    const link = i + 999 < present.length ? { '@odata.nextLink': `https://graph.microsoft.com/v1.0/devices?$skiptoken=${i + 999}` } : {};
    await out.write(`${JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#devices', value: page, ...link })}\n`);
  }
  await out.close();
} else {
  const out = new Out(join(OUT, 'devices.csv'));
  await out.write(
    'displayName,accountEnabled,operatingSystem,operatingSystemVersion,joinType (trustType),registeredOwners,userNames,mdmDisplayName,isCompliant,registrationTime,approximateLastSignInDateTime,deviceId,isManaged,objectId,profileType,systemLabels,model\r\n',
  );
  for (const d of present) {
    await out.write(
      csvRow([
        d.name,
        d.enabled ? 'True' : 'False',
        d.os,
        d.version,
        d.join.portal,
        d.join.kind === 'hybrid-joined' ? '' : d.user.name,
        d.join.kind === 'hybrid-joined' ? '' : d.user.upn,
        d.managed ? 'Microsoft Intune' : '',
        d.managed ? 'True' : 'False',
        iso(d.registered),
        d.lastSignIn === null ? '' : iso(d.lastSignIn),
        d.deviceId,
        d.managed ? 'True' : 'False',
        d.objectId,
        'RegisteredDevice',
        '',
        d.os === 'Windows' ? 'Surface Laptop 5' : 'Phone',
      ]),
    );
  }
  await out.close();
}

// --- audit log ---------------------------------------------------------------------------------
const actorOf = (a) => (a.actor === CLEANUP_APP ? { type: 'Application', upn: '', app: CLEANUP_APP } : { type: 'User', upn: a.actor, app: '' });
if (INVENTORY_FORMAT === 'graph-json') {
  const value = audit.map((a, n) => {
    const actor = actorOf(a);
    const target = a.device
      ? {
          id: a.device.objectId,
          displayName: a.device.name,
          type: 'Device',
          modifiedProperties: a.disable
            ? [{ displayName: 'AccountEnabled', oldValue: '[true]', newValue: '[false]' }]
            : a.rename
              ? [{ displayName: 'DisplayName', oldValue: '["old"]', newValue: `["${a.device.name}"]` }]
              : [],
        }
      : { id: guid(), displayName: 'User', type: 'User', modifiedProperties: [] };
    return {
      id: `Directory_${n}`,
      category: a.device ? 'Device' : 'UserManagement',
      result: a.result.toLowerCase(),
      activityDisplayName: a.activity,
      activityDateTime: iso(a.time),
      loggedByService: 'Core Directory',
      initiatedBy: actor.app
        ? { app: { displayName: actor.app, servicePrincipalId: guid() }, user: null }
        : { app: null, user: { userPrincipalName: actor.upn, id: guid() } },
      targetResources: [target],
      additionalDetails: [],
    };
  });
  writeFileSync(
    join(OUT, 'audit.json'),
    JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value }, null, 2),
  );
} else {
  const out = new Out(join(OUT, 'audit.csv'));
  await out.write(
    'Date (UTC),CorrelationId,Service,Category,Activity,Result,ResultReason,User Agent,ActorType,ActorDisplayName,ActorObjectId,ActorUserPrincipalName,IPAddress,ActorHomeTenantId,ActorHomeTenantName,ActorServicePrincipalId,ActorServicePrincipalName,Target1Type,Target1DisplayName,Target1ObjectId,Target1UserPrincipalName,Target1ModifiedProperty1Name,Target1ModifiedProperty1OldValue,Target1ModifiedProperty1NewValue\r\n',
  );
  for (const a of audit) {
    const actor = actorOf(a);
    const mod = a.disable ? ['AccountEnabled', '[true]', '[false]'] : a.rename ? ['DisplayName', '["old"]', `["${a.device?.name}"]`] : ['', '', ''];
    await out.write(
      csvRow([
        iso(a.time),
        guid(),
        'Core Directory',
        a.device ? 'Device' : 'UserManagement',
        a.activity,
        a.result,
        '',
        '',
        actor.type,
        actor.app || actor.upn,
        guid(),
        actor.upn,
        '',
        '',
        '',
        actor.app ? guid() : '',
        actor.app,
        a.device ? 'Device' : 'User',
        a.device ? a.device.name : 'User',
        a.device ? a.device.objectId : guid(),
        '',
        ...mod,
      ]),
    );
  }
  await out.close();
}

// --- what fleet must find ----------------------------------------------------------------------
const CAUSE = {
  deleted: 'deleted',
  disabled: 'disabled',
  'not-compliant': 'not-compliant',
  'not-hybrid': 'not-hybrid-joined',
  'not-identified': 'device-not-identified',
  'auth-failed': 'device-auth-failed',
};
const affected = [...truth.values()]
  .map((t) => ({
    deviceId: t.device.deviceId,
    name: t.device.name,
    state: t.device.state,
    cause: CAUSE[t.device.state],
    inventoryState: t.device.state === 'deleted' ? 'missing' : t.device.enabled ? 'present' : 'disabled',
    joinType: t.device.join.kind,
    errorCodes: [...t.codes.keys()].map((c) => `AADSTS${c}`),
    failureCount: t.count,
    // who did it, per the audit log
    auditActor: t.device.deletedBy ?? null,
    // what fleet can tell: the audit log names a device by object id and name; a deleted
    // device is in neither the inventory nor (by name) the sign-ins, so only disables link up
    deletedBy: t.device.state === 'disabled' ? t.device.deletedBy : null,
  }))
  .sort((a, b) => a.deviceId.localeCompare(b.deviceId));
writeFileSync(
  join(OUT, 'truth.json'),
  JSON.stringify(
    {
      generator: 'scripts/gen-fleet.mjs',
      format: FORMAT,
      seed: Number(values.seed),
      asOf: iso(AS_OF),
      devices: N,
      inventoryDevices: present.length,
      signins: M,
      signinsWithoutDevice: noDevice,
      failuresWithoutDevice: Object.fromEntries([...unattributed].map(([c, n]) => [`AADSTS${c}`, n])),
      auditEvents: audit.length,
      affected,
    },
    null,
    2,
  ),
);
console.log(
  `gen-fleet: ${N} devices (${present.length} in the inventory), ${M} sign-ins, ${affected.length} broken devices, ${audit.length} audit events → ${OUT}`,
);

// --- staged cleanup facts (--cleanup) -----------------------------------------------------------
if (values.cleanup) {
  const autopilotRows = present.filter((d) => d.autopilot && !d.ztdid);
  writeFileSync(
    join(OUT, 'autopilot.csv'),
    `id,serialNumber,groupTag,azureActiveDirectoryDeviceId,managedDeviceId,enrollmentState,deploymentProfileAssignmentStatus\r\n${autopilotRows
      .map((d) => csvRow([d.objectId.split('').reverse().join(''), d.serial, 'Sales', d.deviceId, '', 'enrolled', 'assigned']))
      .join('')}`,
  );
  const keys = present
    .filter((d) => d.bitlockerKeys)
    .map((d) => ({
      id: d.objectId.replace(/^./, 'b'),
      createdDateTime: iso(d.registered),
      volumeType: 'operatingSystemVolume',
      deviceId: d.deviceId,
      ...(d.bitlockerBackedUp ? { key: '123456-234567-345678-456789-567890-678901-789012-890123' } : {}),
    }));
  writeFileSync(join(OUT, 'bitlocker-keys.json'), JSON.stringify({ value: keys }, null, 2));
  const facts = present.map((d) => {
    const row = lastRow.get(d.deviceId);
    const newest = d.lastSignIn === null ? (row ?? null) : row === undefined ? d.lastSignIn : Math.max(row, d.lastSignIn);
    return {
      deviceId: d.deviceId,
      objectId: d.objectId,
      name: d.name,
      joinType: d.join.kind,
      os: d.os,
      enabled: d.enabled,
      managed: d.managed,
      autopilot: d.autopilot,
      bitlockerKeys: d.bitlockerKeys,
      bitlockerBackedUp: d.bitlockerBackedUp,
      activityTimestamp: d.lastSignIn === null ? null : iso(d.lastSignIn),
      lastSignInRow: row === undefined ? null : iso(row),
      lastActivity: newest === null ? null : iso(newest),
    };
  });
  writeFileSync(join(OUT, 'cleanup-truth.json'), JSON.stringify({ asOf: iso(AS_OF), devices: facts }, null, 2));
}
