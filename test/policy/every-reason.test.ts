/**
 * A model that fails lists every reason, each pointing at its sentence: an
 * unrecognised license text whose own terms prohibit the profile (or place it
 * outside policy.allow) fails for those terms too, with the prohibiting
 * sentence quoted and located; `unknown: warn` does not pass it.
 */
import { describe, expect, it } from 'vitest';
import { judgeModel } from '../../src/policy/judge.js';
import { QUOTE_MAX } from '../../src/policy/quote.js';
import { orderedFindings, primaryFinding, renderCheckText } from '../../src/report/check-text.js';
import type { Analysis } from '../../src/types.js';
import type { CheckReport, ModelResult } from '../../src/policy/report-schema.js';
import { ctx, fakeAnalysis } from './helpers.js';

/** An unrecognised LICENSE (no id, match unknown) whose terms read as non-commercial. */
function unrecognised(verdict?: 'prohibited'): Analysis {
  const a = fakeAnalysis({ tier: 'open-weight-noncommercial', verdict, summary: 'Prohibited for serve: non-commercial restriction' });
  a.license = { ...a.license, id: null, name: null, match: 'unknown', confidence: 0 };
  return a;
}

const folder = (a: Analysis) => ({ id: 'models/acme', source: 'folder' as const, analysis: a });

function reportOf(m: ModelResult): CheckReport {
  const fail = m.status === 'fail';
  return {
    version: 1, tool: { name: 'oml', version: '0' }, result: fail ? 'fail' : 'pass', root: 'repo',
    config: { path: 'oml.config.yaml', defaulted: false, note: null },
    policy: { allow: ['open-source'], unknown: 'fail', lineage: 'fail', changes: 'fail' }, profile: null, date: '2026-06-15',
    summary: { models: 1, failed: fail ? 1 : 0, warned: m.status === 'warn' ? 1 : 0, waived: m.status === 'waived' ? 1 : 0, passed: m.status === 'pass' ? 1 : 0, references: 0, unresolved: 0 },
    models: [m], references: [], warnings: [],
  };
}

describe('every reason of a failing model', () => {
  it('an unrecognised text that prohibits: prohibited (quoted, at its line), tier-not-allowed and unknown-license, the prohibition deciding', () => {
    const m = judgeModel(folder(unrecognised('prohibited')), ctx());
    expect(m.status).toBe('fail');
    expect(m.verdict).toBe('prohibited');
    expect(m.findings.map((f) => f.rule).sort()).toEqual(['prohibited', 'tier-not-allowed', 'unknown-license']);
    const p = m.findings.find((f) => f.rule === 'prohibited')!;
    expect(p).toMatchObject({ level: 'error', location: { path: 'models/acme/LICENSE', line: 12 }, quote: 'No commercial use of the Acme weights.' });
    expect(m.findings.find((f) => f.rule === 'tier-not-allowed')!.message).toContain('the terms read from its text place it at open-weight-noncommercial');
    // the unknown-license message names the file relative to the scanned root, as every location does
    expect(m.findings.find((f) => f.rule === 'unknown-license')!.message).toContain('license text in models/acme/LICENSE is not recognised');
    expect(primaryFinding(m)!.rule).toBe('prohibited');
    expect(orderedFindings(m).map((f) => f.rule)).toEqual(['prohibited', 'tier-not-allowed', 'unknown-license']);
    const text = renderCheckText(reportOf(m));
    expect(text.split('\n')[0]).toBe('FAIL: 1 of 1 model cannot ship: commercial use prohibited for your profile (models/acme)');
    expect(text).toContain('\n         error prohibited: unknown license: Prohibited for serve: non-commercial restriction "No commercial use of the Acme weights." (models/acme/LICENSE:12)\n');
  });

  it('unknown: warn relaxes only the unknown license: the prohibiting term still fails the model', () => {
    const c = ctx({ policy: { allow: ['open-weight-noncommercial'], unknown: 'warn' } });
    const m = judgeModel(folder(unrecognised('prohibited')), c);
    expect(m.findings.map((f) => [f.rule, f.level])).toEqual([['unknown-license', 'warning'], ['prohibited', 'error']]);
    expect(m.status).toBe('fail');
    // without a verdict (no profile) and with its read tier allowed, it passes with the warning, as before
    expect(judgeModel(folder(unrecognised()), c).status).toBe('warn');
  });

  it('a quote is the sentence on one line, capped at QUOTE_MAX characters', () => {
    const a = fakeAnalysis({ tier: 'open-weight-restricted', verdict: 'license-required', thresholdLine: 9 });
    a.terms[0]!.evidence.sentence = `Acme\nneeds\r\n a deal ${'above 1000 users '.repeat(60)}`;
    const f = judgeModel(folder(a), ctx()).findings.find((x) => x.rule === 'license-required')!;
    expect(f.location).toEqual({ path: 'models/acme/LICENSE', line: 9, column: 3 });
    expect(f.quote!.startsWith('Acme needs a deal above')).toBe(true);
    expect(f.quote).not.toMatch(/\s{2}|[\r\n]/);
    expect(Array.from(f.quote!).length).toBe(QUOTE_MAX);
    expect(f.quote!.endsWith('…')).toBe(true);
  });

  it('no quote when the sentence is not in a file under the root (a catalog text)', () => {
    const a = fakeAnalysis({ tier: 'open-weight-restricted', verdict: 'license-required' });
    a.terms = a.terms.map((t) => ({ ...t, origin: 'catalog' as const, evidence: { ...t.evidence, path: 'catalog:acme-model-license' } }));
    const f = judgeModel(folder(a), ctx()).findings.find((x) => x.rule === 'license-required')!;
    expect(f.quote).toBeUndefined();
    expect(f.location).toEqual({ path: 'models/acme/LICENSE', line: 1 });
  });
});
