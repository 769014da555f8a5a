import { prtRequestFailed } from '../../src/diagnose/rules/prt-request-failed.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 02: the AcquirePrtDiagnostics / RefreshPrtDiagnostics block of SSO State: Attempt Status,
// HTTP Error (transport), Server Error Description (the AADSTS code)
const device = section(
  'Device State',
  field('AzureAdJoined', 'YES'),
  field('EnterpriseJoined', 'NO'),
  field('DomainJoined', 'NO'),
  field('Device Name', 'FAB-LT-0417'),
);
const block = (kind: string, status: string, http: string, server: string[]) => [
  field(kind, 'PRESENT'),
  field('Previous Prt Attempt', '2025-02-11 07:58:41.372 UTC'),
  field('Attempt Status', status),
  field('HTTP Error', http),
  ...server,
];

ruleTester(prtRequestFailed, {
  valid: [
    { name: 'a PRT, no diagnostics block', text: output(device, section('SSO State', field('AzureAdPrt', 'YES'))) },
    {
      name: 'a device-object failure (700003): the device-object rule takes the block',
      text: output(
        device,
        section(
          'SSO State',
          field('AzureAdPrt', 'NO'),
          ...block('AcquirePrtDiagnostics', '0xc000023c', '0x0', [
            field('Server Error Code', 'invalid_grant'),
            field('Server Error Description', "AADSTS700003: Device object was not found in the tenant 'Fabrikam' directory."),
          ]),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'wrong password (50126) on acquisition',
      text: output(
        device,
        section(
          'SSO State',
          field('AzureAdPrt', 'NO'),
          ...block('AcquirePrtDiagnostics', '0xc000006d', '0x0', [
            field('Server Error Code', 'invalid_grant'),
            field('Server Error Description', 'AADSTS50126: Error validating credentials due to invalid username or password.'),
          ]),
        ),
      ),
      findings: [
        {
          id: 'prt-request-failed',
          severity: 'error',
          explanation: 'finding.prt-request-failed.explanation',
          codes: ['AADSTS50126', '0xc000006d'],
          evidence: [
            'AcquirePrtDiagnostics : PRESENT',
            'Previous Prt Attempt : 2025-02-11 07:58:41.372 UTC',
            'Attempt Status : 0xc000006d',
            'HTTP Error : 0x0',
            // SSO State's "Server Error Code" is the PRT attempt's own (not Diagnostic Data's "Server ErrorCode")
            'Server Error Code : invalid_grant',
            'Server Error Description : AADSTS50126: Error validating credentials due to invalid username or password.',
          ],
        },
      ],
    },
    {
      name: 'a refresh that could not reach the service (WinHTTP timeout)',
      text: output(device, section('SSO State', field('AzureAdPrt', 'YES'), ...block('RefreshPrtDiagnostics', '0xc000023c', '0x80072ee2', []))),
      findings: [
        {
          id: 'prt-request-failed',
          explanation: 'finding.prt-request-failed.network',
          evidence: [
            'RefreshPrtDiagnostics : PRESENT',
            'Previous Prt Attempt : 2025-02-11 07:58:41.372 UTC',
            'Attempt Status : 0xc000023c',
            'HTTP Error : 0x80072ee2',
          ],
        },
      ],
    },
  ],
});
