import { deviceObjectDisabled } from '../../src/diagnose/rules/device-object-disabled.js';
import { output, ruleTester } from '../rule-tester.js';
import { blockLines, DELETED, DISABLED, DISABLED_OR_DELETED, details, device, failedSso, healthySso, tenant } from './device-objects.js';

const T = '2025-02-11 07:58:41.372 UTC';

ruleTester(deviceObjectDisabled, {
  valid: [
    { name: 'healthy', text: output(device('NO'), details('SUCCESS'), tenant, healthySso) },
    { name: 'deleted (700003) only', text: output(device('NO'), details(DISABLED_OR_DELETED), tenant, failedSso(T, DELETED)) },
    {
      name: '135011 reported but the output shows the join healthy',
      text: output(device('NO'), details('SUCCESS'), tenant, healthySso),
      options: { error: '135011' },
    },
  ],
  invalid: [
    {
      name: 'Entra joined, the PRT request answered 135011',
      text: output(device('NO'), details(DISABLED_OR_DELETED), tenant, failedSso(T, DISABLED)),
      findings: [
        {
          id: 'device-object-disabled',
          severity: 'error',
          explanation: 'finding.device-object-disabled.explanation',
          codes: ['AADSTS135011', '0xc000023c'],
          evidence: [`DeviceAuthStatus : ${DISABLED_OR_DELETED}`, ...blockLines(T, DISABLED)],
        },
      ],
    },
    {
      name: 'hybrid: 135011 reported, the latest PRT answer is 700003: superseded',
      text: output(device('YES'), details(DISABLED_OR_DELETED), tenant, failedSso(T, DELETED)),
      options: { error: '135011' },
      findings: [{ id: 'superseded-answer', severity: 'info', codes: ['AADSTS135011'], evidence: [] }],
    },
  ],
});
