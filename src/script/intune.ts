import type { Diagnosis } from '../diagnose/diagnose.js';
import { translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { VERSION } from '../version.js';
import { psComment, psText, UTF8_BOM } from './powershell.js';
import { safeSteps } from './remediation.js';

export interface IntunePair {
  detection: string;
  remediation: string;
  /** Intune settings for the pair: run as the signed-in user or as SYSTEM. */
  detectionRunsAsUser: boolean;
  remediationRunsAsUser: boolean;
}

/**
 * An Intune Remediations (proactive remediation) pair for the 700003 condition. Detection exits 1
 * when DeviceAuthStatus says the object is disabled or deleted or the PRT diagnostics carry
 * AADSTS700003; the remediation is the one for the diagnosed join type, and like every script we
 * write it is a dry run until `$Apply` is set to `$true` after review.
 */
export function intunePair(d: Diagnosis, lang: Lang): IntunePair {
  const t = translator(lang);
  const detection = [
    psComment(t('script.intune.detect.header')),
    psComment(t('script.intune.runAsUser')),
    psComment(`dsreg-doctor ${VERSION}`),
    '$status = (& dsregcmd.exe /status) -join "`n"',
    "$das = [regex]::Match($status, 'DeviceAuthStatus\\s*:\\s*([^\\r\\n]*)').Groups[1].Value.Trim()",
    "$deleted = $das -like 'FAILED*disabled or deleted*'",
    "$aadsts = $status -match 'AADSTS700003'",
    'if ($deleted -or $aadsts) {',
    "  Write-Output ('700003: DeviceAuthStatus=' + $das + '; AADSTS700003 in PRT diagnostics=' + $aadsts)",
    '  exit 1',
    '}',
    "Write-Output ('OK: DeviceAuthStatus=' + $das)",
    'exit 0',
  ];
  const joinType = d.status.joinType;
  // /leave only where the plan itself says so, unconditionally (deleted, hybrid): never for a
  // disabled object or an ambiguous DeviceAuthStatus
  const leave = safeSteps(d).find((s) => s.id === 'leave-and-reboot');
  const canLeave = joinType === 'hybrid-joined' && leave !== undefined && !leave.conditional;
  const remediation = [
    psComment(t('script.intune.remediate.header')),
    psComment(canLeave ? t('script.intune.runAsSystem') : t('script.intune.runAsUser')),
    psComment(`dsreg-doctor ${VERSION}; ${joinType}`),
    psComment(t('script.intune.applyHint')),
    '$Apply = $false',
  ];
  if (canLeave) {
    remediation.push(
      psComment(t('script.intune.recheck')),
      '$status = (& dsregcmd.exe /status) -join "`n"',
      "$hybrid = ($status -match 'AzureAdJoined\\s*:\\s*YES') -and ($status -match 'DomainJoined\\s*:\\s*YES')",
      "$deleted = ($status -match 'AADSTS700003') -or ($status -match 'DeviceAuthStatus\\s*:\\s*FAILED\\. Device is either disabled or deleted')",
      'if (-not ($hybrid -and $deleted)) {',
      `  Write-Output ${psText(t('script.intune.notThisState'))}`,
      '  exit 1',
      '}',
      'if (-not $Apply) {',
      `  Write-Output ${psText(t('script.intune.dryRun'))}`,
      '  exit 0',
      '}',
      '& dsregcmd.exe /leave',
      `Write-Output ${psText(t('script.intune.hybridDone'))}`,
      'exit 0',
    );
  } else {
    // Entra joined needs an interactive admin sign-in; a registration is removed in Settings by the user
    const key = d.findings.some((f) => f.id === 'needs-more-evidence')
      ? 'script.intune.needsEvidence'
      : d.match.verdict === 'work-account'
        ? 'script.intune.manualRegistered'
        : d.findings.some((f) => f.id === 'device-object-disabled') || (leave?.conditional ?? false)
          ? 'script.intune.manualDisabled'
          : joinType === 'entra-joined'
            ? 'script.intune.manualJoined'
            : joinType === 'entra-registered'
              ? 'script.intune.manualRegistered'
              : 'script.intune.manualUnknown';
    remediation.push(`Write-Output ${psText(t(key))}`, 'exit 1');
  }
  return {
    detection: `${UTF8_BOM}${detection.join('\r\n')}\r\n`,
    remediation: `${UTF8_BOM}${remediation.join('\r\n')}\r\n`,
    detectionRunsAsUser: true,
    remediationRunsAsUser: !canLeave,
  };
}
