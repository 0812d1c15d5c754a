/**
 * A README without front matter (a project's README, not a Hub model card) is
 * read like a card body: a license text in its license section is a license
 * document of the folder, and a license it says governs the project stands in
 * for the missing metadata, with a note. READMEs written here; the MIT text is
 * read from the corpus at run time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeFolder } from '../../src/analyze/index.js';
import { classifyFolder } from '../../src/read/folder.js';
import { CORPUS, HAVE_CORPUS } from './helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'oml-readme-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('README without front matter', () => {
  it.skipIf(!HAVE_CORPUS)('a license text in its license section is the folder\'s license, evidence in the README', async () => {
    const mit = readFileSync(path.join(CORPUS, 'deepseek-r1-mit.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const readme = `# A tool\n\nIt converts files.\n\n## License\n\n${mit}\n## Contributing\n\nSend a pull request.\n`;
    const dir = folder('text', { 'README.md': readme });
    const r = await analyzeFolder(dir);
    expect(r.license).toMatchObject({ id: 'MIT', match: 'exact' });
    expect(r.openness.tier).toBe('open-weight-permissive');
    expect(r.terms.length).toBeGreaterThan(0);
    const lines = readme.split('\n');
    for (const t of r.terms) {
      expect(t.origin).toBe('card-body');
      expect(t.evidence.path).toBe(path.join(dir, 'README.md'));
      // the evidence is the README's own line, inside the license section
      expect(t.evidence.line).toBeGreaterThan(5);
      expect(lines[t.evidence.line - 1]).toContain(t.evidence.sentence.split('\n')[0]!.slice(0, 20));
    }
    expect(r.warnings.map((w) => w.code)).toContain('CARD_BODY_LICENSE');
    expect(r.warnings.map((w) => w.code)).not.toContain('NO_LICENSE');
  });

  it('a license it says governs the project is read as declared, with a note', async () => {
    const dir = folder('named', { 'README.md': '# A tool\n\nIt converts files.\n\n## License\n\nThis project is released under the Apache License, Version 2.0.\n' });
    const r = await analyzeFolder(dir);
    expect(r.license).toMatchObject({ id: 'Apache-2.0', match: 'declared' });
    expect(r.declared?.license).toEqual([]);
    expect(r.warnings.some((w) => w.code === 'DECLARED' && /body says the model is under/.test(w.message))).toBe(true);
  });

  it('a license section holding only a license id or name ("## License\\n\\nMIT") names the license', async () => {
    for (const [i, [section, id]] of [['MIT', 'MIT'], ['[Apache-2.0](LICENSE)', 'Apache-2.0'], ['BSD 3-Clause License.', 'BSD-3-Clause']].entries()) {
      const dir = folder(`bare-${i}`, { 'README.md': `# A tool\n\nIt converts files.\n\n## License\n\n${section}\n\n## Thanks\n\nTo all.\n` });
      const r = await analyzeFolder(dir);
      expect(r.license, section).toMatchObject({ id, match: 'declared' });
    }
    // a sentence, or more than one paragraph, is left to the sentence cues
    const dir = folder('bare-sentence', { 'README.md': '# A tool\n\n## License\n\nMIT\n\nexcept the images, which are not ours.\n' });
    expect((await analyzeFolder(dir)).license.match).toBe('unknown');
    const dir2 = folder('bare-word', { 'README.md': '# A tool\n\n## License\n\nAsk us.\n' });
    expect((await analyzeFolder(dir2)).license.match).toBe('unknown');
  });

  it('a card whose license section names another license than its metadata is a conflict', async () => {
    const dir = folder('card-section', { 'README.md': '---\nlicense: apache-2.0\n---\n# Model\n\n## License\n\nMIT\n' });
    const r = await analyzeFolder(dir);
    expect(r.conflicts.find((c) => c.code === 'CARD_BODY_MISMATCH')?.message).toMatch(/MIT/);
  });

  it('a name that is not said to govern (a code license, a modified version) declares nothing: no license', async () => {
    const dir = folder('vetoed', { 'README.md': '# A tool\n\n## License\n\nThe weights use a modified version of the MIT License; ask us.\n' });
    const r = await analyzeFolder(dir);
    expect(r.license.match).toBe('unknown');
    expect(r.declared).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('NO_LICENSE');
  });

  it.skipIf(!HAVE_CORPUS)('a README naming another license than the LICENSE file is a conflict', async () => {
    const dir = folder('conflict', {
      'LICENSE': readFileSync(path.join(CORPUS, 'deepseek-r1-mit.txt'), 'utf8'),
      'README.md': '# A tool\n\n## License\n\nThis project is licensed under the GNU General Public License v3.0.\n',
    });
    const r = await analyzeFolder(dir);
    expect(r.conflicts.map((c) => c.code)).toContain('DECLARED_MISMATCH');
  });
});

describe('READMEs in other formats (README, README.txt, README.rst)', () => {
  const shapes: Array<[string, string]> = [
    ['README', 'A tool\n\nIt converts files.\n\nLicense\n=======\n\nThis project is released under the Apache License, Version 2.0.\n'],
    ['README.txt', 'A tool\n\nIt converts files.\n\nLICENSE\n\nThis project is released under the Apache License, Version 2.0.\n'],
    ['README.rst', 'A tool\n======\n\nIt converts files.\n\nLicense\n-------\n\nThis project is released under the Apache License, Version 2.0.\n'],
  ];
  for (const [name, text] of shapes) {
    it(`${name}: a license it says governs the project is read as declared, as from a README.md`, async () => {
      const dir = folder(`other-${name.replace('.', '-')}`, { [name]: text });
      const r = await analyzeFolder(dir);
      expect(r.license).toMatchObject({ id: 'Apache-2.0', match: 'declared' });
      expect(r.subject.files).toContainEqual({ path: path.join(dir, name), role: 'model-card' });
      expect(r.warnings.map((w) => w.code)).not.toContain('NO_LICENSE');
    });
  }

  it.skipIf(!HAVE_CORPUS)('README.txt: a license text in it is the folder\'s license, evidence in the README', async () => {
    const mit = readFileSync(path.join(CORPUS, 'deepseek-r1-mit.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const dir = folder('other-text', { 'README.txt': `A tool\n\nIt converts files.\n\nLicense\n=======\n\n${mit}` });
    const r = await analyzeFolder(dir);
    expect(r.license).toMatchObject({ id: 'MIT', match: 'exact' });
    for (const t of r.terms) expect([t.origin, t.evidence.path]).toEqual(['card-body', path.join(dir, 'README.txt')]);
  });

  it('front matter in a README.txt is no model card: its license: key declares nothing', async () => {
    const dir = folder('other-frontmatter', { 'README.txt': '---\nlicense: mit\n---\nA tool.\n' });
    const r = await analyzeFolder(dir);
    expect(r.declared).toBeNull();
    expect(r.license.match).toBe('unknown');
  });

  it('README.md is preferred over README.txt; README over README.txt over README.rst', async () => {
    const md = folder('other-both', { 'README.md': '# A tool\n\n## License\n\nMIT\n', 'README.txt': 'A tool\n\nLicense\n=======\n\nApache-2.0\n' });
    expect((await analyzeFolder(md)).license).toMatchObject({ id: 'MIT', match: 'declared' });
    const c = await classifyFolder(folder('other-order', { 'README.rst': 'x', 'README.txt': 'y', 'README': 'z' }));
    expect([c.card, c.readme && path.basename(c.readme)]).toEqual([null, 'README']);
    expect(c.other.map((p) => path.basename(p))).toEqual(['README.rst', 'README.txt']);
  });
});

describe('hostile READMEs', () => {
  it('thousands of license sections are read in bounded time', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `## License ${i}\n\nMIT\n`).join('\n');
    const dir = folder('many-sections', { 'README.md': `# A tool\n\n${body}` });
    const t0 = performance.now();
    const r = await analyzeFolder(dir);
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(r.license.id).toBe('MIT');
  }, 60_000);
});
