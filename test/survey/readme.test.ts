/**
 * The README's `oml survey` agreement table comes from a real run on Epoch AI's
 * notable models CSV: this test fails when it drifts.
 * `UPDATE_README=1 npx vitest run test/survey/readme.test.ts` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSurvey } from '../../src/survey/index.js';
import { renderAgreementMarkdown } from '../../src/survey/render-markdown.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = join(ROOT, 'README.md');
const EPOCH = resolve(ROOT, '../shared/data/epoch/notable_ai_models.csv');
const NAME = 'survey-agreement';

describe('README oml survey section', () => {
  it('the agreement table is the one a run on the Epoch AI CSV produces', async () => {
    const r = await runSurvey([EPOCH]);
    expect(r.agreement).not.toBeNull();
    const body = renderAgreementMarkdown(r.agreement!);
    const re = new RegExp(`(<!-- generated:${NAME} -->\\n)[\\s\\S]*?(<!-- /generated:${NAME} -->)`);
    let text = readFileSync(README, 'utf8');
    if (process.env.UPDATE_README) {
      text = text.replace(re, (_m, a: string, b: string) => `${a}${body}\n${b}`);
      writeFileSync(README, text);
    }
    const m = re.exec(text);
    expect(m, `README.md lacks the ${NAME} markers`).not.toBeNull();
    expect(m![0]).toBe(`<!-- generated:${NAME} -->\n${body}\n<!-- /generated:${NAME} -->`);
  }, 60_000);
});
