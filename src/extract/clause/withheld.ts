/**
 * Who a negated sentence binds when its subject is not the licensee.
 *
 * - The licensor withholding a permission binds the licensee: "The Licensor does not permit commercial use", "We do
 *   not allow hosting the Model", "Licensor does not grant you any right to ..." forbid what they name, as "you may not"
 *   does. The licensor's own conduct stays its own: "We will not sell your data" (no word that grants after the
 *   negation) binds nobody else.
 * - A party the lexicons do not know, stating what it does not do in the indicative ("Orca does not sell the weights",
 *   "Kestrel Labs will never host them"), speaks about itself, as the licensor does: it binds nobody else. A deontic
 *   modal ("Acme may not sell") or a word that grants after the negation ("Acme does not permit ...") keeps the part
 *   a prohibition on the licensee.
 * The words are grammar.yaml's `indicative-auxiliaries`.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { wordSet } from './grammar.js';

/** A word that grants (not a noun alone) within `reach` tokens after a negation of the part. */
function grantAfterNegation(live: Tag[], reach = 3): boolean {
  const negations = live.filter((t) => t.category === 'negation');
  return negations.some((n) => live.some((g) => g.category === 'grant' && g.concept !== 'grant-noun' && g.start >= n.end && g.start <= n.end + reach));
}

/**
 * The actor of a prohibition part, given the subject read so far (`found`) and the first word of the part: the licensee
 * where the licensor withholds a permission; the licensor where an unknown party states its own conduct.
 */
export function withheldActor(found: string | undefined, live: Tag[], toks: Token[], first: number): string | undefined {
  if (found === 'licensor') return grantAfterNegation(live) ? 'licensee' : found;
  if (found !== undefined) return found;
  const negation = live.find((t) => t.category === 'negation');
  if (!negation || negation.start <= first + 1) return found;
  // words before the auxiliary that the lexicons do not tag: a name ("Orca", "Kestrel Labs")
  const aux = negation.start - 1;
  if (!wordSet('indicative-auxiliaries').has(toks[aux]!.low) && !(toks[negation.start]!.low === 'never' && wordSet('indicative-auxiliaries').has(toks[aux]!.low))) return found;
  if (live.some((t) => t.start < negation.start)) return found;
  for (let i = first; i < aux; i++) if (!toks[i]!.word || wordSet('subject-pronouns').has(toks[i]!.low)) return found;
  return grantAfterNegation(live) ? found : 'licensor';
}
