import { createRequire } from 'node:module';
import { Language, type Node, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parser: Parser | undefined;

/** A PowerShell parser (tree-sitter-powershell compiled to WebAssembly): no PowerShell needed. */
export async function powershellParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export interface ParsedScript {
  hasError: boolean;
  errors: string[];
  /** Every command name invoked, in order. */
  commands: string[];
  root: Node;
}

export async function parsePowerShell(source: string): Promise<ParsedScript> {
  const p = await powershellParser();
  const tree = p.parse(source.replace(/^\uFEFF/, ''));
  if (!tree) throw new Error('parser returned no tree');
  const commands: string[] = [];
  const errors: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'command_name') commands.push(n.text);
    if (n.type === 'ERROR' || n.isMissing) errors.push(`${n.startPosition.row + 1}:${n.startPosition.column + 1} ${n.text.slice(0, 60)}`);
    for (const c of n.children) if (c) walk(c);
  };
  walk(tree.rootNode);
  return { hasError: tree.rootNode.hasError, errors, commands, root: tree.rootNode };
}

/** Nodes of a type, depth first. */
export function nodesOfType(root: Node, type: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === type) out.push(n);
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(root);
  return out;
}
