/**
 * Which of the clause form's thresholds join the document's terms (engine.ts): a threshold is one term however often
 * the document states it.
 */
import type { Term } from '../types.js';
import { HAN } from './clause/tokens.js';


/**
 * The clause threshold `t` adds nothing to `terms` (the regex form's and those kept so far) or to the other clause
 * terms `clauseTerms`:
 * - the regex form read it elsewhere in the document (a definition and its use);
 * - it is a bilingual text's translation of one read in the other language (same metric, value and comparator; one
 *   sentence Chinese, the other not);
 * - it is a bound stated with no consequence in one sentence ("free access for organisations with revenue of less than
 *   US$1,000,000") whose other side another sentence states with one ("above USD $1,000,000 ... request a license"); in
 *   one sentence both sides stay (the reader states the grant's side and its complement).
 */
export function thresholdStatedElsewhere(t: Term, terms: Term[], clauseTerms: Term[], regexTerms: Term[]): boolean {
  if (t.kind !== 'threshold') return false;
  const same = (u: Term) => u !== t && u.kind === 'threshold' && u.name === t.name && u.value === t.value;
  if (regexTerms.some(same)) return true;
  const han = HAN.test(t.evidence.sentence);
  if (terms.some((u) => same(u) && u.comparator === t.comparator && HAN.test(u.evidence.sentence) !== han)) return true;
  return !t.consequence && clauseTerms.some((u) => same(u) && !!u.consequence && u.evidence.sentence !== t.evidence.sentence);
}
