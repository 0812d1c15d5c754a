/**
 * The clause reader's closed-class words (data/lexicons/reader/grammar.yaml): function words the reader's code tests
 * by role (determiners, pronouns, prepositions, auxiliaries). Words live in data, never in code; the schema requires
 * every set the code names, so a file that lacks one is refused, naming it.
 */
import { z } from 'zod';
import { lazySchema } from '../../lazy-schema.js';
import { loadLexicon } from '../../lexicon.js';

export const GRAMMAR_SETS = [
  'subject-pronouns', 'third-possessives', 'noun-leads', 'purpose-gap-stops', 'relative-pronouns', 'relative-auxiliaries',
  'grant-links', 'noun-determiners', 'np-glue', 'np-end', 'partitive-nouns', 'irregular-participles', 'head-determiners', 'document-determiners', 'not-model-names', 'coordinators',
  'source-prepositions', 'zh-source-after', 'anaphor-conjunctions', 'be-forms', 'statement-words', 'title-small-words',
  'alternative-openers', 'alternative-joins', 'alternative-leads', 'indicative-auxiliaries', 'promise-auxiliaries',
  'party-modals', 'imperative-auxiliaries', 'imperative-reversals',
  'nothing-subjects', 'nothing-frees', 'nothing-leaves', 'nothing-binds', 'attributive-grants',
  'ability-modals', 'aside-examples', 'kind-examples',
] as const;
export type GrammarSet = (typeof GRAMMAR_SETS)[number];

export const GrammarSchema = lazySchema(() => z.object({
  sets: z.record(z.enum(GRAMMAR_SETS), z.array(z.string().min(1)).min(1)),
}).strict());
export type Grammar = z.infer<typeof GrammarSchema>;

const sets = new Map<GrammarSet, ReadonlySet<string>>();

/** The words of one set of the grammar, loaded once. */
export function wordSet(name: GrammarSet): ReadonlySet<string> {
  let s = sets.get(name);
  if (!s) {
    sets.set(name, (s = new Set(loadLexicon('reader/grammar', GrammarSchema).sets[name])));
  }
  return s;
}
