/** The clause reader's regexes (tokens, thresholds) are safe from catastrophic backtracking (recheck). */
import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { TOKEN_PATTERNS } from '../../src/extract/clause/tokens.js';
import { THRESHOLD_PATTERNS } from '../../src/extract/clause/threshold.js';
import { DEFINITION_END_PATTERNS } from '../../src/extract/clause/definition-end.js';
import { DEFINED_NAME_PATTERNS } from '../../src/extract/defined-names.js';

const PARAMS = { timeout: 120_000, attackTimeout: null, randomSeed: 42 } as const;

describe('recheck: clause reader', () => {
  const all = [
    ...TOKEN_PATTERNS.map((r, i) => ({ where: `tokens ${i}`, re: r })),
    ...THRESHOLD_PATTERNS.map((r, i) => ({ where: `threshold ${i}`, re: r })),
    ...DEFINITION_END_PATTERNS.map((r, i) => ({ where: `definition-end ${i}`, re: r })),
    ...DEFINED_NAME_PATTERNS.map((r, i) => ({ where: `defined-names ${i}`, re: r })),
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
