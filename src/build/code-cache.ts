/**
 * Build step (called by ./data.ts once dist/data is written): V8's code cache for the CLI bundle
 * (see src/cli/code-cache.ts). Deletes the old cache, runs `oml analyze - --json` once on a standard
 * license text from the spdx-license-list dependency (so the cache holds the functions a one-file run
 * compiles, not only the top level), then runs again and fails the build unless that run accepted it,
 * through the package's bin (dist/cli.cjs) and through the ES-module bin (dist/cli.js) alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../paths.js';

const require = createRequire(import.meta.url);

function runCli(input: string, bin = 'cli.cjs'): string {
  const r = spawnSync(process.execPath, [dataPath('dist', bin), 'analyze', '-', '--json'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, OML_CODE_CACHE_DEBUG: '1', OML_NO_CODE_CACHE: undefined },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`build-data: oml analyze for the code cache exited ${r.status}: ${r.stderr}`);
  return r.stderr;
}

/** Writes dist/cli-bundle.cjs.cache and checks a run uses it; returns its size in bytes. */
export function writeCodeCache(): number {
  const bundle = dataPath('dist', 'cli-bundle.cjs');
  if (!existsSync(bundle)) throw new Error('build-data: dist/cli-bundle.cjs is missing (run tsup first)');
  const cache = `${bundle}.cache`;
  rmSync(cache, { force: true });
  const text = (JSON.parse(readFileSync(require.resolve('spdx-license-list/licenses/MIT.json'), 'utf8')) as { licenseText: string }).licenseText;
  const first = runCli(text);
  if (!/code cache missing, written/.test(first)) throw new Error(`build-data: the CLI did not write its code cache: ${first}`);
  const second = runCli(text);
  if (!/code cache accepted/.test(second)) throw new Error(`build-data: the CLI did not accept the code cache it wrote: ${second}`);
  const esm = runCli(text, 'cli.js');
  if (!/code cache accepted/.test(esm)) throw new Error(`build-data: the ES-module bin did not accept the code cache: ${esm}`);
  return readFileSync(cache).length;
}
