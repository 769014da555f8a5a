/** English messages of the script feature (spread into en.ts). */
export const enScript = {
  // --- generated scripts (printed by PowerShell; {0} is filled in by the script) ---------------
  'script.synopsis': 'dsreg-doctor remediation script for the diagnosed device (dry run unless -Apply).',
  'script.description':
    'Carries out the scriptable steps of the dsreg-doctor plan and prints the others as instructions. Without -Apply it only shows what it would do. With -Apply each change asks for confirmation (-Confirm:$false to skip, -WhatIf to preview).',
  'script.param.apply': 'Make the changes. Without it the script is a dry run.',
  'script.param.force': 'Run on a PC that does not match the diagnosed device.',
  'script.param.stage': '1 = the remedy; 2 = also the fallback stage (the AAD\\Storage key), only when the error remains after stage 1; 3 = everything.',
  'script.comment.expected': 'The diagnosed device (values from the input, used only for comparison).',
  'script.comment.restoreFirst':
    'Restore first (restore-device-object): restoring the deleted device object is a tenant action by a Cloud Device Administrator, Intune Administrator or Global Administrator, and is NOT part of this script. If the object can still be restored (deleted less than 30 days ago, in a tenant that keeps deleted devices), restore it instead of running this script: nothing on the PC needs to change. Run this script only if it cannot be restored.',
  'script.note.restoredStop':
    'DeviceAuthStatus is SUCCESS with the same DeviceId as in the diagnosis: the device object was restored (or the problem is gone). Nothing on this PC needs to change; the script stops.',
  'script.msg.dryRun': '[DRY RUN] Would run: {0}',
  'script.msg.dryRunHint': 'Dry run: nothing will be changed. Run again with -Apply to make the changes.',
  'script.msg.conditional': 'Only if its condition holds (see below); the script does not do this step itself:',
  'script.param.allowElevated':
    'Run user steps (the AAD\\Storage key, PRT refresh) from an elevated prompt: only when this administrator account is the affected user.',
  'script.msg.needsAdmin': 'Step {0} needs an elevated prompt. Open PowerShell with "Run as administrator" and run the script again.',
  'script.msg.mustNotBeElevated':
    "Step {0} must run as the affected user in a normal (not elevated) PowerShell: it changes that user's own registry. Run it again without elevation (or -AllowElevated if this admin account is the affected user).",
  'script.msg.otherMachine': 'This PC does not match the diagnosed device (DeviceId and device name differ). Stopping. Use -Force only if you are sure.',
  'script.msg.statusSaved': 'Saved dsregcmd /status to {0}',
  'script.msg.log': 'Transcript: {0}',
  'script.msg.step': 'Step {0}',
  'script.msg.manual': 'This step is done by hand:',
  'script.msg.skippedStage': 'Skipped ({0}): a later stage. Run with -Stage 2 if the error remains.',
  'script.msg.done': 'Done. Compare the before and after files with: dsreg-doctor verify BEFORE AFTER',
  'script.note.forcerecovery': 'In the window that opens choose Sign in, complete the join, then sign out and in.',
  'script.note.restart': 'Left the join. Restart now, then sign in with the domain account on the corporate network.',
  'script.note.keyAbsent': 'The key HKCU\\...\\AAD\\Storage\\https://login.microsoftonline.com does not exist for this user: nothing to delete.',
  'script.note.backup': 'Backed up the key to {0}',
  'script.note.keyDeleted': 'Deleted the key. Register the device again, then check whether the error is gone.',
  'script.note.policyValue': 'autoWorkplaceJoin policy value: {0} (0 = automatic registration disabled)',
  'script.note.policyNotSet': 'autoWorkplaceJoin policy: not set (automatic registration allowed by default).',
  'script.note.taskState': 'Scheduled task Automatic-Device-Join: {0}',
  'script.note.taskMissing': 'Scheduled task Automatic-Device-Join was not found.',
  'script.note.dnsOk': 'Resolves: {0}',
  'script.note.dnsFailed': 'Does NOT resolve: {0}',
  'script.note.utcNow': 'Current UTC time on this PC: {0}',
  'script.stop.notAllNo':
    'Precondition not met: dsregcmd /status must show AzureAdJoined : NO and WorkplaceJoined : NO before the key is deleted. Undo the join/registration first.',
  'script.stop.backupFailed': 'The backup of the key failed, so it was not deleted.',
  'script.collect.synopsis': 'dsreg-doctor collection script: gathers what diagnose needs into one text file. Read-only.',
  'script.collect.description':
    'Run it on the affected PC as the affected user in a normal (not elevated) PowerShell. It changes nothing and sends nothing; send the file it writes to your helpdesk.',
  'script.collect.comment.readOnly': 'Read-only: this script only reads and writes one text file.',
  'script.collect.comment.storageKey': 'The key the source article checks; its name contains slashes, so it is read through .NET.',
  'script.collect.comment.mdm': 'MDM enrolments that carry a UPN are real user enrolments.',
  'script.collect.elevatedWarning':
    "This PowerShell is elevated: User State and SSO State will describe the administrator, not the user. Run it again in the user's normal session if you can.",
  'script.collect.saved': 'Saved the bundle to {0}. Send this file to your helpdesk (dsreg-doctor redact can mask IDs).',
  'script.intune.detect.header': 'Intune Remediations detection script generated by dsreg-doctor: exit 1 when this PC shows the 700003 condition.',
  'script.intune.remediate.header': 'Intune Remediations remediation script generated by dsreg-doctor for the diagnosed join type.',
  'script.intune.runAsUser': 'Intune setting: Run this script using the logged-on credentials = Yes; Run script in 64-bit PowerShell = Yes.',
  'script.intune.runAsSystem': 'Intune setting: Run this script using the logged-on credentials = No (runs as SYSTEM); Run script in 64-bit PowerShell = Yes.',
  'script.intune.applyHint': 'Dry run until you review this script and set $Apply = $true below.',
  'script.intune.dryRun': 'Dry run: would run dsregcmd /leave. Set $Apply = $true to act.',
  'script.intune.hybridDone':
    'Ran dsregcmd /leave. The device registers again after the next restart and sign-in (if the policy allows and the computer object syncs).',
  'script.intune.recheck': 'Checked again on the device: only a hybrid joined PC whose object is missing is left.',
  'script.intune.notThisState':
    'Not remediated: this PC is not hybrid joined with a missing device object (AADSTS700003 / DeviceAuthStatus disabled or deleted).',
  'script.intune.manualDisabled':
    'Not remediated automatically: the device object may only be disabled. Enable it in the Entra admin center (or the computer account in Active Directory); do not re-register.',
  'script.intune.manualJoined':
    'Not remediated automatically: an Entra joined PC needs an administrator to run dsregcmd /forcerecovery elevated and sign in. Send the user the helpdesk instructions.',
  'script.intune.manualRegistered':
    'Not remediated automatically: the user must disconnect and reconnect the work account in Settings > Accounts > Access work or school.',
  'script.intune.manualUnknown':
    'Not remediated automatically: the join type was not known when this script was generated. Collect dsregcmd /status from the PC.',
  'script.intune.written': 'Wrote Detect-700003.ps1 and Remediate-700003.ps1 to {dir}.',
  'redact.summary': 'Masked {total} value(s): {guid} GUID, {email} e-mail/UPN, {name} name, {domain} domain, {thumbprint} thumbprint, {ip} IP, {sid} SID.',
  'cli.help.script': `Usage:
  dsreg-doctor script FILE|- [--error CODE] [--stage 1|2|3] [--mdm] [--lang ja|en] [--out FILE]
  dsreg-doctor script --collect [--lang ja|en] [--out FILE]
  dsreg-doctor script --intune FILE|- [--out-dir DIR]

Writes a PowerShell script (Windows PowerShell 5.1 and PowerShell 7) for the diagnosed plan. It is a
dry run unless run with -Apply; -WhatIf and -Confirm work. Admin steps check elevation first; the
registry step checks AzureAdJoined and WorkplaceJoined are NO and backs the key up before deleting.
Steps that cannot be scripted are printed as instructions. The file starts with a UTF-8 BOM so that
Windows PowerShell 5.1 reads Japanese text correctly.

  --stage N     1 = remedy (default); 2 = also the AAD\\Storage fallback; 3 = everything
  --collect     A read-only collection script: run it as the affected user; diagnose reads its bundle
  --intune      An Intune Remediations detection + remediation pair (with --out-dir: two files)`,
  'cli.help.redact': `Usage: dsreg-doctor redact FILE|- [--out FILE]

Masks tenant and device IDs, all GUIDs, UPNs and e-mail addresses, user, device, domain and tenant
names, thumbprints, host names in URLs, IP addresses and SIDs, with stable pseudonyms (the same value
gets the same mask everywhere), keeping the layout so the redacted text diagnoses the same. Works on
dsregcmd outputs, collection bundles and fleet exports (CSV, JSON).`,
} as const satisfies Record<string, string>;
