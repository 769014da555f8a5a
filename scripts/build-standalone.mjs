#!/usr/bin/env node
// npm run build:standalone: dist/dsreg-doctor.html, the whole single-device page in one file that
// works from file:// with no server. The front-end is web-src/app.ts, the page `serve` serves; esbuild
// bundles it with src/web/standalone.ts in place of web-src/engine.ts (the HTTP API), so the page calls
// the library itself: the same code as the CLI, not a second implementation. Modules with a
// `.browser.ts` sibling (src/read/codepages.ts) are swapped for it; nothing from node: may enter.
// `--analyze` lists what the script is made of, largest first.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMetafile, build, transform } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'web');
/** The page's TypeScript (web/*.js is built from it by scripts/build-web.mjs). */
const WEB_SRC = join(ROOT, 'web-src');
const OUT = join(ROOT, 'dist', 'dsreg-doctor.html');
/** Browsers the page is for: current Edge and Chrome (Chromium), and what Windows ships alike. */
const TARGET = ['chrome120', 'edge120', 'firefox120', 'safari16'];

/** iconv-lite's code page 850 (bytes 0x80-0xFF): the CLI's decoder's own table, for the browser. */
function cp850Table() {
  const data = createRequire(import.meta.url)('iconv-lite/encodings/sbcs-data-generated.js');
  const chars = data.cp850?.chars ?? data[data['850']]?.chars;
  if (typeof chars !== 'string' || chars.length !== 128) throw new Error('iconv-lite has no 128-character table for code page 850');
  return chars;
}

/** The example outputs of the page's menu (web/examples/), as text or, if not UTF-8, base64. */
function examples() {
  const dir = join(WEB, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      const text = bytes.toString('utf8');
      return Buffer.from(text, 'utf8').equals(bytes) ? { file, text } : { file, base64: bytes.toString('base64') };
    });
}

/** web-src/engine.ts → the local engine; X.js → X.browser.ts where one exists; node: → an error. */
const standalonePlugin = {
  name: 'dsreg-standalone',
  setup(b) {
    b.onResolve({ filter: /^\.\/engine\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === join(WEB_SRC, 'engine.js') ? { path: 'engine', namespace: 'dsreg-standalone' } : undefined,
    );
    b.onLoad({ filter: /^engine$/, namespace: 'dsreg-standalone' }, () => ({
      resolveDir: ROOT,
      loader: 'js',
      contents: [
        `import { createLocalEngine } from ${JSON.stringify(join(ROOT, 'src', 'web', 'standalone.ts'))};`,
        `const list = ${JSON.stringify(examples())};`,
        'const bytes = (e) => (e.text !== undefined ? new TextEncoder().encode(e.text) : Uint8Array.from(atob(e.base64), (c) => c.charCodeAt(0)));',
        'export const engine = createLocalEngine(list.map((e) => ({ file: e.file, bytes: bytes(e) })));',
      ].join('\n'),
    }));
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(ROOT, 'src'))) return undefined;
      const browser = resolve(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'));
      return existsSync(browser) ? { path: browser } : undefined;
    });
    b.onResolve({ filter: /^node:|^(fs|path|os|module|crypto|worker_threads|child_process|net|url)$/ }, (args) => ({
      errors: [
        {
          text: `${args.path} is a Node.js module: the standalone page cannot use it (imported by ${relative(ROOT, args.importer)}). Give that module a .browser.ts sibling.`,
        },
      ],
    }));
  },
};

/** Close tags and comment openers cannot appear inside an inline script or style. */
function checkInline(kind, text) {
  const bad = kind === 'script' ? /<\/script|<!--/i : /<\/style/i;
  const m = text.match(bad);
  if (m) throw new Error(`the bundled ${kind} contains "${m[0]}", which would end the inline <${kind}> early`);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function replaceOnce(html, from, to) {
  const at = html.indexOf(from);
  if (at < 0 || html.indexOf(from, at + 1) >= 0) throw new Error(`web/index.html: expected exactly one ${JSON.stringify(from)}`);
  return html.slice(0, at) + to + html.slice(at + from.length);
}

export async function buildStandalone({ out = OUT, quiet = false, analyze = false } = {}) {
  const result = await build({
    entryPoints: [join(WEB_SRC, 'app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { __DSREG_CP850__: JSON.stringify(cp850Table()) },
    plugins: [standalonePlugin],
  });
  const script = result.outputFiles[0].text.trim();
  if (analyze) console.log(await analyzeMetafile(result.metafile, { verbose: false }));
  checkInline('script', script);
  const inputs = Object.keys(result.metafile.inputs);
  const stray = inputs.filter((p) => /(^|\/)(hono|@hono|iconv-lite|web-src\/engine\.ts|web\/engine\.js)(\/|$)/.test(p));
  if (stray.length) throw new Error(`the standalone bundle must not contain ${stray.join(', ')}`);

  const style = (await transform(readFileSync(join(WEB, 'style.css'), 'utf8'), { loader: 'css', minify: true, target: TARGET, charset: 'utf8' })).code.trim();
  checkInline('style', style);
  const icon = `data:image/svg+xml;base64,${readFileSync(join(WEB, 'favicon.svg')).toString('base64')}`;

  // No network of any kind: nothing but the inline script and style (by hash) and data:/blob: images.
  // frame-ancestors is not allowed in a <meta> policy; a file opened from disk is not framed anyway.
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = readFileSync(join(WEB, 'index.html'), 'utf8');
  html = replaceOnce(html, '<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = replaceOnce(html, '<link rel="icon" href="/favicon.svg" type="image/svg+xml">', `<link rel="icon" href="${icon}" type="image/svg+xml">`);
  html = replaceOnce(html, '<link rel="stylesheet" href="/style.css">', `<style>${style}</style>`);
  html = replaceOnce(html, '<script type="module" src="/app.js"></script>', `<script type="module">${script}</script>`);
  html = replaceOnce(html, 'src="/favicon.svg"', `src="${icon}"`);
  // one file, no server: "One device" is this page, "Fleet" points at the note on how to start one
  html = replaceOnce(html, '<a href="/" aria-current="page"', '<a href="#" aria-current="page"');
  html = replaceOnce(html, '<a href="/fleet.html"', '<a href="#standalone-note"');
  if (/(?:src|href)="\/(?!\/)/.test(html)) throw new Error('the standalone page still refers to a server path');

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  const bytes = Buffer.byteLength(html);
  if (!quiet)
    console.log(`${relative(ROOT, out)}: ${(bytes / 1024).toFixed(0)} kB (${bytes} bytes), script ${(Buffer.byteLength(script) / 1024).toFixed(0)} kB`);
  return { out, bytes, inputs };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildStandalone({ analyze: process.argv.includes('--analyze') }).catch((e) => {
    console.error(`build:standalone: ${e.errors?.map((x) => x.text).join('\n') ?? e.message}`);
    process.exit(1);
  });
}
