/**
 * A "may not" that tells what may happen rather than forbidding: "the guardrails may not catch every harmful request"
 * states a possibility, "the weights may not be hosted" forbids. Words live in the reader lexicons (en.yaml: the
 * concepts modal-may and be, the group purpose); this module refers to concepts only.
 */
import { conceptGroup } from './lexicon.js';
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

/**
 * "may not" and a verb said of a thing states a possibility ("the filter may not catch every request", "the Software may
 * not work on all hardware"), when no one is bound (the caller: no actor, no duty) and nothing is done by the licensee:
 * every grant word is the modal may with a negation right after it, then an active verb (not "be": a passive says what
 * is done to the thing, "the weights may not be hosted"); no purpose is named (a use is for one: "the Model may not serve
 * commercial customers"); the thing is not the licensee's own work ("derivatives may not imitate our logo"). A verb of
 * the lexicons (an act) or a harmful use named ("outputs may not depict minors") still forbids, unless the negation is
 * a limit on how fully the thing works ("may not always produce", "may not block all unsafe content").
 */
export function possibility(live: Tag[], tags: Tag[], toks: Token[]): boolean {
  // (each grant word has its modal-may twin at the same span: "may" is a grant and the modal may)
  const mays = new Set(live.filter((t) => t.concept === 'modal-may').map((t) => `${t.start}:${t.end}`));
  const grants = live.filter((t) => t.category === 'grant');
  if (!grants.length || !grants.every((t) => mays.has(`${t.start}:${t.end}`))) return false;
  const mayEnds = new Set(live.filter((t) => t.concept === 'modal-may').map((t) => t.end));
  const beAt = new Set(tags.filter((b) => b.category === 'auxiliary' && b.concept === 'be').map((b) => b.start));
  const purposes = conceptGroup('purpose');
  if (live.some((t) => t.category === 'qualifier' && purposes.has(t.concept))) return false;
  const works = conceptGroup('licensee-work');
  const mayNot = live.find((t) => t.category === 'negation' && mayEnds.has(t.start) && toks[t.end]?.word === true && !beAt.has(t.end));
  if (!mayNot) return false;
  if (live.some((t) => t.category === 'object' && t.end <= mayNot.start && works.has(t.concept))) return false;
  // "not always", "not ... all": the universal after the negation (within the verb and its object) limits how fully
  const limit = live.some((t) => t.category === 'quantifier' && t.start >= mayNot.end && t.start <= mayNot.end + HEDGE_REACH);
  if (limit) return true;
  const forbidden = conceptGroup('forbidden-use');
  return !live.some((t) => t.category === 'action' || (t.category === 'qualifier' && forbidden.has(t.concept)));
}
/** How many tokens after the negation a universal still limits the verb ("may not reliably detect all"). */
const HEDGE_REACH = 4;

/**
 * "may" said of a thing, with a verb of its own: what may happen, not a right ("the checkpoints may run slowly on old
 * GPUs", "the software may incorporate components of other projects", "results may vary between runs"). The part's only
 * grant word is the modal may, right after an object; a passive still grants ("the weights may be copied", "outputs may
 * be used"); a person named before it, or a relative clause ("anyone who obtains the weights may use them"), is the
 * subject. Adverbs between may and its verb ("may also run") are skipped (en.yaml: category adverb).
 */
export function mayOfThing(live: Tag[], tags: Tag[], toks: Token[]): boolean {
  const grants = live.filter((t) => t.category === 'grant' && t.concept !== 'modal-may');
  const g = grants[0];
  if (grants.length !== 1 || !live.some((u) => u.concept === 'modal-may' && u.start === g!.start && u.end === g!.end)) return false;
  const at = g!.start;
  if (!live.some((t) => t.category === 'object' && t.end === at)) return false;
  if (live.some((t) => t.category === 'actor' && t.start < at)) return false;
  if (tags.some((t) => t.category === 'relative' && t.start < at)) return false;
  let i = g!.end;
  while (i < toks.length && tags.some((t) => t.category === 'adverb' && t.start === i)) i++;
  const next = toks[i];
  return next !== undefined && next.word && !tags.some((b) => b.category === 'auxiliary' && b.concept === 'be' && b.start === i);
}
