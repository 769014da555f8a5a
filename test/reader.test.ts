import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readStatusBytes, readStatusText, toDeviceStatus } from '../src/index.js';
import { ENCODINGS, fixtureText, labels } from './helpers.js';

const yn = (v: boolean | null) => (v === null ? '?' : v ? 'YES' : 'NO');

describe('every fixture reads with the values in LABELS.tsv, in every encoding Windows writes', () => {
  for (const label of labels()) {
    for (const [encodingName, encode] of Object.entries(ENCODINGS)) {
      it(`${label.file} (${encodingName})`, () => {
        const report = readStatusBytes(encode(fixtureText(label.file)), { name: label.file });
        expect(report.recognized).toBe(true);
        const s = toDeviceStatus(report);
        const id = (e: { value: string | null; masked: boolean }) => (e.masked ? 'masked' : (e.value ?? '-'));
        expect({
          joinType: s.joinType === 'unknown' ? '?' : s.joinType,
          azureAdJoined: yn(s.azureAdJoined.value),
          domainJoined: yn(s.domainJoined.value),
          enterpriseJoined: yn(s.enterpriseJoined.value),
          workplaceJoined: yn(s.workplaceJoined.value),
          deviceId: id(s.deviceId),
          tenantId: id(s.tenantId),
          azureAdPrt: yn(s.azureAdPrt.value),
          errorCodes: s.errorCodes.join(',') || '-',
          deviceAuthStatus: s.deviceAuthStatus.value ?? '-',
        }).toEqual({
          joinType: label.joinType,
          azureAdJoined: label.azureAdJoined,
          domainJoined: label.domainJoined,
          enterpriseJoined: label.enterpriseJoined,
          workplaceJoined: label.workplaceJoined,
          deviceId: label.deviceId,
          tenantId: label.tenantId,
          azureAdPrt: label.azureAdPrt,
          errorCodes: label.errorCodes,
          deviceAuthStatus: label.deviceAuthStatus,
        });
        // line numbers do not depend on the encoding or line endings
        const lf = readStatusText(fixtureText(label.file));
        expect(report.fields.map((f) => f.line)).toEqual(lf.fields.map((f) => f.line));
      });
    }
  }
});

describe('console code pages (cmd.exe redirection)', () => {
  const base = fixtureText('s01-aadj-700003.txt');
  const cases: [string, string, string, string][] = [
    ['cp932', 'cp932', '富士見製作所', 'ＰＣ-経理-01'],
    ['cp1252', 'win1252', 'Société Générale', 'PORTÁTIL-ÉQUIPE'],
    ['cp850', 'cp850', 'Müller Straße Gesellschaft', 'RÉCEPTION-Ü1'],
  ];
  for (const [expected, iconvName, tenant, device] of cases) {
    it(`decodes ${expected}: tenant "${tenant}", device "${device}"`, () => {
      const text = base.replace('TenantName : Fabrikam', `TenantName : ${tenant}`).replace('Device Name : FAB-LT-0417', `Device Name : ${device}`);
      const bytes = iconv.encode(text.replace(/\n/g, '\r\n'), iconvName);
      const report = readStatusBytes(bytes);
      expect(report.source.encoding).toBe(expected);
      const s = toDeviceStatus(report);
      expect(s.tenantName.value).toBe(tenant);
      expect(s.deviceName.value).toBe(device);
    });
  }
});

