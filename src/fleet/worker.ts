import { parentPort } from 'node:worker_threads';
import { FleetAggregator } from './aggregate.js';
import type { WorkerMessage } from './parallel.js';
import { type RangeTask, readPart } from './part.js';

/**
 * A worker thread of the fleet analysis: reads the byte ranges of large sign-in logs it is
 * given into one aggregator of its own, and posts that aggregator's state at the end. The main
 * thread merges the states; the result is the same as reading the files in one thread.
 */

const port = parentPort;
if (!port) throw new Error('fleet worker: not started as a worker thread');

const agg = new FleetAggregator();
const post = (m: WorkerMessage) => port.postMessage(m);

let bytes = 0;
let rows = 0;
let last = Date.now();
const progress = {
  add(_file: string, b: number, r: number) {
    bytes += b;
    rows += r;
    const now = Date.now();
    if (now - last >= 100) flush(now);
  },
};
function flush(now = Date.now()): void {
  if (bytes > 0 || rows > 0) post({ type: 'progress', bytes, rows });
  bytes = 0;
  rows = 0;
  last = now;
}

port.on('message', (task: RangeTask | { type: 'finish' }) => {
  if (task.type === 'finish') {
    const state = agg.exportSignIns();
    // the device table's typed arrays move to the main thread without a copy
    port.postMessage({ type: 'state', state } satisfies WorkerMessage, [state.seen.keys.buffer as ArrayBuffer, state.seen.times.buffer as ArrayBuffer]);
    return;
  }
  void readPart(task, agg, progress).then(
    (r) => {
      flush();
      post({ type: 'done', id: task.id, ...r });
    },
    (e: unknown) => post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
