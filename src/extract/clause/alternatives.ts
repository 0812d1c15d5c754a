/**
 * "whether A or B" lists alternatives; it supposes nothing. The lexicon tags "whether" as a hypothetical word because
 * an indirect question ("Whether you may modify the model depends on ...", "determine whether your use complies")
 * states no term; but "for any purpose, whether commercial or not", "whether or not you charge for it" and "any user,
 * whether a company or a person, may not ..." state the term around them. A hypothetical tag on an opener of
 * grammar.yaml's `alternative-openers` is a list of alternatives when a word of `alternative-joins` follows within
 * ALTERNATIVES_SPAN tokens, before any party, modal word or punctuation other than a comma; and when a purpose (the
 * lexicons' `purpose` group) or an act of selling (`paid-acts`) follows it, after at most the words of `alternative-leads`
 * ("whether commercial", "whether for commercial use", "whether for profit", "whether for a fee": the purposes a use may
 * have, not a question).
 */
import { wordSet } from './grammar.js';
import { conceptGroup } from './lexicon.js';
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

const ALTERNATIVES_SPAN = 8;
const STOPS: ReadonlySet<string> = new Set(['actor', 'grant', 'duty', 'prohibit']);
/** Punctuation inside a list of alternatives ("whether commercial, academic or personal"). */
const LIST_PUNCTUATION: ReadonlySet<string> = new Set([',', '，', '、']);

/** True when t (a hypothetical tag) opens a list of alternatives rather than an indirect question. */
export function opensAlternatives(t: Tag, toks: Token[], tags: Tag[]): boolean {
  if (t.end - t.start !== 1 || !wordSet('alternative-openers').has(toks[t.start]!.low)) return false;
  const joins = wordSet('alternative-joins');
  const leads = wordSet('alternative-leads');
  const purposes = conceptGroup('purpose');
  const paid = conceptGroup('paid-acts');
  for (let j = t.end; j < toks.length; j++) {
    if (tags.some((u) => u.start === j && ((u.category === 'qualifier' && purposes.has(u.concept)) || (u.category === 'action' && paid.has(u.concept))))) return true;
    if (!leads.has(toks[j]!.low)) break;
  }
  for (let i = t.end; i < toks.length && i < t.end + ALTERNATIVES_SPAN; i++) {
    const tok = toks[i]!;
    if (joins.has(tok.low)) return true;
    if ((!tok.word && !LIST_PUNCTUATION.has(tok.low)) || tags.some((u) => u.start === i && STOPS.has(u.category))) return false;
  }
  return false;
}
