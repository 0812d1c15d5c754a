/**
 * `oml analyze --result-cache`: keep analyses across runs in the user's cache folder (src/analyze/result-cache.ts),
 * OML_RESULT_CACHE_DIR to choose another. `oml check`, the gate, never reads it.
 */
import { checkResultFolder, defaultResultCacheDir } from '../analyze/result-cache.js';

/**
 * The folder to pass as AnalyzeOptions.resultCache, created and checked here, before any worker starts, so a
 * folder others could write is refused once with an error naming it (OmlError USAGE, exit 2).
 */
export function openedResultCache(env: NodeJS.ProcessEnv = process.env): string {
  const dir = defaultResultCacheDir(env);
  checkResultFolder(dir);
  return dir;
}
