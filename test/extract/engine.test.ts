import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractTerms, getRules, loadRules } from '../../src/extract/index.js';
import { isOmlError } from '../../src/errors.js';
import type { Term } from '../../src/types.js';
import { corpusText, docOf } from './helpers.js';
import { cpuSince } from '../cpu-time.js';

const rules = getRules();
const find = (terms: Term[], name: string) => terms.filter((t) => t.name === name);

const ACME = [
  'ACME MODEL LICENSE 2.0',
  '',
  'Acme Robotics grants you a worldwide license to use, copy, modify, and distribute the Acme Model.',
  '',
  'If your products have at least 3.5 million daily active users, you must request a license from Acme.',
  'Licensees with more than €5M annual turnover must pay the royalty set out in Annex 2.',
  'You must display "Made with Acme" on your product website.',
  '',
  'You will not use the Acme Model for non-commercial purposes only. This sentence is nonsense but harmless.',
  'Derivative model names must begin with "Acme".',
  'This license is not available to companies domiciled in the Republic of Korea or the United Kingdom.',
  'This Agreement is governed by the laws of Ontario.',
].join('\n');

describe('made-up Acme Model License', () => {
  const terms = extractTerms(docOf(ACME, 'acme/LICENSE'));
  test('daily active users threshold, inclusive boundary', () => {
    expect(find(terms, 'daily-active-users')).toMatchObject([{ value: 3500000, comparator: '>=', consequence: 'license-required', metric: 'daily-active-users' }]);
  });
  test('euro turnover threshold', () => {
    expect(find(terms, 'revenue')).toMatchObject([{ value: 5000000, comparator: '>', currency: 'EUR', period: 'year', consequence: 'fee' }]);
  });
  test('attribution, prefix, territories, law', () => {
    expect(find(terms, 'attribution-display')[0]?.text).toBe('Made with Acme');
    expect(find(terms, 'name-prefix')[0]?.text).toBe('Acme');
    expect(find(terms, 'territory-exclusion')[0]?.territories).toEqual(['GB', 'KR']);
    expect(find(terms, 'governing-law')[0]?.text).toBe('Ontario');
  });
  test('evidence line/column point at the sentence', () => {
    const t = find(terms, 'attribution-display')[0]!;
    expect(t.evidence).toEqual({ path: 'acme/LICENSE', line: 7, column: 1, sentence: 'You must display "Made with Acme" on your product website.' });
    const r = find(terms, 'revenue')[0]!;
    expect(r.evidence.line).toBe(6);
  });
  test('origin and via are passed through', () => {
    const t = extractTerms(docOf(ACME), { origin: 'incorporated', via: 'acme-aup' });
    expect(t.every((x) => x.origin === 'incorporated' && x.via === 'acme-aup')).toBe(true);
  });
});

describe('number, currency and comparator wordings', () => {
  const one = (s: string) => find(extractTerms(docOf(s), { rules }), 'revenue')[0];
  test.each([
    ['Companies with revenue of more than US$20 million per year need a license.', 20000000, 'USD', 'year', '>'],
    ['If annual revenue exceeds USD 1,000,000 you must obtain a license.', 1000000, 'USD', 'year', '>'],
    ['Users earning more than 1.5 billion yuan in annual revenue must pay a fee.', 1500000000, 'CNY', 'year', '>'],
    ['Licensees with at least £250,000 in monthly revenue must pay.', 250000, 'GBP', 'month', '>='],
    ['Licensees with more than 100M EUR in yearly revenue must pay.', 100000000, 'EUR', 'year', '>'],
    ['Any user with more than ¥700,000,000 in revenue each month must display credit.', 700000000, 'CNY', 'month', '>'],
  ])('%s', (s, value, currency, period, cmp) => {
    expect(one(s)).toMatchObject({ value, currency, period, comparator: cmp });
  });
});

