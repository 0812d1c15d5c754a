/**
 * Subjects a part shares with the part before it in the same sentence: a pronoun ("The authors do not sell the weights,
 * and they do not host them": they = the authors) or no subject at all after a conjunction ("..., and do not host
 * them"). Without this, such a part reads as one with no actor, and a licensor's statement about itself reads as a
 * duty of the licensee. The pronouns are the lexicon's actor concept `anaphor`; no rule sees that concept.
 */
import type { Part } from './parts.js';
import type { Token } from './tokens.js';

export const ANAPHOR = 'anaphor';

/** Words that may stand between a part's start and its modal word when it leaves its subject out. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'also', 'then']);

const MODAL: ReadonlySet<string> = new Set(['grant', 'duty', 'prohibit', 'negation']);

/** The part starts (after a conjunction) with its modal word: its subject is left out. */
function elliptic(p: Part, toks: Token[]): boolean {
  let i = p.start;
  while (i < p.end && CONJUNCTIONS.has(toks[i]!.low)) i++;
  if (i === p.start) return false;
  return p.tags.some((t) => t.start === i && MODAL.has(t.category));
}

export function resolveSubjects(parts: Part[], toks: Token[]): void {
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const prev = k > 0 ? parts[k - 1]!.actor : undefined;
    if (p.actor === ANAPHOR) {
      if (prev !== undefined) p.actor = prev;
      else delete p.actor;
    } else if (p.actor === undefined && prev !== undefined && p.role === 'main' && elliptic(p, toks)) p.actor = prev;
  }
}
