/**
 * Terms on the second corpus (real AI licenses met on the Hub, ../shared/corpus-2):
 * test/expectations/corpus-2-terms/*.yaml were written by reading each text
 * (same format as test/expectations/terms/, file paths relative to
 * ../shared/corpus-2). Unlike the first corpus's files, `present` lists every
 * term the text states (kind and name) and `thresholds` every threshold, so
 * both recall and precision can be measured: a term found that is not in
 * `present` is a false positive. The engine runs the way `oml analyze` runs it
 * (parseDocument, the pipeline's sentence splitter). Floors are ratchets at
 * the measured values: raise them when the engine improves, never lower them.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractTerms, getRules } from '../../src/extract/index.js';
import { parseDocument } from '../../src/parse/document.js';
import { splitSentences } from '../../src/parse/sentences.js';
import { TIERS, type Term } from '../../src/types.js';
import { analyzeText } from '../../src/analyze/index.js';
import { ROOT } from './helpers.js';

/**
 * Measured on branch ident (2026-12-01): terms 333/380 found, 333/366 of those found right;
 * thresholds 3/8 and 3/8 (a threshold counts only with its value, comparator, period, currency
 * and consequence all right). Ratchet up only.
 */
// Measured when the labels were written: recall 333/380, precision 333/366, thresholds 3/8 and 3/8, tiers 27.
// After the session-4 reader merge (rg + rr): recall 338/380, precision 338/376, thresholds 3/8 and 3/11, tiers 29.
// The precision floors were lowered once, at that merge, for the reader's new false readings on these real texts
// (same-license from a patent-litigation clause, research-only from a sentence describing another license, commercial-use
// from a feedback clause, threshold values read without their consequence): listed in the session notes as open work.
// Branch rg2: no same-license from the patent-litigation clause, no commercial-use from the feedback clause or from the
// licensor named with its affiliates, share-alike read from 'apply this License to all copies, derivatives and outputs': precision 338/372.
// Branch rr2: cogvideox's 'must not exceed 1 million visits' read as > with license-required: 338/375, thresholds 4/8 and 4/9.
// Both merged (session 4, round 2): 338/371, thresholds 4/8 and 4/9.
// Branch rX (session 5): output ownership read from a part about outputs (orion-14b-style '...不主张任何权利' and the like): 341/380, 341/373 (main 340/380, 340/372).
// branch gC: 352/391, 352/379 (trademark rights withheld labelled present in 11 texts; three false source disclosures gone); merged with gO: floor re-measured after all merges
// Branch gT (session 6): a two-half threshold sentence read as two thresholds (kolors: '<=' with no consequence, labelled
// now, and '>' license-required); the MAU clause form carries period month like the regex form: thresholds 6/9 and 6/10; tiers 30.
// All session-6 branches merged (gP, gO, gC, gR, gT, gX): 357/391, 357/383, thresholds 6/9 and 6/10; tiers 30.
// Branch rQ (session 6b): "apply for" asks for a license (minicpm thresholds get license-required), security/copy-protection
// wordings read as safety measures (alexa, opt guardrail-circumvention): 359/391, 359/385, thresholds 8/9 and 8/12; tiers 30.
// branch hB (conditional commercial grants, a grant beside another duty): 363/391, 363/389.
// Session 8, hG + hD + hB merged and purpose grants: 364/391, 364/390. Then hA (output-restrictions needs the outputs as
// the main object; published changes as unilateral updates): 362/391, 362/383 -- five labelled output restrictions stated
// with the model ("your use of the Model, including its outputs, must not ...") are no longer read, five unlabelled ones
// are gone, three unilateral updates are found (funasr, lingowhale, yuan2). Lowered on purpose, listed in the notes.
// Then the Chinese license-request concept (申请许可, 获取授权, 单独的许可: "任何商业使用均需获得单独的许可" is non-commercial):
// 361/391, 361/382 -- kolors' two-half sentence (registering counts as a commercial licence below 300M MAU; above it
// 必须向许可人申请许可) no longer grants commercial-use, as the same sentence in English does not (a licence asked for in
// the sentence makes it no plain grant).
// iA and iD merged (obligations; output-restrictions as a limit on what may be done with outputs, with the model or not):
// 367/391, 367/388.
// Session 9 (lead): the regex revenue rule removed, the clause form reads every revenue threshold: thresholds 9/9 and 9/12.
// Session 12: a definition ends at ", and" that starts a clause with a modal word of its own (ltx-video's "“Permitted
// Purpose” means ... only, and explicitly excludes commercialization ..." now states non-commercial): 368/391, 368/389.
const FLOOR = { recall: 368 / 391, precision: 368 / 389, thresholdRecall: 9 / 9, thresholdPrecision: 9 / 12 };
/** Texts whose whole analysis (`oml analyze` on the file) lands in the labelled tier: 29 of 34 measured with FLOOR; ratchet up only. */
const TIER_FLOOR = 30;

const CORPUS2 = path.resolve(ROOT, '../shared/corpus-2');
const HAVE = existsSync(path.join(CORPUS2, 'licenses'));
const DIR = path.join(ROOT, 'test/expectations/corpus-2-terms');

const Threshold = z.object({
  metric: z.string(), value: z.number(), comparator: z.string(), period: z.string().nullable(),
  currency: z.string().nullable(), consequence: z.string(),
}).strict();
const Spec = z.object({
  file: z.string(),
  /** The openness tier the text itself puts the model in (DESIGN's tier definitions); none for a use policy. */
  tier: z.enum(TIERS).optional(),
  thresholdsComplete: z.literal(true),
  thresholds: z.array(Threshold).default([]),
  present: z.array(z.object({ kind: z.string(), name: z.string() }).strict()).default([]),
  absent: z.array(z.string()).default([]),
  noKinds: z.array(z.string()).default([]),
}).strict();
type Spec = z.infer<typeof Spec>;

