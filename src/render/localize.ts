import type { Diagnosis } from '../diagnose/diagnose.js';
import type { EvidenceLine, Finding, Severity } from '../diagnose/types.js';
import type { MessageKey, Translate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { lookupCode } from '../knowledge/codes.js';
import type { PlanStep } from '../plan/plan.js';
import { warningText } from './warnings.js';

/** A diagnosis with every text in one language: what the JSON, text and Markdown renderers print. */
export interface LocalizedCode {
  code: string;
  known: boolean;
  family: string | null;
  category: string | null;
  meaning: string | null;
  cause: string | null;
  action: string | null;
}

export interface LocalizedFinding {
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: EvidenceLine[];
  codes: string[];
}

export interface LocalizedAction {
  kind: 'command' | 'text';
  text: string;
}

export interface LocalizedStep {
  id: string;
  stage: PlanStep['stage'];
  admin: boolean;
  adminScope: PlanStep['adminScope'];
  conditional: boolean;
  title: string;
  why: string;
  actions: LocalizedAction[];
  expect: string;
  verify: string;
  caveats: string[];
}

export function localizeFinding(f: Finding, t: Translate): LocalizedFinding {
  return {
    id: f.id,
    severity: f.severity,
    title: t(f.title, f.params),
    explanation: t(f.explanation, f.params),
    evidence: f.evidence,
    codes: f.codes,
  };
}

export function localizeCode(code: string, lang: Lang): LocalizedCode {
  const entry = lookupCode(code);
  if (!entry) return { code, known: false, family: null, category: null, meaning: null, cause: null, action: null };
  const text = entry[lang];
  return { code, known: true, family: entry.family, category: entry.category, meaning: text.meaning, cause: text.cause, action: text.action };
}

export function localizeStep(step: PlanStep, t: Translate): LocalizedStep {
  const key = (part: string) => `step.${step.id}.${part}` as MessageKey;
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
    verify: t(key('verify'), step.params),
    caveats: step.caveats.map((c) => t(c)),
  };
}

/** The JSON of `diagnose --format json`: the public contract of docs/product.md, plus more. */
export function diagnosisToJson(d: Diagnosis, lang: Lang, t: Translate, version: string): unknown {
  const s = d.status;
  const r = d.report;
  return {
    schemaVersion: 1,
    tool: { name: 'dsreg-doctor', version },
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
    findings: d.findings.map((f) => localizeFinding(f, t)),
    plan: { branch: d.plan.branch, steps: d.plan.steps.map((st) => localizeStep(st, t)) },
    exitCode: d.exitCode,
  };
}