describe('framing and fields', () => {
  it('splits on the first " : " so values keep their colons', () => {
    const r = readStatusText(
      '+---------------+\n| SSO State |\n+---------------+\n  AzureAdPrtAuthority : https://login.microsoftonline.com/x:1\n  Previous Prt Attempt : 2025-02-11 07:58:41.372 UTC\n',
    );
    expect(r.fields.map((f) => [f.name, f.value])).toEqual([
      ['AzureAdPrtAuthority', 'https://login.microsoftonline.com/x:1'],
      ['Previous Prt Attempt', '2025-02-11 07:58:41.372 UTC'],
    ]);
    expect(r.fields[1]?.typed).toEqual({ kind: 'instant', iso: '2025-02-11T07:58:41.372Z' });
  });

  it.each([
    ['KeySignTest: : PASSED', 'KeySignTest', 'PASSED'],
    ['AadRecoveryEnabled: NO', 'AadRecoveryEnabled', 'NO'],
    ['      SettingsUrl :', 'SettingsUrl', ''],
    ['Auto-Configuration URL : http://wpad/wpad.dat', 'Auto-Configuration URL', 'http://wpad/wpad.dat'],
    ['| DomainJoined | YES |', 'DomainJoined', 'YES'],
    ['> **AzureAdJoined** : YES', 'AzureAdJoined', 'YES'],
    ['AadRecoveryNeeded : NO', 'AadRecoveryEnabled', 'NO'],
    ['DeviceManagementSrvVersion : 1.0', 'DeviceManagementSrvVer', '1.0'],
    ['dmComplianceUrl : https://x', 'MdmComplianceUrl', 'https://x'],
  ])('%s', (line, name, value) => {
    const r = readStatusText(`+----------------------+\n| Device State |\n+----------------------+\n${line}\n`);
    expect(r.fields[0]?.name).toBe(name);
    expect(r.fields[0]?.value).toBe(value);
    expect(r.fields[0]?.line).toBe(4);
  });

  it('joins a value a narrow console wrapped onto the next line', () => {
    const r = readStatusText(
      '+----------------+\n| IE Proxy Config for Current User |\n+----------------+\n    Auto Detect PAC Status : Failed to auto detect the Proxy Auto-Configuration (PAC) script u\nsing WPAD. code: 0x80072f94\n\n',
    );
    expect(r.fields).toHaveLength(1);
    expect(r.fields[0]?.value).toBe('Failed to auto detect the Proxy Auto-Configuration (PAC) script using WPAD. code: 0x80072f94');
    expect(r.fields[0]?.endLine).toBe(5);
  });

  it('keeps the same key per section, and unknown sections', () => {
    const r = readStatusText(
      '+---+----------+\n| User State |\n+--------------+\nNgcSet : YES\n+--------------+\n| Work Account 1 |\n+--------------+\nNgcSet : NO\nWorkplaceDeviceId : 43EE0519-A765-425C-A382-FAADEF84AD18\n+--------------+\n| Future Section |\n+--------------+\nNewField : 1\n',
    );
    expect(r.sections.map((s) => s.title)).toEqual(['User State', 'Work Account 1', 'Future Section']);
    expect(r.fields.filter((f) => f.name === 'NgcSet').map((f) => [f.section, f.value])).toEqual([
      ['User State', 'YES'],
      ['Work Account 1', 'NO'],
    ]);
    expect(r.fields.find((f) => f.name === 'NewField')?.known).toBe(false);
    expect(toDeviceStatus(r).workAccounts[0]?.deviceId.value).toBe('43ee0519-a765-425c-a382-faadef84ad18');
  });

  it('reads a banner without a title as the section its keys belong to', () => {
    const r = readStatusText('+----------------------+\n\n   NgcPreReq : ERROR 0xd0020017\n  IsDeviceJoined : UNKNOWN\n');
    expect(r.sections[0]?.title).toBe('Ngc Prerequisite Check');
    expect(r.sections[0]?.inferred).toBe(true);
    expect(r.fields[0]?.typed).toEqual({ kind: 'status', status: 'ERROR', codes: ['0xd0020017'], detail: '0xd0020017' });
  });

  it.each([
    ['[REDACTED_GUID]', 'placeholder'],
    ['xxxxx', 'placeholder'],
    ['cd04...92', 'elided'],
    ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'placeholder'],
    ['99999999-9999-9999-9999-999999999999', 'placeholder'],
    ['4a7089babff97a9b', 'truncated'],
    ['{lots of characters}', 'placeholder'],
  ])('DeviceId %s reads as masked (%s)', (value, mask) => {
    const r = readStatusText(`+------------------+\n| Device Details |\n+------------------+\nDeviceId : ${value}\n`);
    expect(r.fields[0]?.masked).toBe(mask);
    expect(toDeviceStatus(r).deviceId).toMatchObject({ value: null, masked: true });
  });

  it('types values: ranges, statuses with codes, GUIDs with provider, lists', () => {
    const r = readStatusText(
      [
        '+----------------+',
        '| Diagnostic Data |',
        '+----------------+',
        'DeviceCertificateValidity : [ 2024-03-18 09:14:52.000 UTC -- 2034-03-18 09:44:52.000 UTC ]',
        'DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]',
        'WamDefaultGUID : {B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)',
        'KerbTopLevelNames : .windows.net,.windows.net:1433,.azure.net',
        'DeviceAuthStatus : FAILED. Error: 0xd000023c',
      ].join('\n'),
    );
    expect(r.fields.map((f) => f.typed)).toEqual([
      { kind: 'range', start: '2024-03-18T09:14:52.000Z', end: '2034-03-18T09:44:52.000Z' },
      { kind: 'status', status: 'FAIL', codes: ['0x801c0021', '0x80072ee2'], detail: '0x801c0021/0x80072ee2' },
      { kind: 'guid', guid: 'b16898c6-a148-4967-9171-64d755da8520', provider: 'AzureAd' },
      { kind: 'list', items: ['.windows.net', '.windows.net:1433', '.azure.net'] },
      { kind: 'status', status: 'FAILED', codes: ['0xd000023c'], detail: 'Error: 0xd000023c' },
    ]);
  });

  it("skips another command's output after the next prompt and says so", () => {
    const r = readStatusText(
      'PS C:\\> dsregcmd /status\n+----------------+\n| Device State |\n+----------------+\nAzureAdJoined : NO\nPS C:\\> ipconfig /all\nWindows IP Configuration\n   Host Name : PC1\n',
    );
    expect(r.fields.map((f) => f.name)).toEqual(['AzureAdJoined']);
    expect(r.warnings.find((w) => w.code === 'other-command')).toMatchObject({ line: 6, count: 2 });
  });

  it('names unparsed lines in a warning and keeps reading', () => {
    const r = readStatusText('+----------------+\n| Device State |\n+----------------+\nAzureAdJoined : YES\n%%% garbage here %%%\n\nDomainJoined : NO\n');
    expect(r.fields.map((f) => f.name)).toEqual(['AzureAdJoined', 'DomainJoined']);
    expect(r.skippedLines).toBe(1);
    expect(r.warnings[0]).toMatchObject({ code: 'unparsed-line', line: 5 });
  });

  it.each([
    ['empty', new Uint8Array(), 'empty-input'],
    [
      'PDF',
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x00\x00\x01\x02\x03stream\x00\x00', 'latin1'),
      'binary-input',
    ],
    ['JSON', Buffer.from('{"value":[{"deviceId":"x","displayName":"PC"}]}'), 'not-dsregcmd'],
  ])('%s input is not a dsregcmd output', (_name, bytes, code) => {
    const r = readStatusBytes(bytes);
    expect(r.recognized).toBe(false);
    expect(r.warnings[0]?.code).toBe(code);
  });
});

