import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'tsup';

// The build id every bundle of one build carries (src/compiled/index.ts buildId): sha256 over the sources,
// the lockfile and this file, so artefacts computed by the code (dist/data/spdx-terms.*) are used only
// by the code that made them. The same sources give the same id.
function buildId(): string {
  const h = createHash('sha256');
  const files = (readdirSync('src', { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath?: string; path?: string; isFile(): boolean }>)
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path ?? 'src', e.name).split(path.sep).join('/'))
    .sort();
  for (const f of [...files, 'package-lock.json', 'tsup.config.ts']) h.update(`${f}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 32);
}
const define = { __OML_BUILD_ID__: JSON.stringify(buildId()) };

// Library: ESM + CJS + .d.ts. dist/build-data.js is run right after tsup (see
// package.json scripts) to write the validated catalog and rules to dist/data/.
// unified/remark are ESM-only, so they are bundled
// into the output (noExternal) to make the CJS build work without require(esm).
const bundledEsm = ['unified', 'remark-parse', /^mdast/, /^micromark/, /^unist/, 'env-paths', 'rehype-parse', /^hast/, 'parse5', 'entities',
  /^vfile/, 'property-information', 'web-namespaces', 'devlop', /separated-tokens$/];

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    noExternal: bundledEsm,
    shims: true,
    define,
  },
  {
    // the worker threads of analyzeStream({ workers }) (src/stream/pool.ts spawns dist/stream-worker.js,
    // from the ESM and the CJS build alike): ESM only, no types
    entry: { 'stream-worker': 'src/stream/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    noExternal: bundledEsm,
    shims: true,
    define,
  },
  {
    // build-time code (npm run build runs it right after tsup)
    entry: { 'build-data': 'src/build/data.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __omlCreateRequire } from "node:module";\nconst require = __omlCreateRequire(import.meta.url);' },
    noExternal: bundledEsm,
    shims: true,
    define,
  },
  {
    // the bin: a small file that runs the CLI bundle below from V8's code cache (src/cli/code-cache.ts);
    // package.json's bin is the CommonJS one (dist/cli.cjs: node starts it without its ES-module loader,
    // ~5 ms), dist/cli.js the same as an ES module
    entry: { cli: 'src/cli.ts' },
    format: ['esm', 'cjs'],
    shims: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
  },
  {
    // the whole CLI in one CommonJS file (dist/cli-bundle.cjs): vm.Script can take V8's code cache for
    // a script, not for ES modules. Its dependencies are bundled too (resolving ~40 packages at start-up
    // cost ~25 ms), except the CycloneDX library (it loads its JSON schemas from its own folder at run
    // time) and vega (ESM with top-level await, loaded through src/esm-import.ts for `oml survey`).
    entry: { 'cli-bundle': 'src/cli/entry.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    splitting: false,
    noExternal: [/^(?!@cyclonedx\/|vega$|vega-lite$)/],
    external: ['@cyclonedx/cyclonedx-library', 'vega', 'vega-lite'],
    shims: true,
    define,
    // whitespace and syntax minified (identifiers kept, so stack traces still read); no keepNames: its
    // __name(fn, "name") call per function cost ~1 MB of allocation and a defineProperty each at module
    // set-up, and only a function esbuild renamed for a clash (parseDocument2) shows that name;
    // ASCII only, so the bin hands V8 a one-byte string without decoding UTF-8
    esbuildOptions(o) {
      o.minifyWhitespace = true;
      o.minifySyntax = true;
      o.keepNames = false;
      o.charset = 'ascii';
    },
  },
]);
