import { parentPort } from 'node:worker_threads';
import { analyzeFleet } from '../fleet/fleet.js';
import { type FleetJob, type FleetJobMessage, heldSource, indexRows, jobOptions, sorted } from './fleet-job.js';

/**
 * The worker thread of one fleet upload (see fleet-job.ts): analyse the held files, post the
 * report, then the drill-down index of the affected devices, and wait to be ended.
 */

const port = parentPort;
if (!port) throw new Error('fleet worker: not started as a worker thread');

port.once('message', async (dropped: FleetJob) => {
  const post = (m: FleetJobMessage) => port.postMessage(m);
  try {
    const { job, statusIndexes } = sorted(dropped);
    const report = await analyzeFleet(jobOptions(job));
    post({ type: 'report', report, statusIndexes });
    if (job.indexRows === null) return;
    const index = await indexRows(report, job.files.map(heldSource), job.indexRows);
    post({ type: 'index', index: index ? [...index] : null });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