describe('precision', () => {
  test('warranty disclaimers and negations produce no restriction', () => {
    const text = 'THE MODEL IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.\n\nPermission is granted to deal in the Model without restriction, with no limitations on commercial use.';
    expect(extractTerms(docOf(text)).filter((t) => t.kind === 'restriction')).toEqual([]);
  });
  test('a definition mentioning commercial use is not a non-commercial restriction', () => {
    const text = '"Commercial Use" means any use of the Model for commercial advantage.\n\n"Non-Commercial Purpose" means personal use for research.';
    expect(find(extractTerms(docOf(text)), 'non-commercial')).toEqual([]);
  });
  test('distinct thresholds are kept, duplicates are merged keeping the first evidence', () => {
    const text = 'Above more than 100 million monthly active users you must request a license.\n\nAgain: above more than 100 million monthly active users you must request a license.\n\nAbove more than 200 million monthly active users you must request a license.';
    const t = find(extractTerms(docOf(text)), 'monthly-active-users');
    expect(t.map((x) => x.value)).toEqual([100000000, 200000000]);
    expect(t[0]!.evidence.line).toBe(1);
  });
  test('an injected sentence splitter is used', () => {
    const doc = docOf('ignored');
    const terms = extractTerms(doc, { split: () => [{ text: 'You must display "Hello Acme" in the app.', line: 9, column: 3, segment: 0 }] });
    expect(terms).toMatchObject([{ name: 'attribution-display', text: 'Hello Acme', evidence: { line: 9, column: 3 } }]);
  });
});

describe('corpus texts changed in memory', () => {
  test('Llama 3.1 with 250 million instead of 700 million', () => {
    const text = corpusText('licenses/llama-3.1-community-license.txt');
    expect(text).toContain('700 million');
    const terms = extractTerms(docOf(text.replace('700 million', '250 million')));
    expect(find(terms, 'monthly-active-users')).toMatchObject([{ value: 250000000, comparator: '>', consequence: 'license-required' }]);
  });
  test('Llama 3.1 with "at least" instead of "greater than"', () => {
    const text = corpusText('licenses/llama-3.1-community-license.txt').replace('is greater than 700 million', 'is at least 700 million');
    expect(find(extractTerms(docOf(text)), 'monthly-active-users')).toMatchObject([{ value: 700000000, comparator: '>=' }]);
  });
  test('MIT plus a revenue rider', () => {
    const mit = corpusText('licenses/deepseek-r1-mit.txt');
    expect(find(extractTerms(docOf(mit)), 'revenue')).toEqual([]);
    const rider = '\n\nAdditional term: if your company has more than USD 50 million in annual revenue, you must obtain a commercial license from the authors.\n';
    const terms = extractTerms(docOf(mit + rider));
    expect(find(terms, 'revenue')).toMatchObject([{ value: 50000000, currency: 'USD', period: 'year', comparator: '>', consequence: 'license-required' }]);
    expect(find(terms, 'revenue')[0]!.evidence.line).toBe(mit.split('\n').length + 2);
  });
  test('Kimi K2 with a different display string', () => {
    const text = corpusText('licenses/kimi-k2-modified-mit.txt').replace('"Kimi K2"', '"Acme Inside"');
    expect(find(extractTerms(docOf(text)), 'attribution-display')[0]?.text).toBe('Acme Inside');
  });
});

describe('performance', () => {
  test('2 MB of adversarial text finishes (hang guard, not a benchmark)', () => {
    const parts = [
      'more than more than 1,000,000,000, '.repeat(20000),
      ' '.repeat(200000), '9'.repeat(200000), ',0'.repeat(100000),
      'revenue of more than '.repeat(10000), '"display "'.repeat(20000),
      'monthly active users '.repeat(20000), '1. a. i. '.repeat(20000),
    ];
    let text = parts.join('\n');
    while (text.length < 2 * 1024 * 1024) text += ' more than 5 million monthly active users revenue USD $'.repeat(1000);
    const t0 = process.cpuUsage();
    extractTerms(docOf(text));
    expect(cpuSince(t0)).toBeLessThan(3000);
  });
  test('a 15 KB license takes a few milliseconds once warm', () => {
    const doc = docOf(corpusText('licenses/flux-1-dev-non-commercial-1.1.1.txt'));
    for (let i = 0; i < 5; i++) extractTerms(doc, { rules });
    const t0 = process.cpuUsage();
    for (let i = 0; i < 20; i++) extractTerms(doc, { rules });
    expect((cpuSince(t0)) / 20).toBeLessThan(50);
  });
});

