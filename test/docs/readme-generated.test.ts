/**
 * Generated blocks of README.md and docs/*.md (`<!-- generated:NAME -->` ...
 * `<!-- /generated:NAME -->`): the rules table, `oml check` samples from a real
 * run on examples/demo-repo, the survey agreement table from a real run on
 * Epoch AI's CSV (scripts/generate/docs.ts). The test fails when a block drifts;
 * `npm run generate -- --only=docs` rewrites them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTIONS, docFiles, renderDocs } from '../../scripts/generate/docs.js';
import { runGenerators } from '../../scripts/generate/registry.js';

describe('generated README and docs blocks', () => {
  it('every block is current (and every registered section appears in README.md or docs/)', async () => {
    const [o] = await runGenerators('check', ['docs']);
    expect(o!.changed, 'stale: run npm run generate -- --only=docs').toEqual([]);
    expect(docFiles()[0]).toBe('README.md');
  }, 120_000);

  it('an unknown section, an unclosed block or a section that appears nowhere is an error naming it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'oml-docs-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'README.md'), '# x\n\n<!-- generated:bogus -->\nold\n<!-- /generated:bogus -->\n');
    writeFileSync(join(root, 'docs', 'a.md'), '<!-- generated:rules-table -->\nno end\n');
    const err = await renderDocs(root).then(() => null, (e: Error) => e.message);
    expect(err).toContain('README.md: unknown generated section bogus');
    expect(err).toContain('docs/a.md: <!-- generated:rules-table --> has no <!-- /generated:rules-table -->');
    for (const name of Object.keys(SECTIONS)) expect(err).toContain(`generated section ${name} appears in no file`);
  });
});