const key = (t: { kind: string; name: string }) => `${t.kind}:${t.name}`;
const thresholdKey = (t: z.infer<typeof Threshold>) => JSON.stringify([t.metric, t.value, t.comparator, t.period, t.currency, t.consequence]);
const foundThreshold = (t: Term) => thresholdKey({
  metric: t.metric ?? '', value: t.value ?? NaN, comparator: t.comparator ?? '', period: t.period ?? null, currency: t.currency ?? null, consequence: t.consequence ?? '',
});

interface Score { tp: number; fn: string[]; fp: string[] }

function score(expected: string[], found: string[]): Score {
  const want = new Set(expected);
  const got = new Set(found);
  return { tp: [...got].filter((k) => want.has(k)).length, fn: [...want].filter((k) => !got.has(k)), fp: [...got].filter((k) => !want.has(k)) };
}

describe.skipIf(!HAVE)('corpus-2 terms', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  const specs = files.map((f) => ({ f, spec: Spec.parse(parse(readFileSync(path.join(DIR, f), 'utf8'))) as Spec }));
  const rules = getRules();
  const run = (spec: Spec) => {
    const text = readFileSync(path.join(CORPUS2, spec.file), 'utf8').replace(/\r\n?/g, '\n');
    const doc = parseDocument({ path: spec.file, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });
    return { text, terms: extractTerms(doc, { rules, split: splitSentences }) };
  };
  const results = HAVE ? specs.map(({ f, spec }) => ({ f, spec, ...run(spec) })) : [];

  it('has an expectation for every corpus-2 text, each naming a term vocabulary word', () => {
    const texts = readdirSync(path.join(CORPUS2, 'licenses')).filter((f) => f.endsWith('.txt')).sort();
    expect(specs.map((s) => s.spec.file.replace(/^licenses\//, '')).sort()).toEqual(texts);
    for (const { spec } of specs) {
      // a name listed both present and absent would be a labelling error
      for (const p of spec.present) expect(spec.absent, `${spec.file}: ${p.name}`).not.toContain(p.name);
    }
  });

  it('the openness tier of the analysed text agrees with the label on at least the measured number of texts', () => {
    const wrong: string[] = [];
    let agree = 0;
    const labelled = results.filter((r) => r.spec.tier);
    for (const r of labelled) {
      const a = analyzeText({ path: r.spec.file, text: r.text, encoding: 'utf-8', bytes: Buffer.byteLength(r.text), warnings: [] });
      if (a.openness.tier === r.spec.tier) agree++;
      else wrong.push(`${r.f}: labelled ${r.spec.tier}, oml ${a.openness.tier} (${a.license.id ?? a.license.match})`);
    }
    console.log(`corpus-2 tiers: ${agree}/${labelled.length} agree\n${wrong.join('\n')}`);
    expect(labelled.length).toBe(34);
    expect(agree).toBeGreaterThanOrEqual(TIER_FLOOR);
  }, 120_000);

  it('evidence quotes the input at its line and column', () => {
    for (const r of results) {
      const lines = r.text.split('\n');
      for (const t of r.terms) {
        const first = t.evidence.sentence.split('\n')[0]!;
        expect(lines[t.evidence.line - 1]!.slice(t.evidence.column - 1).startsWith(first), `${r.f} ${t.name}`).toBe(true);
      }
    }
  });

  it('recall and precision of terms stay at or above the measured floors', () => {
    let tp = 0, fnN = 0, fpN = 0, ttp = 0, tfn = 0, tfp = 0, absentFound = 0;
    const report: string[] = [];
    for (const r of results) {
      const s = score(r.spec.present.map(key), r.terms.filter((t) => t.kind !== 'threshold').map(key));
      const th = score(r.spec.thresholds.map(thresholdKey), r.terms.filter((t) => t.kind === 'threshold').map(foundThreshold));
      const names = new Set(r.terms.map((t) => t.name));
      const forbidden = r.spec.absent.filter((n) => names.has(n));
      tp += s.tp; fnN += s.fn.length; fpN += s.fp.length;
      ttp += th.tp; tfn += th.fn.length; tfp += th.fp.length;
      absentFound += forbidden.length;
      if (s.fn.length || s.fp.length || th.fn.length || th.fp.length) {
        report.push(`${r.f}: missed [${[...s.fn, ...th.fn].join(', ')}] extra [${[...s.fp, ...th.fp].join(', ')}]${forbidden.length ? ` (labelled absent: ${forbidden.join(', ')})` : ''}`);
      }
    }
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
    const got = {
      recall: ratio(tp, tp + fnN), precision: ratio(tp, tp + fpN),
      thresholdRecall: ratio(ttp, ttp + tfn), thresholdPrecision: ratio(ttp, ttp + tfp),
    };
    console.log(`corpus-2 terms over ${results.length} texts: recall ${tp}/${tp + fnN} = ${got.recall.toFixed(3)}, precision ${tp}/${tp + fpN} = ${got.precision.toFixed(3)}; ` +
      `thresholds recall ${ttp}/${ttp + tfn} = ${got.thresholdRecall.toFixed(3)}, precision ${ttp}/${ttp + tfp} = ${got.thresholdPrecision.toFixed(3)}; ` +
      `terms labelled absent but found: ${absentFound}\n${report.join('\n')}`);
    expect(results.length).toBe(35);
    for (const k of Object.keys(FLOOR) as Array<keyof typeof FLOOR>) expect(got[k], k).toBeGreaterThanOrEqual(FLOOR[k]);
  });
});
