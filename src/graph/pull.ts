import { SIGN_IN_DEVICE_ERRORS } from '../knowledge/meanings.js';
import type { GraphClient } from './client.js';
import { GraphError, type GraphFailure } from './errors.js';

/** The sign-in error codes the fleet analysis looks at (docs/product.md): the table of code meanings' sign-in rows. */
export const DEVICE_ERROR_CODES: readonly number[] = SIGN_IN_DEVICE_ERRORS;

export const DEVICE_SELECT = [
  'id',
  'deviceId',
  'displayName',
  'operatingSystem',
  'operatingSystemVersion',
  'trustType',
  'accountEnabled',
  'approximateLastSignInDateTime',
  'registrationDateTime',
  'isCompliant',
  'isManaged',
  'profileType',
  'systemLabels',
  'physicalIds',
];

export const DEVICE_ACTIVITIES = ['Delete device', 'Disable device', 'Update device'];

export interface GraphQueries {
  devices: string;
  signIns: string;
  nonInteractiveSignIns: string;
  directoryAudits: string;
  /** Soft-deleted devices (preview): beta only. */
  deletedDevices: string;
}

/** The read-only requests, filtered server-side to the codes and the window. */
export function graphQueries(since: Date): GraphQueries {
  const from = since.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const codes = DEVICE_ERROR_CODES.map((c) => `status/errorCode eq ${c}`).join(' or ');
  const q = (path: string, params: Record<string, string>) =>
    `${path}?${Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&')}`;
  return {
    devices: q('v1.0/devices', { $select: DEVICE_SELECT.join(','), $top: '999' }),
    signIns: q('v1.0/auditLogs/signIns', { $filter: `createdDateTime ge ${from} and (${codes})`, $top: '1000' }),
    // v1.0 lists interactive sign-ins; the non-interactive ones are offered by beta's signInEventTypes
    nonInteractiveSignIns: q('beta/auditLogs/signIns', {
      $filter: `createdDateTime ge ${from} and signInEventTypes/any(t: t eq 'nonInteractiveUser') and (${codes})`,
      $top: '1000',
    }),
    directoryAudits: q('v1.0/auditLogs/directoryAudits', {
      $filter: `activityDateTime ge ${from} and (${DEVICE_ACTIVITIES.map((a) => `activityDisplayName eq '${a}'`).join(' or ')})`,
      $top: '999',
    }),
    deletedDevices: q('beta/directory/deletedItems/microsoft.graph.device', { $top: '999' }),
  };
}

export interface PullResult {
  devices: Record<string, unknown>[];
  signIns: Record<string, unknown>[];
  directoryAudits: Record<string, unknown>[];
  /** Deleted devices that can still be restored (device soft delete, preview). */
  deletedDevices: Record<string, unknown>[];
  /** The first request that failed: what was read before it is kept, and the report says so. */
  partial: { dataset: string; failure: GraphFailure; pagesRead: number } | null;
  /** Every failed request (the pull goes on with the next dataset after one fails). */
  failures: { dataset: string; failure: GraphFailure; pagesRead: number }[];
}

/**
 * Read devices, device-error sign-ins (interactive and non-interactive) and device audit events.
 * A request that fails for good keeps the pages already read and the pull goes on with the next
 * dataset; a failed sign-in ends it.
 */
export async function pullFleetData(client: GraphClient, since: Date, options: { nonInteractive?: boolean } = {}): Promise<PullResult> {
  const queries = graphQueries(since);
  const result: PullResult = { devices: [], signIns: [], directoryAudits: [], deletedDevices: [], partial: null, failures: [] };
  const steps: [string, string, Record<string, unknown>[]][] = [
    ['devices', queries.devices, result.devices],
    ['signIns', queries.signIns, result.signIns],
    ...(options.nonInteractive === false
      ? []
      : ([['signIns', queries.nonInteractiveSignIns, result.signIns]] as [string, string, Record<string, unknown>[]][])),
    ['directoryAudits', queries.directoryAudits, result.directoryAudits],
    ['deletedDevices', queries.deletedDevices, result.deletedDevices],
  ];
  const seenSignIns = new Set<string>();
  for (const [dataset, path, into] of steps) {
    let pagesRead = 0;
    try {
      for await (const page of client.pages(dataset, path)) {
        pagesRead++;
        for (const row of page) {
          // an event can come back from both sign-in lists: keep it once
          if (dataset === 'signIns' && typeof row.id === 'string') {
            if (seenSignIns.has(row.id)) continue;
            seenSignIns.add(row.id);
          }
          into.push(row);
        }
      }
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      const failed = { dataset, failure: e.failure, pagesRead };
      result.failures.push(failed);
      result.partial ??= failed;
      // a failed sign-in fails every request alike; anything else may be this dataset's alone
      if (e.failure.kind === 'auth') return result;
    }
  }
  return result;
}
