/**
 * The fields of a term found by a rule (rules/README.md, "fields"): from a capture group of its pattern, or read from
 * the sentence and its neighbours (currency, period, territories, scope, consequence), by the rule set's normalizers
 * (remembered per text: norm-memo.ts).
 */
import type { Term } from '../types.js';
import type { CompiledRules } from './compile.js';
import type { FieldSpec } from './schema.js';
import { rememberedNorm } from './norm-memo.js';

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Types that read the sentence when no capture group supplies the text. */
export const CONTEXT_TYPES = new Set(['currency', 'period', 'territories', 'scope', 'consequence']);

export type Fields = Partial<Pick<Term, 'value' | 'comparator' | 'period' | 'currency' | 'consequence' | 'text' | 'territories' | 'scope'>>;

/** What a rule sees of one sentence. */
export interface SentenceView {
  /** The sentence without emphasis markers. */
  text: string;
  /** The lead-in chain of a list item, if any. */
  lead?: string;
  /** Up to CONSEQUENCE_LOOKAHEAD following sentences of the same segment (views). */
  following: string[];
  /** Earlier sentences of the same segment, nearest first (for `fallback: preceding`). */
  preceding?: () => string[];
  /** When the sentence defines a term ("X" means ...): the other sentences that cross it ("exceeds the X"), in document order. */
  uses?: () => string[];
}

/** The consequence found in a list of sentences: a license request anywhere wins, else the first one found. */
function consequenceIn(rules: CompiledRules, texts: string[]): string | undefined {
  let nearest: string | undefined;
  for (const t of texts) {
    const c = rememberedNorm(rules).consequence(t);
    if (c === 'license-required') return c;
    nearest ??= c;
  }
  return nearest;
}

/**
 * "NEW YORK" -> "New York", "STATE OF OREGON" -> "State of Oregon"; words of up to
 * three letters stay as written ("PRC", "UK") except of/and/the; text with any
 * lowercase letter is returned as is.
 */
function titleCase(s: string): string {
  if (/\p{Ll}/u.test(s)) return s;
  return s.replace(/\p{L}+/gu, (w) => {
    if (/^(?:OF|AND|THE)$/.test(w)) return w.toLowerCase();
    return w.length <= 3 ? w : w[0] + w.slice(1).toLowerCase();
  });
}

export function fieldValue(
  rules: CompiledRules, spec: FieldSpec, groups: Record<string, string | undefined>, sentence: string, sv: SentenceView,
): unknown {
  if (spec.value !== undefined) return spec.value;
  const src = spec.from !== undefined ? groups[spec.from] : undefined;
  if (spec.from !== undefined && src === undefined && !CONTEXT_TYPES.has(spec.type)) return spec.default;
  const n = rememberedNorm(rules);
  let v: unknown;
  switch (spec.type) {
    case 'number': v = src !== undefined ? n.number(src) : undefined; break;
    case 'currency': v = n.currency(src ?? sentence); break;
    case 'period': v = n.period(src ?? sentence); break;
    case 'comparator': v = src !== undefined ? n.comparator(src) : undefined; break;
    case 'text': v = src !== undefined ? (spec.case === 'title' ? titleCase(clean(src)) : clean(src)) : undefined; break;
    case 'territories': { const t = n.territories(src ?? sentence); v = t.length ? t : undefined; break; }
    case 'scope': {
      v = n.scope(src ?? sentence);
      // opt-in: a sentence naming neither weights nor outputs takes the scope of the nearest earlier sentence of its paragraph that does
      if (v === undefined && spec.fallback === 'preceding' && sv.preceding) {
        for (const t of sv.preceding()) if ((v = n.scope(t)) !== undefined) break;
      }
      break;
    }
    case 'consequence': {
      if (src !== undefined) { v = n.consequence(src); break; }
      // the sentence decides; a request for a license in one of the next sentences of the same
      // segment turns a termination (or silence) into license-required; silence takes the nearest consequence
      v = n.consequence(sentence);
      if (v === undefined || v === 'prohibited') {
        const nx = consequenceIn(rules, sv.following);
        if (nx === 'license-required' || v === undefined) v = nx;
      }
      // a definition ("Threshold" means annual revenue of ...) takes the consequence from the sentences that use the term
      if (v === undefined && sv.uses) v = consequenceIn(rules, sv.uses());
      break;
    }
    case 'const': v = undefined; break;
  }
  return v ?? spec.default;
}
