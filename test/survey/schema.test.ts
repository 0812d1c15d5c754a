/** `oml survey --format json` output validates against its zod schema (the published JSON Schema's freshness: test/generate). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSurvey } from '../../src/survey/index.js';
import { SurveyResultSchema } from '../../src/survey/result.js';

const HERE = dirname(fileURLToPath(import.meta.url));

describe('survey JSON', () => {
  it.each(['hub-small.jsonl', 'epoch-small.csv'])('the result for %s validates', async (f) => {
    const r = await runSurvey([join(HERE, 'fixtures', f)], { by: ['country', 'year', 'publisher', 'license', 'tier'] });
    const parsed = SurveyResultSchema.safeParse(JSON.parse(JSON.stringify(r)));
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
  });
});
