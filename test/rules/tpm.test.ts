import { tpm } from '../../src/diagnose/rules/tpm.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 03: TPM errors (0x80090016 NTE_BAD_KEYSET, 0x80290407 …) anywhere; a joined device whose key
// is in software (TpmProtected NO) is worth knowing, not an error
const device = (aad: string) =>
  section('Device State', field('AzureAdJoined', aad), field('EnterpriseJoined', 'NO'), field('DomainJoined', 'YES'), field('Device Name', 'FAB-WS-1184'));
const details = (protectedValue: string) =>
  section(
    'Device Details',
    field('DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'),
    field('KeyProvider', 'Microsoft Software Key Storage Provider'),
    field('TpmProtected', protectedValue),
  );

ruleTester(tpm, {
  valid: [
    { name: 'TPM-protected key', text: output(device('YES'), details('YES')) },
    { name: 'software key on a PC not joined to Entra ID', text: output(device('NO'), details('NO')) },
  ],
  invalid: [
    {
      name: 'a TPM error in the pre-join diagnostics',
      text: output(
        device('NO'),
        section('Diagnostic Data', field('User Context', 'SYSTEM'), field('Error Phase', 'join'), field('Client ErrorCode', '0x80290407')),
      ),
      findings: [{ id: 'tpm-error', severity: 'error', codes: ['0x80290407'], evidence: ['Client ErrorCode : 0x80290407'] }],
    },
    {
      name: 'hybrid joined with a software key',
      text: output(device('YES'), details('NO')),
      findings: [{ id: 'tpm-not-used', severity: 'info', evidence: ['KeyProvider : Microsoft Software Key Storage Provider', 'TpmProtected : NO'] }],
    },
  ],
});
