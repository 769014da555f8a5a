/** Build a modern-format dsregcmd /status output for table-driven tests. */
export interface StatusSpec {
  aad?: 'YES' | 'NO';
  ent?: 'YES' | 'NO';
  dom?: 'YES' | 'NO';
  wpj?: 'YES' | 'NO';
  prt?: 'YES' | 'NO';
  deviceAuthStatus?: string;
  deviceId?: string;
  certValidity?: string;
  tpmProtected?: 'YES' | 'NO';
  /** Extra `Key : value` lines in Device Details. */
  details?: string[];
  /** Extra lines in SSO State (PRT diagnostics). */
  sso?: string[];
  /** Lines of Diagnostic Data. */
  diagnostic?: string[];
  /** Omit sections entirely. */
  omit?: ('Device State' | 'User State' | 'SSO State')[];
}

const banner = (title: string) => [
  '+----------------------------------------------------------------------+',
  `| ${title.padEnd(69)}|`,
  '+----------------------------------------------------------------------+',
  '',
];

export function buildStatus(spec: StatusSpec = {}): string {
  const lines: string[] = [''];
  const omit = new Set(spec.omit ?? []);
  if (!omit.has('Device State')) {
    lines.push(...banner('Device State'));
    lines.push(
      `             AzureAdJoined : ${spec.aad ?? 'YES'}`,
      `          EnterpriseJoined : ${spec.ent ?? 'NO'}`,
      `              DomainJoined : ${spec.dom ?? 'NO'}`,
    );
    if (spec.dom === 'YES') lines.push('                DomainName : CONTOSO');
    lines.push('               Device Name : PC-TEST-01', '');
  }
  if ((spec.aad ?? 'YES') === 'YES') {
    lines.push(...banner('Device Details'));
    lines.push(
      `                  DeviceId : ${spec.deviceId ?? '11111111-2222-3333-4444-555555555555'}`,
      `                Thumbprint : 1C688F8D08934223104D31CE461CC16849610F88`,
      ` DeviceCertificateValidity : ${spec.certValidity ?? '[ 2024-03-18 09:14:52.000 UTC -- 2034-03-18 09:44:52.000 UTC ]'}`,
      `               KeyProvider : Microsoft Platform Crypto Provider`,
      `              TpmProtected : ${spec.tpmProtected ?? 'YES'}`,
      `          DeviceAuthStatus : ${spec.deviceAuthStatus ?? 'SUCCESS'}`,
      ...(spec.details ?? []),
      '',
    );
    lines.push(...banner('Tenant Details'));
    lines.push('                TenantName : Contoso', '                  TenantId : aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', '');
  }
  if (!omit.has('User State')) {
    lines.push(...banner('User State'));
    lines.push('                    NgcSet : NO', `           WorkplaceJoined : ${spec.wpj ?? 'NO'}`, '             WamDefaultSet : YES', '');
  }
  if (!omit.has('SSO State')) {
    lines.push(...banner('SSO State'));
    lines.push(`                AzureAdPrt : ${spec.prt ?? 'YES'}`, ...(spec.sso ?? []), '');
  }
  lines.push(...banner('Diagnostic Data'));
  const defaults = [
    '        AadRecoveryEnabled : NO',
    '    Executing Account Name : CONTOSO\\user, user@contoso.com',
    '               KeySignTest : MUST Run elevated to test.',
  ];
  const extra = spec.diagnostic ?? [];
  const keyOf = (l: string) => l.split(' : ')[0]?.trim();
  lines.push(...defaults.filter((d) => !extra.some((e) => keyOf(e) === keyOf(d))), ...extra, '');
  lines.push('For more information, please visit https://www.microsoft.com/aadjerrors', '');
  return lines.join('\n');
}

export const DELETED_ATTEMPT = [
  '     AcquirePrtDiagnostics : PRESENT',
  '      Previous Prt Attempt : 2025-02-11 07:58:41.372 UTC',
  '            Attempt Status : 0xc000023c',
  '                HTTP Error : 0x0',
  '               HTTP status : 400',
  '         Server Error Code : invalid_grant',
  "  Server Error Description : AADSTS700003: Device object was not found in the tenant 'Contoso' directory.",
];
