import { describe, expect, it } from 'vitest';
import { judgeModel, sortResults, isExpired, relToRoot } from '../../src/policy/judge.js';
import { ctx, fakeAnalysis, ROOT } from './helpers.js';

const folder = (a = fakeAnalysis()) => ({ id: 'models/acme', source: 'folder' as const, analysis: a });

describe('judgeModel: tiers', () => {
  it('passes an allowed tier with no findings', () => {
    const r = judgeModel(folder(fakeAnalysis({ tier: 'open-weight-permissive' })), ctx());
    expect(r.status).toBe('pass');
    expect(r.findings).toEqual([]);
    expect(r.tier).toBe('open-weight-permissive');
  });

  it('fails a tier outside policy.allow and points at the term that set the tier', () => {
    const r = judgeModel(folder(fakeAnalysis({ tier: 'open-weight-noncommercial' })), ctx());
    expect(r.status).toBe('fail');
    expect(r.findings[0]!.rule).toBe('tier-not-allowed');
    expect(r.findings[0]!.message).toContain('open-weight-noncommercial');
    expect(r.findings[0]!.fix).toMatch(/policy\.allow|waiver/);
    expect(r.findings[0]!.location).toEqual({ path: 'models/acme/LICENSE', line: 12 });
  });

  it('respects a custom allow list', () => {
    const c = ctx({ policy: { allow: ['open-source', 'open-weight-permissive'], unknown: 'fail' } });
    expect(judgeModel(folder(fakeAnalysis({ tier: 'open-weight-restricted' })), c).status).toBe('fail');
    expect(judgeModel(folder(fakeAnalysis({ tier: 'open-weight-permissive' })), c).status).toBe('pass');
  });
});

describe('judgeModel: commercial-use verdicts', () => {
  it('fails license-required with the crossed threshold and its line', () => {
    const r = judgeModel(folder(fakeAnalysis({ tier: 'open-weight-restricted', verdict: 'license-required', summary: 'over the user cap', thresholdLine: 9 })), ctx());
    expect(r.status).toBe('fail');
    const f = r.findings.find((x) => x.rule === 'license-required')!;
    expect(f.level).toBe('error');
    expect(f.message).toContain('over the user cap');
    expect(f.message).toContain('monthly-active-users > 1000');
    expect(f.location).toEqual({ path: 'models/acme/LICENSE', line: 9, column: 3 });
  });

  it('fails prohibited, using the actions as the fix', () => {
    const r = judgeModel(folder(fakeAnalysis({ tier: 'open-weight-restricted', verdict: 'prohibited', actions: ['pick a commercial model'] })), ctx());
    const f = r.findings.find((x) => x.rule === 'prohibited')!;
    expect(r.status).toBe('fail');
    expect(f.fix).toBe('pick a commercial model');
    expect(f.location?.line).toBe(12);
  });

  it('passes allowed-with-obligations and carries the obligations', () => {
    const r = judgeModel(folder(fakeAnalysis({ tier: 'open-weight-conditional', verdict: 'allowed-with-obligations', actions: ['display Acme'] })), ctx());
    expect(r.status).toBe('pass');
    expect(r.actions).toEqual(['display Acme']);
  });

  it('an undecided verdict is a warning, not a failure', () => {
    const r = judgeModel(folder(fakeAnalysis({ tier: 'open-weight-restricted', verdict: 'unknown' })), ctx());
    expect(r.status).toBe('warn');
    expect(r.findings.map((f) => f.rule)).toEqual(['verdict-unknown']);
  });
});

describe('judgeModel: unknown', () => {
  const unknown = () => fakeAnalysis({ tier: 'unknown', match: 'unknown', licenseId: null });
  it('unknown fails with unknown: fail', () => {
    const r = judgeModel(folder(unknown()), ctx());
    expect(r.status).toBe('fail');
    expect(r.findings.map((f) => f.rule)).toEqual(['unknown-license']);
    expect(r.tier).toBe('unknown');
  });
  it('unknown passes with a warning under unknown: warn', () => {
    const r = judgeModel(folder(unknown()), ctx({ policy: { allow: ['open-weight-permissive'], unknown: 'warn' } }));
    expect(r.status).toBe('warn');
    expect(r.findings[0]!.level).toBe('warning');
    expect(r.findings[0]!.message).toContain('policy.unknown: warn');
  });
  it('license.match unknown with a resolvable declaration is not unknown', () => {
    const a = fakeAnalysis({ tier: 'open-weight-permissive', match: 'unknown', declaredResolved: 'mit' });
    expect(judgeModel(folder(a), ctx()).status).toBe('pass');
  });
  it('license.match unknown with no declaration is unknown even if a tier was set', () => {
    const a = fakeAnalysis({ tier: 'open-weight-permissive', match: 'unknown' });
    expect(judgeModel(folder(a), ctx()).findings[0]!.rule).toBe('unknown-license');
  });
  it('a failed analysis (null) is unknown and carries the error', () => {
    const r = judgeModel({ id: 'x', source: 'folder', analysis: null, error: 'cannot analyse: [EACCES] denied' }, ctx());
    expect(r.status).toBe('fail');
    expect(r.findings[0]!.message).toContain('EACCES');
  });
  it('an unresolved reference points at the code line', () => {
    const r = judgeModel({ id: 'someone/thing', source: 'reference', analysis: null, error: 'not resolvable offline', occurrences: [{ path: 'app.py', line: 4, column: 10 }] }, ctx());
    expect(r.findings[0]!.location).toEqual({ path: 'app.py', line: 4, column: 10 });
    expect(r.occurrences).toHaveLength(1);
  });
});

