/** Issue #4: corpus licenses land in their openness tiers, and scores are ordered by tier. */
import { describe, expect, it } from 'vitest';
import { analyzePath } from '../../src/analyze/index.js';
import { TIERS, type Tier } from '../../src/types.js';
import { corpusCard, corpusLicense } from './helpers.js';

const EXPECTED: Record<string, Tier> = {
  'deepseek-r1-mit.txt': 'open-weight-permissive',
  'gpt-oss-apache-2.0.txt': 'open-weight-permissive',
  'olmo-apache-2.0.txt': 'open-weight-permissive',
  'kimi-k2-modified-mit.txt': 'open-weight-conditional',
  'llama-2-community-license.txt': 'open-weight-restricted',
  'llama-3.1-community-license.txt': 'open-weight-restricted',
  'llama-3.3-community-license.txt': 'open-weight-restricted',
  'llama-4-community-license.txt': 'open-weight-restricted',
  'gemma-terms-of-use-2025-03-24.txt': 'open-weight-restricted',
  'deepseek-license-1.0.txt': 'open-weight-restricted',
  'tongyi-qianwen-license.txt': 'open-weight-restricted',
  'creativeml-openrail-m.txt': 'open-weight-restricted',
  'qwen-research-license.txt': 'open-weight-noncommercial',
  'mistral-non-production-license-0.1.txt': 'open-weight-noncommercial',
  'flux-1-dev-non-commercial-1.1.1.txt': 'open-weight-noncommercial',
};

describe('openness tiers of corpus licenses', () => {
  const scores: Array<{ tier: Tier; score: number; file: string }> = [];
  it.each(Object.entries(EXPECTED))('%s -> %s', async (file, tier) => {
    const a = await analyzePath(corpusLicense(file));
    expect(a.openness.tier).toBe(tier);
    expect(a.openness.score).not.toBeNull();
    scores.push({ tier, score: a.openness.score!, file });
  });
  it('scores are strictly ordered by tier', () => {
    expect(scores.length).toBe(Object.keys(EXPECTED).length);
    for (const a of scores) for (const b of scores) {
      if (TIERS.indexOf(a.tier) < TIERS.indexOf(b.tier)) expect(a.score, `${a.file} vs ${b.file}`).toBeGreaterThan(b.score);
    }
  });
  it('an Apache-2.0 card with open datasets (OLMo) is open-source', async () => {
    const a = await analyzePath(corpusCard('allenai__OLMo-7B.md'));
    expect(a.declared?.datasets.length).toBeGreaterThan(0);
    expect(a.openness.tier).toBe('open-source');
  });
  it('a card without any license is unknown, never fine', async () => {
    const a = await analyzePath(corpusCard('NousResearch__Llama-2-7b-chat-hf.md'));
    expect(a.openness.tier).toBe('unknown');
    expect(a.openness.score).toBeNull();
  });
});
