#!/usr/bin/env node
// Writes schemas/<kind>.schema.json from src/contract/schemas.ts (built to dist/ first:
// `npm run build && node scripts/gen-schemas.mjs`). test/schemas.test.ts checks the files are current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentSchemas } from '../dist/contract/schemas.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'schemas');
mkdirSync(dir, { recursive: true });
for (const [kind, schema] of Object.entries(documentSchemas())) {
  writeFileSync(join(dir, `${kind}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${kind}.schema.json`);
}
