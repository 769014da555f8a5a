// Route tests for the web app's server: app.request() without a socket, plus one real listen.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { runServe } from '../src/cli/serve.js';
import { diagnose } from '../src/diagnose/diagnose.js';
import { en } from '../src/i18n/all.js';
import { translator } from '../src/i18n/format.js';
import { ja } from '../src/i18n/all.js';
import { readStatusBytes, readStatusText } from '../src/read/parse.js';
import { diagnosisToMarkdown } from '../src/render/diagnosis-markdown.js';
import { verify } from '../src/verify/verify.js';
import { MAX_BODY_BYTES } from '../src/web/api.js';
import { createApp } from '../src/web/app.js';
import { CONTENT_SECURITY_POLICY } from '../src/web/security.js';
import { startServer } from '../src/web/server.js';
import { ENCODINGS, FIXTURES, fixtureText, memoryIo } from './helpers.js';
import { verifyFixtureBytes } from './verify-fixtures.js';

type Body = string | Uint8Array | FormData | ReadableStream<Uint8Array>;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
const jsonOf = (res: Response): Promise<any> => res.json();

const PORT = 7003;
const HOST = `127.0.0.1:${PORT}`;
const app = createApp({ port: PORT });

function req(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return app.request(`http://${HOST}${path}`, { ...init, headers: { host: HOST, ...(init.headers ?? {}) } });
}
const post = (path: string, body: Body, headers: Record<string, string> = {}) => req(path, { method: 'POST', body, headers });
const bytesOf = (file: string) => Buffer.from(fixtureText(file), 'utf8');

const SCENARIOS = [
  's01-aadj-700003.txt',
  's02-hybrid-700003.txt',
  's05-aadj-disabled-135011.txt',
  's06-after-leave-all-no.txt',
  's07-aadj-healthy.txt',
  's10-hybrid-prejoin-0x801c03f2.txt',
];