describe('Japanese console noise', () => {
  it('skips a Japanese PowerShell banner and prompt saved in code page 932', () => {
    const text = [
      'Windows PowerShell',
      'Copyright (C) Microsoft Corporation. All rights reserved.',
      '',
      '新しいクロスプラットフォームの PowerShell をお試しください https://aka.ms/pscore6',
      '',
      'PS C:\\Users\\山田 太郎> dsregcmd /status',
      fixtureText('s07-aadj-healthy.txt').replace('TenantName : Adventure Works', 'TenantName : 株式会社ファブリカム'),
      'PS C:\\Users\\山田 太郎> ',
    ].join('\r\n');
    const report = readStatusBytes(iconv.encode(text, 'cp932'));
    expect(report.source.encoding).toBe('cp932');
    expect(report.warnings).toEqual([]);
    expect(report.skippedLines).toBe(0);
    const s = toDeviceStatus(report);
    expect(s.joinType).toBe('entra-joined');
    expect(s.tenantName.value).toBe('株式会社ファブリカム');
    expect(report.lineKinds.slice(0, 6)).toEqual(['shell', 'shell', 'blank', 'shell', 'blank', 'prompt']);
  });

  it('reads `…省略` and `...` elisions as elisions, not data', () => {
    const r = readStatusText('+----------------+\n| User State |\n+----------------+\nNgcSet : NO\n…省略\n   ...\nWorkplaceJoined : YES\n');
    expect(r.elided).toBe(true);
    expect(r.fields.map((f) => f.name)).toEqual(['NgcSet', 'WorkplaceJoined']);
    expect(r.skippedLines).toBe(0);
  });
});

describe('error codes are whole words', () => {
  it('a device name such as A0X0A0 holds no hex code', () => {
    const r = readStatusText('+----------------+\n| Device State |\n+----------------+\nDevice Name : A0X0A0\nDeviceAuthStatus : FAILED. Error: 0xd000023c\n');
    expect(toDeviceStatus(r).errorCodes).toEqual(['0xd000023c']);
  });
});
