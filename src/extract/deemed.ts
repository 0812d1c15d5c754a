/**
 * A license phrase the text grants rather than asks for: "your registration will be deemed to have obtained the
 * corresponding commercial license", "将被视为获得相应的商业许可". The table phrases of a license request
 * ("commercial license", "商业许可") name the license either way; one that a deemed word ("deemed", "视为") leads
 * within the same clause is the license this text gives, not one to request. Words come from rules/_normalize.yaml
 * (`consequence_requests`: deemed, zh_deemed and their gaps).
 */
import type { RequestTables } from './request.js';

/** Latin words; everything else separates words. Linear. */
const WORDS = /[a-z0-9']+/g;
/** Where a clause ends: what stands before it does not lead the phrase. */
const CLAUSE_END = /[,;:.!?，；：。！？、]/g;

/** Is the phrase at `at` of the lowercased text led by a deemed word in its own clause? */
export function makeDeemedReader(t: RequestTables | undefined): (low: string, at: number) => boolean {
  if (!t) return () => false;
  const deemed = new Set(t.deemed);
  // "deemed to have obtained the corresponding": the deemed words' links, the verb, and the words before the noun
  const words = t.deemed_gap + t.gap + 2;
  const zhReach = t.zh_deemed_gap + t.zh_gap + 2;
  return (low: string, at: number): boolean => {
    const before = low.slice(Math.max(0, at - 120), at);
    let from = 0;
    CLAUSE_END.lastIndex = 0;
    for (let m = CLAUSE_END.exec(before); m !== null; m = CLAUSE_END.exec(before)) from = m.index + 1;
    const clause = before.slice(from);
    const lead = (clause.match(WORDS) ?? []).slice(-words);
    if (lead.some((w) => deemed.has(w))) return true;
    const zh = clause.slice(-zhReach);
    return t.zh_deemed.some((d) => zh.includes(d));
  };
}
