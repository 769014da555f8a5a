import { SCHEMA_VERSIONS, type ToolStamp, toolStamp } from './document.js';

/** The document of `explain --format json`: one error code from the knowledge base (docs/contract.md). */

export interface KnownCodeBody {
  /** Canonical form: `AADSTS700003`, `MSIS7068`, `0x801c03f2`. */
  code: string;
  family: string;
  category: string;
  symbol: string | null;
  phase: string | null;
  severity: 'error' | 'warning' | 'info';
  /** Plan step ids the code points to. */
  steps: string[];
  meaning: string;
  cause: string;
  action: string;
  docs: string | null;
}

export interface KnownCodeDocument extends KnownCodeBody {
  schemaVersion: typeof SCHEMA_VERSIONS.explain;
  tool: ToolStamp;
  known: true;
}

/** A well-formed code the knowledge base does not hold (exit code 1). */
export interface UnknownCodeDocument {
  schemaVersion: typeof SCHEMA_VERSIONS.explain;
  tool: ToolStamp;
  code: string;
  known: false;
}

export type ExplainDocument = KnownCodeDocument | UnknownCodeDocument;

export function knownCodeDocument(body: KnownCodeBody, version: string): KnownCodeDocument {
  const { code, ...rest } = body;
  return { schemaVersion: SCHEMA_VERSIONS.explain, tool: toolStamp(version), code, known: true, ...rest };
}

export function unknownCodeDocument(code: string, version: string): UnknownCodeDocument {
  return { schemaVersion: SCHEMA_VERSIONS.explain, tool: toolStamp(version), code, known: false };
}
