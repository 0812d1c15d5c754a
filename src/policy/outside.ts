/**
 * `outside-root` findings: paths a scan met that resolve outside the scanned
 * root (and outside every `allowedRoots` entry). Nothing behind them was read;
 * each one fails the check, attached to the model folder that holds the link,
 * else reported as a model entry of its own.
 */
import { dirname, relative } from 'node:path';
import type { OutsideRoot } from '../read/confine.js';
import type { Warning } from '../types.js';
import type { Finding, Location, ModelResult } from './report-schema.js';
import { toPosix } from '../paths.js';


export interface OutsideHit extends OutsideRoot {
  /** Where the path was named when not a file on disk (a `models:` entry of the config). */
  location?: Location;
  /** The path as written in the config, for config entries. */
  written?: string;
}

export function outsideFinding(root: string, hit: OutsideHit): Finding {
  const rel = hit.written ?? (toPosix(relative(root, hit.link)) || '.');
  return {
    rule: 'outside-root',
    level: 'error',
    message: `${rel} resolves outside the scanned root (-> ${hit.target}): not read`,
    fix: 'vendor the file or model folder into the repository (no symlink out of it), or list the directory under allowedRoots in oml.config.yaml after review',
    location: hit.location ?? { path: toPosix(relative(root, hit.link)) || '.', line: 1 },
    waived: false,
  };
}

export function standalone(id: string, source: ModelResult['source'], finding: Finding): ModelResult {
  return {
    id,
    source,
    status: 'fail',
    license: { id: null, name: null, spdx: null, version: null, match: 'unknown' },
    tier: 'unknown',
    score: null,
    verdict: null,
    actions: [],
    findings: [finding],
    waiver: null,
    occurrences: [],
    warnings: [],
  };
}

/**
 * Adds one failing `outside-root` finding per hit: to the result of the model
 * folder (absolute path in `folderOf`) that directly holds the link, else as a
 * result of its own (id: the link's path, or the config entry as written).
 */
export function applyOutside(root: string, models: ModelResult[], folderOf: Map<ModelResult, string>, hits: OutsideHit[]): ModelResult[] {
  const byDir = new Map<string, ModelResult>();
  for (const [m, dir] of folderOf) byDir.set(dir, m);
  const out = [...models];
  for (const hit of hits) {
    const f = outsideFinding(root, hit);
    const owner = hit.written === undefined ? byDir.get(dirname(hit.link)) : undefined;
    if (owner) {
      owner.findings.unshift(f);
      owner.status = 'fail';
    } else {
      out.push(standalone(hit.written ?? (toPosix(relative(root, hit.link)) || '.'), hit.written === undefined ? 'folder' : 'config', f));
    }
  }
  return out;
}

/** Scan warnings for paths that could not be read at all (EACCES: fsError maps EPERM to it too): each fails the check as a result of its own. */
export function unreadableResults(warnings: ReadonlyArray<Warning>): ModelResult[] {
  return warnings.filter((w) => w.code === 'EACCES').map((w) => standalone(w.path ?? '.', 'folder', {
    rule: 'unreadable-path',
    level: 'error',
    message: `${w.path ?? '.'}: ${w.message}: models or model references in it cannot have been checked`,
    fix: 'make the path readable to the CI user, or exclude it in oml.config.yaml (exclude:) after review',
    location: { path: w.path ?? '.', line: 1 },
    waived: false,
  }));
}
