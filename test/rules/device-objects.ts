import { field, section } from '../rule-tester.js';

/** Inputs shared by the device-object tables (04: 700003 deleted, 135011 disabled, 50155 either). */
export const device = (dom: string) =>
  section('Device State', field('AzureAdJoined', 'YES'), field('EnterpriseJoined', 'NO'), field('DomainJoined', dom), field('Device Name', 'FAB-LT-0417'));
export const details = (das: string) => section('Device Details', field('DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'), field('DeviceAuthStatus', das));
export const tenant = section('Tenant Details', field('TenantName', 'Fabrikam'), field('TenantId', 'bd657ee2-4129-462a-9a18-150ca51cbabf'));
export const healthySso = section('SSO State', field('AzureAdPrt', 'YES'));
/** A failed PRT acquisition with the server's answer. */
export const failedSso = (time: string, description: string) =>
  section(
    'SSO State',
    field('AzureAdPrt', 'NO'),
    field('AcquirePrtDiagnostics', 'PRESENT'),
    field('Previous Prt Attempt', time),
    field('Attempt Status', '0xc000023c'),
    field('HTTP Status', '400'),
    field('Server Error Description', description),
  );
export const DELETED = "AADSTS700003: Device object was not found in the tenant 'Fabrikam' directory.";
export const DISABLED = 'AADSTS135011: Device used during the authentication is disabled.';
export const DISABLED_OR_DELETED = 'FAILED. Device is either disabled or deleted';
/** The evidence lines of failedSso's block (the registration's and the attempt's). */
export const blockLines = (time: string, description: string) => [
  'AcquirePrtDiagnostics : PRESENT',
  `Previous Prt Attempt : ${time}`,
  'Attempt Status : 0xc000023c',
  'HTTP Status : 400',
  `Server Error Description : ${description}`,
];
