/** The clause reader's closed-class words (data/lexicons/reader/grammar.yaml): every set is read by the code and only there. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRAMMAR_SETS, GrammarSchema, wordSet } from '../../src/extract/clause/grammar.js';
import { lemmas } from '../../src/extract/clause/tokens.js';
import { REPO } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('reader grammar words', () => {
  test('a file without one of the sets the code names is refused', () => {
    const sets = Object.fromEntries(GRAMMAR_SETS.map((s) => [s, ['x']]));
    expect(GrammarSchema.safeParse({ sets }).success).toBe(true);
    delete (sets as Record<string, unknown>)['np-glue'];
    const r = GrammarSchema.safeParse({ sets });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('np-glue');
  });

  test('every set is used by the reader, by name', () => {
    const code = sources(path.join(REPO, 'src')).filter((f) => !f.endsWith('grammar.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(GRAMMAR_SETS.filter((s) => !code.includes(`wordSet('${s}')`))).toEqual([]);
  });

  test('the words reach the reader: the forms of "be" lemmatize to be, a determiner is a determiner', () => {
    expect(lemmas('were')).toEqual(['were', 'be']);
    expect(wordSet('head-determiners').has('their')).toBe(true);
    expect(wordSet('noun-determiners').has('their')).toBe(false);
  });
});
