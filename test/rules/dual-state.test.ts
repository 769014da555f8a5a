import { dualState } from '../../src/diagnose/rules/dual-state.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 01: dual state is AzureAdJoined YES (joined or hybrid) with WorkplaceJoined YES in User State
const device = (aad: string, dom: string) =>
  section('Device State', field('AzureAdJoined', aad), field('EnterpriseJoined', 'NO'), field('DomainJoined', dom), field('Device Name', 'FAB-LT-0417'));
const user = (wpj: string) => section('User State', field('NgcSet', 'NO'), field('WorkplaceJoined', wpj), field('WamDefaultSet', 'YES'));

ruleTester(dualState, {
  valid: [
    { name: 'Entra joined, no user registration', text: output(device('YES', 'NO'), user('NO')) },
    { name: 'Entra registered only (AzureAdJoined NO)', text: output(device('NO', 'NO'), user('YES')) },
    { name: 'WorkplaceJoined not shown', text: output(device('YES', 'YES')) },
  ],
  invalid: [
    {
      name: 'Entra joined and registered by the user',
      text: output(device('YES', 'NO'), user('YES')),
      findings: [
        {
          id: 'dual-state',
          severity: 'warning',
          explanation: 'finding.dual-state.joined',
          evidence: ['AzureAdJoined : YES', 'DomainJoined : NO', 'WorkplaceJoined : YES'],
        },
      ],
    },
    {
      name: 'hybrid joined and registered by the user',
      text: output(device('YES', 'YES'), user('YES')),
      findings: [
        { id: 'dual-state', explanation: 'finding.dual-state.hybrid', evidence: ['AzureAdJoined : YES', 'DomainJoined : YES', 'WorkplaceJoined : YES'] },
      ],
    },
  ],
});
