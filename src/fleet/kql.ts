import type { Translate } from '../i18n/format.js';
import { DEVICE_CAUSES, type DeviceCause } from '../contract/codes.js';
import { CODE_MEANINGS } from '../knowledge/meanings.js';
import { DEVICE_ERROR_CODES } from './types.js';

/**
 * The same analysis as KQL for Log Analytics / Azure Monitor: for tenants whose logs are too
 * big to export, the queries run where the data already is (the scale-out path). Column and
 * table names are those of shared/docs/domain/06 §4; DeviceDetail is dynamic in SigninLogs
 * and a string in AADNonInteractiveUserSignInLogs, so each union leg normalises it.
 */

export interface KqlOptions {
  /** Look-back window in days. */
  days: number;
  /** Device ids of a planned cleanup, for the cleanup-impact query. */
  plannedDeviceIds?: string[];
  /** Object ids the plan listed (cannot be resolved in Log Analytics; only counted). */
  plannedObjectIds?: number;
  staleDays?: number;
}

/** At most this many ids go into a `dynamic([...])` literal; more belong in a watchlist. */
export const MAX_INLINE_IDS = 2000;

const kqlString = (s: string) =>
  `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]/g, ' ')}"`;

/** Comment lines: every line of a (localised) text prefixed with `// `. */
const comment = (text: string) =>
  text
    .split('\n')
    .map((l) => `// ${l}`.trimEnd())
    .join('\n');

/**
 * Fleet's cause as a KQL `case`: one branch per cause, most serious first, from the table of
 * code meanings; the last cause is the default (the inventory and audit refinements of 50155
 * are fleet's, not the query's).
 */
function causeCases(): string {
  const fallback = DEVICE_CAUSES[DEVICE_CAUSES.length - 1] as DeviceCause;
  const lines: string[] = [];
  for (const cause of DEVICE_CAUSES) {
    if (cause === fallback) continue;
    const codes = CODE_MEANINGS.filter((m) => m.signIn && m.cause === cause).map((m) => `set_has_element(ErrorCodes, "${m.code}")`);
    if (codes.length) lines.push(`    ${codes.join(' or ')}, "${cause}",`);
  }
  lines.push(`    "${fallback}"`);
  return lines.join('\n');
}

