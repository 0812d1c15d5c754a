/**
 * Whether a part defines a term, and where a definition ends. A definition ("X" means ...) defines with every part of its sentence, up to a new clause
 * that says something of its own: after ";" with a subject and a modality, or after ", and" with a modality
 * ("“Output” means ..., and you may not use Output to ...") or with a subject and a verb of its own ("“Generated
 * Content” means ..., and all Generated Content is owned by you", "“IP Claim” means ..., and your license terminates
 * if ..."); not a list that goes on naming what the term covers ("..., and any work based on it").
 */
import type { Part } from './parts.js';
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { COMMA, HARD_BREAK as SEMI } from './punct.js';

/** Subject words a finite verb may follow at most this many tokens after (a noun of two or three words). */
const SUBJECT_GAP = 2;
/** A verb in the present tense ("terminates", "belong"), not a participle or a noun made of one ("based", "using", "distribution"). */
const FINITE = /^[a-z]+$/;
const NOT_FINITE = /(?:ing|ed|ion|ment)$/;
export const DEFINITION_END_PATTERNS: readonly RegExp[] = [FINITE, NOT_FINITE];

/** A definition starts before token i, in the part that began at start. */
function definedBefore(tags: Tag[], start: number, i: number): boolean {
  return tags.some((t) => t.category === 'definition' && t.start >= start && t.start < i);
}

/**
 * At the comma i, ", and" starts a clause with a subject and a finite verb of its own: an actor or an object, then
 * within SUBJECT_GAP tokens "is / are / ..." (auxiliary) or an action in the present tense ("terminates", "belong").
 */
export function clauseAfterAnd(toks: Token[], tags: Tag[], i: number): boolean {
  if (toks[i + 1]?.low !== 'and') return false;
  let subjectEnd = -1;
  for (let j = i + 2; j < toks.length && !COMMA.has(toks[j]!.low) && !SEMI.has(toks[j]!.low); j++) {
    const at = tags.filter((t) => t.start === j);
    if (subjectEnd < 0) {
      const s = at.find((t) => t.category === 'actor' || t.category === 'object');
      if (s) subjectEnd = s.end;
      else if (at.some((t) => t.category === 'action' || t.category === 'relative')) return false;
      continue;
    }
    if (j > subjectEnd + SUBJECT_GAP) return false;
    if (at.some((t) => t.category === 'auxiliary')) return true;
    // (a relative clause after the subject is still part of what the term covers: "..., and any model that uses it")
    if (at.some((t) => t.category === 'relative')) return false;
    if (at.some((t) => t.category === 'action') && FINITE.test(toks[j]!.low) && !NOT_FINITE.test(toks[j]!.low)) return true;
    const s = at.find((t) => t.category === 'actor' || t.category === 'object');
    if (s) subjectEnd = s.end;
  }
  return false;
}

/** The comma i ends a definition: what follows ", and" has a modality of its own, or is a clause of its own. */
export function definesBefore(toks: Token[], tags: Tag[], start: number, i: number): boolean {
  return toks[i + 1]?.low === 'and' && definedBefore(tags, start, i);
}

/** Marks every part after the first definition as defining, up to a part that starts a clause of its own. */
export function spreadDefinition(parts: Part[], toks: Token[], enumerated: (toks: Token[], i: number) => boolean): void {
  const def = parts.findIndex((p) => p.definition);
  if (def < 0) return;
  for (let k = def + 1; k < parts.length; k++) {
    const p = parts[k]!;
    if (!p.definition && p.start > 0 && SEMI.has(toks[p.start - 1]!.low) && p.actor !== undefined && (p.modality !== undefined || p.only)) break;
    // (a modal word, not a negation alone: "..., and not connected to any commercial activity" still defines)
    const afterAnd = !p.definition && p.start > 1 && COMMA.has(toks[p.start - 1]!.low) && toks[p.start]!.low === 'and' && !enumerated(toks, p.start + 1);
    if (afterAnd && p.modality !== undefined && p.tags.some((t) => t.category === 'grant' || t.category === 'duty' || t.category === 'prohibit')) break;
    if (afterAnd && clauseAfterAnd(toks, p.tags, p.start - 1)) break;
    p.definition = true;
  }
}

/** An exclusion said of the licence ("this license does not cover ..."): the licence named before it. */
export function withholds(live: Tag[]): boolean {
  return live.some((t) => t.category === 'definition' && t.concept === 'exclusion'
    && live.some((u) => u.category === 'object' && (u.concept === 'license-text' || u.concept === 'terms') && u.start < t.start));
}

/**
 * The part defines a term: a definition word, except an exclusion said of the grant itself, which withholds a right
 * ("the rights granted do not include commercial use", "this licence does not cover deployment in the UK"; but
 * "'Study Purposes' does not include commercial use" defines).
 */
export function defines(live: Tag[], toks: Token[], start: number): boolean {
  const grantNamed = (u: Tag) => (u.category === 'grant' && (u.concept === 'grant-noun' || u.concept === 'grant-verb'))
    || (u.category === 'object' && (u.concept === 'license-text' || u.concept === 'terms'));
  // (a quoted subject is a defined term: '"Licensed Patents" does not include ...')
  const quoted = (t: Tag) => toks.slice(start, t.start).some((k) => QUOTE_MARKS.has(k.low));
  // (an appositive explains a word, the sentence still states: "Commercial use, meaning any use for profit, is excluded")
  const appositive = (t: Tag) => toks[t.start]!.low === 'meaning' && COMMA.has(toks[t.start - 1]?.low ?? '');
  return live.some((t) => t.category === 'definition' && !appositive(t)
    && (t.concept !== 'exclusion' || quoted(t) || !live.some((u) => u.start < t.start && grantNamed(u))));
}
const QUOTE_MARKS = new Set(['"', '“', '”', '\'', '‘', '’', '「', '」']);
