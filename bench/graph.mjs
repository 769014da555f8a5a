// Graph pull throughput against a loopback server that pages like Graph and throttles every
// fifth request (429, half with Retry-After: 0, half without: backoff with jitter, capped small).
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { GraphClient } from '../dist/graph/client.js';

const DEVICES = Number(process.env.BENCH_GRAPH_DEVICES ?? 100_000);
const PAGE = 999;
const rows = Array.from({ length: DEVICES }, (_, i) => ({
  id: `obj-${i}`,
  deviceId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  displayName: `PC-${i}`,
  trustType: i % 3 === 0 ? 'ServerAd' : 'AzureAd',
  accountEnabled: true,
}));
let requests = 0;
let throttled = 0;
const server = createServer((req, res) => {
  requests++;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (requests % 5 === 0) {
    throttled++;
    res.writeHead(429, throttled % 2 ? { 'Retry-After': '0' } : {}).end('{"error":{"code":"TooManyRequests"}}');
    return;
  }
  const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
  const body = { value: rows.slice(skip, skip + PAGE) };
  if (skip + PAGE < rows.length) {
    url.searchParams.set('$skiptoken', String(skip + PAGE));
    body['@odata.nextLink'] = `http://127.0.0.1:${server.address().port}${url.pathname}${url.search}`;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
let waits = 0;
const client = new GraphClient({ base, token: async () => 't', maxWaitMs: 20, onProgress: (p) => p.kind === 'throttle' && waits++ });
const start = performance.now();
let pages = 0;
let read = 0;
for await (const page of client.pages('devices', 'v1.0/devices?$top=999')) {
  pages++;
  read += page.length;
}
const seconds = (performance.now() - start) / 1000;
server.close();
console.log('dsreg-doctor graph bench (loopback, throttling every 5th request)');
console.log(`  rows                   ${read}`);
console.log(`  pages                  ${pages}`);
console.log(`  throttled responses    ${throttled} (waits ${waits})`);
console.log(`  pagesPerSecond         ${(pages / seconds).toFixed(1)}`);
console.log(`  rowsPerSecond          ${Math.round(read / seconds)}`);
