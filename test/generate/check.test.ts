/**
 * `npm run generate -- --check` as a test: every generated artefact is what its
 * generator computes now, so a stale artefact fails `npm test`. The docs
 * generator (README.md and docs/*.md blocks) is checked by test/docs.
 * A generator whose inputs beside the repository (../shared) are absent is skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle } from '../../scripts/generate/artefacts.js';
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

describe('settle: how a generator compares and writes', () => {
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'oml-generate-'));
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'same.json'), 'same\n');
    writeFileSync(join(root, 'out', 'old.json'), 'old\n');
    writeFileSync(join(root, 'out', 'gone.json'), 'gone\n');
    writeFileSync(join(root, 'out', 'notes.txt'), 'hand-written\n');
    return root;
  };
  const artefacts = [
    { path: 'out/same.json', content: 'same\n' },
    { path: 'out/old.json', content: 'new\n' },
    { path: 'out/added.json', content: 'added\n' },
    { path: 'out/bin.dat', content: Buffer.from([1, 2, 3]) },
  ];
  const owned = [{ dir: 'out', ext: '.json' }];

  it('check lists each differing, missing and obsolete file and writes nothing', () => {
    const root = tree();
    const o = settle('t', 'check', artefacts, owned, root);
    expect(o.changed).toEqual(['out/old.json', 'out/added.json', 'out/bin.dat', 'out/gone.json (obsolete)']);
    expect(readFileSync(join(root, 'out', 'old.json'), 'utf8')).toBe('old\n');
    expect(existsSync(join(root, 'out', 'added.json'))).toBe(false);
  });

  it('write makes the tree current (a hand-written file of another kind stays), after which check finds nothing', () => {
    const root = tree();
    settle('t', 'write', artefacts, owned, root);
    expect(readFileSync(join(root, 'out', 'old.json'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(root, 'out', 'bin.dat'))).toEqual(Buffer.from([1, 2, 3]));
    expect(existsSync(join(root, 'out', 'gone.json'))).toBe(false);
    expect(existsSync(join(root, 'out', 'notes.txt'))).toBe(true);
    expect(settle('t', 'check', artefacts, owned, root).changed).toEqual([]);
  });
});
