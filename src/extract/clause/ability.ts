/**
 * "Users can run the Model", "Everyone can use it": a party the lexicons know, then an ability modal (grammar.yaml
 * `ability-modals`), grants as the lexicon's "you can" / "licensee can" / "the licensor can" do, whoever the party is.
 * A grant tag is added on the modal when an actor tag ends right before it and no grant tag holds it already ("you can"
 * is a lexicon phrase), and the party does not open a relative clause ("an endpoint that third parties can call"
 * describes the endpoint). A modal said of a thing ("the filter can miss requests") has no party before it and grants nothing.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { wordSet } from './grammar.js';

/** Actor concepts that act for themselves (not "licensor-grant", whose verb grants already, nor a pronoun to resolve). */
const PARTIES: ReadonlySet<string> = new Set(['licensee', 'licensor', 'downstream']);

export function abilityGrants(toks: Token[], tags: Tag[]): Tag[] {
  const modals = wordSet('ability-modals');
  const out: Tag[] = [];
  for (const a of tags) {
    if (a.category !== 'actor' || !PARTIES.has(a.concept)) continue;
    const k = a.end;
    if (!modals.has(toks[k]?.low ?? '')) continue;
    if (tags.some((t) => t.category === 'grant' && t.start <= k && k < t.end)) continue;
    if (tags.some((t) => t.category === 'possessive' && t.start === a.start && t.end === a.end)) continue;
    // (nor in a relative clause, which describes a thing: "an endpoint that third parties can call")
    if (a.start > 0 && wordSet('relative-pronouns').has(toks[a.start - 1]!.low)) continue;
    out.push({ category: 'grant', concept: 'grant', key: 'grant/grant', start: k, end: k + 1 });
  }
  return out.length ? [...tags, ...out].sort((x, y) => x.start - y.start) : tags;
}
