import { withLimits, type Limits } from '../limits.js';
import { ReadBudget } from '../read/budget.js';
import type { Profile } from '../types.js';
import type { KnownModel } from './known-models.js';

/** Options for every analysis entry point. */
export interface AnalyzeOptions {
  /** Input limits (file size, YAML aliases, ...). */
  limits?: Partial<Limits>;
  /** When given, each result carries a commercial-use verdict for this profile. */
  profile?: Profile;
  /**
   * Base models whose own analysis is available in the same run (lowercased model id -> its license),
   * used by lineage before falling back to the catalog mapping.
   */
  knownModels?: Map<string, KnownModel>;
  /**
   * Markdown engine for .md files and model cards: 'remark' (default, full
   * CommonMark) or 'fast' (linear line scanner for bulk surveys). See ParseOptions.
   */
  markdown?: 'remark' | 'fast';
  /**
   * Total-bytes budget shared by every file this call reads (limits.maxTotalBytes).
   * analyzePaths and checkDirectory create one per run; pass your own to share it across calls.
   */
  budget?: ReadBudget;
  /**
   * A folder where analyses are kept across runs (result-cache.ts): a text analysed before, with the same
   * code, data and options, is read from it instead of analysed again. Off unless given; the folder must be
   * a directory only you can write (else OmlError USAGE naming it). Used by analyzePaths and the pool.
   */
  resultCache?: string;
}

/** The caller's budget, or a new one for this call (limits.maxTotalBytes). */
export function budgetOf(opts: AnalyzeOptions): ReadBudget {
  return opts.budget ?? new ReadBudget(withLimits(opts.limits).maxTotalBytes);
}
