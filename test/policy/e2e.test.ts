/**
 * End-to-end: runCheck on temporary repositories. License texts are copied from
 * ../shared/corpus into os.tmpdir() at test time (never into the repository).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { catalogTerms } from '../../src/analyze/catalog-terms.js';
import { runCheck } from '../../src/cli/check.js';
import type { CheckReport } from '../../src/policy/report-schema.js';

const CORPUS = join(__dirname, '../../../shared/corpus');
const base = mkdtempSync(join(tmpdir(), 'oml-e2e-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

let n = 0;
interface Repo { root: string; out: string }
function repo(models: Record<string, string>, config?: string, extra: Record<string, string> = {}): Repo {
  const root = join(base, `repo${n++}`);
  mkdirSync(root, { recursive: true });
  for (const [dest, corpusFile] of Object.entries(models)) {
    mkdirSync(join(root, dest, '..'), { recursive: true });
    copyFileSync(join(CORPUS, corpusFile), join(root, dest));
  }
  for (const [dest, body] of Object.entries(extra)) {
    mkdirSync(join(root, dest, '..'), { recursive: true });
    writeFileSync(join(root, dest), body);
  }
  if (config !== undefined) writeFileSync(join(root, 'oml.config.yaml'), config);
  return { root, out: join(base, `out${n}.txt`) };
}

async function check(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runCheck(args);
  vi.restoreAllMocks();
  return { code, stderr };
}

async function json(r: Repo, extraArgs: string[] = []): Promise<{ code: number; report: CheckReport; stderr: string }> {
  const { code, stderr } = await check([r.root, '--format', 'json', '--output', r.out, ...extraArgs]);
  return { code, stderr, report: JSON.parse(readFileSync(r.out, 'utf8')) };
}

const COMMERCIAL = `profile:
  monthlyActiveUsers: 2500000
  monthlyRevenue: { amount: 400000, currency: USD }
  territories: [US, DE]
  activities: [serve, fine-tune]
policy:
  allow: [open-source, open-weight-permissive, open-weight-conditional, open-weight-restricted]
  unknown: fail
`;

const lineOf = (file: string, needle: RegExp): number => readFileSync(join(CORPUS, file), 'utf8').split('\n').findIndex((l) => needle.test(l)) + 1;

describe('oml check end to end', () => {
  it('a non-commercial model in a commercial profile fails (1); removing it passes (0)', async () => {
    const r = repo({ 'models/nc/LICENSE': 'licenses/flux-1-dev-non-commercial-1.1.1.txt', 'models/mit/LICENSE': 'licenses/deepseek-r1-mit.txt' }, COMMERCIAL);
    const first = await json(r);
    expect(first.code).toBe(1);
    expect(first.report.result).toBe('fail');
    const nc = first.report.models.find((m) => m.id === 'models/nc')!;
    expect(nc.status).toBe('fail');
    expect(nc.tier).toBe('open-weight-noncommercial');
    expect(nc.findings.map((f) => f.rule)).toContain('tier-not-allowed');
    expect(first.report.models[0]!.id).toBe('models/nc'); // failures first
    expect(first.report.models.find((m) => m.id === 'models/mit')!.status).toBe('pass');

    rmSync(join(r.root, 'models/nc'), { recursive: true });
    const second = await json(r);
    expect(second.code).toBe(0);
    expect(second.report.result).toBe('pass');
    expect(second.report.models.map((m) => m.id)).toEqual(['models/mit']);
  });

  it('raising the profile to 800M monthly active users fails a Llama 3.1 folder, and SARIF points at the threshold line', async () => {
    const r = repo({ 'models/llama/LICENSE': 'licenses/llama-3.1-community-license.txt' }, COMMERCIAL);
    expect((await json(r)).code).toBe(0);

    writeFileSync(join(r.root, 'oml.config.yaml'), COMMERCIAL.replace('2500000', '800000000'));
    const { code, report } = await json(r);
    expect(code).toBe(1);
    const llama = report.models[0]!;
    expect(llama.license.id).toBe('llama-3.1-community-license');
    expect(llama.verdict).toBe('license-required');
    const f = llama.findings.find((x) => x.rule === 'license-required')!;
    expect(f.message).toContain('700000000');

    const sarifOut = join(base, 'llama.sarif');
    expect((await check([r.root, '--format', 'sarif', '--output', sarifOut])).code).toBe(1);
    const sarif = JSON.parse(readFileSync(sarifOut, 'utf8'));
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'license-required');
    const loc = res.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toMatch(/(^|\/)models\/llama\/LICENSE$/);
    expect(loc.region.startLine).toBe(lineOf('licenses/llama-3.1-community-license.txt', /700 million/));
  });

  const card = 'model-cards/unsloth__Meta-Llama-3.1-70B-Instruct-bnb-4bit.md';
  it('a card-only Llama 3.1 folder: the finding points at the card license: line', async () => {
    const r = repo({ 'models/quant/README.md': card }, COMMERCIAL.replace('2500000', '800000000'));
    const { code, report } = await json(r);
    expect(code).toBe(1);
    const m = report.models[0]!;
    expect(m.license.id ?? m.findings[0]!.message).toMatch(/llama-3\.1-community-license/);
    const f = m.findings.find((x) => x.level === 'error' && !x.waived)!;
    expect(f.location).toEqual({ path: 'models/quant/README.md', line: lineOf(card, /^license:/) });
  });

  // Needs catalog terms (generated into licenses/ by the catalog build); skipped with this reason until they exist.
  it.skipIf(catalogTerms('llama-3.1-community-license', 'catalog').length === 0)('a card-only Llama 3.1 folder over 700M users: license-required (needs generated catalog terms)', async () => {
    const r = repo({ 'models/quant/README.md': card }, COMMERCIAL.replace('2500000', '800000000'));
    const { report } = await json(r);
    expect(report.models[0]!.verdict).toBe('license-required');
    expect(report.models[0]!.findings.map((x) => x.rule)).toContain('license-required');
  });

  it('an invalid config exits 2 naming the field', async () => {
    const r = repo({ 'models/mit/LICENSE': 'licenses/deepseek-r1-mit.txt' }, 'policy:\n  allow: [open-source]\n  unknown: sometimes\n');
    const { code, stderr } = await check([r.root]);
    expect(code).toBe(2);
    expect(stderr).toContain('policy.unknown: expected one of fail|warn');
    expect(stderr).toContain('oml.config.yaml:3');
  });

  it('broken YAML, a missing --config, a bad --format and a missing DIR exit 2', async () => {
    const r = repo({}, 'policy: [unclosed\n');
    expect((await check([r.root])).code).toBe(2);
    expect((await check([r.root, '--config', join(r.root, 'nope.yaml')])).code).toBe(2);
    expect((await check([r.root, '--format', 'xml'])).stderr).toContain('expected one of text|json|markdown|sarif');
    expect((await check([join(base, 'does-not-exist')])).code).toBe(2);
    expect((await check(['--bogus'])).code).toBe(2);
  });

  it('an expired waiver fails the check naming the expiry; a valid one passes with the reason', async () => {
    const waiver = (expires: string) => `${COMMERCIAL}waivers:\n  - model: models/nc\n    reason: evaluation only, not shipped\n    expires: ${expires}\n`;
    const r = repo({ 'models/nc/LICENSE': 'licenses/flux-1-dev-non-commercial-1.1.1.txt' }, waiver('2000-01-01'));
    const expired = await json(r);
    expect(expired.code).toBe(1);
    const f = expired.report.models[0]!.findings[0]!;
    expect(f.rule).toBe('expired-waiver');
    expect(f.message).toContain('2000-01-01');
    expect(f.location).toEqual({ path: 'oml.config.yaml', line: 10 });

    writeFileSync(join(r.root, 'oml.config.yaml'), waiver('2999-12-31'));
    const valid = await json(r);
    expect(valid.code).toBe(0);
    expect(valid.report.models[0]!.status).toBe('waived');
    expect(valid.report.models[0]!.waiver?.reason).toBe('evaluation only, not shipped');
    expect(valid.report.summary.waived).toBe(1);
  });

  it('without a config: the default policy, with a note', async () => {
    const r = repo({ 'models/nc/LICENSE': 'licenses/flux-1-dev-non-commercial-1.1.1.txt', 'models/mit/LICENSE': 'licenses/deepseek-r1-mit.txt' });
    const { code, report } = await json(r);
    expect(code).toBe(1);
    expect(report.config.defaulted).toBe(true);
    expect(report.config.note).toMatch(/default policy/);
    expect(report.summary).toMatchObject({ failed: 1, passed: 1 });
  });

  it('models referenced in code are listed with file:line; unresolved ids follow policy.unknown', async () => {
    const app = 'from transformers import AutoModel\nm = AutoModel.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")\nx = AutoModel.from_pretrained("nobody-we-know/secret-sauce")\n';
    const r = repo({}, COMMERCIAL.replace('unknown: fail', 'unknown: warn'), { 'src/app.py': app, '.env': 'HF_MODEL=nobody-we-know/secret-sauce\n' });
    const warn = await json(r);
    expect(warn.report.references).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'meta-llama/Llama-3.1-8B-Instruct', file: 'src/app.py', line: 2, resolution: 'catalog', license: 'llama-3.1-community-license' }),
      expect.objectContaining({ id: 'nobody-we-know/secret-sauce', file: 'src/app.py', line: 3, resolution: 'unresolved' }),
      expect.objectContaining({ id: 'nobody-we-know/secret-sauce', file: '.env', line: 1, kind: 'env' }),
    ]));
    const ghost = warn.report.models.find((m) => m.id === 'nobody-we-know/secret-sauce')!;
    expect(ghost.source).toBe('reference');
    expect(ghost.status).toBe('warn');
    expect(ghost.occurrences).toHaveLength(2);
    expect(warn.report.summary.unresolved).toBe(1);

    writeFileSync(join(r.root, 'oml.config.yaml'), COMMERCIAL);
    const fail = await json(r);
    expect(fail.code).toBe(1);
    expect(fail.report.models.find((m) => m.id === 'nobody-we-know/secret-sauce')!.status).toBe('fail');
  });

  it('a local path reference is judged as the folder, not as an unresolved id', async () => {
    const r = repo({ 'models/mit/LICENSE': 'licenses/deepseek-r1-mit.txt' }, COMMERCIAL, { 'app.py': 'm = AutoModel.from_pretrained("models/mit")\n' });
    const { code, report } = await json(r);
    expect(code).toBe(0);
    expect(report.references[0]).toMatchObject({ id: 'models/mit', resolution: 'local' });
    expect(report.models.map((m) => m.id)).toEqual(['models/mit']);
  });

  it('models: lists folders outside discovery; a missing path is a config error', async () => {
    const r = repo({ 'vendor/kimi/LICENSE': 'licenses/kimi-k2-modified-mit.txt' }, `${COMMERCIAL}exclude: [vendor]\nmodels:\n  - path: vendor/kimi\n`);
    const { code, report } = await json(r);
    expect(code).toBe(0);
    expect(report.models).toEqual([expect.objectContaining({ id: 'vendor/kimi', source: 'config', tier: 'open-weight-conditional' })]);

    writeFileSync(join(r.root, 'oml.config.yaml'), `${COMMERCIAL}models:\n  - path: vendor/missing\n`);
    const bad = await check([r.root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('models[0].path');
  });

  it('text and markdown formats render the same verdict', async () => {
    const r = repo({ 'models/nc/LICENSE': 'licenses/flux-1-dev-non-commercial-1.1.1.txt' }, COMMERCIAL);
    await check([r.root, '--output', r.out]);
    expect(readFileSync(r.out, 'utf8')).toMatch(/^FAIL: 1 of 1 model cannot ship: /);
    await check([r.root, '--format', 'markdown', '--output', r.out]);
    expect(readFileSync(r.out, 'utf8')).toMatch(/\| ❌ fail \| `models\/nc` \|/);
  });
});
