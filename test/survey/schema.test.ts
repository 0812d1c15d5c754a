/** `oml survey --format json` output validates against its zod schema; the published JSON Schema is current. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSurvey } from '../../src/survey/index.js';
import { SurveyResultSchema, surveyJsonSchema } from '../../src/survey/result.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');

describe('survey JSON', () => {
  it('schema/survey.schema.json is generated from the zod schemas (run: npx vite-node scripts/gen-schema.mjs)', () => {
    expect(readFileSync(join(REPO, 'schema/survey.schema.json'), 'utf8')).toBe(`${JSON.stringify(surveyJsonSchema(), null, 2)}\n`);
  });

  it.each(['hub-small.jsonl', 'epoch-small.csv'])('the result for %s validates', async (f) => {
    const r = await runSurvey([join(HERE, 'fixtures', f)], { by: ['country', 'year', 'publisher', 'license', 'tier'] });
    const parsed = SurveyResultSchema.safeParse(JSON.parse(JSON.stringify(r)));
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
  });
});