describe('security headers', () => {
  it.each(['/', '/app.js', '/style.css', '/api/messages?lang=en', '/nope.html', '/api/nope'])(
    '%s carries CSP, nosniff, frame-ancestors and no CORS',
    async (path) => {
      const res = await req(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    },
  );

  it('the CSP allows no inline script, no other origin, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('the page has no inline script or style, and loads nothing from elsewhere', async () => {
    const html = await (await req('/')).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('the client code never writes markup', async () => {
    for (const file of ['/app.js', '/dom.js', '/flow.js']) {
      const js = await (await req(file)).text();
      expect(js, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
  });

  it('API answers are not cached; a preflight gets no CORS grant', async () => {
    expect((await req('/api/messages?lang=en')).headers.get('cache-control')).toBe('no-store');
    const pre = await req('/api/diagnose', { method: 'OPTIONS', headers: { origin: `http://${HOST}`, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(405);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Host and Origin checks (DNS rebinding, cross-site posts)', () => {
  it.each([
    ['127.0.0.1:7003', 200],
    ['localhost:7003', 200],
    ['LOCALHOST:7003', 200],
    ['evil.example:7003', 403],
    ['127.0.0.1.nip.io:7003', 403],
    ['127.0.0.1:7004', 403],
    ['127.0.0.1', 403],
    ['[::1]:7003', 403],
    ['', 403],
  ])('Host %j → %i', async (host, status) => {
    const page = await app.request(`http://${HOST}/`, { headers: host === '' ? {} : { host } });
    expect(page.status).toBe(status);
    const api = await app.request(`http://${HOST}/api/diagnose`, {
      method: 'POST',
      body: bytesOf('s01-aadj-700003.txt'),
      headers: host === '' ? {} : { host },
    });
    expect(api.status).toBe(status);
    if (status === 403) expect((await jsonOf(api)).error).toMatchObject({ code: 'host-refused', message: expect.stringContaining('127.0.0.1:7003') });
  });

  it.each([
    [{ origin: 'http://evil.example' }, 403],
    [{ origin: 'null' }, 403],
    [{ origin: 'http://127.0.0.1:7004' }, 403],
    [{ 'sec-fetch-site': 'cross-site' }, 403],
    [{ 'sec-fetch-site': 'same-site' }, 403],
    [{ origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' }, 200],
    [{ origin: `http://localhost:${PORT}` }, 200],
    [{}, 200],
  ])('POST with %j → %i', async (headers, status) => {
    const res = await post('/api/diagnose', bytesOf('s01-aadj-700003.txt'), headers);
    expect(res.status).toBe(status);
    if (status === 403) expect((await jsonOf(res)).error.code).toBe('origin-refused');
  });

  it('the Host check follows the port bound later (port 0)', async () => {
    let port = 0;
    const late = createApp({ port: () => port });
    port = 45678;
    expect((await late.request('http://x/', { headers: { host: '127.0.0.1:45678' } })).status).toBe(200);
    expect((await late.request('http://x/', { headers: { host: '127.0.0.1:0' } })).status).toBe(403);
  });
});

describe('POST /api/diagnose', () => {
  it.each(SCENARIOS.flatMap((f) => (['en', 'ja'] as const).map((lang) => [f, lang] as const)))(
    '%s (%s) answers exactly what the CLI prints',
    async (file, lang) => {
      const res = await post(`/api/diagnose?lang=${lang}&name=${encodeURIComponent(join(FIXTURES, file))}`, bytesOf(file));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('server-timing')).toMatch(/^diagnose;dur=\d+(\.\d+)?$/);
      const io = memoryIo();
      await main(['diagnose', join(FIXTURES, file), '--format', 'json', '--lang', lang], io);
      expect(await jsonOf(res)).toEqual(JSON.parse(io.out()));
    },
  );

  it('?error=700003 is applied like --error (bare number → AADSTS700003)', async () => {
    const res = await post('/api/diagnose?error=700003&lang=en', bytesOf('s06-after-leave-all-no.txt'));
    const json = await jsonOf(res);
    expect(json.errorCodes).toEqual(['AADSTS700003']);
    expect(json.plan.steps[0].id).toBe('clear-aad-storage-key');
    expect(json.plan.branch).toBe('all-no');
  });

  it('?mdm=1 adds the retire step as the conditional fallback after the remedy', async () => {
    const json = await jsonOf(await post('/api/diagnose?mdm=1', bytesOf('s01-aadj-700003.txt')));
    // restore first (#18), then the remedy; retiring only when the MDM blocks it (#11)
    expect(json.plan.steps.map((s: { id: string }) => s.id).slice(0, 3)).toEqual(['restore-device-object', 'forcerecovery', 'retire-in-mdm']);
    expect(json.plan.steps[2]).toMatchObject({ conditional: true });
  });

  it.each(Object.entries(ENCODINGS))('reads %s like the CLI', async (_name, encode) => {
    const json = await jsonOf(await post('/api/diagnose?lang=en', encode(fixtureText('s02-hybrid-700003.txt'))));
    expect(json.device).toMatchObject({ joinType: 'hybrid-joined', deviceName: 'NWD-PC-0231.corp.northwind.example', tenantName: 'Northwind Traders' });
    expect(json.plan.steps[0].id).toBe('leave-and-reboot');
  });

  it('decodes a Japanese tenant name saved in code page 932', async () => {
    const text = fixtureText('s02-hybrid-700003.txt').replace('Northwind Traders', 'ノースウィンド商事株式会社').replace(/\n/g, '\r\n');
    const json = await jsonOf(await post('/api/diagnose', iconv.encode(text, 'cp932')));
    expect(json.input.encoding).toBe('cp932');
    expect(json.device.tenantName).toBe('ノースウィンド商事株式会社');
  });

  it('lines=1 adds the decoded lines, which the evidence points into', async () => {
    const bytes = ENCODINGS['utf-16le BOM CRLF']?.(fixtureText('s01-aadj-700003.txt')) ?? new Uint8Array();
    const json = await jsonOf(await post('/api/diagnose?lines=1', bytes));
    expect(json.source.lines).toEqual(readStatusBytes(bytes).lines);
    for (const f of json.findings) for (const e of f.evidence) expect(json.source.lines[e.line - 1].trimEnd()).toBe(e.text);
    const without = await jsonOf(await post('/api/diagnose', bytes));
    expect(without.source).toBeUndefined();
  });

  it('format=markdown is the Markdown renderer', async () => {
    const res = await post('/api/diagnose?format=markdown&lang=ja&name=s02.txt', bytesOf('s02-hybrid-700003.txt'));
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const d = diagnose(readStatusBytes(bytesOf('s02-hybrid-700003.txt'), { name: 's02.txt' }));
    expect(await res.text()).toBe(diagnosisToMarkdown(d, 'ja', translator('ja')));
  });

  it('the input name is cleaned of control characters and shortened', async () => {
    const json = await jsonOf(await post(`/api/diagnose?name=${encodeURIComponent(`a\u0007b\n${'x'.repeat(300)}`)}`, bytesOf('s07-aadj-healthy.txt')));
    expect(json.input.name).toMatch(/^abx+…$/);
    expect(json.input.name.length).toBe(201);
  });

  it.each([
    ['an empty body', '', 400, 'empty-input', /the input is empty/],
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xd8, 0, 1, 2, 3])]), 400, 'binary-input', /binary file/],
    ['JSON', '{"value":[{"deviceId":"83cfa1ed-f804-4304-97d9-21dabe8634fa"}]}', 400, 'not-dsregcmd', /not a dsregcmd \/status output/],
  ])('%s → %i with a message naming the input', async (_name, body, status, code, message) => {
    const res = await post('/api/diagnose?lang=en&name=upload.txt', body);
    expect(res.status).toBe(status);
    const json = await jsonOf(res);
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(message);
    expect(json.error.message).toMatch(/^upload\.txt: /);
  });

  it('messages follow ?lang, else Accept-Language', async () => {
    const ja1 = await jsonOf(await post('/api/diagnose?lang=ja', ''));
    expect(ja1.error.message).toContain('入力が空です');
    const ja2 = await jsonOf(await post('/api/diagnose', '', { 'accept-language': 'ja-JP,ja;q=0.9' }));
    expect(ja2.error.message).toBe(ja1.error.message);
    const en1 = await jsonOf(await post('/api/diagnose', ''));
    expect(en1.error.message).toBe(`${en['web.pastedName']}: the input is empty. Paste the output of dsregcmd /status or drop the saved file.`);
  });

  it.each([
    ['lang=fr', 'lang'],
    ['format=pdf', 'format'],
    ['mdm=yes', 'mdm'],
    ['encoding=ebcdic', 'encoding'],
  ])('?%s → 400 naming the parameter', async (query, name) => {
    const res = await post(`/api/diagnose?${query}`, bytesOf('s01-aadj-700003.txt'));
    expect(res.status).toBe(400);
    const json = await jsonOf(res);
    expect(json.error.code).toBe('bad-query');
    expect(json.error.message).toContain(name);
  });

  it('an error text longer than the limit → 400', async () => {
    const res = await post(`/api/diagnose?error=${'7'.repeat(4001)}`, bytesOf('s01-aadj-700003.txt'));
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error.message).toMatch(/4001 characters/);
  });

  it('a body over the limit → 413 (Content-Length)', async () => {
    const res = await post('/api/diagnose', new Uint8Array(MAX_BODY_BYTES + 1).fill(0x41));
    expect(res.status).toBe(413);
    expect((await jsonOf(res)).error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/larger than 4 MB/) });
  });

  it('a streamed body over the limit → 413 (no Content-Length)', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 6) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await app.request(`http://${HOST}/api/diagnose`, { method: 'POST', body: stream, headers: { host: HOST }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('a body just under the limit is read', async () => {
    const text = fixtureText('s01-aadj-700003.txt');
    const big = Buffer.from(text + '\n'.repeat(MAX_BODY_BYTES - Buffer.byteLength(text) - 1), 'utf8');
    expect(big.length).toBeLessThan(MAX_BODY_BYTES);
    expect((await post('/api/diagnose', big)).status).toBe(200);
  });

  it('input values stay data in the JSON', async () => {
    const text = fixtureText('s01-aadj-700003.txt').replace('FAB-LT-0417', 'PC<img src=x onerror=alert(1)>');
    const res = await post('/api/diagnose', text);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await jsonOf(res)).device.deviceName).toBe('PC<img src=x onerror=alert(1)>');
  });
});

describe('POST /api/verify', () => {
  function form(before: string | Uint8Array | null, after: string | Uint8Array | null) {
    const f = new FormData();
    if (before !== null) f.append('before', new Blob([before]), 'before.txt');
    if (after !== null) f.append('after', new Blob([after]), 'after.txt');
    return f;
  }

  it.each([
    ['s02-hybrid-700003.txt', 's06-after-leave-all-no.txt', '700003'],
    ['s01-aadj-700003.txt', 's07-aadj-healthy.txt', '700003'],
    ['s01-aadj-700003.txt', 's01-aadj-700003.txt', ''],
    ['s05-aadj-disabled-135011.txt', 's07-aadj-healthy.txt', ''],
  ])('%s → %s: the verdict and next step of verify()', async (before, after, error) => {
    const res = await post(`/api/verify?lang=en&error=${error}`, form(bytesOf(before), ENCODINGS['utf-16le BOM CRLF']?.(fixtureText(after)) ?? ''));
    expect(res.status).toBe(200);
    const json = await jsonOf(res);
    const v = verify(readStatusText(fixtureText(before)), readStatusText(fixtureText(after)), error ? { error } : {});
    expect(json.verdict).toBe(v.verdict);
    expect(json.nextStep).toBe(v.nextStep);
    expect(json.message).toBe(en[`verify.${v.verdict}`]);
    expect(json.sameDevice).toBe(v.sameDevice);
    expect(json.resolved.map((r: { id: string }) => r.id)).toEqual(v.resolved);
    expect(json.after.input).toMatchObject({ name: 'after: after.txt', encoding: expect.stringMatching(/^utf-16le/) });
    if (v.nextStep) expect(json.nextStepDetail.title).toBe(en[`step.${v.nextStep}.title`]);
  });

  it('the hybrid case after dsregcmd /leave with the sync join pending is "in progress", next: sync the computer object (#11)', async () => {
    const after = verifyFixtureBytes('hybrid-after-leave-sync-pending');
    const json = await jsonOf(await post('/api/verify?lang=ja&error=700003', form(bytesOf('s02-hybrid-700003.txt'), after)));
    expect(json.verdict).toBe('in-progress');
    expect(json.nextStep).toBe('sync-computer-object');
    expect(json.message).toBe(ja['verify.in-progress']);
    expect(json.nextStepDetail.title).toBe(ja['step.sync-computer-object.title']);
    expect(json.reasons.map((r: { id: string }) => r.id)).toEqual(['syncPending']);
    expect(json.reasons[0].text).toContain('0x801c03f2');
  });

  it.each([
    ['not multipart', () => post('/api/verify', 'before=x', { 'content-type': 'application/x-www-form-urlencoded' }), 'bad-form'],
    ['no after', () => post('/api/verify', form(bytesOf('s01-aadj-700003.txt'), null)), 'missing-part'],
    ['an empty after', () => post('/api/verify', form(bytesOf('s01-aadj-700003.txt'), '')), 'empty-input'],
    ['an unrelated after', () => post('/api/verify', form(bytesOf('s01-aadj-700003.txt'), 'hello')), 'not-dsregcmd'],
    [
      'a broken multipart body',
      () =>
        post('/api/verify', '--zzz\r\nContent-Disposition: form-data; name="before"\r\n\r\nunterminated', {
          'content-type': 'multipart/form-data; boundary=zzz',
        }),
      'bad-form',
    ],
  ])('%s → 400', async (_name, call, code) => {
    const res = await call();
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error.code).toBe(code);
  });
});

describe('downloads: remediation script, collection script, redacted output', () => {
  it('POST /api/script is the remediation script of `dsreg-doctor script`', async () => {
    const res = await post('/api/script?lang=ja&error=700003&stage=2', bytesOf('s02-hybrid-700003.txt'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dsreg-doctor-remediation.ps1"');
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    const io = memoryIo();
    await main(['script', join(FIXTURES, 's02-hybrid-700003.txt'), '--error', '700003', '--stage', '2', '--lang', 'ja'], io);
    // the header carries the time it was generated: compare the rest
    const body = (s: string) => s.split(/\r?\n/).filter((l) => !/\d{4}-\d\d-\d\dT\d\d:\d\d/.test(l));
    expect(body(text)).toEqual(body(io.out()));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect((await post('/api/script?stage=9', bytesOf('s02-hybrid-700003.txt'))).status).toBe(400);
    expect((await post('/api/script', 'hello')).status).toBe(400);
  });

  it('POST /api/intune?part= is one script of `script --intune --out-dir`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsreg-doctor-intune-'));
    try {
      await main(['script', join(FIXTURES, 's01-aadj-700003.txt'), '--intune', '--out-dir', dir, '--lang', 'ja'], memoryIo());
      for (const [part, file] of [
        ['detection', 'Detect-700003.ps1'],
        ['remediation', 'Remediate-700003.ps1'],
      ] as const) {
        const res = await post(`/api/intune?part=${part}&lang=ja`, bytesOf('s01-aadj-700003.txt'));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
        expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, file)))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await post('/api/intune?part=both', bytesOf('s01-aadj-700003.txt'))).status).toBe(400);
    expect((await post('/api/intune?part=detection', 'hello')).status).toBe(400);
    expect((await req('/api/intune')).status).toBe(405);
  });

  it('GET /api/collect-script is `script --collect`', async () => {
    const res = await req('/api/collect-script?lang=en');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dsreg-doctor-collect.ps1"');
    const io = memoryIo();
    await main(['script', '--collect', '--lang', 'en'], io);
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe(io.out());
  });

  it('POST /api/redact masks the IDs of any encoding, and refuses empty or binary input', async () => {
    const bytes = ENCODINGS['utf-16le BOM CRLF']?.(fixtureText('s01-aadj-700003.txt')) ?? new Uint8Array();
    const res = await post('/api/redact', bytes);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('Device State');
    expect(text).not.toContain('83cfa1ed-f804-4304-97d9-21dabe8634fa');
    expect(text).not.toContain('FAB-LT-0417');
    expect((await post('/api/redact', '')).status).toBe(400);
    expect((await post('/api/redact', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)]))).status).toBe(400);
  });
});

