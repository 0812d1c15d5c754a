/** SARIF for GitHub code scanning: at most 25,000 results per run (a summary result counts what was left out), capped messages. */
import { describe, expect, it } from 'vitest';
import type { CheckReport, ModelResult } from '../../src/policy/report-schema.js';
import { SARIF_MAX_RESULTS, renderCheckSarif } from '../../src/report/check-sarif.js';
import { SARIF_MESSAGE_MAX } from '../../src/report/escape.js';

function report(models: number, findingsEach: number, message = 'x'): CheckReport {
  const ms: ModelResult[] = Array.from({ length: models }, (_, i) => ({
    id: `models/m${i}`, source: 'folder', status: 'fail',
    license: { id: null, name: null, spdx: null, version: null, match: 'unknown' }, tier: 'unknown', score: null, verdict: null, actions: [],
    findings: Array.from({ length: findingsEach }, (_, j) => ({
      rule: j === 0 ? 'unknown-license' : 'license-conflict', level: j === 0 ? 'error' : 'warning', message, fix: 'f',
      location: { path: `models/m${i}/LICENSE`, line: 1 }, waived: false,
    })),
    waiver: null, occurrences: [], warnings: [],
  }));
  return {
    version: 1, tool: { name: 'oml', version: 't' }, result: 'fail', root: '.', config: { path: null, defaulted: true, note: null },
    policy: { allow: ['open-source'], unknown: 'fail', lineage: 'fail', changes: 'fail' }, profile: null, date: '2026-01-01',
    summary: { models, failed: models, warned: 0, waived: 0, passed: 0, references: 0, unresolved: 0 }, models: ms, references: [], warnings: [],
  } as CheckReport;
}

describe('SARIF limits', () => {
  it('26,000 findings: 25,000 results, the last one a summary counting the 1,001 left out; every error kept first', () => {
    const sarif = JSON.parse(renderCheckSarif(report(13_000, 2)));
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; ruleIndex: number; properties: { omitted?: number } }>;
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    const last = results[results.length - 1]!;
    expect(last.ruleId).toBe('results-truncated');
    expect(last.properties.omitted).toBe(26_000 - (SARIF_MAX_RESULTS - 1));
    expect(results.filter((r) => r.ruleId === 'unknown-license')).toHaveLength(13_000);
    expect(sarif.runs[0].tool.driver.rules[last.ruleIndex].id).toBe('results-truncated');
  });

  it('under the limit nothing is cut and no summary rule is added', () => {
    const sarif = JSON.parse(renderCheckSarif(report(10, 2)));
    expect(sarif.runs[0].results).toHaveLength(20);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).not.toContain('results-truncated');
  });

  it(`messages are capped at ${SARIF_MESSAGE_MAX} characters`, () => {
    const sarif = JSON.parse(renderCheckSarif(report(1, 1, 'y'.repeat(100_000))));
    const text = sarif.runs[0].results[0].message.text as string;
    expect(text.length).toBeLessThanOrEqual(SARIF_MESSAGE_MAX);
    expect(text.endsWith('…')).toBe(true);
  });
});
