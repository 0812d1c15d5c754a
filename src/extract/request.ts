/**
 * A request for a license as a consequence, read as a construction rather than a fixed phrase: a verb of asking or
 * getting ("obtain", "request", "enter into", "取得", "申请") followed within a few words by what is asked for
 * ("license", "agreement", "authorization", "授权", "许可"; not "this license"): "you must obtain a separate commercial licence",
 * "must request written authorization from us", "应当取得单独授权". A verb right after a negation ("need not obtain
 * a license", "无需取得授权") asks for nothing, nor does one a few words after "deemed" ("your registration will be deemed
 * to have obtained the business license", "将被视为获得相应的商业许可": a license the text grants, not one to ask for).
 * Words come from rules/_normalize.yaml (`consequence_requests`).
 */
import type { NormalizeTables } from './schema.js';

export type RequestTables = NonNullable<NormalizeTables['consequence_requests']>;

/** Latin words (apostrophes kept: "don't"); everything else separates words. Linear. */
const WORDS = /[a-z0-9']+/g;

/** The word's lemma candidates: as written, and without a common inflection ("requires", "obtained", "seeking"). */
function lemmas(w: string): string[] {
  const out = [w];
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

export function makeRequestReader(t: RequestTables | undefined): (low: string) => boolean {
  if (!t) return () => false;
  // a verb of two words ("apply for") asks only with its second word right after it ("apply for authorization", not "these terms apply to any license")
  const verbs = new Set(t.verbs.filter((v) => !v.includes(' ')));
  const pairs = t.verbs.filter((v) => v.includes(' ')).map((v) => v.split(' ') as [string, string]);
  const isVerb = (words: string[], i: number) => lemmas(words[i]!).some((l) => verbs.has(l) || pairs.some(([a, b]) => a === l && words[i + 1] === b));
  const nouns = new Set(t.nouns);
  const negations = new Set(t.negations);
  const definite = new Set(t.definite);
  const priced = new Set(t.priced);
  const negated = (w: string | undefined) => w !== undefined && (negations.has(w) || w.endsWith("n't"));
  const gap = t.gap;
  const zhGap = t.zh_gap;
  const deemed = new Set(t.deemed);
  const links = new Set(t.deemed_links);
  /** "deemed to have obtained": a deemed word before the verb with only linking words between. */
  const deemedBefore = (words: string[], i: number) => {
    for (let k = i - 1; k >= 0 && k >= i - 1 - t.deemed_gap; k--) {
      if (deemed.has(words[k]!)) return true;
      if (!links.has(words[k]!)) return false;
    }
    return false;
  };
  return (low: string): boolean => {
    const words = low.match(WORDS) ?? [];
    for (let i = 0; i < words.length; i++) {
      if (!isVerb(words, i)) continue;
      if (negated(words[i - 1]) || negated(words[i + 1]) || deemedBefore(words, i)) continue;
      for (let j = i + 1; j <= i + gap + 1 && j < words.length; j++) if (nouns.has(words[j]!) && !definite.has(words[j - 1]!) && !priced.has(words[j + 1] ?? '')) return true;
    }
    for (const v of t.zh_verbs) {
      for (let i = low.indexOf(v); i >= 0; i = low.indexOf(v, i + 1)) {
        const before = low.slice(Math.max(0, i - 2), i);
        if (t.zh_negations.some((n) => before.endsWith(n))) continue;
        const lead = low.slice(Math.max(0, i - t.zh_deemed_gap), i);
        if (t.zh_deemed.some((d) => lead.includes(d))) continue;
        const after = low.slice(i + v.length, i + v.length + zhGap + 2);
        if (t.zh_nouns.some((n) => after.includes(n))) return true;
      }
    }
    return false;
  };
}
