import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { readStatusBytes, readStatusText } from '../src/read/parse.js';
import { ROOT } from './helpers.js';

const bundle = readFileSync(join(ROOT, 'test', 'fixtures', 'bundle', 'bundle-hybrid-mdm-policy.txt'), 'utf8');

describe('collection bundle', () => {
  it('reads the facts and the dsregcmd part with line numbers of the whole file', () => {
    const r = readStatusText(bundle);
    expect(r.bundle).toMatchObject({ aadStorageKey: true, mdmEnrollments: 1, autoWorkplaceJoin: false, blockAadWorkplaceJoin: null, elevated: false });
    expect(r.bundle?.events.map((e) => e.id)).toEqual([1098, 1006]);
    const aad = r.fields.find((f) => f.name === 'AzureAdJoined');
    expect(aad?.line).toBe(bundle.split('\n').findIndex((l) => l.includes('AzureAdJoined')) + 1);
    expect(r.fields.some((f) => f.name === 'AADStorageKey')).toBe(false);
    expect(r.skippedLines).toBe(0);
  });

  it('diagnose uses it: MDM enrolment → retire as the conditional fallback, disabled policy → required policy step, the key → concrete fallback', () => {
    const d = diagnose(readStatusText(bundle));
    const ids = d.plan.steps.map((s) => s.id);
    // retiring is the article's fallback when the MDM blocks the remedy, never the first step
    expect(ids[0]).toBe('leave-and-reboot');
    expect(d.plan.steps.find((s) => s.id === 'retire-in-mdm')).toMatchObject({ stage: 'fallback', conditional: true });
    const policy = d.plan.steps.find((s) => s.id === 'check-auto-registration-policy');
    expect(policy).toMatchObject({ conditional: false, whyKey: 'step.check-auto-registration-policy.why-disabled' });
    expect(d.plan.steps.find((s) => s.id === 'clear-aad-storage-key')?.whyKey).toBe('step.clear-aad-storage-key.why-present');
    const findingIds = d.findings.map((f) => f.id);
    for (const id of ['mdm-enrolled', 'auto-registration-disabled', 'aad-storage-key-present', 'aad-events']) expect(findingIds).toContain(id);
    expect(d.errorCodes).toContain('0xcaa5001c');
    // the MDM caveat is not needed when the enrolment is known
    expect(d.plan.steps.find((s) => s.id === 'leave-and-reboot')?.caveats).not.toContain('caveat.mdm-may-block');
  });

  it('reads the UTF-8-with-BOM file the collection script writes', () => {
    const r = readStatusBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bundle.replace(/\n/g, '\r\n'))]));
    expect(r.bundle?.aadStorageKey).toBe(true);
  });

  it('without MDM enrolment and with the key absent', () => {
    const other = bundle
      .replace('MdmEnrollments : 1', 'MdmEnrollments : 0')
      .replace('AADStorageKey : PRESENT', 'AADStorageKey : ABSENT')
      .replace('AutoWorkplaceJoin : 0', 'AutoWorkplaceJoin : NOT SET');
    const d = diagnose(readStatusText(other));
    const ids = d.plan.steps.map((s) => s.id);
    expect(ids).not.toContain('retire-in-mdm');
    expect(d.plan.steps.find((s) => s.id === 'clear-aad-storage-key')).toMatchObject({ conditional: true, whyKey: 'step.clear-aad-storage-key.why-absent' });
    expect(d.plan.steps.find((s) => s.id === 'check-auto-registration-policy')?.conditional).toBe(true);
  });
});
