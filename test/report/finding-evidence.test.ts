/**
 * The finding's evidence in every check report format: the quote in markdown
 * (escaped, shortened with an ellipsis) and SARIF (message, properties, region
 * snippet at its file:line); a model known only by id quoted from its catalog
 * license with the license's name, canonical URL and line, never a
 * `catalog:<id>:<line>` pseudo-path; the location said once.
 */
import { describe, expect, it } from 'vitest';
import { checkDirectory } from '../../src/policy/run.js';
import type { CheckReport, Finding, ModelResult } from '../../src/policy/report-schema.js';
import { renderCheckMarkdown } from '../../src/report/check-markdown.js';
import { renderCheckSarif } from '../../src/report/check-sarif.js';
import { renderCheckText } from '../../src/report/check-text.js';
import { findingMessage } from '../../src/report/finding-words.js';

const CATALOG_REFS = 'test/golden/check-repos/catalog-refs';
const DATE = new Date('2026-11-23T12:00:00Z');

function report(findings: Finding[]): CheckReport {
  const m: ModelResult = {
    id: 'models/x', source: 'folder', status: 'fail', license: { id: null, name: null, spdx: null, version: null, match: 'unknown' },
    tier: 'unknown', score: null, verdict: 'prohibited', actions: [], findings, waiver: null, occurrences: [], warnings: [],
  };
  return {
    version: 1, tool: { name: 'oml', version: '0' }, result: 'fail', root: 'repo', config: { path: 'oml.config.yaml', defaulted: false, note: null },
    policy: { allow: ['open-source'], unknown: 'fail', lineage: 'fail', changes: 'fail' }, profile: null, date: '2026-06-15',
    summary: { models: 1, failed: 1, warned: 0, waived: 0, passed: 0, references: 0, unresolved: 0 }, models: [m], references: [], warnings: [],
  };
}

const LONG = `No [commercial](https://evil.example) use of *these* weights @someone ${'and more words '.repeat(20)}end.`;
const prohibited: Finding = {
  rule: 'prohibited', level: 'error', waived: false, fix: 'use another model',
  message: 'unknown license: Prohibited for serve: research-only restriction on the weights (models/x/LICENSE:3) forbids commercial activity (serve).',
  location: { path: 'models/x/LICENSE', line: 3 }, quote: LONG,
};

describe('the quote in the markdown report', () => {
  const md = renderCheckMarkdown(report([prohibited, { ...prohibited, rule: 'tier-not-allowed', message: 'read as non-commercial' }]));
  it('is shown escaped and shortened with an ellipsis, in the table row and in the further findings', () => {
    const rows = md.split('\n').filter((l) => l.includes('No \\[commercial\\]\\(https\\:'));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toContain('\\*these\\*');
      expect(r).toContain('@\u200Bsomeone');
      expect(r).toMatch(/…" \(`models\/x\/LICENSE:3`\)/);
      expect(r).not.toContain('end.');
    }
  });
  it('the location is said once (the summary\'s own "(file:line)" is dropped when it is the finding\'s location)', () => {
    const row = md.split('\n').find((l) => l.startsWith('| ❌'))!;
    expect(row.match(/models\/x\/LICENSE:3/g)).toHaveLength(1);
    expect(row).toContain('restriction on the weights forbids commercial activity');
  });
});

describe('the quote in the SARIF report', () => {
  const sarif = JSON.parse(renderCheckSarif(report([{ ...prohibited, quote: 'No commercial use.\u202E' }, { ...prohibited, rule: 'tier-not-allowed', quote: undefined }])));
  const [withQuote, without] = sarif.runs[0].results;
  it('is in the message, in properties.quote and as the region snippet at its file:line (escaped)', () => {
    expect(withQuote.message.text).toContain('"No commercial use.<U+202E>"');
    expect(withQuote.message.text.match(/models\/x\/LICENSE:3/g)).toBeNull(); // the location is the result's own location
    expect(withQuote.properties.quote).toBe('No commercial use.<U+202E>');
    expect(withQuote.locations[0].physicalLocation.region).toEqual({ startLine: 3, snippet: { text: 'No commercial use.<U+202E>' } });
  });
  it('a finding without a quote has no snippet and no properties.quote', () => {
    expect(without.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
    expect(without.properties.quote).toBeUndefined();
  });
});

describe('findingMessage', () => {
  it('drops only the location the report shows; another location stays', () => {
    expect(findingMessage(prohibited)).toBe('unknown license: Prohibited for serve: research-only restriction on the weights forbids commercial activity (serve).');
    expect(findingMessage({ ...prohibited, location: { path: 'models/x/LICENSE', line: 4 } })).toContain('(models/x/LICENSE:3)');
  });
  it('words a catalog pseudo-path it does not drop; leaves an unknown id as it is', () => {
    const m = findingMessage({ message: 'restriction (catalog:llama-3.1-community-license:7) and catalog:no-such-license:2', location: null });
    expect(m).toContain('(Llama 3.1 Community License Agreement <https://');
    expect(m).toContain('line 7 of the published text)');
    expect(m).toContain('catalog:no-such-license:2');
  });
});

describe('a model known only by id (a reference judged from the catalog)', () => {
  it('its findings quote the catalog license, with its name, canonical URL and line, and point at the reference', async () => {
    const r = await checkDirectory(CATALOG_REFS, { now: DATE, version: '0' });
    const qwen = r.models.find((m) => m.id === 'Qwen/Qwen2.5-3B-Instruct')!;
    const llama = r.models.find((m) => m.id === 'meta-llama/Llama-3.1-8B-Instruct')!;
    expect(qwen.source).toBe('reference');
    for (const f of [...qwen.findings, ...llama.findings].filter((x) => x.rule !== 'license-conflict')) {
      expect(f.quote, f.rule).toBeTruthy();
      expect(f.catalog, f.rule).toMatchObject({ license: expect.any(String), url: expect.stringMatching(/^https:\/\//), line: expect.any(Number) });
      expect(f.location?.path).toBe('src/app.py');
    }
    expect(qwen.findings.find((f) => f.rule === 'prohibited')!.catalog!.license).toBe(qwen.license.id);
    const lr = llama.findings.find((f) => f.rule === 'license-required')!;
    expect(lr.catalog!.name).toBe(llama.license.name);

    const text = renderCheckText(r);
    const md = renderCheckMarkdown(r);
    const sarif = renderCheckSarif(r);
    for (const out of [text, md, sarif, JSON.stringify(r)]) expect(out).not.toMatch(/catalog:[a-z]/);
    expect(text).toContain(`[${lr.catalog!.name} <${lr.catalog!.url}>, line ${lr.catalog!.line} of the published text]`);
    const props = JSON.parse(sarif).runs[0].results.map((x: { properties: { catalog?: unknown } }) => x.properties.catalog).filter(Boolean);
    expect(props.length).toBeGreaterThanOrEqual(3);
    // the quote is not at the reference's line: no snippet
    expect(sarif).not.toContain('"snippet"');
  });
});
