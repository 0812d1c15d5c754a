/**
 * A request for a license as a consequence, read as a construction rather than a fixed phrase: a verb of asking or
 * getting ("obtain", "request", "enter into", "取得", "申请") followed within a few words by what is asked for
 * ("license", "agreement", "authorization", "授权", "许可"; not "this license"): "you must obtain a separate commercial licence",
 * "must request written authorization from us", "应当取得单独授权". A verb right after a negation ("need not obtain
 * a license", "无需取得授权") asks for nothing.
 *
 * A license the text says is deemed obtained is granted, not asked for ("your registration will be deemed to have
 * obtained the business license", "将被视为获得相应的商业许可"): `makeDeemedMask` blanks such a construction out, and
 * both readers of a request (the construction here and the license-request phrases of the consequence table,
 * src/extract/normalize.ts) read the masked text, so "deemed" has one reading.
 * Words come from rules/_normalize.yaml (`consequence_requests`).
 */
import type { NormalizeTables } from './schema.js';

export type RequestTables = NonNullable<NormalizeTables['consequence_requests']>;

/** Latin words (apostrophes kept: "don't"); everything else separates words. Linear. */
const WORDS = /[a-z0-9']+/g;
/** Where a clause ends: a deemed construction does not reach over it. */
const CLAUSE_END = /[,;:.!?，；：。！？、]/;

/** The word's lemma candidates: as written, and without a common inflection ("requires", "obtained", "seeking"). */
function lemmas(w: string): string[] {
  const out = [w];
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

interface Word { w: string; start: number; end: number }

function words(low: string): Word[] {
  const out: Word[] = [];
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(low); m !== null; m = WORDS.exec(low)) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Is words[i] a verb of asking or getting ("obtained"; "apply" only when "for" follows)? */
function makeVerbTest(t: RequestTables): (ws: string[], i: number) => boolean {
  // a verb of two words ("apply for") asks only with its second word right after it ("apply for authorization", not "these terms apply to any license")
  const verbs = new Set(t.verbs.filter((v) => !v.includes(' ')));
  const pairs = t.verbs.filter((v) => v.includes(' ')).map((v) => v.split(' ') as [string, string]);
  return (ws, i) => lemmas(ws[i]!).some((l) => verbs.has(l) || pairs.some(([a, b]) => a === l && ws[i + 1] === b));
}

/**
 * The lowercased text with every deemed license blanked out (same length; positions keep): a deemed word, at most
 * `deemed_gap` linking words, then within the clause and `gap` more words a license noun, with no verb of asking
 * between except right after the links ("deemed to have obtained the corresponding commercial license", "is treated
 * as having obtained consent", "shall be deemed to hold a commercial license"). "A use considered commercial requires
 * a license" still asks (its verb does not follow the links); "deemed to be in breach unless you obtain a license"
 * too (the noun is out of reach). Chinese: a deemed word ("视为"), within `zh_deemed_gap` characters a verb of getting,
 * then within `zh_gap` + 2 characters a license noun ("视为已取得授权"), with no verb of getting further on (one
 * is asked for in "视为商业用途须取得授权").
 */
export function makeDeemedMask(t: RequestTables | undefined): (low: string) => string {
  if (!t || (t.deemed.length === 0 && t.zh_deemed.length === 0)) return (low) => low;
  const deemed = new Set(t.deemed);
  const links = new Set(t.deemed_links);
  const nouns = new Set(t.nouns);
  const isVerb = makeVerbTest(t);
  // the deemed word's links, a verb of two characters, and the verb's reach (as the request reader reads it)
  const zhReach = t.zh_deemed_gap + 2 + t.zh_gap + 2;
  return (low: string): string => {
    const spans: Array<[number, number]> = [];
    const ws = words(low);
    const plain = ws.map((x) => x.w);
    const crosses = (a: Word, b: Word) => CLAUSE_END.test(low.slice(a.end, b.start));
    for (let i = 0; i < ws.length; i++) {
      if (!deemed.has(plain[i]!)) continue;
      let k = i + 1;
      while (k < ws.length && k - i - 1 < t.deemed_gap && links.has(plain[k]!) && !crosses(ws[k - 1]!, ws[k]!)) k++;
      // the word right after the links may be the verb of getting; no other one may stand before the noun
      const last = Math.min(ws.length - 1, k + t.gap);
      for (let j = k; j <= last && !crosses(ws[j - 1]!, ws[j]!); j++) {
        if (nouns.has(plain[j]!)) { spans.push([ws[i]!.start, ws[j]!.end]); break; }
        if (j > k && isVerb(plain, j)) break;
      }
    }
    for (const d of t.zh_deemed) {
      for (let i = low.indexOf(d); i >= 0; i = low.indexOf(d, i + 1)) {
        const from = i + d.length;
        const reach = low.slice(from, from + zhReach);
        const cut = reach.search(CLAUSE_END);
        const clause = cut >= 0 ? reach.slice(0, cut) : reach;
        let at = -1;
        let len = 0;
        for (const n of t.zh_nouns) { const a = clause.indexOf(n); if (a >= 0 && (at < 0 || a < at)) { at = a; len = n.length; } }
        if (at < 0) continue;
        // a verb of getting right after the deemed word ("视为已取得授权"), none further on ("视为商业用途须取得授权" asks)
        const before = clause.slice(0, at);
        if (t.zh_verbs.some((v) => { const a = before.indexOf(v, t.zh_deemed_gap + 1); return a >= 0; })) continue;
        spans.push([i, from + at + len]);
      }
    }
    if (spans.length === 0) return low;
    const out = low.split('');
    for (const [a, b] of spans) for (let p = a; p < b; p++) out[p] = ' ';
    return out.join('');
  };
}

export function makeRequestReader(t: RequestTables | undefined): (low: string) => boolean {
  if (!t) return () => false;
  const isVerb = makeVerbTest(t);
  const nouns = new Set(t.nouns);
  const negations = new Set(t.negations);
  const definite = new Set(t.definite);
  const priced = new Set(t.priced);
  const negated = (w: string | undefined) => w !== undefined && (negations.has(w) || w.endsWith("n't"));
  const gap = t.gap;
  const zhGap = t.zh_gap;
  const mask = makeDeemedMask(t);
  return (text: string): boolean => {
    const low = mask(text);
    const ws = low.match(WORDS) ?? [];
    for (let i = 0; i < ws.length; i++) {
      if (!isVerb(ws, i)) continue;
      if (negated(ws[i - 1]) || negated(ws[i + 1])) continue;
      for (let j = i + 1; j <= i + gap + 1 && j < ws.length; j++) if (nouns.has(ws[j]!) && !definite.has(ws[j - 1]!) && !priced.has(ws[j + 1] ?? '')) return true;
    }
    for (const v of t.zh_verbs) {
      for (let i = low.indexOf(v); i >= 0; i = low.indexOf(v, i + 1)) {
        const before = low.slice(Math.max(0, i - 2), i);
        if (t.zh_negations.some((n) => before.endsWith(n))) continue;
        const after = low.slice(i + v.length, i + v.length + zhGap + 2);
        if (t.zh_nouns.some((n) => after.includes(n))) return true;
      }
    }
    return false;
  };
}
