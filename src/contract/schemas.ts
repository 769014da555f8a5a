import { STEP_IDS } from './steps.js';
import { type ActivityBucket, type CleanupDevice, HOLD_REASONS, type StagedCleanup } from './cleanup.js';
import type {
  DiagnosisClock,
  DiagnosisDevice,
  DiagnosisDocument,
  DiagnosisInput,
  DiagnosisPlan,
  DiagnosisRunContext,
  EvidenceLine,
  InputWarning,
  LocalizedAction,
  LocalizedCode,
  LocalizedFinding,
  LocalizedStep,
  MatchedRegistration,
  RegistrationJson,
  ReportedErrorJson,
} from './diagnosis.js';
import { SCHEMA_VERSIONS, type ToolStamp } from './document.js';
import type { KnownCodeDocument, UnknownCodeDocument } from './explain.js';
import type { AffectedDevice, AffectedPlan, CleanupEntry, CleanupSummary, FleetReport, FleetSummary, InputProblem, InputReport, RowCounts } from './fleet.js';
import { VERIFY_VERDICTS } from './joins.js';
import type { FindingRef, VerifyDocument, VerifySide } from './verify.js';

/**
 * The JSON Schemas (draft 2020-12) of the public documents, built from the documents' types: each
 * object schema must name every field of its type and no other (checked by the compiler), so a
 * field added to a type without its schema does not compile. `scripts/gen-schemas.mjs` writes
 * them to `schemas/*.schema.json`; test/schemas.test.ts checks those files are current and
 * validates the outputs against them.
 *
 * Objects are closed (`additionalProperties: false`): the schema of a release describes that
 * release's documents exactly. Consumers should still ignore fields they do not know
 * (docs/contract.md, "Stability").
 */

export type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer', minimum: 0 };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const nul = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const arr = (items: Schema): Schema => ({ type: 'array', items });
const oneOf = (...values: readonly (string | number | boolean)[]): Schema => ({ enum: [...values] });
const constant = (value: string | number | boolean): Schema => ({ const: value });
const map = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

type Props<T> = { [K in keyof Required<T>]: Schema };
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** A closed object schema: every field of T, required unless T marks it optional. */
function obj<T>(props: Props<T>, optional: readonly OptionalKeys<T>[] = []): Schema {
  const keys = Object.keys(props);
  return {
    type: 'object',
    additionalProperties: false,
    required: keys.filter((k) => !(optional as readonly string[]).includes(k)),
    properties: props,
  };
}

const joinType = oneOf('entra-joined', 'hybrid-joined', 'entra-registered', 'domain-joined', 'drs-joined', 'not-joined', 'unknown');
const stepId = oneOf(...STEP_IDS);
const iso = { type: 'string', format: 'date-time' };
const tool = obj<ToolStamp>({ name: constant('dsreg-doctor'), version: str });
const header = (kind: keyof typeof SCHEMA_VERSIONS, title: string, description: string): Schema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://github.com/dsreg-doctor/dsreg-doctor/schemas/${kind}.schema.json`,
  title,
  description,
});

const evidence = obj<EvidenceLine>({ line: int, text: str });

const localizedStep = obj<LocalizedStep>({
  id: stepId,
  stage: oneOf('prepare', 'remedy', 'fallback', 'support'),
  admin: bool,
  adminScope: oneOf('local', 'tenant', 'domain', 'none'),
  conditional: bool,
  title: str,
  why: str,
  actions: arr(obj<LocalizedAction>({ kind: oneOf('command', 'text'), text: str })),
  expect: str,
  verify: str,
  caveats: arr(str),
});

