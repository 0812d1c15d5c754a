/** Lineage through the Hub: cycles and the depth limit end the walk with a warning; a grandparent's license still applies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeHubId } from '../../src/hub/analyze.js';
import { parseRepoId } from '../../src/hub/id.js';
import { hubSettings } from '../../src/hub/settings.js';
import { tempDir, text } from './fixtures.js';
import { startReplayServer, type ReplayModel, type ReplayServer } from './replay-server.js';

const card = (meta: Record<string, string | string[]>) => ({ 'README.md': `---\n${Object.entries(meta).map(([k, v]) => `${k}: ${Array.isArray(v) ? JSON.stringify(v) : v}`).join('\n')}\n---\n# m\n` });
const m = (repo: string, meta: Record<string, string | string[]>, files: Record<string, string> = {}): ReplayModel => ({ repo, files: { ...card(meta), ...files }, cardData: meta });

let hub: ReplayServer;
beforeAll(async () => {
  hub = await startReplayServer([
    m('cyc/a', { license: 'mit', base_model: 'cyc/b' }),
    m('cyc/b', { license: 'mit', base_model: 'cyc/a' }),
    ...[0, 1, 2, 3, 4, 5].map((i) => m(`deep/m${i}`, { license: 'mit', ...(i < 5 ? { base_model: `deep/m${i + 1}` } : {}) })),
    m('gp/root', { license: 'llama3.1' }, { LICENSE: text('llama-3.1-community-license.txt') }),
    m('gp/mid', { license: 'apache-2.0', base_model: 'gp/root' }),
    m('gp/leaf', { license: 'apache-2.0', base_model: 'gp/mid' }),
  ]);
});
afterAll(() => hub.close());

const ctx = () => ({ settings: hubSettings({ cacheDir: tempDir('oml-lineage-') }, { HF_ENDPOINT: hub.url }), maxFileBytes: 1 << 22 });

describe('Hub lineage', () => {
  it('a base_model cycle is detected and not followed', async () => {
    const r = await analyzeHubId(parseRepoId('cyc/a')!, ctx());
    expect(r.analysis.warnings.find((w) => w.code === 'LINEAGE_CYCLE')?.message).toBe('base_model cycle: cyc/a -> cyc/b -> cyc/a; the cycle is not followed further');
    expect(r.lineage.map((n) => n.id)).toEqual(['cyc/b']);
  });

  it('the depth limit stops the walk with a warning naming the model', async () => {
    const r = await analyzeHubId(parseRepoId('deep/m0')!, ctx());
    expect(r.lineage.filter((n) => n.sha).map((n) => n.id)).toEqual(['deep/m1', 'deep/m2', 'deep/m3', 'deep/m4']);
    const w = r.analysis.warnings.filter((x) => x.code === 'LINEAGE_DEPTH');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('deep/m5');
  });

  it("a grandparent's license terms reach the leaf (fine-tune of a fine-tune)", async () => {
    const r = await analyzeHubId(parseRepoId('gp/leaf')!, ctx());
    expect(r.analysis.terms.some((t) => t.origin === 'base-model' && t.via === 'gp/root' && t.kind === 'threshold')).toBe(true);
    expect(r.analysis.openness.tier).not.toBe('open-weight-permissive');
  });
});
