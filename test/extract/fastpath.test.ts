/**
 * The extraction fast paths (clause prefilter, reuse of a sentence's gate and reading) change no result:
 * the whole analysis of every corpus and corpus-2 text is the same JSON on a first run and on a second
 * with everything already seen (every sentence then comes from the reuse memo). Fast paths off against on
 * (OML_NO_FASTPATH=1) for the same texts, through the built CLI: test/cli/pool.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { getRules } from '../../src/extract/compile.js';
import { possibleClauseRules } from '../../src/extract/prefilter.js';
import { tokenize } from '../../src/extract/clause/tokens.js';
import { readSourceSync } from '../../src/read/file.js';
import { REPO } from './helpers.js';

const SHARED = path.resolve(REPO, '../shared');
const dirs = ['corpus/licenses', 'corpus/model-cards', 'corpus-2/licenses'].map((d) => path.join(SHARED, d)).filter((d) => existsSync(d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(d, f)));

const runAll = (): string[] => files.map((f) => JSON.stringify(analyzeText(readSourceSync(f))));

describe('extraction fast paths', () => {
  test('the corpus is there (at least 100 texts)', () => expect(files.length).toBeGreaterThanOrEqual(100));

  test('same analysis JSON on every corpus text on a first run and again with every sentence seen before', () => {
    const first = runAll();
    const again = runAll();
    for (let i = 0; i < files.length; i++) expect(again[i], files[i]).toBe(first[i]);
  }, 300_000);

  test('the prefilter does leave rules out (it is not a no-op) and keeps a rule whose word is there', () => {
    const rules = getRules();
    const f = rules.clausePrefilter();
    const none = possibleClauseRules(f, tokenize('The Software is provided as is.'));
    expect(none.size).toBeLessThan(rules.clauseRules.length);
    const commercial = rules.clauseRules.find((ri) => rules.rules[ri]!.rule.id === 'clause-non-commercial');
    expect(commercial).toBeDefined();
    expect(possibleClauseRules(f, tokenize('You may not use it for commercial purposes.')).has(commercial!)).toBe(true);
  });
});
