import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analysisJsonSchema } from '../../src/analyze/schema.js';
import { REPO } from './helpers.js';

it('schema/analysis.schema.json is generated from the zod schemas (run: npx vite-node scripts/gen-schema.mjs)', () => {
  expect(readFileSync(join(REPO, 'schema/analysis.schema.json'), 'utf8')).toBe(`${JSON.stringify(analysisJsonSchema(), null, 2)}\n`);
});
