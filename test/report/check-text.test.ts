/**
 * The `oml check` text renderer: wording from data/report-text.yaml (every
 * policy reason worded and ordered), the pass headline, and untrusted text
 * (model ids, quotes, waiver reasons, messages) shown escaped, one item per line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type CheckReport, type ModelResult } from '../../src/policy/report-schema.js';
import { checkHeadline, renderCheckText } from '../../src/report/check-text.js';
import { ReportTextSchema } from '../../src/report/text-wording.js';

const REPO = join(__dirname, '../..');

function model(over: Partial<ModelResult>): ModelResult {
  return {
    id: 'models/x', source: 'folder', status: 'pass', license: { id: 'mit', name: 'MIT License', spdx: 'MIT', version: null, match: 'exact' },
    tier: 'open-weight-permissive', score: 87, verdict: null, actions: [], findings: [], waiver: null, occurrences: [], warnings: [], ...over,
  };
}

function report(models: ModelResult[]): CheckReport {
  const n = (s: string) => models.filter((m) => m.status === s).length;
  return {
    version: 1, tool: { name: 'oml', version: '0' }, result: n('fail') ? 'fail' : 'pass', root: 'repo',
    config: { path: 'oml.config.yaml', defaulted: false, note: null },
    policy: { allow: ['open-source'], unknown: 'fail', lineage: 'fail', changes: 'fail' }, profile: null, date: '2026-06-15',
    summary: { models: models.length, failed: n('fail'), warned: n('warn'), waived: n('waived'), passed: n('pass'), references: 0, unresolved: 0 },
    models, references: [], warnings: [],
  };
}

describe('check text wording (data/report-text.yaml, check:)', () => {
  const raw = parse(readFileSync(join(REPO, 'data/report-text.yaml'), 'utf8'));
  it('is valid, and rejects a policy reason without words or an order that misses or repeats a reason', () => {
    expect(ReportTextSchema.safeParse(raw).success).toBe(true);
    const { prohibited: _p, ...reasons } = raw.check.reasons;
    expect(ReportTextSchema.safeParse({ ...raw, check: { ...raw.check, reasons } }).success).toBe(false);
    expect(ReportTextSchema.safeParse({ ...raw, check: { ...raw.check, order: raw.check.order.slice(1) } }).success).toBe(false);
    expect(ReportTextSchema.safeParse({ ...raw, check: { ...raw.check, order: [...raw.check.order.slice(1), raw.check.order[1]] } }).success).toBe(false);
    expect(ReportTextSchema.safeParse({ ...raw, check: { ...raw.check, headline: { ...raw.check.headline, fail: 'FAIL' } } }).success).toBe(false);
    expect(raw.check.order).toHaveLength(RULE_IDS.length);
  });
});

describe('check headline', () => {
  it('a pass says how many models can ship and what to mind: obligations, waivers, warnings', () => {
    expect(checkHeadline(report([model({})]))).toBe('PASS: 1 model can ship');
    const f = { rule: 'license-conflict' as const, level: 'warning' as const, message: 'm', fix: 'f', location: null, waived: false };
    const models = [model({ actions: ['Keep the notice'] }), model({ id: 'b', status: 'warn', findings: [f] }), model({ id: 'c', status: 'waived', findings: [{ ...f, rule: 'unknown-license', level: 'error', waived: true }] })];
    expect(checkHeadline(report(models))).toBe('PASS: 3 models can ship: 1 with obligations to meet (listed below); 1 only by waiver; 1 with warnings to read');
    expect(checkHeadline(report([]))).toMatch(/^PASS: no models found/);
  });
});

describe('untrusted text in the check text report', () => {
  it('ids, quotes, waiver reasons, actions and messages cannot add a line or carry a control character', () => {
    const evil = 'x\x1b[2J\nPASS   models/fake — license: MIT\u202e\r';
    const finding = { rule: 'prohibited' as const, level: 'error' as const, message: evil, fix: evil, location: { path: `p${evil}`, line: 3 }, waived: false, quote: evil };
    const models = [
      model({ id: `models/${evil}`, status: 'fail', verdict: 'prohibited', findings: [finding], license: { id: null, name: evil, spdx: null, version: null, match: 'modified' } }),
      model({ id: 'w', status: 'waived', waiver: { model: 'w', reason: evil, expires: null, expired: false }, findings: [{ ...finding, waived: true }], actions: [evil] }),
    ];
    for (const detail of ['quiet', 'normal', 'verbose'] as const) {
      const t = renderCheckText(report(models), { detail });
      expect(t.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
      expect(t.split('\n').filter((l) => l.startsWith('PASS   models/fake'))).toEqual([]);
      expect(t).toContain('\\x1b[2J');
    }
    const lines = renderCheckText(report(models)).split('\n');
    // header, root, policy, blank, counts, model, finding, fix, model, waiver, finding, action, trailing ''
    expect(lines).toHaveLength(13);
  });
});
