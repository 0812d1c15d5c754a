/**
 * Enumeration marks in a sentence's tokens: "(b)", "b)", "and (c)" between the items of a list, and the "2." or "(a)"
 * before a sentence's first word (parts.ts).
 */
import type { Token } from './tokens.js';

/** The mark of an enumeration: "b", "iv", "12". */
const ENUM_MARK = /^(?:[a-z]|[ivx]{1,4}|\d{1,2})$/;

/** Does an enumeration marker ("(b)", "b)", "and (c)", "or (ii)") start at toks[i]? */
export function enumerated(toks: Token[], i: number): boolean {
  const at = toks[i]?.low === 'and' || toks[i]?.low === 'or' ? i + 1 : i;
  const open = toks[at]?.low === '(' ? at + 1 : at;
  const mark = toks[open]?.low;
  return mark !== undefined && ENUM_MARK.test(mark) && toks[open + 1]?.low === ')';
}

/** Nothing but punctuation or an enumeration mark ("2.", "(a)", "iv)") comes before toks[i]. */
export function opensSentence(toks: Token[], i: number): boolean {
  for (let k = 0; k < i; k++) if (toks[k]!.word && !ENUM_MARK.test(toks[k]!.low)) return false;
  return true;
}
