/**
 * Discovery: the model directories under a scanned root, and the code/config
 * files that may reference model ids (for source-refs).
 *
 * A model directory is a folder with a LICENSE* / LICENCE* / COPYING* file, a
 * README.md whose YAML front matter (parsed by the same parser `oml analyze`
 * uses: any size up to maxFileBytes, any supported encoding and line ending)
 * has model-card keys, or weights in any usual format, a sharded-weights index
 * or a weights package directory, with or without config.json (the list is
 * data/model-files.yaml). The scanned root itself counts only with a card or
 * weights (its LICENSE is usually the project's own). A README.md whose front
 * matter cannot be parsed counts as a card (fail closed: the analysis reports why).
 *
 * One readdir(withFileTypes) per directory; realpath only for symlinks. A
 * symlink (file or directory) that resolves outside the allowed roots is not
 * followed and not read: it is recorded in `outside` for an `outside-root`
 * finding. Symlinked directories inside are followed once: the realpath of
 * every visited directory is tracked, so loops terminate and are reported.
 * Unreadable directories are warnings, not errors. Over `maxFiles` files or
 * `maxDepth` levels: OmlError LIMIT.
 */
import type { Dirent } from 'node:fs';
import { readdir as fsReaddir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { OmlError, fsError, isOmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import { parseFrontMatter } from '../parse/frontmatter.js';
import type { ReadBudget } from '../read/budget.js';
import { RootGuard, type OutsideRoot } from '../read/confine.js';
import { readSource } from '../read/file.js';
import { classifyName } from '../read/folder.js';
import type { Warning } from '../types.js';
import { compileGlobs } from '../glob.js';
import { loadModelFiles } from './model-files.js';
import { toPosix } from '../paths.js';

/** Directory names never descended into (tooling, caches, build output, VCS). */
export const SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '.env', '__pycache__', 'dist', 'build', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.next', '.nuxt', '.turbo', '.parcel-cache', '.gradle', '.idea',
  '.vscode', 'site-packages', '.ipynb_checkpoints', 'coverage', '.terraform',
]);

const SOURCE_EXT = /\.(?:py|ts|js|mjs|cjs|ipynb|ya?ml|toml|json)$/i;

export type ModelSignal = 'license' | 'card' | 'weights';

export interface DiscoveredModel {
  /** Absolute path. */
  dir: string;
  /** Posix path relative to the root ('.' for the root itself). */
  rel: string;
  signals: ModelSignal[];
}

export interface Discovery {
  root: string;
  models: DiscoveredModel[];
  /** Absolute paths of files to scan for model references (code, config, .env*, Modelfile). */
  sourceFiles: string[];
  warnings: Warning[];
  /** Symlinks that resolve outside the allowed roots: not followed, not read. */
  outside: OutsideRoot[];
  files: number;
  dirs: number;
}

export type ReaddirFn = (path: string) => Promise<Dirent[]>;

export interface DiscoverOptions {
  limits?: Partial<Limits>;
  /** Glob patterns (relative to root) to skip. */
  exclude?: string[];
  /** Injected for tests (e.g. to simulate EACCES when running as root). */
  readdir?: ReaddirFn;
  /** The roots every path must resolve into (default: the scanned root only). */
  guard?: RootGuard;
  /** The run's byte budget: model cards read to detect front matter are charged to it. */
  budget?: ReadBudget;
}

export const isSourceFileName = (name: string): boolean =>
  SOURCE_EXT.test(name) || name.startsWith('.env') || name === 'Modelfile' || name.startsWith('Modelfile.');


/** True when `file` is a model card: front matter (as `oml analyze` parses it) with a card key, or front matter that does not parse. */
async function isModelCard(file: string, limits: Limits, budget: ReadBudget | undefined, cardKeys: ReadonlySet<string>): Promise<boolean> {
  let text: string;
  try {
    text = (await readSource(file, limits, budget)).text;
  } catch (e) {
    if (isOmlError(e) && e.code === 'LIMIT') throw e;
    return false; // unreadable, binary, too large: the folder's other signals decide; analysis reports the file
  }
  try {
    const fm = parseFrontMatter(text, file, limits);
    return !!fm && Object.keys(fm.meta.raw).some((k) => cardKeys.has(k));
  } catch (e) {
    if (isOmlError(e)) return true;
    throw e;
  }
}

interface Pending {
  dir: string;
  real: string;
  depth: number;
}

