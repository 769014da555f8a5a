import { prtMissing } from '../../src/diagnose/rules/prt-missing.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 02: a joined device's user should have a PRT; a local account of the PC never has one, and
// an elevated or SYSTEM run shows that account's state, not the user's
const device = (aad: string) =>
  section('Device State', field('AzureAdJoined', aad), field('EnterpriseJoined', 'NO'), field('DomainJoined', 'NO'), field('Device Name', 'FAB-LT-0417'));
const sso = (prt: string, ...more: string[]) => section('SSO State', field('AzureAdPrt', prt), ...more);
const account = (name: string) => section('IE Proxy Config for Current User', field('Auto Detect Settings', 'YES'), '', field('Executing Account Name', name));
const attempt = [
  field('AcquirePrtDiagnostics', 'PRESENT'),
  field('Previous Prt Attempt', '2025-02-11 07:58:41.372 UTC'),
  field('Attempt Status', '0xc000006d'),
];

ruleTester(prtMissing, {
  valid: [
    { name: 'a PRT', text: output(device('YES'), sso('YES')) },
    { name: 'not joined: no device PRT expected', text: output(device('NO'), sso('NO')) },
    {
      name: 'run as SYSTEM: wrong-context says so instead',
      text: output(device('YES'), sso('NO'), account('FABRIKAM\\FAB-LT-0417$, FAB-LT-0417$@ad.fabrikam.com')),
    },
  ],
  invalid: [
    {
      name: 'no PRT, and the failed attempt is shown',
      text: output(device('YES'), sso('NO', ...attempt)),
      findings: [
        {
          id: 'prt-missing',
          severity: 'error',
          data: { localAccount: false },
          explanation: 'finding.prt-missing.explanation',
          evidence: ['AzureAdJoined : YES', 'AzureAdPrt : NO'],
        },
      ],
    },
    {
      name: 'no PRT and no diagnostics',
      text: output(device('YES'), sso('NO')),
      findings: [{ id: 'prt-missing', explanation: 'finding.prt-missing.no-diagnostics', evidence: ['AzureAdJoined : YES', 'AzureAdPrt : NO'] }],
    },
    {
      name: 'a local account of the PC: no PRT is expected (info)',
      text: output(device('YES'), sso('NO'), account('FAB-LT-0417\\frontdesk')),
      findings: [
        {
          id: 'prt-missing',
          severity: 'info',
          data: { localAccount: true },
          explanation: 'finding.prt-missing.local-account',
          evidence: ['AzureAdPrt : NO', 'Executing Account Name : FAB-LT-0417\\frontdesk'],
        },
      ],
    },
  ],
});
