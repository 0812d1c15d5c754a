import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/**
 * The package root (where licenses/, rules/ and data/ live), found by walking up
 * from this module: works from src/ (tests), dist/ (ESM and CJS builds) and
 * node_modules installs alike.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'open-model-license') return (root = dir);
      } catch { /* keep walking */ }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('open-model-license: cannot find the package root (package.json)');
    dir = up;
  }
}

/** Absolute path of a data folder or file inside the package (licenses, rules, data, schema). */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** A platform path with `/` separators (relative paths in reports, digests and globs). */
export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