// long: schema data, one line per field of the diagnosis document
function diagnosisSchema(): Schema {
  const input = obj<DiagnosisInput>({
    name: str,
    encoding: str,
    lines: int,
    lineEnding: oneOf('crlf', 'lf', 'cr', 'mixed', 'none'),
    recognized: bool,
    elided: bool,
    skippedLines: int,
    warnings: arr(obj<InputWarning>({ code: str, line: int, endLine: int, text: str, count: int, message: str }, ['endLine', 'text', 'count'])),
  });
  const line = nul(int);
  const device = obj<DiagnosisDevice>({
    joinType,
    azureAdJoined: nul(bool),
    domainJoined: nul(bool),
    enterpriseJoined: nul(bool),
    workplaceJoined: nul(bool),
    deviceId: nul(str),
    tenantId: nul(str),
    deviceName: nul(str),
    tenantName: nul(str),
    deviceAuthStatus: nul(str),
    azureAdPrt: nul(bool),
    domainName: nul(str),
    masked: obj<DiagnosisDevice['masked']>({ deviceId: bool, tenantId: bool, deviceName: bool, tenantName: bool }),
    lines: obj<DiagnosisDevice['lines']>({
      azureAdJoined: line,
      domainJoined: line,
      enterpriseJoined: line,
      workplaceJoined: line,
      deviceId: line,
      tenantId: line,
      deviceAuthStatus: line,
      azureAdPrt: line,
    }),
  });
  const code = obj<LocalizedCode>({ code: str, known: bool, family: nul(str), category: nul(str), meaning: nul(str), cause: nul(str), action: nul(str) });
  const reported = obj<ReportedErrorJson>({
    codes: arr(str),
    deviceIds: arr(str),
    tenantNames: arr(str),
    tenantIds: arr(str),
    correlationIds: arr(str),
    timestamps: arr(str),
    sources: arr(obj<ReportedErrorJson['sources'][number]>({ from: oneOf('input', 'option'), line: int, text: str })),
  });
  const registration = obj<RegistrationJson>({
    id: { type: 'string', pattern: '^(device-join|work-account-[0-9]+)$' },
    kind: oneOf('device-join', 'work-account'),
    joinType: oneOf('entra-joined', 'hybrid-joined', 'entra-registered'),
    deviceId: nul(str),
    tenantId: nul(str),
    tenantName: nul(str),
    partner: bool,
    health: oneOf('healthy', 'failing', 'unknown'),
    lines: arr(int),
  });
  const matched = obj<MatchedRegistration>({
    verdict: oneOf('device-join', 'work-account', 'needs-evidence', 'none'),
    registration: nul(str),
    by: nul(oneOf('device-id', 'tenant', 'failing', 'only-registration', 'device-join')),
    reason: nul(oneOf('matched-healthy', 'device-id-not-on-this-pc', 'tenant-not-on-this-pc', 'ambiguous', 'all-healthy')),
    text: str,
    evidence: arr(ref('evidence')),
  });
  const finding = obj<LocalizedFinding>(
    {
      id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      severity: oneOf('error', 'warning', 'info'),
      title: str,
      explanation: str,
      evidence: arr(ref('evidence')),
      codes: arr(str),
      registration: str,
    },
    ['registration'],
  );
  return {
    ...header('diagnosis', 'dsreg-doctor diagnosis', 'The document of `dsreg-doctor diagnose --format json` and `POST /api/diagnose` (docs/contract.md).'),
    ...obj<DiagnosisDocument>({
      schemaVersion: constant(SCHEMA_VERSIONS.diagnosis),
      tool,
      lang: oneOf('en', 'ja'),
      input,
      device,
      runContext: obj<DiagnosisRunContext>({
        kind: oneOf('user', 'elevated', 'system', 'remote', 'unknown'),
        evidence: arr(ref('evidence')),
        elevated: nul(bool),
      }),
      clock: nul(obj<DiagnosisClock>({ iso, exact: bool, line: int, field: str })),
      errorCodes: arr(str),
      codes: arr(code),
      reportedError: reported,
      registrations: arr(registration),
      matchedRegistration: matched,
      findings: arr(finding),
      plan: obj<DiagnosisPlan>({
        branch: oneOf('registered', 'joined', 'hybrid', 'dual-state-hybrid', 'dual-state-joined', 'all-no', 'drs', 'unknown', 'disabled', 'none'),
        steps: arr(ref('step')),
      }),
      exitCode: oneOf(0, 1),
    }),
    $defs: { evidence, step: localizedStep },
  };
}

