import { hybridJoinIncomplete } from '../../src/diagnose/rules/hybrid-join-incomplete.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 03: DomainJoined YES, AzureAdJoined NO: hybrid join has not completed; Diagnostic Data (run
// elevated) says where it stopped: Error Phase, Client ErrorCode, the tests
const device = (aad: string) =>
  section(
    'Device State',
    field('AzureAdJoined', aad),
    field('EnterpriseJoined', 'NO'),
    field('DomainJoined', 'YES'),
    field('DomainName', 'FABRIKAM'),
    field('Device Name', 'FAB-WS-1184'),
  );
const diag = (...lines: string[]) =>
  section('Diagnostic Data', field('Diagnostics Reference', 'www.microsoft.com/aadjerrors'), field('User Context', 'SYSTEM'), ...lines);

ruleTester(hybridJoinIncomplete, {
  valid: [
    { name: 'hybrid joined', text: output(device('YES')) },
    {
      name: 'not in a domain, not joined',
      text: output(section('Device State', field('AzureAdJoined', 'NO'), field('EnterpriseJoined', 'NO'), field('DomainJoined', 'NO'))),
    },
  ],
  invalid: [
    {
      name: 'sync-join: the computer object is not synced yet (0x801c03f2)',
      text: output(
        device('NO'),
        diag(field('Error Phase', 'join'), field('Client ErrorCode', '0x801c03f2'), field('Server ErrorCode', 'DirectoryError'), field('Https Status', '400')),
      ),
      findings: [
        {
          id: 'hybrid-join-incomplete',
          severity: 'error',
          data: { diagnostics: true },
          explanation: 'finding.hybrid-join-incomplete.not-synced',
          codes: ['0x801c03f2', 'DirectoryError'],
          evidence: [
            'AzureAdJoined : NO',
            'DomainJoined : YES',
            'User Context : SYSTEM',
            'Error Phase : join',
            'Client ErrorCode : 0x801c03f2',
            'Server ErrorCode : DirectoryError',
            'Https Status : 400',
          ],
        },
      ],
    },
    {
      name: 'discovery failed: the DRS discovery test says why',
      text: output(device('NO'), diag(field('AD Connectivity Test', 'PASS'), field('DRS Discovery Test', 'FAIL [0x801c001d]'))),
      findings: [
        {
          id: 'hybrid-join-incomplete',
          data: { diagnostics: true },
          explanation: 'finding.hybrid-join-incomplete.explanation',
          codes: ['0x801c001d'],
          evidence: [
            'AzureAdJoined : NO',
            'DomainJoined : YES',
            'User Context : SYSTEM',
            'AD Connectivity Test : PASS',
            'DRS Discovery Test : FAIL [0x801c001d]',
          ],
        },
      ],
    },
    {
      name: 'not run elevated: no diagnostics, a warning',
      text: output(device('NO')),
      findings: [
        {
          id: 'hybrid-join-incomplete',
          severity: 'warning',
          data: { diagnostics: false },
          explanation: 'finding.hybrid-join-incomplete.no-diagnostics',
          evidence: ['AzureAdJoined : NO', 'DomainJoined : YES'],
        },
      ],
    },
  ],
});
