import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lockJsonSchema } from '../../src/lock/schema.js';
import { REPO } from '../analyze/helpers.js';

it('schema/oml-lock.schema.json is generated from the zod schema (run: npx vite-node scripts/gen-schema.mjs)', () => {
  expect(readFileSync(join(REPO, 'schema/oml-lock.schema.json'), 'utf8')).toBe(`${JSON.stringify(lockJsonSchema(), null, 2)}\n`);
});
