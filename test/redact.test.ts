import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { readStatusText } from '../src/read/parse.js';
import { Redactor, redactText } from '../src/redact/redact.js';
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

/** Issue 13 item 2: every identifier the red team found kept, with its expected answer. */
describe('redact: identifiers the red team found kept (issue 13)', () => {
  const status = (lines: string[]) =>
    `+----------------------------------------------------------------------+\n| Device State                                                         |\n+----------------------------------------------------------------------+\n\n${lines.join('\n')}\n`;
  const cases: { name: string; input: string; gone: string[]; kept: string[] }[] = [
    {
      name: 'a partly masked name: the mask stays, the rest is masked',
      input: status(['               Device Name : LtPC-0417.xxxx.com', '                DomainName : FAB-xxxx']),
      gone: ['LtPC-0417', 'FAB-'],
      kept: ['.xxxx.com', 'xxxx'],
    },
    {
      name: 'DOMAIN\\user in a collection bundle',
      input:
        '##### dsreg-doctor collection bundle v1 #####\nComputer : NWD-PC-0231\nUser : NORTHWIND\\avery.kim\n##### registry #####\nMdmEnrollmentUpn : avery.kim@northwind.example\n##### end #####\n',
      gone: ['NWD-PC-0231', 'NORTHWIND', 'avery.kim', 'northwind.example'],
      kept: ['User : ', 'Computer : ', '##### registry #####'],
    },
    {
      name: 'names with a backtick, quotes and Japanese characters',
      input: status(['               Device Name : Bob`s-PC', '                TenantName : O\'Neil "Labs"', '    Executing Account Name : 営業部\\山田太郎']),
      gone: ['Bob', 'Neil', 'Labs', '営業部', '山田太郎'],
      kept: ['Device Name : ', 'TenantName : '],
    },
    {
      name: 'Entra SIDs and IPv6 addresses (well-known SIDs stay)',
      input:
        'User SID : S-1-12-1-1234567890-1122334455-2233445566-3344556677\nSYSTEM : S-1-5-18\nClient : fe80::1c2d:3e4f:5a6b:7c8d%12 and 2001:db8:85a3::8a2e:370:7334\nTime : 07:58:41\n',
      gone: ['1234567890', '1c2d:3e4f', '85a3'],
      kept: ['S-1-5-18', '07:58:41', 'S-1-12-1-'],
    },
    {
      name: 'host names outside URLs: proxy lists, KerbTopLevelNames, Last HostName Update, an AADSTS text',
      input: status([
        '         Proxy Server List : proxy.contoso.com:8080;http=web.contoso.com:3128',
        '         Proxy Bypass List : *.corp.contoso.local;<local>',
        '         KerbTopLevelNames : .contoso.com,.windows.net,.contoso.com:1433',
        '      Last HostName Update : FAB-LT-0417.contoso.com',
        '             User Identity : jordan@contoso.com',
        '            Server Message : AADSTS50034: The user account does not exist in the contoso.com directory.',
      ]),
      gone: ['contoso', 'FAB-LT-0417', 'proxy.'],
      kept: ['.windows.net', '<local>', ':8080', ':1433', 'AADSTS50034'],
    },
    {
      name: 'CSV with `;` delimiters',
      input:
        'displayName;deviceId;operatingSystem\r\nLAPTOP-JDOE;5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10;Windows\r\n"SALES;PC";6c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10;Windows\r\n',
      gone: ['LAPTOP-JDOE', 'SALES', '5c0ad8f5'],
      kept: ['displayName;deviceId;operatingSystem\r\n', ';Windows\r\n'],
    },
    {
      name: 'CSV with tab delimiters',
      input: 'User\tUsername\tDevice ID\nAlice Ito\talice@contoso.com\t5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10\n',
      gone: ['Alice', 'alice@', 'contoso', '5c0ad8f5'],
      kept: ['User\tUsername\tDevice ID\n'],
    },
    {
      name: 'JSON strings with escapes (PowerShell ConvertTo-Json)',
      input: '{"value":[{"displayName":"Bob\\u0027s-Surface","userDisplayName":"O\\"Neil","note":"owner Bob\\u0027s-Surface"}]}',
      gone: ['Bob', 'Neil'],
      kept: ['"displayName":', '"note":"owner '],
    },
    {
      name: 'JSON Lines: each line a document',
      input:
        '{"userDisplayName":"Alice Ito","deviceDetail":{"displayName":"CON-LT-001"}}\n{"userDisplayName":"Alice Ito","deviceDetail":{"displayName":null}}\n',
      gone: ['Alice', 'CON-LT-001'],
      kept: ['"displayName":null'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { text } = redactText(c.input);
      for (const g of c.gone) expect(text).not.toContain(g);
      for (const k of c.kept) expect(text).toContain(k);
    });
  }

  it('JSON stays JSON, NDJSON stays one document a line, CSV keeps its rows', () => {
    const json = redactText('{"value":[{"displayName":"Bob\\u0027s-Surface"}]}').text;
    expect(JSON.parse(json)).toEqual({ value: [{ displayName: 'DEVICE-1' }].map(() => ({ displayName: expect.stringMatching(/^NAME-\d+'X$/) })) });
    const csv = redactText('displayName;deviceId\r\n"SALES;PC";x\r\n').text;
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('a status output that starts with `[snip]` is read as one, and a ticket with commas as prose', () => {
    const snipped = `[snip]\n${fixtureText('s01-aadj-700003.txt')}`;
    const red = redactText(snipped).text;
    expect(red).not.toContain('FAB-LT-0417');
    expect(red).toContain('Device Name : DEVICE-');
    const ticket = redactText('Hi, PC of jordan.reyes@fabrikam.com fails, device 5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10\nThanks, IT\n').text;
    expect(ticket).not.toMatch(/jordan|fabrikam|5c0ad8f5/);
    expect(ticket).toContain('Thanks, IT');
  });

  it('a value known as an identifier is masked wherever it appears (tenant name in an AADSTS text)', () => {
    const text = status([
      '                TenantName : Northwind',
      "            Server Message : AADSTS700003: Device object was not found in the tenant 'Northwind' directory.",
    ]);
    expect(redactText(text).text).toMatch(/tenant 'TENANT-\d+' directory/);
  });

  it('one Redactor keeps ids joined across files (inventory and sign-ins)', () => {
    const r = new Redactor();
    const a = r.redact('deviceId,displayName\n5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10,LAPTOP-JDOE\n').text;
    const b = r.redact('{"deviceDetail":{"deviceId":"5c0ad8f5-29de-4e53-9a89-0d5b1eaf7a10","displayName":"LAPTOP-JDOE"}}').text;
    const id = /\n([0-9a-f-]{36}),(\S+)/.exec(a);
    expect(b).toContain(id?.[1]);
    expect(b).toContain(id?.[2]);
  });
});

/** Issue 13 item 3: labels are never values. */
describe('redact: a name that is also a label word never changes the diagnosis (issue 13)', () => {
  const base = fixtureText('s01-aadj-700003.txt');
  for (const name of ['SERVER', 'Error', 'Status', 'Attempt', 'Device', 'Data', 'YES', 'NO', 'SYSTEM', 'FAILED', 'deleted', 'AzureAdJoined', 'Code', 'Name']) {
    it(`a device, domain and user named ${name}`, () => {
      const text = base
        .replace(/Device Name : .*/, `Device Name : ${name}`)
        .replace(/Executing Account Name : .*/, `Executing Account Name : ${name}\\${name}-user, ${name}@fabrikam.com`);
      const { text: red } = redactText(text);
      // every label line is the same
      const labels = (t: string) => t.split('\n').map((l) => /^\s*([A-Za-z][\w -]*?) : /.exec(l)?.[1] ?? l.slice(0, 20));
      expect(labels(red)).toEqual(labels(text));
      expect(red).toMatch(/Device Name : DEVICE-\d+/);
      expect(shape(red)).toEqual(shape(text));
    });
  }
});
