import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One static file of the page, held in memory: the whole web/ folder is a few tens of kB. */
export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  // examples are served as bytes: the page sends them to the API like a dropped file
  '.txt': 'text/plain; charset=utf-8',
};

/** The package's web/ folder: two levels above this module in src/web and in dist/web alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

/**
 * Read every servable file under `root` into a map of URL path → asset. Only files with a known
 * type are served, and only those found here: a request can never name a path outside the folder.
 */
export function loadAssets(root: string = DEFAULT_WEB_ROOT): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const type = TYPES[extname(name).toLowerCase()];
      if (type === undefined) continue;
      const url = `/${relative(root, path).split(sep).join('/')}`;
      assets.set(url, { body: new Uint8Array(readFileSync(path)), type });
    }
  };
  walk(root);
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}

/** The bundled example outputs (web/examples/*.txt), by file name. */
export function exampleFiles(assets: Map<string, Asset>): string[] {
  return [...assets.keys()]
    .filter((p) => p.startsWith('/examples/') && p.endsWith('.txt'))
    .map((p) => p.slice('/examples/'.length))
    .sort();
}
