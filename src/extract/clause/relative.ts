/**
 * A negated relative clause after a grant ("you may use the Model commercially in ways that do not harm others", "for
 * research that does not involve commercial use") says what the grant leaves out: it is an exception part of its own, and
 * its negation does not turn the grant into a ban. The relative words are the lexicon's (en.yaml: relative/relative).
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

const ENDS = new Set([',', ';', ':', '.', '，', '；', '。']);

/** A relative word at token i starts a negated relative clause after a grant stated (and not negated) in [start, i). */
export function negatedRelative(toks: Token[], tags: Tag[], start: number, i: number): boolean {
  if (!tags.some((t) => t.category === 'relative' && t.start === i)) return false;
  // (not the "that" of a marker: "so that", "provided that", "except that")
  if (tags.some((t) => t.category === 'marker' && t.start < i && i < t.end)) return false;
  const before = tags.filter((t) => t.start >= start && t.start < i);
  if (!before.some((t) => t.category === 'grant' && t.concept !== 'grant-noun') || before.some((t) => t.category === 'negation' || t.category === 'prohibit' || t.category === 'duty')) return false;
  for (let j = i + 1; j < toks.length && !ENDS.has(toks[j]!.low); j++) {
    const at = tags.filter((t) => t.start === j);
    // a modal word of its own first: a clause that binds someone ("a licence that you will not sell")
    if (at.some((t) => t.category === 'grant' || t.category === 'duty' || t.category === 'marker')) return false;
    if (at.some((t) => t.category === 'negation')) return true;
  }
  return false;
}