describe('rule loader', () => {
  test('reports all problems across files at once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oml-rules-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.yaml'), 'id: a\nterm: { kind: obligation, name: x }\nkeywords: [xx]\npatterns: ["(unclosed"]\nexamples: { match: [{ text: x }], noMatch: [y] }\n');
    writeFileSync(path.join(dir, 'sub/b.yaml'), 'id: b\nterm: { kind: threshold, name: y }\nkeywords: [Y]\npatterns: ["y"]\nexamples: { match: [{ text: y }], noMatch: [] }\n');
    writeFileSync(path.join(dir, 'c.yaml'), 'id: c\nterm: { kind: other, name: z }\nkeywords: [zz]\npatterns: ["(?<a>z)"]\nfields: { text: { type: text, from: b } }\nexamples: { match: [{ text: z }], noMatch: [q] }\n');
    writeFileSync(path.join(dir, 'd.yaml'), 'id: [unclosed\n');
    try {
      loadRules(dir);
      expect.unreachable();
    } catch (e) {
      expect(isOmlError(e) && e.code).toBe('RULES');
      const msg = (e as Error).message;
      expect(msg).toContain('a.yaml patterns.0.regex: invalid regex');
      expect(msg).toMatch(/sub\/b\.yaml keywords\.0: keywords must be lowercase/);
      expect(msg).toMatch(/sub\/b\.yaml examples\.noMatch: a rule needs at least one noMatch example/);
      expect(msg).toContain('c.yaml fields.text.from: no pattern has a capture group named "b"');
      expect(msg).toContain('d.yaml (file)');
    }
  });
  test('a named constraint of _constraints.yaml is put in place; an unknown name is a problem naming the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oml-rules-'));
    writeFileSync(path.join(dir, '_constraints.yaml'), 'says-nothing:\n  qualifier: [unchanged-terms]\n  without: [{ only: true }]\n');
    const rule = (id: string, use: string) => `id: ${id}\nterm: { kind: threshold, name: revenue }\nclause:\n  any: [{ metric: [revenue] }]\n  none: [{ use: ${use} }]\n  threshold: { metric: revenue }\nexamples: { match: [{ text: x }], noMatch: [y] }\n`;
    writeFileSync(path.join(dir, 'a.yaml'), rule('a', 'says-nothing'));
    const [a] = loadRules(dir);
    expect(a!.clause!.none).toEqual([{ qualifier: ['unchanged-terms'], without: [{ only: true }] }]);
    writeFileSync(path.join(dir, 'b.yaml'), rule('b', 'no-such-name'));
    expect(() => loadRules(dir)).toThrow(/b\.yaml clause\.none\.0\.use: no constraint named "no-such-name" in _constraints\.yaml/);
    writeFileSync(path.join(dir, '_constraints.yaml'), 'says-nothing:\n  qualifer: [typo]\n');
    expect(() => loadRules(dir)).toThrow(/_constraints\.yaml says-nothing/);
  });
  test('the shipped rules cover every term name of the DESIGN vocabulary', () => {
    const names = new Set(loadRules().map((r) => `${r.term.kind}:${r.term.name}`));
    const vocab = {
      permission: ['use', 'modify', 'distribute', 'commercial-use', 'sublicense', 'patent-grant'],
      obligation: ['include-license', 'retain-notice', 'attribution-display', 'name-prefix', 'state-changes', 'pass-through-restrictions', 'comply-with-use-policy', 'registration-required'],
      restriction: ['prohibited-uses', 'no-training-other-models', 'non-commercial', 'research-only', 'non-production', 'territory-exclusion', 'no-hosting-service', 'no-trademark-use'],
      threshold: ['monthly-active-users', 'daily-active-users', 'revenue'],
      termination: ['litigation-termination', 'breach-termination', 'remote-restriction', 'guardrail-circumvention'],
      other: ['unilateral-updates', 'governing-law', 'output-ownership', 'output-restrictions'],
    };
    for (const [kind, list] of Object.entries(vocab)) for (const n of list) expect(names).toContain(`${kind}:${n}`);
  });
});
