/**
 * oml check --online on a repository that references ten replayed models; the
 * second run from the cache (zero requests, from the server's log); oml lock,
 * then a changed LICENSE on the server -> --locked --online fails with
 * license-drift; --locked offline; the CycloneDX BOM validates.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CDX from '@cyclonedx/cyclonedx-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckReportSchema, type CheckReport } from '../../src/policy/report-schema.js';
import { LockFileSchema } from '../../src/lock/schema.js';
import { REPO } from '../analyze/helpers.js';
import { REFERENCED, replayModels, runCli, tempDir, text } from './fixtures.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';

let hub: ReplayServer;
let repo: string;
let cache: string;

const CONFIG = `policy:
  allow: [open-source, open-weight-permissive, open-weight-conditional, open-weight-restricted]
  unknown: fail
profile:
  monthlyActiveUsers: 800000000
  territories: [US]
  activities: [serve]
`;

beforeAll(async () => {
  hub = await startReplayServer(replayModels());
  hub.redirects.set('acme-labs/renamed-old', 'acme-labs/renamed-new');
  repo = tempDir('oml-hub-repo-');
  cache = tempDir('oml-hub-cache-');
  writeFileSync(join(repo, 'oml.config.yaml'), CONFIG);
  writeFileSync(join(repo, 'app.py'), `from transformers import AutoModel\n${REFERENCED.map((id) => `AutoModel.from_pretrained("${id}")`).join('\n')}\n`);
});
afterAll(() => hub.close());

const env = () => ({ HF_ENDPOINT: hub.url, OML_CACHE_DIR: cache, HF_TOKEN: undefined, HUGGING_FACE_HUB_TOKEN: undefined, HF_HUB_OFFLINE: undefined });
const check = async (...flags: string[]) => {
  const r = await runCli(['check', repo, '--format', 'json', ...flags], env());
  return { ...r, report: r.stdout ? (CheckReportSchema.parse(JSON.parse(r.stdout)) as CheckReport) : null };
};
const statuses = (r: CheckReport) => Object.fromEntries(r.models.map((m) => [m.id, m.status]));
const rules = (r: CheckReport, id: string) => r.models.find((m) => m.id === id)!.findings.map((f) => f.rule);

describe('oml check --online', () => {
  it('judges the ten referenced models through the Hub, lineage included', async () => {
    const { code, report } = await check('--online');
    expect(code).toBe(1);
    expect(statuses(report!)).toEqual({
      'acme-labs/tiny-mit': 'pass',
      'acme-labs/apache-model': 'pass',
      'acme-labs/merged': 'pass',
      'acme-labs/flaky': 'pass',
      'acme-labs/renamed-old': 'pass',
      'llamaish/base-3.1': 'fail',
      'acme-labs/chat-finetune': 'fail',
      'acme-labs/nc-model': 'fail',
      'gated-org/gated-model': 'fail',
      'acme-labs/missing': 'fail',
    });
    const r = report!;
    // Llama: over 700M MAU -> a separate license is required; the fine-tune inherits it from its base through the Hub
    expect(rules(r, 'llamaish/base-3.1')).toContain('license-required');
    expect(rules(r, 'acme-labs/chat-finetune')).toContain('license-required');
    const ft = r.models.find((m) => m.id === 'acme-labs/chat-finetune')!;
    expect(ft.hub!.lineage).toEqual([expect.objectContaining({ id: 'llamaish/base-3.1', license: 'llama-3.1-community-license' })]);
    const merged = r.models.find((m) => m.id === 'acme-labs/merged')!;
    expect(merged.hub!.lineage.map((n) => n.id).sort()).toEqual(['acme-labs/apache-model', 'acme-labs/tiny-mit']);
    expect(rules(r, 'acme-labs/nc-model')).toContain('tier-not-allowed');
    const gated = r.models.find((m) => m.id === 'gated-org/gated-model')!;
    expect(gated.findings[0]).toMatchObject({ rule: 'unknown-license', level: 'error', location: { path: 'app.py', line: 8 } });
    expect(gated.findings[0]!.message).toMatch(/gated model.*HF_TOKEN/);
    expect(r.models.find((m) => m.id === 'acme-labs/missing')!.findings[0]!.message).toMatch(/does not exist/);
    expect(r.models.find((m) => m.id === 'acme-labs/renamed-old')!.hub!.repo).toBe('acme-labs/renamed-new');
    expect(r.references.filter((x) => x.resolution === 'hub')).toHaveLength(8);
  });

  it('a second run is served from the cache: zero requests', async () => {
    const before = hub.log.length;
    const { code, report } = await check('--online');
    expect(code).toBe(1);
    expect(hub.log.length - before).toBe(0);
    expect(report!.summary).toMatchObject({ models: 10, failed: 5, passed: 5 });
  });

  it('--format cyclonedx: a CycloneDX 1.6 BOM with one machine-learning-model component per model, valid by the library validator', async () => {
    const r = await runCli(['check', repo, '--online', '--format', 'cyclonedx'], env());
    expect(r.code).toBe(1);
    const invalid = await new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6).validate(r.stdout);
    expect(invalid).toBeNull();
    const bom = JSON.parse(r.stdout) as { specVersion: string; components: Array<Record<string, any>> };
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components).toHaveLength(10);
    expect(bom.components.every((c) => c.type === 'machine-learning-model')).toBe(true);
    const mit = bom.components.find((c) => c.name === 'tiny-mit')!;
    expect(mit.purl).toMatch(/^pkg:huggingface\/acme-labs\/tiny-mit@[0-9a-f]{40}$/);
    expect(mit.licenses[0].license.id).toBe('MIT');
    expect(mit.licenses[0].license.properties.some((p: any) => p.name === 'oml:document:LICENSE:sha256' && /^[0-9a-f]{64}$/.test(p.value))).toBe(true);
    const ft = bom.components.find((c) => c.name === 'chat-finetune')!;
    expect(ft.pedigree.ancestors[0]).toMatchObject({ group: 'llamaish', name: 'base-3.1', purl: expect.stringMatching(/^pkg:huggingface\/llamaish\/base-3\.1@/) });
    expect(ft.properties.some((p: any) => p.name === 'oml:finding:license-required')).toBe(true);
  });

  it('the built CLI (dist/cli.js) writes the same valid BOM (the CycloneDX library stays unbundled and finds its schemas)', async () => {
    const child = spawn(process.execPath, [join(REPO, 'dist/cli.js'), 'check', repo, '--online', '--format', 'cyclonedx'], { env: { ...process.env, ...env(), HF_TOKEN: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(await new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6).validate(out)).toBeNull();
    expect((JSON.parse(out) as { components: unknown[] }).components).toHaveLength(10);
  });

  it('oml lock, then a changed LICENSE on the Hub: --locked --online fails with license-drift naming the document', async () => {
    const lock = await runCli(['lock', repo], env());
    expect(lock.code).toBe(1); // the gated and the missing model cannot be locked
    expect(lock.stderr).toMatch(/not locked: gated-org\/gated-model/);
    const file = readFileSync(join(repo, 'oml.lock'), 'utf8');
    const parsed = LockFileSchema.parse(JSON.parse(file));
    expect(parsed.models.map((m) => m.id)).toEqual([...parsed.models.map((m) => m.id)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(parsed.models).toHaveLength(8);
    const apache = parsed.models.find((m) => m.id === 'acme-labs/apache-model')!;
    expect(apache).toMatchObject({ revision: 'main', license: { id: 'Apache-2.0' }, tier: 'open-weight-permissive' });
    // the lock is stable: writing it again gives the same bytes
    await runCli(['lock', repo], env());
    expect(readFileSync(join(repo, 'oml.lock'), 'utf8')).toBe(file);

    // --locked offline: no requests; the two unlocked ids fail as not in the lock
    const before = hub.log.length;
    const offline = await check('--locked');
    expect(hub.log.length).toBe(before);
    expect(offline.report!.models.find((m) => m.id === 'gated-org/gated-model')!.findings[0]!.message).toMatch(/is not in oml\.lock/);
    expect(statuses(offline.report!)['acme-labs/apache-model']).toBe('pass');

    // the license changes on the Hub
    hub.models.get('acme-labs/apache-model')!.files.LICENSE = text('flux-1-dev-non-commercial-1.1.1.txt');
    const drift = await check('--locked', '--online');
    expect(drift.code).toBe(1);
    const m = drift.report!.models.find((x) => x.id === 'acme-labs/apache-model')!;
    expect(m.status).toBe('fail');
    const f = m.findings.find((x) => x.rule === 'license-drift')!;
    expect(f.level).toBe('error');
    expect(f.message).toMatch(/LICENSE changed \(sha256 [0-9a-f]{12}… -> [0-9a-f]{12}…\)/);
    expect(f.message).toMatch(/license Apache-2.0 -> /);
    expect(f.location).toEqual({ path: 'app.py', line: 3, column: expect.any(Number) });
    // the others did not drift
    expect(rules(drift.report!, 'acme-labs/tiny-mit')).not.toContain('license-drift');
  });

  it('--locked fails on a referenced model the lock lacks', async () => {
    writeFileSync(join(repo, 'extra.py'), 'AutoModel.from_pretrained("acme-labs/not-locked-yet")\n');
    const r = await check('--locked');
    const m = r.report!.models.find((x) => x.id === 'acme-labs/not-locked-yet')!;
    expect(m.status).toBe('fail');
    expect(m.findings[0]).toMatchObject({ rule: 'unknown-license', location: { path: 'extra.py', line: 1 } });
    expect(m.findings[0]!.message).toMatch(/not in oml\.lock.*oml lock --online/);
  });

  it('`resolve: hub` in the config turns online resolution on; HF_HUB_OFFLINE=1 keeps the run on the cache (zero requests)', async () => {
    const dir = tempDir('oml-hub-resolve-');
    writeFileSync(join(dir, 'oml.config.yaml'), `${CONFIG}resolve: hub\n`);
    writeFileSync(join(dir, 'serve.py'), 'LLM(model="acme-labs/tiny-mit")\n');
    const online = await runCli(['check', dir, '--format', 'json'], env());
    expect(online.code).toBe(0);
    const r = CheckReportSchema.parse(JSON.parse(online.stdout));
    expect(r.references[0]).toMatchObject({ id: 'acme-labs/tiny-mit', resolution: 'hub', license: 'MIT' });
    const before = hub.log.length;
    const off = await runCli(['check', dir, '--format', 'json'], { ...env(), HF_HUB_OFFLINE: '1' });
    expect(off.code).toBe(0);
    expect(hub.log.length).toBe(before);
    expect(CheckReportSchema.parse(JSON.parse(off.stdout)).references[0]).toMatchObject({ resolution: 'hub', license: 'MIT' });
  });

  it('an edited cache is never trusted: a cached LICENSE that no longer hashes to its snapshot is refetched', async () => {
    const { readdirSync } = await import('node:fs');
    const snaps = join(cache, 'models', 'acme-labs', 'tiny-mit', 'snapshots');
    const sha = readdirSync(snaps).find((n) => !n.endsWith('.json'))!;
    writeFileSync(join(snaps, sha, 'LICENSE'), 'All rights reserved. Nobody may use this model.');
    const before = hub.log.length;
    const dir = tempDir('oml-hub-tamper-');
    writeFileSync(join(dir, 'a.py'), 'AutoModel.from_pretrained("acme-labs/tiny-mit")\n');
    const r = await runCli(['check', dir, '--online', '--format', 'json'], env());
    expect(hub.log.length).toBeGreaterThan(before);
    expect(CheckReportSchema.parse(JSON.parse(r.stdout)).models[0]).toMatchObject({ status: 'pass', license: { id: 'MIT' } });
  });
});
