/**
 * The `oml analyze` text report in plain words: the headline is the tier's
 * wording from data/report-text.yaml, every term one line with its action,
 * a shortened one-line quote and where it is; duplicates merged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../../src/analyze/index.js';
import { termActionText } from '../../src/assess/commercial.js';
import { listCatalog } from '../../src/catalog/index.js';
import { renderAnalysisText } from '../../src/report/analysis-text.js';
import { mergeTerms, shorten, termPhrase } from '../../src/report/term-lines.js';
import { fill, reportText, ReportTextSchema } from '../../src/report/text-wording.js';
import type { Analysis, Term } from '../../src/types.js';
import { CASES } from '../golden/cases.js';

const REPO = resolve(__dirname, '../..');

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(join(dir, e.name)) : e.name.endsWith('.yaml') && !e.name.startsWith('_') ? [join(dir, e.name)] : []);
}

const term = (over: Partial<Term>): Term => ({
  kind: 'obligation', name: 'include-license', rule: 'test-rule', origin: 'text',
  evidence: { path: 'LICENSE', line: 3, column: 1, sentence: 'You must include a copy of this license.' },
  ...over,
});

const termLines = (out: string) => out.split('\n').filter((l) => l.startsWith('    '));

describe('analyze text report wording', () => {
  let base: Analysis;
  beforeAll(async () => {
    const { results } = await analyzePaths([join(REPO, 'examples/acme-model')]);
    base = results[0]!;
  });

  it('the wording table rejects a tier without a headline and a headline without {license}', () => {
    const raw = parse(readFileSync(join(REPO, 'data/report-text.yaml'), 'utf8'));
    expect(ReportTextSchema.safeParse(raw).success).toBe(true);
    const { unknown: _u, ...missing } = raw.headlines;
    expect(ReportTextSchema.safeParse({ ...raw, headlines: missing }).success).toBe(false);
    expect(ReportTextSchema.safeParse({ ...raw, headlines: { ...raw.headlines, unknown: 'UNKNOWN: do not ship' } }).success).toBe(false);
  });

  it('every term a rule can produce has plain words (an action or a meaning), not only its name', () => {
    const unworded: string[] = [];
    let seen = 0;
    for (const f of ruleFiles(join(REPO, 'rules'))) {
      const rule = parse(readFileSync(f, 'utf8')) as { term?: { kind: Term['kind']; name: string } };
      if (!rule?.term) continue;
      seen++;
      const t = term({ kind: rule.term.kind, name: rule.term.name, value: 1, comparator: '>', consequence: 'license-required' });
      const phrase = termPhrase(t);
      const worded = t.kind === 'threshold' ? t.name in reportText().thresholds.metrics : phrase !== t.name;
      if (!worded) unworded.push(`${t.kind}/${t.name}`);
    }
    expect(seen).toBeGreaterThan(30);
    expect([...new Set(unworded)]).toEqual([]);
  });

  it('the headline without a profile is the tier wording with the license name, for every golden case', async () => {
    const { results } = await analyzePaths(CASES.map((c) => join(REPO, c.path)));
    expect(results.length).toBe(CASES.length);
    const tiers = new Set<string>();
    for (const a of results) {
      tiers.add(a.openness.tier);
      const name = a.license.name ?? a.license.id;
      const v = a.license.version;
      const license = name ? `${name}${v && !name.includes(v) ? ` (version ${v})` : ''}` : reportText().unknownLicense;
      expect(renderAnalysisText(a).split('\n')[1], a.subject.path).toBe(`  ${fill(reportText().headlines[a.openness.tier], { license })}`);
    }
    expect(tiers.size).toBeGreaterThanOrEqual(3);
  });

  it('the same term from several sources is one line listing every source', () => {
    const a = { ...base, terms: [term({}), term({ evidence: { ...term({}).evidence, path: 'NOTICE', line: 9 } }), term({ name: 'retain-notice' })] };
    const lines = termLines(renderAnalysisText(a));
    const include = lines.filter((l) => l.trimStart().startsWith('include-license:'));
    expect(include).toHaveLength(1);
    expect(include[0]).toContain('LICENSE:3; NOTICE:9');
    expect(mergeTerms(a.terms)).toHaveLength(2);
    expect(include[0]).toContain(termActionText(term({}))!);
  });

  it('catalog evidence shows the license name, its URL and the line, never the catalog pseudo-path', () => {
    const entry = listCatalog()[0]!;
    const t = term({ origin: 'catalog', via: entry.id, evidence: { path: `catalog:${entry.id}`, line: 12, column: 1, sentence: 'x' } });
    const line = termLines(renderAnalysisText({ ...base, terms: [t] }))[0]!;
    expect(line).toContain(entry.url);
    expect(line).toContain(entry.name);
    expect(line).toContain('12');
    expect(line).not.toContain('[catalog:');
  });

  it('a quoted sentence is one line, indented like the others, and shortened with an ellipsis', () => {
    const long = `first line\nsecond\r\n\tthird ${'word '.repeat(60)}`;
    const out = renderAnalysisText({ ...base, terms: [term({ evidence: { path: 'LICENSE', line: 3, column: 1, sentence: long } })] });
    const lines = out.split('\n');
    expect(lines.every((l) => l === '' || l.startsWith('  ') || l === lines[0])).toBe(true);
    const line = termLines(out)[0]!;
    expect(line).toContain('"first line second third word');
    expect(line).not.toMatch(/\\n|\\t|\\r/);
    const q = shorten(long);
    expect(Array.from(q).length).toBeLessThanOrEqual(reportText().quoteChars);
    expect(q.endsWith('…')).toBe(true);
    expect(shorten('short sentence.')).toBe('short sentence.');
  });

  it('a permission carries no scope; a restriction keeps what it covers', () => {
    const out = renderAnalysisText({ ...base, terms: [
      term({ kind: 'permission', name: 'use', scope: 'weights' }),
      term({ kind: 'restriction', name: 'non-commercial', scope: 'outputs' }),
    ] });
    const [restriction, permission] = termLines(out);
    expect(permission).not.toContain('scope');
    expect(restriction).toContain('scope: outputs');
  });
});
