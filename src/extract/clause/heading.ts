/**
 * A heading that names a use, then a colon and a bare verdict ("Commercial use: prohibited", "Hosting: not allowed
 * without a separate agreement"): the verdict is said of the heading, so the two are read as one part, not as a lead-in
 * and an item. A lead-in with a modality of its own ("You may not:") or an item that names its own use is unchanged.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';

const MODAL = new Set(['grant', 'duty', 'prohibit', 'negation']);
const CONTENT = new Set(['action', 'qualifier']);
const ENDS = new Set([';', '；', '。', '!', '?', '！', '？', ':', '：']);
/** At most this many words in the verdict: a short statement, not a sentence of its own. */
const VERDICT_WORDS = 8;

/** The colon at token i closes a heading [start, i) whose verdict follows it. */
export function headingVerdict(toks: Token[], tags: Tag[], start: number, i: number): boolean {
  const head = tags.filter((t) => t.start >= start && t.start < i);
  if (!head.some((t) => CONTENT.has(t.category)) || head.some((t) => MODAL.has(t.category) && t.concept !== 'grant-noun') || head.some((t) => t.category === 'marker')) return false;
  let end = i + 1;
  while (end < toks.length && !ENDS.has(toks[end]!.low)) end++;
  if (toks.slice(i + 1, end).filter((t) => t.word).length > VERDICT_WORDS) return false;
  const verdict = tags.filter((t) => t.start > i && t.start < end);
  return verdict.some((t) => MODAL.has(t.category) && t.concept !== 'grant-noun') && !verdict.some((t) => CONTENT.has(t.category) || t.category === 'actor');
}
