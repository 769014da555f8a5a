/** English messages of the staged cleanup (`dsreg-doctor cleanup`; spread into en.ts). */
export const enCleanup = {
  'cleanup.help': `Usage: dsreg-doctor cleanup [FILE…] --stale-days N [--stage 1|2|3] [options]

A safe, staged stale-device cleanup that cannot cause AADSTS700003 for a device still in use:
  stage 1  disable the stale candidates (reversible), with a rollback script
  stage 2  after the grace period: re-enable every stage-1 device that showed 135011 / 50155
           (or any use) since it was disabled
  stage 3  delete only devices still disabled and still inactive (BitLocker keys saved first)
Each stage is computed from the data of the day it is run: export the inventory and the sign-in
logs again and run the same command with the next --stage.

Inputs (the content says what each file is, as for fleet):
  --devices FILE       Device inventory (required): "Download devices" CSV, Graph devices JSON,
                       Get-MgDevice | Export-Csv
  --signins FILE       Sign-in logs (recommended: the exact last use, and the proof for stage 2)
  --audit FILE         Audit log
  --autopilot FILE     Autopilot device export (Get-MgDeviceManagementWindowsAutopilotDeviceIdentity)
  --intune FILE        Intune managed-device export
  --bitlocker FILE     BitLocker key list; rows saved with the key value count as backed up
  --stage1 FILE        Stages 2 and 3: the devices stage 1 disabled (its list CSV or its script's CSV log)
  FILE                 Any of the above
  --graph              Read the inventory and sign-ins from Microsoft Graph (read-only; see fleet --help)

Plan:
  --stale-days N       Candidates: no activity for N days (at least 21; 90 is typical)
  --stage 1|2|3        Which stage to compute (default: 1)
  --since-stage1 DATE  Stages 2 and 3: the day stage 1 disabled the devices
  --grace-days N       Days between stage 1 and stage 3 (default: 30)
  --as-of DATE         "Today" (default: now)

Output:
  --format table|csv|json|html   Report format (default: table)
  --scripts DIR        Write the PowerShell scripts and the device lists of this stage to DIR
  --out FILE           Write the report to FILE

Exit codes: 0 plan written, 1 stage 2 found devices to re-enable, 2 unusable input or arguments.`,
  'cleanup.error.staleDaysRequired': '--stale-days N is required (90 is typical; at least 21).',
  'cleanup.error.staleTooShort':
    '--stale-days {days} is refused: the activity timestamp (approximateLastSignInDateTime) is only updated when it is more than 14 days old (± 5 days), so a device active {days} days ago can look inactive. Use 21 days or more (90 is typical).',
  'cleanup.error.sinceRequired': '--stage {stage} needs --since-stage1 DATE: the day stage 1 disabled the devices.',
  'cleanup.error.noInventory': 'No device inventory was read: give --devices FILE (or --graph). A cleanup is never planned without it.',
  'cleanup.error.sideList': '{file}: not a list dsreg-doctor cleanup can use ({detail}).',
  'cleanup.note.sideList': '{file}: {kind}, {count} device(s); {skipped} line(s) without a usable id (first: line {line}).',
  'cleanup.note.scripts': 'Scripts and lists written to {dir}: {files}',
  'cleanup.warning.no-signins':
    'No sign-in logs: the last use of each device is known only from its activity timestamp (± 14 days). Give the sign-in logs for a safer plan.',
  'cleanup.warning.no-bitlocker-list':
    'No BitLocker key list: only devices whose inventory row shows BitLocker keys are held back. Export the key list (with the key values) before stage 3.',
  'cleanup.warning.no-autopilot-list':
    'No Autopilot export: Autopilot devices are recognised only by the ZTDID physical id in a Graph inventory. Give the Autopilot export.',
  'cleanup.warning.no-stage1-list':
    'No stage-1 list (--stage1): every disabled device in the inventory is taken as disabled by stage 1, including devices disabled for other reasons.',
  'cleanup.warning.grace-not-over': 'The grace period is not over: nothing is deleted before {date}. Devices to re-enable are listed now.',
  'cleanup.warning.signins-before-stage1': 'The sign-in logs start after stage 1: use since stage 1 may be missing. Export the logs from the stage-1 date on.',
  'cleanup.reason.active': 'Used inside the window (sign-in or activity timestamp)',
  'cleanup.reason.blank-activity': 'Blank activity timestamp: unknown, not stale',
  'cleanup.reason.autopilot': 'Autopilot device: clean it up in Intune / Autopilot, never in Entra',
  'cleanup.reason.hybrid': 'Hybrid joined: disable or delete the computer in on-premises AD and let Entra Connect sync',
  'cleanup.reason.mdm-managed': 'MDM-managed: retire it in the MDM first',
  'cleanup.reason.bitlocker-not-backed-up': 'BitLocker recovery keys not backed up',
  'cleanup.reason.printer': 'Printer or system-managed device: remove it in its own portal',
  'cleanup.reason.no-object-id': 'No object id in the inventory: cannot be scripted',
  'cleanup.reason.enabled-again': 'Enabled again since stage 1 (by an admin or a sync)',
  'cleanup.reason.reenable': 'Used since stage 1: re-enable',
  'cleanup.reason.not-in-inventory': 'Not in the inventory any more',
  'cleanup.title': 'Staged stale-device cleanup: stage {stage}',
  'cleanup.summary':
    'As of {asOf}, stale after {staleDays} days: {candidates} candidate(s); {heldBack} held back; disable {disable}; re-enable {reEnable}; delete {delete}.',
  'cleanup.grace': 'Stage 1 on {since}; grace period {graceDays} days, until {until}.',
  'cleanup.section.heldBack': 'Held back, by reason',
  'cleanup.section.disable': 'Stage 1: disable ({count})',
  'cleanup.section.reEnable': 'Stage 2: re-enable, used since stage 1 ({count})',
  'cleanup.section.pendingDelete': 'Still disabled and inactive: stage 3 would delete ({count})',
  'cleanup.section.delete': 'Stage 3: delete ({count})',
  'cleanup.stage.disable': 'Stage 1 (disable)',
  'cleanup.stage.delete': 'Stage 3 (delete)',
  'cleanup.section.wouldBreak': 'What each stage would break, according to the logs',
  'cleanup.wouldBreak.none': '{stage}: nothing (no device on the list signs in or fails with a device error).',
  'cleanup.wouldBreak.some': '{stage}: {count} device(s) on the list show use in the logs: {ids}',
  'cleanup.section.activityAge': 'Device activity age (inventory)',
  'cleanup.age.blank': 'blank',
  'cleanup.restorable':
    'If the tenant keeps deleted devices (device soft delete, preview), the deleted Entra joined and registered devices can be restored until {until}; others are deleted for good.',
  'cleanup.restorable.none': 'not restorable',
  'cleanup.col.name': 'Device',
  'cleanup.col.deviceId': 'Device ID',
  'cleanup.col.joinType': 'Join type',
  'cleanup.col.lastActivity': 'Last activity',
  'cleanup.col.age': 'Days',
  'cleanup.col.reasons': 'Reasons',
  'cleanup.col.errors': 'Since stage 1',
  'cleanup.col.restorableUntil': 'Restorable until',
  'cleanup.none': '(none)',
  'cleanup.more': '… and {count} more (see --format csv or json)',
  'cleanup.next.1':
    'Next: run the disable script (dry run, then -Apply); keep the rollback script. In {graceDays} days export the data again and run: dsreg-doctor cleanup --stage 2 --since-stage1 {today} --stage1 <the disable list>',
  'cleanup.next.2': 'Next: run the re-enable script now; after {until}, run stage 3 with fresh exports.',
  'cleanup.next.3': 'Next: run the delete script (dry run, then -Apply); it saves the BitLocker keys and skips any device enabled or used since.',
  // --- generated scripts --------------------------------------------------------------------
  'cleanup.script.synopsis.disable': 'dsreg-doctor staged cleanup, stage 1: disable stale devices (dry run unless -Apply).',
  'cleanup.script.synopsis.rollback': 'dsreg-doctor staged cleanup, rollback of stage 1: re-enable every device stage 1 disabled (dry run unless -Apply).',
  'cleanup.script.synopsis.enable': 'dsreg-doctor staged cleanup, stage 2: re-enable the devices used since stage 1 (dry run unless -Apply).',
  'cleanup.script.synopsis.restore':
    'dsreg-doctor: restore deleted device objects from the deleted items, within their 30 days (dry run unless -Apply). Nothing on the PCs changes; users sign out and in (or restart) afterwards.',
  'cleanup.script.synopsis.delete': 'dsreg-doctor staged cleanup, stage 3: delete the devices still disabled and inactive (dry run unless -Apply).',
  'cleanup.script.description':
    'Microsoft Graph PowerShell (Connect-MgGraph first). Without -Apply it only lists what it would do. With -Apply every device is checked in Graph first and each change asks for confirmation (-Confirm:$false to skip, -WhatIf to preview). Every change is written to a CSV log. The Mg cmdlets take the object id, not the device id.',
  'cleanup.script.permissions': 'Needs the Graph permission {scopes} and the role {roles}.',
  'cleanup.script.param.apply': 'Make the changes. Without it the script is a dry run.',
  'cleanup.script.param.batchSize': 'Devices per batch (default 50).',
  'cleanup.script.param.pauseSeconds': 'Pause between batches in seconds (default 30).',
  'cleanup.script.comment.devices': 'The devices of this stage (values from the input, used only as data).',
  'cleanup.script.dryRunHint': 'Dry run: nothing will be changed. Run again with -Apply to make the changes.',
  'cleanup.script.dryRun': '[DRY RUN] Would run: {0}',
  'cleanup.script.notConnected': 'Not connected to Microsoft Graph. Run: Connect-MgGraph -Scopes {0}',
  'cleanup.script.missingScope': 'The Graph session lacks the permission {0}. Connect again with it.',
  'cleanup.script.log': 'CSV log: {0}',
  'cleanup.script.changed': 'Done: {0}',
  'cleanup.script.failed': 'Failed: {0}',
  'cleanup.script.skippedOther': 'Skipped: the object id now belongs to another device: {0}',
  'cleanup.script.skippedEnabled': 'Skipped: enabled again since stage 1: {0}',
  'cleanup.script.skippedActive': 'Skipped: active since the plan was made: {0}',
  'cleanup.script.skippedKeys': 'Skipped: its BitLocker keys could not be saved: {0}',
  'cleanup.script.keysSaved': 'BitLocker keys saved to {0}',
  'cleanup.script.pause': 'Pausing {0} s between batches…',
  'cleanup.script.done': 'Finished: {0} device(s) in the list.',
} as const;
