import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadRules } from '../../src/extract/index.js';
import { REPO } from './helpers.js';

// that TABLE.md is current is checked with every generated artefact (test/generate/check.test.ts)
test('rules/TABLE.md names every loaded rule', () => {
  const table = readFileSync(path.join(REPO, 'rules/TABLE.md'), 'utf8');
  for (const r of loadRules()) expect(table).toContain(`\`${r.id}\``);
});

test('the complete example rule in rules/README.md loads and passes its own examples', async () => {
  const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
  const os = await import('node:os');
  const { getRules, extractTerms } = await import('../../src/extract/index.js');
  const { docOf } = await import('./helpers.js');
  const readme = readFileSync(path.join(REPO, 'rules/README.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oml-readme-'));
  copyFileSync(path.join(REPO, 'rules/_normalize.yaml'), path.join(dir, '_normalize.yaml'));
  writeFileSync(path.join(dir, 'example.yaml'), block);
  const compiled = getRules(dir);
  const rule = compiled.rules[0]!.rule;
  for (const ex of rule.examples.match) expect(extractTerms(docOf(ex.text), { rules: compiled })[0]).toMatchObject(ex.expect);
  for (const text of rule.examples.noMatch) expect(extractTerms(docOf(text), { rules: compiled })).toEqual([]);
});
