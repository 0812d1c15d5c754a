import type { Dirent } from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverModels } from '../../src/policy/discover.js';
import { compileGlobs } from '../../src/glob.js';
import { cpuSince } from '../cpu-time.js';

const base = mkdtempSync(join(tmpdir(), 'oml-discover-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
function tree(files: Record<string, string>): string {
  const root = join(base, `t${n++}`);
  for (const [rel, body] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, body);
  }
  mkdirSync(root, { recursive: true });
  return root;
}
const rels = (d: { models: Array<{ rel: string }> }) => d.models.map((m) => m.rel);

describe('discoverModels', () => {
  it('finds folders by LICENSE, card front matter, or config.json + weights', async () => {
    const root = tree({
      'LICENSE': 'project license',
      'models/a/LICENSE-MODEL': 'x',
      'models/b/COPYING': 'x',
      'models/e/LICENSE.txt': 'x',
      'models/f/LICENSE-MODEL.md': 'x',
      'models/c/README.md': '---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# C\n',
      'models/d/config.json': '{}',
      'models/d/model.safetensors': '',
      'docs/README.md': '---\ntitle: Docs page\n---\n',
      'plain/README.md': '# no front matter',
      'configonly/config.json': '{}',
      'src/app.py': 'print(1)',
      'src/license-info.ts': 'export {}',
      'src/licenses.json': '{}',
    });
    const d = await discoverModels(root);
    expect(rels(d)).toEqual(['models/a', 'models/b', 'models/c', 'models/d', 'models/e', 'models/f']);
    expect(d.models.find((m) => m.rel === 'models/d')!.signals).toEqual(['weights']);
    expect(d.models.find((m) => m.rel === 'models/c')!.signals).toEqual(['card']);
    expect(d.sourceFiles.map((f) => f.slice(root.length + 1)).sort()).toEqual(['configonly/config.json', 'models/d/config.json', 'src/app.py', 'src/license-info.ts', 'src/licenses.json']);
  });

  it('the root counts only with a card or weights, not with its own LICENSE', async () => {
    expect(rels(await discoverModels(tree({ LICENSE: 'x' })))).toEqual([]);
    expect(rels(await discoverModels(tree({ LICENSE: 'x', 'README.md': '---\nlicense: mit\n---\n' })))).toEqual(['.']);
  });

  it('skips node_modules, .git, .venv, __pycache__, dist, build', async () => {
    const root = tree({
      'node_modules/pkg/LICENSE': 'x',
      '.git/LICENSE': 'x',
      '.venv/lib/LICENSE': 'x',
      '__pycache__/LICENSE': 'x',
      'dist/m/LICENSE': 'x',
      'build/m/LICENSE': 'x',
      'real/LICENSE': 'x',
    });
    expect(rels(await discoverModels(root))).toEqual(['real']);
  });

  it('applies exclude globs', async () => {
    const root = tree({ 'third_party/x/LICENSE': 'x', 'models/keep/LICENSE': 'x', 'models/tmp-1/LICENSE': 'x' });
    expect(rels(await discoverModels(root, { exclude: ['third_party', 'models/tmp-*'] }))).toEqual(['models/keep']);
  });

  it('a symlink loop terminates and is reported', async () => {
    const root = tree({ 'models/a/LICENSE': 'x' });
    symlinkSync(root, join(root, 'models/a/loop'), 'dir');
    symlinkSync(join(root, 'models'), join(root, 'models/a/up'), 'dir');
    const d = await discoverModels(root);
    expect(rels(d)).toEqual(['models/a']);
    const loops = d.warnings.filter((w) => w.code === 'SYMLINK_LOOP');
    expect(loops.map((w) => w.path).sort()).toEqual(['models/a/loop', 'models/a/up']);
  });

  it('follows a symlinked model folder once', async () => {
    const root = tree({ 'store/m/LICENSE': 'x' });
    symlinkSync(join(root, 'store/m'), join(root, 'linked'), 'dir');
    const d = await discoverModels(root);
    expect(rels(d).length).toBe(1);
    expect(d.warnings.map((w) => w.code)).toEqual(['SYMLINK_LOOP']);
    expect(['linked', 'store/m']).toContain(d.warnings[0]!.path);
  });

  it('a self-referencing symlink (ELOOP) is reported, not fatal', async () => {
    const root = tree({ 'm/LICENSE': 'x' });
    symlinkSync(join(root, 'self'), join(root, 'self'));
    const d = await discoverModels(root);
    expect(rels(d)).toEqual(['m']);
    expect(d.warnings.find((w) => w.path === 'self')?.code).toBe('SYMLINK_LOOP');
  });

  it('an unreadable directory is a warning (injected readdir, so it also holds as root)', async () => {
    const root = tree({ 'locked/m/LICENSE': 'x', 'open/LICENSE': 'x' });
    const rd = async (p: string): Promise<Dirent[]> => {
      if (p.endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return readdir(p, { withFileTypes: true });
    };
    const d = await discoverModels(root, { readdir: rd });
    expect(rels(d)).toEqual(['open']);
    expect(d.warnings).toContainEqual(expect.objectContaining({ code: 'EACCES', path: 'locked' }));
  });

  it('an unreadable directory is a warning (real chmod 000; skipped when running as root)', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip(); // root bypasses directory permissions, so chmod 000 cannot make the directory unreadable; the injected-readdir test above covers it
      return;
    }
    const root = tree({ 'locked/m/LICENSE': 'x', 'open/LICENSE': 'x' });
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const d = await discoverModels(root);
      expect(rels(d)).toEqual(['open']);
      expect(d.warnings.some((w) => w.code === 'EACCES' && w.path === 'locked')).toBe(true);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('stops with a clear LIMIT error over maxFiles or maxDepth', async () => {
    const root = tree({ 'a/1.txt': '', 'a/2.txt': '', 'a/3.txt': '' });
    await expect(discoverModels(root, { limits: { maxFiles: 2 } })).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('limits.maxFiles') });
    const deep = tree({ 'a/b/c/d/e/LICENSE': 'x' });
    await expect(discoverModels(deep, { limits: { maxDepth: 3 } })).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('limits.maxDepth') });
  });

  it('a missing root is an error', async () => {
    await expect(discoverModels(join(base, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('handles 10,000 files and 200 model folders (hang guard only)', async () => {
    const root = join(base, 'big');
    for (let m = 0; m < 200; m++) {
      const dir = join(root, 'models', `group${m % 10}`, `model-${m}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'LICENSE'), 'x');
      for (let f = 0; f < 24; f++) writeFileSync(join(dir, `shard-${f}.txt`), '');
    }
    for (let s = 0; s < 50; s++) {
      const dir = join(root, 'src', `pkg${s}`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(dir, `f${f}.md`), '');
    }
    const t0 = Date.now();
    const d = await discoverModels(root);
    expect(d.models).toHaveLength(200);
    expect(d.files).toBe(200 * 25 + 50 * 100);
    expect(Date.now() - t0).toBeLessThan(20000);
    expect(readdirSync(join(root, 'models')).length).toBe(10);
  }, 60000);
});

describe('compileGlobs', () => {
  const m = compileGlobs(['vendor', 'models/**/tmp', 'a/*.bak', '/top']);
  it('matches basenames anywhere, ** across segments, * within one', () => {
    expect(m('x/y/vendor')).toBe(true);
    expect(m('models/tmp')).toBe(true);
    expect(m('models/a/b/tmp')).toBe(true);
    expect(m('a/file.bak')).toBe(true);
    expect(m('a/b/file.bak')).toBe(false);
    expect(m('top')).toBe(true);
    expect(m('x/top')).toBe(false);
    expect(m('models/a/tmpx')).toBe(false);
  });
  it('stays fast on hostile patterns', () => {
    const hostile = compileGlobs([`${'*a'.repeat(30)}b`, `${'**/'.repeat(20)}z`]);
    const t0 = process.cpuUsage();
    expect(hostile('a'.repeat(5000))).toBe(false);
    expect(hostile(`${'x/'.repeat(200)}y`)).toBe(false);
    expect(cpuSince(t0)).toBeLessThan(2000);
  });
});
