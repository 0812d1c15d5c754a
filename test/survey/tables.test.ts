/**
 * The survey's tables on small datasets of our own with known counts (fixtures/):
 * a Hub listing (JSON Lines), an Epoch-format CSV and a folder of model cards.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { runSurvey } from '../../src/survey/index.js';
import { renderSurveyCsv } from '../../src/survey/render-csv.js';
import { renderSurveyMarkdown } from '../../src/survey/render-markdown.js';
import { renderSurveyHtml } from '../../src/survey/render-html.js';
import { csv, md } from '../../src/survey/escape.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const HUB = join(FIX, 'hub-small.jsonl');
const EPOCH = join(FIX, 'epoch-small.csv');

describe('Hub listing', () => {
  it('counts tiers, licenses and origins as the fixture says', async () => {
    const r = await runSurvey([HUB], { by: ['country', 'license', 'tier'] });
    expect(r.total).toBe(9);
    expect(r.tiers).toEqual({ 'open-weight-restricted': 3, 'open-weight-noncommercial': 3, 'open-weight-permissive': 2, unknown: 1 });
    const g = (country: string, license: string) => r.groups.find((x) => x.country === country && x.license === license)?.count;
    expect(g('United States of America', 'llama-3.1-community-license')).toBe(2);
    expect(g('China', 'Apache-2.0')).toBe(1);
    expect(g('China', 'qwen-research-license')).toBe(1);
    expect(g('China', 'MIT')).toBe(1); // license only in the Hub's tags
    expect(g('France', 'mistral-research-license-0.1')).toBe(1);
    expect(g('unknown', 'llama-3.1-community-license')).toBe(1); // base model through the lineage table
    expect(g('unknown', 'unknown')).toBe(1);
    expect(r.problems).toEqual({ count: 1, listed: [expect.objectContaining({ file: HUB, line: 9 })] });
    expect(r.agreement).toBeNull();
    expect(r.credits).toEqual([expect.stringContaining('data/publishers.yaml, after Epoch AI')]);
    const us = r.shares.find((s) => s.country === 'United States of America')!;
    expect(us).toMatchObject({ total: 2, restricted: 2, permissive: 0 });
    expect(r.topPublishers[0]).toMatchObject({ publisher: 'someone', total: 3 });
  });

  it('CSV: one row per group, credits as # comments, parseable', async () => {
    const r = await runSurvey([HUB], { by: ['tier'] });
    const rows = parse(renderSurveyCsv(r), { columns: true, comment: '#' }) as Array<{ tier: string; models: string }>;
    expect(Object.fromEntries(rows.map((x) => [x.tier, Number(x.models)]))).toEqual({
      'open-weight-noncommercial': 3, 'open-weight-permissive': 2, 'open-weight-restricted': 3, unknown: 1,
    });
  });

  it('HTML never carries the listing’s markup raw', async () => {
    const page = await renderSurveyHtml(await runSurvey([HUB], { by: ['publisher', 'tier'] }));
    expect(page).toContain('not JSON'); // the bad line's message, which quotes the line
    expect(page).toContain('&lt;script&gt;al');
    // no script and no external resource (a credit's URL in the text is not a request)
    expect(page).not.toMatch(/<script|(?:src|href)=["']?(?:https?:)?\/\/|url\(/);
  });

  it('markdown never carries the listing’s markup raw', async () => {
    const out = renderSurveyMarkdown(await runSurvey([HUB], { by: ['publisher', 'tier'] }));
    expect(out).toContain('| open-weight-restricted | 3 |');
    expect(out).toContain('not JSON');
    expect(out).toContain('\\<script\\>al'); // the reports' markdown escaper: a backslash before each markup character
    expect(out).not.toMatch(/(?<!\\)<script/); // no unescaped tag
  });
});

describe('Epoch AI CSV format', () => {
  it('licenses from the notes and lineage, closed from the label, unknown otherwise', async () => {
    const r = await runSurvey([EPOCH], { by: ['year', 'tier'] });
    expect(r.total).toBe(10);
    expect(r.credits[0]).toMatch(/Epoch AI/);
    expect(r.tiers).toEqual({
      'open-weight-permissive': 2, 'open-weight-restricted': 2, unknown: 2, closed: 2,
      'open-weight-noncommercial': 1, 'open-weight-conditional': 1,
    });
    // Zeta lists the same country twice: one origin, not two
    expect(r.shares.find((s) => s.country === 'United States of America')).toMatchObject({ total: 4, permissive: 2, closed: 2 });
    expect(r.figure4.find((f) => f.year === '2024' && f.country === 'China' && f.class === 'restricted')?.count).toBe(2);
    const cum = r.cumulative.filter((c) => c.country === 'United States of America' && c.class === 'permissive');
    expect(cum.map((c) => [c.year, c.cumulative])).toEqual([['2023', 1], ['2024', 2]]);
  });

  it('agreement: compares only rows with a determined license, lists each disagreement with its deciding term', async () => {
    const a = (await runSurvey([EPOCH])).agreement!;
    expect(a.compared).toBe(6);
    expect(a.agreed).toBe(4);
    expect(a.notDetermined).toBe(2); // Delta (code MIT, weights non-commercial), Theta (hedged)
    const byModel = Object.fromEntries(a.disagreements.map((d) => [d.model, d]));
    expect(Object.keys(byModel).sort()).toEqual(['Beta Base', 'Eta']);
    expect(byModel['Eta']).toMatchObject({ epoch: 'Open weights (restricted use)', tier: 'open-weight-conditional', license: 'kimi-k2-modified-mit', via: 'lineage' });
    expect(byModel['Eta']!.deciding?.name).toBe('attribution-display');
    expect(byModel['Beta Base']!.deciding?.sentence.length).toBeGreaterThan(10);
    const out = renderSurveyMarkdown(await runSurvey([EPOCH]));
    expect(out).toContain('Compared (open-weights label and a license oml determined): 6. Agree: 4');
    expect(out).toContain('### Most instructive disagreements');
  });

  it('a CSV without Epoch’s columns is an input error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oml-survey-'));
    const f = join(dir, 'other.csv');
    writeFileSync(f, 'a,b\n1,2\n');
    await expect(runSurvey([f])).rejects.toThrow(/other\.csv: not an Epoch AI models CSV: missing column/);
  });
});

describe('folders of model cards', () => {
  it('surveys each model folder, publisher from an org/name layout', async () => {
    const root = mkdtempSync(join(tmpdir(), 'oml-survey-'));
    const card = (dir: string, meta: string) => { mkdirSync(join(root, dir), { recursive: true }); writeFileSync(join(root, dir, 'README.md'), `---\n${meta}\n---\n# model\n`); };
    card('Qwen/a-model', 'license: apache-2.0');
    card('meta-llama/b-model', 'license: llama3.1');
    card('nobody/c-model', 'license: other');
    const r = await runSurvey([root], { by: ['publisher', 'country', 'tier'] });
    expect(r.total).toBe(3);
    expect(r.groups).toEqual([
      { publisher: 'meta-llama', country: 'United States of America', tier: 'open-weight-restricted', count: 1 },
      { publisher: 'nobody', country: 'unknown', tier: 'unknown', count: 1 },
      { publisher: 'Qwen', country: 'China', tier: 'open-weight-permissive', count: 1 },
    ].sort((a, b) => a.publisher.localeCompare(b.publisher)));
  });
});

describe('a single model card file', () => {
  it('is surveyed as one model', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'oml-survey-')), 'card.md');
    writeFileSync(f, '---\nlicense: mit\n---\n# a model\n');
    const r = await runSurvey([f], { by: ['license', 'tier'] });
    expect(r.groups).toEqual([{ license: 'MIT', tier: 'open-weight-permissive', count: 1 }]);
  });
});

describe('escaping', () => {
  it('markdown cells (the reports\' escaper, after cleaning) and CSV fields', () => {
    expect(md('a|b <i>[x](y)</i>\u202e\n')).toBe('a\\|b \\<i\\>\\[x\\]\\(y\\)\\</i\\> ');
    // GitHub forms no mention, issue link or autolink from a model name or note
    expect(md('@octocat #12 www.evil.example')).toBe('\\@\u200Boctocat \\#\u200B12 www\\.evil\\.example');
    expect(md('x'.repeat(500))).toBe(`${'x'.repeat(400)}…`);
    expect(csv('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csv('plain')).toBe('plain');
  });

  it('a hostile model name in a survey table renders as its text: no link, image, HTML or extra cell', () => {
    const hostile = ['[x](http://evil.example)', '![i](http://evil.example/i.png)', '<img src=x>', 'a|b', '<http://evil.example>', 'www.evil.example', '@octocat', '*em* _u_ `c`'];
    for (const name of hostile) {
      const html = micromark(`| model | n |\n| --- | --- |\n| ${md(name)} | 1 |\n`, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
      expect(html, name).not.toMatch(/<(?:a|img|em|code|strong)\b/);
      expect((html.match(/<td>/g) ?? []).length, name).toBe(2);
    }
  });
});