function verifySchema(): Schema {
  const findingRef = obj<FindingRef>({ id: str, title: str });
  const side = obj<VerifySide>({
    joinType,
    deviceId: nul(str),
    errorCodes: arr(str),
    input: obj<VerifySide['input']>({ name: str, encoding: str, lines: int }),
  });
  return {
    ...header('verify', 'dsreg-doctor verify', 'The document of `dsreg-doctor verify --format json` and `POST /api/verify` (docs/contract.md).'),
    ...obj<VerifyDocument>({
      schemaVersion: constant(SCHEMA_VERSIONS.verify),
      tool,
      lang: oneOf('en', 'ja'),
      verdict: oneOf(...VERIFY_VERDICTS),
      message: str,
      sameDevice: oneOf('yes', 'no', 'unknown'),
      sameDeviceMessage: str,
      nextStep: nul(stepId),
      nextStepDetail: nul(ref('step')),
      reasons: arr(obj<VerifyDocument['reasons'][number]>({ id: str, text: str })),
      resolved: arr(ref('findingRef')),
      remaining: arr(ref('findingRef')),
      introduced: arr(ref('findingRef')),
      before: ref('side'),
      after: ref('side'),
    }),
    $defs: { step: localizedStep, findingRef, side },
  };
}

function explainSchema(): Schema {
  const known = obj<KnownCodeDocument>({
    schemaVersion: constant(SCHEMA_VERSIONS.explain),
    tool,
    code: str,
    known: constant(true),
    family: str,
    category: str,
    symbol: nul(str),
    phase: nul(str),
    severity: oneOf('error', 'warning', 'info'),
    steps: arr(stepId),
    meaning: str,
    cause: str,
    action: str,
    docs: nul(str),
  });
  const unknown = obj<UnknownCodeDocument>({ schemaVersion: constant(SCHEMA_VERSIONS.explain), tool, code: str, known: constant(false) });
  return {
    ...header(
      'explain',
      'dsreg-doctor explain',
      'The document of `dsreg-doctor explain <code> --format json`: a known code, or `known: false` (docs/contract.md).',
    ),
    oneOf: [known, unknown],
  };
}

// long: schema data, one line per field of the fleet document
function fleetSchema(): Schema {
  const counts = map(int);
  const rows = obj<RowCounts>({ read: int, used: int, skipped: int, skippedByReason: counts });
  const input = obj<InputReport>({
    name: str,
    kind: nul(str),
    format: nul(str),
    encoding: nul(str),
    rows: ref('rows'),
    unknownColumns: arr(str),
    error: nul(str),
    errorDetail: nul(str),
    problems: arr(obj<InputProblem>({ line: int, reason: str, file: str }, ['file'])),
    givenAs: nul(str),
  });
  const affected = obj<AffectedDevice>(
    {
      deviceId: str,
      displayName: nul(str),
      objectId: nul(str),
      os: nul(str),
      joinType,
      joinTypeSource: oneOf('signin', 'inventory', 'status', 'audit', 'intune', 'unknown'),
      inventoryState: oneOf('present', 'disabled', 'missing', 'unknown', 'soft-deleted'),
      cause: oneOf('deleted', 'disabled', 'device-auth-failed', 'device-not-identified', 'not-compliant', 'not-hybrid-joined'),
      errorCodes: arr(str),
      failuresByCode: counts,
      failureCount: int,
      users: arr(str),
      userCount: int,
      apps: arr(str),
      firstFailure: str,
      lastFailure: str,
      lastSuccess: nul(str),
      recovered: bool,
      deletedBy: nul(str),
      deletedAt: nul(str),
      auditAction: nul(oneOf('delete', 'disable')),
      auditMatch: nul(oneOf('deviceId', 'objectId', 'name')),
      firstStep: nul(stepId),
      plan: obj<AffectedPlan>({ codes: arr(str), mdm: bool, restorable: bool, steps: arr(stepId) }),
      restorableUntil: str,
      statusFile: nul(str),
    },
    ['restorableUntil'],
  );
  const reasons = ['signs-in', 'users-failing', 'hybrid', 'bitlocker-keys', 'autopilot', 'mdm-managed', 'not-in-inventory'] as const;
  const risk = oneOf('high', 'medium', 'low');
  const entry = obj<CleanupEntry>({
    deviceId: str,
    objectId: nul(str),
    displayName: nul(str),
    joinType,
    activeSince: nul(str),
    activeSource: nul(oneOf('signin', 'inventory')),
    lastSuccessfulSignIn: nul(str),
    approximateLastSignIn: nul(str),
    risk,
    reasons: arr(oneOf(...reasons)),
    recommendedAction: oneOf('keep', 'delete-on-premises', 'clean-up-in-intune', 'back-up-bitlocker-keys', 'retire-in-mdm', 'check-id', 'disable-then-delete'),
  });
  const summary = obj<CleanupSummary>({
    source: oneOf('planned-deletions', 'stale-days'),
    staleDays: nul(int),
    asOf: str,
    candidates: int,
    byRisk: obj<CleanupSummary['byRisk']>({ high: int, medium: int, low: int }),
    byReason: { type: 'object', additionalProperties: false, properties: Object.fromEntries(reasons.map((r) => [r, int])) },
    blankTimestamp: int,
    notInInventory: int,
    order: arr(str),
  });
  type S = FleetSummary;
  const fleetSummary = obj<S>({
    devicesAffected: int,
    devicesRecovered: int,
    byJoinType: counts,
    byErrorCode: counts,
    byCause: counts,
    byInventoryState: counts,
    failuresByDay: arr(obj<S['failuresByDay'][number]>({ day: str, count: int, byCode: counts })),
    topDeletionActors: arr(obj<S['topDeletionActors'][number]>({ actor: str, actorType: str, deletes: int, disables: int, affectedDevices: int })),
    failuresWithoutDevice: counts,
    signIns: obj<S['signIns']>({
      rows: int,
      successes: int,
      failures: int,
      deviceErrorFailures: int,
      devicesSeen: int,
      first: nul(str),
      last: nul(str),
    }),
    inventory: nul(obj<NonNullable<S['inventory']>>({ devices: int, enabled: int, disabled: int, byJoinType: counts })),
    audit: nul(obj<NonNullable<S['audit']>>({ deletes: int, disables: int, matched: int })),
    statuses: nul(obj<NonNullable<S['statuses']>>({ files: int, matched: int })),
  });
  return {
    ...header('fleet', 'dsreg-doctor fleet report', 'The document of `dsreg-doctor fleet --format json` (docs/contract.md).'),
    ...obj<FleetReport>({
      schemaVersion: constant(SCHEMA_VERSIONS.fleet),
      tool,
      asOf: iso,
      inputs: arr(input),
      affected: arr(affected),
      cleanupImpact: arr(entry),
      cleanup: nul(summary),
      summary: fleetSummary,
      rows: ref('rows'),
    }),
    $defs: { rows },
  };
}

