import type { enCleanup } from './en-cleanup.js';
import type { enFleet } from './en-fleet.js';
import type { enLab } from './en-lab.js';
import type { enScript } from './en-script.js';
import type { enWeb } from './en-web.js';

/**
 * English messages of the core (CLI, diagnose, parse, reports). The feature catalogues
 * (en-script, en-web, en-fleet, en-lab) are separate modules, merged in all.ts and loaded one by
 * one by load.ts. Every key here must exist in ja.ts or ja-report.ts (the compiler and a test check it).
 */
export const en = {
  // --- CLI -----------------------------------------------------------------------------------
  'cli.usage': `dsreg-doctor: diagnose Microsoft Entra ID device-registration failures (AADSTS700003 and related)
from \`dsregcmd /status\` output, and get the fix for this exact device.

Usage: dsreg-doctor <command> [options]

Commands:
  diagnose FILE|-   Find every problem in a dsregcmd /status output and give the remediation plan
  parse FILE|-      Show the parsed output (sections, fields, line numbers, warnings)
  explain CODE      Explain an error code (AADSTS…, 0x…, DRS server errors)
  verify BEFORE AFTER  Compare outputs taken before and after a remediation step
  script FILE|-     A safe PowerShell script for the plan (--collect: a read-only collection
                    script; --intune: an Intune Remediations pair)
  redact FILE|-     Mask IDs, names and UPNs so an output can be shared
  serve             The local web app on 127.0.0.1 (paste, see, follow the flow)
  fleet             Sign-in logs + device inventory + audit logs: every affected device, the cause,
                    and what a planned cleanup would break (--graph: read them from Microsoft Graph)
  cleanup           A staged stale-device cleanup that cannot cause 700003: disable, watch, delete
  lab               A simulated tenant and PCs: replay 700003 and its fixes (list, run, render, check)

Common options:
  --lang ja|en      Language (default: from LC_ALL/LANG, else English)
  --out FILE        Write the main output to FILE instead of stdout
  --encoding NAME   Force the input encoding (utf-8, utf-16le, utf-16be, cp932, cp1252, cp850)
  -h, --help        Help for a command

Exit codes: 0 nothing wrong, 1 problems found, 2 unusable input or arguments, 3 internal error.
Run \`dsreg-doctor <command> --help\` for a command's options.`,
  'cli.help.diagnose': `Usage: dsreg-doctor diagnose FILE|- [options]

Reads one \`dsregcmd /status\` output (any encoding Windows writes; - reads stdin), classifies the
registration state, lists every problem with the input lines that prove it, and gives the
remediation plan for this device.

Options:
  --error CODE|TEXT   The error the user saw: 700003, AADSTS700003, 0x801c03f2, or pasted error text
  --device-id ID      The Device identifier from the error page's Troubleshooting details: names the
                      registration (DeviceId or WorkplaceDeviceId) the error is about
  --mdm               The device is enrolled in Intune or another MDM (adds the retire step)
  --format text|json|markdown   Output format (default: text)
  --lang ja|en        Language
  --out FILE          Write the report to FILE
  --encoding NAME     Force the input encoding

Exit codes: 0 nothing wrong, 1 an error-level finding, 2 unusable input or arguments.`,
  'cli.help.parse': `Usage: dsreg-doctor parse FILE|- [--format json|text] [--lang ja|en] [--out FILE]

Shows how the output was read: encoding, sections, every field with its line number and typed
value, masked values, and the lines that were skipped.`,
  'cli.help.explain': `Usage: dsreg-doctor explain CODE [--lang ja|en] [--format text|json]

Explains an error code: meaning, typical cause, what to do. Accepts 700003, AADSTS700003,
0x801c03f2, 801c03f2, signed decimal HRESULTs (-2145647630) and DRS server errors (DirectoryError).`,
  'cli.help.verify': `Usage: dsreg-doctor verify BEFORE AFTER [--error CODE] [--after-error CODE] [--mdm] [--encoding NAME]
                             [--lang ja|en] [--format text|json|markdown]

Compares two dsregcmd /status outputs of the same device, taken before and after a remediation
step: fixed, not fixed (with the next stage of the plan), in progress, a different problem now, or
cannot tell (the after output lacks DeviceAuthStatus or the PRT). --error is the error seen before;
--after-error the one still seen after. Exit 0 when fixed or nothing was wrong, 1 otherwise.`,
  'cli.error.unknownCommand': 'Unknown command "{command}". Run dsreg-doctor --help for the list of commands.',
  'cli.error.missingInput': 'The {command} command needs an input file (or - for stdin).',
  'cli.error.badOption': 'Invalid option: {message}',
  'cli.error.badValue': 'Invalid value "{value}" for {option}; expected one of: {expected}.',
  'cli.error.fileNotFound': '{file}: no such file.',
  'cli.error.isDirectory': '{file}: is a directory, not a file.',
  'cli.error.unreadable': '{file}: cannot be read ({reason}).',
  'cli.error.tooLarge': '{file}: {size} MB is larger than the {limit} MB a dsregcmd /status output can be; is this the right file?',
  'cli.error.notDsregcmd':
    '{file}: this is not a dsregcmd /status output (no section banner or known field was found). Run `dsregcmd /status` in a command prompt on the affected PC and pass its output.',
  'cli.error.binary': '{file}: this looks like a binary file (for example a PDF, ZIP or image), not the text of a dsregcmd /status output.',
  'cli.error.empty': '{file}: the input is empty.',
  'cli.error.internal':
    'Internal error: {message}\nThis is a bug in dsreg-doctor. Please report it with the command you ran (redact the input with `dsreg-doctor redact` first).',
  'cli.error.outWrite': 'Cannot write {file}: {reason}',
  'cli.error.unknownCode':
    '{code}: not a code dsreg-doctor knows. It is reported as unknown rather than guessed; search the code in Microsoft Learn or the Entra sign-in logs.',
  'cli.error.notACode': '"{input}" is not an error code. Examples: 700003, AADSTS700003, 0x801c03f2.',
  'cli.error.missingCode': 'The explain command needs an error code. Examples: 700003, AADSTS700003, 0x801c03f2.',
  'cli.error.emptyCode': 'The error code is empty. Examples: 700003, AADSTS700003, 0x801c03f2.',
  'cli.error.extraArgs': 'Unexpected argument(s) for {command}: {args}. It takes {max} input(s); options start with --.',
  'cli.error.conflict': '{option} cannot be used with {with}.',
  'cli.error.notAFolder': 'Cannot write to {dir}: {reason}. Give a folder you can write to.',
  'cli.skippedSummary': '{file}: {count} line(s) could not be read and were skipped; the rest was used.',

  // --- reader warnings -------------------------------------------------------------------------
  'warning.binary-input': 'The input looks binary, not text.',
  'warning.empty-input': 'The input is empty.',
  'warning.not-dsregcmd': 'No dsregcmd /status section or field was found.',
  'warning.unparsed-line': 'Lines {line}–{endLine} could not be read as fields and were skipped: "{text}"',
  'warning.unparsed-line.single': 'Line {line} could not be read as a field and was skipped: "{text}"',
  'warning.other-command': 'From line {line} on, the text is the output of another command ({count} lines), not dsregcmd; skipped.',
  'warning.elided': 'Part of the output was left out by whoever pasted it (line {line}); what is not shown is unknown.',
  'warning.truncated-line': 'Line {line} is {count} characters long and was skipped.',
  'warning.too-many-warnings': '{count} more warnings were not listed.',

  // --- parse text output -----------------------------------------------------------------------
  'parse.header': '{file}: {lines} lines, encoding {encoding} ({evidence}), line endings {lineEnding}',
  'parse.section': '[{title}] line {line}',
  'parse.section.untitled': '[(no title){inferred}] line {line}',
  'parse.section.none': '[(before any section)]',
  'parse.masked': 'masked',
  'parse.warnings': 'Warnings:',
  'parse.noWarnings': 'No warnings.',

  // --- verify ----------------------------------------------------------------------------------
  'verify.title': 'Result',
  'verify.fixed': 'Fixed: the registration that was failing works again (see why).',
  'verify.not-fixed': 'Not fixed: the same problem is still there.',
  'verify.in-progress': 'In progress: the fix has started and is not finished yet; the next step completes it.',
  'verify.different-problem': 'Not fixed, a different problem now: the join type or the registration changed. The next step restores the intended state.',
  'verify.no-change-needed': 'Neither output shows an error-level problem.',
  'verify.cannot-tell': 'Cannot tell yet: the output after the step does not show DeviceAuthStatus or AzureAdPrt. Collect the full output as the user.',
  'verify.sameDevice.yes': 'Both outputs are from the same PC.',
  'verify.sameDevice.no': 'Warning: the two outputs seem to come from different PCs (device name or tenant differs).',
  'verify.sameDevice.unknown': 'Whether both outputs are from the same PC cannot be told (no device name in one of them).',
  'verify.resolved': 'Resolved',
  'verify.remaining': 'Still there',
  'verify.introduced': 'New',
  'verify.next': 'Next step',

  // --- findings --------------------------------------------------------------------------------
  'finding.device-object-missing.title': 'The device object no longer exists in the tenant (700003)',
  'finding.device-object-missing.explanation':
    'This PC presents device ID {deviceId} when it asks Entra ID for a Primary Refresh Token (PRT) or uses the one it holds, but tenant {tenant} has no device object with that ID: an admin, a stale-device cleanup or a sync-scope change deleted it. Every PRT request and every single sign-on that carries the old device ID fails with 700003 until the registration on the PC is removed and made again, in the way that matches its join state.',
  'finding.device-object-missing.title-ambiguous': 'Entra ID refused the device: its object is disabled or deleted',
  'finding.device-object-missing.ambiguous':
    'Entra ID refused this device: DeviceAuthStatus (or AADSTS50155) says the device object is disabled or deleted, but the output cannot tell which. Look the device ID up in the Entra admin center first: if it is there and disabled, enable it; if it is gone, rebuild the registration as below.',
  'finding.device-object-disabled.title': 'The device object is disabled in the tenant (135011)',
  'finding.device-object-disabled.explanation':
    "The device object {deviceId} still exists but is disabled, so Entra ID refuses its PRT and device-based Conditional Access fails. Re-enabling the object fixes this; removing and re-registering the device is not needed and would lose the object's history, BitLocker keys and group memberships.",
  'finding.device-object-disabled.hybrid':
    'The device object {deviceId} still exists but is disabled. On a hybrid joined device this often comes from on-premises: the computer account was disabled in Active Directory and Entra Connect carried that to Entra ID. Enable it where it was disabled; do not re-register the device.',
  'finding.device-auth-check-failed.title': 'DeviceAuthStatus could not confirm the device',
  'finding.device-auth-check-failed.explanation':
    'DeviceAuthStatus is "{value}": the live check of the device against Entra ID did not succeed, but not because the object was deleted or disabled. The check runs as SYSTEM and needs network access to Entra ID; a proxy that only works for users, or no network at all, makes it fail.',
  'finding.hybrid-join-incomplete.title': 'Hybrid join has not completed on this domain-joined device',
  'finding.hybrid-join-incomplete.explanation':
    'The device is joined to Active Directory but not to Entra ID. The last attempt stopped in phase "{phase}" with client error {code} (failed tests: {failedTests}). The codes are explained below with what to fix.',
  'finding.hybrid-join-incomplete.not-synced':
    'The device is joined to Active Directory but not to Entra ID. The join stopped in phase "{phase}" with {code}: Entra ID has no object for this computer yet. With synced (non-federated) hybrid join, Entra Connect must first sync the computer object, so this is normal for a new computer until the next sync cycle; if it persists, the computer\'s OU is out of the sync scope or the object lacks its certificate attribute.',
  'finding.hybrid-join-incomplete.no-diagnostics':
    'The device is joined to Active Directory but not to Entra ID, and this output has no pre-join diagnostics that say why. They are printed only by an elevated `dsregcmd /status` (it runs the checks as SYSTEM).',
  'finding.prt-missing.title': 'The user has no Primary Refresh Token (AzureAdPrt NO)',
  'finding.prt-missing.explanation':
    'The device is joined but the signed-in user holds no PRT, so browsers and Office cannot sign in silently and device-based Conditional Access fails. The diagnostics below show why the last attempt failed.',
  'finding.prt-missing.no-diagnostics':
    'The device is joined but the signed-in user holds no PRT, and this output shows no acquisition diagnostics. Lock and unlock the PC (or sign out and in), then run `dsregcmd /status` again as the user; the AAD Operational event log (events 1006/1007/1098) also records the attempt.',
  'finding.prt-request-failed.acquire': 'Getting a PRT failed ({prt})',
  'finding.prt-request-failed.refresh': 'Renewing the PRT failed ({prt})',
  'finding.prt-request-failed.explanation':
    'The attempt at {when} failed with status {status}; the server answered HTTP {http}: {server}. The codes are explained below.',
  'finding.prt-request-failed.network':
    'The attempt at {when} failed with status {status} and transport error {transport}: the PC could not reach the sign-in endpoint (name resolution, proxy or firewall). The codes are explained below.',
  'finding.prt-stale.title': 'The PRT has not been renewed for {hours} hours',
  'finding.prt-stale.explanation':
    'AzureAdPrtUpdateTime is {updated} and the output was taken at {clock} ({clockField}). Windows renews the PRT every 4 hours; an older one means renewal is failing (network or proxy, a changed password, federation problems).',
  'finding.prt-stale.attempt':
    'AzureAdPrtUpdateTime is {updated}, but a PRT attempt failed at {clock} ({clockField}), {hours} hours later. Windows renews the PRT every 4 hours; renewal is failing, and the failed attempt below says why.',
  'finding.dual-state.title': 'Dual state: joined and also registered (WorkplaceJoined YES)',
  'finding.dual-state.hybrid':
    'The PC is hybrid joined and the user also added a work account that Entra registered the device a second time (WorkplaceJoined YES). The two registrations have different device IDs; sign-ins may present the wrong one. Remove the work-account registration and keep the hybrid join; the BlockAADWorkplaceJoin policy prevents it coming back.',
  'finding.dual-state.joined':
    'The PC is Entra joined and the user also has an Entra registration (WorkplaceJoined YES). The registration is redundant and has its own device ID; remove it and keep the join.',
  'finding.device-certificate-expired.title': 'The device certificate has expired',
  'finding.device-certificate-expired.explanation':
    'The device certificate was valid until {end}; as of {asOf} ({asOfSource}) it has expired. Without it the device cannot authenticate; the registration must be rebuilt.',
  'finding.device-certificate-expiring.title': 'The device certificate expires in {days} days',
  'finding.device-certificate-expiring.explanation':
    'The device certificate is valid until {end} (as of {asOf}, {asOfSource}). Plan to rebuild the registration before then.',
  'finding.device-certificate-not-yet-valid.title': 'The device certificate is not valid yet',
  'finding.device-certificate-not-yet-valid.explanation':
    "The device certificate starts at {start}, after the output's own time {asOf}. The PC clock is probably wrong; fix the time first.",
  'finding.key-sign-test-failed.title': 'KeySignTest failed: the device key is unusable',
  'finding.key-sign-test-failed.explanation':
    'KeySignTest is "{value}": the private key of the device certificate cannot sign, typically after the TPM was cleared or reset. Windows marks the device for recovery; the registration must be recovered or rebuilt.',
  'finding.aad-recovery-enabled.title': 'The device is marked for recovery (AadRecoveryEnabled YES)',
  'finding.aad-recovery-enabled.explanation':
    'Windows found the stored device keys unusable. The next sign-in starts recovery: on an Entra joined PC the user is asked to sign in (a local administrator may be needed).',
  'finding.aad-recovery-enabled.hybrid':
    'Windows found the stored device keys unusable. On a hybrid joined PC recovery runs silently at the next sign-in; if it does not, rebuild the hybrid join.',
  'finding.tpm-error.title': 'TPM errors ({codes})',
  'finding.tpm-error.explanation': 'The output shows TPM errors. Device keys live in the TPM; registration and PRT both fail while it misbehaves.',
  'finding.tpm-not-used.title': 'The device key is not protected by a TPM',
  'finding.tpm-not-used.explanation':
    'TpmProtected is NO (key provider: {provider}): the device key is kept in software. This works, but it can mean the TPM is disabled, failing, or too old (TPM 1.2 is no longer used).',
  'finding.wrong-context.title': 'The output was not taken as the affected user',
  'finding.wrong-context.system':
    "This output was taken as SYSTEM or the computer account. Device State and Device Details are valid, but User State and SSO State describe no real user: nothing here says whether the user has a PRT. Collect `dsregcmd /status` again in the user's own session, not elevated.",
  'finding.wrong-context.elevated':
    "This output was taken from an elevated prompt. Device-level fields are valid, but User State and SSO State may not describe the signed-in user (WamDefaultSet shows an error when elevated). Collect `dsregcmd /status` again in the user's own session, not elevated.",
  'finding.wrong-context.remote':
    "This output was taken over a remote shell (WinRM, PowerShell remoting). A network logon has no PRT of its own, so User State and SSO State say nothing about the user at the console. Collect `dsregcmd /status` again in the user's own interactive session.",
  'finding.join-state-unknown.title': 'The output does not show the join state',
  'finding.join-state-unknown.explanation':
    'The Device State section (AzureAdJoined, DomainJoined) or User State (WorkplaceJoined) is missing, so the way this device is registered, and with it the right remedy, cannot be told. Collect the full `dsregcmd /status` output.',
  'finding.output-elided.title': 'Part of the output was left out',
  'finding.output-elided.explanation': 'Whoever pasted the output left {count} part(s) out. Findings only cover what is shown; the rest is unknown.',
  'finding.ids-masked.title': 'Device or tenant ID is masked',
  'finding.ids-masked.explanation':
    'The device ID or tenant ID was masked, shortened or replaced before sharing, so it is reported as unknown. To look the device up in the tenant, use the real DeviceId from the PC.',
  'finding.error-code.title': 'Error code {code}',
  'finding.error-code.explanation': 'The output contains {code}; what it means is below.',
  'finding.unknown-error-code.title': 'Unknown error code {code}',
  'finding.unknown-error-code.explanation':
    "{code} is not in dsreg-doctor's knowledge base. It is reported as unknown, not guessed: search it in Microsoft Learn or the Entra sign-in logs.",

  // --- plan steps ------------------------------------------------------------------------------
  'step.disconnect-work-account.title': 'Disconnect the work or school account',
  'step.disconnect-work-account.why':
    'The device is Entra registered (WorkplaceJoined YES); its registration points to the deleted device object and must be removed.',
  'step.disconnect-work-account.why-dual':
    'The extra Entra registration (WorkplaceJoined YES) must go first, so that only the join remains and only one device ID is presented.',
  'step.disconnect-work-account.actions':
    'Signed in as the affected user, open Settings > Accounts > Access work or school.\nSelect the work account (the one with the briefcase icon / "Connected to … Azure AD") and choose Disconnect; confirm.\nRestart or sign out and in.',
  'step.disconnect-work-account.expect': 'The account disappears from Access work or school.',
  'step.disconnect-work-account.verify': '`dsregcmd /status` as the user shows WorkplaceJoined : NO.',
  'step.reconnect-work-account.title': 'Connect the work or school account again',
  'step.reconnect-work-account.why': 'Registering again creates a new device object in the tenant and a new PRT with the new device ID.',
  'step.reconnect-work-account.actions':
    'Settings > Accounts > Access work or school > + Connect (Windows 11: Connect next to "Add a work or school account").\nSign in with the user\'s work account and finish the wizard.\nSign out and in, then open Edge or Office again.',
  'step.reconnect-work-account.expect': 'The account shows as connected; the error no longer appears.',
  'step.reconnect-work-account.verify':
    '`dsregcmd /status` shows WorkplaceJoined : YES with a new WorkplaceDeviceId, and the new device appears in the Entra admin center.',
  'step.forcerecovery.title': 'Re-join with dsregcmd /forcerecovery (elevated)',
  'step.forcerecovery.why':
    'The device is Entra joined (AzureAdJoined YES only). /forcerecovery removes the broken join and walks the user through joining again.',
  'step.forcerecovery.why-keys': "The join's keys or certificate are unusable; /forcerecovery rebuilds the join.",
  'step.forcerecovery.actions':
    'Open Command Prompt with "Run as administrator" (an account that is a local administrator on this PC).\n$ dsregcmd /forcerecovery\nIn the window that opens, choose Sign in and sign in with a work account that may join devices; complete the join.\nWhen it reports success, sign out and sign in again.',
  'step.forcerecovery.expect':
    'Without elevation the command refuses with an error saying it must run as administrator; elevated, a sign-in window opens and the join completes.',
  'step.forcerecovery.verify': '`dsregcmd /status` as the user shows AzureAdJoined : YES, a new DeviceId, DeviceAuthStatus : SUCCESS and AzureAdPrt : YES.',
  'step.leave-and-reboot.title': 'Leave hybrid join with dsregcmd /leave (elevated), restart, sign in',
  'step.leave-and-reboot.why':
    'The device is hybrid joined (DomainJoined and AzureAdJoined YES). Leaving removes the stale join; after a restart Windows registers the computer again by itself.',
  'step.leave-and-reboot.why-keys': "The hybrid join's keys or certificate are unusable; leaving and re-registering rebuilds them.",
  'step.leave-and-reboot.actions':
    'Open Command Prompt with "Run as administrator".\n$ dsregcmd /leave\nRestart the PC.\nSign in with the domain account while the PC can reach a domain controller (office network or VPN).',
  'step.leave-and-reboot.expect':
    'After the restart and sign-in, the scheduled task Automatic-Device-Join registers the computer again; this can take a few minutes and, with synced join, the next Entra Connect sync cycle.',
  'step.leave-and-reboot.verify':
    '`dsregcmd /status` shows AzureAdJoined : YES, DomainJoined : YES, DeviceAuthStatus : SUCCESS, and as the user AzureAdPrt : YES.',
  'step.check-auto-registration-policy.title': 'Check that automatic registration of domain computers is allowed',
  'step.check-auto-registration-policy.why':
    'Re-registration after /leave is automatic by default, but a policy can turn it off; if the device does not come back, check it.',
  'step.check-auto-registration-policy.why-disabled':
    'Automatic registration is disabled by policy here, so the device will not re-register after /leave until it is allowed.',
  'step.check-auto-registration-policy.actions':
    'In Group Policy: Computer Configuration > Administrative Templates > Windows Components > Device Registration > "Register domain joined computers as devices" must not be Disabled.\nTask Scheduler: Microsoft > Windows > Workplace Join > Automatic-Device-Join must be enabled.\nThe computer\'s OU must be in Entra Connect\'s sync scope (synced join).',
  'step.check-auto-registration-policy.expect': 'The policy is Not Configured or Enabled and the task is enabled.',
  'step.check-auto-registration-policy.verify': 'After a restart and sign-in, `dsregcmd /status` shows AzureAdJoined : YES.',
  'step.clear-aad-storage-key.title': 'Fallback: delete the leftover AAD\\Storage registry key',
  'step.clear-aad-storage-key.why':
    "If the error remains after the steps above, a stale key in the user's registry can keep presenting the old registration. This is the article's last stage.",
  'step.clear-aad-storage-key.why-now':
    "AzureAdJoined and WorkplaceJoined are both NO already, yet the error is there: a stale key in the user's registry can keep presenting the old registration.",
  'step.clear-aad-storage-key.actions':
    'First undo every join and registration, and confirm `dsregcmd /status` shows AzureAdJoined : NO and WorkplaceJoined : NO.\nSigned in as the affected user (this is their HKEY_CURRENT_USER), open Registry Editor and go to HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage.\nIf a key named https://login.microsoftonline.com is there, export it as a backup, then delete it:\n$ reg export "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com" "%USERPROFILE%\\aad-storage-backup.reg"\n$ reg delete "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com" /f\nRegister or join the device again (the remedy step for its state), then check whether the error is gone.',
  'step.clear-aad-storage-key.expect': 'The key is typically left on hybrid joined PCs that were Entra registered before the hybrid join.',
  'step.clear-aad-storage-key.verify': 'After registering again, `dsregcmd /status` shows the expected join state and the user no longer sees 700003.',
  'step.retire-in-mdm.title': 'If Disconnect or re-registration is blocked: retire the device in Intune (or your MDM)',
  'step.retire-in-mdm.why': 'The device is enrolled in MDM, and an MDM enrolment can block disconnecting or re-registering it.',
  'step.retire-in-mdm.actions':
    'Intune admin center > Devices > All devices > select the device > Retire (or the equivalent in your MDM).\nWait until the device checks in and the enrolment is removed, then continue with the next step.',
  'step.retire-in-mdm.expect': 'The device shows as retired and leaves the MDM.',
  'step.retire-in-mdm.verify': 'Settings > Accounts > Access work or school no longer shows the MDM enrolment.',
  'step.contact-support.title': 'If it still fails: contact Microsoft support',
  'step.contact-support.why': 'When the steps above do not clear the error, support needs the evidence.',
  'step.contact-support.actions':
    "Collect `dsregcmd /status` (as the user, not elevated) before and after the steps, and the time of the failure and the error page's Correlation ID.\nMask IDs before sharing outside your organisation (dsreg-doctor redact).\nOpen a support request and attach them.",
  'step.contact-support.expect': 'Support can trace the sign-in by its Correlation ID.',
  'step.contact-support.verify': '—',
  'step.enable-device-object.title': 'Enable the device object',
  'step.enable-device-object.why': 'The object exists but is disabled; enabling it restores sign-in without re-registering.',
  'step.enable-device-object.why-hybrid':
    'The object is disabled; on a hybrid device enable the computer account in Active Directory first if it was disabled there, since Entra Connect would disable the cloud object again.',
  'step.enable-device-object.why-if-disabled':
    'Only if the previous check found the object present but disabled: enable it, and skip the re-registration steps below.',
  'step.enable-device-object.why-if-disabled-hybrid':
    'Only if the previous check found the object present but disabled: enable it (on a hybrid device, enable the computer account in Active Directory first if it was disabled there), and skip the re-registration steps below.',
  'step.enable-device-object.actions':
    'Entra admin center > Devices > All devices > search the DeviceId > select the device > Enable (role: Cloud Device Administrator or higher).\nHybrid joined: if the computer account is disabled in Active Directory, enable it there and let Entra Connect sync.',
  'step.enable-device-object.expect': 'The device shows Enabled: Yes. New PRTs can take up to an hour.',
  'step.enable-device-object.verify': 'After lock/unlock or sign-out/in, `dsregcmd /status` shows DeviceAuthStatus : SUCCESS and AzureAdPrt : YES.',
  'step.sync-computer-object.title': 'Get the computer object synced to Entra ID',
  'step.sync-computer-object.why':
    'Synced hybrid join needs Entra Connect to create the device object from the computer account first (0x801c03f2 until it does).',
  'step.sync-computer-object.actions':
    "Check that the computer's OU is in the sync scope of Entra Connect (Synchronization Service Manager / Entra Connect wizard > Domain and OU filtering).\nCheck that the computer account has its userCertificate attribute (written by the device at its first join attempt).\nOn the Entra Connect server, run a delta sync or wait for the next cycle:\n$ Start-ADSyncSyncCycle -PolicyType Delta\nThen restart the PC or sign out and in; the join is retried.",
  'step.sync-computer-object.expect': 'The device appears in the Entra admin center as hybrid joined, first as Pending until the PC completes registration.',
  'step.sync-computer-object.verify': '`dsregcmd /status` shows AzureAdJoined : YES.',
  'step.rerun-as-user.title': 'Collect dsregcmd /status again as the affected user',
  'step.rerun-as-user.why': "This output was not taken in the affected user's own session, so user and SSO state are unknown.",
  'step.rerun-as-user.actions':
    'Have the affected user open a normal (not elevated) Command Prompt in their own session on the PC.\n$ dsregcmd /status > "%USERPROFILE%\\Desktop\\dsregcmd-status.txt"\nSend the file and run dsreg-doctor on it.',
  'step.rerun-as-user.expect': "The new output shows the user's WorkplaceJoined, AzureAdPrt and PRT diagnostics.",
  'step.rerun-as-user.verify': '—',
  'step.rerun-elevated.title': 'Collect dsregcmd /status from an elevated prompt',
  'step.rerun-elevated.why':
    'The output has no pre-join diagnostics. Run elevated, they run as SYSTEM like the real join and show where it stopped (Error Phase, Client ErrorCode).',
  'step.rerun-elevated.actions':
    'On the affected PC, open Command Prompt with "Run as administrator".\n$ dsregcmd /status > "%PUBLIC%\\dsregcmd-status-elevated.txt"\nSend the file and run dsreg-doctor on it (user and SSO state in this output describe the administrator, not the user).',
  'step.rerun-elevated.expect': 'The Diagnostic Data section shows User Context SYSTEM and the pre-join tests.',
  'step.rerun-elevated.verify': '—',
  'step.collect-full-status.title': 'Collect the complete dsregcmd /status output',
  'step.collect-full-status.why': 'The input does not show the join state, and the right remedy depends on it.',
  'step.collect-full-status.actions':
    'On the affected PC, as the affected user (not elevated):\n$ dsregcmd /status > "%USERPROFILE%\\Desktop\\dsregcmd-status.txt"\nSend the whole file, unedited (dsreg-doctor redact can mask IDs safely).',
  'step.collect-full-status.expect': 'The output starts with Device State and includes User State and SSO State.',
  'step.collect-full-status.verify': '—',
  'step.confirm-device-object.title': 'Check whether the device object was deleted or disabled',
  'step.confirm-device-object.why': 'The output cannot tell deleted from disabled, and the remedies differ: a disabled object is simply enabled.',
  'step.confirm-device-object.actions':
    'Entra admin center > Devices > All devices > search the DeviceId from the output.\nNot found → deleted: continue with the next steps. Found and disabled → enable it instead (enable-device-object) and stop here.\nAudit logs (Category: Device, Activity: Delete device / Disable device) show who did it and when.',
  'step.confirm-device-object.expect': 'You know whether the object is missing or disabled.',
  'step.confirm-device-object.verify': '—',
  'step.confirm-device-object.why-unconfirmed':
    'This output cannot show whether the join fails: it has no DeviceAuthStatus (Windows 10 1607 and older layouts) and shows a PRT with no failed attempt, and the error names no device identifier. Before the join is removed, confirm in the admin center that its device object is really gone.',
  'caveat.confirm-found-enabled':
    'Found, enabled and registered (not Pending): the object is fine and this output does not show the failure. Change nothing on the PC; ask for the device identifier on the error page (Troubleshooting details) and diagnose again with --device-id.',
  'step.refresh-prt.title': 'Get a fresh PRT: lock and unlock, or sign out and in',
  'step.refresh-prt.why': 'The PRT is missing or old; a new sign-in asks for a new one.',
  'step.refresh-prt.why-after-enable': 'After enabling the object, the user needs a new PRT.',
  'step.refresh-prt.actions':
    "Lock the PC (Windows+L) and unlock it with the user's password or Windows Hello, or sign out and in.\nOr, as the user:\n$ dsregcmd /refreshprt",
  'step.refresh-prt.expect': 'AzureAdPrtUpdateTime moves to the current time.',
  'step.refresh-prt.verify': '`dsregcmd /status` as the user shows AzureAdPrt : YES with a recent AzureAdPrtUpdateTime.',
  'step.check-network-proxy.title': 'Check the network path to Entra ID (proxy, DNS, firewall)',
  'step.check-network-proxy.why': "The errors show the PC could not reach Entra ID's endpoints.",
  'step.check-network-proxy.actions':
    'From the PC, check that login.microsoftonline.com, device.login.microsoftonline.com and enterpriseregistration.windows.net resolve and are reachable.\nRegistration runs as SYSTEM: a proxy that needs user authentication or is set only for the user does not work for it; configure WPAD or a WinHTTP proxy.\n$ netsh winhttp show proxy',
  'step.check-network-proxy.expect': 'The endpoints answer over HTTPS from the computer context.',
  'step.check-network-proxy.verify': 'A new `dsregcmd /status` shows DRS tests PASS and no HTTP Error in the PRT diagnostics.',
  'step.check-scp.title': 'Check the Service Connection Point (SCP) in Active Directory',
  'step.check-scp.why': 'The device could not read a valid SCP, so it does not know which tenant to join.',
  'step.check-scp.actions':
    'In the forest\'s configuration partition, CN=62a0ff2e-97b9-4513-943f-0d221bd30080,CN=Device Registration Configuration,CN=Services must hold keywords azureADId:<tenant ID> and azureADName:<verified domain>.\nOr set the client-side SCP in HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD (TenantId, TenantName) for a targeted rollout.\nRe-run Entra Connect\'s "Configure device options" if the SCP is missing.',
  'step.check-scp.expect': 'The SCP names the right tenant.',
  'step.check-scp.verify': 'An elevated `dsregcmd /status` shows AD Configuration Test : PASS.',
  'step.check-credentials.title': "Check the user's credentials and account",
  'step.check-credentials.why': "Entra ID rejected the user's credentials or account during the PRT request.",
  'step.check-credentials.actions':
    'Check that the user exists in Entra ID with this UPN, is enabled and not locked, and that a recent password change has synced (password hash sync can take minutes).\nHave the user lock and unlock with the current password.',
  'step.check-credentials.expect': 'The next PRT attempt succeeds.',
  'step.check-credentials.verify': '`dsregcmd /status` as the user shows AzureAdPrt : YES.',
  'step.check-federation.title': 'Check the federation service (AD FS or third party)',
  'step.check-federation.why': 'The PRT request was sent to the federation server and failed there.',
  'step.check-federation.actions':
    "Check that the WS-Trust endpoints (usernamemixed, windowstransport) are enabled and reachable from the PC, and that the federation server's certificates are valid.\nCheck the AD FS admin log for the time of the failed attempt.",
  'step.check-federation.expect': 'The endpoints answer and issue tokens.',
  'step.check-federation.verify': '`dsregcmd /status` as the user shows AzureAdPrt : YES.',
  'step.check-tpm.title': 'Check the TPM',
  'step.check-tpm.why': 'TPM errors stop the device keys from working.',
  'step.check-tpm.actions':
    'Run tpm.msc or Get-Tpm (elevated PowerShell) and check the TPM is present, ready and not locked out.\nUpdate the TPM firmware and BIOS if the vendor has a fix; a TPM in FIPS mode or TPM 1.2 is not used for device keys.\nIf the TPM was cleared, the device keys are gone and the registration must be rebuilt.',
  'step.check-tpm.expect': 'The TPM reports ready.',
  'step.check-tpm.verify': '`dsregcmd /status` shows TpmProtected : YES and KeySignTest : PASSED (elevated).',
  'step.check-clock.title': 'Fix the PC clock',
  'step.check-clock.why': 'Token and certificate checks fail when the clock is wrong.',
  'step.check-clock.actions': 'Check the time, date and time zone; resynchronise:\n$ w32tm /resync',
  'step.check-clock.expect': 'The clock matches the domain or internet time.',
  'step.check-clock.verify': 'Client Time in an elevated `dsregcmd /status` is the current UTC time.',
  'step.check-conditional-access.title': 'Check the Conditional Access policy that blocked the sign-in',
  'step.check-conditional-access.why': 'The sign-in reached Entra ID but a Conditional Access device requirement was not met.',
  'step.check-conditional-access.actions':
    'In the Entra sign-in logs, open the failed sign-in (search the Correlation ID) and read the Device info and Conditional Access tabs.\nCheck that the device is compliant / hybrid joined as the policy requires, and that the browser passes the device state (Edge signed in, or the Windows Accounts extension in Chrome).',
  'step.check-conditional-access.expect': 'You know which policy and which requirement failed.',
  'step.check-conditional-access.verify': 'The next sign-in shows Success in the sign-in logs.',
  'step.sign-in-to-recover.title': 'Sign in again to let Windows recover the device keys',
  'step.sign-in-to-recover.why': 'Windows marked the device for recovery; recovery runs at the next sign-in.',
  'step.sign-in-to-recover.actions':
    'Sign out and sign in again; when Windows asks to sign in to recover the device, do so (a local administrator may be needed).',
  'step.sign-in-to-recover.expect': 'Windows completes recovery.',
  'step.sign-in-to-recover.verify': '`dsregcmd /status` shows AadRecoveryEnabled : NO and KeySignTest : PASSED (elevated).',
  'caveat.mdm-may-block':
    'If the device is enrolled in Intune or another MDM, disconnecting or re-registering can be blocked; retire it in the MDM first (MdmUrl only shows that auto-enrolment is configured, not that this device is enrolled).',
  'caveat.registry-only-for-700003': 'Delete this key only to fix this error (700003). Do not delete it in any other situation.',
  'caveat.only-if-deleted': 'Only if the object was deleted (not found in the tenant). If it is only disabled, enable it instead and skip this step.',
  'caveat.only-if-object-missing':
    'Only if the admin center shows no device object with this DeviceId, or shows it Pending (re-created by sync after a deletion): the confirm step above. Found, enabled and registered: do not do this step.',
  'caveat.auto-registration-default': 'Automatic re-registration is the default; a policy can turn it off in some organisations.',

  // --- report ----------------------------------------------------------------------------------
  'report.title': 'dsreg-doctor diagnosis',
  'report.input': 'Input',
  'report.device': 'Device',
  'report.joinType': 'Join state',
  'report.deviceId': 'Device ID',
  'report.deviceName': 'Device name',
  'report.tenant': 'Tenant',
  'report.deviceAuthStatus': 'DeviceAuthStatus',
  'report.prt': 'Entra PRT (AzureAdPrt)',
  'report.context': 'Taken as',
  'report.errorCodes': 'Error codes',
  'report.findings': 'Findings',
  'report.noFindings': 'No problems found in this output.',
  'report.evidence': 'Evidence',
  'report.line': 'line',
  'report.plan': 'What to do',
  'report.noPlan': 'Nothing to do.',
  'report.admin.local': 'local administrator',
  'report.admin.tenant': 'tenant administrator',
  'report.admin.none': 'user',
  'report.conditional': 'only if needed',
  'report.why': 'Why',
  'report.actions': 'Actions',
  'report.expect': 'Expect',
  'report.verify': 'Check',
  'report.caveat': 'Caveat',
  'report.meaning': 'Meaning',
  'report.cause': 'Typical cause',
  'report.action': 'What to do',
  'report.unknownCode': 'Not in the knowledge base: reported as unknown.',
  'report.unknown': 'unknown',
  'report.masked': 'masked',
  'report.notShown': 'not shown',
  'report.yes': 'YES',
  'report.no': 'NO',
  'report.warnings': 'Input warnings',
  'report.stage.prepare': 'Before you start',
  'report.stage.remedy': 'Remedy',
  'report.stage.fallback': 'If the error remains',
  'report.stage.support': 'Last resort',
  'joinType.entra-joined': 'Microsoft Entra joined',
  'joinType.hybrid-joined': 'Microsoft Entra hybrid joined',
  'joinType.entra-registered': 'Microsoft Entra registered (work account)',
  'joinType.domain-joined': 'Domain joined only (not in Entra ID)',
  'joinType.drs-joined': 'Joined to on-premises DRS (AD FS)',
  'joinType.not-joined': 'Not joined or registered',
  'joinType.unknown': 'Unknown (the output does not show it)',
  'context.user': 'the signed-in user',
  'context.elevated': 'an elevated prompt',
  'context.system': 'SYSTEM / computer account',
  'context.remote': 'a remote session',
  'context.unknown': 'not shown',
  'severity.error': 'ERROR',
  'severity.warning': 'WARNING',
  'severity.info': 'INFO',
  'cli.error.tooLargeRead': '{file}: more than {limit} MB was read, larger than a dsregcmd /status output can be; reading stopped. Is this the right file?',
  'cli.error.stdoutWrite': 'Cannot write the output: {reason}',
  // --- restore first (#18) and verify's verdicts (#11) -----------------------------------------
  'step.restore-device-object.title': 'If the device object is still in the deleted items: restore it (nothing on the PC changes)',
  'step.restore-device-object.why':
    'If your tenant keeps deleted devices (device soft delete, a preview) and this Entra joined device was deleted less than 30 days ago, restore it: the same DeviceId comes back with its keys, BitLocker recovery keys and LAPS password, and nothing on the PC changes. Only if it cannot be restored, do the steps on the PC below.',
  'step.restore-device-object.why-registered':
    "If your tenant keeps deleted devices (device soft delete, a preview) and this work account's device (WorkplaceDeviceId) was deleted less than 30 days ago, restore it: the same device ID comes back and nothing on the PC changes. Only if it cannot be restored, do the steps on the PC below.",
  'step.restore-device-object.actions':
    "Role: Cloud Device Administrator, Intune Administrator or Global Administrator. This is done in the tenant, never on the PC (no script of dsreg-doctor does it).\nLook for the device in the deleted items: Entra admin center > Devices > All devices > Deleted devices (preview); search the DeviceId from the output.\nOr with Microsoft Entra PowerShell (DeletionAgeInDays must be under 30):\n$ Get-EntraDeletedDevice -Filter \"deviceId eq '<DeviceId>'\" | Select-Object DisplayName, DeviceId, Id, DeletedDateTime, DeletionAgeInDays\nOr with Microsoft Graph (beta): GET https://graph.microsoft.com/beta/directory/deletedItems/microsoft.graph.device?$filter=deviceId eq '<DeviceId>'\nFound: select it and choose Restore, or restore it by its object Id (the Id column, not the DeviceId):\n$ Restore-EntraDeletedDirectoryObject -Id <Id>\nNot found (deleted more than 30 days ago, a tenant without device soft delete, or deleted with an API that hard-deletes): it cannot be restored; continue with the steps on the PC.",
  'step.restore-device-object.expect':
    'The device is back in All devices with the same DeviceId, enabled. It shows as not compliant until its next MDM check-in. The user signs out and in, or restarts the PC.',
  'step.restore-device-object.verify':
    'After sign-out/in or a restart, `dsregcmd /status` as the user shows DeviceAuthStatus : SUCCESS with the SAME DeviceId as before, and AzureAdPrt : YES (a registered device: the same WorkplaceDeviceId, and the error no longer appears).',
  'caveat.only-if-not-restored':
    'Only if the device object could not be restored (first step): after a restore this step is not needed, and it would replace the restored device with a new one.',
  'step.rejoin-entra.title': 'Join the device to Microsoft Entra ID again',
  'step.rejoin-entra.why':
    'The device was Microsoft Entra joined and is not any more (only a registration, or nothing). That is not the intended state: remove the registration and join the device again.',
  'step.rejoin-entra.actions':
    'Signed in as the user, open Settings > Accounts > Access work or school. If the work account is there as a registration, select it and choose Disconnect.\nWith a local administrator account: Settings > Accounts > Access work or school > Connect > "Join this device to Microsoft Entra ID"; sign in with a work account that may join devices and finish.\nRestart, then sign in with the work account.',
  'step.rejoin-entra.expect': 'Access work or school shows the account as joined ("Connected to … Azure AD"), and a new device object appears in the tenant.',
  'step.rejoin-entra.verify':
    '`dsregcmd /status` as the user shows AzureAdJoined : YES, WorkplaceJoined : NO, DeviceAuthStatus : SUCCESS and AzureAdPrt : YES.',
  'verify.why': 'Why',
  'verify.reason.restored': 'Restored: the same DeviceId {deviceId} now shows DeviceAuthStatus : SUCCESS and AzureAdPrt : YES.',
  'verify.reason.reregistered': 'Registered again: the new DeviceId {deviceId} shows DeviceAuthStatus : SUCCESS and AzureAdPrt : YES.',
  'verify.reason.workAccountNew': 'The work account of {tenant} is registered again (new WorkplaceDeviceId {deviceId}).',
  'verify.reason.workAccountConfirmed': 'The work account of {tenant} is present (WorkplaceDeviceId {deviceId}) and the user no longer sees the error.',
  'verify.reason.workAccountSame':
    "The work account of {tenant} is present with the same WorkplaceDeviceId {deviceId}. A registered device's output looks the same whether the error is gone or not (it has no DeviceAuthStatus): ask the user to open Edge or Office, then run verify again with --after-error none (the error is gone) or --after-error 700003 (still there).",
  'verify.reason.joinChanged': 'The join state changed from {before} to {after}: the device is not in its intended state, so this is not a fix.',
  'verify.reason.registrationGone': 'The work account registration of {tenant} is gone and was not added again.',
  'verify.reason.registrationTenantChanged': 'The work account now belongs to another tenant ({after} instead of {before}).',
  'verify.reason.recoveryArmed': 'AadRecoveryEnabled : YES (line {line}): recovery is armed and runs at the next sign-in; it has not run yet.',
  'verify.reason.syncPending':
    'The old join is gone and the PC tried to join again: the attempt shows {code} (line {line}), the computer object is not in Entra ID yet. Automatic registration is not blocked; the object must be synced.',
  'verify.reason.joinPending':
    'The old join is gone (AzureAdJoined : NO, DomainJoined : YES); the PC has not registered again yet and this output does not show the join attempt.',
  'verify.reason.stillSeenAfterReregistration':
    "The re-registration worked (DeviceId {deviceId}, no error in the output), but the user still sees {code}. Repeating the same step would not help: the article's next stage is to undo every join and registration and delete the AAD\\Storage key.",
  'verify.reason.stillFailing': 'The registration still fails ({codes}).',
  'verify.reason.stillFailingNewId':
    "The registration was rebuilt (new DeviceId {deviceId}) and still fails: the article's next stage is the AAD\\Storage key.",
  'verify.reason.allNoStillSeen':
    "Every join and registration is undone (AzureAdJoined : NO, WorkplaceJoined : NO) and the user still sees {code}: the article's last stage, the AAD\\Storage key, comes next.",
  'verify.reason.notShown': 'The output after the step does not show DeviceAuthStatus or AzureAdPrt.',
  // --- which registration fails; first, do no harm (issue 11) ---------------------------------
  'report.reportedError': 'Reported error',
  'report.matchedRegistration': 'Registration',
  'report.registrations': 'Registrations',
  'registration.device-join': 'device join ({joinType}), DeviceId {deviceId}, tenant {tenant}',
  'registration.work-account': 'work account {index}, WorkplaceDeviceId {deviceId}, tenant {tenant}',
  'registration.partner': 'another tenant',
  'registration.health.healthy': 'shown healthy',
  'registration.health.failing': 'shown failing',
  'registration.health.unknown': 'health not shown',
  'match.none': 'no device-object error to match',
  'match.needs-evidence': 'not decided: this output does not show the failure',
  'match.by.device-id': 'matched by the device identifier of the error',
  'match.by.tenant': 'matched by the tenant the error names',
  'match.by.failing': 'the registration this output shows failing',
  'match.by.only-registration': 'the only registration on this PC',
  'match.by.device-join': 'the device join (the error names no other registration)',
  'finding.needs-more-evidence.title': 'This output does not show the reported failure ({codes}): more evidence needed',
  'finding.needs-more-evidence.matched-healthy':
    "The reported error ({codes}) is about {registration}, but this output shows that registration healthy (DeviceAuthStatus SUCCESS, no failed PRT attempt). No step that changes a healthy registration is planned. What can explain it: the error was seen before this output was taken; it came from another device, or from another registration on this PC; or this output was taken as SYSTEM or as another user. To decide, collect dsregcmd /status as the affected user, the device identifier and tenant from the error page's Troubleshooting details, and the sign-in log entry of the failure.",
  'finding.needs-more-evidence.device-id-not-on-this-pc':
    'The error names device identifier {reportedDeviceId}, and no registration on this PC has that ID (shown here: {shownIds}). The error most likely came from another device, or from this PC before it was registered again. Nothing on this PC is changed. To decide, check the device identifier in the Entra admin center and the sign-in log entry (device name, join type), and collect dsregcmd /status as the affected user on the device that shows the error.',
  'finding.needs-more-evidence.tenant-not-on-this-pc':
    "The error names tenant {reportedTenant}, and no registration on this PC belongs to it (shown here: {shownTenants}). The error came from another device, another user, or a work account this output does not show (taken as SYSTEM or another user). Nothing on this PC is changed. To decide, collect dsregcmd /status as the affected user, and the device identifier and tenant from the error page's Troubleshooting details.",
  'finding.needs-more-evidence.ambiguous':
    "The reported error ({codes}) does not say which registration on this PC it is about ({shownIds}), and this output does not show one of them failing. No registration is changed on a guess. To decide, copy the device identifier and tenant from the error page's Troubleshooting details (or run again with --device-id), or find the sign-in log entry of the failure; collect dsregcmd /status as the affected user.",
  'finding.needs-more-evidence.all-healthy':
    "The reported error ({codes}) is not shown in this output: every registration it shows is healthy (DeviceAuthStatus SUCCESS, no failed PRT attempt). What can explain it: another registration on this PC that this output does not show; the output taken as SYSTEM or as another user; another device; or the error seen before this output was taken. No step that changes a healthy registration is planned. To decide, collect dsregcmd /status as the affected user, the device identifier and tenant from the error page's Troubleshooting details, and the sign-in log entry of the failure.",
  'finding.device-object-missing.work-account-partner':
    'The error is about the work account of another tenant, {tenant} (work account {index}, WorkplaceDeviceId {deviceId}), not about the join of this PC: {tenant} has no device object with that ID. Only that work account is disconnected and connected again; the device join stays as it is.',
  'finding.device-object-missing.work-account-stale':
    'The error is about the Entra registration left next to the device join (work account {index}, WorkplaceDeviceId {deviceId}, tenant {tenant}: dual state): its device object was deleted. Only this registration is removed; the join stays as it is and already gives the user single sign-on to {tenant}.',
  'step.disconnect-work-account.why-partner':
    'This work account of {tenant} presents device ID {deviceId}, which {tenant} deleted. Disconnecting it removes only this registration; the device join is not touched.',
  'step.disconnect-work-account.why-stale':
    'This Entra registration (device ID {deviceId}) was deleted in {tenant}; the device join of the same tenant stays. Removing the stale registration leaves one device ID for the tenant; do not connect it again (that would bring the dual state back).',
  'step.reconnect-work-account.why-partner': 'Connecting the account of {tenant} again registers a new device object there and restores access to its apps.',
  'caveat.mdm-fallback':
    'If Disconnect is blocked because the device is enrolled in the MDM, retiring it in the MDM is the fallback; retiring removes company data and compliance, so do it only when Disconnect or re-registration is blocked.',
  'step.collect-error-details.title': 'Collect what decides which registration fails',
  'step.collect-error-details.why':
    "This output does not show the reported failure. Only the affected user's own output, the error page's details or the sign-in log can tell which registration, or which device, the error is about; no fix is safe before that.",
  'step.collect-error-details.actions':
    'As the affected user, in their own session, open a normal (not elevated) Command Prompt:\n$ dsregcmd /status > "%USERPROFILE%\\Desktop\\dsregcmd-status.txt"\nOn the error page, open Troubleshooting details (More details) and copy all of it: error code, Device identifier, Correlation ID, Timestamp and the tenant it names.\nIn the Entra admin center > Sign-in logs, find the failed sign-in by its Correlation ID or time and note its device ID, join type and tenant.\nRun dsreg-doctor again on the new output with the pasted error text (--error) and the device identifier (--device-id).',
  'step.collect-error-details.expect':
    'The device identifier names one registration on this PC (its DeviceId or a WorkplaceDeviceId), or shows that the error came from another device.',
  'step.collect-error-details.verify': '—',
  'finding.superseded-answer.title': 'An earlier answer ({code}) is superseded by the latest one ({latest})',
  'finding.superseded-answer.explanation':
    'The input shows both {code} and {latest}. The latest server answer ({latest}, at {when}) decides what the device object is now; {code} was an earlier answer (an object that was disabled and later deleted, or enabled again), so it gets no step of its own.',
  'finding.device-object-missing.explanation-cloud':
    'This PC presents device ID {deviceId} when it asks Entra ID for a Primary Refresh Token (PRT) or uses the one it holds, but tenant {tenant} has no device object with that ID: an admin or a stale-device cleanup deleted it. Every PRT request and every single sign-on that carries the old device ID fails with 700003 until the registration on the PC is removed and made again, in the way that matches its join state.',
  'finding.prt-missing.title-local-account': 'Signed in with a local account ({account}): no PRT is expected',
  'finding.prt-missing.local-account':
    "The output was taken as {account}, a local account of this PC. A local account never has a Primary Refresh Token, so AzureAdPrt NO is expected here and says nothing about the device. To use the organisation's apps with single sign-on, sign in to Windows with the work account, then collect dsregcmd /status in that session.",
  'step.enable-device-object.verify-registered':
    'Settings > Accounts > Access work or school shows the work account connected, and the app that failed signs in without the error. (An Entra registered device shows no DeviceAuthStatus and no device PRT.)',
  'report.admin.domain': 'domain administrator',
  'step.retire-in-mdm.why-fallback':
    'Only if Disconnect or re-registration above is blocked because the device is enrolled in the MDM: retire it there, then repeat the blocked step. Retiring removes company data and the compliance state, so it is not a first step.',
  'caveat.mdm-if-enrolled':
    'MdmUrl shows that this tenant enrols devices in an MDM automatically, not that this device is enrolled. Only if this step is blocked because the device is enrolled: retire it in the MDM (this removes company data and compliance), then try again.',
  'script.intune.needsEvidence':
    'No remediation: the diagnosed output does not show which registration fails (needs more evidence). Collect dsregcmd /status as the affected user and the error page details first.',
  // --- what a collection bundle shows (read by diagnose, so in the core catalogue) ---------------
  'finding.mdm-enrolled.title': 'The device is enrolled in MDM',
  'finding.mdm-enrolled.explanation':
    'The collection bundle shows {count} MDM enrolment(s) with a user (Enrollments registry keys). An MDM enrolment can block disconnecting or re-registering: retire the device in the MDM first.',
  'finding.auto-registration-disabled.title': 'Automatic registration of domain computers is disabled by policy',
  'finding.auto-registration-disabled.explanation':
    'The policy "Register domain joined computers as devices" is set to Disabled, so this PC will not register in Entra ID by itself after `dsregcmd /leave` or a new join.',
  'finding.workplace-join-blocked.title': 'Registering work accounts is blocked by policy',
  'finding.workplace-join-blocked.explanation':
    'BlockAADWorkplaceJoin is set: after disconnecting, the user cannot register the device again with "+ Connect" until the policy allows it.',
  'finding.aad-storage-key-present.title': 'The AAD\\Storage key for login.microsoftonline.com exists',
  'finding.aad-storage-key-present.explanation':
    "The user's registry still holds HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com. If the 700003 error remains after re-registering, the article's last stage deletes it.",
  'finding.aad-events.title': 'AAD Operational events from the last day',
  'finding.aad-events.explanation': '{count} event(s) from the AAD Operational log (IDs {ids}); their error codes are explained below.',
  'step.clear-aad-storage-key.why-present':
    "The collection bundle shows the key exists. If the error remains after the steps above, delete it as below (the article's last stage).",
  'step.clear-aad-storage-key.why-absent':
    'The collection bundle shows no such key for this user, so this stage probably does not apply; check again only if the error remains.',
  'caveat.block-wpj-policy': 'BlockAADWorkplaceJoin is set on this PC: "+ Connect" will fail until the policy allows registration.',
} as const satisfies Record<string, string>;

/** Every message key: the core's and the feature catalogues'. */
export type MessageKey = keyof typeof en | keyof typeof enScript | keyof typeof enWeb | keyof typeof enFleet | keyof typeof enCleanup | keyof typeof enLab;
