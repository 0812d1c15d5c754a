import { describe, expect, it } from 'vitest';
import { judgeModel, sortResults } from '../../src/policy/judge.js';
import { CheckReportSchema, RULE_IDS, type CheckReport } from '../../src/policy/report-schema.js';
import { renderCheckJson } from '../../src/report/check-json.js';
import { renderCheckMarkdown } from '../../src/report/check-markdown.js';
import { renderCheckSarif } from '../../src/report/check-sarif.js';
import { renderCheckText } from '../../src/report/check-text.js';
import { ctx, fakeAnalysis, ROOT } from './helpers.js';

function report(): CheckReport {
  const c = ctx({ waivers: [{ model: 'models/waived', reason: 'internal demo | not shipped', line: 9 }] });
  const models = sortResults([
    judgeModel({ id: 'models/ok', source: 'folder', analysis: fakeAnalysis({ dir: `${ROOT}/models/ok`, verdict: 'allowed-with-obligations', actions: ['show the Acme badge'] }) }, c),
    judgeModel({ id: 'models/nc', source: 'folder', analysis: fakeAnalysis({ dir: `${ROOT}/models/nc`, tier: 'open-weight-noncommercial' }) }, c),
    judgeModel({ id: 'models/big', source: 'folder', analysis: fakeAnalysis({ dir: `${ROOT}/models/big`, tier: 'open-weight-restricted', verdict: 'license-required', summary: 'over the cap', thresholdLine: 21 }) }, c),
    judgeModel({ id: 'models/waived', source: 'folder', analysis: fakeAnalysis({ dir: `${ROOT}/models/waived`, tier: 'closed' }) }, c),
    judgeModel({ id: 'models/odd', source: 'folder', analysis: fakeAnalysis({ dir: `${ROOT}/models/odd`, conflicts: [{ code: 'DECLARED_MISMATCH', message: 'card and LICENSE differ', path: `${ROOT}/models/odd/README.md`, line: 4 }] }) }, c),
    judgeModel({ id: 'ghost/model', source: 'reference', analysis: null, error: 'model id ghost/model is not resolvable offline', occurrences: [{ path: 'src/app.py', line: 7, column: 31 }] }, c),
  ]);
  const count = (s: string) => models.filter((m) => m.status === s).length;
  return {
    version: 1,
    tool: { name: 'oml', version: '0.0.0-test' },
    result: count('fail') ? 'fail' : 'pass',
    root: '.',
    config: { path: 'oml.config.yaml', defaulted: false, note: null },
    policy: { ...c.policy, lineage: 'fail', changes: 'fail' },
    profile: { monthlyActiveUsers: 5000, territories: [], activities: ['serve'] },
    date: c.today,
    summary: { models: models.length, failed: count('fail'), warned: count('warn'), waived: count('waived'), passed: count('pass'), references: 1, unresolved: 1 },
    models,
    references: [{ id: 'ghost/model', file: 'src/app.py', line: 7, column: 31, kind: 'from_pretrained', resolution: 'unresolved', license: null }],
    warnings: [{ code: 'EACCES', message: 'cannot read directory (EACCES): skipped', path: 'locked' }],
  };
}

