/**
 * The reader's development set (issue 18): test/extract/dev/<term>.yaml, sentences we wrote ourselves from
 * DESIGN.md's term definitions (same format as test/blind/cases, scored the same way), to tune the reader on
 * without looking at the blind suite. Each case runs alone through the public analyzeText as a plain-text
 * LICENSE; the test prints recall / precision per term and every miss and false positive (these are our own
 * sentences: fitting to them is the point), and holds a floor per term.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { loadVocabulary, parseCaseFile, type BlindCase } from '../blind/cases.js';
import { score, type Found } from '../blind/score.js';
import { REPO } from './helpers.js';

const DIR = path.join(REPO, 'test/extract/dev');
/** Floors every dev term must hold (raise them as the reader improves). */
const FLOOR = { recall: 0.9, precision: 0.95 };

const vocab = loadVocabulary();
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => parseCaseFile(f, readFileSync(path.join(DIR, f), 'utf8')));
const cases: BlindCase[] = files.flatMap((f) => f.cases);

function run(c: BlindCase): Array<Found & { rule: string }> {
  const r = analyzeText({ path: 'LICENSE', text: c.document, encoding: 'utf-8', bytes: Buffer.byteLength(c.document), warnings: [] });
  return r.terms.filter((t) => t.origin === 'text');
}

describe('reader dev set (test/extract/dev)', () => {
  it('every file names a vocabulary term of its kind', () => {
    for (const f of files) expect(vocab.kindOf.get(f.term), f.file).toBe(f.kind);
  });

  it('recall and precision per term (printed; floors)', () => {
    const found = new Map(cases.map((c) => [c.id, run(c)]));
    const s = score(cases, found, vocab);
    const mine = new Set(files.map((f) => f.term));
    const pct = (x: number | null) => (x === null ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
    const lines = s.terms.filter((t) => mine.has(t.term)).map((t) =>
      `${t.term.padEnd(28)} ${`${t.tp}/${t.positives}`.padStart(7)} recall ${pct(t.recall)}  fp ${String(t.fp).padStart(3)}  precision ${pct(t.precision)}`);
    const detail: string[] = [];
    for (const c of cases) {
      const got = found.get(c.id) ?? [];
      const names = new Set(got.map((t) => t.name));
      const rule = (n: string) => `${n} (${got.filter((t) => t.name === n).map((t) => t.rule).join(' ')})`;
      if (c.polarity === 'positive' && !names.has(c.term)) detail.push(`MISS ${c.id}: ${JSON.stringify(c.document)}`);
      const extra = [...names].filter((n) => mine.has(n) && n !== c.term && !c.also.includes(n));
      if (c.polarity === 'near-miss' && names.has(c.term)) extra.unshift(c.term);
      if (extra.length) detail.push(`FP   ${c.id} -> ${extra.map(rule).join(', ')}: ${JSON.stringify(c.document)}`);
    }
    console.log([...lines, ...detail].join('\n'));
    const low = s.terms.filter((t) => mine.has(t.term))
      .filter((t) => (t.recall ?? 0) < FLOOR.recall || (t.precision !== null && t.precision < FLOOR.precision))
      .map((t) => `${t.term}: recall ${pct(t.recall)}, precision ${pct(t.precision)}`);
    expect(low).toEqual([]);
  });
});
