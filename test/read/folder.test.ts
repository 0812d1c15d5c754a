import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { classifyFolder, classifyName } from '../../src/read/folder.js';
import { OmlError } from '../../src/errors.js';

let dir: string;
const FILES = [
  'LICENSE', 'LICENSE-MODEL', 'LICENSE.md', 'license.txt', 'Licence', 'COPYING',
  'USE_POLICY.md', 'LLAMA_USE_POLICY.md', 'acceptable_use_policy.txt', 'PROHIBITED_USE_POLICY.md', 'USAGE_POLICY',
  'NOTICE', 'notice.txt', 'README.md', 'config.json', 'model.safetensors', 'tokenizer.json',
];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oml-folder-'));
  for (const f of FILES) writeFileSync(join(dir, f), 'x');
  mkdirSync(join(dir, 'LICENSES'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('classifyFolder', () => {
  it('sorts files into roles case-insensitively', async () => {
    const f = await classifyFolder(dir);
    const names = (xs: string[]) => xs.map((x) => basename(x)).sort();
    expect(f.dir).toBe(dir);
    expect(names(f.license)).toEqual(['COPYING', 'LICENSE', 'LICENSE-MODEL', 'LICENSE.md', 'Licence', 'license.txt']);
    expect(names(f.usePolicy)).toEqual(['LLAMA_USE_POLICY.md', 'PROHIBITED_USE_POLICY.md', 'USAGE_POLICY', 'USE_POLICY.md', 'acceptable_use_policy.txt']);
    expect(names(f.notice)).toEqual(['NOTICE', 'notice.txt']);
    expect(f.card).toBe(join(dir, 'README.md'));
    expect(f.config).toBe(join(dir, 'config.json'));
    expect(names(f.other)).toEqual(['model.safetensors', 'tokenizer.json']);
    // sub-directories are not files of the folder
    expect([...f.license, ...f.other].some((p) => basename(p) === 'LICENSES')).toBe(false);
  });

  it('classifies single names', () => {
    expect(classifyName('readme.MD')).toBe('card');
    expect(classifyName('Config.JSON')).toBe('config');
    // a README in another format is read like a README.md without front matter (never a card)
    expect(classifyName('README.txt')).toBe('readme');
    expect(classifyName('Readme.rst')).toBe('readme');
    expect(classifyName('README')).toBe('readme');
    expect(classifyName('README.html')).toBe('other');
    expect(classifyName('LICENSE_USE_POLICY.md')).toBe('use-policy');
  });

  it('reports a missing directory and a file passed as a directory', async () => {
    await expect(classifyFolder(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    const e = await classifyFolder(join(dir, 'LICENSE')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OmlError);
    expect((e as OmlError).code).toBe('USAGE');
  });
});
