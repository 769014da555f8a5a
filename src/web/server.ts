import type { IncomingMessage, Server } from 'node:http';
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
   * A request that stops arriving for this many milliseconds is closed (default
   * {@link STALL_TIMEOUT_MS}): headers within the smaller of this and {@link HEADERS_TIMEOUT_MS},
   * then no pause in the body longer than this. A slow but moving upload is not cut (up to
   * {@link REQUEST_TIMEOUT_MS} in all), nor is a request being answered (a Graph pull, a fleet
   * analysis).
   */
  stallTimeoutMs?: number;
}

/** A loopback client sends a 64 MB upload in seconds, without pauses: 30 s is for a stalled socket only. */
export const STALL_TIMEOUT_MS = 30_000;
export const HEADERS_TIMEOUT_MS = 20_000;
/** The whole request, however slow (Node's default). */
export const REQUEST_TIMEOUT_MS = 300_000;
export const CHECK_INTERVAL_MS = 1_000;
/** An idle keep-alive connection is closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** Node's server timeouts for a stall of `stallMs` (see {@link ServeOptions.stallTimeoutMs}). */
export function timeoutOptions(stallMs = STALL_TIMEOUT_MS) {
  const stall = Math.max(1, Math.floor(stallMs));
  return {
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, stall),
    headersTimeout: Math.min(stall, HEADERS_TIMEOUT_MS),
    connectionsCheckingInterval: Math.max(10, Math.min(CHECK_INTERVAL_MS, Math.floor(stall / 4))),
    keepAliveTimeout: Math.min(KEEP_ALIVE_TIMEOUT_MS, stall),
    /** Socket inactivity: acted on only while a request is still arriving (see closeStalledRequests). */
    idleTimeout: stall,
  };
}

/**
 * Close a socket whose request stopped arriving (a body that pauses longer than the idle
 * timeout). Node emits `timeout` on an incomplete request; a complete one being answered, or an
 * idle keep-alive socket (closed by keepAliveTimeout), is left alone.
 */
function closeStalledRequests(server: Server, idleMs: number): void {
  server.setTimeout(idleMs);
  // without a listener Node would destroy every idle socket, answers under way included
  server.on('timeout', () => {});
  server.on('request', (req: IncomingMessage) => {
    req.once('timeout', () => req.socket.destroy());
  });
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
  const { keepAliveTimeout, idleTimeout, ...serverOptions } = timeoutOptions(options.stallTimeoutMs);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: HOST, serverOptions }) as Server;
  // keepAliveTimeout is a property of the server, not a createServer option in Node 20
  server.keepAliveTimeout = keepAliveTimeout;
  closeStalledRequests(server, idleTimeout);
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
