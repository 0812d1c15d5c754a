/**
 * What may happen, not what is allowed (read by parts.ts when it decides a part's modality).
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

/** Words that may stand between "may" and its verb ("may also run", "may freely be copied"). */
const RELATIVE = new Set(['who', 'whom', 'whoever', 'which', 'that']);
const MAY_ADVERBS = new Set(['also', 'freely', 'still', 'then', 'only', 'sometimes', 'occasionally', 'even', 'well']);

/**
 * "may" said of a thing, with a verb of its own: what may happen, not a right ("the checkpoints may run slowly on old
 * GPUs", "the software may incorporate components of other projects", "results may vary between runs"). The part's only
 * grant word is "may", right after an object; a passive still grants ("the weights may be copied", "outputs may be used").
 */
export function mayOfThing(live: Tag[], toks: Token[]): boolean {
  const grants = live.filter((t) => t.category === 'grant');
  if (grants.length !== 1 || toks[grants[0]!.start]!.low !== 'may' || grants[0]!.end !== grants[0]!.start + 1) return false;
  const at = grants[0]!.start;
  if (!live.some((t) => t.category === 'object' && t.end === at)) return false;
  // (a person named before "may" is the subject: "anyone who obtains the weights may use them", "Licensees may adapt it")
  if (live.some((t) => t.category === 'actor' && t.start < at)) return false;
  if (toks.slice(0, at).some((k) => RELATIVE.has(k.low))) return false;
  let i = at + 1;
  while (i < toks.length && MAY_ADVERBS.has(toks[i]!.low)) i++;
  const next = toks[i];
  return next !== undefined && next.word && next.low !== 'be';
}
