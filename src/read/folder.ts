import { promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import { fsError } from '../errors.js';

/** The files of one model folder, by role (full paths, sorted). */
export interface FolderFiles {
  dir: string;
  license: string[];
  usePolicy: string[];
  notice: string[];
  /** README.md: the model card (kept even without front matter). */
  card: string | null;
  /**
   * A README in another format (README, README.txt, README.rst; the first in that order): read like
   * a README.md without front matter, where the folder has no README.md. Never a Hub model card.
   */
  readme: string | null;
  /** config.json */
  config: string | null;
  other: string[];
}

export type FileRole = 'license' | 'use-policy' | 'notice' | 'card' | 'readme' | 'config' | 'other';

// Use policies are tested first: a name such as LLAMA_USE_POLICY.md is a policy, not a license.
const USE_POLICY = /^(?:use[_\- ]?policy|acceptable[_\- ]?use|prohibited[_\- ]?use|usage[_\- ]?policy)|[_\- ]use[_\- ]?policy/i;
/** LICENSE, LICENCE.md, COPYING.LESSER, LICENSE-WEIGHTS, MODEL_LICENSE, llama_license.txt, PATENTS ... */
const LICENSE = /(?:^|[-_. ])(?:licen[cs]es?|copying)(?:$|[-_. ])|^patents?(?:$|[-_.])/i;
/** Code and data files are not license texts (license_utils.py, licenses.json). */
const CODE_EXT = /\.(?:[cm]?[jt]sx?|py|json|ya?ml|toml|ipynb|go|rs|java|kt|rb|php|c|h|cc|cpp|hpp|cs|swift|sh|ps1|lock|csv|safetensors|bin|gguf|pt|pth|onnx)$/i;
const NOTICE = /^notice/i;
/** REUSE-style folder of license texts (LICENSES/MIT.txt). */
export const LICENSES_DIR = /^licen[cs]es$/i;
const CARD = /^readme\.md$/i;
/** READMEs without front matter, in order of preference (index into the alternatives). */
const README_OTHER = ['readme', 'readme.txt', 'readme.rst'];
const CONFIG = /^config\.json$/i;

/** Role of a file by its base name (case-insensitive). */
export function classifyName(name: string): FileRole {
  if (USE_POLICY.test(name)) return 'use-policy';
  if (LICENSE.test(name) && !CODE_EXT.test(name)) return 'license';
  if (NOTICE.test(name)) return 'notice';
  if (CARD.test(name)) return 'card';
  if (README_OTHER.includes(name.toLowerCase())) return 'readme';
  if (CONFIG.test(name)) return 'config';
  return 'other';
}

const readmeRank = (p: string): number => README_OTHER.indexOf(basename(p).toLowerCase());

/** The README a folder is read with: README.md (a model card when it has front matter), else `readme`. */
export function folderReadme(f: FolderFiles): { path: string; frontMatter: boolean } | null {
  if (f.card) return { path: f.card, frontMatter: true };
  return f.readme ? { path: f.readme, frontMatter: false } : null;
}

/** Lists the regular files (and symlinks to files) of `dir` and sorts them into roles. */
export async function classifyFolder(dir: string): Promise<FolderFiles> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw fsError(e, dir, 'directory');
  }
  const out: FolderFiles = { dir, license: [], usePolicy: [], notice: [], card: null, readme: null, config: null, other: [] };
  const names: string[] = [];
  const reuse: string[] = [];
  for (const ent of entries) {
    if (ent.isDirectory() && LICENSES_DIR.test(ent.name)) reuse.push(join(dir, ent.name));
    else if (ent.isFile()) names.push(ent.name);
    else if (ent.isSymbolicLink()) {
      try {
        if ((await fsp.stat(join(dir, ent.name))).isFile()) names.push(ent.name);
      } catch {
        // dangling or looping link: not a file of this folder
      }
    }
  }
  names.sort();
  for (const name of names) {
    const full = join(dir, name);
    switch (classifyName(name)) {
      case 'use-policy': out.usePolicy.push(full); break;
      case 'license': out.license.push(full); break;
      case 'notice': out.notice.push(full); break;
      case 'card':
        if (out.card === null) out.card = full; else out.other.push(full);
        break;
      case 'readme':
        if (out.readme === null || readmeRank(name) < readmeRank(out.readme)) {
          if (out.readme !== null) out.other.push(out.readme);
          out.readme = full;
        } else out.other.push(full);
        break;
      case 'config':
        if (out.config === null) out.config = full; else out.other.push(full);
        break;
      default: out.other.push(full);
    }
  }
  // REUSE: every text file in LICENSES/ is a license document of the folder
  for (const d of reuse) {
    let inner: import('node:fs').Dirent[] = [];
    try { inner = await fsp.readdir(d, { withFileTypes: true }); } catch { continue; }
    for (const ent of inner.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (ent.isFile() && !CODE_EXT.test(ent.name)) out.license.push(join(d, ent.name));
    }
  }
  return out;
}
