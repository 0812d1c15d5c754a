/**
 * A "may not" that tells what may happen rather than forbidding: "the guardrails may not catch every harmful request"
 * states a possibility, "the weights may not be hosted" forbids. Words live in the reader lexicons (en.yaml: the
 * concepts modal-may and be, the group purpose); this module refers to concepts only.
 */
import { conceptGroup } from './lexicon.js';
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

/** The tag has a twin of the concept at the same span (a word of two concepts: "may" is a grant and the modal may). */
export function twin(t: Tag, tags: Tag[], concept: string): boolean {
  return tags.some((u) => u.concept === concept && u.start === t.start && u.end === t.end);
}

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
  const grants = live.filter((t) => t.category === 'grant');
  if (!grants.length || !grants.every((t) => twin(t, live, 'modal-may'))) return false;
  const purposes = conceptGroup('purpose');
  if (live.some((t) => t.category === 'qualifier' && purposes.has(t.concept))) return false;
  const works = conceptGroup('licensee-work');
  const mayNot = live.find((t) => t.category === 'negation' && live.some((m) => m.concept === 'modal-may' && m.end === t.start)
    && toks[t.end]?.word === true && !tags.some((b) => b.category === 'auxiliary' && b.concept === 'be' && b.start === t.end));
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
  if (grants.length !== 1 || !twin(grants[0]!, live, 'modal-may')) return false;
  const at = grants[0]!.start;
  if (!live.some((t) => t.category === 'object' && t.end === at)) return false;
  if (live.some((t) => t.category === 'actor' && t.start < at)) return false;
  if (tags.some((t) => t.category === 'relative' && t.start < at)) return false;
  let i = grants[0]!.end;
  while (i < toks.length && tags.some((t) => t.category === 'adverb' && t.start === i)) i++;
  const next = toks[i];
  return next !== undefined && next.word && !tags.some((b) => b.category === 'auxiliary' && b.concept === 'be' && b.start === i);
}
