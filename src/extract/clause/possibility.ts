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
 * "may not" and a verb said of a thing states a possibility (called with no one named, nothing done and no duty): every
 * grant word is the modal may, a negation right after it, then an active verb (not "be": a passive says what is done to
 * the thing), and no purpose named (a use is for one).
 */
export function possibility(live: Tag[], tags: Tag[], toks: Token[]): boolean {
  const purposes = conceptGroup('purpose');
  const grants = live.filter((t) => t.category === 'grant');
  if (!grants.length || !grants.every((t) => twin(t, live, 'modal-may'))) return false;
  if (live.some((t) => t.category === 'qualifier' && purposes.has(t.concept))) return false;
  return live.some((t) => t.category === 'negation' && live.some((m) => m.concept === 'modal-may' && m.end === t.start)
    && toks[t.end]?.word === true && !tags.some((b) => b.category === 'auxiliary' && b.concept === 'be' && b.start === t.end));
}
