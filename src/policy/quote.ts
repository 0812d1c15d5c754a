/**
 * The sentence a finding rests on, as carried in the check report (`quote`):
 * whitespace runs (newlines included) folded to one space, capped at
 * QUOTE_MAX characters (code points) with an ellipsis. Untrusted text: each
 * report format neutralizes it (src/report/escape.ts).
 */
import type { Term } from '../types.js';

/** Longest quote in the check report, in code points (documented in README, JSON report). */
export const QUOTE_MAX = 400;

export function findingQuote(t: Pick<Term, 'evidence'> | undefined): string | undefined {
  const s = t?.evidence.sentence;
  if (!s) return undefined;
  const chars = Array.from(s.slice(0, QUOTE_MAX * 8).split(/\s+/).filter(Boolean).join(' '));
  if (!chars.length) return undefined;
  return chars.length <= QUOTE_MAX ? chars.join('') : `${chars.slice(0, QUOTE_MAX - 1).join('').trimEnd()}…`;
}
