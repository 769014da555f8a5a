// verify tells the truth (#11 item 4) and recognises a restore (#18 item 2): the table of
// test/fixtures/verify/EXPECTED.tsv (inputs and verdicts written before reading the code), through
// the library, the CLI (en and ja) and the web API's verify route (en and ja).
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { en, ja } from '../src/i18n/all.js';
import { readStatusBytes } from '../src/read/parse.js';
import { verify } from '../src/verify/verify.js';
import { createApp } from '../src/web/app.js';
import { type ExpectedVerdict, expectedVerdicts, verifyFixtureBytes, verifyFixturePath } from './verify-fixtures.js';

type Row = ExpectedVerdict & { nextStep: string | null };

/** EXPECTED.tsv names two steps in words (written before the step ids existed): their ids. */
const STEP_OF_WORDS: Record<string, string | null> = {
  '-': null,
  'sign in to complete recovery': 'sign-in-to-recover',
  're-join Entra (not fixed)': 'rejoin-entra',
  'ask: does the error still appear': null,
};
const rows = expectedVerdicts().map((r) => ({ ...r, nextStep: r.next in STEP_OF_WORDS ? (STEP_OF_WORDS[r.next] ?? null) : r.next }));

const label = (r: Row) => `${r.before} → ${r.after}${r.error ? ` (--error ${r.error})` : ''}${r.afterError ? ` (--after-error ${r.afterError})` : ''}`;

function args(r: Row, lang: 'en' | 'ja', format: 'json' | 'text'): string[] {
  return [
    'verify',
    verifyFixturePath(r.before),
    verifyFixturePath(r.after),
    ...(r.error ? ['--error', r.error] : []),
    ...(r.afterError ? ['--after-error', r.afterError] : []),
    '--lang',
    lang,
    '--format',
    format,
  ];
}

async function* noInput(): AsyncIterable<string> {}
async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: noInput(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { LANG: 'C' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('verify: the expected verdicts (library)', () => {
  it('the table has every class of the issue', () => {
    const verdicts = new Set(rows.map((r) => r.verdict));
    for (const v of ['fixed', 'not-fixed', 'in-progress', 'different-problem', 'cannot-tell']) expect(verdicts, v).toContain(v);
  });

  it.each(rows.map((r) => [label(r), r] as const))('%s', (_, r) => {
    const before = readStatusBytes(verifyFixtureBytes(r.before), { name: r.before });
    const after = readStatusBytes(verifyFixtureBytes(r.after), { name: r.after });
    const v = verify(before, after, { ...(r.error ? { error: r.error } : {}), ...(r.afterError ? { afterError: r.afterError } : {}) });
    expect(v.verdict, r.why).toBe(r.verdict);
    expect(v.nextStep, r.why).toBe(r.nextStep);
    // every verdict but "nothing was wrong" says why
    expect(v.reasons.length).toBeGreaterThan(0);
    // never the same remedy again after a re-registration that worked
    if (r.afterError === '700003' && v.before.status.deviceId.value !== v.after.status.deviceId.value)
      expect(['forcerecovery', 'leave-and-reboot', 'reconnect-work-account']).not.toContain(v.nextStep);
  });
});

describe('verify through the CLI, in English and Japanese', () => {
  it.each(rows.map((r) => [label(r), r] as const))('%s', async (_, r) => {
    for (const lang of ['en', 'ja'] as const) {
      const cat = lang === 'en' ? en : ja;
      const j = await cli(args(r, lang, 'json'));
      expect(j.stderr).not.toMatch(/at .*\.ts:\d+/);
      const json = JSON.parse(j.stdout);
      expect(json.verdict).toBe(r.verdict);
      expect(json.nextStep).toBe(r.nextStep);
      expect(json.message).toBe(cat[`verify.${r.verdict}` as keyof typeof en]);
      expect(json.reasons.length).toBeGreaterThan(0);
      if (r.nextStep) expect(json.nextStepDetail.title).toBe(cat[`step.${r.nextStep}.title` as keyof typeof en]);
      expect(j.code).toBe(r.verdict === 'fixed' ? 0 : 1);
      const t = await cli(args(r, lang, 'text'));
      expect(t.stdout).toContain(cat[`verify.${r.verdict}` as keyof typeof en]);
      if (lang === 'ja') expect(t.stdout).toMatch(/[\u3040-\u30ff]/);
    }
  });

  it('a restore: the same DeviceId with SUCCESS is fixed, and the text says it was restored', async () => {
    const r = await cli(['verify', verifyFixturePath('s01-aadj-700003'), verifyFixturePath('aadj-restored-same-id'), '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('83cfa1ed-f804-4304-97d9-21dabe8634fa');
    expect(r.stdout).toContain(ja['verify.reason.restored'].slice(0, 8));
  });

  it('a join turned into a registration names the change and is never fixed', async () => {
    const r = await cli(['verify', verifyFixturePath('s01-aadj-700003'), verifyFixturePath('aadj-became-registered'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('from Microsoft Entra joined to Microsoft Entra registered');
    expect(r.stdout).not.toContain(en['verify.fixed']);
  });
});

describe("verify through the web API's verify route, in English and Japanese", () => {
  const PORT = 7013;
  const HOST = `127.0.0.1:${PORT}`;
  const app = createApp({ port: PORT });
  const post = (path: string, body: FormData) => app.request(`http://${HOST}${path}`, { method: 'POST', body, headers: { host: HOST } });

  it.each(rows.map((r) => [label(r), r] as const))('%s', async (_, r) => {
    for (const lang of ['en', 'ja'] as const) {
      const cat = lang === 'en' ? en : ja;
      const f = new FormData();
      f.append('before', new Blob([verifyFixtureBytes(r.before)]), 'before.txt');
      f.append('after', new Blob([verifyFixtureBytes(r.after)]), 'after.txt');
      const q = new URLSearchParams({ lang, ...(r.error ? { error: r.error } : {}), ...(r.afterError ? { afterError: r.afterError } : {}) });
      const res = await post(`/api/verify?${q}`, f);
      expect(res.status).toBe(200);
      const json = (await res.json()) as { verdict: string; nextStep: string | null; message: string; reasons: { id: string; text: string }[] };
      expect(json.verdict).toBe(r.verdict);
      expect(json.nextStep).toBe(r.nextStep);
      expect(json.message).toBe(cat[`verify.${r.verdict}` as keyof typeof en]);
      expect(json.reasons.length).toBeGreaterThan(0);
      for (const reason of json.reasons) expect(reason.text).not.toMatch(/\{\w+\}/);
    }
  });
});
