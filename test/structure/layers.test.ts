/**
 * Layers import one way: a module may import only from its own rank or a lower
 * one. Every relative import (static `import`/`export ... from` and dynamic
 * `import('...')`) of every src file is read and checked against the table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

/**
 * Rank of each top-level folder (or top-level file) of src/. Lower ranks never
 * import higher ones. Where hub, lock, stream and survey sit follows from what
 * they import:
 * - lock imports only the base modules; policy (hub references) reads lock files;
 * - hub imports read, assess and analyze; policy resolves Hub references through it;
 * - stream imports read and analyze (a worker pool over analyzePath); survey uses it;
 * so lock, hub and stream sit between analyze and policy;
 * - survey imports read, catalog, assess, analyze, stream and policy (discovery): above report.
 * Build-time code (src/build/, run as dist/build-data.js and by scripts) is outside
 * the order, on top: it may import anything, and nothing in the library imports it.
 */
const RANKS: Record<string, number> = {
  // shared base modules, below everything
  'types.ts': 0,
  'errors.ts': 0,
  'paths.ts': 0,
  'version.ts': 0,
  'limits.ts': 0,
  'lexicon.ts': 0,
  'binary.ts': 0,
  'glob.ts': 0,
  'data-table.ts': 0,
  'sorted.ts': 0,
  'weak-memo.ts': 0,
  'fast-path.ts': 0,
  'esm-import.ts': 0,
  'lazy-schema.ts': 0,
  'messages.ts': 0,
  'message-codes.ts': 0,
  compiled: 0,
  read: 1,
  parse: 2,
  catalog: 3,
  identify: 4,
  extract: 5,
  assess: 6,
  analyze: 7,
  lock: 8,
  hub: 8,
  stream: 8,
  policy: 9,
  report: 10,
  survey: 11,
  cli: 12,
  // entry points
  'public-api.ts': 13,
  'index.ts': 14,
  'cli.ts': 14,
  build: 15,
};

/** compiled/ holds base data access (index.ts, and stamp.ts: the sources' stat stamp); nothing else may live there. */
const BASE_ONLY: Record<string, string[]> = { compiled: ['compiled/index.ts', 'compiled/stamp.ts'] };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(?:ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.mts')) out.push(p);
  }
  return out;
}

/** Relative specifiers of a module's imports and re-exports (bounded, non-backtracking patterns). */
function relativeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bfrom\s{0,8}'(\.{1,2}\/[^'\n]{1,200})'/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\s{0,8}\(\s{0,8}'(\.{1,2}\/[^'\n]{1,200})'/g)) out.push(m[1]!);
  for (const m of text.matchAll(/^\s{0,8}import\s{0,8}'(\.{1,2}\/[^'\n]{1,200})'/gm)) out.push(m[1]!);
  return out;
}

function unitOf(rel: string): string {
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel.replace(/\.(?:js|mjs|ts|mts)$/, '.ts');
}

function rankOf(rel: string): number | undefined {
  const unit = unitOf(rel);
  return RANKS[unit];
}

const files = sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/'));

describe('import direction', () => {
  it('every src file has a rank in the layer table', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => rankOf(f) === undefined)).toEqual([]);
  });

  it('base-only folders hold only their base modules', () => {
    const stray = files.filter((f) => {
      const allowed = BASE_ONLY[unitOf(f)];
      return allowed !== undefined && !allowed.includes(f);
    });
    expect(stray).toEqual([]);
  });

  it('no import runs back up the order (read -> parse -> catalog -> identify -> extract -> assess -> analyze -> hub/lock/stream -> policy -> report -> survey -> cli)', () => {
    const violations: string[] = [];
    let edges = 0;
    for (const f of files) {
      const from = rankOf(f)!;
      for (const spec of relativeImports(readFileSync(path.join(SRC, f), 'utf8'))) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), spec));
        if (target.startsWith('..')) {
          violations.push(`${f} imports ${spec}: outside src/`);
          continue;
        }
        edges++;
        const to = rankOf(target);
        if (to === undefined) violations.push(`${f} imports ${spec}: ${target} has no rank`);
        else if (to > from) violations.push(`${f} (${unitOf(f)}, rank ${from}) imports ${spec} (${unitOf(target)}, rank ${to})`);
      }
    }
    expect(edges).toBeGreaterThan(200);
    expect(violations).toEqual([]);
  });

  it('the checker sees each import form', () => {
    const text = [
      "import { a } from '../read/file.js';",
      "export { b } from '../report/check-text.js';",
      "import type {\n  C,\n} from '../policy/index.js';",
      "const m = await import('../report/check-cyclonedx.js');",
      "import './side-effect.js';",
      "import x from 'node:fs';",
    ].join('\n');
    expect(relativeImports(text).sort()).toEqual(
      ['../policy/index.js', '../read/file.js', '../report/check-cyclonedx.js', '../report/check-text.js', './side-effect.js'].sort(),
    );
    expect(rankOf('policy/index.ts')! < rankOf('report/check-text.ts')!).toBe(true);
  });
});