export async function discoverModels(rootIn: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const limits = withLimits(opts.limits);
  const rd: ReaddirFn = opts.readdir ?? ((p) => fsReaddir(p, { withFileTypes: true }));
  const excluded = compileGlobs(opts.exclude ?? []);
  let rootReal: string;
  try {
    rootReal = await realpath(rootIn);
    const st = await stat(rootReal);
    if (!st.isDirectory()) throw new OmlError('USAGE', 'not a directory', { file: rootIn });
  } catch (e) {
    if (e instanceof OmlError) throw e;
    throw new OmlError('ENOENT', 'no such directory', { file: rootIn });
  }
  const root = rootIn;
  const guard = opts.guard ?? new RootGuard([rootReal]);
  const mf = loadModelFiles();
  const out: Discovery = { root, models: [], sourceFiles: [], warnings: [], outside: [], files: 0, dirs: 0 };
  const visited = new Set<string>([rootReal]);
  const stack: Pending[] = [{ dir: root, real: rootReal, depth: 0 }];
  const cardCandidates: Array<{ dir: string; readme: string; signals: ModelSignal[] }> = [];

  while (stack.length) {
    const { dir, real, depth } = stack.pop()!;
    out.dirs++;
    let entries: Dirent[];
    try {
      entries = await rd(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      // the one fs-error mapping gives the listed code (EACCES, ENOENT, SYMLINK_LOOP); the message keeps the system's
      out.warnings.push({ code: fsError(e, dir, 'file or directory').code, message: `cannot read directory (${code}): skipped`, path: toPosix(relative(root, dir)) || '.' });
      continue;
    }
    let license = false;
    let weights = false;
    let readme: string | null = null;
    for (const ent of entries) {
      const name = ent.name;
      const full = join(dir, name);
      const rel = toPosix(relative(root, full));
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      let linkReal: string | null = null;
      if (ent.isSymbolicLink()) {
        if (excluded(rel)) continue;
        try {
          const target = await realpath(full);
          if (!guard.allows(target)) {
            guard.record(full, target);
            continue;
          }
          const st = await stat(target);
          linkReal = target;
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') out.warnings.push({ code: 'SYMLINK_LOOP', message: 'symlink loop: skipped', path: rel });
          else out.warnings.push({ code: 'BROKEN_SYMLINK', message: `broken symlink (${code ?? 'error'}): skipped`, path: rel });
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(name) || excluded(rel)) continue;
        if (mf.isWeightDir(name)) {
          weights = true; // a Core ML package is weights, not a folder of models
          continue;
        }
        const childReal = linkReal ?? join(real, name);
        if (visited.has(childReal)) {
          const loop = real === childReal || real.startsWith(childReal + sep) || childReal === rootReal;
          out.warnings.push({
            code: 'SYMLINK_LOOP',
            message: loop
              ? `symlink loop: points back to an ancestor (${toPosix(relative(rootReal, childReal)) || '.'}): not followed`
              : `symlink to a directory already scanned (${toPosix(relative(rootReal, childReal)) || childReal}): not followed`,
            path: rel,
          });
          continue;
        }
        if (depth + 1 > limits.maxDepth) {
          throw new OmlError('LIMIT', `directory nesting deeper than ${limits.maxDepth} levels at ${rel}; raise limits.maxDepth in oml.config.yaml or add an exclude glob`, { file: root });
        }
        visited.add(childReal);
        stack.push({ dir: full, real: childReal, depth: depth + 1 });
        continue;
      }
      if (!isFile) continue;
      if (excluded(rel)) continue;
      out.files++;
      if (out.files > limits.maxFiles) {
        throw new OmlError('LIMIT', `more than ${limits.maxFiles} files under the scanned directory; raise limits.maxFiles in oml.config.yaml or add exclude globs`, { file: root });
      }
      if (classifyName(name) === 'license') license = true; // the same file-name rule as the analysis
      else if (mf.isWeights(name)) weights = true;
      if (/^readme\.md$/i.test(name)) readme = full;
      if (isSourceFileName(name)) out.sourceFiles.push(full);
    }
    const signals: ModelSignal[] = [];
    if (license && dir !== root) signals.push('license');
    if (weights) signals.push('weights');
    if (readme) cardCandidates.push({ dir, readme, signals });
    else if (signals.length) out.models.push({ dir, rel: toPosix(relative(root, dir)) || '.', signals });
  }
  for (const c of cardCandidates) {
    if (await isModelCard(c.readme, limits, opts.budget, mf.cardKeys)) c.signals.push('card');
    if (c.signals.length) out.models.push({ dir: c.dir, rel: toPosix(relative(root, c.dir)) || '.', signals: c.signals });
  }
  out.outside = guard.outside;
  out.models.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  out.sourceFiles.sort();
  return out;
}
