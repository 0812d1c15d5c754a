import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { AnalysisSchema, type Analysis, type SourceText } from '../../src/types.js';
import { guarded, numbersIn, params, syntaxText, timeout } from './helpers.js';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const list = (sub: string) => readdirSync(join(CORPUS, sub)).filter((f) => !f.startsWith('.')).sort().map((f) => join(CORPUS, sub, f));
const FILES = [...list('licenses').filter((f) => f.endsWith('.txt')), ...list('model-cards').filter((f) => f.endsWith('.md'))];
const TEXTS = FILES.map((f) => readFileSync(f, 'utf8').replace(/\r\n?/g, '\n'));

const CODES = ['YAML', 'YAML_ALIAS'] as const;
const src = (text: string, path: string): SourceText => ({ path, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });

type Edit = { kind: 'delete' | 'insert' | 'duplicate' | 'number'; at: number; len: number; text: string };
const AMOUNTS = ['1e308', '999,999,999,999,999,999 billion', '0.0000001 million', '9'.repeat(350), '700 million', '-1'];
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'number'),
  at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
  len: fc.integer({ min: 0, max: 400 }),
  text: fc.oneof(syntaxText(10), fc.constantFrom(...AMOUNTS)),
}) as fc.Arbitrary<Edit>;

/** Applies edits at relative positions; `number` replaces the next digit run with an adversarial amount. */
function mutate(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.len);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else if (e.kind === 'duplicate') t = t.slice(0, at + e.len) + t.slice(at, at + e.len) + t.slice(at + e.len);
    else {
      const rest = t.slice(at);
      const m = /\d[\d,.]*/.exec(rest);
      if (m) t = t.slice(0, at + m.index) + AMOUNTS[e.len % AMOUNTS.length] + t.slice(at + m.index + m[0].length);
    }
  }
  return t;
}

function checkAnalysis(a: Analysis): void {
  const r = AnalysisSchema.safeParse(a);
  expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
  for (const n of numbersIn(a)) expect(Number.isFinite(n)).toBe(true);
  for (const t of a.terms) if (t.value !== undefined) expect(t.value).toBeGreaterThanOrEqual(0);
  if (a.openness.score !== null && a.openness.score !== undefined) {
    expect(a.openness.score).toBeGreaterThanOrEqual(0);
    expect(a.openness.score).toBeLessThanOrEqual(100);
  }
}

describe('fuzz: analyzeText', () => {
  it('analyses mutated corpus licenses and model cards: valid Analysis, finite numbers, in time', () => {
    fc.assert(
      fc.property(fc.nat(FILES.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom('remark', 'fast'), (i, edits, markdown) => {
        const path = `fuzz/${FILES[i]!.split('/').pop()}`;
        const text = mutate(TEXTS[i]!, edits);
        const a = guarded(() => analyzeText(src(text, path), { markdown: markdown as 'remark' | 'fast' }), path, CODES);
        if (a) checkAnalysis(a);
      }),
      params(60),
    );
  }, timeout(60000));

  it('analyses arbitrary short texts, with and without front matter', () => {
    const text = fc.oneof(syntaxText(60), fc.tuple(syntaxText(10), syntaxText(30)).map(([y, b]) => `---\nlicense: ${y}\n---\n${b}`));
    fc.assert(
      fc.property(text, fc.constantFrom('README.md', 'LICENSE'), (t, path) => {
        const a = guarded(() => analyzeText(src(t, path)), path, CODES);
        if (a) checkAnalysis(a);
      }),
      params(150),
    );
  }, timeout(30000));

  it('honours limits.maxYamlAliases and the markdown option passed through AnalyzeOptions', () => {
    const card = '---\nlicense: &l mit\nx: [*l, *l, *l]\n---\n# Card\n\nText.\n';
    expect(() => analyzeText(src(card, 'card/README.md'), { limits: { maxYamlAliases: 1 } })).toThrow(expect.objectContaining({ code: 'YAML_ALIAS', message: expect.stringContaining('card/README.md') }));
    expect(analyzeText(src(card, 'card/README.md'), { limits: { maxYamlAliases: 10 } }).declared).not.toBeNull();
    // both engines produce the same analysis for a corpus license rendered as markdown
    const i = FILES.findIndex((f) => f.endsWith('.md'));
    const md = src(TEXTS[i]!, 'README.md');
    expect(analyzeText(md, { markdown: 'fast' }).license.id).toBe(analyzeText(md, { markdown: 'remark' }).license.id);
  });
});
