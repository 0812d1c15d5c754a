/**
 * `import()` of an ESM-only package (vega: top-level await, so it cannot be bundled into CommonJS)
 * from code that may run as a `vm.Script`: the CLI bundle runs that way for V8's code cache
 * (src/cli/code-cache.ts), and there `import()` has no module loader. The bin (src/cli.ts), a real
 * ES module, lends its own under ESM_IMPORT; everywhere else the plain `import()` is used.
 */
export const ESM_IMPORT = Symbol.for('open-model-license/esm-import');

type Importer = (specifier: string) => Promise<unknown>;

export function importEsm<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { [ESM_IMPORT]?: Importer })[ESM_IMPORT];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
