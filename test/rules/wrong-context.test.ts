import { wrongContext } from '../../src/diagnose/rules/wrong-context.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 01/08: User Context (Diagnostic Data), the Executing Account Name (a computer account is
// SYSTEM), a KeySignTest result (only elevated runs test) say who ran dsregcmd
const device = (aad: string, dom: string) =>
  section('Device State', field('AzureAdJoined', aad), field('EnterpriseJoined', 'NO'), field('DomainJoined', dom), field('Device Name', 'FAB-WS-1184'));
const details = (keySign: string) => section('Device Details', field('DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'), field('KeySignTest', keySign));
const account = (name: string) => section('IE Proxy Config for Current User', field('Auto Detect Settings', 'YES'), '', field('Executing Account Name', name));

ruleTester(wrongContext, {
  valid: [
    {
      name: "the user's own run",
      text: output(device('YES', 'NO'), details('MUST Run elevated to test.'), account('AzureAD\\JordanReyes, jordan.reyes@fabrikam.com')),
    },
    { name: 'nothing says who ran it', text: output(device('YES', 'NO')) },
  ],
  invalid: [
    {
      name: 'run as SYSTEM (the computer account)',
      text: output(device('YES', 'YES'), account('FABRIKAM\\FAB-WS-1184$, FAB-WS-1184$@ad.fabrikam.com')),
      findings: [
        {
          id: 'wrong-context',
          severity: 'warning',
          data: { context: 'system' },
          explanation: 'finding.wrong-context.system',
          evidence: ['Executing Account Name : FABRIKAM\\FAB-WS-1184$, FAB-WS-1184$@ad.fabrikam.com'],
        },
      ],
    },
    {
      name: 'run elevated: KeySignTest ran',
      text: output(device('YES', 'NO'), details('PASSED')),
      findings: [{ id: 'wrong-context', data: { context: 'elevated' }, explanation: 'finding.wrong-context.elevated', evidence: ['KeySignTest : PASSED'] }],
    },
    {
      name: 'a domain-joined PC has no PRT to miss: info only',
      text: output(device('NO', 'YES'), details('PASSED')),
      findings: [{ id: 'wrong-context', severity: 'info', data: { context: 'elevated' }, evidence: ['KeySignTest : PASSED'] }],
    },
  ],
});
