import { describe, expect, it } from 'vitest';
import { toDeviceStatus } from '../src/model/status.js';
import { readStatusText } from '../src/read/parse.js';
import { fixtureText } from './helpers.js';

// SSO State's PRT block prints "Server Error Code" (the token endpoint's OAuth error, e.g.
// invalid_grant); Diagnostic Data prints "Server ErrorCode" (DRS's, e.g. DirectoryError).
// Without their spaces the two names are one: each must stay its own section's field.
describe('Server Error Code (PRT attempt) and Server ErrorCode (join) are two fields', () => {
  it.each([
    ['s02-hybrid-700003.txt', 'invalid_grant', 78],
    ['s01-aadj-700003.txt', 'invalid_grant', 77],
    ['r19-sso-state-prt-error-aadsts50126.txt', 'invalid_grant', 17],
  ])('%s: the PRT block holds its own server error code', (file, code, line) => {
    const report = readStatusText(fixtureText(file));
    const f = report.fields.find((x) => x.line === line);
    expect(f?.name).toBe('Server Error Code');
    expect(f?.section).toBe('SSO State');
    const status = toDeviceStatus(report);
    expect(status.prtDiagnostics.map((b) => b.serverErrorCode)).toContain(code);
    expect(status.fieldsNamed('Server ErrorCode')).toEqual([]);
  });

  it('Diagnostic Data keeps DRS\'s "Server ErrorCode"', () => {
    const report = readStatusText(fixtureText('s10-hybrid-prejoin-0x801c03f2.txt'));
    const f = report.fields.find((x) => x.line === 50);
    expect(f?.name).toBe('Server ErrorCode');
    expect(f?.section).toBe('Diagnostic Data');
    expect(f?.value).toBe('DirectoryError');
    expect(toDeviceStatus(report).fieldsNamed('Server Error Code')).toEqual([]);
  });

  it('both in one output, hand-typed spacing and case aside', () => {
    const text = [
      '+----------------------------------------------------------------------+',
      '| SSO State                                                            |',
      '+----------------------------------------------------------------------+',
      '',
      '             AzureAdPrt : NO',
      '  AcquirePrtDiagnostics : PRESENT',
      '     Previous Prt Attempt : 2025-02-11 07:58:41.372 UTC',
      '           Attempt Status : 0xc000006d',
      '        server  error code : invalid_grant',
      '',
      '+----------------------------------------------------------------------+',
      '| Diagnostic Data                                                      |',
      '+----------------------------------------------------------------------+',
      '',
      '         Client ErrorCode : 0x801c03f2',
      '         Server ErrorCode : DirectoryError',
      '',
    ].join('\n');
    const report = readStatusText(text);
    expect(report.fields.filter((f) => /server/i.test(f.key)).map((f) => [f.section, f.name, f.value])).toEqual([
      ['SSO State', 'Server Error Code', 'invalid_grant'],
      ['Diagnostic Data', 'Server ErrorCode', 'DirectoryError'],
    ]);
    expect(toDeviceStatus(report).prtDiagnostics[0]?.serverErrorCode).toBe('invalid_grant');
  });
});
