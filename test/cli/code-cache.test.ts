/**
 * The CLI's V8 code cache (src/cli/code-cache.ts): used only when made for exactly this bundle and
 * runtime; a missing, corrupt, stale or rejected cache is ignored and the bundle compiles normally,
 * with the same result. And the built one (dist/cli-bundle.cjs.cache) is current.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileBundle, decodeCache, encodeCache, runBundle, saveCache } from '../../src/cli/code-cache.js';
import { REPO, oml } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oml-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS file whose exports say which version of it ran (the same length for every version). */
function bundleFile(name: string, version: number): string {
  const f = path.join(dir, `${name}.cjs`);
  writeFileSync(f, `// ${name}\nfunction add(a, b) { return a + b; }\nmodule.exports = { version: ${version}, sum: add(2, 3), dir: __dirname, req: typeof require('node:path').join };\n`);
  return f;
}

const run = (f: string, noCache = false) => {
  const b = compileBundle(f, `${f}.cache`, { noCache });
  return { b, exports: runBundle(b, f) as { version: number; sum: number; dir: string; req: string } };
};

describe('code cache of a CommonJS bundle', () => {
  test('missing, then written after the run, then accepted: the same exports every time', () => {
    const f = bundleFile('fresh', 1);
    const first = run(f);
    expect(first.b.status).toBe('missing');
    expect(first.exports).toEqual({ version: 1, sum: 5, dir, req: 'function' });
    expect(saveCache(first.b, `${f}.cache`)).toBe(true);
    const second = run(f);
    expect(second.b.status).toBe('accepted');
    expect(second.exports).toEqual(first.exports);
    expect(run(f, true).b.status).toBe('disabled');
  });

  test('a cache of another version of the bundle (same length) is stale: the new code runs', () => {
    const f = bundleFile('stale', 1);
    const b = run(f).b;
    saveCache(b, `${f}.cache`);
    bundleFile('stale', 2);
    const after = run(f);
    expect(after.b.status).toBe('stale');
    expect(after.exports.version).toBe(2);
  });

  test('a damaged cache is corrupt (header, payload byte, truncation, not ours): ignored, same exports', () => {
    const f = bundleFile('corrupt', 1);
    const b = run(f).b;
    saveCache(b, `${f}.cache`);
    const good = readFileSync(`${f}.cache`);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 0xff;
    const damaged = [flipped, good.subarray(0, good.length - 100), Buffer.from('not a cache at all'), Buffer.from(good.toString('latin1').replace('{', '['), 'latin1')];
    for (const bytes of damaged) {
      writeFileSync(`${f}.cache`, bytes);
      const r = run(f);
      expect(r.b.status).toBe('corrupt');
      expect(r.exports).toEqual({ version: 1, sum: 5, dir, req: 'function' });
    }
  });

  test('a well-formed cache whose V8 data V8 does not take is rejected: compiled normally, same exports', () => {
    const f = bundleFile('rejected', 1);
    const bytes = readFileSync(f);
    writeFileSync(`${f}.cache`, encodeCache(bytes, Buffer.alloc(4096, 7)));
    expect('data' in decodeCache(bytes, readFileSync(`${f}.cache`))).toBe(true);
    const r = run(f);
    expect(r.b.status).toBe('rejected');
    expect(r.exports.sum).toBe(5);
  });
});

const built = existsSync(path.join(REPO, 'dist', 'cli-bundle.cjs.cache'));

describe.runIf(built)('the built CLI (dist/cli.js)', () => {
  // a made-up license of our own
  const input = path.join(dir, 'LICENSE');
  writeFileSync(input, 'Acme Model License\n\nYou may use, copy, modify and distribute the model for any purpose, including commercial use, provided that you keep this notice.\n');
  test('accepts the code cache the build wrote (it is current) and prints what it prints without it', () => {
    const withCache = oml(['analyze', input, '--json'], { env: { OML_CODE_CACHE_DEBUG: '1' } });
    expect(withCache.stderr).toContain('oml: code cache accepted');
    const without = oml(['analyze', input, '--json'], { env: { OML_CODE_CACHE_DEBUG: '1', OML_NO_CODE_CACHE: '1' } });
    expect(without.stderr).toContain('oml: code cache disabled');
    expect(withCache.status).toBe(without.status);
    expect(withCache.stdout).toBe(without.stdout);
    expect(JSON.parse(withCache.stdout)).toHaveLength(1);
  });

  test('the package\'s bin (dist/cli.cjs, CommonJS) runs the same bundle from the same cache: the same output', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: { oml: string } };
    expect(pkg.bin.oml).toBe('./dist/cli.cjs');
    const viaEsm = oml(['analyze', input, '--json']);
    const viaBin = spawnSync(process.execPath, [path.join(REPO, pkg.bin.oml), 'analyze', input, '--json'], {
      encoding: 'utf8', env: { ...process.env, OML_CODE_CACHE_DEBUG: '1' },
    });
    expect(viaBin.stderr).toContain('oml: code cache accepted');
    expect(viaBin.status).toBe(viaEsm.status);
    expect(viaBin.stdout).toBe(viaEsm.stdout);
  });
});
