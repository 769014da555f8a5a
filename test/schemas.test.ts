import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { documentSchemas } from '../src/contract/schemas.js';
import { en } from '../src/i18n/en.js';
import { CODES } from '../src/knowledge/codes.js';
import { STEP_IDS } from '../src/plan/step-ids.js';
import { ROOT } from './helpers.js';
import { expectedVerdicts, verifyFixturePath } from './verify-fixtures.js';

/**
 * The shipped JSON Schemas (schemas/*.schema.json) are current, and every JSON the tool writes
 * validates against them: the golden diagnoses, and the CLI's documents of diagnose, verify,
 * explain, fleet and cleanup on the repository's fixtures.
 */

const SCHEMAS = join(ROOT, 'schemas');
const kinds = Object.keys(documentSchemas()) as (keyof ReturnType<typeof documentSchemas>)[];
const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const validators = Object.fromEntries(kinds.map((k) => [k, ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${k}.schema.json`), 'utf8')))])) as Record<
  (typeof kinds)[number],
  ValidateFunction
>;

function problems(kind: (typeof kinds)[number], doc: unknown): string[] {
  const validate = validators[kind];
  return validate(doc) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

async function run(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

const DSREG = join(ROOT, 'test', 'fixtures', 'dsregcmd');
const NOHARM = join(ROOT, 'test', 'fixtures', 'noharm');
const FLEET = join(ROOT, 'test', 'fixtures', 'fleet');
const txt = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(dir, f));

describe('shipped JSON Schemas', () => {
  it.each(kinds)('schemas/%s.schema.json is what scripts/gen-schemas.mjs writes from src/contract/schemas.ts', (kind) => {
    expect(readFileSync(join(SCHEMAS, `${kind}.schema.json`), 'utf8')).toBe(`${JSON.stringify(documentSchemas()[kind], null, 2)}\n`);
  });

  it('package.json ships them', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).files).toContain('schemas');
  });

  it('a schema rejects what its type does not allow (the test can fail)', () => {
    const golden = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 's01-aadj-700003.en.json'), 'utf8'));
    expect(problems('diagnosis', golden)).toEqual([]);
    expect(problems('diagnosis', { ...golden, surprise: 1 })).not.toEqual([]);
    expect(problems('diagnosis', { ...golden, schemaVersion: 2 })).not.toEqual([]);
    expect(problems('diagnosis', { ...golden, device: { ...golden.device, joinType: 'azure-ad-joined' } })).not.toEqual([]);
    const { plan: _, ...noPlan } = golden;
    expect(problems('diagnosis', noPlan)).not.toEqual([]);
    const step = golden.plan.steps[0];
    expect(problems('diagnosis', { ...golden, plan: { ...golden.plan, steps: [{ ...step, id: 'reboot-twice' }] } })).not.toEqual([]);
  });
});

describe('every JSON output validates against its schema', () => {
  const goldens = readdirSync(join(ROOT, 'test', 'golden')).filter((f) => f.endsWith('.json'));

  it('has goldens to check', () => expect(goldens.length).toBeGreaterThanOrEqual(40));

  it.each(goldens)('golden %s (diagnosis)', (file) => {
    expect(problems('diagnosis', JSON.parse(readFileSync(join(ROOT, 'test', 'golden', file), 'utf8')))).toEqual([]);
  });

  it('diagnose --format json, every fixture, both languages, with --error and --device-id', async () => {
    for (const file of [...txt(DSREG), ...txt(NOHARM)]) {
      for (const extra of [
        ['--lang', 'en'],
        ['--lang', 'ja', '--error', '700003', '--mdm'],
        ['--device-id', '83cfa1ed-f804-4304-97d9-21dabe8634fa'],
      ]) {
        const r = await run(['diagnose', file, '--format', 'json', ...extra]);
        expect(r.code, `${file} ${r.stderr}`).toBeLessThan(2);
        expect(problems('diagnosis', JSON.parse(r.stdout)), file).toEqual([]);
      }
    }
  }, 120_000);

  it('verify --format json, every pair of EXPECTED.tsv, both languages', async () => {
    const rows = expectedVerdicts();
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const options = [...(row.error ? ['--error', row.error] : []), ...(row.afterError ? ['--after-error', row.afterError] : [])];
      for (const lang of ['en', 'ja']) {
        const args = ['verify', verifyFixturePath(row.before), verifyFixturePath(row.after), '--format', 'json', '--lang', lang, ...options];
        const r = await run(args);
        expect(r.code, `${row.before} ${row.after} ${r.stderr}`).toBeLessThan(2);
        const doc = JSON.parse(r.stdout);
        expect(problems('verify', doc), `${row.before} → ${row.after}`).toEqual([]);
        expect(doc.verdict).toBe(row.verdict);
        expect(r.code).toBe(doc.verdict === 'fixed' || doc.verdict === 'no-change-needed' ? 0 : 1);
      }
    }
  }, 120_000);

  it('explain --format json, every code of the knowledge base and an unknown one', async () => {
    for (const entry of CODES) {
      const r = await run(['explain', entry.code, '--format', 'json', '--lang', 'ja']);
      expect(r.code, entry.code).toBe(0);
      expect(problems('explain', JSON.parse(r.stdout)), entry.code).toEqual([]);
    }
    const unknown = await run(['explain', '0x8badf00d', '--format', 'json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ code: '0x8badf00d', known: false });
    expect(problems('explain', JSON.parse(unknown.stdout))).toEqual([]);
  }, 60_000);

  const ALL = [
    ...['--signins', 'entra-interactive-signins.csv', '--signins', 'entra-noninteractive-signins.csv'],
    ...['--devices', 'entra-devices.csv', '--audit', 'entra-audit.csv', '--statuses', 'statuses', '--as-of', '2025-06-04'],
  ];

  it.each([
    ['all inputs', ALL],
    ['all inputs, --stale-days 90', [...ALL, '--stale-days', '90']],
    ['all inputs, --planned-deletions', [...ALL, '--planned-deletions', 'planned-deletions.txt']],
    ['Graph JSON and a key list', ['graph-signins.jsonl', 'graph-devices.json', 'graph-audit.json', 'bitlocker-keys.json', '--as-of', '2025-06-04']],
    ['Log Analytics', ['la-signinlogs.csv', 'la-noninteractive.csv', 'la-auditlogs.csv', 'mgdevice-export.csv', '--as-of', '2025-06-04']],
  ])(
    'fleet --format json: %s',
    async (_, args) => {
      const r = await run(['fleet', ...args.map((a) => (a.includes('.') || a === 'statuses' ? join(FLEET, a) : a)), '--format', 'json']);
      expect(r.code, r.stderr).toBeLessThan(2);
      const doc = JSON.parse(r.stdout);
      expect(doc.affected.length + doc.summary.signIns.rows).toBeGreaterThan(0);
      expect(problems('fleet', doc)).toEqual([]);
    },
    60_000,
  );

  it('cleanup --format json: stage 1, then stage 2 and 3 from the stage-1 list', async () => {
    const files = ['entra-devices.csv', 'entra-interactive-signins.csv', 'entra-noninteractive-signins.csv', 'entra-audit.csv'].map((f) => join(FLEET, f));
    for (const stage of [
      ['--stage', '1'],
      ['--stage', '2', '--since-stage1', '2025-05-01'],
      ['--stage', '3', '--since-stage1', '2025-04-01'],
    ]) {
      const r = await run(['cleanup', ...files, '--stale-days', '30', '--as-of', '2025-06-04', '--format', 'json', ...stage]);
      expect(r.code, r.stderr).toBeLessThan(2);
      const doc = JSON.parse(r.stdout);
      expect(doc.kind).toBe('staged-cleanup');
      expect(problems('cleanup', doc), stage.join(' ')).toEqual([]);
    }
  }, 60_000);
});

describe('docs/contract.md and contract.ja.md', () => {
  const docs = ['contract.md', 'contract.ja.md'].map((f) => [f, readFileSync(join(ROOT, 'docs', f), 'utf8')] as const);
  const findingIds = Object.keys(en)
    .map((k) => /^finding\.([a-z0-9-]+)\.title$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined);

  it.each(docs)('%s names every step id, finding id and document kind', (_, text) => {
    expect(findingIds.length).toBeGreaterThan(20);
    expect(STEP_IDS.filter((id) => !text.includes(`\`${id}\``))).toEqual([]);
    expect(findingIds.filter((id) => !text.includes(`\`${id}\``))).toEqual([]);
    expect(kinds.filter((k) => !text.includes(`schemas/${k}.schema.json`))).toEqual([]);
  });

  it('README.md and README.ja.md link them', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/contract.md)');
    expect(readFileSync(join(ROOT, 'README.ja.md'), 'utf8')).toContain('(docs/contract.ja.md)');
  });
});
