import { deviceKeys } from '../../src/diagnose/rules/device-keys.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 01: KeySignTest (run elevated) tests the device key; AadRecoveryEnabled YES marks the keys
// unusable: the device must recover its join
const device = (dom: string) =>
  section('Device State', field('AzureAdJoined', 'YES'), field('EnterpriseJoined', 'NO'), field('DomainJoined', dom), field('Device Name', 'FAB-LT-0417'));
const details = (...lines: string[]) =>
  section('Device Details', field('DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'), field('TpmProtected', 'YES'), ...lines);

ruleTester(deviceKeys, {
  valid: [
    { name: 'KeySignTest passed, no recovery', text: output(device('NO'), details(field('KeySignTest', 'PASSED'), field('AadRecoveryEnabled', 'NO'))) },
    { name: 'not run elevated: nothing tested', text: output(device('NO'), details(field('KeySignTest', 'MUST Run elevated to test.'))) },
  ],
  invalid: [
    {
      name: 'KeySignTest failed',
      text: output(device('NO'), details(field('KeySignTest', 'FAILED. 0x80090016'))),
      findings: [{ id: 'key-sign-test-failed', severity: 'error', evidence: ['KeySignTest : FAILED. 0x80090016'] }],
    },
    {
      name: 'hybrid joined, marked for recovery',
      text: output(device('YES'), details(field('AadRecoveryEnabled', 'YES'))),
      findings: [{ id: 'aad-recovery-enabled', explanation: 'finding.aad-recovery-enabled.hybrid', evidence: ['AadRecoveryEnabled : YES'] }],
    },
    {
      name: 'both, on an Entra joined device',
      text: output(device('NO'), details(field('AadRecoveryEnabled', 'YES'), field('KeySignTest', 'FAILED'))),
      findings: [
        { id: 'key-sign-test-failed', evidence: ['KeySignTest : FAILED'] },
        { id: 'aad-recovery-enabled', explanation: 'finding.aad-recovery-enabled.explanation', evidence: ['AadRecoveryEnabled : YES'] },
      ],
    },
  ],
});
