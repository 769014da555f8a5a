import { needsMoreEvidence } from '../../src/diagnose/rules/needs-more-evidence.js';
import { output, ruleTester } from '../rule-tester.js';
import { DELETED, DISABLED_OR_DELETED, details, device, failedSso, healthySso, tenant } from './device-objects.js';

// first, do no harm: a device-object error this output does not show is not fixed on this PC
ruleTester(needsMoreEvidence, {
  valid: [
    { name: 'nothing reported', text: output(device('NO'), details('SUCCESS'), tenant, healthySso) },
    {
      name: 'the output shows the failure it reports',
      text: output(device('NO'), details(DISABLED_OR_DELETED), tenant, failedSso('2025-02-11 07:58:41.372 UTC', DELETED)),
      options: { error: '700003' },
    },
  ],
  invalid: [
    {
      name: '700003 reported, the join shown healthy',
      text: output(device('NO'), details('SUCCESS'), tenant, healthySso),
      options: { error: '700003' },
      findings: [
        {
          id: 'needs-more-evidence',
          severity: 'error',
          explanation: 'finding.needs-more-evidence.matched-healthy',
          codes: ['AADSTS700003'],
          evidence: [
            'DeviceId : 83cfa1ed-f804-4304-97d9-21dabe8634fa',
            'DeviceAuthStatus : SUCCESS',
            'TenantName : Fabrikam',
            'TenantId : bd657ee2-4129-462a-9a18-150ca51cbabf',
            'AzureAdPrt : YES',
          ],
        },
      ],
    },
    {
      name: 'the error page names another device id',
      text: output(device('NO'), details('SUCCESS'), tenant, healthySso),
      options: { error: '700003', deviceId: '11111111-2222-3333-4444-555555555555' },
      findings: [{ id: 'needs-more-evidence', explanation: 'finding.needs-more-evidence.device-id-not-on-this-pc', evidence: [] }],
    },
  ],
});
