import { analyzeFleet, type FleetOptions, type FleetReport, memorySource } from '../fleet/fleet.js';
import { type GraphAuth, tokenSource } from './auth.js';
import { GraphClient, type GraphProgress } from './client.js';
import { CLOUDS, type CloudName } from './clouds.js';
import { type PullResult, pullFleetData } from './pull.js';

export interface GraphFleetOptions {
  auth: GraphAuth;
  cloud: CloudName;
  /** Override of the Graph root (proxies, tests). */
  graphBase?: string;
  /** Override of the login origin MSAL talks to (tests, proxies). */
  loginBase?: string;
  /** Start of the sign-in and audit window. */
  since: Date;
  nonInteractive?: boolean;
  onProgress?: (p: GraphProgress) => void;
  /** Everything else the fleet analysis takes (statuses, planned deletions, stale days, …). */
  fleet?: Omit<FleetOptions, 'inputs'>;
  /** For tests: fetch and sleep of the Graph client. */
  client?: Partial<Pick<ConstructorParameters<typeof GraphClient>[0], 'fetch' | 'sleep' | 'random' | 'maxRetries'>>;
}

export interface GraphFleetResult {
  report: FleetReport;
  pulled: { devices: number; signIns: number; directoryAudits: number };
  /** The pull stopped early: the report covers what was read before. */
  partial: PullResult['partial'];
}

/**
 * The fleet analysis on data read from Microsoft Graph: the same readers and the same report as
 * for exported files (the pulled pages are handed over as Graph JSON).
 */
export async function fleetFromGraph(options: GraphFleetOptions): Promise<GraphFleetResult> {
  const cloud = CLOUDS[options.cloud];
  const graphBase = options.graphBase ?? cloud.graph;
  const token = await tokenSource(options.auth, { cloud, graphBase: cloud.graph, ...(options.loginBase ? { loginBase: options.loginBase } : {}) });
  const client = new GraphClient({ base: graphBase, token, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...options.client });
  const pulled = await pullFleetData(client, options.since, options.nonInteractive === false ? { nonInteractive: false } : {});
  const json = (rows: Record<string, unknown>[]) => JSON.stringify({ value: rows });
  const report = await analyzeFleet({
    ...options.fleet,
    inputs: [
      { source: memorySource('graph:devices', json(pulled.devices)), as: 'devices' },
      { source: memorySource('graph:auditLogs/signIns', json(pulled.signIns)), as: 'signins' },
      { source: memorySource('graph:auditLogs/directoryAudits', json(pulled.directoryAudits)), as: 'audit' },
    ],
  });
  return {
    report,
    pulled: { devices: pulled.devices.length, signIns: pulled.signIns.length, directoryAudits: pulled.directoryAudits.length },
    partial: pulled.partial,
  };
}
