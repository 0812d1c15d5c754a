/**
 * A negated relative clause after a grant ("you may use the Model commercially in ways that do not harm others", "for
 * research that does not involve commercial use") says what the grant leaves out: it is an exception part of its own, and
 * its negation does not turn the grant into a ban. The relative words are the lexicon's (en.yaml: relative/relative).
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

const ENDS = new Set([',', ';', ':', '.', '，', '；', '。']);
/** How far the grant may stand before the relative word, and the negation after it (bounded: linear in the sentence). */
const BACK = 40;
const AHEAD = 12;

/** The sentence's tags by the token they start at. */
export function tagsByStart(tags: Tag[]): Map<number, Tag[]> {
  const m = new Map<number, Tag[]>();
  for (const t of tags) {
    let l = m.get(t.start);
    if (!l) m.set(t.start, (l = []));
    l.push(t);
  }
  return m;
}

/** A relative word at token i starts a negated relative clause after a grant stated (and not negated) in [start, i). */
export function negatedRelative(toks: Token[], byStart: Map<number, Tag[]>, start: number, i: number): boolean {
  const here = byStart.get(i) ?? [];
  if (!here.some((t) => t.category === 'relative')) return false;
  let grant = false;
  for (let k = Math.max(start, i - BACK); k < i; k++) {
    for (const t of byStart.get(k) ?? []) {
      // (not the "that" of a marker: "so that", "provided that", "except that")
      if (t.category === 'marker' && t.end > i) return false;
      if (t.category === 'negation' || t.category === 'prohibit' || t.category === 'duty') return false;
      if (t.category === 'grant' && t.concept !== 'grant-noun') grant = true;
    }
  }
  if (!grant) return false;
  for (let j = i + 1; j < toks.length && j <= i + AHEAD && !ENDS.has(toks[j]!.low); j++) {
    const at = byStart.get(j) ?? [];
    // a modal word of its own first: a clause that binds someone ("a licence that you will not sell")
    if (at.some((t) => t.category === 'grant' || t.category === 'duty' || t.category === 'marker')) return false;
    if (at.some((t) => t.category === 'negation')) return true;
  }
  return false;
}
