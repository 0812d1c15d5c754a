/** Model card + LICENSE together: declarations, conflicts, SPDX expressions. */
import { describe, expect, it } from 'vitest';
import { analyzePath } from '../../src/analyze/index.js';
import { corpusCard, modelFolder } from './helpers.js';

describe('declared licenses', () => {
  it('card declares one license and LICENSE says another: both reported, conflict flagged', async () => {
    const dir = modelFolder({
      'README.md': '---\nlicense: apache-2.0\n---\n# A model\n',
      LICENSE: { corpus: 'licenses/llama-3.1-community-license.txt' },
    });
    const a = await analyzePath(dir);
    expect(a.declared?.resolved).toBe('Apache-2.0');
    expect(a.license.id).toBe('llama-3.1-community-license');
    const c = a.conflicts.find((x) => x.code === 'DECLARED_MISMATCH')!;
    expect(c.path).toMatch(/README\.md$/);
    expect(c.line).toBe(2);
  });

  it('license: other with license_name resolves through the catalog', async () => {
    const a = await analyzePath(corpusCard('deepseek-ai__DeepSeek-V2-Chat.md'));
    expect(a.declared?.license).toEqual(['other']);
    expect(a.declared?.resolved).toBe('deepseek-license-1.0');
    expect(a.license.match).toBe('declared');
    expect(a.terms.length).toBeGreaterThan(3);
  });

  it('an SPDX expression is parsed; an invalid one is reported, not guessed', async () => {
    const ok = await analyzePath(modelFolder({ 'README.md': '---\nlicense: Apache-2.0 OR MIT\n---\n' }));
    expect(ok.declared?.spdx).toBeTruthy();
    const bad = await analyzePath(modelFolder({ 'README.md': '---\nlicense: Apache-2.0 OR OR MIT\n---\n' }));
    expect(bad.declared?.spdx).toBeNull();
    expect(bad.warnings.some((w) => w.code === 'SPDX_INVALID')).toBe(true);
    expect(bad.openness.tier).toBe('unknown');
  });

  it('an unknown declaration never passes as fine', async () => {
    const a = await analyzePath(modelFolder({ 'README.md': '---\nlicense: other\nlicense_name: totally-new-license\n---\n' }));
    expect(a.license.match).toBe('unknown');
    expect(a.openness.tier).toBe('unknown');
    expect(a.warnings.map((w) => w.code)).toContain('NO_LICENSE');
  });
});
