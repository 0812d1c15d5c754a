/**
 * ", and" before a clause with a subject and a modal word of its own starts a new part, even after words that carry no
 * modality ("Any image created with the weights is yours to keep, and Orrin Labs will not claim it"): the subject is
 * a party the lexicons know ("and we will", "and the Licensor shall") or a name in capitalised words they do not know.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { MODAL_CATEGORIES } from './lexicon.js';
import { wordSet } from './grammar.js';
import { unknownName } from './anaphora.js';

/** Capitalised words a name may have before its modal word ("Orrin Labs", "Acme Research Institute"). */
const NAME_WORDS = 4;

export function coordinatedClause(toks: Token[], tags: Tag[], i: number): boolean {
  if (toks[i + 1]?.low !== 'and') return false;
  const from = i + 2;
  const modal = tags.find((t) => t.start >= from && MODAL_CATEGORIES.has(t.category) && t.concept !== 'grant-noun');
  if (!modal) return false;
  // a party right before the modal word, with nothing else between ", and" and it but determiners
  const tagged = (k: number) => tags.some((t) => t.start <= k && k < t.end);
  // (over auxiliaries before the modal word: "will not", "does not")
  let at = modal.start;
  while (at > from && wordSet('relative-auxiliaries').has(toks[at - 1]!.low) && !tagged(at - 1)) at--;
  const actor = tags.find((t) => t.category === 'actor' && t.end === at && t.start >= from);
  const end = actor ? actor.start : at;
  if (!actor && (end - from < 1 || end - from > NAME_WORDS)) return false;
  for (let k = from; k < end; k++) {
    // (before a party: at most two words, "and the Licensor shall"; else every word is of a name the lexicons do not know)
    if (actor ? k - from > 1 || !toks[k]!.word || tagged(k) : !unknownName(toks, tags, k)) return false;
  }
  return true;
}
