/**
 * Fail-closed gate (issue 10): unknown lineage, unexplained changes and hidden
 * characters never pass silently, and every model warning is shown in all
 * four report formats with its location. End to end through checkDirectory on
 * temporary repositories (cards and configs written here), plus judged
 * Analysis objects for the analysis warnings the analysis stage produces.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDirectory } from '../../src/policy/run.js';
import { judgeModel } from '../../src/policy/judge.js';
import type { CheckReport, ModelResult } from '../../src/policy/report-schema.js';
import { renderCheckJson } from '../../src/report/check-json.js';
import { renderCheckMarkdown } from '../../src/report/check-markdown.js';
import { renderCheckSarif } from '../../src/report/check-sarif.js';
import { renderCheckText } from '../../src/report/check-text.js';
import type { Warning } from '../../src/types.js';
import { ctx, fakeAnalysis, ROOT } from './helpers.js';
import { createRequire } from 'node:module';

/** The MIT text from the spdx-license-list package, from its grant on (no license text in the repository). */
const MIT_BODY = (createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>).MIT.licenseText
  .replace(/^[\s\S]*?(?=Permission is hereby granted)/, '');

const base = mkdtempSync(join(tmpdir(), 'oml-failclosed-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
function repo(files: Record<string, string>): string {
  const root = join(base, `r${n++}`);
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), body);
  }
  return root;
}

const card = (license: string, baseModel: string) => `---\nlicense: ${license}\nlibrary_name: transformers\nbase_model: ${baseModel}\ntags: [fine-tune]\n---\n# A fine-tune\n`;
const BASE_LINE = 4; // line of `base_model:` in card()

/** All four formats of one report. */
function formats(r: CheckReport) {
  return { text: renderCheckText(r), markdown: renderCheckMarkdown(r), sarif: JSON.parse(renderCheckSarif(r)), json: JSON.parse(renderCheckJson(r)) as CheckReport };
}

type SarifResult = { ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> };
const sarifAt = (s: { runs: Array<{ results: SarifResult[] }> }, rule: string) =>
  s.runs[0]!.results.filter((x) => x.ruleId === rule).map((x) => ({ level: x.level, uri: x.locations[0]?.physicalLocation.artifactLocation.uri, line: x.locations[0]?.physicalLocation.region.startLine, text: x.message.text }));

describe('unknown lineage fails closed', () => {
  it('apache-2.0 on a base model the table does not know: fails, naming the card file and the base_model line, in every format', async () => {
    const root = repo({ 'models/ft/README.md': card('apache-2.0', 'acme-labs/mystery-7b') });
    const r = await checkDirectory(root);
    expect(r.result).toBe('fail');
    const f = formats(r);
    const m = f.json.models[0]!;
    expect(m.status).toBe('fail');
    expect(m.findings).toEqual([expect.objectContaining({ rule: 'unknown-lineage', level: 'error', location: { path: 'models/ft/README.md', line: BASE_LINE } })]);
    expect(m.findings[0]!.message).toContain('acme-labs/mystery-7b');
    expect(f.text).toMatch(/^FAIL: 1 of 1 model cannot ship: base model unknown \(models\/ft\)\n/);
    expect(f.text).toMatch(/\nFAIL +models\/ft .*\n {9}error unknown-lineage: .*acme-labs\/mystery-7b.*\(models\/ft\/README\.md:4\)\n/);
    expect(f.markdown).toMatch(/unknown-lineage: .*acme-labs\/mystery-7b.*`models\/ft\/README\.md:4`/);
    expect(sarifAt(f.sarif, 'unknown-lineage')).toEqual([{ level: 'error', uri: 'models/ft/README.md', line: BASE_LINE, text: expect.stringContaining('acme-labs/mystery-7b') }]);
  });

  it('policy.lineage: warn (or unknown: warn) downgrades it to a warning and the check passes', async () => {
    for (const relax of ['  lineage: warn', '  unknown: warn']) {
      const config = `policy:\n  allow: [open-source, open-weight-permissive]\n${relax}\n`;
      const root = repo({ 'models/ft/README.md': card('apache-2.0', 'acme-labs/mystery-7b'), 'oml.config.yaml': config });
      const r = await checkDirectory(root);
      expect(r.result, relax).toBe('pass');
      expect(r.models[0]!.status).toBe('warn');
      expect(r.models[0]!.findings).toEqual([expect.objectContaining({ rule: 'unknown-lineage', level: 'warning', location: { path: 'models/ft/README.md', line: BASE_LINE } })]);
      expect(r.models[0]!.findings[0]!.message).toContain(relax.trim().split(':')[0]!);
    }
    const lineageWarn = await checkDirectory(repo({ 'oml.config.yaml': 'policy:\n  allow: [open-weight-permissive]\n  lineage: warn\n' }));
    expect(lineageWarn.policy).toMatchObject({ lineage: 'warn', changes: 'fail' });
    expect(renderCheckText(lineageWarn)).toMatch(/^policy: .*; lineage: warn/m);
  });

  it('apache-2.0 on FLUX.1-dev (non-commercial) is not permissive: the base terms fail it and the conflict points at base_model', async () => {
    const root = repo({ 'models/lora/README.md': card('apache-2.0', 'black-forest-labs/FLUX.1-dev') });
    const r = await checkDirectory(root);
    expect(r.result).toBe('fail');
    const m = r.models[0]!;
    expect(m.tier).toBe('open-weight-noncommercial');
    expect(m.findings.map((x) => x.rule)).toEqual(['tier-not-allowed', 'license-conflict']);
    expect(m.findings[1]!.location).toEqual({ path: 'models/lora/README.md', line: BASE_LINE });
    const f = formats(r);
    expect(f.text).toMatch(/warning license-conflict: .*flux-1-dev-non-commercial-1\.1\.1.*\(models\/lora\/README\.md:4\)/);
    expect(f.markdown).toMatch(/license-conflict: .*flux-1-dev-non-commercial-1\\?\.1\\?\.1.*`models\/lora\/README\.md:4`/);
    expect(sarifAt(f.sarif, 'license-conflict')).toEqual([expect.objectContaining({ level: 'warning', uri: 'models/lora/README.md', line: BASE_LINE })]);
  });

  it('FLUX.1-schnell (Apache-2.0) as the base of an apache-2.0 card passes', async () => {
    const r = await checkDirectory(repo({ 'models/lora/README.md': card('apache-2.0', 'black-forest-labs/FLUX.1-schnell') }));
    expect(r.result).toBe('pass');
    expect(r.models[0]!.findings).toEqual([]);
  });
});

