/**
 * A heading that names a use, then a colon and a bare verdict ("Commercial use: prohibited", "Hosting: not allowed
 * without a separate agreement"): the verdict is said of the heading, so the two are read as one part, not as a lead-in
 * and an item. A lead-in with a modality of its own ("You may not:") or an item that names its own use is unchanged.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { MODAL_CATEGORIES } from './lexicon.js';

const CONTENT = new Set(['action', 'qualifier']);
const ENDS = new Set([';', '；', '。', '!', '?', '！', '？', ':', '：']);
/** A heading is short, and so is the verdict after it (in tokens / words). */
const HEADING_TOKENS = 12;
const VERDICT_WORDS = 8;

/** The colon at token i closes a heading [start, i) whose verdict follows it. */
export function headingVerdict(toks: Token[], byStart: Map<number, Tag[]>, start: number, i: number): boolean {
  if (i - start > HEADING_TOKENS) return false;
  const head: Tag[] = [];
  for (let k = start; k < i; k++) head.push(...(byStart.get(k) ?? []));
  if (!head.some((t) => CONTENT.has(t.category)) || head.some((t) => MODAL_CATEGORIES.has(t.category) && t.concept !== 'grant-noun') || head.some((t) => t.category === 'marker')) return false;
  const verdict: Tag[] = [];
  let words = 0;
  for (let k = i + 1; k < toks.length && k <= i + 4 * VERDICT_WORDS && !ENDS.has(toks[k]!.low); k++) {
    if (toks[k]!.word && ++words > VERDICT_WORDS) return false;
    verdict.push(...(byStart.get(k) ?? []));
  }
  return verdict.some((t) => MODAL_CATEGORIES.has(t.category) && t.concept !== 'grant-noun') && !verdict.some((t) => CONTENT.has(t.category) || t.category === 'actor');
}
