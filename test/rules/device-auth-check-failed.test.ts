import { deviceAuthCheckFailed } from '../../src/diagnose/rules/device-auth-check-failed.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 01: DeviceAuthStatus SUCCESS, "FAILED. Device is either disabled or deleted" (the device
// object rules), or FAILED with an error code: the check itself could not run
const device = section(
  'Device State',
  field('AzureAdJoined', 'YES'),
  field('EnterpriseJoined', 'NO'),
  field('DomainJoined', 'NO'),
  field('Device Name', 'FAB-LT-0417'),
);
const details = (status: string) => section('Device Details', field('DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'), field('DeviceAuthStatus', status));

ruleTester(deviceAuthCheckFailed, {
  valid: [
    { name: 'SUCCESS', text: output(device, details('SUCCESS')) },
    { name: 'disabled or deleted: the device-object rules say it', text: output(device, details('FAILED. Device is either disabled or deleted')) },
  ],
  invalid: [
    {
      name: 'FAILED with a network error',
      text: output(device, details('FAILED. Error: 0x80072ee2')),
      findings: [{ id: 'device-auth-check-failed', severity: 'warning', codes: ['0x80072ee2'], evidence: ['DeviceAuthStatus : FAILED. Error: 0x80072ee2'] }],
    },
  ],
});
