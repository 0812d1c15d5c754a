/**
 * The actions a part's grant can be about: every action it names except the ones that are plainly not what the
 * grant lets the licensee do (English only; Chinese text keeps every action):
 * - a verb of a relative or subordinate clause, right after its subject pronoun ("researchers who use the Model",
 *   "fine-tunes that use up to 2,000 GPU-hours", "the version they use"), unless the pronoun ends a grant phrase
 *   ("lets you use") or after a relative pronoun and a modal or
 *   passive word ("rights of others that may apply to the model", "tools which can be deployed");
 * - a purpose noun after "for" ("may be modified for internal or external use", "for any use") or a topic noun after
 *   "about" ("you may ask about commercial use"), unless it is the
 *   part's only action after a grant word ("licensed to you for use");
 * - a noun after a possessive of a third party ("suspend its use", "their use of the Model");
 * - a noun after a determiner with no grant word after it ("rights that may apply to the model or any use thereof";
 *   but "any use of the model is permitted");
 * - an act of changing or passing on whose object is a thing of its own ("post reviews of the model").
 * A rule asks for these with `grantAction` (schema.ts); the part's `actions` stay as read, for the other rules.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { wordSet } from './grammar.js';

/** Words that may stand between "for" and a purpose noun ("for internal or external use", "for any such use"). */
const PURPOSE_GAP = 4;
/** Categories whose words end the look-back for "for": a verb, a thing, a person or a modal word is another phrase. */
const STOPS: ReadonlySet<string> = new Set(['action', 'object', 'actor', 'grant', 'duty', 'prohibit']);

function taggedAt(tags: Tag[], i: number): boolean {
  return tags.some((t) => t.start <= i && i < t.end && STOPS.has(t.category));
}

/** The action at token `i` is a purpose or topic noun: "for" ("about", ...) comes first, within PURPOSE_GAP plain words. */
function purposeNoun(toks: Token[], tags: Tag[], i: number): boolean {
  for (let j = i - 1, n = 0; j >= 0 && n <= PURPOSE_GAP; j--, n++) {
    const low = toks[j]!.low;
    if (wordSet('noun-leads').has(low)) return true;
    if (!toks[j]!.word && low !== '-') return false;
    if (wordSet('purpose-gap-stops').has(low) || taggedAt(tags, j)) return false;
  }
  return false;
}

/** "which may be used", "that may apply": a relative pronoun, then up to two modal or passive words, then the verb. */
function relativeVerb(toks: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const low = toks[j]!.low;
    if (wordSet('relative-pronouns').has(low)) return j < i - 1;
    if (!wordSet('relative-auxiliaries').has(low)) return false;
  }
  return false;
}

/** A noun ("the use", "any use") is what a grant is about only as its subject ("any use of the model is permitted"). */
function nounBeforeNoGrant(t: Tag, toks: Token[], tags: Tag[]): boolean {
  const before = toks[t.start - 1]?.low;
  return before !== undefined && wordSet('noun-determiners').has(before) && !tags.some((u) => u.category === 'grant' && u.concept !== 'grant-noun' && u.start >= t.end);
}

/** The pronoun before token `i` is the one a grant phrase names ("lets you use", "let them run"): the verb is granted. */
function grantedPronoun(tags: Tag[], i: number): boolean {
  return tags.some((u) => u.category === 'grant' && u.start < i - 1 && i - 1 < u.end && u.end === i);
}

/** Acts whose object of their own (a noun the lexicons do not know) is checked: what is changed or passed on. */
const OWN_OBJECT_ACTS: ReadonlySet<string> = new Set(['modify', 'train', 'distribute', 'create']);
const OWN_OBJECT_SPAN = 6;

/**
 * The act takes an object of its own that the lexicons do not name, ended by a preposition or a relative pronoun before
 * anything they name ("post reviews of the model", "develop applications that call the model", "provide support for the
 * model", "transform your data before feeding it to the model"): the model is not what is changed or passed on. Not a
 * copy or a part of it ("distribute copies of the model") nor a name before it ("modify the Acme model").
 */
