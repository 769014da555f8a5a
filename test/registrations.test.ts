// Which registration fails, and first, do no harm (issue 11). Inputs in test/fixtures/noharm/,
// written from the article and the domain notes in the layouts of the dsregcmd fixtures; the
// expected answers below were labelled before the code was read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { diagnose } from '../src/diagnose/diagnose.js';
import type { DiagnoseOptions } from '../src/diagnose/types.js';
import { translator } from '../src/i18n/format.js';
import { readStatusText } from '../src/read/parse.js';
import { diagnosisToMarkdown } from '../src/render/diagnosis-markdown.js';
import { diagnosisToText } from '../src/render/diagnosis-text.js';
import { intunePair } from '../src/script/intune.js';
import { remediationScript } from '../src/script/remediation.js';
import { createApp } from '../src/web/app.js';
import { memoryIo, ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'noharm');
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const NOW = new Date('2025-06-01T00:00:00Z');

/** Steps that change a registration: never for one the output shows healthy. */
const DESTRUCTIVE = ['leave-and-reboot', 'forcerecovery', 'disconnect-work-account', 'clear-aad-storage-key', 'retire-in-mdm'];
const JOIN_CHANGING = ['leave-and-reboot', 'forcerecovery', 'clear-aad-storage-key', 'retire-in-mdm'];

const HYBRID_JOIN_ID = '13f4d226-e48f-44f9-9d68-ce89d1e65ad6';
const PARTNER_ERROR = "AADSTS700003: Device object was not found in the tenant 'Fabrikam' directory.";
const PARTNER_ERROR_JA = "AADSTS700003: テナント 'Fabrikam' のディレクトリにデバイス オブジェクトが見つかりませんでした。";

interface Case {
  name: string;
  file: string;
  options: DiagnoseOptions;
  joinType: string;
  verdict: 'device-join' | 'work-account' | 'needs-evidence' | 'none';
  registration: string | null;
  first: string | null;
  mustNot: string[];
  exit: 0 | 1;
  /** Input lines that must be shown as evidence of the reported error. */
  evidenceLines?: number[];
}

