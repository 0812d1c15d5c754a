#!/usr/bin/env node
/**
 * Generate the published JSON Schemas from the zod schemas (zod v4 z.toJSONSchema).
 *
 *   npx vite-node scripts/gen-schema.mjs          # write schema/*.schema.json
 *   npx vite-node scripts/gen-schema.mjs --check  # exit 1 when a committed file is stale
 *
 * Runs under vite-node because the schemas live in TypeScript sources.
 * test/policy/schema.test.ts fails when a committed file is stale.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportJsonSchema } from '../src/policy/report-schema.ts';
import { analysisJsonSchema } from '../src/analyze/schema.ts';
import { lockJsonSchema } from '../src/lock/schema.ts';
import { surveyJsonSchema } from '../src/survey/result.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** file (relative to the repo root) -> JSON Schema object. Extend here for the analyze schema. */
const SCHEMAS = {
  'schema/check-report.schema.json': checkReportJsonSchema(),
  'schema/analysis.schema.json': analysisJsonSchema(),
  'schema/oml-lock.schema.json': lockJsonSchema(),
  'schema/survey.schema.json': surveyJsonSchema(),
};

export const serialize = (obj) => `${JSON.stringify(obj, null, 2)}\n`;

const check = process.argv.includes('--check');
let stale = 0;
for (const [rel, obj] of Object.entries(SCHEMAS)) {
  const file = join(root, rel);
  const text = serialize(obj);
  if (check) {
    let old = '';
    try { old = readFileSync(file, 'utf8'); } catch { /* missing */ }
    if (old !== text) { stale++; console.error(`stale: ${rel} (run: npx vite-node scripts/gen-schema.mjs)`); }
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${rel}`);
  }
}
if (stale) process.exit(1);
