/**
 * The public JSON documents of dsreg-doctor: what every document starts with, and each document's
 * schema version. The contract and its stability promise are in docs/contract.md.
 *
 * This folder is a leaf: it imports nothing from the other folders of src/ (test/architecture.test.ts).
 */

export const TOOL_NAME = 'dsreg-doctor';

/** `tool`: which program, which version wrote the document. */
export interface ToolStamp {
  name: typeof TOOL_NAME;
  version: string;
}

export function toolStamp(version: string): ToolStamp {
  return { name: TOOL_NAME, version };
}

/** The language of every text in a document. */
export type Lang = 'en' | 'ja';

/**
 * Each document's `schemaVersion`. Added fields never bump it; a field whose meaning changes, or
 * that is removed, does (docs/contract.md, "Stability").
 */
export const SCHEMA_VERSIONS = {
  diagnosis: 1,
  /** 2: `resolved`, `remaining`, `introduced` are `{id, title}` in the CLI too (they were ids); one shape for CLI and web. */
  verify: 2,
  explain: 1,
  fleet: 1,
  cleanup: 1,
  parse: 1,
} as const;

export type DocumentKind = keyof typeof SCHEMA_VERSIONS;
