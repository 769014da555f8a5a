/** English messages of the fleet feature (spread into en.ts). */
export const enFleet = {
  'fleet.help': `Usage: dsreg-doctor fleet [FILE…] [--signins FILE]… [--devices FILE]… [--audit FILE]… [options]

Cross-references sign-in logs, the device inventory, the audit log and collected dsregcmd /status
outputs: which devices fail with device errors (AADSTS700003 first, then 135011, 50155, 50097,
50187, 53000, 53001, 130008), why, who deleted or disabled them, and the first remedy step for each.
With --planned-deletions or --stale-days it also says what a stale-device cleanup would break.

Inputs (each optional and repeatable; the format is read from the content, not the file name):
  --signins FILE      Sign-in logs: admin center download (CSV or JSON, interactive and
                      non-interactive), Graph signIns JSON (value array, pages, JSON Lines),
                      Log Analytics export of SigninLogs / AADNonInteractiveUserSignInLogs
  --devices FILE      Device inventory: admin center "Download devices" CSV, Graph devices JSON,
                      Get-MgDevice | Export-Csv, Get-AzureADDevice | Export-Csv; also Graph
                      BitLocker recovery-key lists and Intune's device export (join types only)
  --audit FILE        Audit log: admin center download (CSV or JSON), Graph directoryAudits JSON,
                      Log Analytics AuditLogs export
  --statuses DIR      A folder of collected dsregcmd /status outputs or collection bundles
  FILE                Any of the above, or a deleted-devices list (Graph beta deletedItems JSON,
                      Get-EntraDeletedDevice / Get-MgDirectoryDeletedItemAsDevice as CSV or JSON):
                      the content says which
  --date-order dmy|mdy|ymd   How to read dates like 05/06/2025 when a column's own values do not
                      settle it (Windows PowerShell 5.1 and Excel write the culture's dates)
  --columns FILE      Header mapping for a file whose headers are not recognised: JSON
                      {"file header": "English column"} or CSV lines: file header,English column
  -                   Read one input from stdin

Cleanup impact:
  --planned-deletions FILE   Device or object ids (one per line), or the CSV / JSON a cleanup would delete
  --stale-days N             Candidates: inventory devices whose activity timestamp is older than N days
  --as-of DATE               "Today" for --stale-days (default: now), e.g. 2025-06-04

Output:
  --format table|csv|json|html   Output format (default: table). html is one standalone file with charts
  --table affected|cleanup       csv: which table to write (default: affected)
  --out FILE                     Write the output to FILE
  --restore-script FILE          A PowerShell script restoring the soft-deleted devices that can still be
                                 restored (dry run unless -Apply)
  --kql                          Print the Log Analytics (KQL) queries that compute the same result in
                                 Azure Monitor, for tenants too large to export (--days N: look-back, default 30)
  --no-progress                  No progress bar on stderr
  --lang ja|en                   Language

Microsoft Graph (read-only; instead of or besides exported files):
  --graph                    Read devices, device-error sign-ins (interactive and non-interactive)
                             and device audit events from Microsoft Graph
  --since 7d|24h|DATE        The sign-in and audit window (default: 7d)
  --graph-token TOKEN        Use a token you already have (or DSREG_DOCTOR_GRAPH_TOKEN, e.g. from
                             az account get-access-token --resource-type ms-graph)
  --tenant ID --client-id ID --client-secret S | --certificate PEM
                             App sign-in for scheduled runs (the secret also from DSREG_DOCTOR_CLIENT_SECRET)
                             Without a token or app credentials: device-code sign-in at the terminal
  --cloud global|usgov|china National cloud (default: global)
  --graph-base URL           Another Graph root (proxies, tests); http:// only on loopback
  --no-non-interactive       Skip the non-interactive sign-ins (beta endpoint)
Permissions: Device.Read.All, AuditLog.Read.All, Directory.Read.All (e.g. the Global Reader role).
Tokens are never printed or written to reports; nothing is cached on disk.

Exit codes: 0 no affected device and nothing at risk, 1 affected devices or a cleanup that would
break devices in use, 2 unusable input or arguments (also when any input yielded no usable row or
more than half of its rows could not be used: the report is still written), 3 internal error.`,

  'graph.error.badBase': '{option} {value}: use an https:// URL (plain http:// is allowed only for 127.0.0.1 / localhost).',
  'graph.error.badSince': '--since "{value}": use 7d, 24h, 90m or a date such as 2026-11-01.',
  'graph.error.appNeedsIds': 'App sign-in (--client-secret or --certificate) needs --tenant and --client-id.',
  'graph.error.nothingRead': 'Nothing could be read from Microsoft Graph: {reason}',
  'graph.error.badLoginBase':
    '--login-base {value}: only a loopback URL (127.0.0.1, localhost) is accepted; it is meant for tests and local debugging proxies.',
  'graph.error.badCertificate': '{file}: not a usable certificate ({reason}). The PEM file needs the CERTIFICATE and an unencrypted PRIVATE KEY block.',
  'graph.error.kqlWithGraph': '--kql prints queries to run in Log Analytics; it does not read Microsoft Graph. Use one or the other.',
  'graph.warn.secretArgument':
    '{option} on the command line can be seen in the process list and the shell history; prefer the environment variable (see --help).',
  'graph.progress.page': 'Graph {dataset}: {pages} page(s), {rows} row(s)',
  'graph.progress.throttle': 'Graph {dataset}: HTTP {status}, waiting {seconds} s before retry {attempt}',
  'graph.failure.permission':
    'HTTP {status} for {request}: the sign-in lacks {permission}. An administrator with the {role} role can grant it (or consent to it for the app). {detail}',
  'graph.failure.throttled': 'Graph kept answering HTTP {status} for {request} ({attempts} attempts); try again later or with a shorter --since.',
  'graph.failure.http': 'HTTP {status} for {request}: {detail}',
  'graph.failure.malformed': 'Graph sent a page that is not valid ({detail}) for {request}.',
  'graph.failure.network': 'Could not reach Microsoft Graph for {request}: {detail}',
  'graph.failure.foreignNextLink': 'Stopped: the next page of {request} points to another host ({detail}); the token is never sent there.',
  'graph.failure.auth': 'Sign-in to Microsoft Graph failed: {detail}',
  'graph.partial': 'The data is partial: reading {dataset} stopped after {pages} page(s). {reason} The report holds what was read before.',
  'fleet.error.noInput': 'fleet needs at least one input: --signins, --devices, --audit or a file name (see dsreg-doctor fleet --help).',
  'fleet.error.statusesUnreadable': '--statuses {file}: no such file or folder ({reason}); nothing to read.',
  'fleet.error.nothingRead': 'None of the inputs could be read; see the messages above.',
  'fleet.error.badNumber': 'Invalid value "{value}" for {option}: expected a whole number of days (1 or more).',
  'fleet.error.badDate': 'Invalid value "{value}" for --as-of: expected a date such as 2025-06-04 or 2025-06-04T09:00:00Z.',
  'fleet.error.twoStdin': 'Only one input can be read from stdin (-).',

  'fleet.note.file.not-found': '{file}: no such file; skipped.',
  'fleet.note.file.is-directory': '{file}: is a folder; pass it with --statuses, or name the files in it.',
  'fleet.note.file.unreadable': '{file}: cannot be read ({detail}); skipped.',
  'fleet.note.file.empty': '{file}: the file is empty.',
  'fleet.note.file.binary': '{file}: this is not a text export (a binary file, such as a ZIP or an Excel .xlsx workbook); skipped.',
  'fleet.note.file.unrecognized-csv':
    "{file}: the columns ({detail}) are not those of a sign-in log, device list or audit log export; skipped. A sign-in log needs the columns Date (UTC), Sign-in error code (or Status) and Device ID; a device list deviceId and accountEnabled, trustType or approximateLastSignInDateTime; an audit log Date (UTC), Activity and Target1ObjectId. Map this file's headers with --columns FILE (see dsreg-doctor fleet --help).",
  'fleet.note.file.ambiguous-date-order':
    '{file}: the dates in column {detail} can be read day-first or month-first (e.g. 05/06/2025) and no value settles it; the file was not used. Give --date-order dmy (day first), mdy (month first) or ymd.',
  'fleet.note.unusable': '{file}: {used} of {read} rows usable; this input cannot be relied on (exit code 2).',
  'fleet.error.badColumns': '--columns {file}: {reason}',
  'fleet.note.file.unrecognized-json': '{file}: the records (with {detail}) are not sign-ins, devices or audit events; skipped.',
  'fleet.note.file.duplicate-column':
    '{file}: header line {detail}: a column the reader needs appears more than once (column numbers in parentheses); which copy holds the data cannot be told, so the file is not used. Remove or rename the extra column.',
  'fleet.note.file.unrecognized': '{file}: the content is not an export this command reads; skipped.',
  'fleet.note.skipped': '{file}: {count} of {read} rows not used ({reasons}); first at line {line}.',
  'fleet.note.skippedNoLine': '{file}: {count} of {read} rows not used ({reasons}).',
  'fleet.note.statusSkipped': '{file}: {reason}; not used.',
  'fleet.note.unknownColumns': '{file}: {count} columns not recognised, ignored: {columns}',
  'fleet.note.givenAs': '{file}: given with --{option}, but its content is {kind}; it was read as {kind}.',
  'fleet.note.read': '{file}: {format}, {used} rows used.',
  'fleet.note.rows': 'Rows: {read} read = {used} used + {skipped} not used.',
  'fleet.note.staleTooShort':
    '--stale-days {days}: the activity timestamp is only updated about every 14 days, so devices active in the last 21 days can look stale. Use 21 or more (90 is usual).',
  'fleet.note.parallelFailed': 'Reading large files in parallel failed ({detail}); they were read again in one thread.',
  'fleet.note.kqlTooMany': 'The planned list has {count} device ids; the query inlines the first {shown}. Use a watchlist for the rest.',

  'fleet.progress.rows': '{rows} rows',
  'fleet.progress.rate': '{rate} rows/s',
  'fleet.progress.eta': 'ETA {eta}',

  'fleet.kind.signins': 'a sign-in log',
  'fleet.kind.devices': 'a device list',
  'fleet.kind.audit': 'an audit log',
  'fleet.kind.bitlocker-keys': 'a BitLocker recovery key list',
  'fleet.kind.planned-deletions': 'a planned-deletion list',
  'fleet.kind.statuses': 'dsregcmd /status outputs',
  'fleet.kind.intune-devices': "Intune's device export",

  'fleet.reason.malformed-csv': 'broken CSV quoting',
  'fleet.reason.wrong-column-count': 'wrong number of columns',
  'fleet.reason.invalid-json': 'invalid JSON',
  'fleet.reason.truncated-json': 'file cut short',
  'fleet.reason.not-an-object': 'not a JSON record',
  'fleet.reason.unrecognized-record': 'record of another kind',
  'fleet.reason.missing-time': 'no readable date',
  'fleet.reason.missing-result': 'no result code',
  'fleet.reason.no-device-id': 'sign-in without a device (not a device error)',
  'fleet.reason.missing-device-id': 'no device id',
  'fleet.reason.not-device-activity': 'not a device activity',
  'fleet.reason.other-device-activity': 'device activity other than delete or disable',
  'fleet.reason.failed-operation': 'the operation failed',
  'fleet.reason.no-id': 'no device or object id',
  'fleet.reason.not-dsregcmd-status': 'not a dsregcmd /status output',
  'fleet.reason.status-without-device-id': 'status without a DeviceId',
  'fleet.reason.unreadable-status': 'cannot be read',
  'fleet.reason.ambiguous-date': 'date could be day-first or month-first',

  'fleet.cause.deleted': 'Device object deleted',
  'fleet.cause.disabled': 'Device object disabled',
  'fleet.cause.device-auth-failed': 'Device authentication failed',
  'fleet.cause.device-not-identified': 'Device not identified in the sign-in',
  'fleet.cause.not-compliant': 'Not compliant (Conditional Access)',
  'fleet.cause.not-hybrid-joined': 'Not hybrid joined (Conditional Access)',

  'fleet.state.present': 'present',
  'fleet.state.disabled': 'disabled',
  'fleet.state.missing': 'missing',
  'fleet.state.soft-deleted': 'deleted, restorable',
  'fleet.state.unknown': 'unknown',

  'fleet.source.signin': 'sign-in log',
  'fleet.source.inventory': 'device list',
  'fleet.source.status': 'dsregcmd /status',
  'fleet.source.unknown': 'not shown',
  'fleet.source.audit': 'audit log (delete event)',
  'fleet.source.intune': 'Intune export',

  'fleet.action.delete': 'deleted',
  'fleet.action.disable': 'disabled',

  'fleet.risk.high': 'High',
  'fleet.risk.medium': 'Check first',
  'fleet.risk.low': 'Low',

  'fleet.cleanupReason.signs-in': 'still signs in: deleting it causes AADSTS700003 for its users',
  'fleet.cleanupReason.users-failing': 'users are failing on it right now',
  'fleet.cleanupReason.hybrid': 'hybrid joined: deleted in Entra ID alone it comes back as "Pending" and must re-register',
  'fleet.cleanupReason.bitlocker-keys': 'holds BitLocker recovery keys, which deletion removes',
  'fleet.cleanupReason.autopilot': 'Autopilot device: clean it up in Intune, not in Entra ID',
  'fleet.cleanupReason.mdm-managed': 'managed by Intune or another MDM: retire it there first',
  'fleet.cleanupReason.not-in-inventory': 'not in the device list: check the id',

  'fleet.cleanupAction.keep': 'Keep (do not delete)',
  'fleet.cleanupAction.delete-on-premises': 'Disable or delete the computer in on-premises AD and let sync apply it',
  'fleet.cleanupAction.clean-up-in-intune': 'Clean up in Intune / Autopilot',
  'fleet.cleanupAction.back-up-bitlocker-keys': 'Back up the BitLocker keys, then disable',
  'fleet.cleanupAction.retire-in-mdm': 'Retire in the MDM, then disable',
  'fleet.cleanupAction.check-id': 'Check the id',
  'fleet.cleanupAction.disable-then-delete': 'Disable now, delete after the grace period',

  'fleet.order.exclude-active': 'Take the devices that still sign in off the list.',
  'fleet.order.back-up-bitlocker-keys': 'Back up the BitLocker recovery keys of the devices that hold them.',
  'fleet.order.clean-up-autopilot-in-intune': 'Clean up Autopilot devices in Intune, not in Entra ID.',
  'fleet.order.retire-in-mdm': 'Retire MDM-managed devices in Intune (or your MDM) first.',
  'fleet.order.hybrid-on-premises': 'For hybrid joined devices, disable or delete the computer in on-premises AD and let Entra Connect sync it.',
  'fleet.order.disable': 'Disable the remaining devices (accountEnabled = false); it can be undone.',
  'fleet.order.wait': 'Wait a grace period (for example 30 days) and watch the sign-in logs for AADSTS135011 from devices still in use; re-enable those.',
  'fleet.order.delete': 'Delete the devices that are still disabled and unused. Deletion cannot be undone.',

  'fleet.title': 'dsreg-doctor fleet report',
  'fleet.asOf': 'As of {asOf}',
  'fleet.section.summary': 'Summary',
  'fleet.section.affected': 'Affected devices',
  'fleet.section.cleanup': 'Cleanup impact',
  'fleet.section.inputs': 'Inputs',
  'fleet.section.charts': 'Charts',
  'fleet.summary.affected': '{count} devices failed with device errors ({recovered} of them signed in successfully afterwards).',
  'fleet.summary.none': 'No sign-in in the input failed with a device error.',
  'fleet.summary.signIns': 'Sign-ins: {rows} read, {failures} failed, {deviceErrors} with device errors, from {first} to {last}; {devices} devices seen.',
  'fleet.summary.withoutDevice': 'Device-error failures without a device id (unregistered devices, browsers without SSO): {list}',
  'fleet.summary.inventory': 'Device list: {devices} devices ({disabled} disabled).',
  'fleet.summary.audit': 'Audit log: {deletes} deletions and {disables} disables; {matched} of them matched to affected devices.',
  'fleet.summary.statuses': 'dsregcmd /status files: {files}, {matched} matched to affected devices.',
  'fleet.summary.cleanup': 'Cleanup: {candidates} devices to delete; {high} still in use (do not delete), {medium} to check first, {low} low risk.',
  'fleet.summary.cleanupBlank': '{count} devices have no activity timestamp and were not counted as stale.',
  'fleet.summary.order': 'Recommended order:',

  'fleet.chart.byDay': 'Device-error failures per day',
  'fleet.chart.byCode': 'Affected devices by error code',
  'fleet.chart.byJoinType': 'Affected devices by join type',
  'fleet.chart.byCause': 'Affected devices by cause',
  'fleet.chart.actors': 'Who deleted or disabled devices',
  'fleet.chart.cleanupRisk': 'Cleanup candidates by risk',
  'fleet.chart.empty': 'No data.',

  'fleet.col.device': 'Device',
  'fleet.col.deviceId': 'Device ID',
  'fleet.col.name': 'Name',
  'fleet.col.os': 'OS',
  'fleet.col.joinType': 'Join type',
  'fleet.col.joinTypeSource': 'from',
  'fleet.col.inventory': 'In Entra ID',
  'fleet.col.cause': 'Cause',
  'fleet.col.codes': 'Error codes',
  'fleet.col.failures': 'Failures',
  'fleet.col.users': 'Users',
  'fleet.col.apps': 'Apps',
  'fleet.col.first': 'First failure',
  'fleet.col.last': 'Last failure',
  'fleet.col.lastSuccess': 'Last success',
  'fleet.col.deletedBy': 'Deleted/disabled by',
  'fleet.col.deletedAt': 'When',
  'fleet.col.firstStep': 'First step',
  'fleet.col.risk': 'Risk',
  'fleet.col.reasons': 'Why',
  'fleet.col.action': 'Recommended',
  'fleet.col.activeSince': 'Last active',
  'fleet.col.file': 'File',
  'fleet.col.kind': 'Kind',
  'fleet.col.format': 'Format',
  'fleet.col.read': 'Read',
  'fleet.col.used': 'Used',
  'fleet.col.skipped': 'Not used',
  'fleet.col.problems': 'Problems',
  'fleet.col.actor': 'Actor',
  'fleet.col.deletes': 'Deletions',
  'fleet.col.disables': 'Disables',
  'fleet.col.day': 'Day',
  'fleet.col.count': 'Count',
  'fleet.more': '…and {count} more (use --format csv, json or html for the full list).',
  'fleet.noStep': 'no device-object step (see the error code)',
  'fleet.recovered': 'recovered',
  'fleet.matchedByName': 'matched by device name',
  'fleet.none': '—',
  'fleet.html.note': 'Generated by dsreg-doctor {version} from the exports listed under "Inputs". Nothing in this file loads anything from the network.',
  'fleet.html.lineInfo': 'line {line}',

  'fleet.kql.header':
    'dsreg-doctor fleet: the same analysis as KQL for Log Analytics (Azure Monitor / Microsoft Sentinel).\nRun each query in the workspace that receives SignInLogs, NonInteractiveUserSignInLogs and AuditLogs.\nLook-back window: {days} days (change `lookback`).',
  'fleet.kql.affected': 'Affected devices: every device whose sign-ins failed with a device error, with users, apps, first and last failure.',
  'fleet.kql.byDay': 'Device-error failures per day and error code (the chart of the report).',
  'fleet.kql.withoutDevice': 'Device-error failures whose sign-in carried no device id (unregistered devices, browsers without SSO).',
  'fleet.kql.deletions': 'Who deleted or disabled devices (TargetResources[0].id is the object id, not the device id).',
  'fleet.kql.actors': 'Top actors behind device deletions and disables.',
  'fleet.kql.affectedWithDeletions':
    'Affected devices with the deletion that explains them, joined on the device id the delete event carries in AdditionalDetails;\nonly for a device no event names by id, on its name, when one object carries that name (MatchedBy says which).',
  'fleet.kql.cleanupPlanned': 'Cleanup impact: which of the {count} planned devices still sign in successfully (deleting them would cause AADSTS700003).',
  'fleet.kql.cleanupTooMany': 'Only the first {shown} of {count} ids are inlined here; put the full list in a watchlist and use _GetWatchlist().',
  'fleet.kql.cleanupObjectIds': '{count} ids in the plan are object ids, which sign-in logs do not carry: resolve them to device ids with Graph first.',
  'fleet.kql.cleanupActive':
    'Cleanup impact: devices that still sign in successfully. Any device here that your stale rule ({days} days) would delete is still in use.',
} as const satisfies Record<string, string>;
