import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Small functions (#15): no function in src/ over MAX_LINES lines unless the line right above it
 * gives the reason, as `// long: <reason>`. Functions are found with the TypeScript compiler API
 * (declarations, methods, constructors, accessors, function expressions and arrow functions); a
 * function's lines run from its first token to its closing brace, nested functions included.
 */
const MAX_LINES = 80;
const SRC = join(import.meta.dirname, '..', 'src');
const REASON = /^\s*\/\/\s*long:\s*\S/;

/**
 * Offenders in files other helpers are rewriting or splitting now (file:function). The lead empties
 * this list at merge: each entry is then either split or given a `// long:` reason. Empty now: every
 * function in src/ is at most MAX_LINES lines or says why.
 */
const ALLOWED_FOR_NOW = new Set<string>([]);

interface LongFunction {
  key: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    // the shipped code: not declaration files, not tests that sit next to the code
    else if (/\.ts$/.test(entry.name) && !/\.(d|test)\.ts$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** The name a reader would search for: `fn`, `Class.method`, the variable or property an arrow is assigned to. */
function functionName(node: ts.Node, sf: ts.SourceFile): string {
  const own = (node as ts.FunctionLikeDeclaration).name;
  if (own && !ts.isComputedPropertyName(own)) {
    const parent = node.parent;
    const owner = parent && ts.isClassLike(parent) && parent.name ? `${parent.name.text}.` : '';
    return `${owner}${own.getText(sf)}`;
  }
  if (ts.isConstructorDeclaration(node)) {
    const cls = node.parent;
    return `${ts.isClassLike(cls) && cls.name ? cls.name.text : '<class>'}.constructor`;
  }
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    !ts.isComputedPropertyName(parent.name)
  ) {
    return parent.name.getText(sf);
  }
  return `<anonymous@${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}>`;
}

/** Where a reason comment must stand: above the statement that declares the function. */
function declarationStart(node: ts.Node): ts.Node {
  let at: ts.Node = node;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.parent?.parent && ts.isVariableStatement(parent.parent.parent)) at = parent.parent.parent;
  else if (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) at = parent;
  return at;
}

function longFunctions(file: string, text: string): LongFunction[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = text.split('\n');
  const out: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > MAX_LINES) {
        const declLine = sf.getLineAndCharacterOfPosition(declarationStart(node).getStart(sf)).line;
        if (!REASON.test(lines[declLine - 1] ?? '')) out.push({ key: `${file}:${functionName(node, sf)}`, lines: length });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const offenders = sourceFiles(SRC).flatMap((path) => longFunctions(relative(join(SRC, '..'), path).replaceAll('\\', '/'), readFileSync(path, 'utf8')));

describe(`functions in src/ are at most ${MAX_LINES} lines (or say why)`, () => {
  it('has no long function without a `// long:` reason on the line above it', () => {
    const unexplained = offenders.filter((o) => !ALLOWED_FOR_NOW.has(o.key)).map((o) => `${o.key} (${o.lines} lines)`);
    expect(unexplained).toEqual([]);
  });

  it('keeps the allow-list honest: every entry is still a long function', () => {
    const keys = new Set(offenders.map((o) => o.key));
    expect([...ALLOWED_FOR_NOW].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('finds long functions of every shape (the finder itself can fail)', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  x += ${i};`).join('\n');
    const shapes = [
      `function declared() {\n  let x = 0;\n${body}\n  return x;\n}`,
      `const arrow = () => {\n  let x = 0;\n${body}\n  return x;\n};`,
      `class Box {\n  method() {\n    let x = 0;\n${body}\n    return x;\n  }\n}`,
      `// long: a table that reads best in one piece\nfunction explained() {\n  let x = 0;\n${body}\n  return x;\n}`,
      `function short() {\n  return 1;\n}`,
    ];
    const found = shapes.map((code) => longFunctions('probe.ts', code).map((f) => f.key.replace('probe.ts:', '')));
    expect(found).toEqual([['declared'], ['arrow'], ['Box.method'], [], []]);
  });
});