describe('judgeModel: conflicts', () => {
  it('reports conflicts as warnings and says so', () => {
    const a = fakeAnalysis({ conflicts: [{ code: 'DECLARED_MISMATCH', message: 'card says mit, LICENSE is acme', path: `${ROOT}/models/acme/README.md`, line: 3 }] });
    const r = judgeModel(folder(a), ctx());
    expect(r.status).toBe('warn');
    expect(r.findings[0]).toMatchObject({ rule: 'license-conflict', level: 'warning' });
    expect(r.findings[0]!.message).toContain('card says mit, LICENSE is acme');
    expect(r.findings[0]!.location).toEqual({ path: 'models/acme/README.md', line: 3 });
  });
});

describe('judgeModel: waivers', () => {
  const failing = () => folder(fakeAnalysis({ tier: 'open-weight-noncommercial' }));
  it('a valid waiver turns a failure into waived, keeping the reason', () => {
    const r = judgeModel(failing(), ctx({ waivers: [{ model: './models/acme/', reason: 'research demo only', expires: '2026-12-31', line: 8 }] }));
    expect(r.status).toBe('waived');
    expect(r.findings[0]!.waived).toBe(true);
    expect(r.waiver).toEqual({ model: './models/acme/', reason: 'research demo only', expires: '2026-12-31', expired: false });
  });
  it('a waiver without expiry is valid', () => {
    expect(judgeModel(failing(), ctx({ waivers: [{ model: 'models/acme', reason: 'ok' }] })).status).toBe('waived');
  });
  it('a waiver expiring today is still valid; the day after it fails naming the date', () => {
    const w = [{ model: 'models/acme', reason: 'legal review', expires: '2026-06-15', line: 8 }];
    expect(judgeModel(failing(), ctx({ waivers: w, today: '2026-06-15' })).status).toBe('waived');
    const r = judgeModel(failing(), ctx({ waivers: w, today: '2026-06-16' }));
    expect(r.status).toBe('fail');
    expect(r.findings[0]!.rule).toBe('expired-waiver');
    expect(r.findings[0]!.message).toContain('expired on 2026-06-15');
    expect(r.findings[0]!.location).toEqual({ path: 'oml.config.yaml', line: 8 });
    expect(r.findings.some((f) => f.rule === 'tier-not-allowed' && !f.waived)).toBe(true);
  });
  it('matches waivers by reference id, case-insensitively', () => {
    const s = { id: 'Org/Model', source: 'reference' as const, analysis: null, error: 'unresolved', occurrences: [{ path: 'a.py', line: 1 }] };
    expect(judgeModel(s, ctx({ waivers: [{ model: 'org/model', reason: 'r' }] })).status).toBe('waived');
  });
  it('a waiver for another model does not apply', () => {
    expect(judgeModel(failing(), ctx({ waivers: [{ model: 'models/other', reason: 'r' }] })).status).toBe('fail');
  });
  it('isExpired compares calendar dates', () => {
    expect(isExpired({ model: 'm', reason: 'r', expires: '2025-01-01' }, '2025-01-02')).toBe(true);
    expect(isExpired({ model: 'm', reason: 'r', expires: '2025-01-01' }, '2025-01-01')).toBe(false);
    expect(isExpired({ model: 'm', reason: 'r' }, '2999-01-01')).toBe(false);
  });
});

describe('sortResults / relToRoot', () => {
  it('orders failures first', () => {
    const c = ctx();
    const rs = [
      judgeModel({ ...folder(fakeAnalysis()), id: 'a' }, c),
      judgeModel({ ...folder(fakeAnalysis({ tier: 'closed' })), id: 'b' }, c),
      judgeModel({ ...folder(fakeAnalysis({ conflicts: [{ code: 'DECLARED_MISMATCH', message: 'm' }] })), id: 'c' }, c),
    ];
    expect(sortResults(rs).map((r) => `${r.status}:${r.id}`)).toEqual(['fail:b', 'warn:c', 'pass:a']);
  });
  it('keeps only paths inside the root', () => {
    expect(relToRoot('/repo', '/repo/m/LICENSE')).toBe('m/LICENSE');
    expect(relToRoot('/repo', '/elsewhere/LICENSE')).toBeNull();
    expect(relToRoot('/repo', 'llama-3.1-community-license')).toBeNull();
  });
});
