import { prtStale } from '../../src/diagnose/rules/prt-stale.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 02: the PRT is renewed every 4 hours; AzureAdPrtUpdateTime older than that, against the
// output's own clock (Client Time, else the last PRT attempt), means renewal is failing
const device = section(
  'Device State',
  field('AzureAdJoined', 'YES'),
  field('EnterpriseJoined', 'NO'),
  field('DomainJoined', 'NO'),
  field('Device Name', 'FAB-LT-0417'),
);
const sso = (updated: string, ...more: string[]) =>
  section(
    'SSO State',
    field('AzureAdPrt', 'YES'),
    field('AzureAdPrtUpdateTime', updated),
    field('AzureAdPrtExpiryTime', '2025-05-27 08:41:17.000 UTC'),
    ...more,
  );
const diag = (clock: string) =>
  section(
    'Diagnostic Data',
    field('Diagnostics Reference', 'www.microsoft.com/aadjerrors'),
    field('User Context', 'UN-ELEVATED User'),
    field('Client Time', clock),
  );

ruleTester(prtStale, {
  valid: [
    { name: 'renewed an hour before the capture', text: output(device, sso('2025-05-20 08:41:17.000 UTC'), diag('2025-05-20 09:41:17.000 UTC')) },
    { name: 'no clock in the output: never measured against today', text: output(device, sso('2021-09-10 08:53:38.000 UTC')) },
    { name: 'exactly 4 hours is not stale', text: output(device, sso('2025-05-20 08:00:00.000 UTC'), diag('2025-05-20 12:00:00.000 UTC')) },
  ],
  invalid: [
    {
      name: 'a week old against Client Time',
      text: output(device, sso('2025-05-13 08:41:17.000 UTC'), diag('2025-05-20 09:41:17.000 UTC')),
      findings: [
        {
          id: 'prt-stale',
          severity: 'warning',
          explanation: 'finding.prt-stale.explanation',
          evidence: ['AzureAdPrtUpdateTime : 2025-05-13 08:41:17.000 UTC', 'Client Time : 2025-05-20 09:41:17.000 UTC'],
        },
      ],
    },
    {
      name: 'older than the last PRT attempt (a lower bound of the capture time)',
      text: output(
        device,
        sso(
          '2025-02-10 07:00:00.000 UTC',
          field('AcquirePrtDiagnostics', 'PRESENT'),
          field('Previous Prt Attempt', '2025-02-11 07:58:41.372 UTC'),
          field('Attempt Status', '0xc000006d'),
        ),
      ),
      findings: [
        {
          id: 'prt-stale',
          explanation: 'finding.prt-stale.attempt',
          evidence: ['AzureAdPrtUpdateTime : 2025-02-10 07:00:00.000 UTC', 'Previous Prt Attempt : 2025-02-11 07:58:41.372 UTC'],
        },
      ],
    },
  ],
});
