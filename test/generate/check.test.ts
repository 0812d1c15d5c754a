/**
 * `npm run generate -- --check` as a test: every generated artefact is what its
 * generator computes now, so a stale artefact fails `npm test`. The docs
 * generator (README.md and docs/*.md blocks) is checked by test/docs.
 * A generator whose inputs beside the repository (../shared) are absent is skipped.
 */
import { describe, expect, it } from 'vitest';
import { generators, runGenerators } from '../../scripts/generate/registry.js';

const names = generators().map((g) => g.name).filter((n) => n !== 'docs');

describe('generated artefacts are current (run: npm run generate)', () => {
  it.each(names)('%s', async (name) => {
    const [o] = await runGenerators('check', [name]);
    if (o!.skipped) console.warn(`${name}: skipped (${o!.skipped})`);
    expect(o!.changed, `stale: run npm run generate -- --only=${name}`).toEqual([]);
  }, 120_000);

  it('an unknown generator name is refused', async () => {
    await expect(runGenerators('check', ['no-such-generator'])).rejects.toThrow(/unknown generator\(s\) no-such-generator/);
  });
});
