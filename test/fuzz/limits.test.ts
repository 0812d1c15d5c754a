/**
 * The documented limits (docs/limits.md) through the paths a user overrides
 * them: `limits:` in oml.config.yaml for `oml check`, AnalyzeOptions.limits for
 * the library. (decode/read/discover/front matter unit tests cover each limit
 * at its own stage; these check the override actually reaches that stage.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePath, analyzePaths } from '../../src/analyze/index.js';
import { ReadBudget } from '../../src/read/budget.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { checkDirectory } from '../../src/policy/run.js';

// A made-up license for the fixture (not a real license text).
const ACME = 'Acme Test Model License. You may use the weights for any lawful purpose. Keep this notice with every copy you share. '.repeat(4);

function repo(config: string, card = '---\nlicense: mit\n---\n# Acme test model\n'): string {
  const root = mkdtempSync(join(tmpdir(), 'oml-limits-'));
  const model = join(root, 'models', 'acme');
  mkdirSync(model, { recursive: true });
  writeFileSync(join(model, 'LICENSE'), ACME);
  writeFileSync(join(model, 'README.md'), card);
  writeFileSync(join(root, 'oml.config.yaml'), `policy:\n  allow: [open-weight-permissive, open-weight-restricted]\n  unknown: warn\n${config}`);
  return root;
}

describe('limits reach their stage when overridden', () => {
  it('defaults are the documented values', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024, maxFiles: 200_000, maxDepth: 32, maxYamlAliases: 100 });
  });

  it('oml check: limits.maxFileBytes in oml.config.yaml refuses a larger LICENSE (TOO_LARGE), default does not', async () => {
    const small = JSON.stringify(await checkDirectory(repo('limits:\n  maxFileBytes: 100\n')));
    expect(small).toContain('TOO_LARGE');
    expect(small).toContain('maxFileBytes');
    expect(JSON.stringify(await checkDirectory(repo('')))).not.toContain('TOO_LARGE');
  });

  it('oml check: limits.maxFiles and limits.maxDepth stop the scan with LIMIT naming the field', async () => {
    await expect(checkDirectory(repo('limits:\n  maxFiles: 2\n'))).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('limits.maxFiles') });
    await expect(checkDirectory(repo('limits:\n  maxDepth: 1\n'))).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('limits.maxDepth') });
  });

  it('oml check: limits.maxYamlAliases applies to model-card front matter', async () => {
    const card = '---\nlicense: &l mit\nlicense_name: *l\ntags: [*l, *l]\n---\n# Acme\n';
    const strict = JSON.stringify(await checkDirectory(repo('limits:\n  maxYamlAliases: 1\n', card)));
    expect(strict).toContain('YAML_ALIAS');
    expect(JSON.stringify(await checkDirectory(repo('', card)))).not.toContain('YAML_ALIAS');
  });

  it('library: AnalyzeOptions.limits.maxFileBytes on a folder turns the LICENSE into a warning', async () => {
    const dir = join(repo(''), 'models', 'acme');
    const a = await analyzePath(dir, { limits: { maxFileBytes: 100 } });
    expect(a.warnings.map((w) => w.code)).toContain('TOO_LARGE');
    expect((await analyzePath(dir)).warnings.map((w) => w.code)).not.toContain('TOO_LARGE');
  });

  it('oml check: limits.maxTotalBytes stops the scan with LIMIT naming the file and the field', async () => {
    const root = repo('limits:\n  maxTotalBytes: 500\n');
    // LICENSE is ~470 bytes, README.md ~30: a second model folder takes the run over 500 bytes
    const second = join(root, 'models', 'beta');
    mkdirSync(second, { recursive: true });
    writeFileSync(join(second, 'LICENSE'), ACME);
    await expect(checkDirectory(root)).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/^models\/\w+\/\S+: .*maxTotalBytes/) });
    // the same tree passes the byte budget with the default, and with a flag-level override of the config
    await expect(checkDirectory(root, { limits: { maxTotalBytes: 10_000 } })).resolves.toMatchObject({ summary: { models: 2 } });
  });

  it('oml check: code files scanned for model references count toward maxTotalBytes', async () => {
    const root = repo('limits:\n  maxTotalBytes: 2000\n');
    writeFileSync(join(root, 'app.py'), `# ${'x'.repeat(3000)}\nfrom_pretrained("acme/none")\n`);
    await expect(checkDirectory(root)).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('app.py') });
  });

  it('library: analyzePaths stops at the byte budget, keeps what it analysed, and reads nothing after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oml-total-'));
    const files = ['a', 'b', 'c'].map((n) => { const p = join(dir, `LICENSE-${n}`); writeFileSync(p, ACME); return p; });
    const { results, errors } = await analyzePaths(files, { limits: { maxTotalBytes: ACME.length * 2 } });
    expect(results).toHaveLength(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'LIMIT', file: files[2] });
    // a shared budget spans calls
    const budget = new ReadBudget(ACME.length);
    await analyzePath(files[0]!, { budget });
    await expect(analyzePath(files[1]!, { budget })).rejects.toMatchObject({ code: 'LIMIT' });
    expect(budget.used).toBe(ACME.length);
  });
});