describe('model warnings are shown in every format', () => {
  it('an unresolvable card declaration next to a LICENSE: the warning appears in text, markdown, SARIF and JSON with its file', async () => {
    const mit = `MIT License\n\nCopyright (c) 2026 Acme\n\n${MIT_BODY}`;
    const root = repo({ 'models/m/LICENSE': mit, 'models/m/README.md': '---\nlicense: other\nlicense_name: acme-weird-terms\npipeline_tag: text-generation\n---\n# m\n' });
    const r = await checkDirectory(root);
    const m = r.models[0]!;
    const w = m.warnings.find((x) => x.code === 'DECLARED_UNRESOLVED');
    expect(w, JSON.stringify(m.warnings)).toBeDefined();
    expect([w!.path, w!.line]).toEqual(['models/m/README.md', 2]);
    const f = formats(r);
    expect(f.text).toContain(`warning DECLARED_UNRESOLVED: ${w!.message} (models/m/README.md:2)`);
    expect(f.markdown).toMatch(/warning DECLARED\\_UNRESOLVED: .*acme-weird-terms.*`models\/m\/README\.md:2`/);
    expect(sarifAt(f.sarif, 'analysis-warning')).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warning', uri: 'models/m/README.md', line: 2, text: expect.stringContaining('DECLARED_UNRESOLVED') })]));
    expect(f.json.models[0]!.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DECLARED_UNRESOLVED' })]));
  });
});

// ------------------------------------------------------------ analysis warnings (constructed analyses)

const LIC = `${ROOT}/models/acme/LICENSE`;
function judged(warnings: Warning[], opts: Parameters<typeof fakeAnalysis>[0] = {}, policy: Partial<ReturnType<typeof ctx>['policy']> = {}): ModelResult {
  const a = fakeAnalysis({ tier: 'open-weight-permissive', ...opts });
  a.terms = []; // a permissive text: only the warnings can fail it
  a.warnings = warnings;
  const c = ctx();
  return judgeModel({ id: 'models/acme', source: 'folder', analysis: a }, { ...c, policy: { ...c.policy, ...policy } });
}

function reportOf(models: ModelResult[], policy: Partial<CheckReport['policy']> = {}): CheckReport {
  const count = (s: string) => models.filter((m) => m.status === s).length;
  return {
    version: 1, tool: { name: 'oml', version: 'test' }, result: count('fail') ? 'fail' : 'pass', root: '.',
    config: { path: 'oml.config.yaml', defaulted: false, note: null },
    policy: { allow: ['open-weight-permissive'], unknown: 'fail', lineage: 'fail', changes: 'fail', ...policy },
    profile: null, date: '2026-06-15',
    summary: { models: models.length, failed: count('fail'), warned: count('warn'), waived: count('waived'), passed: count('pass'), references: 0, unresolved: 0 },
    models, references: [], warnings: [],
  };
}

const ADDED: Warning = { code: 'UNEXPLAINED_CHANGE', message: 'added passage at lines 22-22 is not accounted for: "The licensor may revoke this license at will."', path: LIC, line: 22 };
const REMOVED: Warning = { code: 'TEMPLATE_TERM_REMOVED', message: 'template term monthly-active-users (threshold) is missing: its sentence was removed', path: LIC, line: 31 };
const HIDDEN: Warning = { code: 'HIDDEN_CHARACTERS', message: '2 format characters (U+200B ZERO WIDTH SPACE) and 1 mixed-script word ("nоn-commercial") at line 9', path: LIC, line: 9 };

describe('unexplained changes and hidden characters', () => {
  it.each([
    ['an unexplained addition', ADDED, 22, 'revoke this license at will'],
    ['a removed template term', REMOVED, 31, 'monthly-active-users'],
  ])('%s fails with unexplained-change at its line, in every format', (_n, w, line, passage) => {
    const m = judged([w]);
    expect(m.status).toBe('fail');
    expect(m.findings).toEqual([expect.objectContaining({ rule: 'unexplained-change', level: 'error', location: { path: 'models/acme/LICENSE', line } })]);
    expect(m.findings[0]!.message).toContain(passage);
    const f = formats(reportOf([m]));
    expect(f.json.result).toBe('fail');
    expect(f.text).toMatch(new RegExp(`\nFAIL +models/acme .*\n {9}error unexplained-change: .*${passage}.*\\(models/acme/LICENSE:${line}\\)\n`));
    expect(f.markdown).toMatch(new RegExp(`unexplained-change: .*${passage}.*\`models/acme/LICENSE:${line}\``));
    expect(sarifAt(f.sarif, 'unexplained-change')).toEqual([{ level: 'error', uri: 'models/acme/LICENSE', line, text: expect.stringContaining(passage) }]);
    // the warning is reported once, as the finding (not again as a plain warning)
    expect(sarifAt(f.sarif, 'analysis-warning')).toEqual([]);
  });

  it('policy.changes: warn downgrades it to a warning finding (status warn, check passes)', () => {
    const m = judged([ADDED, REMOVED], {}, { changes: 'warn' });
    expect(m.status).toBe('warn');
    expect(m.findings.map((x) => [x.rule, x.level])).toEqual([['unexplained-change', 'warning'], ['unexplained-change', 'warning']]);
    expect(m.findings[0]!.message).toContain('policy.changes: warn');
    const f = formats(reportOf([m], { changes: 'warn' }));
    expect(f.json.result).toBe('pass');
    expect(f.text).toMatch(/warning unexplained-change: .*\(models\/acme\/LICENSE:31\)/);
    expect(sarifAt(f.sarif, 'unexplained-change').map((x) => x.level)).toEqual(['warning', 'warning']);
  });

  it('hidden characters are a warning finding that never passes silently, shown in every format', () => {
    const m = judged([HIDDEN]);
    expect(m.status).toBe('warn');
    expect(m.findings).toEqual([expect.objectContaining({ rule: 'hidden-characters', level: 'warning', location: { path: 'models/acme/LICENSE', line: 9 } })]);
    const f = formats(reportOf([m]));
    expect(f.text).toMatch(/^PASS: 1 model can ship: 1 with warnings to read\n/);
    expect(f.text).toMatch(/\nWARN +models\/acme .*\n {9}warning hidden-characters: .*U\+200B.*\(models\/acme\/LICENSE:9\)\n/);
    expect(f.markdown).toMatch(/hidden-characters: .*U\+200B.*`models\/acme\/LICENSE:9`/);
    expect(sarifAt(f.sarif, 'hidden-characters')).toEqual([expect.objectContaining({ level: 'warning', uri: 'models/acme/LICENSE', line: 9 })]);
    // the mixed-script word is quoted as found, but the report text stays printable
    expect(f.json.models[0]!.findings[0]!.message).toContain('nоn-commercial');
  });

  it('an undecided verdict with a profile fails when the analysis reports a change or hidden characters', () => {
    const plain = judged([], { verdict: 'unknown' });
    expect(plain.findings.map((x) => [x.rule, x.level])).toEqual([['verdict-unknown', 'warning']]);
    expect(plain.status).toBe('warn');
    for (const w of [ADDED, REMOVED, HIDDEN]) {
      const m = judged([w], { verdict: 'unknown' });
      expect(m.status, w.code).toBe('fail');
      const v = m.findings.find((x) => x.rule === 'verdict-unknown')!;
      expect(v.level, w.code).toBe('error');
      expect(v.message).toContain(w.code);
    }
    // relaxed by the matching options only
    expect(judged([ADDED], { verdict: 'unknown' }, { changes: 'warn' }).status).toBe('warn');
    expect(judged([HIDDEN], { verdict: 'unknown' }, { changes: 'warn' }).status).toBe('fail');
    expect(judged([HIDDEN], { verdict: 'unknown' }, { unknown: 'warn' }).status).toBe('warn');
  });

  it('an unknown license caused by a change says so', () => {
    const m = judged([ADDED], { tier: 'unknown' });
    const u = m.findings.find((x) => x.rule === 'unknown-license')!;
    expect(u.level).toBe('error');
    expect(u.message).toContain('revoke this license at will');
  });

  it('untrusted warning text cannot forge report lines', () => {
    const evil: Warning = { code: 'UNEXPLAINED_CHANGE', message: 'added: "ok"\nPASS   models/fake [MIT]\u202E', path: LIC, line: 3 };
    const f = formats(reportOf([judged([evil])]));
    expect(f.text.split('\n').some((l) => l.startsWith('PASS   models/fake'))).toBe(false);
    expect(f.text).not.toContain('\u202E');
    expect(f.markdown.split('\n').some((l) => l.startsWith('PASS   models/fake'))).toBe(false);
  });
});

describe('the code scan sees every reference', () => {
  const ghost = (r: CheckReport, id: string) => r.models.find((m) => m.id === id);

  it('a reference after 2 MiB of code, on a 30,000-character line, in a black-formatted call and in a notebook code cell: each fails as unresolved ids, located', async () => {
    const nb = `${JSON.stringify({ cells: [
      { cell_type: 'markdown', metadata: {}, source: ['See `from_pretrained("acme/only-in-markdown")`\n'] },
      { cell_type: 'code', metadata: {}, outputs: [{ output_type: 'display_data', data: { 'image/png': 'iVBORw0KGgo'.repeat(150_000) } }], source: ['import transformers\n', 'm = transformers.AutoModel.from_pretrained(\n', '    "acme/nb-secret"\n', ')\n'] },
    ], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
    const root = repo({
      'src/big.py': `${'# generated table row\n'.repeat(100_000)}m = AutoModel.from_pretrained("acme/big-secret")\n`,
      'src/black.py': 'model = AutoModelForCausalLM.from_pretrained(\n    "acme/black-secret"\n)\n',
      'web/bundle.min.js': `var a="${'x'.repeat(30_000)}";const p=await pipeline("feature-extraction","acme/minified-secret");`,
      'notebooks/explore.ipynb': nb,
    });
    const r = await checkDirectory(root);
    expect(r.result).toBe('fail');
    expect(r.warnings).toEqual([]);
    const nbLine = nb.split('\n').findIndex((l) => l.includes('acme/nb-secret')) + 1;
    const expected: Array<[string, string, number]> = [['acme/big-secret', 'src/big.py', 100_001], ['acme/black-secret', 'src/black.py', 2], ['acme/nb-secret', 'notebooks/explore.ipynb', nbLine], ['acme/minified-secret', 'web/bundle.min.js', 1]];
    const f = formats(r);
    for (const [id, path, line] of expected) {
      const m = ghost(r, id)!;
      expect(m?.status, id).toBe('fail');
      expect(m.findings[0]).toMatchObject({ rule: 'unknown-license', level: 'error', location: { path, line } });
      expect(f.text).toContain(`${path}:${line}  ${id}  unresolved`);
      expect(f.markdown).toContain(`\`${path}:${line}\` | \`${id}\``);
      expect(sarifAt(f.sarif, 'unknown-license').some((x) => x.uri === path && x.line === line)).toBe(true);
    }
    expect(ghost(r, 'acme/only-in-markdown')).toBeUndefined();
  });

  it('scan warnings (an oversize notebook scanned as raw text) are in the SARIF as well as text and markdown', async () => {
    const root = repo({
      'oml.config.yaml': 'policy:\n  allow: [open-weight-permissive]\nlimits: { maxFileBytes: 100 }\n',
      'nb.ipynb': `${JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, source: ['m = AutoModel.from_pretrained("openai/whisper-large-v3")\n'] }] }, null, 1)}\n`,
    });
    const r = await checkDirectory(root);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'NOTEBOOK_RAW_SCAN', path: 'nb.ipynb' })]);
    expect(r.models.map((m) => [m.id, m.license.id, m.status])).toEqual([['openai/whisper-large-v3', 'Apache-2.0', 'pass']]);
    const f = formats(r);
    expect(sarifAt(f.sarif, 'scan-warning')).toEqual([expect.objectContaining({ level: 'warning', uri: 'nb.ipynb', text: expect.stringContaining('NOTEBOOK_RAW_SCAN') })]);
    expect(f.text).toMatch(/nb\.ipynb: notebook of \d+ bytes .*\[NOTEBOOK_RAW_SCAN\]/);
    expect(f.markdown).toMatch(/`nb\.ipynb`: notebook of \d+ bytes/);
  });
});