const CASES: Case[] = [
  {
    name: 'healthy hybrid, the user reports 700003',
    file: 'n01-hybrid-healthy.txt',
    options: { error: '700003' },
    joinType: 'hybrid-joined',
    verdict: 'needs-evidence',
    registration: 'device-join',
    first: 'collect-error-details',
    mustNot: [...DESTRUCTIVE, 'contact-support'],
    exit: 1,
  },
  {
    name: 'healthy hybrid, --device-id of its own join',
    file: 'n01-hybrid-healthy.txt',
    options: { error: '700003', deviceId: HYBRID_JOIN_ID },
    joinType: 'hybrid-joined',
    verdict: 'needs-evidence',
    registration: 'device-join',
    first: 'collect-error-details',
    mustNot: DESTRUCTIVE,
    exit: 1,
  },
  {
    name: 'healthy hybrid, no error reported',
    file: 'n01-hybrid-healthy.txt',
    options: {},
    joinType: 'hybrid-joined',
    verdict: 'none',
    registration: null,
    first: null,
    mustNot: DESTRUCTIVE,
    exit: 0,
  },
  {
    name: 'healthy hybrid + stale Entra registration, English error page pasted before the output',
    file: 'n02-hybrid-healthy-stale-registration.txt',
    options: {},
    joinType: 'hybrid-joined',
    verdict: 'work-account',
    registration: 'work-account-1',
    first: 'disconnect-work-account',
    mustNot: JOIN_CHANGING,
    exit: 1,
    evidenceLines: [4, 10, 15],
  },
  {
    name: 'Entra joined of tenant A + work account of partner tenant B, error names B (en)',
    file: 'n03-aadj-partner-tenant.txt',
    options: { error: PARTNER_ERROR },
    joinType: 'entra-joined',
    verdict: 'work-account',
    registration: 'work-account-1',
    first: 'disconnect-work-account',
    mustNot: JOIN_CHANGING,
    exit: 1,
  },
  {
    name: 'Entra joined of tenant A + work account of partner tenant B, error names B (ja)',
    file: 'n03-aadj-partner-tenant.txt',
    options: { error: PARTNER_ERROR_JA },
    joinType: 'entra-joined',
    verdict: 'work-account',
    registration: 'work-account-1',
    first: 'disconnect-work-account',
    mustNot: JOIN_CHANGING,
    exit: 1,
  },
  {
    name: 'partner tenant PC, a bare 700003: which registration is not said',
    file: 'n03-aadj-partner-tenant.txt',
    options: { error: '700003' },
    joinType: 'entra-joined',
    verdict: 'needs-evidence',
    registration: null,
    first: 'collect-error-details',
    mustNot: DESTRUCTIVE,
    exit: 1,
  },
  {
    name: 'healthy hybrid, output taken as SYSTEM, 700003 reported',
    file: 'n04-hybrid-system-healthy.txt',
    options: { error: '700003' },
    joinType: 'hybrid-joined',
    verdict: 'needs-evidence',
    registration: 'device-join',
    first: 'rerun-as-user',
    mustNot: [...DESTRUCTIVE, 'refresh-prt', 'reconnect-work-account'],
    exit: 1,
  },
  {
    name: 'Japanese ticket with the error page before a failing Entra joined output',
    file: 'n05-ja-ticket-aadj-deleted.txt',
    options: {},
    joinType: 'entra-joined',
    verdict: 'device-join',
    registration: 'device-join',
    first: 'forcerecovery',
    mustNot: ['leave-and-reboot', 'disconnect-work-account'],
    exit: 1,
    evidenceLines: [6, 10, 14],
  },
  {
    name: 'English e-mail: error page of another device, healthy Entra joined output',
    file: 'n06-en-mail-other-device.txt',
    options: {},
    joinType: 'entra-joined',
    verdict: 'needs-evidence',
    registration: null,
    first: 'collect-error-details',
    mustNot: DESTRUCTIVE,
    exit: 1,
    evidenceLines: [11],
  },
  {
    name: 'failing hybrid, Japanese chat after the output (other wording, full-width colon)',
    file: 'n07-hybrid-deleted-ja-chat-after.txt',
    options: {},
    joinType: 'hybrid-joined',
    verdict: 'device-join',
    registration: 'device-join',
    first: 'leave-and-reboot',
    mustNot: ['forcerecovery', 'disconnect-work-account'],
    exit: 1,
  },
  {
    name: 'failing hybrid, --device-id of its join',
    file: 'n07-hybrid-deleted-ja-chat-after.txt',
    options: { deviceId: HYBRID_JOIN_ID },
    joinType: 'hybrid-joined',
    verdict: 'device-join',
    registration: 'device-join',
    first: 'leave-and-reboot',
    mustNot: ['forcerecovery', 'disconnect-work-account'],
    exit: 1,
  },
  // judgement (b): the join healthy and the error naming the join's own tenant do not make the
  // stale registration the failing one by elimination; its Device identifier does
  {
    name: "healthy hybrid + stale registration, the error names only the join's own tenant (en)",
    file: 'n08-hybrid-healthy-stale-registration-no-page.txt',
    options: { error: "AADSTS700003: Device object was not found in the tenant 'Northwind Traders' directory." },
    joinType: 'hybrid-joined',
    verdict: 'needs-evidence',
    registration: null,
    first: 'collect-error-details',
    mustNot: [...DESTRUCTIVE, 'reconnect-work-account'],
    exit: 1,
  },
  {
    name: "healthy hybrid + stale registration, the error names only the join's own tenant (ja)",
    file: 'n08-hybrid-healthy-stale-registration-no-page.txt',
    options: { error: "AADSTS700003: テナント 'Northwind Traders' のディレクトリにデバイス オブジェクトが見つかりませんでした。" },
    joinType: 'hybrid-joined',
    verdict: 'needs-evidence',
    registration: null,
    first: 'collect-error-details',
    mustNot: [...DESTRUCTIVE, 'reconnect-work-account'],
    exit: 1,
  },
  {
    name: 'healthy hybrid + stale registration, --device-id of the WorkplaceDeviceId: disconnect only, no reconnect',
    file: 'n08-hybrid-healthy-stale-registration-no-page.txt',
    options: { error: '700003', deviceId: '6b1c0f4e-2d7a-4c1b-9e55-3f0a8d2c7b11' },
    joinType: 'hybrid-joined',
    verdict: 'work-account',
    registration: 'work-account-1',
    first: 'disconnect-work-account',
    mustNot: [...JOIN_CHANGING, 'reconnect-work-account'],
    exit: 1,
  },
  // judgement (c): the 1607 layout cannot show the join failing (a cached PRT, no DeviceAuthStatus)
  {
    name: '1607 hybrid, PRT cached, the error names its tenant: confirm the object first',
    file: 'n09-hybrid-1607-prt-cached.txt',
    options: { error: "AADSTS700003: Device object was not found in the tenant 'Contoso' directory." },
    joinType: 'hybrid-joined',
    verdict: 'device-join',
    registration: 'device-join',
    first: 'confirm-device-object',
    mustNot: ['forcerecovery', 'disconnect-work-account'],
    exit: 1,
  },
  {
    name: '1607 hybrid, PRT cached, --device-id of its join: the error names it, /leave',
    file: 'n09-hybrid-1607-prt-cached.txt',
    options: { error: '700003', deviceId: '5c2e9a41-7d3b-4f60-8e1a-2b9d4c7f0e63' },
    joinType: 'hybrid-joined',
    verdict: 'device-join',
    registration: 'device-join',
    first: 'leave-and-reboot',
    mustNot: ['forcerecovery', 'disconnect-work-account', 'confirm-device-object'],
    exit: 1,
  },
];

