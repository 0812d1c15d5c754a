/**
 * Engine features rule files rely on: whitespace-insensitive lookups, markdown
 * emphasis removed from what rules see, list lead-ins ("You will not:") and the
 * consequence read from the next sentences. All texts are made up.
 */
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../src/extract/compile.js';
import { extractTerms, leadIns, ruleView } from '../../src/extract/engine.js';
import { loadNormalizeTables } from '../../src/extract/load.js';
import { makeNormalizers } from '../../src/extract/normalize.js';
import { RuleSchema } from '../../src/extract/schema.js';
import { splitSentences } from '../../src/parse/sentences.js';
import { docOf } from './helpers.js';

const tables = loadNormalizeTables();
const norm = makeNormalizers(tables);
const ex = { match: [{ text: 'x' }], noMatch: ['y'] };

function rulesOf(...raw: unknown[]) {
  return compileRules(raw.map((r) => RuleSchema.parse({ examples: ex, ...(r as object) })), tables);
}

const hosting = {
  id: 'test-no-hosting', term: { kind: 'restriction', name: 'no-hosting-service' }, keywords: ['hosted'],
  patterns: ['\\b(?:not|never)\\b:?(?:\\s+\\S+){0,6}?\\s+(?:offer|provide)\\s+the\\s+model\\s+as\\s+a\\s+hosted\\s+service\\b'],
  leadIn: true,
};
const distribute = {
  id: 'test-distribute', term: { kind: 'permission', name: 'distribute' }, keywords: ['distribute'],
  // the text field keeps matches on different items apart (identical terms are merged)
  patterns: ['\\bdistribute\\s+(?<what>\\S+\\s+\\S+)'],
  fields: { text: { type: 'text', from: 'what' } },
  unless: ['\\bmay\\s+not\\s+distribute\\b', { regex: '\\b(?:will|shall|must|may)\\s+not\\b|\\bagree\\s+not\\s+to\\b', on: 'lead-in' }],
};

describe('normalizer lookups treat any whitespace run as one space', () => {
  test.each([
    ['comparator', 'more\nthan', '>'],
    ['comparator', 'at \t least', '>='],
    ['period', 'per\n   month', 'month'],
    ['period', 'in the preceding\n12 months', 'year'],
    ['consequence', 'you must request a\nlicense', 'license-required'],
    ['currency', '20 million US\ndollars', 'USD'],
  ] as const)('%s of %j', (kind, text, want) => {
    expect((norm[kind] as (s: string) => unknown)(text)).toBe(want);
  });
  test('territories and scope', () => {
    expect(norm.territories('the United\nKingdom or the Republic of\nKorea')).toEqual(['GB', 'KR']);
    expect(norm.scope('generated\ncontent')).toBe('outputs');
  });
  test('a keyword broken across lines still selects its rule', () => {
    const rules = rulesOf({
      id: 'test-mau', term: { kind: 'threshold', name: 'monthly-active-users' }, keywords: ['monthly active users'],
      patterns: ['(?<cmp>more\\s+than)\\s+(?<n>\\d+\\s+million)\\s+monthly\\s+active\\s+users'],
      fields: { value: { type: 'number', from: 'n' }, comparator: { type: 'comparator', from: 'cmp' } },
    });
    const t = extractTerms(docOf('Acme products with more\nthan 5 million monthly\nactive users need a deal.'), { rules });
    expect(t).toMatchObject([{ value: 5000000, comparator: '>' }]);
  });
});

describe('markdown emphasis is invisible to rules, evidence quotes the input', () => {
  test('ruleView removes **, __ and * around words, keeps bullets and arithmetic', () => {
    expect(ruleView('the "**Acme Notice** " file')).toBe('the "Acme Notice " file');
    expect(ruleView('a __bold__ and *italic* word')).toBe('a bold and italic word');
    expect(ruleView('* item with 5 * 3 apples')).toBe('* item with 5 * 3 apples');
    expect(ruleView('snake_case stays')).toBe('snake_case stays');
  });
  test('a quoted name in bold matches and the text field is clean', () => {
    const rules = rulesOf({
      id: 'test-display', term: { kind: 'obligation', name: 'attribution-display' }, keywords: ['display'],
      patterns: ['\\bdisplay\\s+[“"](?<t>[^”"\\n]{2,40})[”"]'],
      fields: { text: { type: 'text', from: 't' } },
    });
    const input = 'Intro line.\nYou must display "**Made with** *Acme*" in your app.';
    const [t] = extractTerms(docOf(input), { rules });
    expect(t).toMatchObject({ text: 'Made with Acme', evidence: { line: 2, column: 1, sentence: 'You must display "**Made with** *Acme*" in your app.' } });
  });
});

