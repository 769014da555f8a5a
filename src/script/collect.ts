import { translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { VERSION } from '../version.js';
import { psComment, psText, UTF8_BOM } from './powershell.js';

/**
 * A read-only PowerShell script to run on the affected PC as the affected user (not elevated):
 * it writes one text bundle that `diagnose` reads (see src/read/bundle.ts for the format).
 * It changes nothing and sends nothing anywhere.
 */
export function collectionScript(lang: Lang): string {
  const t = translator(lang);
  const lines = [
    '<#',
    '.SYNOPSIS',
    `  ${t('script.collect.synopsis')}`,
    '.DESCRIPTION',
    `  ${t('script.collect.description')}`,
    `  dsreg-doctor ${VERSION}`,
    '#>',
    '[CmdletBinding()]',
    'param(',
    "  [string]$OutputPath = (Join-Path ([Environment]::GetFolderPath('Desktop')) ('dsreg-doctor-bundle-' + $env:COMPUTERNAME + '-' + (Get-Date).ToString('yyyyMMdd-HHmmss') + '.txt'))",
    ')',
    'Set-StrictMode -Version 2.0',
    "$ErrorActionPreference = 'Continue'",
    psComment(t('script.collect.comment.readOnly')),
    '$lines = New-Object System.Collections.Generic.List[string]',
    'function Add-Line([string]$Text) { $lines.Add($Text) }',
    'function Get-RegValue([string]$Path, [string]$Name) {',
    '  try { return (Get-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction Stop).$Name } catch { return $null }',
    '}',
    'function Format-Flag($Value) { if ($null -eq $Value) { return "NOT SET" } else { return [string]$Value } }',
    '$identity = [Security.Principal.WindowsIdentity]::GetCurrent()',
    '$elevated = ([Security.Principal.WindowsPrincipal]$identity).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)',
    `if ($elevated) { Write-Warning ${psText(t('script.collect.elevatedWarning'))} }`,
    '',
    "Add-Line '##### dsreg-doctor collection bundle v1 #####'",
    "Add-Line ('Collected : ' + (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ'))",
    "Add-Line ('Computer : ' + $env:COMPUTERNAME)",
    "Add-Line ('User : ' + $identity.Name)",
    "Add-Line ('Elevated : ' + $(if ($elevated) { 'YES' } else { 'NO' }))",
    "$ubr = Get-RegValue 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' 'UBR'",
    "Add-Line ('OS Build : ' + [Environment]::OSVersion.Version.ToString() + $(if ($null -ne $ubr) { ' (UBR ' + $ubr + ')' } else { '' }))",
    '',
    "Add-Line '##### dsregcmd /status #####'",
    'foreach ($line in (& dsregcmd.exe /status)) { Add-Line $line }',
    '',
    "Add-Line '##### registry #####'",
    psComment(t('script.collect.comment.storageKey')),
    "$storage = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey('Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage')",
    "$hasKey = ($null -ne $storage) -and ($storage.GetSubKeyNames() -contains 'https://login.microsoftonline.com')",
    "Add-Line ('AADStorageKey : ' + $(if ($hasKey) { 'PRESENT' } else { 'ABSENT' }))",
    "$wpj = @(Get-ChildItem -LiteralPath 'HKCU:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\WorkplaceJoin\\JoinInfo' -ErrorAction SilentlyContinue)",
    "Add-Line ('WorkplaceJoinInfo : ' + $(if ($wpj.Count -gt 0) { 'PRESENT (' + $wpj.Count + ')' } else { 'ABSENT' }))",
    "$cdj = @(Get-ChildItem -LiteralPath 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\CloudDomainJoin\\JoinInfo' -ErrorAction SilentlyContinue)",
    "Add-Line ('CloudDomainJoinInfo : ' + $(if ($cdj.Count -gt 0) { 'PRESENT (' + $cdj.Count + ')' } else { 'ABSENT' }))",
    psComment(t('script.collect.comment.mdm')),
    "$enrollments = @(Get-ChildItem -LiteralPath 'HKLM:\\SOFTWARE\\Microsoft\\Enrollments' -ErrorAction SilentlyContinue | Where-Object { $null -ne (Get-RegValue $_.PSPath 'UPN') })",
    "Add-Line ('MdmEnrollments : ' + $enrollments.Count)",
    "foreach ($e in $enrollments) { Add-Line ('MdmEnrollmentUpn : ' + (Get-RegValue $e.PSPath 'UPN')) }",
    "Add-Line ('BlockAADWorkplaceJoin : ' + (Format-Flag (Get-RegValue 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\WorkplaceJoin' 'BlockAADWorkplaceJoin')))",
    "Add-Line ('AutoWorkplaceJoin : ' + (Format-Flag (Get-RegValue 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\WorkplaceJoin' 'autoWorkplaceJoin')))",
    '',
    "Add-Line '##### events #####'",
    "$filter = @{ LogName = 'Microsoft-Windows-AAD/Operational'; Id = 1006, 1007, 1081, 1098; StartTime = (Get-Date).AddDays(-1) }",
    '$events = @(Get-WinEvent -FilterHashtable $filter -ErrorAction SilentlyContinue)',
    "foreach ($ev in $events) { Add-Line ([string]$ev.Id + ' | ' + $ev.TimeCreated.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') + ' | ' + (([string]$ev.Message) -replace '\\s+', ' ').Trim()) }",
    "Add-Line '##### end #####'",
    '',
    '[System.IO.File]::WriteAllLines($OutputPath, $lines, (New-Object System.Text.UTF8Encoding($true)))',
    `Write-Host (${psText(t('script.collect.saved'))}.Replace('{0}', $OutputPath))`,
  ];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
