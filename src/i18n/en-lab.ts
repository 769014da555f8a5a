/** English messages of the lab feature (spread into en.ts). */
export const enLab = {
  'lab.help': `Usage: dsreg-doctor lab <list|run|render|check> [options]

A simulated tenant and Windows PCs that reproduce AADSTS700003 and its neighbours, so you can
replay the failure and the fix without a test tenant, and so every plan dsreg-doctor gives is
proven to heal the device it was made for.

  lab list                      The scenarios (the article's paths first, then the matrix)
  lab run SCENARIO [--full]     Tell the story step by step: what the admin did, what the user
                                sees, the status, what dsreg-doctor says, the fix, the status after
  lab render SCENARIO --step N [--context user|elevated]
                                Just the dsregcmd /status text at step N (paste it into diagnose)
  lab check                     Run every scenario; the last line reads "N scenarios: H healed, F failed"

Options:
  --lang ja|en      Language
  --full            lab run: print the whole dsregcmd /status output at each step
  --out FILE        Write the output to FILE

Exit codes: 0 ok (lab check: every scenario healed), 1 lab check: a scenario failed, 2 bad arguments.`,
  'lab.error.unknownSubcommand': 'Unknown lab command "{sub}". Use one of: list, run, render, check.',
  'lab.error.missingScenario': 'Name a scenario (see `dsreg-doctor lab list`).',
  'lab.error.unknownScenario': 'There is no scenario "{id}". `dsreg-doctor lab list` shows them all.',
  'lab.error.badStep': 'Step "{step}" does not exist in this scenario: use a number from 0 to {max}.',
  'lab.error.missingStep': 'lab render needs --step N (0 is the healthy PC; lab run shows the numbers).',

  // --- list ----------------------------------------------------------------------------------------
  'lab.list.stories': 'Story scenarios (the article, step by step):',
  'lab.list.matrix': 'Matrix scenarios ({count}): join state · Windows · MDM · automatic registration · leftover key · how the object was lost',
  'lab.list.hint': 'Run one with: dsreg-doctor lab run SCENARIO',
  'lab.list.tenant': 'Tenant scenario (many PCs; a stale-device cleanup done two ways):',
  // --- the cleanup scenario (#17) ------------------------------------------------------------------
  'lab.cleanup.title': 'Stale-device cleanup in one tenant: the staged cleanup, or "delete everything inactive for {days} days" in one step',
  'lab.cleanup.tenant':
    'Contoso: {total} PCs: {daily} in daily use, {idle} unused for months, {returning} unused for months whose users come back (leave, a spare laptop handed out). Among them: {autopilot} Autopilot, {hybrid} hybrid joined, {bitlocker} whose BitLocker keys are not backed up.',
  'lab.cleanup.staged': 'A. The staged cleanup: dsreg-doctor cleanup --stale-days {days} (grace period {grace} days), stage 2 once a week',
  'lab.cleanup.stage1': '{date} stage 1: {candidates} candidates; disabled {disable}: {devices}; held back {held}:',
  'lab.cleanup.stage2': '{date} stage 2 (watch): re-enabled {count}: {devices}',
  'lab.cleanup.stage3': '{date} stage 3: deleted {count}: {devices} (the logs show {broken} of them in use)',
  'lab.cleanup.failures': '  What the users saw:',
  'lab.cleanup.failure': '    {user} ({device}): {code}, {from} to {to} ({count} sign-ins)',
  'lab.cleanup.stagedResult':
    'Result: {users700003} users saw AADSTS700003. {users135011} users saw AADSTS135011 while their PC was disabled, for {days} days at most, until stage 2 enabled it again. fleet over the whole sign-in log finds {fleet} devices with AADSTS700003.',
  'lab.cleanup.oneStep': 'B. The same tenant on the same day: every device inactive for {days} days (approximateLastSignInDateTime) deleted in one step',
  'lab.cleanup.deleted': '{date} deleted {count}: {devices}',
  'lab.cleanup.oneStepResult': 'Result: {users} users saw AADSTS700003, on {count} PCs: {devices}',
  'lab.cleanup.fleet': 'dsreg-doctor fleet over the sign-in log downloaded on {date}: {count} devices with AADSTS700003, {verdict}.',
  'lab.cleanup.fleetSame': 'exactly the PCs whose users saw it',
  'lab.cleanup.fleetDifferent': 'NOT the PCs whose users saw it',

  'lab.dim.join.registered': 'Entra registered',
  'lab.dim.join.joined': 'Entra joined',
  'lab.dim.join.hybrid': 'hybrid joined',
  'lab.dim.join.dual-hybrid': 'hybrid joined + registered (dual state)',
  'lab.dim.join.dual-joined': 'Entra joined + registered (dual state)',
  'lab.dim.era.1607': 'Windows 10 1607',
  'lab.dim.era.1809': 'Windows 10 1809',
  'lab.dim.era.21h2': 'Windows 10 21H2 and later',
  'lab.dim.era.w11': 'Windows 11',
  'lab.dim.mdm.none': 'no MDM',
  'lab.dim.mdm.known': 'in Intune (admin knows)',
  'lab.dim.mdm.unknown': 'in Intune (admin does not know)',
  'lab.dim.policy.on': 'auto-registration on',
  'lab.dim.policy.off': 'auto-registration off (not known)',
  'lab.dim.policy.off-known': 'auto-registration off (known)',
  'lab.dim.key.yes': 'leftover AAD\\Storage key',
  'lab.dim.key.no': 'no leftover key',
  'lab.dim.loss.deleted': 'object deleted',
  'lab.dim.loss.disabled': 'object disabled',
  'lab.dim.loss.unscoped': 'OU dropped from sync scope',

  // --- story scenarios -----------------------------------------------------------------------------
  'lab.scenario.article-registered.title': 'Article path 1: an Entra registered PC (WorkplaceJoined YES)',
  'lab.scenario.article-registered.intro':
    'A Windows 11 PC whose user connected a work account in Settings. A stale-device cleanup deletes its device object; on Monday Edge and Office show 700003. The fix: Disconnect the work account, then Connect it again.',
  'lab.scenario.article-joined.title': 'Article path 2: an Entra joined PC (AzureAdJoined YES only)',
  'lab.scenario.article-joined.intro':
    'A Windows 11 PC joined to Entra ID. An admin deletes its device object. The user tries dsregcmd /forcerecovery in a normal prompt and gets an error, as the article shows; the helpdesk runs it elevated, the user signs in, and after signing out and in everything works.',
  'lab.scenario.article-hybrid.title': 'Article path 3: a hybrid joined PC (DomainJoined and AzureAdJoined YES)',
  'lab.scenario.article-hybrid.intro':
    'A domain-joined Windows 10 PC, hybrid joined through Entra Connect. An admin deletes the device object in Entra ID; Entra Connect re-creates it as Pending, which does not help. The fix: elevated dsregcmd /leave, restart, sign in; the PC registers itself again after the next sync.',
  'lab.scenario.article-still-failing.title': 'Article path 4: still failing after re-registration (the AAD\\Storage key)',
  'lab.scenario.article-still-failing.intro':
    "A hybrid joined PC that was Entra registered before its hybrid join: the user's HKCU AAD\\Storage\\https://login.microsoftonline.com key is a leftover. After /leave and re-registration the PRT is fine but apps still show 700003; undoing the join, deleting the key and registering again fixes it.",
  'lab.scenario.article-mdm-retire.title': 'Article path 5: the MDM enrolment blocks Disconnect (retire in Intune)',
  'lab.scenario.article-mdm-retire.intro':
    "An Entra registered PC that the user also enrolled in Intune. Disconnect is refused while the enrolment is there; following the plan's caveat, the admin retires the device in Intune, and Disconnect and Connect then work.",
  'lab.scenario.policy-disabled-hybrid.title': 'Hybrid re-registration with automatic registration disabled by policy',
  'lab.scenario.policy-disabled-hybrid.intro':
    'A hybrid joined PC in an organisation that later turned off "Register domain joined computers as devices". After /leave and a restart the PC does not come back; the plan\'s conditional step has the admin check the policy, and once it is allowed again the PC registers.',
  'lab.scenario.disabled-not-deleted.title': 'Disabled, not deleted: 135011 (enable, never re-register)',
  'lab.scenario.disabled-not-deleted.intro':
    'An Entra joined PC whose device object a cleanup job disabled. The PRT renewal fails with AADSTS135011. The object still exists: enabling it and getting a fresh PRT is the whole fix, and re-registering would be wrong.',
  'lab.scenario.hybrid-out-of-sync-scope.title': 'A hybrid PC whose OU was dropped from the sync scope',
  'lab.scenario.hybrid-out-of-sync-scope.intro':
    "An OU filtering change in Entra Connect removes the PC's OU; the next sync deletes its device object. /leave alone cannot bring it back: the admin must put the OU back in scope, then the PC registers again.",
  'lab.scenario.dual-state-hybrid.title': 'Dual state: hybrid joined and registered, on Windows 10 1809',
  'lab.scenario.dual-state-hybrid.intro':
    'A PC whose user connected a work account before the hybrid join completed, enrolled in Intune (the admin knows). The hybrid object is deleted. The plan removes the extra registration, retires the device in Intune, then rebuilds the hybrid join.',
  'lab.scenario.disabled-ambiguous-status.title': 'Disabled, but the status alone cannot tell (DeviceAuthStatus only)',
  'lab.scenario.disabled-ambiguous-status.intro':
    'An Entra joined PC disabled shortly after its PRT was renewed: no PRT attempt has failed yet, so the output shows only "DeviceAuthStatus : FAILED. Device is either disabled or deleted", and the user did not note the error code. The plan must find out which it is before rebuilding anything: a disabled object is enabled, never re-registered.',
  'lab.scenario.old-windows-1607.title': 'An old Windows 10 1607 hybrid PC (old output format)',
  'lab.scenario.old-windows-1607.intro':
    'The 1607 output has no DeviceAuthStatus and no PRT diagnostics: the only evidence of 700003 is what the user saw. The helpdesk passes that error to dsreg-doctor, which then gives the hybrid remedy. Because the output cannot show the join failing (a PRT is still cached), the admin center confirms first that the object is gone, then /leave.',
  'lab.scenario.stale-registration-hybrid.title': 'Hybrid joined and healthy; the stale Entra registration next to it is deleted',
  'lab.scenario.stale-registration-hybrid.intro':
    "The user connected a work account before the hybrid join completed (dual state). A cleanup deletes that registration's device object; the join is fine. Outlook, signed in with the work account, shows 700003; the error page's Device identifier is the WorkplaceDeviceId. Only that registration is disconnected; no reconnect (the join covers the tenant), no /leave.",
  'lab.scenario.stale-registration-needs-device-id.title': "The same, with only the error text: the tenant is the join's own",
  'lab.scenario.stale-registration-needs-device-id.intro':
    "The error names the join's own tenant and the join is healthy: that alone does not make the other registration the failing one. dsreg-doctor asks for the error page's Device identifier first, then disconnects only the registration it names.",
  'lab.scenario.partner-tenant-work-account.title': "Entra joined to one tenant, a partner tenant's work account deleted",
  'lab.scenario.partner-tenant-work-account.intro':
    "The PC is Entra joined to the user's own tenant and holds a work account of a partner organisation. The partner deletes its device object; the error names the partner tenant. Only that work account is disconnected and connected again (the partner's apps need it); the healthy join is not touched.",
  'lab.scenario.output-taken-as-system.title': 'The output was taken as SYSTEM, and the stale registration fails',
  'lab.scenario.output-taken-as-system.intro':
    "The helpdesk ran dsregcmd /status through a remote tool, as SYSTEM: the output shows a healthy join and no user at all. dsreg-doctor changes nothing and asks for the user's own run, then for the error page's Device identifier, and only then disconnects the stale registration.",
  'lab.scenario.healthy-while-other-device-fails.title': "A healthy PC, and another device's error page",
  'lab.scenario.healthy-while-other-device-fails.intro':
    "The user sends this PC's output with a 700003 error page from another device (its Device identifier is not on this PC). dsreg-doctor says this output does not show the failure and asks for what decides it; nothing on this PC is changed.",

  // --- points of the story -----------------------------------------------------------------------
  'lab.point.healthy': 'Everything works',
  'lab.point.loss.deleted': 'The device object is deleted ({actor})',
  'lab.point.loss.disabled': 'The device object is disabled ({actor})',
  'lab.point.loss.unscoped': "The PC's OU is dropped from the Entra Connect sync scope",
  'lab.point.symptom.sign-in': 'Monday morning: the user signs in and opens the apps',
  'lab.point.symptom.unlock': 'Monday morning: the user unlocks the PC and opens the apps',
  'lab.point.step': 'Plan step: {step}',
  'lab.point.allNo': 'Check point: AzureAdJoined and WorkplaceJoined are both NO',

  'lab.actor.admin': 'an administrator',
  'lab.actor.cleanup': 'a stale-device cleanup job',
  'lab.actor.sync': 'Entra Connect sync',
  'lab.actor.user': 'the user',
  'lab.actor.helpdesk': 'the helpdesk',
  'lab.actor.windows': 'Windows (system)',
  'lab.actor.entra': 'Entra ID (service)',
  'lab.actor.mdm': 'Intune (MDM)',

  // --- events --------------------------------------------------------------------------------------
  'lab.event.syncCreatedPending': 'Created device object {deviceId} from computer {computer} (state: Pending until the PC completes registration).',
  'lab.event.syncDeletedStale': 'Deleted device object {deviceId}: its certificate is no longer on computer {computer}.',
  'lab.event.syncDeletedOutOfScope': 'Deleted device object {deviceId}: computer {computer} is no longer in the sync scope.',
  'lab.event.syncEnabled': 'Enabled device object {deviceId} (computer {computer} is enabled on-premises).',
  'lab.event.syncDisabled': 'Disabled device object {deviceId} (computer {computer} is disabled on-premises).',
  'lab.event.deltaSync': 'Ran a delta sync on the Entra Connect server (Start-ADSyncSyncCycle -PolicyType Delta).',
  'lab.event.objectDeleted': 'Deleted device {name} ({trustType}, DeviceId {deviceId}) in Entra ID.',
  'lab.event.objectDisabled': 'Disabled device {name} (DeviceId {deviceId}) in Entra ID.',
  'lab.event.objectEnabled': 'Enabled device {name} (DeviceId {deviceId}) in the Entra admin center.',
  'lab.event.computerEnabled': 'Enabled computer account {computer} in Active Directory.',
  'lab.event.computerDisabled': 'Disabled computer account {computer} in Active Directory.',
  'lab.event.ouAddedToScope': 'Added {ou} back to the Entra Connect sync scope.',
  'lab.event.ouRemovedFromScope': 'Removed {ou} from the Entra Connect sync scope (domain and OU filtering).',
  'lab.event.autoRegistrationEnabled': 'Set "Register domain joined computers as devices" back to Not Configured (automatic registration allowed).',
  'lab.event.autoRegistrationDisabled': 'Set the Group Policy "Register domain joined computers as devices" to Disabled.',
  'lab.event.mdmRetired': 'Retired the device in Intune; the enrolment is removed at its next check-in.',
  'lab.event.mdmEnrolled': 'The PC enrolled in Intune (automatic enrolment) and reports compliant.',
  'lab.event.connectBlockedByPolicy': 'Connect was refused: BlockAADWorkplaceJoin prevents Entra registration on this domain-joined PC.',
  'lab.event.workAccountConnected': 'Connected the work account {upn} in Settings > Accounts > Access work or school: new registration, DeviceId {deviceId}.',
  'lab.event.disconnectBlockedByMdm': 'Disconnect was refused: the account is managed by the organisation (the Intune enrolment made with it is still there).',
  'lab.event.workAccountDisconnected': 'Disconnected the work account (registration {deviceId} removed from the PC).',
  'lab.event.entraJoined': 'Joined the PC to Entra ID: new device object, DeviceId {deviceId}.',
  'lab.event.forcerecoveryNotElevated':
    'Ran dsregcmd /forcerecovery in a normal Command Prompt: it failed with an error because it must run as an administrator.',
  'lab.event.forcerecoveryBlockedByMdm': 'dsregcmd /forcerecovery could not re-join: the device is still enrolled in the MDM.',
  'lab.event.forcerecoveryStarted':
    'Ran dsregcmd /forcerecovery as administrator: the old join ({deviceId}) was removed and the sign-in window opened; the user chose Sign in.',
  'lab.event.leaveNotElevated': 'Ran dsregcmd /leave without elevation: refused (administrator rights needed).',
  'lab.event.leaveBlockedByMdm': 'dsregcmd /leave was refused while the MDM enrolment made with this join is there.',
  'lab.event.left': 'Ran dsregcmd /leave as administrator: the join {deviceId} was removed from the PC.',
  'lab.event.keyNotPresent':
    'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage has no https://login.microsoftonline.com key: nothing to delete.',
  'lab.event.keyDeleted': 'Exported, then deleted HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AAD\\Storage\\https://login.microsoftonline.com.',
  'lab.event.keyLeftover':
    "The user's AAD\\Storage\\https://login.microsoftonline.com key is left over from an earlier registration: Windows no longer updates it, and it keeps presenting device {deviceId}.",
  'lab.event.taskDisabledByPolicy': 'Automatic-Device-Join did nothing: automatic registration is disabled by policy.',
  'lab.event.taskPublishedCertificate':
    "Automatic-Device-Join made new keys and wrote the certificate (DeviceId {deviceId}) to computer {computer}'s userCertificate.",
  'lab.event.hybridRegistered': 'Hybrid join completed: DeviceId {deviceId} registered with Entra ID.',
  'lab.event.hybridWaitingForSync': 'Hybrid join attempt failed with 0x801c03f2: Entra ID has no object {deviceId} yet (waiting for Entra Connect).',
  'lab.event.signedIn': 'Signed in to Windows as {upn}.',
  'lab.event.signedOut': 'Signed out.',
  'lab.event.rebooted': 'Restarted the PC.',
  'lab.event.locked': 'Locked the PC.',
  'lab.event.unlocked': 'Unlocked the PC.',
  'lab.event.refreshPrt': 'Ran dsregcmd /refreshprt as the user.',
  'lab.event.prtIssued': 'Issued a PRT for device {deviceId}.',
  'lab.event.prtRenewed': 'Renewed the PRT for device {deviceId}.',
  'lab.event.prtAcquireFailed': 'Refused a PRT for device {deviceId}: {code}.',
  'lab.event.prtRefreshFailed': 'Refused to renew the PRT for device {deviceId}: {code}.',
  'lab.event.openedApps': 'Opened Edge, Teams and Outlook: {failed} of 3 failed ({codes}).',
  'lab.event.collectedAgain': 'Collected dsregcmd /status again.',
  'lab.event.mdmBlockShown':
    "The blocked step showed that the device is managed by the organisation (MDM enrolment): took the plan's fallback, retire in the MDM, then repeated the step.",
  'lab.event.confirmed.missing': 'Searched DeviceId {deviceId} in the Entra admin center: not found (deleted).',
  'lab.event.confirmed.disabled': 'Searched DeviceId {deviceId} in the Entra admin center: found, disabled.',
  'lab.event.confirmed.present': 'Searched DeviceId {deviceId} in the Entra admin center: found and enabled.',
  'lab.event.policyCheckedOk': 'Checked the policy, the Automatic-Device-Join task and the sync scope: all as required.',
  'lab.event.objectNotFound': 'Searched DeviceId {deviceId} in the Entra admin center: no such device.',
  'lab.event.checkedNothingWrong': 'Checked ({step}): nothing wrong in this lab.',

  // --- skipped steps and notes -----------------------------------------------------------------------
  'lab.skip.notEnrolled': 'Skipped: the PC is not enrolled in an MDM.',
  'lab.skip.notBlockedByMdm': 'Skipped: nothing was blocked by the MDM enrolment (retiring is only the fallback).',
  'lab.skip.notDomainJoined': 'Skipped: the PC is not domain joined.',
  'lab.skip.cameBack': 'Skipped: the condition does not hold (the PC registered again by itself).',
  'lab.skip.noNetworkProblem': 'Skipped: the condition does not hold (no network problem).',
  'lab.skip.confirmedDisabled': 'Skipped: the object was confirmed to be only disabled.',
  'lab.skip.confirmedPresent': 'Skipped: the object was found and enabled, so this join is not the one that fails.',
  'lab.skip.confirmedNotDisabled': 'Skipped: the object was confirmed not to be disabled.',
  'lab.skip.noWorkAccount': 'Skipped: there is no work account to disconnect.',
  'lab.skip.alreadyConnected': 'Skipped: the work account is already connected.',
  'lab.note.retiredFirst': 'Blocked by the Intune enrolment at first; as the plan says, the device was retired in Intune and the step done again.',
  'lab.note.blocked.mdm': 'Blocked by the MDM enrolment, and the plan does not say to retire the device.',
  'lab.note.blocked.needs-elevation': 'Refused: administrator rights are needed.',
  'lab.note.blocked.policy-block': 'Refused by policy (BlockAADWorkplaceJoin).',
  'lab.note.blocked.not-applicable': 'Not possible in the state the PC is in.',
  'lab.note.blocked.no-object': 'There is no such device object.',
  'lab.note.blocked.not-enrolled': 'The PC is not enrolled.',

  // --- failures --------------------------------------------------------------------------------------
  'lab.fail.baseline': 'The healthy PC is not healthy (a bug in the lab model); error findings: {findings}.',
  'lab.fail.notBroken': 'Losing the object did not break the PC (a bug in the lab model).',
  'lab.fail.touchedHealthy': 'A plan touched a registration the output shows healthy ({detail}).',
  'lab.fail.contactSupport': 'The plan reached "contact support" (point {n}) with the device still failing.',
  'lab.fail.blocked': 'The step could not be carried out ({reason}).',
  'lab.fail.exhausted': 'Every step of the plan was taken and the device still fails. Plan: {steps}.',
  'lab.fail.finalCheck': 'The simulation is healthy but the status does not show it: {problems}.',

  // --- lab run -------------------------------------------------------------------------------------
  'lab.run.header': '{title}\nScenario: {id}',
  'lab.run.happened': 'What happened:',
  'lab.run.userSees': 'What the user sees:',
  'lab.run.appOk': '{app}: signed in without a password prompt.',
  'lab.run.appOkNoSso': '{app}: works, but asks for the password (no device sign-on).',
  'lab.run.appFailed': '{app}: error page — {message}',
  'lab.run.status': 'dsregcmd /status as the user (key lines; the whole output: dsreg-doctor lab render {id} --step {n}):',
  'lab.run.statusFull': 'dsregcmd /status as the user:',
  'lab.run.statusSystem': 'dsregcmd /status as SYSTEM, as the helpdesk got it (key lines; the whole output: dsreg-doctor lab render {id} --step {n}):',
  'lab.run.statusFullSystem': 'dsregcmd /status as SYSTEM, as the helpdesk got it:',
  'lab.run.says': 'What dsreg-doctor says:',
  'lab.run.knownPolicyOff': 'The admin also told dsreg-doctor that automatic registration is disabled by policy.',
  'lab.run.nothingWrong': 'No problem found.',
  'lab.run.plan': 'The plan:',
  'lab.run.flagAdmin': ' [admin]',
  'lab.run.flagConditional': ' [only if needed]',
  'lab.run.fix': 'The fix being carried out: {title}',
  'lab.run.why': 'Why: {why}',
  'lab.run.outcome.done': 'Done.',
  'lab.run.outcome.done-after-retire': 'Done (after retiring the device in Intune).',
  'lab.run.outcome.skipped': 'Not taken.',
  'lab.run.outcome.blocked': 'Could not be done.',
  'lab.run.outcome.reached': 'The plan has reached its last step.',
  'lab.run.healed':
    'Result: healed after the step "{step}". The PC has a PRT, DeviceAuthStatus SUCCESS where Windows prints it, and Edge, Teams and Outlook sign in.',
  'lab.run.failed': 'Result: NOT healed — at {step}: {reason}\nState: {state}',
  'lab.run.noStoryIntro': 'A matrix scenario: {title}.',

  // --- lab check -----------------------------------------------------------------------------------
  'lab.check.failure': 'FAILED {id}: at {step}: {reason}\n  state: {state}',
  'lab.check.summary': 'Checked {total} scenarios ({stories} story, {matrix} matrix) in {seconds} s.',
  'lab.check.cleanup':
    'cleanup: the staged cleanup: {staged} users saw AADSTS700003; the one-step delete: {oneStep} PCs with AADSTS700003, fleet finds {found}.',
  // --- restore first (#18) -----------------------------------------------------------------------
  'lab.scenario.restore-joined-within-30-days.title': 'Restore first: an Entra joined PC deleted 3 days ago',
  'lab.scenario.restore-joined-within-30-days.intro':
    'The tenant keeps deleted devices (device soft delete, preview). An admin deleted an Entra joined PC on Friday; on Monday the helpdesk finds it in the deleted items and restores it. The user signs out and in: the same DeviceId works again, nothing on the PC is touched.',
  'lab.scenario.restore-registered-within-30-days.title': 'Restore first: a work account registration deleted by a cleanup job',
  'lab.scenario.restore-registered-within-30-days.intro':
    'A cleanup job deleted an Entra registered device. It is still in the deleted items, so restoring it brings the same WorkplaceDeviceId back; the user does not need to disconnect and reconnect the work account.',
  'lab.scenario.restore-joined-after-30-days.title': 'Too late to restore: an Entra joined PC deleted 31 days ago',
  'lab.scenario.restore-joined-after-30-days.intro':
    'The ticket arrives a month after the deletion: the object has been deleted permanently. The restore finds nothing, and only re-joining the PC (dsregcmd /forcerecovery) works.',
  'lab.scenario.restore-registered-after-30-days.title': 'Too late to restore: a registered device deleted 31 days ago',
  'lab.scenario.restore-registered-after-30-days.intro':
    'After 30 days the deleted items no longer hold the registration: the work account is disconnected and connected again.',
  'lab.scenario.restore-hybrid-hard-deleted.title': 'No restore for hybrid joined devices',
  'lab.scenario.restore-hybrid-hard-deleted.intro':
    'Even where the tenant keeps deleted devices, a hybrid joined object is deleted for good: the plan does not offer a restore, and the PC leaves and registers again (Entra Connect re-creates the object, first as Pending).',
  'lab.scenario.restore-not-for-disabled.title': 'A disabled device is enabled, not restored',
  'lab.scenario.restore-not-for-disabled.intro':
    'The tenant keeps deleted devices, but this object was only disabled: it is still in All devices. The plan enables it; no restore and no re-registration.',
  'lab.event.objectSoftDeleted': 'Entra ID moved DeviceId {deviceId} to the deleted items (restorable for 30 days).',
  'lab.event.deletedItemPurged': 'Entra ID deleted DeviceId {deviceId} permanently (30 days in the deleted items).',
  'lab.event.notInDeletedItems': 'DeviceId {deviceId} is not in the deleted items: it cannot be restored.',
  'lab.event.objectRestored': 'Restored DeviceId {deviceId} from the deleted items ({days} days after its deletion).',
  'lab.event.recoveryArmed': 'Started recovery of DeviceId {deviceId} without completing the sign-in (AadRecoveryEnabled : YES).',
  'lab.skip.notRestorable': 'Not restorable: the object is not in the deleted items; continuing with the steps on the PC.',
  'lab.fail.healedByOther': 'Healed after {actual}, but this scenario must heal after {expected}.',
  'lab.fail.otherDevice': "Another device's error on this healthy PC: {problem}.",
  'lab.fail.restoreNotApplicable': 'The plan offers a restore for a device that cannot be restored (hybrid joined, or not deleted).',
  'lab.fail.restoreNotFirst': 'The restore is in the plan but not its first step.',
  'lab.fail.restoreMissing': 'A deleted Entra joined or registered device, and the plan does not offer the restore.',
  'lab.check.verifyFailure': 'FAILED {id}: {problem}',
  'lab.check.verifySummary': 'verify: {ok} of {total} half-done or wrong fixes got the right verdict and were healed by its next step.',
  'lab.check.harmViolation': 'HARM {id}: {detail}',
  'lab.check.harmSummary': 'no harm: {applied} plan steps applied, {violations} changed a registration that was not failing.',
} as const satisfies Record<string, string>;
