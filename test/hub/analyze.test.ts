/** oml analyze hf:ORG/NAME against the replay server: permissive, Llama, gated, missing, and the Hub's error answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSchema, type Analysis } from '../../src/types.js';
import { replayModels, runCli, tempDir } from './fixtures.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';

let hub: ReplayServer;
beforeAll(async () => {
  hub = await startReplayServer([
    ...replayModels(),
    { repo: 'broken/always-500', files: { 'README.md': 'x' }, fault: 'error-500-always' },
    { repo: 'broken/slow', files: { 'README.md': 'x' }, fault: 'slow' },
    { repo: 'broken/bad-json', files: { 'README.md': 'x' }, fault: 'malformed-json' },
    { repo: 'broken/rate-limited', files: { 'README.md': 'x' }, fault: 'rate-limit-always' },
  ], { slowMs: 3000 });
});
afterAll(() => hub.close());

const env = (extra: Record<string, string | undefined> = {}) => ({
  HF_ENDPOINT: hub.url, OML_CACHE_DIR: tempDir('oml-hub-cache-'), HF_TOKEN: undefined, HUGGING_FACE_HUB_TOKEN: undefined, HF_HUB_OFFLINE: undefined, ...extra,
});
const analyses = (stdout: string) => (JSON.parse(stdout) as unknown[]).map((a) => AnalysisSchema.parse(a)) as Analysis[];

describe('oml analyze hf:', () => {
  it('a permissive model and a Llama-licensed model are analysed as model folders', async () => {
    const r = await runCli(['analyze', 'hf:acme-labs/tiny-mit', 'hf:llamaish/base-3.1', '--online', '--json'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [mit, llama] = analyses(r.stdout);
    expect(mit!.license.id).toBe('MIT');
    expect(mit!.openness.tier).toBe('open-weight-permissive');
    expect(mit!.subject.path).toMatch(/^hf:acme-labs\/tiny-mit@[0-9a-f]{40}$/);
    expect(llama!.license.id).toBe('llama-3.1-community-license');
    expect(llama!.openness.tier).toBe('open-weight-restricted');
    expect(llama!.terms.some((t) => t.kind === 'threshold' && t.value === 700_000_000)).toBe(true);
    expect(llama!.subject.files.map((f) => f.role).sort()).toEqual(['license', 'model-card', 'use-policy']);
  });

  it('a gated model is unknown, with the fix (accept the terms, set HF_TOKEN); with an accepted token it is read', async () => {
    const e = env();
    const r = await runCli(['analyze', 'hf:gated-org/gated-model', '--online', '--json'], e);
    expect(r.code).toBe(0);
    const [a] = analyses(r.stdout);
    expect(a!.openness.tier).toBe('unknown');
    expect(a!.warnings[0]).toMatchObject({ code: 'HUB_GATED' });
    expect(r.stderr).toMatch(/gated model .*accept the model's terms on http:\/\/127\.0\.0\.1:\d+\/gated-org\/gated-model.*set HF_TOKEN/);
    // same cache: the cached 'gated' answer is not reused once a token is set
    const ok = await runCli(['analyze', 'hf:gated-org/gated-model', '--online', '--json'], { ...e, HF_TOKEN: hub.acceptedToken });
    expect(analyses(ok.stdout)[0]!.license.id).toBe('Apache-2.0');
    expect(hub.log.some((l) => l.url.includes('/gated-org/gated-model/resolve/') && l.auth)).toBe(true);
    expect(ok.stdout + ok.stderr).not.toContain(hub.acceptedToken);
  });

  it('a missing model is unknown (not found); a bare org/name that is not a local path goes to the Hub too', async () => {
    const r = await runCli(['analyze', 'acme-labs/missing', '--online', '--json'], env());
    expect(r.code).toBe(0);
    const [a] = analyses(r.stdout);
    expect(a!.openness.tier).toBe('unknown');
    expect(a!.warnings[0]!.code).toBe('HUB_NOT_FOUND');
    expect(r.stderr).toMatch(/hf:acme-labs\/missing does not exist on http:\/\/127\.0\.0\.1/);
  });

  it('offline, an uncached id is a clear error with the hint to pass --online (exit 2); a cached one is served without a request', async () => {
    const e = env();
    const off = await runCli(['analyze', 'hf:acme-labs/apache-model'], e);
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/pass --online/);
    await runCli(['analyze', 'hf:acme-labs/apache-model', '--online'], e);
    const before = hub.log.length;
    const cached = await runCli(['analyze', 'hf:acme-labs/apache-model', '--offline', '--json'], e);
    expect(cached.code).toBe(0);
    expect(analyses(cached.stdout)[0]!.license.id).toBe('Apache-2.0');
    expect(hub.log.length).toBe(before);
  });

  it('a 429 once is retried (RateLimit header); 500s, a slow answer and a 429 that lasts exit 2 naming the model', async () => {
    const flaky = await runCli(['analyze', 'hf:acme-labs/flaky', '--online', '--json'], env());
    expect(flaky.code).toBe(0);
    expect(analyses(flaky.stdout)[0]!.license.id).toBe('MIT');
    const fast = { OML_HUB_RETRY_BUDGET: '1', OML_HUB_TIMEOUT: '0.5' };
    for (const [id, why] of [['broken/always-500', /HTTP 500/], ['broken/slow', /timeout/], ['broken/rate-limited', /HTTP 429/], ['broken/bad-json', /not valid JSON/]] as const) {
      const r = await runCli(['analyze', `hf:${id}`, '--online'], env(fast));
      expect(r.code, id).toBe(2);
      expect(r.stderr).toContain(`[HUB] hf:${id}:`);
      expect(r.stderr).toMatch(why);
    }
  });

  it('a revision that does not exist is unknown, naming the revision', async () => {
    const r = await runCli(['analyze', 'hf:acme-labs/tiny-mit@v9', '--online', '--json'], env());
    expect(analyses(r.stdout)[0]!.warnings[0]!.code).toBe('HUB_REVISION_NOT_FOUND');
    expect(r.stderr).toMatch(/revision 'v9' does not exist/);
  });

  it('malformed ids are usage errors (exit 2)', async () => {
    const r = await runCli(['analyze', 'hf:not a model', '--online'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a Hub model id/);
  });

  it('a pinned revision (commit sha) is served from the cache even when branch names are never trusted (OML_HUB_REF_TTL=0)', async () => {
    const e = env({ OML_HUB_REF_TTL: '0' });
    const first = await runCli(['analyze', 'hf:acme-labs/tiny-mit', '--online', '--json'], e);
    const sha = analyses(first.stdout)[0]!.subject.path.split('@')[1]!;
    const before = hub.log.length;
    await runCli(['analyze', 'hf:acme-labs/tiny-mit', '--online', '--json'], e);
    expect(hub.log.length).toBeGreaterThan(before); // main is asked again
    const mid = hub.log.length;
    const pinned = await runCli(['analyze', `hf:acme-labs/tiny-mit@${sha}`, '--online', '--json'], e);
    expect(analyses(pinned.stdout)[0]!.license.id).toBe('MIT');
    expect(hub.log.length).toBe(mid);
  });

  it('--online and --offline together are a usage error', async () => {
    const r = await runCli(['analyze', 'hf:acme-labs/tiny-mit', '--online', '--offline'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--online and --offline exclude each other/);
  });
});