describe('check report', () => {
  const r = report();
  it('orders failures first and validates against its schema', () => {
    expect(r.models.map((m) => m.status)).toEqual(['fail', 'fail', 'fail', 'warn', 'waived', 'pass']);
    expect(() => CheckReportSchema.parse(r)).not.toThrow();
  });

  it('text: the first line decides; one line per model, failures first, its reasons and fixes indented below it', () => {
    const t = renderCheckText(r);
    const lines = t.split('\n');
    // every failing model named under its deciding reason, the reasons in the wording table's order
    expect(lines[0]).toBe('FAIL: 3 of 6 models cannot ship: a separate license from the licensor is required (models/big); license kind not allowed by the policy (models/nc); license not recognised (ghost/model)');
    expect(lines[1]).toBe('checked: . (every path below is relative to it)');
    const modelLines = lines.filter((l) => /^(FAIL|WARN|WAIVED|PASS) +\S/.test(l) && !/^(FAIL|PASS):/.test(l));
    expect(modelLines.map((l) => l.split(/\s+/)[1])).toEqual(['ghost/model', 'models/big', 'models/nc', 'models/odd', 'models/waived', 'models/ok']);
    expect(modelLines[1]).toMatch(/ — license: Acme Model License; openness: open-weight-restricted \(score 50\); commercial use: a separate license is required$/);
    const block = (id: string) => t.slice(t.indexOf(` ${id} — `)).split(/\n(?! )/)[0]!;
    expect(block('models/big')).toMatch(/\n {9}error license-required: .*over the cap.*"Acme needs a deal above 1000 users\." \(models\/big\/LICENSE:21\)\n {11}fix: /);
    expect(block('models/nc')).toMatch(/\n {9}error tier-not-allowed: .*open-weight-noncommercial.*"No commercial use of the Acme weights\." \(models\/nc\/LICENSE:12\)\n {11}fix: .*policy\.allow/);
    expect(block('models/waived')).toContain('waived in oml.config.yaml: internal demo | not shipped');
    expect(block('models/waived')).not.toContain('fix:');
    expect(block('models/ok')).toContain('\n         do: show the Acme badge');
    expect(t).toContain('src/app.py:7  ghost/model  unresolved');
    expect(t).toContain('locked: cannot read directory');
  });

  it('json: stable, parseable, schema-valid', () => {
    const j = JSON.parse(renderCheckJson(r));
    expect(CheckReportSchema.parse(j)).toEqual(j);
    expect(Object.keys(j)).toEqual(['version', 'tool', 'result', 'root', 'config', 'policy', 'profile', 'date', 'summary', 'models', 'references', 'warnings']);
    expect(j.models[0].findings[0]).toEqual({ rule: 'unknown-license', level: 'error', message: expect.stringContaining('ghost/model'), fix: expect.any(String), location: { path: 'src/app.py', line: 7, column: 31 }, waived: false });
  });

  it('json: a malformed report is refused', () => {
    expect(() => renderCheckJson({ ...r, result: 'maybe' as 'pass' })).toThrow();
  });

  it('markdown: a table with one row per model and escaped pipes', () => {
    const md = renderCheckMarkdown(r);
    expect(md).toMatch(/^## oml check: ❌ fail/);
    const rows = md.split('\n').filter((l) => /^\| (❌|⚠️|🟡|✅) /.test(l));
    expect(rows.map((l) => l.split('`')[1])).toEqual(['ghost/model', 'models/big', 'models/nc', 'models/odd', 'models/waived', 'models/ok']);
    expect(md).toContain('internal demo \\| not shipped');
    const header = '| Status | Model | License | Tier | Verdict | Reason | Fix |';
    expect(md).toContain(header);
    // every model row has exactly the header's number of unescaped cell separators
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const row of rows) expect(cells(row)).toBe(cells(header));
  });

  it('sarif: required SARIF 2.1.0 structure', () => {
    const s = JSON.parse(renderCheckSarif(r));
    expect(s.version).toBe('2.1.0');
    expect(s.$schema).toMatch(/sarif-2\.1\.0/);
    expect(Array.isArray(s.runs)).toBe(true);
    const run = s.runs[0];
    expect(run.tool.driver.name).toBe('oml');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toEqual([...RULE_IDS, 'analysis-warning', 'scan-warning']);
    for (const rule of run.tool.driver.rules) expect(rule.shortDescription.text).toEqual(expect.any(String));
    // one result per finding, per model warning (none in this report) and per scan warning
    expect(run.results.length).toBe(r.models.reduce((n, m) => n + m.findings.length + m.warnings.length, 0) + r.warnings.length);
    for (const res of run.results) {
      expect(ruleIds).toContain(res.ruleId);
      expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
      expect(['error', 'warning', 'note', 'none']).toContain(res.level);
      expect(res.message.text).toEqual(expect.any(String));
      expect(res.locations.length).toBeGreaterThan(0);
      const pl = res.locations[0].physicalLocation;
      expect(pl.artifactLocation.uri).toEqual(expect.any(String));
      expect(pl.artifactLocation.uri.startsWith('/')).toBe(false);
      expect(Number.isInteger(pl.region.startLine) && pl.region.startLine >= 1).toBe(true);
    }
  });

  it('sarif: locations point at the line that caused each finding; waived findings are suppressed', () => {
    const s = JSON.parse(renderCheckSarif(r, { uriPrefix: 'services/api' }));
    const at = (rule: string, model: string) => {
      const res = s.runs[0].results.find((x: { ruleId: string; properties: { model: string } }) => x.ruleId === rule && x.properties.model === model);
      return res && { uri: res.locations[0].physicalLocation.artifactLocation.uri, line: res.locations[0].physicalLocation.region.startLine, suppressed: !!res.suppressions };
    };
    expect(at('license-required', 'models/big')).toEqual({ uri: 'services/api/models/big/LICENSE', line: 21, suppressed: false });
    expect(at('tier-not-allowed', 'models/nc')).toEqual({ uri: 'services/api/models/nc/LICENSE', line: 12, suppressed: false });
    expect(at('license-conflict', 'models/odd')).toEqual({ uri: 'services/api/models/odd/README.md', line: 4, suppressed: false });
    expect(at('unknown-license', 'ghost/model')).toEqual({ uri: 'services/api/src/app.py', line: 7, suppressed: false });
    expect(at('tier-not-allowed', 'models/waived')?.suppressed).toBe(true);
  });
});
