import { deviceCertificate } from '../../src/diagnose/rules/device-certificate.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// 01: DeviceCertificateValidity [ start -- end ]; measured against Client Time when the output
// has it, else against now (the tester's NOW is 2025-06-01)
const device = section(
  'Device State',
  field('AzureAdJoined', 'YES'),
  field('EnterpriseJoined', 'NO'),
  field('DomainJoined', 'NO'),
  field('Device Name', 'FAB-LT-0417'),
);
const cert = (range: string) => section('Device Details', field('DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'), field('DeviceCertificateValidity', range));
const clock = (time: string) => section('Diagnostic Data', field('User Context', 'UN-ELEVATED User'), field('Client Time', time));

ruleTester(deviceCertificate, {
  valid: [
    { name: 'valid for years', text: output(device, cert('[ 2024-03-18 09:14:52.000 UTC -- 2034-03-18 09:44:52.000 UTC ]')) },
    { name: 'no certificate line', text: output(device) },
    {
      name: 'not yet valid by now, but without a clock in the output it is not said',
      text: output(device, cert('[ 2026-03-18 09:14:52.000 UTC -- 2036-03-18 09:44:52.000 UTC ]')),
    },
  ],
  invalid: [
    {
      name: 'expired before now',
      text: output(device, cert('[ 2015-03-18 09:14:52.000 UTC -- 2025-03-18 09:44:52.000 UTC ]')),
      findings: [
        {
          id: 'device-certificate-expired',
          severity: 'error',
          evidence: ['DeviceCertificateValidity : [ 2015-03-18 09:14:52.000 UTC -- 2025-03-18 09:44:52.000 UTC ]'],
        },
      ],
    },
    {
      name: 'expires within 30 days of Client Time',
      text: output(device, cert('[ 2015-06-10 00:00:00.000 UTC -- 2025-06-10 00:00:00.000 UTC ]'), clock('2025-05-20 09:41:17.000 UTC')),
      findings: [
        {
          id: 'device-certificate-expiring',
          severity: 'warning',
          evidence: ['DeviceCertificateValidity : [ 2015-06-10 00:00:00.000 UTC -- 2025-06-10 00:00:00.000 UTC ]', 'Client Time : 2025-05-20 09:41:17.000 UTC'],
        },
      ],
    },
    {
      name: 'not yet valid at Client Time (the PC clock is behind)',
      text: output(device, cert('[ 2025-06-01 00:00:00.000 UTC -- 2035-06-01 00:00:00.000 UTC ]'), clock('2025-05-20 09:41:17.000 UTC')),
      findings: [
        {
          id: 'device-certificate-not-yet-valid',
          evidence: ['DeviceCertificateValidity : [ 2025-06-01 00:00:00.000 UTC -- 2035-06-01 00:00:00.000 UTC ]', 'Client Time : 2025-05-20 09:41:17.000 UTC'],
        },
      ],
    },
  ],
});
