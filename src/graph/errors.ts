/** Why a Graph pull stopped: a message key for people and the request that failed. */
export type GraphFailure =
  | { kind: 'permission'; status: 401 | 403; request: string; permission: string; role: string; detail: string }
  | { kind: 'throttled'; status: number; request: string; attempts: number }
  | { kind: 'http'; status: number; request: string; detail: string }
  | { kind: 'malformed'; request: string; detail: string }
  | { kind: 'network'; request: string; detail: string }
  | { kind: 'foreign-next-link'; request: string; detail: string }
  | { kind: 'auth'; request: string; detail: string };

export class GraphError extends Error {
  constructor(readonly failure: GraphFailure) {
    super(`${failure.kind}: ${failure.request}`);
    this.name = 'GraphError';
  }
}

/** Which permission a dataset needs, and which directory role can grant it (delegated). */
export const PERMISSIONS: Record<string, { permission: string; role: string }> = {
  devices: { permission: 'Device.Read.All', role: 'Global Reader or Cloud Device Administrator' },
  deletedDevices: { permission: 'Device.Read.All', role: 'Cloud Device Administrator, Intune Administrator or Global Reader' },
  signIns: { permission: 'AuditLog.Read.All and Directory.Read.All', role: 'Reports Reader, Security Reader or Global Reader' },
  directoryAudits: { permission: 'AuditLog.Read.All', role: 'Reports Reader, Security Reader or Global Reader' },
};
