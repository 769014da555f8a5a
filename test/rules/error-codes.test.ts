import { errorCodes } from '../../src/diagnose/rules/error-codes.js';
import { field, output, ruleTester, section } from '../rule-tester.js';
import { details, device, tenant } from './device-objects.js';

// codes no earlier finding explains: known ones from the knowledge base, unknown ones as unknown
const sso = section(
  'SSO State',
  field('AzureAdPrt', 'NO'),
  field('AcquirePrtDiagnostics', 'PRESENT'),
  field('Attempt Status', '0xc000006d'),
  field('Server Error Description', 'AADSTS50126: Error validating credentials due to invalid username or password.'),
);

ruleTester(errorCodes, {
  valid: [
    { name: 'no codes', text: output(device('NO'), details('SUCCESS'), tenant) },
    {
      name: 'every code already explained by an earlier finding',
      text: output(device('NO'), details('SUCCESS'), tenant, sso),
      earlier: [{ id: 'prt-request-failed', codes: ['AADSTS50126', '0xc000006d'] }],
    },
  ],
  invalid: [
    {
      name: 'known codes nobody explained',
      text: output(device('NO'), details('SUCCESS'), tenant, sso),
      findings: [
        {
          id: 'error-code',
          severity: 'warning',
          codes: ['AADSTS50126'],
          evidence: ['Server Error Description : AADSTS50126: Error validating credentials due to invalid username or password.'],
        },
        { id: 'error-code', codes: ['0xc000006d'], evidence: ['Attempt Status : 0xc000006d'] },
      ],
    },
    {
      name: 'one explained, one left',
      text: output(device('NO'), details('SUCCESS'), tenant, sso),
      earlier: [{ id: 'prt-request-failed', codes: ['AADSTS50126'] }],
      findings: [{ id: 'error-code', codes: ['0xc000006d'], evidence: ['Attempt Status : 0xc000006d'] }],
    },
    {
      name: 'a code the knowledge base does not know: reported as unknown, never guessed',
      text: output(device('NO'), details('FAILED. Error: 0x8018ffff'), tenant),
      findings: [{ id: 'unknown-error-code', severity: 'info', codes: ['0x8018ffff'], evidence: ['DeviceAuthStatus : FAILED. Error: 0x8018ffff'] }],
    },
  ],
});