// long: mostly the KQL text itself, kept as an admin reads it in Log Analytics
export function fleetKql(options: KqlOptions, t: Translate): string {
  const codes = DEVICE_ERROR_CODES.map((c) => `"${c}"`).join(', ');
  const days = Math.max(1, Math.floor(options.days));
  const prelude = `let lookback = ${days}d;
let DeviceErrors = dynamic([${codes}]);
let SignIns = materialize(
    union withsource=SourceTable
        (SigninLogs | extend DD = DeviceDetail),
        (AADNonInteractiveUserSignInLogs | extend DD = todynamic(DeviceDetail))
    | where TimeGenerated > ago(lookback)
    | extend DeviceId = tolower(tostring(DD.deviceId)), DeviceName = tostring(DD.displayName),
             TrustType = tostring(DD.trustType), OS = tostring(DD.operatingSystem)
    | extend DeviceId = iff(DeviceId == "00000000-0000-0000-0000-000000000000", "", DeviceId));`;

  // the audit log's device activities are "Delete device" and "Update device" (a disable is an
  // update of AccountEnabled to false); the delete event's AdditionalDetails carry the device id
  const deletions = `let DeviceEvents = AuditLogs
    | where TimeGenerated > ago(lookback)
    | where OperationName in ("Delete device", "Update device")
    | where Result =~ "success"
    | extend Target = TargetResources[0]
    | where tostring(Target.type) =~ "Device"
    | mv-apply Prop = Target.modifiedProperties on (
        summarize Disabled = countif(tostring(Prop.displayName) == "AccountEnabled" and tostring(Prop.newValue) has "false") > 0)
    | where OperationName == "Delete device" or Disabled
    | mv-apply Detail = AdditionalDetails on (
        summarize DetailDeviceId = take_anyif(tostring(Detail.value), tostring(Detail.key) =~ "DeviceId"),
                  DetailTrustType = take_anyif(tostring(Detail.value), tostring(Detail.key) =~ "DeviceTrustType"))
    | extend Action = iff(OperationName == "Delete device", "delete", "disable"),
             Actor = coalesce(tostring(InitiatedBy.user.userPrincipalName), tostring(InitiatedBy.app.displayName)),
             ObjectId = tostring(Target.id), DeviceName = tostring(Target.displayName),
             DeviceId = tolower(DetailDeviceId), TrustType = DetailTrustType
    | project TimeGenerated, Action, Actor, ObjectId, DeviceId, DeviceName, TrustType;`;

  const sections: string[] = [];
  sections.push(comment(t('fleet.kql.header', { days })));

  sections.push(`${comment(t('fleet.kql.affected'))}
${prelude}
SignIns
| where ResultType in (DeviceErrors) and isnotempty(DeviceId)
| summarize FailureCount = count(), ErrorCodes = make_set(strcat("AADSTS", ResultType)),
            Users = make_set(UserPrincipalName, 50), UserCount = dcount(UserPrincipalName),
            Apps = make_set(AppDisplayName, 50),
            FirstFailure = min(TimeGenerated), LastFailure = max(TimeGenerated),
            DeviceName = take_anyif(DeviceName, isnotempty(DeviceName)),
            TrustType = take_anyif(TrustType, isnotempty(TrustType)),
            OS = take_anyif(OS, isnotempty(OS))
          by DeviceId
| join kind=leftouter (
    SignIns
    | where ResultType == "0" and isnotempty(DeviceId)
    | summarize LastSuccess = max(TimeGenerated) by DeviceId
  ) on DeviceId
| project-away DeviceId1
| extend Recovered = isnotnull(LastSuccess) and LastSuccess > LastFailure
| extend Cause = case(
${causeCases()})
| order by FailureCount desc`);

  sections.push(`${comment(t('fleet.kql.byDay'))}
${prelude}
SignIns
| where ResultType in (DeviceErrors)
| summarize Failures = count() by Day = bin(TimeGenerated, 1d), ErrorCode = strcat("AADSTS", ResultType)
| order by Day asc`);

  sections.push(`${comment(t('fleet.kql.withoutDevice'))}
${prelude}
SignIns
| where ResultType in (DeviceErrors) and isempty(DeviceId)
| summarize Failures = count(), Users = dcount(UserPrincipalName) by ErrorCode = strcat("AADSTS", ResultType), AppDisplayName
| order by Failures desc`);

  sections.push(`${comment(t('fleet.kql.deletions'))}
let lookback = ${days}d;
${deletions}
DeviceEvents
| order by TimeGenerated desc`);

  sections.push(`${comment(t('fleet.kql.actors'))}
let lookback = ${days}d;
${deletions}
DeviceEvents
| summarize Deletes = countif(Action == "delete"), Disables = countif(Action == "disable"), Devices = dcount(ObjectId) by Actor
| order by Deletes + Disables desc
| take 10`);

  sections.push(`${comment(t('fleet.kql.affectedWithDeletions'))}
${prelude}
${deletions}
SignIns
| where ResultType in (DeviceErrors) and isnotempty(DeviceId)
| summarize FailureCount = count(), LastFailure = max(TimeGenerated), DeviceName = take_anyif(DeviceName, isnotempty(DeviceName)) by DeviceId
// by device id first; by name only for a device no event names by id, and only a name one object carries
| join kind=leftouter (DeviceEvents | where isnotempty(DeviceId) | summarize arg_max(TimeGenerated, Action, Actor, ObjectId, TrustType) by DeviceId) on DeviceId
| project-away DeviceId1
| extend NameKey = tolower(DeviceName)
| join kind=leftouter (
    DeviceEvents
    | where isnotempty(DeviceName)
    | extend NameKey = tolower(DeviceName)
    | summarize arg_max(TimeGenerated, Action, Actor, ObjectId, TrustType), Objects = dcount(ObjectId) by NameKey
  ) on NameKey
| extend ByName = isempty(Action) and isnotempty(Action1) and Objects == 1
| project DeviceId, DeviceName, FailureCount, LastFailure,
          Action = iff(ByName, Action1, Action), DeletedBy = iff(ByName, Actor1, Actor), DeletedAt = iff(ByName, TimeGenerated1, TimeGenerated),
          ObjectId = iff(ByName, ObjectId1, ObjectId), TrustType = iff(ByName, TrustType1, TrustType),
          MatchedBy = case(ByName, "name", isnotempty(Action), "deviceId", "")
| order by FailureCount desc`);

  const planned = options.plannedDeviceIds ?? [];
  if (planned.length > 0) {
    const shown = planned.slice(0, MAX_INLINE_IDS);
    const lines: string[] = [comment(t('fleet.kql.cleanupPlanned', { count: planned.length }))];
    if (planned.length > shown.length) lines.push(comment(t('fleet.kql.cleanupTooMany', { shown: shown.length, count: planned.length })));
    if (options.plannedObjectIds) lines.push(comment(t('fleet.kql.cleanupObjectIds', { count: options.plannedObjectIds })));
    const idList = shown.map(kqlString).join(',\n    ');
    sections.push(`${lines.join('\n')}
${prelude}
let Planned = dynamic([
    ${idList}]);
SignIns
| where isnotempty(DeviceId) and DeviceId in (Planned)
| summarize LastSuccess = maxif(TimeGenerated, ResultType == "0"), LastFailure = maxif(TimeGenerated, ResultType in (DeviceErrors)),
            Users = make_set_if(UserPrincipalName, ResultType == "0", 20), TrustType = take_anyif(TrustType, isnotempty(TrustType)) by DeviceId
| extend Risk = case(isnotnull(LastSuccess), "high", TrustType has "hybrid", "medium", "low")
| order by LastSuccess desc`);
  } else {
    sections.push(`${comment(t('fleet.kql.cleanupActive', { days: options.staleDays ?? 90 }))}
${prelude}
SignIns
| where ResultType == "0" and isnotempty(DeviceId)
| summarize LastSuccess = max(TimeGenerated), Users = make_set(UserPrincipalName, 20),
            TrustType = take_anyif(TrustType, isnotempty(TrustType)), DeviceName = take_anyif(DeviceName, isnotempty(DeviceName)) by DeviceId
| order by LastSuccess desc`);
  }
  return `${sections.join('\n\n')}\n`;
}
