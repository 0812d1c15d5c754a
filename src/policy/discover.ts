/**
 * Discovery: the model directories under a scanned root, and the code/config
 * files that may reference model ids (for source-refs).
 *
 * A model directory is a folder with a LICENSE* / LICENCE* / COPYING* file, a
 * README.md whose YAML front matter has model-card keys, or a config.json next
 * to weights (*.safetensors, *.bin, *.gguf, *.pt). The scanned root itself
 * counts only with a card or weights (its LICENSE is usually the project's own).
 *
 * One readdir(withFileTypes) per directory; stat only for symlinks. Symlinked
 * directories are followed once: the realpath of every visited directory is
 * tracked, so loops terminate and are reported. Unreadable directories are
 * warnings, not errors. Over `maxFiles` files or `maxDepth` levels: OmlError LIMIT.
 */
import type { Dirent } from 'node:fs';
import { open, readdir as fsReaddir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { Warning } from '../types.js';
import { compileGlobs } from './glob.js';

/** Directory names never descended into (tooling, caches, build output, VCS). */
export const SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '.env', '__pycache__', 'dist', 'build', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.next', '.nuxt', '.turbo', '.parcel-cache', '.gradle', '.idea',
  '.vscode', 'site-packages', '.ipynb_checkpoints', 'coverage', '.terraform',
]);

const LICENSE_NAME = /^(?:licen[cs]e|copying)(?:$|[-_.])/i;
/** license-info.ts, licenses.json, ...: code and data files are not license texts. */
const CODE_EXT = /\.(?:[cm]?[jt]sx?|py|json|ya?ml|toml|ipynb|go|rs|java|kt|rb|php|c|h|cc|cpp|hpp|cs|swift|sh|ps1|lock)$/i;
const WEIGHT_EXT = /\.(?:safetensors|bin|gguf|pt)$/i;
const SOURCE_EXT = /\.(?:py|ts|js|mjs|cjs|ipynb|ya?ml|toml|json)$/i;
const CARD_KEYS = /^(?:license|license_name|base_model|pipeline_tag|library_name|model-index|datasets|tags|language):/m;

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
}

export const isSourceFileName = (name: string): boolean =>
  SOURCE_EXT.test(name) || name.startsWith('.env') || name === 'Modelfile' || name.startsWith('Modelfile.');

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

async function hasCardFrontMatter(file: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'r');
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    if (!head.startsWith('---\n')) return false;
    const end = head.indexOf('\n---', 4);
    const fm = end < 0 ? head.slice(4) : head.slice(4, end);
    return CARD_KEYS.test(fm);
  } catch {
    return false;
  } finally {
    await fh?.close();
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
  const out: Discovery = { root, models: [], sourceFiles: [], warnings: [], files: 0, dirs: 0 };
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
      out.warnings.push({ code: code === 'EACCES' || code === 'EPERM' ? 'EACCES' : code, message: `cannot read directory (${code}): skipped`, path: toPosix(relative(root, dir)) || '.' });
      continue;
    }
    let license = false;
    let config = false;
    let weights = false;
    let readme: string | null = null;
    for (const ent of entries) {
      const name = ent.name;
      const full = join(dir, name);
      const rel = toPosix(relative(root, full));
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = await stat(full);
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
        let childReal = join(real, name);
        if (ent.isSymbolicLink()) {
          try {
            childReal = await realpath(full);
          } catch {
            out.warnings.push({ code: 'BROKEN_SYMLINK', message: 'cannot resolve symlink: skipped', path: rel });
            continue;
          }
        }
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
      if (LICENSE_NAME.test(name) && !CODE_EXT.test(name)) license = true;
      else if (name === 'config.json') config = true;
      else if (WEIGHT_EXT.test(name)) weights = true;
      if (/^readme\.md$/i.test(name)) readme = full;
      if (isSourceFileName(name)) out.sourceFiles.push(full);
    }
    const signals: ModelSignal[] = [];
    if (license && dir !== root) signals.push('license');
    if (config && weights) signals.push('weights');
    if (readme) cardCandidates.push({ dir, readme, signals });
    else if (signals.length) out.models.push({ dir, rel: toPosix(relative(root, dir)) || '.', signals });
  }
  for (const c of cardCandidates) {
    if (await hasCardFrontMatter(c.readme)) c.signals.push('card');
    if (c.signals.length) out.models.push({ dir: c.dir, rel: toPosix(relative(root, c.dir)) || '.', signals: c.signals });
  }
  out.models.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  out.sourceFiles.sort();
  return out;
}
