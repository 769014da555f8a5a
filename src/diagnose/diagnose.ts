import { collectErrorCodes, type DeviceStatus, toDeviceStatus } from '../model/status.js';
import type { ParsedReport } from '../read/parse.js';
import { buildPlan, type Plan } from '../plan/plan.js';
import { prtAttemptFailed, type Registration, registrationsOf } from '../model/registrations.js';
import { detectRunContext, evidenceOf, referenceClock, sortCodes, sortEvidence } from './context.js';
import { matchRegistration, type RegistrationMatch } from './match.js';
import { extractReportedError, optionCodes, type ReportedError } from './reported-error.js';
import { RULES } from './rules/index.js';
import type { DiagnoseOptions, Finding, ReferenceClock, Rule, RuleContext, RunContext } from './types.js';

/** Everything diagnose knows about one output: the state, the problems, the plan. */
export interface Diagnosis {
  status: DeviceStatus;
  report: ParsedReport;
  /** Codes in the input and in `--error`: AADSTS/MSIS first, then hex; unique. */
  errorCodes: string[];
  /** Codes that came from `--error`. */
  errorInputCodes: string[];
  /** The reported error: `--error`, `--device-id` and error texts anywhere in the input. */
  reported: ReportedError;
  /** The registrations the output shows (device join, work accounts). */
  registrations: Registration[];
  /** Which registration the reported error is about. */
  match: RegistrationMatch;
  runContext: RunContext;
  clock: ReferenceClock | null;
  findings: Finding[];
  plan: Plan;
  /** 0 nothing wrong, 1 an error-level finding (the contract's exit code). */
  exitCode: 0 | 1;
}

/**
 * What a collection bundle knows and the admin did not say: MDM enrolment, the registry key,
 * the policies. Options given explicitly win.
 */
function withBundleFacts(report: ParsedReport, given: DiagnoseOptions): DiagnoseOptions {
  const b = report.bundle;
  if (!b) return given;
  const options: DiagnoseOptions = { ...given };
  if (options.mdm === undefined && b.mdmEnrollments !== null) options.mdm = b.mdmEnrollments > 0;
  if (options.autoRegistrationDisabled === undefined && b.autoWorkplaceJoin !== null) options.autoRegistrationDisabled = !b.autoWorkplaceJoin;
  if (options.aadStorageKey === undefined && b.aadStorageKey !== null) options.aadStorageKey = b.aadStorageKey;
  if (options.blockWorkplaceJoin === undefined && b.blockAadWorkplaceJoin !== null) options.blockWorkplaceJoin = b.blockAadWorkplaceJoin;
  return options;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The error is matched to the join without its device identifier, and the output cannot show the
 * join failing: no DeviceAuthStatus (Windows 10 1607 and trimmed outputs), AzureAdPrt YES, no
 * failed PRT attempt.
 */
function unconfirmedJoin(status: DeviceStatus, join: Registration | undefined, match: RegistrationMatch): boolean {
  if (join?.health !== 'unknown' || match.verdict !== 'device-join' || match.by === 'device-id') return false;
  return status.azureAdPrt.value === true && !status.prtDiagnostics.some(prtAttemptFailed);
}

/** What the rules look at, for one parsed output: built once, shared by every rule (and the RuleTester). */
export function ruleContext(report: ParsedReport, given: DiagnoseOptions = {}): { ctx: RuleContext; fromError: string[] } {
  const status = toDeviceStatus(report);
  const options = withBundleFacts(report, given);
  const fromError = optionCodes(options.error);
  const reported = extractReportedError(report, { error: options.error, deviceId: options.deviceId });
  const eventCodes = collectErrorCodes((report.bundle?.events ?? []).map((e) => e.message));
  const allCodes = sortCodes([...fromError, ...status.errorCodes, ...reported.codes, ...eventCodes]);
  const registrations = registrationsOf(status);
  const match = matchRegistration(registrations, reported, allCodes);
  const ctx: RuleContext = {
    status,
    errorCodes: reported.codes,
    reported,
    registrations,
    match,
    allCodes,
    runContext: detectRunContext(status),
    clock: referenceClock(status),
    options,
    earlier: [],
    lineText: (line) => (report.lines[line - 1] ?? '').trimEnd(),
    evidenceOf,
  };
  return { ctx, fromError };
}

/** Run the rules in order: each sees the findings of the rules before it (`ctx.earlier`). Evidence sorted, one entry a line. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) for (const f of rule.check({ ...ctx, earlier: [...findings] })) findings.push(f);
  for (const f of findings) f.evidence = sortEvidence(f.evidence);
  return findings;
}

/**
 * Diagnose one parsed `dsregcmd /status` output.
 *
 * @example
 * const d = diagnose(readStatusText(text), { error: '700003' });
 * d.plan.steps.map((s) => s.id); // e.g. ['forcerecovery', 'clear-aad-storage-key', 'contact-support']
 */
export function diagnose(report: ParsedReport, given: DiagnoseOptions = {}): Diagnosis {
  const { ctx, fromError } = ruleContext(report, given);
  const { status, registrations, match, allCodes, options, reported } = ctx;
  const findings = runRules(RULES, ctx);
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const join = registrations.find((r) => r.kind === 'device-join');
  const target = match.verdict === 'work-account' && match.registration && status.joinType !== 'entra-registered' ? match.registration : null;
  const plan = buildPlan({
    joinType: status.joinType,
    findings,
    codes: allCodes,
    options,
    workplaceJoined: status.workplaceJoined.value,
    healthyJoin: join?.health === 'healthy',
    unconfirmedJoin: unconfirmedJoin(status, join, match),
    mdmUrl: ['MdmUrl', 'WorkplaceMdmUrl'].some((name) => status.fieldsNamed(name).some((f) => /^https?:\/\//i.test(f.value.trim()))),
    runContext: ctx.runContext.kind,
    ...(target
      ? {
          target: {
            kind: 'work-account' as const,
            partner: target.partner,
            tenant: target.tenantName ?? target.tenantId ?? '—',
            deviceId: target.deviceId ?? '—',
          },
        }
      : {}),
  });
  return {
    status,
    report,
    errorCodes: allCodes,
    errorInputCodes: fromError,
    reported,
    registrations,
    match,
    runContext: ctx.runContext,
    clock: ctx.clock,
    findings,
    plan,
    exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0,
  };
}
