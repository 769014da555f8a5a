/** English messages of the web feature (spread into en.ts). */
export const enWeb = {
  // --- serve command ---------------------------------------------------------------------------
  'web.help': `Usage: dsreg-doctor serve [--port N] [--open] [--lang ja|en]

Starts the local web app: paste or drop a \`dsregcmd /status\` output and see the diagnosis, the
decision flow with this device's path, the plan as a checklist, and check a step with "After" mode.
It listens on 127.0.0.1 only, so only this PC can reach it; nothing is sent anywhere else.

Options:
  --port N      Port to listen on (default: 7003; 0 picks a free port)
  --open        Open the page in the default browser
  --lang ja|en  Language of the messages printed here (the page follows the browser's language)

Stop it with Ctrl+C.`,
  'web.listening': 'dsreg-doctor web app: {url}  (127.0.0.1 only: other PCs cannot reach it; stop with Ctrl+C)',
  'web.openFailed': 'Could not open a browser ({reason}). Open {url} yourself.',
  'web.error.portInUse': 'Port {port} on 127.0.0.1 is already in use (perhaps dsreg-doctor serve is already running). Choose another with --port N.',
  'web.error.listen': 'Cannot listen on 127.0.0.1:{port}: {reason}',
  'web.error.badPort': '"{value}" is not a port number: expected a whole number from 0 to 65535.',
  'web.error.noAssets': 'The web app files were not found at {dir}; the package is incomplete. Reinstall dsreg-doctor.',

  // --- API errors ------------------------------------------------------------------------------
  'web.api.hostRefused':
    'Refused: this server only answers requests addressed to 127.0.0.1:{port} or localhost:{port} (this one was addressed to "{host}"). Open http://127.0.0.1:{port}/ directly.',
  'web.api.originRefused': 'Refused: the request came from another site ({origin}). Only the dsreg-doctor page itself may use this API.',
  'web.api.tooLarge':
    'The input is larger than {limit} MB. A dsregcmd /status output is a few kB and a collection bundle a few hundred kB: is this the right file?',
  'web.api.empty': '{file}: the input is empty. Paste the output of dsregcmd /status or drop the saved file.',
  'web.api.binary': '{file}: this looks like a binary file (for example a PDF, ZIP or image), not the text of a dsregcmd /status output.',
  'web.api.notDsregcmd':
    '{file}: this is not a dsregcmd /status output (no section banner or known field was found). Run `dsregcmd /status` in a command prompt on the affected PC and paste its whole output.',
  'web.api.badQuery': 'Invalid value "{value}" for the parameter {name}; expected {expected}.',
  'web.api.errorTooLong': 'The error text is {length} characters long; paste at most {limit} characters (the part with the code is enough).',
  'web.api.badForm': 'The request must be multipart/form-data with the fields "before" and "after" ({reason}).',
  'web.api.missingPart': 'The "{part}" output is missing: paste or drop it.',
  'web.api.notFound': 'Not found: {path}',
  'web.api.methodNotAllowed': '{method} is not allowed on {path}; use {allowed}.',
  'web.api.internal': 'Internal error: {message}. This is a bug in dsreg-doctor; please report it with the input (redact it first).',

  // --- page: header ----------------------------------------------------------------------------
  'web.subtitle': 'Diagnose Microsoft Entra device registration from dsregcmd /status',
  'web.privacy': 'Runs on this PC only: nothing you paste or drop leaves the machine.',
  'web.lang.label': 'Language',
  'web.theme.label': 'Theme',
  'web.theme.auto': 'System',
  'web.theme.light': 'Light',
  'web.theme.dark': 'Dark',
  'web.skip': 'Skip to the results',

  // --- page: input -----------------------------------------------------------------------------
  'web.input.heading': '1. The dsregcmd /status output',
  'web.input.label': 'Output of dsregcmd /status (paste it here, or drop the saved file on this box)',
  'web.input.placeholder':
    'On the affected PC, open a command prompt as the affected user (not "Run as administrator"), run dsregcmd /status, and paste the whole output here. You can also drop the saved file (any encoding Windows writes).',
  'web.input.file': 'Open a file…',
  'web.input.example': 'Or try an example',
  'web.input.exampleNone': '(choose an example)',
  'web.input.errorLabel': 'Error code or error text the user saw (optional)',
  'web.input.errorPlaceholder': 'e.g. 700003, AADSTS700003, or the text of the error page',
  'web.input.mdm': 'The device is enrolled in Intune or another MDM',
  'web.input.diagnose': 'Diagnose',
  'web.input.clear': 'Clear',
  'web.input.shortcut': 'Ctrl+Enter diagnoses.',
  'web.input.loaded': 'Read {name}: encoding {encoding}, {lines} lines.',
  'web.input.dropHere': 'Drop the file to read it',
  'web.pastedName': 'pasted text',
  'web.busy': 'Diagnosing…',
  'web.error.heading': 'This input cannot be diagnosed',
  'web.error.network': 'The local dsreg-doctor server did not answer ({reason}). Is `dsreg-doctor serve` still running?',
  'web.error.fileRead': 'The file {name} could not be read: {reason}',
  'web.error.tooLarge': 'The file {name} is {size} MB; the limit is {limit} MB. Is this the right file?',

  // --- page: results ---------------------------------------------------------------------------
  'web.results.heading': '2. Diagnosis',
  'web.results.empty': 'Paste an output, drop a file or choose an example to see the diagnosis here.',
  'web.results.problems': '{count} problem(s) need attention.',
  'web.results.ok': 'No problem that needs action was found in this output.',
  'web.summary.heading': 'Summary',
  'web.summary.mask': 'Mask device and tenant',
  'web.summary.unmask': 'Show device and tenant',
  'web.summary.maskedNote': 'Device and tenant names and IDs are masked on this page (also in the output view).',
  'web.summary.tenantId': 'Tenant ID',
  'web.summary.input': 'Input',
  'web.findings.heading': 'Findings',
  'web.findings.evidence': 'Show the evidence (lines {lines})',
  'web.findings.noEvidence': 'No line of the output shows this; it comes from what is missing or from the error you entered.',
  'web.source.heading': 'The output as read',
  'web.source.meta': '{name}: {lines} lines, encoding {encoding}. Evidence lines are highlighted.',
  'web.source.label': 'The output with line numbers',
  'web.flow.heading': 'Decision flow (the 700003 article)',
  'web.flow.label': "Decision flow of the 700003 article, with this device's path highlighted",
  'web.flow.caption': "Highlighted: this device's path. Grey: the other branches. Select a highlighted box to jump to its step.",
  'web.flow.captionNone': 'This output does not put the device on this flow (no deleted or disabled device object); it is shown for reference.',
  'web.flow.start700003': 'Error 700003: the device object was not found',
  'web.flow.start135011': 'Error 135011: the device object is disabled',
  'web.flow.status': 'Check the state with dsregcmd /status',
  'web.flow.condRegistered': 'WorkplaceJoined: YES (Entra registered)',
  'web.flow.condJoined': 'Only AzureAdJoined: YES (Entra joined)',
  'web.flow.condHybrid': 'DomainJoined and AzureAdJoined: YES (hybrid joined)',
  'web.flow.condAllNo': 'AzureAdJoined and WorkplaceJoined: both NO',
  'web.flow.condOther': 'State not shown, or on-premises DRS',
  'web.flow.actDisconnect': 'Access work or school: Disconnect, then + Connect',
  'web.flow.actForcerecovery': 'As administrator: dsregcmd /forcerecovery, sign in',
  'web.flow.actLeave': 'As administrator: dsregcmd /leave, restart, sign in',
  'web.flow.actCollect': 'Collect the complete output',
  'web.flow.actEnable': 'Enable the device object (tenant admin)',
  'web.flow.actRefresh': 'Lock and unlock, or sign in again: new PRT',
  'web.flow.stillFailing': 'Still failing: remove every registration until AzureAdJoined and WorkplaceJoined are NO',
  'web.flow.registry': 'Delete the AAD\\Storage key https://login.microsoftonline.com, register again',
  'web.flow.support': 'Still failing: contact support',
  'web.flow.dual': 'dual state: then',
  'web.flow.jump': 'Go to the step: {title}',
  'web.plan.heading': 'What to do',
  'web.plan.stepLabel': 'Step {n}',
  'web.plan.done': 'Done',
  'web.plan.doneLabel': 'Mark step {n} as done: {title}',
  'web.plan.copy': 'Copy',
  'web.plan.copyLabel': 'Copy the command: {command}',
  'web.plan.copied': 'Copied',
  'web.plan.copyFailed': 'Copy failed: select the command and copy it by hand.',
  'web.plan.needs': 'Needs: {who}',
  'web.plan.progress': '{done} of {total} steps done',
  'web.downloads.heading': 'Downloads',
  'web.downloads.markdown': 'Summary for a ticket (Markdown)',
  'web.downloads.json': 'Diagnosis as JSON',
  'web.downloads.script': 'Remediation script (PowerShell; a dry run unless started with -Apply)',
  'web.downloads.redacted': 'Redacted output (IDs and names masked, for sharing)',
  'web.downloads.collect': 'Collection script (PowerShell)',
  'web.input.collectHint': 'No output yet? The collection script gathers it on the affected PC (it only reads):',
  'web.downloads.failed': 'The download could not be made: {message}',
  'web.warnings.heading': 'Notes on the input',

  // --- page: after mode ------------------------------------------------------------------------
  'web.after.heading': '3. "After" mode: did the step work?',
  'web.after.intro':
    'After carrying out a step, run dsregcmd /status again on the PC (as the affected user) and paste or drop the new output here. The output diagnosed above is the "before".',
  'web.after.label': 'Output taken after the step',
  'web.after.placeholder': 'Paste the new dsregcmd /status output here, or drop the file.',
  'web.after.errorLabel': 'Error seen after the step (optional)',
  'web.after.compare': 'Compare',
  'web.after.needBefore': 'Diagnose the "before" output above first.',
  'web.after.verdict': 'Verdict',
  'web.after.none': 'Nothing more to do.',

  // --- examples --------------------------------------------------------------------------------
  'web.example.s01': 'Entra joined PC, device deleted (700003)',
  'web.example.s02': 'Hybrid joined PC, device deleted (700003)',
  'web.example.s05': 'Entra joined PC, device disabled (135011)',
  'web.example.s06': 'After dsregcmd /leave: nothing joined',
  'web.example.s07': 'Healthy Entra joined PC',
  'web.example.s10': 'Hybrid join waiting for the computer to sync (0x801c03f2)',
} as const satisfies Record<string, string>;