function ownObject(t: Tag, toks: Token[], tags: Tag[]): boolean {
  // ("do whatever they like with the model" is a grant to do everything)
  if (!OWN_OBJECT_ACTS.has(t.concept) || toks[t.start]!.low === 'do') return false;
  let unknown: string | undefined;
  for (let i = t.end, n = 0; i < toks.length && n < OWN_OBJECT_SPAN; i++, n++) {
    const k = toks[i]!;
    if (!k.word) return false;
    if (wordSet('np-end').has(k.low)) return unknown !== undefined && !(k.low === 'of' && wordSet('partitive-nouns').has(unknown));
    if (tags.some((u) => u.start <= i && i < u.end && (u.category === 'object' || (u.category === 'action' && u.concept !== 'own-adjective')))) return false;
    if (k.low === 'it' || k.low === 'them') return false;
    if (wordSet('np-glue').has(k.low)) continue;
    unknown = k.low;
  }
  return false;
}

function notGranted(t: Tag, toks: Token[], tags: Tag[]): boolean {
  const before = toks[t.start - 1]?.low;
  if (before === undefined) return false;
  return (wordSet('subject-pronouns').has(before) && !grantedPronoun(tags, t.start)) || wordSet('third-possessives').has(before) || purposeNoun(toks, tags, t.start) || relativeVerb(toks, t.start)
    || nounBeforeNoGrant(t, toks, tags) || ownObject(t, toks, tags);
}

/**
 * The concepts of the actions of `live` (a part's tags) that a grant of the part can be about. A purpose noun that is
 * the only action of a part with a grant word is what is granted ("the Model is licensed to you for use in your
 * organisation", "licensed for non-commercial use"); beside another verb it is that verb's purpose ("may be modified for
 * internal use", "made available for research use").
 */
export function grantedActions(live: Tag[], toks: Token[], chinese: boolean): Set<string> {
  const out = new Set<string>();
  const actions = live.filter((t) => t.category === 'action');
  const grants = live.filter((u) => u.category === 'grant' && u.concept !== 'grant-noun');
  // (a verb inside the grant phrase, "is licensed to you", is the grant itself)
  const verbs = actions.filter((t) => !grants.some((g) => g.start < t.end && t.start < g.end));
  // (the grant word must govern the noun, not a verb the lexicon does not know: "you may write to us for commercial use")
  const governs = (g: Tag) => { const next = toks[g.end]; return next !== undefined && (!next.word || wordSet('grant-links').has(next.low) || live.some((u) => u.start === g.end)); };
  const lone = verbs.length === 1 && grants.some((g) => g.end <= verbs[0]!.start && governs(g));
  for (const t of actions) {
    if (chinese || !notGranted(t, toks, live) || (lone && t === verbs[0] && purposeNoun(toks, live, t.start))) out.add(t.concept);
  }
  return out;
}

/**
 * The part states its grant with words that grant: a grant word ("may", "grants", "is permitted"), a grant phrase of
 * several words ("a license is granted"), or a grant noun followed by "to" and an action ("the right to use",
 * "a free licence to run") or by "of" and the noun of an action ("the right of modification"); not a noun alone ("use of the model is subject to this licence", "this permission is limited").
 */
export function grantStated(live: Tag[], toks: Token[]): boolean {
  for (const t of live) {
    if (t.category !== 'grant') continue;
    if (t.concept !== 'grant-noun' || t.end - t.start > 1) return true;
    const to = toks[t.end]?.low;
    if (to === 'to' && live.some((u) => u.category === 'action' && (u.start === t.end + 1 || u.start === t.end + 2))) return true;
    // a noun of the act after "of": "the right of modification", "the freedom of redistribution"
    if (to === 'of' && live.some((u) => u.category === 'action' && u.start === t.end + 1)) return true;
  }
  return false;
}
