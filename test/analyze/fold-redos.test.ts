/** The regexes of text folding and of the changes lexicon are safe from catastrophic backtracking (recheck). */
import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { changesLexicon } from '../../src/analyze/changes.js';
import { FOLD_PATTERNS } from '../../src/parse/fold.js';
import { NUMBER_PATTERNS } from '../../src/parse/numbers.js';

const PARAMS = { timeout: 120_000, attackTimeout: null, randomSeed: 42 } as const;

describe('recheck: folding and changes lexicon', () => {
  const all = [
    ...FOLD_PATTERNS.map((r, i) => ({ where: `fold ${i}`, re: r })),
    ...NUMBER_PATTERNS.map((r, i) => ({ where: `numbers ${i}`, re: r })),
    ...changesLexicon().harmless.map((r, i) => ({ where: `data/lexicons/changes.yaml harmless.${i}`, re: r })),
  ];
  it(`${all.length} patterns are safe`, async () => {
    const bad: string[] = [];
    for (const p of all) {
      const r = await check(p.re.source, p.re.flags.replace('g', ''), PARAMS);
      if (r.status !== 'safe') bad.push(`${p.where}: ${p.re.source} -> ${r.status}`);
    }
    expect(bad).toEqual([]);
  }, 600_000);
});
