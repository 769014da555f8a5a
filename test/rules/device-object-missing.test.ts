import { deviceObjectMissing } from '../../src/diagnose/rules/device-object-missing.js';
import { output, ruleTester } from '../rule-tester.js';
import { blockLines, DELETED, DISABLED, DISABLED_OR_DELETED, details, device, failedSso, healthySso, tenant } from './device-objects.js';

const T = '2025-02-11 07:58:41.372 UTC';

ruleTester(deviceObjectMissing, {
  valid: [
    { name: 'healthy, nothing reported', text: output(device('NO'), details('SUCCESS'), tenant, healthySso) },
    {
      name: '700003 reported but this output shows the join healthy: needs-more-evidence decides',
      text: output(device('NO'), details('SUCCESS'), tenant, healthySso),
      options: { error: '700003' },
    },
    { name: 'only disabled (135011): the disabled rule', text: output(device('NO'), details(DISABLED_OR_DELETED), tenant, failedSso(T, DISABLED)) },
  ],
  invalid: [
    {
      name: 'Entra joined, the PRT request answered 700003',
      text: output(device('NO'), details(DISABLED_OR_DELETED), tenant, failedSso(T, DELETED)),
      findings: [
        {
          id: 'device-object-missing',
          severity: 'error',
          data: { answer: 'deleted' },
          explanation: 'finding.device-object-missing.explanation-cloud',
          codes: ['AADSTS700003', '0xc000023c'],
          evidence: [
            'DeviceId : 83cfa1ed-f804-4304-97d9-21dabe8634fa',
            `DeviceAuthStatus : ${DISABLED_OR_DELETED}`,
            'TenantName : Fabrikam',
            'TenantId : bd657ee2-4129-462a-9a18-150ca51cbabf',
            'AzureAdPrt : NO',
            ...blockLines(T, DELETED),
          ],
        },
      ],
    },
    {
      name: 'hybrid joined, DeviceAuthStatus alone: deleted or disabled, the output cannot tell',
      text: output(device('YES'), details(DISABLED_OR_DELETED), tenant),
      findings: [
        {
          id: 'device-object-missing',
          data: { answer: 'deleted-or-disabled' },
          explanation: 'finding.device-object-missing.ambiguous',
          codes: [],
          evidence: [`DeviceAuthStatus : ${DISABLED_OR_DELETED}`],
        },
      ],
    },
    {
      name: '700003 reported, but the latest PRT answer is 135011: the reported one is superseded',
      text: output(device('NO'), details(DISABLED_OR_DELETED), tenant, failedSso(T, DISABLED)),
      options: { error: '700003' },
      findings: [{ id: 'superseded-answer', severity: 'info', codes: ['AADSTS700003'], evidence: [] }],
    },
  ],
});
