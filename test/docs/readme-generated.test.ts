/**
 * Generated blocks of README.md and docs/*.md (`<!-- generated:NAME -->` ...
 * `<!-- /generated:NAME -->`): the rules table, `oml check` samples from a real
 * run on examples/demo-repo, the survey agreement table from a real run on
 * Epoch AI's CSV (scripts/generate/docs.ts). The test fails when a block drifts;
 * `npm run generate -- --only=docs` rewrites them.
 */
import { describe, expect, it } from 'vitest';
import { SECTIONS, docFiles, renderDocs } from '../../scripts/generate/docs.js';
import { runGenerators } from '../../scripts/generate/registry.js';

describe('generated README and docs blocks', () => {
  it('every block is current', async () => {
    const [o] = await runGenerators('check', ['docs']);
    expect(o!.changed, 'stale: run npm run generate -- --only=docs').toEqual([]);
  }, 120_000);

  it('every registered section appears in README.md or docs/', async () => {
    const { artefacts } = await renderDocs();
    const text = artefacts.map((a) => a.content).join('\n');
    for (const name of Object.keys(SECTIONS)) expect(text, name).toContain(`<!-- generated:${name} -->`);
    expect(docFiles()[0]).toBe('README.md');
  }, 120_000);
});
