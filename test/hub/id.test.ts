import { describe, expect, it } from 'vitest';
import { formatHubId, parseHfArgument, parseRepoId } from '../../src/hub/id.js';
import { retryAfterMs } from '../../src/hub/fetch.js';
import { hubSettings } from '../../src/hub/settings.js';

describe('Hub ids', () => {
  it('parses hf:org/name[@rev]; a 40-hex revision is pinned', () => {
    expect(parseHfArgument('hf:Qwen/Qwen2.5-3B-Instruct')).toEqual({ repo: 'Qwen/Qwen2.5-3B-Instruct', revision: 'main', pinned: false });
    const sha = 'a'.repeat(40);
    expect(parseHfArgument(`hf:org/name@${sha}`)).toEqual({ repo: 'org/name', revision: sha, pinned: true });
    expect(parseRepoId('org/name@refs/pr/1')).toMatchObject({ revision: 'refs/pr/1', pinned: false });
    expect(formatHubId(parseRepoId('org/name@v1')!)).toBe('hf:org/name@v1');
    expect(formatHubId(parseRepoId('org/name')!)).toBe('hf:org/name');
  });

  it('refuses what is not a repository id (no path traversal, no third segment, bounded lengths)', () => {
    for (const bad of ['org', 'org/', '/name', 'a/b/c', '../etc', 'org/..', 'org/na..me', '.org/name', 'org/name@', 'org/name@../x', `org/${'x'.repeat(97)}`, 'org/na me', 'org/name@a b']) {
      expect(parseRepoId(bad), bad).toBeNull();
    }
    expect(parseHfArgument('hf:a/b/c')).toMatchObject({ error: expect.stringMatching(/not a Hub model id/) });
    expect(parseHfArgument('org/name')).toBeNull();
  });
});

describe('rate limits and settings', () => {
  it('reads the wait from the RateLimit header (t=seconds), else Retry-After', () => {
    expect(retryAfterMs(new Headers({ RateLimit: '"api";r=0;t=12' }))).toBe(12_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': '3' }))).toBe(3000);
    expect(retryAfterMs(new Headers({}))).toBeNull();
  });

  it('honours HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE and OML_CACHE_DIR; bad values name the variable', () => {
    const s = hubSettings({}, { HF_ENDPOINT: 'http://127.0.0.1:9/', HF_TOKEN: ' hf_x ', HF_HUB_OFFLINE: '1', OML_CACHE_DIR: '/tmp/c' });
    expect(s).toMatchObject({ endpoint: 'http://127.0.0.1:9', token: 'hf_x', offline: true, cacheDir: '/tmp/c' });
    expect(hubSettings({}, {}).endpoint).toBe('https://huggingface.co');
    expect(hubSettings({}, {}).cacheDir).toMatch(/oml/);
    expect(() => hubSettings({}, { HF_ENDPOINT: 'ftp://x' })).toThrow(/HF_ENDPOINT/);
    expect(() => hubSettings({}, { OML_HUB_TIMEOUT: 'soon' })).toThrow(/OML_HUB_TIMEOUT/);
  });
});