describe('list items under a lead-in ending with ":"', () => {
  const text = [
    '1) GRANT.',
    '',
    'Acme grants you these rights for research:',
    '',
    '  a) Code. You may use the code.',
    '  b) Weights. You may distribute the weights to colleagues.',
    '',
    '2) LIMITS. Acme keeps all other rights. You will not (and may not try to):',
    '',
    '  a) share, sell, distribute or lend the Model;',
    '  b) provide the Model as a hosted service for others; or',
    '  c) do any of the following:',
    '     i. rent it out;',
    '     ii. distribute it on a website.',
    '  d) remove notices.',
    '',
    '3) FEEDBACK. You may distribute your changes back to Acme.',
  ].join('\n');
  const doc = docOf(text);
  const sentences = splitSentences(doc);
  const leads = leadIns(doc, sentences, sentences.map((s) => ruleView(s.text)));
  const leadOf = (start: string) => leads[sentences.findIndex((s) => s.text.startsWith(start))];

  test('each item knows its lead-in chain; a new section closes the list', () => {
    expect(leadOf('a) Code.')).toBe('Acme grants you these rights for research:');
    expect(leadOf('b) Weights.')).toBe('Acme grants you these rights for research:');
    expect(leadOf('a) share')).toBe('You will not (and may not try to):');
    expect(leadOf('i. rent')).toBe('You will not (and may not try to): c) do any of the following:');
    expect(leadOf('ii. distribute')).toBe('You will not (and may not try to): c) do any of the following:');
    expect(leadOf('d) remove')).toBe('You will not (and may not try to):');
    expect(leadOf('2) LIMITS.')).toBeUndefined();
    expect(leadOf('3) FEEDBACK.')).toBeUndefined();
    expect(leadOf('You may use the code.')).toBeUndefined();
  });
  test('an `on: lead-in` unless keeps a permission off prohibited items', () => {
    const t = extractTerms(doc, { rules: rulesOf(distribute) });
    expect(t.map((x) => x.evidence.line)).toEqual([6, 17]);
  });
  test('a default unless is also tested against lead-in + item', () => {
    // (a term of another kind than a permission: a permission's fixed phrase in an item under "You will not" states no
    // right whatever its unless says, src/extract/clause/grant-veto.ts)
    const rules = rulesOf({ ...distribute, term: { kind: 'obligation', name: 'include-license' }, unless: ['\\bwill\\s+not\\b(?:\\s+\\S+){0,8}?\\s+share\\b'] });
    const lines = extractTerms(doc, { rules }).map((x) => x.evidence.line);
    expect(lines).not.toContain(10);
    expect(lines).toContain(14);
  });
  test('a leadIn rule finds an item whose negation is only in the lead-in; evidence is the item', () => {
    const t = extractTerms(doc, { rules: rulesOf(hosting) });
    expect(t).toMatchObject([{ name: 'no-hosting-service', evidence: { line: 11, column: 3, sentence: 'b) provide the Model as a hosted service for others; or' } }]);
    expect(extractTerms(doc, { rules: rulesOf({ ...hosting, leadIn: false }) })).toEqual([]);
  });
  test('a leadIn match must reach into the item', () => {
    const rules = rulesOf({ ...hosting, keywords: ['will not'], patterns: ['\\bwill\\s+not\\b'] });
    expect(extractTerms(doc, { rules }).map((x) => x.evidence.line)).toEqual([8]);
  });
  test('a quoted block right after a lead-in is its item', () => {
    const d = docOf('You must add the following line:\n\n“Built on the Acme Model.”\n\nThanks.');
    const ss = splitSentences(d);
    expect(leadIns(d, ss, ss.map((x) => ruleView(x.text)))).toEqual([undefined, 'You must add the following line:', undefined]);
  });
  test('markdown list-item blocks (markers already removed) are items', () => {
    const seg = (kind: 'paragraph' | 'list-item', text: string, line: number, column: number) => ({ kind, text, line, column, lineStarts: [{ offset: 0, line, column }] });
    const d = { path: 'a.md', format: 'markdown' as const, text: '', warnings: [], segments: [
      seg('paragraph', 'You must never:', 1, 1), seg('list-item', 'offer the Model as a hosted service', 2, 3), seg('list-item', 'Offer the Model as a hosted service', 3, 3),
      seg('paragraph', 'Offer the Model as a hosted service.', 5, 1),
    ] };
    expect(extractTerms(d, { rules: rulesOf(hosting) }).map((x) => x.evidence.line)).toEqual([2]);
    const ss = splitSentences(d);
    expect(leadIns(d, ss, ss.map((x) => ruleView(x.text)))).toEqual([undefined, 'You must never:', 'You must never:', undefined]);
  });
  test('unmarked lowercase items after a lead-in', () => {
    const plain = docOf('You must never:\n\noffer the Model as a hosted service;\n\nSomething else: offer the Model as a hosted service.');
    expect(extractTerms(plain, { rules: rulesOf(hosting) }).map((x) => x.evidence.line)).toEqual([3]);
  });
});

describe('consequence read from the next sentences of the same segment', () => {
  const rules = rulesOf({
    id: 'test-rev', term: { kind: 'threshold', name: 'revenue' }, keywords: ['revenue'],
    patterns: ['revenue\\s+above\\s+(?<n>\\d+\\s+million)'],
    fields: { value: { type: 'number', from: 'n' }, consequence: { type: 'consequence' } },
  });
  const one = (s: string) => extractTerms(docOf(s), { rules })[0]?.consequence;
  test('a license request two sentences later', () => {
    expect(one('Firms with revenue above 5 million get no rights. This covers affiliates. Such firms must request a license from Acme.')).toBe('license-required');
  });
  test('a license request beats a termination in the sentence itself', () => {
    expect(one('With revenue above 5 million this license terminates. Ask nicely. You may then obtain a license from Acme.')).toBe('license-required');
  });
  test('not three sentences later, and not from the next paragraph', () => {
    expect(one('Firms with revenue above 5 million are noted. One. Two. You must obtain a license.')).toBeUndefined();
    expect(one('Firms with revenue above 5 million are noted.\n\nYou must obtain a license.')).toBeUndefined();
  });
  test('a definition takes the consequence of a sentence that crosses the defined term', () => {
    const def = '"Cap" means revenue above 5 million a year.';
    expect(one(`${def}\n\nThe Cap is reviewed yearly and royalties apply.\n\nUse by a company that exceeds the Cap is not licensed under these terms.`)).toBe('prohibited');
    expect(one(`${def}\n\nThe Cap is reviewed yearly and royalties apply.`)).toBeUndefined();
  });
  test('silence takes the nearest consequence', () => {
    expect(one('Firms with revenue above 5 million are noted. They pay a fee. Also display the logo.')).toBe('fee');
  });
});