const run = (c: Case) => diagnose(readStatusText(text(c.file), { name: c.file }), { now: NOW, ...c.options });

describe('the reported error is matched to one registration, and only that one is planned for', () => {
  it.each(CASES)('$name', (c) => {
    const d = run(c);
    const steps = d.plan.steps.map((s) => s.id);
    expect(d.status.joinType).toBe(c.joinType);
    expect(d.match.verdict).toBe(c.verdict);
    expect(d.match.registration?.id ?? null).toBe(c.registration);
    // restore first (#18) is a conditional tenant action before the PC's steps of a deleted object
    const onThePc = steps.filter((id) => id !== 'restore-device-object');
    expect(onThePc[0] ?? null).toBe(c.first);
    if (steps.includes('restore-device-object')) expect(steps[0]).toBe('restore-device-object');
    for (const id of c.mustNot) expect(steps, `${id} must not be planned`).not.toContain(id);
    expect(d.exitCode).toBe(c.exit);
    if (c.verdict === 'needs-evidence') {
      expect(d.findings.map((f) => f.id)).toContain('needs-more-evidence');
      expect(d.findings.map((f) => f.id)).not.toContain('device-object-missing');
    }
    const lines = d.findings.flatMap((f) => f.evidence.map((e) => e.line));
    for (const n of c.evidenceLines ?? []) expect(lines, `line ${n} is evidence`).toContain(n);
  });

  it.each(CASES)('script and Intune pair: $name', (c) => {
    const d = run(c);
    const script = remediationScript(d, 'en', { stage: 2, generatedAt: NOW });
    const healthyJoin = d.registrations.some((r) => r.kind === 'device-join' && r.health === 'healthy');
    if (healthyJoin) {
      expect(script).not.toContain('& dsregcmd.exe /leave');
      expect(script).not.toContain('& dsregcmd.exe /forcerecovery');
      expect(script).not.toContain('DeleteSubKeyTree');
      expect(intunePair(d, 'en').remediation).not.toContain('& dsregcmd.exe /leave');
    }
  });
});

describe('the match and its evidence are shown (text, markdown, json), in English and Japanese', () => {
  const partner = CASES[4] as Case;
  it.each(['en', 'ja'] as const)('partner tenant (%s)', (lang) => {
    const d = run(partner);
    const t = translator(lang);
    const out = diagnosisToText(d, lang, t, { color: false });
    const md = diagnosisToMarkdown(d, lang, t);
    for (const s of [out, md]) {
      expect(s).toContain('e3f1a7c2-9b4d-4e6f-8a1c-2d5b7e9f0a48');
      expect(s).toContain(lang === 'en' ? 'matched by the tenant the error names' : 'エラーが示すテナントで照合');
    }
    expect(out).toContain(lang === 'en' ? 'work account of another tenant, Fabrikam' : '別のテナント Fabrikam の職場アカウント');
  });

  it('healthy output: says it does not show the failure, lists the explanations, asks for what decides (en, ja)', () => {
    const d = run(CASES[0] as Case);
    const en = diagnosisToText(d, 'en', translator('en'), { color: false });
    expect(en).toContain('does not show the reported failure');
    for (const s of ['before this output was taken', 'another device', 'as SYSTEM', 'as the affected user', 'Troubleshooting details', 'sign-in log'])
      expect(en).toContain(s);
    const ja = diagnosisToText(d, 'ja', translator('ja'), { color: false });
    for (const s of ['表示されていません', '別のデバイス', 'SYSTEM', 'トラブルシューティングの詳細', 'サインイン ログ']) expect(ja).toContain(s);
  });
});