describe('other routes', () => {
  it('GET /api/messages gives every page string in the language, and the examples', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const json = await jsonOf(await req(`/api/messages?lang=${lang}`));
      const catalogue: Record<string, string> = lang === 'ja' ? ja : en;
      expect(json.lang).toBe(lang);
      expect(json.messages['web.input.diagnose']).toBe(catalogue['web.input.diagnose']);
      expect(json.messages['joinType.hybrid-joined']).toBe(catalogue['joinType.hybrid-joined']);
      expect(json.messages['web.help']).toBeUndefined();
      expect(Object.keys(json.messages).some((k) => k.startsWith('web.api.'))).toBe(false);
      expect(json.examples.map((e: { file: string }) => e.file)).toEqual(SCENARIOS);
      for (const e of json.examples) expect(e.label).toBe(catalogue[`web.example.${e.file.slice(0, 3)}`]);
    }
    expect((await req('/api/messages?lang=de')).status).toBe(400);
  });

  it('every string the page code asks for is in the catalogue', async () => {
    const json = await jsonOf(await req('/api/messages?lang=en'));
    const sources = await Promise.all(['/index.html', '/app.js', '/flow.js'].map(async (p) => (await req(p)).text()));
    const keys = new Set(sources.flatMap((src) => [...src.matchAll(/['"`](web\.[\w.]+)['"`]/g)].map((m) => m[1] ?? '')));
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) expect(json.messages, key).toHaveProperty([key]);
  });

  it('serves the bundled examples byte for byte', async () => {
    const res = await req('/examples/s01-aadj-700003.txt');
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytesOf('s01-aadj-700003.txt'))).toBe(true);
  });

  it.each([
    ['GET', '/api/diagnose', 405, 'POST'],
    ['PUT', '/api/verify', 405, 'POST'],
    ['POST', '/api/messages', 405, 'GET'],
    ['POST', '/', 405, 'GET, HEAD'],
  ])('%s %s → %i, Allow: %s', async (method, path, status, allow) => {
    const res = await req(path, { method, ...(method === 'GET' ? {} : { body: 'x' }) });
    expect(res.status).toBe(status);
    expect(res.headers.get('allow')).toBe(allow);
  });

  it.each([
    '/api/nope',
    '/nope.html',
    '/../package.json',
    '/%2e%2e/package.json',
    '/examples/..%2f..%2fpackage.json',
    '/examples/../../src/index.ts',
    '/.hidden',
  ])('%s → 404', async (path) => {
    expect((await req(path)).status).toBe(404);
  });

  it('HEAD / has the headers and no body', async () => {
    const res = await req('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });
});

describe('a real server on 127.0.0.1', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('listens on loopback with port 0 and answers through a socket', async () => {
    const server = await startServer({ port: 0 });
    servers.push(server);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const res = await fetch(`${server.url}api/diagnose?lang=en`, { method: 'POST', body: bytesOf('s05-aadj-disabled-135011.txt') });
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).plan.steps[0].id).toBe('enable-device-object');
    expect((await fetch(server.url)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('a port in use is a message and exit 2, not a stack trace', async () => {
    const server = await startServer({ port: 0 });
    servers.push(server);
    const io = memoryIo();
    expect(await main(['serve', '--port', String(server.port)], io)).toBe(2);
    expect(io.err()).toContain(`Port ${server.port} on 127.0.0.1 is already in use`);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['serve', '--port', 'http'], /"http" is not a port number/],
    [['serve', '--port', '70000'], /"70000" is not a port number/],
    [['serve', 'extra'], /Unexpected argument\(s\) for serve: extra/],
    [['serve', '--lang', 'fr'], /Invalid value "fr" for --lang/],
  ])('%j → exit 2', async (argv, message) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('serve --help prints the usage in the chosen language', async () => {
    const io = memoryIo();
    expect(await main(['serve', '--help', '--lang', 'ja'], io)).toBe(0);
    expect(io.out()).toBe(`${ja['web.help']}\n`);
  });

  it('the serve command prints its URL and stops when asked', async () => {
    const io = memoryIo();
    const stop = new AbortController();
    let url = '';
    const done = runServe({ io, lang: 'en', t: translator('en'), args: ['--port', '0'] }, stop.signal, (s) => {
      url = s.url;
    });
    await expect.poll(() => url).not.toBe('');
    expect(io.out()).toBe(`${translator('en')('web.listening', { url })}\n`);
    expect((await fetch(`${url}api/messages?lang=ja`)).status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
