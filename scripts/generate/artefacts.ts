/**
 * What every generator shares: an artefact is a file of the repository whose
 * whole content a generator computes from its sources. A generator computes
 * its artefacts in memory; `write` writes the ones that differ, `check` lists
 * them (and files in a folder the generator owns that it no longer produces).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared beside the repository: the corpus and the SPDX XML (read-only, not in npm). */
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const CORPUS_DIR = path.join(SHARED, 'corpus', 'licenses');

export interface Artefact {
  /** Repository-relative path with `/` separators. */
  path: string;
  content: string | Buffer;
}

/** A folder whose files of one kind are all generated: any such file not produced is stale. */
export interface OwnedFolder { dir: string; ext: string }

export type Mode = 'write' | 'check';

export interface Outcome {
  name: string;
  /** Paths written (write) or stale: differing, missing or obsolete (check). */
  changed: string[];
  /** Set when the generator could not run (its inputs are absent): the reason. */
  skipped?: string;
  /** One line for the log. */
  note?: string;
}

export interface Generator {
  name: string;
  /** What it makes, from what. */
  describe: string;
  /** null when it can run; else why not (an input beside the repository is missing). */
  unavailable?: () => string | null;
  run(mode: Mode): Promise<Outcome>;
}

function same(file: string, content: string | Buffer): boolean {
  if (!existsSync(file)) return false;
  const old = readFileSync(file);
  return Buffer.isBuffer(content) ? old.equals(content) : old.toString('utf8') === content;
}

/**
 * Compares (check) or writes (write) computed artefacts under root (default: the
 * repository); files of owned folders that were not produced are stale / deleted.
 */
export function settle(name: string, mode: Mode, artefacts: Artefact[], owned: OwnedFolder[] = [], root = ROOT): Outcome {
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  const changed: string[] = [];
  const produced = new Set(artefacts.map((a) => a.path));
  for (const a of artefacts) {
    if (same(abs(a.path), a.content)) continue;
    changed.push(a.path);
    if (mode === 'write') {
      mkdirSync(path.dirname(abs(a.path)), { recursive: true });
      writeFileSync(abs(a.path), a.content);
    }
  }
  for (const o of owned) {
    if (!existsSync(abs(o.dir))) continue;
    for (const f of readdirSync(abs(o.dir)).sort()) {
      const rel = `${o.dir}/${f}`;
      if (!f.endsWith(o.ext) || produced.has(rel)) continue;
      changed.push(`${rel} (obsolete)`);
      if (mode === 'write') rmSync(abs(rel));
    }
  }
  return { name, changed };
}

/** The `unavailable` test of a generator that reads a folder beside the repository. */
export const needs = (dir: string) => (): string | null => (existsSync(dir) ? null : `${path.relative(ROOT, dir)} not found`);

export const json = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;
