import type { Diagnosis } from '../diagnose/diagnose.js';
import { type MessageKey, type Translate, translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { JOIN_CHANGING_STEPS, type PlanStep, type StepId } from '../plan/plan.js';
import { localizeStep } from '../render/localize.js';
import { VERSION } from '../version.js';
import { psComment, psLiteral, psText, UTF8_BOM } from './powershell.js';

export interface RemediationOptions {
  /** Run steps up to this stage: 1 = the remedy, 2 = also the fallback (AAD\Storage key). */
  stage?: number;
  /** For the header; defaults to now. */
  generatedAt?: Date;
}

/** What a scriptable step does on the PC. Everything else is printed as instructions. */
interface ScriptedAction {
  /** Needs an elevated prompt (checked before the action). */
  elevated: 'required' | 'forbidden' | 'any';
  /** Changes the device: done only with -Apply and ShouldProcess. */
  changes: boolean;
  /** PowerShell lines (our own code; no input values). */
  body: string[];
}

const STORAGE_PARENT = 'Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage';
const STORAGE_KEY = 'https://login.microsoftonline.com';

const SCRIPTED: Partial<Record<StepId, ScriptedAction>> = {
  forcerecovery: {
    elevated: 'required',
    changes: true,
    body: ["if (Confirm-Change 'dsregcmd /forcerecovery') {", '  & dsregcmd.exe /forcerecovery', "  Write-Note 'script.note.forcerecovery'", '}'],
  },
  'leave-and-reboot': {
    elevated: 'required',
    changes: true,
    body: [
      "if (Confirm-Change 'dsregcmd /leave') {",
      '  & dsregcmd.exe /leave',
      "  Write-Note 'script.note.restart'",
      "  if (Confirm-Change 'Restart-Computer') { Save-Status 'after'; Stop-Log; Restart-Computer -Force }",
      '}',
    ],
  },
  'refresh-prt': {
    elevated: 'forbidden',
    changes: true,
    body: ["if (Confirm-Change 'dsregcmd /refreshprt') { & dsregcmd.exe /refreshprt }"],
  },
  'clear-aad-storage-key': {
    elevated: 'forbidden',
    changes: true,
    body: [
      '$now = Get-DsregStatus',
      "if ($now['AzureAdJoined'] -ne 'NO' -or $now['WorkplaceJoined'] -ne 'NO') {",
      "  Write-Stop 'script.stop.notAllNo'",
      '}',
      `$parent = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey(${psLiteral(STORAGE_PARENT)}, $true)`,
      `if ($null -eq $parent -or -not ($parent.GetSubKeyNames() -contains ${psLiteral(STORAGE_KEY)})) {`,
      "  Write-Note 'script.note.keyAbsent'",
      '} else {',
      "  $backup = Join-Path $OutputDirectory ('aad-storage-backup-' + $Stamp + '.reg')",
      "  if (Confirm-Change 'reg export + delete HKCU\\...\\AAD\\Storage\\https://login.microsoftonline.com') {",
      `    & reg.exe export ${psLiteral(`HKCU\\${STORAGE_PARENT}\\${STORAGE_KEY}`)} $backup /y | Out-Null`,
      "    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $backup)) { Write-Stop 'script.stop.backupFailed' }",
      "    Write-Note 'script.note.backup' $backup",
      `    $parent.DeleteSubKeyTree(${psLiteral(STORAGE_KEY)})`,
      "    Write-Note 'script.note.keyDeleted'",
      '  }',
      '}',
    ],
  },
  'check-auto-registration-policy': {
    elevated: 'any',
    changes: false,
    body: [
      "$policy = Get-RegValue 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\WorkplaceJoin' 'autoWorkplaceJoin'",
      "if ($null -ne $policy) { Write-Note 'script.note.policyValue' ([string]$policy) } else { Write-Note 'script.note.policyNotSet' }",
      "$task = Get-ScheduledTask -TaskPath '\\Microsoft\\Windows\\Workplace Join\\' -TaskName 'Automatic-Device-Join' -ErrorAction SilentlyContinue",
      "if ($null -ne $task) { Write-Note 'script.note.taskState' ([string]$task.State) } else { Write-Note 'script.note.taskMissing' }",
    ],
  },
  'check-network-proxy': {
    elevated: 'any',
    changes: false,
    body: [
      '& netsh.exe winhttp show proxy',
      "foreach ($h in @('login.microsoftonline.com', 'device.login.microsoftonline.com', 'enterpriseregistration.windows.net')) {",
      "  try { [void][System.Net.Dns]::GetHostAddresses($h); Write-Note 'script.note.dnsOk' $h } catch { Write-Note 'script.note.dnsFailed' $h }",
      '}',
    ],
  },
  'check-tpm': {
    elevated: 'required',
    changes: false,
    body: ['Get-Tpm | Format-List TpmPresent, TpmReady, TpmEnabled, TpmActivated, LockedOut'],
  },
  'check-clock': {
    elevated: 'any',
    changes: false,
    body: ['& w32tm.exe /query /status', "Write-Note 'script.note.utcNow' ((Get-Date).ToUniversalTime().ToString('u'))"],
  },
};

/**
 * First, do no harm, once more at the last stage: a step that changes the device join is never
 * written for a join the output shows healthy, whatever the plan says.
 */
export function safeSteps(d: Diagnosis): PlanStep[] {
  const healthyJoin = d.registrations.some((r) => r.kind === 'device-join' && r.health === 'healthy');
  return healthyJoin ? d.plan.steps.filter((s) => !JOIN_CHANGING_STEPS.includes(s.id)) : d.plan.steps;
}

const STAGE_NUMBER: Record<PlanStep['stage'], number> = { prepare: 1, remedy: 1, fallback: 2, support: 3 };

/** Messages the script's helper functions print, by key. */
const SCRIPT_MESSAGES: MessageKey[] = [
  'script.msg.dryRun',
  'script.msg.dryRunHint',
  'script.msg.needsAdmin',
  'script.msg.mustNotBeElevated',
  'script.msg.otherMachine',
  'script.msg.statusSaved',
  'script.msg.log',
  'script.msg.step',
  'script.msg.manual',
  'script.msg.conditional',
  'script.msg.skippedStage',
  'script.msg.done',
  'script.note.forcerecovery',
  'script.note.restart',
  'script.note.keyAbsent',
  'script.note.backup',
  'script.note.keyDeleted',
  'script.note.policyValue',
  'script.note.policyNotSet',
  'script.note.taskState',
  'script.note.taskMissing',
  'script.note.dnsOk',
  'script.note.dnsFailed',
  'script.note.utcNow',
  'script.stop.notAllNo',
  'script.stop.backupFailed',
];

/**
 * A PowerShell script (Windows PowerShell 5.1 and PowerShell 7) for the diagnosed plan.
 * Dry run by default: it acts only with -Apply, and then through ShouldProcess (-WhatIf and
 * -Confirm work). Admin steps check elevation first; the registry step checks its precondition
 * and exports the key before deleting it. Input values appear only as single-quoted literals.
 */
// long: the script's text in the order PowerShell runs it (help, parameters, guards, steps, the log)
export function remediationScript(d: Diagnosis, lang: Lang, options: RemediationOptions = {}): string {
  const t = translator(lang);
  const stage = options.stage ?? 1;
  const s = d.status;
  const out: string[] = [];
  const when = (options.generatedAt ?? new Date()).toISOString();

  out.push('<#');
  out.push('.SYNOPSIS');
  out.push(`  ${t('script.synopsis')}`.replace(/#>/g, '# >'));
  out.push('.DESCRIPTION');
  for (const line of [t('script.description'), `dsreg-doctor ${VERSION}, ${when}`, `${t('report.joinType')}: ${t(`joinType.${s.joinType}`)}`])
    out.push(`  ${line.replace(/#>/g, '# >')}`);
  out.push('.PARAMETER Apply');
  out.push(`  ${t('script.param.apply')}`);
  out.push('.PARAMETER Force');
  out.push(`  ${t('script.param.force')}`);
  out.push('.PARAMETER AllowElevated');
  out.push(`  ${t('script.param.allowElevated')}`);
  out.push('.PARAMETER Stage');
  out.push(`  ${t('script.param.stage')}`);
  out.push('#>');
  out.push("[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]");
  out.push('param(');
  out.push('  [switch]$Apply,');
  out.push('  [switch]$Force,');
  out.push('  [switch]$AllowElevated,');
  out.push(`  [ValidateRange(1, 3)][int]$Stage = ${Math.min(Math.max(Math.trunc(stage), 1), 3)},`);
  out.push("  [string]$OutputDirectory = (Join-Path ([Environment]::GetFolderPath('Desktop')) 'dsreg-doctor')");
  out.push(')');
  out.push('Set-StrictMode -Version 2.0');
  out.push("$ErrorActionPreference = 'Stop'");
  out.push('$script:Cmdlet = $PSCmdlet');
  out.push("$Stamp = (Get-Date).ToString('yyyyMMdd-HHmmss')");
  out.push('');
  out.push(psComment(t('script.comment.expected')));
  const expected: [string, string | null][] = [
    ['DeviceId', s.deviceId.value],
    ['DeviceName', s.deviceName.value],
    ['TenantId', s.tenantId.value],
  ];
  out.push('$Expected = @{');
  for (const [k, v] of expected) {
    const lit = v === null ? null : psLiteral(v);
    out.push(`  ${k} = ${lit ?? '$null'}`);
  }
  out.push('}');
  out.push('');
  out.push('$Msg = @{');
  for (const key of SCRIPT_MESSAGES) out.push(`  ${psLiteral(key)} = ${psText(t(key))}`);
  out.push('}');
  out.push('');
  for (const line of HELPERS) out.push(line);
  out.push('');
  out.push('New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null');
  out.push("$LogPath = Join-Path $OutputDirectory ('dsreg-doctor-' + $Stamp + '.log')");
  out.push('Start-Transcript -Path $LogPath | Out-Null');
  out.push("Write-Note 'script.msg.log' $LogPath");
  out.push("if (-not $Apply) { Write-Note 'script.msg.dryRunHint' }");
  out.push("Save-Status 'before'");
  out.push('Assert-SameMachine');
  out.push('');
  const steps = restoreFirstPreamble(d, t, out);

  steps.forEach((step, i) => {
    const n = i + 1;
    const st = localizeStep(step, t);
    const scripted = SCRIPTED[step.id];
    const stageNo = STAGE_NUMBER[step.stage];
    out.push(psComment(`--- ${n}. [${step.id}] ${st.title}`));
    out.push(`if ($Stage -ge ${stageNo}) {`);
    out.push(`  Write-Step ${n} ${psText(st.title)} ${psLiteral(step.id)}`);
    // caveats before anything runs; a conditional step is never run by the script: whether its
    // condition holds (deleted, not disabled; still failing) is for the engineer to establish
    for (const c of st.caveats) out.push(`  Write-Host ${psText(`  ! ${c}`)} -ForegroundColor Yellow`);
    if (scripted && !step.conditional) {
      if (scripted.elevated === 'required') out.push(`  Assert-Elevated ${psLiteral(step.id)}`);
      if (scripted.elevated === 'forbidden') out.push(`  Assert-NotElevated ${psLiteral(step.id)}`);
      for (const line of scripted.body) out.push(`  ${line}`);
    } else {
      out.push(`  Write-Note ${psLiteral(step.conditional ? 'script.msg.conditional' : 'script.msg.manual')}`);
      out.push(`  Write-Host ${psText(`  ${st.why}`)}`);
      for (const a of st.actions) out.push(`  Write-Host ${psText(a.kind === 'command' ? `  > ${a.text}` : `  - ${a.text}`)}`);
    }
    out.push(`} else { Write-Note 'script.msg.skippedStage' ${psLiteral(step.id)} }`);
    out.push('');
  });
  out.push("Save-Status 'after'");
  out.push("Write-Note 'script.msg.done'");
  out.push('Stop-Log');
  return `${UTF8_BOM}${out.join('\r\n')}\r\n`;
}

/**
 * Restore first (#18): the restore is a tenant action, never in a script that runs on the PC. The
 * script says so, and stops before any device-side step when the PC already shows the restored
 * object working (same DeviceId, DeviceAuthStatus SUCCESS). Returns the steps the script covers.
 */
function restoreFirstPreamble(d: Diagnosis, t: Translate, out: string[]): PlanStep[] {
  const safe = safeSteps(d);
  const steps = safe.filter((s) => s.id !== 'restore-device-object');
  if (steps.length === safe.length) return steps;
  out.push(psComment(t('script.comment.restoreFirst')));
  out.push(`Write-Host ${psText(t('script.comment.restoreFirst'))} -ForegroundColor Yellow`);
  out.push('$Now = Get-DsregStatus');
  out.push("if ($null -ne $Expected['DeviceId'] -and $Now['DeviceId'] -eq $Expected['DeviceId'] -and $Now['DeviceAuthStatus'] -eq 'SUCCESS') {");
  out.push(`  Write-Host ${psText(t('script.note.restoredStop'))} -ForegroundColor Green`);
  out.push("  Save-Status 'after'");
  out.push('  Stop-Log');
  out.push('  exit 0');
  out.push('}');
  out.push('');
  return steps;
}

/** Helper functions every script carries (our own code, no input values). */
const HELPERS = [
  'function Get-RegValue([string]$Path, [string]$Name) {',
  '  try { return (Get-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction Stop).$Name } catch { return $null }',
  '}',
  'function Write-Note([string]$Key, [string]$Arg = $null) {',
  '  $text = $Msg[$Key]',
  "  if ($null -ne $Arg) { $text = $text.Replace('{0}', $Arg) }",
  '  Write-Host $text',
  '}',
  'function Write-Step([int]$Number, [string]$Title, [string]$Id) {',
  "  Write-Host ''",
  "  Write-Host (('[' + $Number + '] ') + $Title + ' (' + $Id + ')') -ForegroundColor Cyan",
  '}',
  'function Stop-Log { try { Stop-Transcript | Out-Null } catch { } }',
  'function Write-Stop([string]$Key, [string]$Arg = $null) {',
  '  $text = $Msg[$Key]',
  "  if ($null -ne $Arg) { $text = $text.Replace('{0}', $Arg) }",
  '  Write-Host $text -ForegroundColor Red',
  '  Stop-Log',
  '  exit 2',
  '}',
  'function Test-Elevated {',
  '  $id = [Security.Principal.WindowsIdentity]::GetCurrent()',
  '  return ([Security.Principal.WindowsPrincipal]$id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)',
  '}',
  "function Assert-Elevated([string]$Id) { if (-not (Test-Elevated)) { Write-Stop 'script.msg.needsAdmin' $Id } }",
  "function Assert-NotElevated([string]$Id) { if ((Test-Elevated) -and -not $AllowElevated) { Write-Stop 'script.msg.mustNotBeElevated' $Id } }",
  'function Confirm-Change([string]$What) {',
  "  if (-not $Apply) { Write-Note 'script.msg.dryRun' $What; return $false }",
  '  return $script:Cmdlet.ShouldProcess($env:COMPUTERNAME, $What)',
  '}',
  'function Get-DsregStatus {',
  '  $map = @{}',
  '  foreach ($line in (& dsregcmd.exe /status)) {',
  "    if ($line -match '^\\s*([A-Za-z][\\w \\-]*?)\\s*:\\s(.*)$') {",
  '      $key = $Matches[1].Trim()',
  '      if (-not $map.ContainsKey($key)) { $map[$key] = $Matches[2].Trim() }',
  '    }',
  '  }',
  '  return $map',
  '}',
  'function Save-Status([string]$Label) {',
  "  $path = Join-Path $OutputDirectory ('dsregcmd-' + $Label + '-' + $Stamp + '.txt')",
  '  & dsregcmd.exe /status | Out-File -FilePath $path -Encoding utf8',
  "  Write-Note 'script.msg.statusSaved' $path",
  '}',
  'function Assert-SameMachine {',
  '  if ($Force -or -not $Apply) { return }',
  '  $now = Get-DsregStatus',
  "  if ($null -ne $Expected['DeviceId'] -and $now['DeviceId'] -eq $Expected['DeviceId']) { return }",
  "  $name = [string]$Expected['DeviceName']",
  "  if ($name -ne '' -and ($name.Split('.')[0] -eq $env:COMPUTERNAME)) { return }",
  "  Write-Stop 'script.msg.otherMachine'",
  '}',
];
