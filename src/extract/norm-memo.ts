/**
 * The normalizers of a rule set (normalize.ts), remembered per text: many rules of a sentence read the same context
 * (its scope, territories, consequence; the consequence of the next sentences), and the same sentences come again in
 * other documents. Every normalizer is a function of its text, so the values are the same; arrays are copied out, so
 * a caller changing one cannot change the memo. Bounded: each normalizer's memo is cleared when full.
 */
import type { CompiledRules } from './compile.js';
import type { Normalizers } from './normalize.js';

const MEMO_MAX = 20_000;
const memoBy = new WeakMap<CompiledRules, Normalizers>();

function remembered<T>(f: (s: string) => T): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    if (memo.has(s)) return memo.get(s) as T;
    const v = f(s);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(s, v);
    return v;
  };
}

/** The normalizers of `rules`, remembered (one set per rule set). */
export function rememberedNorm(rules: CompiledRules): Normalizers {
  let m = memoBy.get(rules);
  if (m) return m;
  const n = rules.norm;
  const territories = remembered((s: string) => n.territories(s));
  m = {
    number: (s) => n.number(s),
    comparator: (s) => n.comparator(s),
    currency: remembered((s) => n.currency(s)),
    period: remembered((s) => n.period(s)),
    scope: remembered((s) => n.scope(s)),
    consequence: remembered((s) => n.consequence(s)),
    territories: (s) => [...territories(s)],
  };
  memoBy.set(rules, m);
  return m;
}
