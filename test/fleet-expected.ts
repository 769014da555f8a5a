/**
 * The hand-checked result for the fixtures in test/fixtures/fleet (see its README.md for the
 * scenario, row by row). Every sign-in format holds the same 14 sign-ins, so every format must
 * give exactly this.
 */

export const D = (n: number) => `6f2a1c3e-${n < 10 ? String(n).repeat(4) : 'aaaa'}-4a8b-9c01-0000000000${n < 10 ? `d${n}` : 'da'}`;
export const O = (n: number) => `0b7e5d10-000${n % 10}-4f00-8000-0000000000${n < 10 ? `b${n}` : 'ba'}`;

/** The four affected devices, in report order (deleted first, then by failure count). */
export const AFFECTED = [
  {
    deviceId: D(1),
    displayName: 'CON-LT-001', // from the collected status: the sign-ins and the inventory do not show it
    objectId: O(1), // from the audit event matched by name
    joinType: 'entra-joined',
    joinTypeSource: 'status',
    inventoryState: 'missing',
    cause: 'deleted',
    errorCodes: ['AADSTS700003'],
    failureCount: 3,
    users: ['alice@contoso.com'],
    apps: ['Microsoft Edge', 'Microsoft Teams'],
    firstFailure: '2025-06-02T08:00:00Z',
    lastFailure: '2025-06-03T09:00:00Z',
    lastSuccess: null,
    recovered: false,
    deletedBy: 'admin@contoso.com',
    deletedAt: '2025-06-01T09:00:00Z',
    auditAction: 'delete',
    auditMatch: 'name',
    firstStep: 'forcerecovery',
  },
  {
    deviceId: D(3),
    displayName: 'CON-LT-003',
    objectId: O(3),
    joinType: 'entra-registered',
    joinTypeSource: 'signin',
    inventoryState: 'missing',
    cause: 'deleted',
    errorCodes: ['AADSTS700003', 'AADSTS50155'],
    failureCount: 2,
    users: ['carol@contoso.com'],
    apps: ['Microsoft Edge'],
    firstFailure: '2025-06-02T11:00:00Z',
    lastFailure: '2025-06-02T11:01:00Z',
    lastSuccess: null,
    recovered: false,
    deletedBy: 'Stale Device Cleanup',
    deletedAt: '2025-06-01T11:00:00Z',
    auditAction: 'delete',
    auditMatch: 'deviceId',
    firstStep: 'disconnect-work-account',
  },
  {
    deviceId: D(2),
    displayName: 'CON-DT-002',
    objectId: O(2),
    joinType: 'hybrid-joined',
    joinTypeSource: 'inventory',
    inventoryState: 'disabled',
    cause: 'disabled',
    errorCodes: ['AADSTS135011'],
    failureCount: 2,
    users: ['bob@contoso.com'],
    apps: ['Microsoft Outlook'],
    firstFailure: '2025-06-02T10:00:00Z',
    lastFailure: '2025-06-03T10:00:00Z',
    lastSuccess: null,
    recovered: false,
    deletedBy: 'Stale Device Cleanup',
    deletedAt: '2025-06-01T10:00:00Z',
    auditAction: 'disable',
    auditMatch: 'objectId',
    firstStep: 'enable-device-object',
  },
  {
    deviceId: D(5),
    displayName: 'CON-DT-005',
    objectId: O(5),
    joinType: 'hybrid-joined',
    joinTypeSource: 'inventory',
    inventoryState: 'present',
    cause: 'not-hybrid-joined',
    errorCodes: ['AADSTS53001'],
    failureCount: 1,
    users: ['erin@contoso.com'],
    apps: ['Microsoft Teams'],
    firstFailure: '2025-06-02T13:00:00Z',
    lastFailure: '2025-06-02T13:00:00Z',
    lastSuccess: '2025-06-03T13:00:00Z',
    recovered: true,
    deletedBy: null,
    deletedAt: null,
    auditAction: null,
    auditMatch: null,
    // 53001 is a Conditional Access result, not a device-object problem: the plan has no step
    firstStep: null,
  },
];

export const SUMMARY = {
  devicesAffected: 4,
  devicesRecovered: 1,
  byJoinType: { 'entra-joined': 1, 'entra-registered': 1, 'hybrid-joined': 2 },
  byErrorCode: { AADSTS700003: 2, AADSTS50155: 1, AADSTS135011: 1, AADSTS53001: 1 },
  byCause: { deleted: 2, disabled: 1, 'not-hybrid-joined': 1 },
  byInventoryState: { missing: 2, disabled: 1, present: 1 },
  failuresByDay: [
    { day: '2025-06-02', count: 7, byCode: { AADSTS700003: 3, AADSTS135011: 1, AADSTS50155: 1, AADSTS53000: 1, AADSTS53001: 1 } },
    { day: '2025-06-03', count: 2, byCode: { AADSTS700003: 1, AADSTS135011: 1 } },
  ],
  topDeletionActors: [
    { actor: 'Stale Device Cleanup', actorType: 'app', deletes: 1, disables: 1, affectedDevices: 2 },
    { actor: 'admin@contoso.com', actorType: 'user', deletes: 1, disables: 0, affectedDevices: 1 },
  ],
  failuresWithoutDevice: { AADSTS53000: 1 },
  signIns: { rows: 13, successes: 3, failures: 10, deviceErrorFailures: 9, devicesSeen: 6, first: '2025-06-02T08:00:00Z', last: '2025-06-03T13:00:00Z' },
  inventory: {
    devices: 8,
    enabled: 7,
    disabled: 1,
    byJoinType: { 'hybrid-joined': 3, 'entra-joined': 4, 'entra-registered': 1 },
  },
  audit: { deletes: 2, disables: 1, matched: 3 },
  statuses: { files: 2, matched: 1 },
};

/** Sign-in rows: 14 read, the successful sign-in without a device id is not used. */
export const SIGNIN_ROWS = { read: 14, used: 13, skipped: 1, skippedByReason: { 'no-device-id': 1 } };
export const AUDIT_ROWS = { read: 6, used: 3, skipped: 3, skippedByReason: { 'not-device-activity': 1, 'failed-operation': 1, 'other-device-activity': 1 } };
export const DEVICE_ROWS = { read: 8, used: 8, skipped: 0, skippedByReason: {} };
export const STATUS_ROWS = { read: 2, used: 1, skipped: 1, skippedByReason: { 'not-dsregcmd-status': 1 } };

/** `--stale-days 90 --as-of 2025-06-04`: cutoff 2025-03-06. */
export const STALE_90 = [
  {
    deviceId: D(6),
    risk: 'high',
    reasons: ['signs-in'],
    recommendedAction: 'keep',
    activeSince: '2025-06-02T14:00:00Z',
    activeSource: 'signin',
    joinType: 'entra-joined',
  },
  {
    deviceId: D(7),
    risk: 'medium',
    reasons: ['hybrid'],
    recommendedAction: 'delete-on-premises',
    activeSince: '2025-01-05T07:00:00Z',
    activeSource: 'inventory',
    joinType: 'hybrid-joined',
  },
  {
    deviceId: D(8),
    risk: 'low',
    reasons: [],
    recommendedAction: 'disable-then-delete',
    activeSince: '2025-02-01T08:00:00Z',
    activeSource: 'inventory',
    joinType: 'entra-joined',
  },
  {
    deviceId: D(9),
    risk: 'low',
    reasons: [],
    recommendedAction: 'disable-then-delete',
    activeSince: '2024-12-01T08:00:00Z',
    activeSource: 'inventory',
    joinType: 'entra-registered',
  },
];
