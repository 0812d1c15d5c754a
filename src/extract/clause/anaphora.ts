/**
 * Subjects a part shares with the part before it in the same sentence: a pronoun ("The authors do not sell the weights,
 * and they do not host them": they = the authors) or no subject at all after a conjunction ("..., and do not host
 * them"). Without this, such a part reads as one with no actor, and a licensor's statement about itself reads as a
 * duty of the licensee. The pronouns are the lexicon's actor concept `anaphor`; no rule sees that concept.
 */
import type { Part } from './parts.js';
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { wordSet } from './grammar.js';
import { MODAL_CATEGORIES } from './lexicon.js';

export const ANAPHOR = 'anaphor';
/** The actor of a part whose subject is a party named by its own name (partyNamed): rules read it as `named`. */
export const NAMED_PARTY = 'named';


/** The part starts (after a conjunction) with its modal word: its subject is left out. */
function elliptic(p: Part, toks: Token[]): boolean {
  let i = p.start;
  while (i < p.end && wordSet('anaphor-conjunctions').has(toks[i]!.low)) i++;
  if (i === p.start) return false;
  return p.tags.some((t) => t.start === i && MODAL_CATEGORIES.has(t.category));
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

/**
 * The subject is a name the lexicons do not know, and the licensee is named only as an owner after the verb ("Acme will
 * not deploy your fine-tuned model", "Orchard Labs does not host your models"): the one who addresses the licensee is
 * the licensor, making a promise about itself. Not a passive ("may be used only within your organisation": the licensee
 * acts) nor a subject the lexicons read ("Outputs may not include your data", "Users may not share your model").
 */
/** (firstModal: the first modal word, else the first verb: "Acme can throttle your access" has no modal word of the lexicons) */
export function speakerNamed(live: Tag[], toks: Token[], start: number, firstModal: number): boolean {
  if (firstModal === Infinity || firstModal <= start || live.some((t) => t.start < firstModal)) return false;
  if (!toks.slice(start, firstModal).some((t) => t.word)) return false;
  const licensee = live.filter((t) => t.category === 'actor' && t.concept === 'licensee');
  const owned = new Set(live.filter((u) => u.category === 'possessive' && u.concept === 'licensee').map((u) => `${u.start}:${u.end}`));
  if (!licensee.length || !licensee.every((t) => owned.has(`${t.start}:${t.end}`))) return false;
  return !live.some((t) => t.category === 'auxiliary' && t.start > firstModal && t.start <= firstModal + 2);
}

/**
 * The part's subject is a name the lexicons do not know, written in capitalised words ("Orrin Labs may modify the
 * Model at any time", "Acme Corp will publish the source of its demo"), before a modal auxiliary of grammar.yaml's
 * `party-modals`: that party states its own right or promise (in a license, the licensor naming itself, or a steward
 * such as a foundation), not the licensee's: actor `named` (a rule that excludes the licensor excludes it too). Two words at least: one capitalised word before the modal is as often a kind of person starting the
 * sentence ("Researchers may use the Model"), which names the licensee. Never a ban or a duty (parts.ts): capitalised
 * words are as often a class of licensees a license defines ("Approved Partners may not sell the Model", "Research
 * Participants must register"), and reading that class as a party of its own would drop the restriction (fail closed).
 */
export function partyNamed(live: Tag[], toks: Token[], start: number, end: number): boolean {
  let at = start;
  while (at < end && !wordSet('party-modals').has(toks[at]!.low)) at++;
  if (at === end || at - start < 2 || live.some((t) => t.start < at)) return false;
  for (let i = start; i < at; i++) if (!toks[i]!.word || !toks[i]!.cap) return false;
  return true;
}

/**
 * A ban said not to exist names whom it frees right after it, in capitalised words the lexicons do not know: "nothing in
 * this License restricts Acme Labs from selling the Model" frees Acme Labs, not the licensee (lexicon cancel/freedom).
 */
export function freedNamed(live: Tag[], toks: Token[]): boolean {
  const f = live.find((t) => t.category === 'cancel' && t.concept === 'freedom');
  return f !== undefined && unknownName(toks, live, f.end);
}

/**
 * toks[k] is a word of a name the lexicons do not know: capitalised, and inside no tag (partyNamed, freedNamed,
 * coordinated.ts and named-object.ts read names with it).
 */
export function unknownName(toks: Token[], tags: readonly Tag[], k: number): boolean {
  const t = toks[k];
  return t !== undefined && t.word && t.cap === true && !tags.some((u) => u.start <= k && k < u.end);
}