describe('the web API and the CLI carry the match', () => {
  const PORT = 7011;
  const HOST = `127.0.0.1:${PORT}`;
  const app = createApp({ port: PORT });
  const post = (path: string, body: string) => app.request(`http://${HOST}${path}`, { method: 'POST', body, headers: { host: HOST } });

  it('POST /api/diagnose: healthy hybrid + 700003 is needs-more-evidence, no destructive step', async () => {
    const res = await post('/api/diagnose?error=700003&lang=ja', text('n01-hybrid-healthy.txt'));
    expect(res.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: checked field by field
    const j: any = await res.json();
    expect(j.matchedRegistration.verdict).toBe('needs-evidence');
    expect(j.exitCode).toBe(1);
    expect(j.registrations.map((r: { id: string; health: string }) => `${r.id}:${r.health}`)).toEqual(['device-join:healthy']);
    for (const id of DESTRUCTIVE) expect(j.plan.steps.map((s: { id: string }) => s.id)).not.toContain(id);
  });

  it('POST /api/diagnose?deviceId= matches the stale registration', async () => {
    const body = text('n01-hybrid-healthy.txt');
    const res = await post('/api/diagnose?error=700003&deviceId=6b1c0f4e-2d7a-4c1b-9e55-3f0a8d2c7b11', text('n02-hybrid-healthy-stale-registration.txt'));
    // biome-ignore lint/suspicious/noExplicitAny: checked field by field
    const j: any = await res.json();
    expect(j.matchedRegistration).toMatchObject({ verdict: 'work-account', registration: 'work-account-1', by: 'device-id' });
    expect(j.plan.steps.map((s: { id: string }) => s.id)).toEqual(['disconnect-work-account', 'contact-support']);
    const bad = await post('/api/diagnose?deviceId=not-a-guid', body);
    expect(bad.status).toBe(400);
  });

  it('POST /api/script: no /leave for the healthy join', async () => {
    const res = await post('/api/script?error=700003&stage=2', text('n01-hybrid-healthy.txt'));
    expect(res.status).toBe(200);
    const script = await res.text();
    expect(script).not.toContain('& dsregcmd.exe /leave');
    expect(script).not.toContain('DeleteSubKeyTree');
  });

  it('diagnose --device-id (CLI): exit 1, the match in the JSON; a bad ID is exit 2', async () => {
    const io = memoryIo();
    const code = await main(
      ['diagnose', join(DIR, 'n03-aadj-partner-tenant.txt'), '--device-id', '{E3F1A7C2-9B4D-4E6F-8A1C-2D5B7E9F0A48}', '--error', '700003', '--format', 'json'],
      io,
    );
    expect(code).toBe(1);
    const j = JSON.parse(io.out());
    expect(j.matchedRegistration).toMatchObject({ verdict: 'work-account', registration: 'work-account-1', by: 'device-id' });
    expect(j.plan.steps.map((s: { id: string }) => s.id)).toEqual([
      'restore-device-object',
      'disconnect-work-account',
      'reconnect-work-account',
      'contact-support',
    ]);
    const io2 = memoryIo();
    expect(await main(['diagnose', join(DIR, 'n03-aadj-partner-tenant.txt'), '--device-id', 'nope'], io2)).toBe(2);
    expect(io2.err()).toContain('--device-id');
  });

  it('script --device-id (CLI) for the healthy join writes no /leave', async () => {
    const io = memoryIo();
    await main(['script', join(DIR, 'n01-hybrid-healthy.txt'), '--error', '700003', '--device-id', HYBRID_JOIN_ID, '--stage', '2', '--lang', 'ja'], io);
    expect(io.out()).not.toContain('& dsregcmd.exe /leave');
    expect(io.out()).toContain('collect-error-details');
  });
});

describe('an output that cannot show the join failing: confirm before /leave (#11 c)', () => {
  const d = diagnose(readStatusText(text('n09-hybrid-1607-prt-cached.txt')), {
    now: NOW,
    error: "AADSTS700003: Device object was not found in the tenant 'Contoso' directory.",
  });
  it('every step that rebuilds the join waits for the confirmation, worded as a condition', () => {
    for (const id of ['leave-and-reboot', 'clear-aad-storage-key']) {
      const step = d.plan.steps.find((s) => s.id === id);
      expect(step?.conditional, id).toBe(true);
      expect(step?.caveats, id).toContain('caveat.only-if-object-missing');
    }
    expect(d.plan.steps.find((s) => s.id === 'confirm-device-object')?.caveats).toContain('caveat.confirm-found-enabled');
  });
  it('the script does not run /leave', () => {
    expect(remediationScript(d, 'en', { stage: 2, generatedAt: NOW })).not.toContain('& dsregcmd.exe /leave');
  });
  it.each(['en', 'ja'] as const)('the text says why and what to do when the object is found (%s)', (lang) => {
    const out = diagnosisToText(d, lang, translator(lang), { color: false });
    expect(out).toContain(lang === 'en' ? 'cannot show whether the join fails' : '参加が失敗しているかどうかがわかりません');
    expect(out).toContain(lang === 'en' ? 'Found, enabled and registered' : '見つかって有効で登録済み');
  });
  it('a failed PRT attempt or no PRT is evidence enough: no confirmation step', () => {
    const noPrt = text('n09-hybrid-1607-prt-cached.txt').replace(/AzureAdPrt : YES/, 'AzureAdPrt : NO');
    const d2 = diagnose(readStatusText(noPrt), { now: NOW, error: '700003' });
    expect(d2.plan.steps[0]?.id).toBe('leave-and-reboot');
  });
});
