/**
 * Build step (called by ./data.ts once the rules and lexicons are compiled): the clause reader's phrase
 * indices and the clause rules' prefilter, computed by this build's code and stored in
 * dist/data/reader-index.json (src/extract/reader-store.ts), so a run does not build them.
 */
import { buildId, digestOf, sourceFiles } from '../compiled/index.js';
import { LEXICON_SOURCES, lexiconsDir, loadLexicon } from '../lexicon.js';
import { indexLexicons, MetricsLexiconSchema, ReaderLexiconSchema } from '../extract/clause/lexicon.js';
import { buildClausePrefilter } from '../extract/prefilter.js';
import { RULE_SOURCES, loadRulesData } from '../extract/compile.js';
import { defaultRulesDir } from '../extract/load.js';
import { readerIndexPath, readerIndexStamp, writeReaderIndex } from '../extract/reader-store.js';

/** Writes the store; returns how many phrases' first words it indexes (English and Chinese). */
export function writeReaderStore(): number {
  const lexDir = lexiconsDir();
  const stamp = readerIndexStamp(buildId(), digestOf(lexDir, sourceFiles(lexDir, LEXICON_SOURCES)));
  if (stamp === null) throw new Error('build-data: no build id (dist/build-data.js must come from tsup with tsup.config.ts)');
  const rulesDir = defaultRulesDir();
  const rulesDigest = digestOf(rulesDir, sourceFiles(rulesDir, RULE_SOURCES));
  // the rules as dist/data/rules.json holds them (the same validated value), in the same order
  const { rules } = loadRulesData(rulesDir);
  const clauseRules = rules.flatMap((r, i) => (r.clause ? [i] : []));
  const ix = indexLexicons(loadLexicon('reader/en', ReaderLexiconSchema), loadLexicon('reader/zh', ReaderLexiconSchema), loadLexicon('reader/metrics', MetricsLexiconSchema));
  const pre = buildClausePrefilter(rules, clauseRules, ix.en);
  writeReaderIndex(readerIndexPath(), stamp, rulesDigest, {
    en: [...ix.en.byFirst],
    zh: [...ix.zh.byFirst],
    prefilter: { byWord: [...pre.byWord], always: pre.always, clauseRules, clauseRuleIds: clauseRules.map((i) => rules[i]!.id) },
  });
  return ix.en.byFirst.size + ix.zh.byFirst.size;
}
