import { collectionBundle } from '../../src/diagnose/rules/collection-bundle.js';
import { field, output, ruleTester, section } from '../rule-tester.js';

// the collection bundle (`dsreg-doctor script --collect`): dsregcmd plus what it does not print:
// the AAD\Storage key, MDM enrolment, the registration policies, AAD events (02, 07)
const status = (dom: string, wpj: string) =>
  output(
    section(
      'Device State',
      field('AzureAdJoined', dom === 'YES' ? 'YES' : 'NO'),
      field('EnterpriseJoined', 'NO'),
      field('DomainJoined', dom),
      field('Device Name', 'NWD-PC-0231'),
    ),
    section('User State', field('NgcSet', 'NO'), field('WorkplaceJoined', wpj)),
  );
const bundle = (text: string, registry: string[], events: string[] = []) =>
  [
    '##### dsreg-doctor collection bundle v1 #####',
    'Collected : 2025-03-04T07:02:11Z',
    'Computer : NWD-PC-0231',
    'Elevated : NO',
    '##### dsregcmd /status #####',
    text,
    '##### registry #####',
    ...registry,
    '##### events #####',
    ...events,
    '##### end #####',
  ].join('\n');
const quiet = ['AADStorageKey : ABSENT', 'MdmEnrollments : 0', 'BlockAADWorkplaceJoin : NOT SET', 'AutoWorkplaceJoin : NOT SET'];

ruleTester(collectionBundle, {
  valid: [
    { name: 'a plain dsregcmd output (no bundle)', text: status('YES', 'NO') },
    { name: 'a bundle with nothing to say', text: bundle(status('YES', 'NO'), quiet) },
    { name: 'automatic registration off on a PC not in a domain: irrelevant', text: bundle(status('NO', 'NO'), ['AutoWorkplaceJoin : 0']) },
  ],
  invalid: [
    {
      name: 'enrolled in MDM by a user',
      text: bundle(status('YES', 'NO'), ['MdmEnrollments : 1', 'MdmEnrollmentUpn : avery.kim@northwind.example']),
      findings: [{ id: 'mdm-enrolled', severity: 'info', evidence: ['MdmEnrollments : 1', 'MdmEnrollmentUpn : avery.kim@northwind.example'] }],
    },
    {
      name: 'automatic registration of domain computers turned off',
      text: bundle(status('YES', 'NO'), ['AutoWorkplaceJoin : 0']),
      findings: [{ id: 'auto-registration-disabled', severity: 'warning', evidence: ['AutoWorkplaceJoin : 0'] }],
    },
    {
      name: 'Entra registered, and BlockAADWorkplaceJoin set',
      text: bundle(status('NO', 'YES'), ['BlockAADWorkplaceJoin : 1']),
      findings: [{ id: 'workplace-join-blocked', evidence: ['BlockAADWorkplaceJoin : 1'] }],
    },
    {
      name: 'the AAD\\Storage key is present',
      text: bundle(status('YES', 'NO'), ['AADStorageKey : PRESENT']),
      findings: [{ id: 'aad-storage-key-present', evidence: ['AADStorageKey : PRESENT'] }],
    },
    {
      name: 'AAD events with their codes',
      text: bundle(status('YES', 'NO'), quiet, [
        "1006 | 2025-03-04T06:41:19Z | Error: 0xC000023C AADSTS700003: Device object was not found in the tenant 'Northwind' directory.",
      ]),
      findings: [
        {
          id: 'aad-events',
          codes: ['AADSTS700003', '0xc000023c'],
          evidence: ["1006 | 2025-03-04T06:41:19Z | Error: 0xC000023C AADSTS700003: Device object was not found in the tenant 'Northwind' directory."],
        },
      ],
    },
  ],
});
