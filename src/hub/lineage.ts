/**
 * Lineage through the Hub: the base_model entries of a fetched card are
 * resolved on the Hub too (a merge: every parent), up to a depth limit, with
 * cycle detection. The result is the knownModels map the analysis consults
 * before the offline base-model table.
 */
import { normalizeModelId } from '../assess/lineage.js';
import type { KnownModel } from '../analyze/known-models.js';
import type { Analysis, Warning } from '../types.js';
import { parseRepoId } from './id.js';
import type { HubModel, HubOutcome } from './resolve.js';

export interface LineageNode {
  /** org/name as the card wrote it (URL prefixes and @revision removed). */
  id: string;
  /** Commit sha fetched, when resolved. */
  sha: string | null;
  licenseId: string | null;
  /** The base models of this one (lowercased ids). */
  parents: string[];
  note?: string;
}

export interface LineageDeps {
  resolve: (id: string) => Promise<HubOutcome>;
  /** The model's own analysis (no lineage needed: only its own license id is used). */
  analyze: (m: HubModel) => Promise<Analysis>;
  maxDepth: number;
  /** Most base models resolved in all. */
  maxModels: number;
}

export interface Lineage {
  known: Map<string, KnownModel>;
  nodes: Map<string, LineageNode>;
  warnings: Warning[];
}

const ownLicense = (a: Analysis): string | null => a.license.id ?? a.declared?.resolved ?? null;

/** Hub-resolvable base ids of a card (others are left to the offline table). */
function baseIds(raw: string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const id = normalizeModelId(r);
    if (parseRepoId(id) && !out.some((x) => x.toLowerCase() === id.toLowerCase())) out.push(id);
  }
  return out;
}

export async function resolveLineage(root: HubModel, deps: LineageDeps): Promise<Lineage> {
  const nodes = new Map<string, LineageNode>();
  const warnings: Warning[] = [];
  const rootKey = root.id.repo.toLowerCase();

  const walk = async (bases: string[], depth: number, path: string[]): Promise<void> => {
    for (const id of bases) {
      const key = id.toLowerCase();
      if (path.includes(key)) {
        warnings.push({ code: 'LINEAGE_CYCLE', message: `base_model cycle: ${[...path, key].join(' -> ')}; the cycle is not followed further` });
        continue;
      }
      if (nodes.has(key)) continue;
      if (depth > deps.maxDepth) {
        warnings.push({ code: 'LINEAGE_DEPTH', message: `base model ${id} is more than ${deps.maxDepth} levels up the lineage of ${root.id.repo}: not followed (its license is not known)` });
        nodes.set(key, { id, sha: null, licenseId: null, parents: [], note: `more than ${deps.maxDepth} levels up the lineage: not followed` });
        continue;
      }
      if (nodes.size >= deps.maxModels) {
        warnings.push({ code: 'LINEAGE_LIMIT', message: `more than ${deps.maxModels} base models in the lineage of ${root.id.repo}: ${id} and the rest are not followed (their licenses are not known)` });
        return;
      }
      const parsed = parseRepoId(id)!;
      const out = await deps.resolve(parsed.repo);
      if (out.status !== 'ok') {
        nodes.set(key, { id, sha: null, licenseId: null, parents: [], note: out.message });
        continue;
      }
      const a = await deps.analyze(out.model);
      const parents = baseIds(out.model.meta.baseModels);
      nodes.set(key, { id, sha: out.model.meta.sha, licenseId: ownLicense(a), parents: parents.map((p) => p.toLowerCase()), ...(ownLicense(a) ? {} : { note: 'no license identified on the Hub' }) });
      await walk(parents, depth + 1, [...path, key]);
    }
  };
  await walk(baseIds(root.meta.baseModels), 1, [rootKey]);

  // Every node's licensed ancestors (cycle-safe: each node visited once per closure).
  const ancestors = (key: string): Array<{ id: string; licenseId: string }> => {
    const seen = new Set<string>([key]);
    const out: Array<{ id: string; licenseId: string }> = [];
    const stack = [...(nodes.get(key)?.parents ?? [])];
    while (stack.length) {
      const k = stack.pop()!;
      if (seen.has(k)) continue;
      seen.add(k);
      const n = nodes.get(k);
      if (!n) continue;
      if (n.licenseId) out.push({ id: n.id, licenseId: n.licenseId });
      stack.push(...n.parents);
    }
    return out;
  };
  const known = new Map<string, KnownModel>();
  for (const [key, n] of nodes) {
    known.set(key, { licenseId: n.licenseId, ...(n.note ? { note: n.note } : {}), ancestors: ancestors(key) });
  }
  return { known, nodes, warnings };
}
