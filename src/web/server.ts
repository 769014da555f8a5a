import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.js';
import type { Asset } from './assets.js';
import type { FleetFromGraph } from './fleet-api.js';

/** Loopback only: the page and its API are never reachable from another machine. */
export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 7003;

export interface RunningServer {
  /** The port actually bound (differs from the requested one when that was 0). */
  port: number;
  url: string;
  /** Resolves when the server has stopped (after `close()`). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  assets?: Map<string, Asset>;
  maxBodyBytes?: number;
  maxFleetBytes?: number;
  /** "Load from Microsoft Graph" in the Fleet view (see the option of the same name of createApp). */
  fleetFromGraph?: FleetFromGraph;
  /** See the options of the same names of createApp. */
  fleetWorker?: boolean;
  onFleetAnalysis?: (event: 'start' | 'done') => void;
  /**
   * Milliseconds a client has to send a whole request (default {@link REQUEST_TIMEOUT_MS}); its
   * headers must arrive within the smaller of this and {@link HEADERS_TIMEOUT_MS}. A stalled or
   * silent socket is closed then, checked every {@link CHECK_INTERVAL_MS} at most.
   */
  requestTimeoutMs?: number;
}

/** A loopback client sends a 64 MB upload in about a second: 30 s is for a stalled socket only. */
export const REQUEST_TIMEOUT_MS = 30_000;
export const HEADERS_TIMEOUT_MS = 20_000;
export const CHECK_INTERVAL_MS = 1_000;
/** An idle keep-alive connection is closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** Node's timeouts for the request phase (headers, body); a response under way is never cut. */
export function timeoutOptions(requestTimeoutMs = REQUEST_TIMEOUT_MS) {
  const request = Math.max(1, Math.floor(requestTimeoutMs));
  return {
    requestTimeout: request,
    headersTimeout: Math.min(request, HEADERS_TIMEOUT_MS),
    connectionsCheckingInterval: Math.max(10, Math.min(CHECK_INTERVAL_MS, Math.floor(request / 4))),
    keepAliveTimeout: Math.min(KEEP_ALIVE_TIMEOUT_MS, request),
  };
}

/**
 * Listen on 127.0.0.1:port (0 = any free port). Rejects with the listen error (EADDRINUSE, …).
 *
 * @example
 * const server = await startServer({ port: 0 });
 * await fetch(`${server.url}api/messages?lang=en`);
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  let bound = options.port ?? DEFAULT_PORT;
  const app = createApp({
    port: () => bound,
    ...(options.assets ? { assets: options.assets } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.maxFleetBytes !== undefined ? { maxFleetBytes: options.maxFleetBytes } : {}),
    ...(options.fleetFromGraph ? { fleetFromGraph: options.fleetFromGraph } : {}),
    ...(options.fleetWorker !== undefined ? { fleetWorker: options.fleetWorker } : {}),
    ...(options.onFleetAnalysis ? { onFleetAnalysis: options.onFleetAnalysis } : {}),
  });
  const { keepAliveTimeout, ...serverOptions } = timeoutOptions(options.requestTimeoutMs);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: HOST, serverOptions });
  // keepAliveTimeout is a property of the server, not a createServer option in Node 20
  (server as { keepAliveTimeout?: number }).keepAliveTimeout = keepAliveTimeout;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  bound = (server.address() as AddressInfo).port;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  server.once('close', () => resolveClosed());
  return {
    port: bound,
    url: `http://${HOST}:${bound}/`,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
