import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { readStatusText } from '../src/read/parse.js';
import { redactText } from '../src/redact/redact.js';
import { buildStatus } from './build-status.js';
import { fixtureFiles, fixtureText } from './helpers.js';

const NOW = new Date('2026-01-15T00:00:00Z');
const shape = (text: string) => {
  const d = diagnose(readStatusText(text), { now: NOW });
  return { joinType: d.status.joinType, findings: d.findings.map((f) => f.id), plan: d.plan.steps.map((s) => s.id), codes: d.errorCodes };
};
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe('redact', () => {
  for (const file of fixtureFiles()) {
    it(`${file}: no original GUID or e-mail remains, and the diagnosis is the same`, () => {
      const original = fixtureText(file);
      const { text } = redactText(original);
      for (const g of original.match(GUID) ?? []) expect(text.toLowerCase()).not.toContain(g.toLowerCase());
      for (const e of original.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) expect(text).not.toContain(e);
      expect(shape(text)).toEqual(shape(original));
      expect(text.split('\n').length).toBe(original.split('\n').length);
    });
  }

  it('the same value gets the same pseudonym everywhere', () => {
    const { text } = redactText(fixtureText('s02-hybrid-700003.txt'));
    const tenantId = /TenantId : (\S+)/.exec(text)?.[1];
    expect(text).toContain(`https://login.microsoftonline.com/${tenantId}/oauth2/authorize`);
    expect(text).toMatch(/tenant 'TENANT-\d+' directory/);
  });

  it('masks names in CSV and JSON exports', () => {
    const csv = 'deviceId,displayName,operatingSystem\n5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10,LAPTOP-JDOE,Windows\n';
    const red = redactText(csv).text;
    expect(red).not.toContain('LAPTOP-JDOE');
    expect(red).not.toContain('5c0ad8f5');
    const json =
      '{"value":[{"deviceId":"5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10","displayName":"LAPTOP-JDOE","userPrincipalName":"j.doe@contoso.com","ipAddress":"203.0.113.7"}]}';
    const rj = redactText(json).text;
    for (const s of ['LAPTOP-JDOE', 'j.doe@contoso.com', '203.0.113.7', 'contoso']) expect(rj).not.toContain(s);
    expect(() => JSON.parse(rj)).not.toThrow();
  });

  it('property: random identifiers never survive, and the diagnosis is preserved', () => {
    const name = fc.stringMatching(/^[A-Z][A-Z0-9-]{3,12}$/);
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        name,
        name,
        fc.constantFrom('YES', 'NO') as fc.Arbitrary<'YES' | 'NO'>,
        fc.constantFrom('YES', 'NO') as fc.Arbitrary<'YES' | 'NO'>,
        (deviceId, tenantId, device, tenant, dom, wpj) => {
          fc.pre(device.toLowerCase() !== tenant.toLowerCase());
          const text = buildStatus({ deviceId, dom, wpj, deviceAuthStatus: 'FAILED. Device is either disabled or deleted' })
            .replace('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', tenantId)
            .replace('PC-TEST-01', device)
            .replace('TenantName : Contoso', `TenantName : ${tenant}`);
          const { text: red } = redactText(text);
          for (const secret of [deviceId, tenantId]) expect(red.toLowerCase()).not.toContain(secret.toLowerCase());
          for (const secret of [device, tenant]) expect(red).not.toMatch(new RegExp(`(?<![\\w-])${secret}(?![\\w-])`, 'i'));
          expect(shape(red)).toEqual(shape(text));
        },
      ),
      { numRuns: 150 },
    );
  });
});
