import { defineConfig } from 'tsup';

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
  },
  {
    entry: { cli: 'src/cli.ts', 'build-data': 'src/build/data.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // bundled CommonJS dependencies (yaml) require node built-ins: give the ESM bundle a require
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __omlCreateRequire } from "node:module";\nconst require = __omlCreateRequire(import.meta.url);' },
    // the CLI bundles its dependencies too: resolving ~40 packages at start-up cost ~25 ms.
    // Except the CycloneDX library: it loads its JSON schemas from its own folder at run time
    // (and is only loaded for --format cyclonedx).
    noExternal: [/^(?!@cyclonedx\/)/],
    shims: true,
    // whitespace and syntax minified (identifiers and function names kept, so stack traces still read):
    // V8 parses every module the run imports, and the CLI's analyze path imports ~2.5 MB of bundled code
    esbuildOptions(o) {
      o.minifyWhitespace = true;
      o.minifySyntax = true;
      o.keepNames = true;
    },
  },
]);
