import { describe, expect, test } from 'vitest';
import { extractTerms, getRules, loadRules } from '../../src/extract/index.js';
import { compileRules } from '../../src/extract/compile.js';
import { loadNormalizeTables } from '../../src/extract/load.js';
import { parseDocument } from '../../src/parse/document.js';
import type { ParsedDocument } from '../../src/types.js';

// examples go through the parse stage and the sentence splitter `oml analyze` runs (parseDocument, then
// extractTerms' default splitter, which is parse/sentences.ts's), not a test-only path
const docOf = (text: string): ParsedDocument => parseDocument({ path: 'example.txt', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });

const rules = loadRules();
const compiledAll = getRules();
// a clause-form rule is tested alone (the regex form of the same term would otherwise take its sentences first)
const clauseOnly = compileRules(rules.filter((r) => r.clause !== undefined), loadNormalizeTables());

describe('every rule example', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      const compiled = rule.clause !== undefined ? clauseOnly : compiledAll;
      rule.examples.match.forEach((ex, i) => {
        test(`match #${i + 1}`, () => {
          const terms = extractTerms(docOf(ex.text), { rules: compiled }).filter((t) => t.rule === rule.id);
          expect(terms.length, `no ${rule.id} term in: ${ex.text}`).toBeGreaterThan(0);
          expect(terms[0]).toMatchObject({ kind: rule.term.kind, name: rule.term.name, ...ex.expect });
          expect(ex.text).toContain(terms[0]!.evidence.sentence);
        });
      });
      rule.examples.noMatch.forEach((text, i) => {
        test(`noMatch #${i + 1}`, () => {
          const terms = extractTerms(docOf(text), { rules: compiled }).filter((t) => t.rule === rule.id);
          expect(terms).toEqual([]);
        });
      });
    });
  }
});
