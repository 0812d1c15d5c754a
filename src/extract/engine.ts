/**
 * The extract stage: finds terms (DESIGN vocabulary) in a parsed document with
 * the declarative rules in rules/. Each term carries the exact sentence it
 * came from, with its 1-based line and column.
 */
import type { ParsedDocument, Sentence, Term, TermOrigin } from '../types.js';
import { getRules, type CompiledRule, type CompiledRules } from './compile.js';
import type { FieldSpec } from './schema.js';
import { splitSentences } from './split.js';

export interface ExtractOptions {
  rules?: CompiledRules;
  origin?: TermOrigin;
  via?: string;
  split?: (doc: ParsedDocument) => Sentence[];
}

/** Candidate rule indices for a sentence: one scan of the lowercased text for every keyword at once. */
function candidates(rules: CompiledRules, text: string): number[] {
  const lower = text.toLowerCase();
  const found = new Set<number>();
  const re = rules.keywordRe;
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    for (const i of rules.rulesFor.get(m[0]) ?? []) found.add(i);
    // keywords may overlap ("prohibited use" / "use policy"): resume one character later
    re.lastIndex = m.index + 1;
  }
  return [...found].sort((a, b) => a - b);
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Types that read the sentence when no capture group supplies the text. */
const CONTEXT_TYPES = new Set(['currency', 'period', 'territories', 'scope', 'consequence']);

type Fields = Partial<Pick<Term, 'value' | 'comparator' | 'period' | 'currency' | 'consequence' | 'text' | 'territories' | 'scope'>>;

function fieldValue(
  rules: CompiledRules, field: string, spec: FieldSpec, groups: Record<string, string | undefined>, sentence: string, context: string,
): unknown {
  if (spec.value !== undefined) return spec.value;
  const src = spec.from !== undefined ? groups[spec.from] : undefined;
  if (spec.from !== undefined && src === undefined && !CONTEXT_TYPES.has(spec.type)) return spec.default;
  const n = rules.norm;
  let v: unknown;
  switch (spec.type) {
    case 'number': v = src !== undefined ? n.number(src) : undefined; break;
    case 'currency': v = n.currency(src ?? sentence); break;
    case 'period': v = n.period(src ?? sentence); break;
    case 'comparator': v = src !== undefined ? n.comparator(src) : undefined; break;
    case 'text': v = src !== undefined ? clean(src) : undefined; break;
    case 'territories': { const t = n.territories(src ?? sentence); v = t.length ? t : undefined; break; }
    case 'scope': v = n.scope(src ?? sentence); break;
    case 'consequence': {
      if (src !== undefined) { v = n.consequence(src); break; }
      // the sentence decides; a following "you must request a license" turns a termination (or silence) into license-required
      v = n.consequence(sentence);
      if ((v === undefined || v === 'prohibited') && context !== sentence) {
        const nx = n.consequence(context.slice(sentence.length));
        if (nx === 'license-required' || v === undefined) v = nx;
      }
      break;
    }
    case 'const': v = undefined; break;
  }
  void field;
  return v ?? spec.default;
}

function matchRule(
  rules: CompiledRules, cr: CompiledRule, s: Sentence, context: string,
): Fields[] {
  if (cr.unless.some((re) => re.test(s.text))) return [];
  const out: Fields[] = [];
  for (const re of cr.patterns) {
    re.lastIndex = 0;
    for (const m of s.text.matchAll(re)) {
      const groups = m.groups ?? {};
      const f: Record<string, unknown> = {};
      let missing = false;
      for (const [field, spec] of Object.entries(cr.rule.fields)) {
        const v = fieldValue(rules, field, spec!, groups, s.text, context);
        if (v !== undefined) f[field] = v;
        else if (spec!.required) missing = true;
      }
      if (missing) continue;
      if (cr.rule.term.kind === 'threshold' && typeof f.value !== 'number') continue;
      out.push(f as Fields);
    }
  }
  return out;
}

function key(t: Term): string {
  const base = [t.kind, t.name, t.text ?? '', (t.territories ?? []).join(',')];
  if (t.kind === 'threshold') base.push(String(t.value), t.comparator ?? '', t.period ?? '', t.currency ?? '', t.consequence ?? '');
  return base.join('|');
}

function mergeScope(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b || a === b) return a;
  return 'both';
}

/**
 * Finds every term in doc. Identical terms (same kind/name/text, and for
 * thresholds the same value/comparator/period/currency/consequence) are
 * reported once with the first evidence; the scopes of duplicates merge.
 */
export function extractTerms(doc: ParsedDocument, opts: ExtractOptions = {}): Term[] {
  const rules = opts.rules ?? getRules();
  const sentences = (opts.split ?? splitSentences)(doc);
  const origin = opts.origin ?? 'text';
  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  sentences.forEach((s, i) => {
    const idx = candidates(rules, s.text);
    if (!idx.length) return;
    const next = sentences[i + 1];
    const context = next && next.segment === s.segment ? `${s.text} ${next.text}` : s.text;
    for (const ri of idx) {
      const cr = rules.rules[ri]!;
      for (const f of matchRule(rules, cr, s, context)) {
        const term: Term = {
          kind: cr.rule.term.kind,
          name: cr.rule.term.name,
          rule: cr.rule.id,
          ...f,
          ...(cr.rule.term.kind === 'threshold' ? { metric: cr.rule.term.name, period: f.period ?? null, currency: f.currency ?? null } : {}),
          origin,
          ...(opts.via ? { via: opts.via } : {}),
          evidence: { path: doc.path, line: s.line, column: s.column, sentence: s.text },
        };
        const k = key(term);
        const prev = byKey.get(k);
        if (prev) {
          const scope = mergeScope(prev.scope, term.scope);
          if (scope) prev.scope = scope;
          continue;
        }
        byKey.set(k, term);
        terms.push(term);
      }
    }
  });
  return terms;
}
