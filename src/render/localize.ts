import {
  type DiagnosisDocument,
  diagnosisDocument,
  type LocalizedAction,
  type LocalizedCode,
  type LocalizedFinding,
  type LocalizedStep,
  type RegistrationJson,
} from '../contract/diagnosis.js';
import type { Diagnosis } from '../diagnose/diagnose.js';
import type { Finding } from '../diagnose/types.js';
import type { MessageKey, Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { lookupCode } from '../knowledge/codes.js';
import type { Registration } from '../model/registrations.js';
import type { PlanStep } from '../plan/plan.js';
import { warningText } from './warnings.js';

/** A diagnosis with every text in one language: what the JSON, text and Markdown renderers print (types in contract/). */
export type { LocalizedAction, LocalizedCode, LocalizedFinding, LocalizedStep };

export function localizeFinding(f: Finding, t: Translate): LocalizedFinding {
  return {
    id: f.id,
    severity: f.severity,
    title: t(f.title, f.params),
    explanation: t(f.explanation, f.params),
    evidence: f.evidence,
    codes: f.codes,
    ...(f.registration ? { registration: f.registration } : {}),
  };
}

/** One registration in words: `device join (hybrid-joined), DeviceId …, tenant …`. */
export function registrationText(r: Registration, t: Translate): string {
  const tenant = r.tenantName ?? r.tenantId ?? '—';
  const text =
    r.kind === 'device-join'
      ? t('registration.device-join', { joinType: t(`joinType.${r.joinType}`), deviceId: r.deviceId ?? '—', tenant })
      : t('registration.work-account', { index: r.id.replace('work-account-', ''), deviceId: r.deviceId ?? '—', tenant });
  return `${text}${r.partner ? ` (${t('registration.partner')})` : ''}: ${t(`registration.health.${r.health}`)}`;
}

/** The match of the reported error to a registration, in words. */
export function matchText(d: Diagnosis, t: Translate): string {
  const m = d.match;
  if (m.verdict === 'none') return t('match.none');
  if (m.verdict === 'needs-evidence')
    return m.registration ? `${t('match.needs-evidence')} — ${registrationText(m.registration, t)}` : t('match.needs-evidence');
  return m.registration ? `${registrationText(m.registration, t)} — ${m.by ? t(`match.by.${m.by}`) : ''}` : t('match.none');
}

/** The reported error in one line: codes, device identifier, tenant. */
export function reportedErrorText(d: Diagnosis): string {
  const r = d.reported;
  const parts = [
    r.codes.join(', '),
    ...r.deviceIds.map((id) => `Device identifier ${id}`),
    ...[...r.tenantNames, ...r.tenantIds].map((x) => `tenant '${x}'`),
  ].filter((p) => p !== '');
  return parts.join('; ') || '—';
}

function registrationJson(r: Registration): RegistrationJson {
  return {
    id: r.id,
    kind: r.kind,
    joinType: r.joinType,
    deviceId: r.deviceId,
    tenantId: r.tenantId,
    tenantName: r.tenantName,
    partner: r.partner,
    health: r.health,
    lines: [...new Set([...r.fields, ...r.healthFields].map((f) => f.line))].sort((a, b) => a - b),
  };
}

export function localizeCode(code: string, lang: Lang): LocalizedCode {
  const entry = lookupCode(code);
  if (!entry) return { code, known: false, family: null, category: null, meaning: null, cause: null, action: null };
  const text = entry[lang];
  return { code, known: true, family: entry.family, category: entry.category, meaning: text.meaning, cause: text.cause, action: text.action };
}

export function localizeStep(step: PlanStep, t: Translate): LocalizedStep {
  const key = (part: 'title' | 'actions' | 'expect' | 'verify'): MessageKey => `step.${step.id}.${part}`;
  return {
    id: step.id,
    stage: step.stage,
    admin: step.admin,
    adminScope: step.adminScope,
    conditional: step.conditional,
    title: t(key('title'), step.params),
    why: t(step.whyKey, step.params),
    actions: t(key('actions'), step.params)
      .split('\n')
      .map((line) => (line.startsWith('$ ') ? { kind: 'command' as const, text: line.slice(2) } : { kind: 'text' as const, text: line })),
    expect: t(key('expect'), step.params),
    verify: t(step.verifyKey ?? key('verify'), step.params),
    caveats: step.caveats.map((c) => t(c)),
  };
}

/** The document of `diagnose --format json` (docs/contract.md). */
export function diagnosisToJson(d: Diagnosis, lang: Lang, t: Translate, version: string): DiagnosisDocument {
  const s = d.status;
  const r = d.report;
  return diagnosisDocument(
    {
      lang,
      input: {
        name: r.source.name,
        encoding: r.source.encoding,
        lines: r.source.lines,
        lineEnding: r.source.lineEnding,
        recognized: r.recognized,
        elided: r.elided,
        skippedLines: r.skippedLines,
        warnings: r.warnings.map((w) => ({ ...w, message: warningText(w, t) })),
      },
      device: {
        joinType: s.joinType,
        azureAdJoined: s.azureAdJoined.value,
        domainJoined: s.domainJoined.value,
        enterpriseJoined: s.enterpriseJoined.value,
        workplaceJoined: s.workplaceJoined.value,
        deviceId: s.deviceId.value,
        tenantId: s.tenantId.value,
        deviceName: s.deviceName.value,
        tenantName: s.tenantName.value,
        deviceAuthStatus: s.deviceAuthStatus.value,
        azureAdPrt: s.azureAdPrt.value,
        domainName: s.domainName.value,
        masked: {
          deviceId: s.deviceId.masked,
          tenantId: s.tenantId.masked,
          deviceName: s.deviceName.masked,
          tenantName: s.tenantName.masked,
        },
        lines: {
          azureAdJoined: s.azureAdJoined.field?.line ?? null,
          domainJoined: s.domainJoined.field?.line ?? null,
          enterpriseJoined: s.enterpriseJoined.field?.line ?? null,
          workplaceJoined: s.workplaceJoined.field?.line ?? null,
          deviceId: s.deviceId.field?.line ?? null,
          tenantId: s.tenantId.field?.line ?? null,
          deviceAuthStatus: s.deviceAuthStatus.field?.line ?? null,
          azureAdPrt: s.azureAdPrt.field?.line ?? null,
        },
      },
      runContext: d.runContext,
      clock: d.clock ? { iso: d.clock.iso, exact: d.clock.exact, line: d.clock.field.line, field: d.clock.field.name } : null,
      errorCodes: d.errorCodes,
      codes: d.errorCodes.map((c) => localizeCode(c, lang)),
      reportedError: {
        codes: d.reported.codes,
        deviceIds: d.reported.deviceIds,
        tenantNames: d.reported.tenantNames,
        tenantIds: d.reported.tenantIds,
        correlationIds: d.reported.correlationIds,
        timestamps: d.reported.timestamps,
        sources: d.reported.sources,
      },
      registrations: d.registrations.map(registrationJson),
      matchedRegistration: {
        verdict: d.match.verdict,
        registration: d.match.registration?.id ?? null,
        by: d.match.by,
        reason: d.match.reason,
        text: matchText(d, t),
        evidence: d.match.evidence,
      },
      findings: d.findings.map((f) => localizeFinding(f, t)),
      plan: { branch: d.plan.branch, steps: d.plan.steps.map((st) => localizeStep(st, t)) },
      exitCode: d.exitCode,
    },
    version,
  );
}
