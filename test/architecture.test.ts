import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of src/: one-way flow between folders (issue 15). Each folder has a layer; a
 * file may import only from folders of a lower layer (or its own folder). Folders in one layer
 * do not import each other. Files at the top of src/ count as folders of their own
 * (`version.ts` → `version`, `index.ts` → `index`).
 */

/** The intended layering, bottom first, as read from the code (docs/contract.md names the flow). */
const LAYERS: readonly (readonly string[])[] = [
  ['contract', 'version'], // the public documents' types and builders; the version string
  ['i18n'], // catalogues and the translator
  ['knowledge'], // the error-code knowledge base and the table of code meanings (contract only)
  ['read'], // bytes → ParsedReport
  ['model', 'input'], // ParsedReport → DeviceStatus, registrations; reading one input (limit, encodings, refusals) for CLI and web
  ['plan'], // findings → steps
  ['diagnose'], // report → findings and plan (calls the plan)
  ['verify'], // two diagnoses → a verdict
  ['render'], // diagnosis and verdict → text, Markdown, JSON documents
  ['fleet'], // many devices' logs → fleet report
  ['cleanup', 'graph', 'redact'], // the staged cleanup (reads the fleet's aggregate); Microsoft Graph pulls (into fleet inputs); masking of every format the tool reads (uses fleet's CSV sniffer)
  ['lab'], // the simulated lab: diagnoses its own outputs, runs the staged cleanup and fleet on its exports
  ['script'], // PowerShell scripts: remediation, collection, Intune pair, the cleanup stage scripts
  ['web'], // the local web app
  ['cli'], // the command line
  ['index'], // the package's public API
];

/**
 * Back-edges allowed, each `from → to` with the reason: none since the ids moved to src/contract/ (issue 15).
 */
const ALLOWED_BACK_EDGES: readonly { from: string; to: string; why: string }[] = [
  // none: finding ids, step ids and code categories live in src/contract/
];

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Relative specifiers a file imports: static, type-only, re-exports and dynamic `import()`. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  // comments hold examples (`import … from './lab/index.js'` in a doc comment): not imports
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const re = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w*${},\s]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of code.matchAll(re)) {
    const spec = m[1] ?? m[2];
    if (spec?.startsWith('.')) out.push(spec);
  }
  return out;
}

/** `src/fleet/csv.ts` → `fleet`; `src/version.ts` → `version`. */
function folderOf(file: string): string {
  const [first = '', second] = relative(SRC, file).split(/[\\/]/);
  return second === undefined ? first.replace(/\.[jt]s$/, '') : first;
}

interface Edge {
  fromFile: string;
  toFile: string;
  from: string;
  to: string;
}

function importGraph(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((spec) => {
      const toFile = join(dirname(file), spec).replace(/\.js$/, '.ts');
      return { fromFile: relative(SRC, file), toFile: relative(SRC, toFile), from: folderOf(file), to: folderOf(toFile) };
    }),
  );
}

const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
const allowed = (e: { from: string; to: string }) => ALLOWED_BACK_EDGES.some((a) => a.from === e.from && a.to === e.to);

/** Strongly connected components with more than one node (Tarjan): the cycles. */
function cycles(nodes: string[], next: (n: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

describe('import graph of src/', () => {
  const edges = importGraph();
  const between = edges.filter((e) => e.from !== e.to);

  it('reads the imports of every kind', () => {
    const src = `import { a } from './a.js';\nimport type { B } from '../b/b.js';\nexport { c } from './c.js';\nexport * as d from './d.js';\nimport {\n  e,\n  f,\n} from '../e.js';\nconst g = await import('./g.js');\nimport 'node:fs';\nimport './side.js';\n/** import { x } from './in-a-comment.js'; */\n// import('./commented.js')`;
    expect(importsOf(src).sort()).toEqual(['../b/b.js', '../e.js', './a.js', './c.js', './d.js', './g.js', './side.js']);
    expect(edges.length).toBeGreaterThan(300);
    // every import resolves to a file of src/
    const files = new Set(sourceFiles(SRC).map((f) => relative(SRC, f)));
    expect(edges.filter((e) => !files.has(e.toFile)).map((e) => `${e.fromFile} → ${e.toFile}`)).toEqual([]);
  });

  it('every folder of src/ has a layer', () => {
    const folders = [...new Set(sourceFiles(SRC).map(folderOf))].sort();
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
    expect([...layerOf.keys()].filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('no import goes up or sideways between layers, except the listed back-edges', () => {
    const bad = between
      .filter((e) => (layerOf.get(e.to) ?? Number.POSITIVE_INFINITY) >= (layerOf.get(e.from) ?? Number.NEGATIVE_INFINITY) && !allowed(e))
      .map((e) => `${e.fromFile} → ${e.toFile}`);
    expect(bad).toEqual([]);
  });

  it('every listed back-edge still exists (empty the list as they go)', () => {
    for (const a of ALLOWED_BACK_EDGES)
      expect(
        between.some((e) => e.from === a.from && e.to === a.to),
        `${a.from} → ${a.to}`,
      ).toBe(true);
  });

  it('contract/ is a leaf: it imports from no other folder (but the listed step ids)', () => {
    expect(between.filter((e) => e.from === 'contract' && !allowed(e)).map((e) => e.toFile)).toEqual([]);
  });

  it('no cycle between folders, once the listed back-edges are gone', () => {
    const folders = [...layerOf.keys()];
    const next = (f: string) => [...new Set(between.filter((e) => e.from === f && !allowed(e)).map((e) => e.to))];
    expect(cycles(folders, next)).toEqual([]);
  });

  // Inside other folders a few files share types both ways (diagnose/types ↔ match, read/parse ↔
  // field, i18n/format ↔ template): harmless within one folder, not checked here.
  it('no cycle between the files of cli/ (the dispatcher and its commands share cli/command.ts)', () => {
    const files = [...new Set(edges.filter((e) => e.from === 'cli').map((e) => e.fromFile))];
    const next = (f: string) => edges.filter((e) => e.fromFile === f && e.to === 'cli').map((e) => e.toFile);
    expect(cycles(files, next)).toEqual([]);
  });
});
