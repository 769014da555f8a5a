import { inputCompleteness } from '../../src/diagnose/rules/input-completeness.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 01: the join type needs AzureAdJoined and DomainJoined (and WorkplaceJoined); people paste
// excerpts ("..."), and mask ids before sharing
const device = section(
  'Device State',
  field('AzureAdJoined', 'YES'),
  field('EnterpriseJoined', 'NO'),
  field('DomainJoined', 'NO'),
  field('Device Name', 'FAB-LT-0417'),
);
const details = (id: string) => section('Device Details', field('DeviceId', id), field('TpmProtected', 'YES'));
const tenant = (id: string) => section('Tenant Details', field('TenantName', 'Fabrikam'), field('TenantId', id));

ruleTester(inputCompleteness, {
  valid: [{ name: 'a whole output', text: output(device, details('83cfa1ed-f804-4304-97d9-21dabe8634fa'), tenant('bd657ee2-4129-462a-9a18-150ca51cbabf')) }],
  invalid: [
    {
      name: 'only SSO State: the join state is unknown',
      text: output(section('SSO State', field('AzureAdPrt', 'NO'))),
      findings: [{ id: 'join-state-unknown', severity: 'warning', evidence: [] }],
    },
    {
      name: 'a pasted excerpt with an elision',
      text: output(device, '...', details('83cfa1ed-f804-4304-97d9-21dabe8634fa')),
      findings: [{ id: 'output-elided', severity: 'info', evidence: ['...'] }],
    },
    {
      name: 'device and tenant ids masked before sharing',
      text: output(device, details('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'), tenant('[REDACTED_GUID]')),
      findings: [{ id: 'ids-masked', evidence: ['DeviceId : xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'TenantId : [REDACTED_GUID]'] }],
    },
  ],
});
