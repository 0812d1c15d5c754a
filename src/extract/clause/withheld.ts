/**
 * Who a negated sentence binds when its subject is not the licensee.
 *
 * - The licensor withholding a permission binds the licensee: "The Licensor does not permit commercial use", "We do
 *   not allow hosting the Model", "Licensor does not grant you any right to ..." forbid what they name, as "you may not"
 *   does. The licensor's own conduct stays its own: "We will not sell your data" (no word that grants after the
 *   negation) binds nobody else.
 * - A party the lexicons do not know stating what it does not do ("Orca does not sell the weights"; "Kestrel Labs will
 *   never host the weights for you", a promise to the licensee) speaks about itself, as the licensor does: it binds
 *   nobody else. Anything short of that stays a prohibition on the licensee (fail closed): a deontic modal ("Acme may not
 *   sell"), a plural verb ("Researchers do not sell"), "will" with no licensee addressed ("Hobbyists will not deploy the
 *   Model in production"), or a right withheld, by a word that grants or a noun ("Acme does not permit ...", "Researchers
 *   do not have permission to sell", "A student does not have the right to ...").
 * The words are grammar.yaml's `indicative-auxiliaries` and `promise-auxiliaries`.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { wordSet } from './grammar.js';

/** A word that grants within `reach` tokens after a negation of the part (with `nouns`, also "right", "permission"). */
function grantAfterNegation(live: Tag[], nouns: boolean, reach = 3): boolean {
  const negations = live.filter((t) => t.category === 'negation');
  return negations.some((n) => live.some((g) => g.category === 'grant' && (nouns || g.concept !== 'grant-noun') && g.start >= n.end && g.start <= n.end + reach));
}

/**
 * The actor of a prohibition part, given the subject read so far (`found`) and the first word of the part: the licensee
 * where the licensor withholds a permission; the licensor where an unknown party states its own conduct.
 */
export function withheldActor(found: string | undefined, live: Tag[], toks: Token[], first: number): string | undefined {
  if (found === 'licensor') return grantAfterNegation(live, false) ? 'licensee' : found;
  if (found !== undefined) return found;
  const negation = live.find((t) => t.category === 'negation');
  if (!negation || negation.start <= first + 1) return found;
  const aux = toks[negation.start - 1]!.low;
  const promise = wordSet('promise-auxiliaries').has(aux);
  if (!wordSet('indicative-auxiliaries').has(aux) && !promise) return found;
  // ("will" promises only when the licensee is named after it: "... will never host the weights for you")
  if (promise && !live.some((t) => (t.category === 'actor' || t.category === 'possessive') && t.concept === 'licensee' && t.start > negation.start)) return found;
  if (live.some((t) => t.start < negation.start)) return found;
  // words before the auxiliary that the lexicons do not tag: a name ("Orca", "Kestrel Labs", "The Orrin platform")
  for (let i = first; i < negation.start - 1; i++) if (!toks[i]!.word || wordSet('subject-pronouns').has(toks[i]!.low)) return found;
  return grantAfterNegation(live, true) ? found : 'licensor';
}
