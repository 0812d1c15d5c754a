/**
 * The `oml` bin (dist/cli.js): runs the CLI bundle (dist/cli-bundle.cjs, all of src/cli/entry.ts in
 * one CommonJS file) compiled from V8's code cache when a current one sits beside it (see
 * src/cli/code-cache.ts; OML_NO_CODE_CACHE=1 compiles without it). OML_CODE_CACHE_DEBUG=1 prints what
 * became of the cache to stderr (a test and the build check it).
 */
import { fileURLToPath } from 'node:url';
import { runCodeCached } from './cli/code-cache.js';
import { ESM_IMPORT } from './esm-import.js';

(globalThis as { [ESM_IMPORT]?: (s: string) => Promise<unknown> })[ESM_IMPORT] = (s) => import(s);
const bundle = fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url));
const run = runCodeCached(bundle, `${bundle}.cache`, { noCache: process.env.OML_NO_CODE_CACHE === '1' });
if (process.env.OML_CODE_CACHE_DEBUG === '1') {
  process.once('exit', () => process.stderr.write(`oml: code cache ${run.status}${run.written() ? ', written' : ''}\n`));
}
