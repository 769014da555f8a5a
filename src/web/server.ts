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
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: HOST });
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