function cleanupSchema(): Schema {
  const holdReason = oneOf(...HOLD_REASONS);
  const device = obj<CleanupDevice>({
    deviceId: str,
    objectId: nul(str),
    displayName: nul(str),
    joinType,
    os: nul(str),
    enabled: nul(bool),
    lastActivity: nul(str),
    activitySource: nul(oneOf('inventory', 'signin')),
    activityAgeDays: nul(int),
    reasons: arr(holdReason),
    errorsSinceStage1: arr(str),
    lastErrorSinceStage1: nul(str),
    restorableUntil: nul(str),
  });
  const devices = arr(ref('device'));
  return {
    ...header(
      'cleanup',
      'dsreg-doctor staged cleanup',
      'The document of `dsreg-doctor cleanup --format json`, also the state stage 2 and 3 read back (docs/contract.md).',
    ),
    ...obj<StagedCleanup>({
      schemaVersion: constant(SCHEMA_VERSIONS.cleanup),
      kind: constant('staged-cleanup'),
      asOf: iso,
      stage: oneOf(1, 2, 3),
      staleDays: int,
      graceDays: int,
      sinceStage1: nul(iso),
      graceEndsAt: nul(iso),
      warnings: arr(oneOf('no-signins', 'no-bitlocker-list', 'no-autopilot-list', 'no-stage1-list', 'grace-not-over', 'signins-before-stage1')),
      candidates: int,
      byReason: map(int),
      heldBack: devices,
      disable: devices,
      reEnable: devices,
      pendingDelete: devices,
      delete: devices,
      wouldBreak: obj<StagedCleanup['wouldBreak']>({ disable: arr(str), delete: arr(str) }),
      activityAge: arr(obj<ActivityBucket>({ fromDays: nul(num), toDays: nul(num), count: int })),
    }),
    $defs: { device },
  };
}

/** Every shipped schema, by document kind (file `schemas/<kind>.schema.json`). */
export function documentSchemas(): Record<Exclude<keyof typeof SCHEMA_VERSIONS, 'parse'>, Schema> {
  return { diagnosis: diagnosisSchema(), verify: verifySchema(), explain: explainSchema(), fleet: fleetSchema(), cleanup: cleanupSchema() };
}
