import type { CleanupDevice } from '../cleanup/staged.js';
import { isGuidKey } from '../fleet/values.js';
import { type MessageKey, translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { VERSION } from '../version.js';
import { psComment, psLiteral, psText, UTF8_BOM } from './powershell.js';

/**
 * Microsoft Graph PowerShell scripts for the staged cleanup: disable (stage 1), its rollback
 * (re-enable every stage-1 device), re-enable (stage 2) and delete (stage 3). Dry run unless
 * -Apply, then through ShouldProcess; batches with a pause; a CSV log of every change. Each
 * device is checked against Graph before it is changed (same device id; for a delete: still
 * disabled and still inactive; its BitLocker keys saved first). The Mg cmdlets' -DeviceId takes
 * the object id, not the device id. Input values appear only as single-quoted literals, and
 * only GUIDs are emitted as ids.
 */

export type CleanupScriptKind = 'disable' | 'rollback' | 'enable' | 'delete' | 'restore';

export interface CleanupScriptOptions {
  generatedAt?: Date;
  /** delete: skip a device whose activity timestamp is newer than this (ISO); the stage-1 date. */
  inactiveSince?: string;
}

/** What each script needs in the tenant (07 §2). */
export const CLEANUP_PERMISSIONS: Record<CleanupScriptKind, { scopes: string[]; roles: string[] }> = {
  disable: { scopes: ['Device.ReadWrite.All'], roles: ['Cloud Device Administrator', 'Intune Administrator'] },
  rollback: { scopes: ['Device.ReadWrite.All'], roles: ['Cloud Device Administrator', 'Intune Administrator'] },
  enable: { scopes: ['Device.ReadWrite.All'], roles: ['Cloud Device Administrator', 'Intune Administrator'] },
  delete: {
    scopes: ['Device.ReadWrite.All', 'BitLockerKey.Read.All'],
    roles: ['Cloud Device Administrator', 'Intune Administrator', 'Windows 365 Administrator'],
  },
  restore: { scopes: ['Device.ReadWrite.All'], roles: ['Cloud Device Administrator', 'Intune Administrator', 'Global Administrator'] },
};

/** The commands a cleanup script may run (tests check the parsed script against this). */
export const CLEANUP_COMMANDS = [
  'Set-StrictMode',
  'Get-Date',
  'Join-Path',
  'Get-Location',
  'New-Item',
  'Out-Null',
  'Write-Host',
  'Write-Note',
  'Write-Stop',
  'Write-Log',
  'Get-MgContext',
  'Get-MgDevice',
  'Update-MgDevice',
  'Remove-MgDevice',
  'Get-MgDirectoryDeletedItemAsDevice',
  'Restore-MgDirectoryDeletedItem',
  'Get-MgInformationProtectionBitlockerRecoveryKey',
  'Save-BitLockerKeys',
  'Export-Csv',
  'Start-Sleep',
  'Test-Path',
] as const;

const MESSAGES: MessageKey[] = [
  'cleanup.script.dryRunHint',
  'cleanup.script.dryRun',
  'cleanup.script.notConnected',
  'cleanup.script.missingScope',
  'cleanup.script.log',
  'cleanup.script.changed',
  'cleanup.script.failed',
  'cleanup.script.skippedOther',
  'cleanup.script.skippedEnabled',
  'cleanup.script.skippedActive',
  'cleanup.script.skippedKeys',
  'cleanup.script.keysSaved',
  'cleanup.script.pause',
  'cleanup.script.done',
];

// long: the script's text in the order PowerShell runs it (help, parameters, checks, the loop, the log)
export function cleanupScript(
  kind: CleanupScriptKind,
  devices: Pick<CleanupDevice, 'deviceId' | 'objectId' | 'displayName'>[],
  lang: Lang,
  options: CleanupScriptOptions = {},
): string {
  const t = translator(lang);
  const when = (options.generatedAt ?? new Date()).toISOString();
  const perm = CLEANUP_PERMISSIONS[kind];
  const out: string[] = [];
  const doc = (s: string) => out.push(`  ${s.replace(/#>/g, '# >').replace(/[\r\n]+/g, ' ')}`);
  out.push('<#');
  out.push('.SYNOPSIS');
  doc(t(`cleanup.script.synopsis.${kind}`));
  out.push('.DESCRIPTION');
  doc(t('cleanup.script.description'));
  doc(t('cleanup.script.permissions', { scopes: perm.scopes.join(', '), roles: perm.roles.join(', ') }));
  doc(`Connect-MgGraph -Scopes ${perm.scopes.join(',')}`);
  doc(`dsreg-doctor ${VERSION}, ${when}`);
  out.push('.PARAMETER Apply');
  doc(t('cleanup.script.param.apply'));
  out.push('.PARAMETER BatchSize');
  doc(t('cleanup.script.param.batchSize'));
  out.push('.PARAMETER PauseSeconds');
  doc(t('cleanup.script.param.pauseSeconds'));
  out.push('#>');
  out.push("[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]");
  out.push('param(');
  out.push('  [switch]$Apply,');
  out.push('  [ValidateRange(1, 1000)][int]$BatchSize = 50,');
  out.push('  [ValidateRange(0, 3600)][int]$PauseSeconds = 30,');
  out.push("  [string]$OutputDirectory = (Join-Path (Get-Location).Path 'dsreg-doctor-cleanup')");
  out.push(')');
  out.push('Set-StrictMode -Version 2.0');
  out.push("$ErrorActionPreference = 'Stop'");
  out.push('$script:Cmdlet = $PSCmdlet');
  out.push("$Stamp = (Get-Date).ToString('yyyyMMdd-HHmmss')");
  out.push('');
  out.push('$Msg = @{');
  for (const key of MESSAGES) out.push(`  ${psLiteral(key)} = ${psText(t(key))}`);
  out.push('}');
  out.push(`$Scopes = @(${perm.scopes.map((s) => psLiteral(s)).join(', ')})`);
  out.push(`$InactiveSince = ${options.inactiveSince && !Number.isNaN(Date.parse(options.inactiveSince)) ? psLiteral(options.inactiveSince) : '$null'}`);
  out.push('');
  out.push(psComment(t('cleanup.script.comment.devices')));
  out.push('$Devices = @(');
  let emitted = 0;
  for (const d of devices) {
    // only GUIDs: an id that is anything else is never put in a script
    if (d.objectId === null || !isGuidKey(d.objectId) || !isGuidKey(d.deviceId)) {
      out.push(psComment(`skipped: ${d.deviceId.replace(/[^0-9A-Za-z-]/g, '?')} (no object id)`));
      continue;
    }
    const name = psLiteral(d.displayName ?? '') ?? "''";
    out.push(`  [pscustomobject]@{ ObjectId = ${psLiteral(d.objectId)}; DeviceId = ${psLiteral(d.deviceId)}; DisplayName = ${name} }`);
    emitted++;
  }
  out.push(')');
  out.push('');
  out.push(...HELPERS);
  out.push('');
  out.push('New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null');
  out.push(`$LogPath = Join-Path $OutputDirectory ('dsreg-doctor-cleanup-${kind}-' + $Stamp + '.csv')`);
  if (kind === 'delete') out.push("$KeyPath = Join-Path $OutputDirectory ('dsreg-doctor-bitlocker-keys-' + $Stamp + '.csv')");
  out.push("Write-Note 'cleanup.script.log' $LogPath");
  out.push('if ($Apply) {');
  out.push('  $context = Get-MgContext');
  out.push("  if ($null -eq $context) { Write-Stop 'cleanup.script.notConnected' ($Scopes -join ',') }");
  out.push('  foreach ($scope in $Scopes) {');
  out.push(
    "    if ($null -ne $context.Scopes -and $context.Scopes.Count -gt 0 -and -not ($context.Scopes -contains $scope)) { Write-Stop 'cleanup.script.missingScope' $scope }",
  );
  out.push('  }');
  out.push('} else {');
  out.push("  Write-Note 'cleanup.script.dryRunHint'");
  out.push('}');
  out.push('');
  out.push('$n = 0');
  out.push('foreach ($d in $Devices) {');
  out.push('  if ($n -gt 0 -and ($n % $BatchSize) -eq 0 -and $Apply) {');
  out.push("    Write-Note 'cleanup.script.pause' ([string]$PauseSeconds)");
  out.push('    Start-Sleep -Seconds $PauseSeconds');
  out.push('  }');
  out.push('  $n++');
  out.push(`  $what = ${psLiteral(ACTION[kind])}`);
  out.push("  $target = $d.DisplayName + ' (' + $d.ObjectId + ')'");
  out.push("  if (-not $Apply) { Write-Note 'cleanup.script.dryRun' ($what + ': ' + $target); Write-Log $d 'dry-run' ''; continue }");
  out.push("  if (-not $script:Cmdlet.ShouldProcess($target, $what)) { Write-Log $d 'declined' ''; continue }");
  out.push('  try {');
  out.push(
    kind === 'restore'
      ? '    $now = Get-MgDirectoryDeletedItemAsDevice -DirectoryObjectId $d.ObjectId'
      : "    $now = Get-MgDevice -DeviceId $d.ObjectId -Property 'id,deviceId,displayName,accountEnabled,approximateLastSignInDateTime'",
  );
  out.push(
    "    if ([string]$now.DeviceId -ne $d.DeviceId) { Write-Note 'cleanup.script.skippedOther' $target; Write-Log $d 'skipped-other-device' ([string]$now.DeviceId); continue }",
  );
  out.push(...BODY[kind].map((l) => `    ${l}`));
  out.push("    Write-Note 'cleanup.script.changed' $target");
  out.push('  } catch {');
  out.push("    Write-Note 'cleanup.script.failed' ($target + ': ' + $_.Exception.Message)");
  out.push("    Write-Log $d 'failed' $_.Exception.Message");
  out.push('  }');
  out.push('}');
  out.push(`Write-Note 'cleanup.script.done' ${psLiteral(String(emitted))}`);
  return `${UTF8_BOM}${out.join('\r\n')}\r\n`;
}

const ACTION: Record<CleanupScriptKind, string> = {
  disable: 'Update-MgDevice accountEnabled=$false',
  rollback: 'Update-MgDevice accountEnabled=$true',
  enable: 'Update-MgDevice accountEnabled=$true',
  delete: 'Remove-MgDevice',
  restore: 'Restore-MgDirectoryDeletedItem',
};

const BODY: Record<CleanupScriptKind, string[]> = {
  disable: [
    'if ($null -ne $now.ApproximateLastSignInDateTime -and $null -ne $InactiveSince -and ([datetime]$now.ApproximateLastSignInDateTime) -gt ([datetime]$InactiveSince)) {',
    "  Write-Note 'cleanup.script.skippedActive' $target; Write-Log $d 'skipped-active' ([string]$now.ApproximateLastSignInDateTime); continue",
    '}',
    'Update-MgDevice -DeviceId $d.ObjectId -BodyParameter @{ accountEnabled = $false }',
    "Write-Log $d 'disabled' ''",
  ],
  rollback: ['Update-MgDevice -DeviceId $d.ObjectId -BodyParameter @{ accountEnabled = $true }', "Write-Log $d 'enabled' ''"],
  restore: ['Restore-MgDirectoryDeletedItem -DirectoryObjectId $d.ObjectId | Out-Null', "Write-Log $d 'restored' ''"],
  enable: ['Update-MgDevice -DeviceId $d.ObjectId -BodyParameter @{ accountEnabled = $true }', "Write-Log $d 'enabled' ''"],
  delete: [
    "if ($now.AccountEnabled -ne $false) { Write-Note 'cleanup.script.skippedEnabled' $target; Write-Log $d 'skipped-enabled' ''; continue }",
    'if ($null -ne $now.ApproximateLastSignInDateTime -and $null -ne $InactiveSince -and ([datetime]$now.ApproximateLastSignInDateTime) -gt ([datetime]$InactiveSince)) {',
    "  Write-Note 'cleanup.script.skippedActive' $target; Write-Log $d 'skipped-active' ([string]$now.ApproximateLastSignInDateTime); continue",
    '}',
    "if (-not (Save-BitLockerKeys $d)) { Write-Note 'cleanup.script.skippedKeys' $target; Write-Log $d 'skipped-keys-not-saved' ''; continue }",
    'Remove-MgDevice -DeviceId $d.ObjectId',
    "Write-Log $d 'deleted' ''",
  ],
};

/** Helper functions (our own code, no input values). */
const HELPERS = [
  'function Write-Note([string]$Key, [string]$Arg = $null) {',
  '  $text = $Msg[$Key]',
  "  if ($null -ne $Arg) { $text = $text.Replace('{0}', $Arg) }",
  '  Write-Host $text',
  '}',
  'function Write-Stop([string]$Key, [string]$Arg = $null) {',
  '  $text = $Msg[$Key]',
  "  if ($null -ne $Arg) { $text = $text.Replace('{0}', $Arg) }",
  '  Write-Host $text -ForegroundColor Red',
  '  exit 2',
  '}',
  'function Write-Log($Device, [string]$Result, [string]$Detail) {',
  "  [pscustomobject]@{ Time = (Get-Date).ToUniversalTime().ToString('o'); ObjectId = $Device.ObjectId; DeviceId = $Device.DeviceId; DisplayName = $Device.DisplayName; Result = $Result; Detail = $Detail } |",
  '    Export-Csv -Path $LogPath -NoTypeInformation -Encoding UTF8 -Append',
  '}',
  '# BitLocker recovery keys are stored on the device object and deleted with it: save them first.',
  'function Save-BitLockerKeys($Device) {',
  "  if ($Device.DeviceId -notmatch '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$') { return $false }",
  '  try {',
  '    $keys = @(Get-MgInformationProtectionBitlockerRecoveryKey -Filter ("deviceId eq \'" + $Device.DeviceId + "\'") -All)',
  '    foreach ($k in $keys) {',
  "      $full = Get-MgInformationProtectionBitlockerRecoveryKey -BitlockerRecoveryKeyId $k.Id -Property 'id,deviceId,createdDateTime,volumeType,key'",
  '      [pscustomobject]@{ DeviceId = $Device.DeviceId; DisplayName = $Device.DisplayName; KeyId = $full.Id; VolumeType = [string]$full.VolumeType; CreatedDateTime = [string]$full.CreatedDateTime; Key = $full.Key } |',
  '        Export-Csv -Path $KeyPath -NoTypeInformation -Encoding UTF8 -Append',
  '    }',
  "    if ($keys.Count -gt 0) { Write-Note 'cleanup.script.keysSaved' $KeyPath }",
  '    return $true',
  '  } catch {',
  '    return $false',
  '  }',
  '}',
];
