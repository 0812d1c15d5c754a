/**
 * Term lines of the `oml analyze` text report: one line per distinct term
 * (the same term from several sources merged, its sources listed), each an
 * action in plain words with its quoted sentence and where it is.
 */
import { termActionText } from '../assess/commercial.js';
import { getCatalogEntry } from '../catalog/index.js';
import { CATALOG_PREFIX } from '../policy/quote.js';
import type { Term } from '../types.js';
import { fill, reportText } from './text-wording.js';

/** 700000000 -> "700,000,000" (toLocaleString would load ICU data: ~15 ms of start-up). */
export function groupDigits(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** One line: whitespace runs (newlines included) become one space. */
export function flatten(s: string): string {
  return s.split(/\s+/).filter(Boolean).join(' ');
}

/** Flattened and shortened to `max` characters (code points) with an ellipsis. */
export function shorten(s: string, max = reportText().quoteChars): string {
  const chars = Array.from(flatten(s));
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}


/** Where a term's sentence is: file:line, or a catalog text's name, canonical URL and line. */
export function sourceOf(t: Term): string {
  const w = reportText().sources;
  const line = String(t.evidence.line);
  let where = fill(w.file, { path: t.evidence.path, line });
  if (t.evidence.path.startsWith(CATALOG_PREFIX)) {
    const e = getCatalogEntry(t.evidence.path.slice(CATALOG_PREFIX.length));
    if (e) where = fill(w.catalog, { name: e.name, url: e.url, line });
  }
  return t.origin !== 'text' ? `${where} (${t.origin}${t.via ? `: ${t.via}` : ''})` : where;
}

function thresholdPhrase(t: Term): string {
  const w = reportText().thresholds;
  const value = t.value == null ? '?' : `${groupDigits(t.value)}${t.currency ? ` ${t.currency}` : ''}`;
  return fill(w.format, {
    consequence: t.consequence ? w.consequences[t.consequence] : '?',
    comparator: t.comparator ? w.comparators[t.comparator] : '?',
    value,
    metric: w.metrics[t.name] ?? t.name,
    per: t.period ? fill(w.per, { period: t.period }) : '',
  });
}

/** The term in plain words (the term name when no table words it). */
export function termPhrase(t: Term): string {
  if (t.kind === 'threshold') return thresholdPhrase(t);
  const action = termActionText(t) ?? reportText().terms[t.kind]?.[t.name] ?? null;
  const extra: string[] = [];
  if (t.text && !(action ?? '').includes(t.text)) extra.push(`'${t.text}'`);
  if (t.territories?.length) extra.push(t.territories.join(', '));
  const base = action ?? t.name;
  const phrase = extra.length ? `${base}: ${extra.join(' ')}` : base;
  // a permission's scope is what it grants (noise); a restriction's scope says what it covers
  return t.scope && t.kind !== 'permission' ? `${phrase} (scope: ${t.scope})` : phrase;
}

/** What makes two terms the same term, whatever their source. */
function termKey(t: Term): string {
  return JSON.stringify([t.kind, t.name, t.text ?? null, t.value ?? null, t.comparator ?? null, t.period ?? null,
    t.currency ?? null, t.consequence ?? null, t.territories ?? null, t.kind === 'permission' ? null : (t.scope ?? null)]);
}

export interface MergedTerm {
  term: Term;
  /** Every source of the term, in order of first appearance, without repeats. */
  sources: string[];
  /** The terms merged (the first is `term`). */
  all: Term[];
}

/** Terms with the same key merged, in order of first appearance. */
export function mergeTerms(terms: Term[]): MergedTerm[] {
  const byKey = new Map<string, MergedTerm>();
  for (const t of terms) {
    const k = termKey(t);
    const src = sourceOf(t);
    const m = byKey.get(k);
    if (!m) byKey.set(k, { term: t, sources: [src], all: [t] });
    else {
      m.all.push(t);
      if (!m.sources.includes(src)) m.sources.push(src);
    }
  }
  return [...byKey.values()];
}

/** `    name: phrase "quoted sentence…"  [source; source]` (unescaped: the caller escapes). */
export function termLine(m: MergedTerm): string {
  const t = m.term;
  const quote = t.evidence.sentence ? ` "${shorten(t.evidence.sentence)}"` : '';
  return `    ${t.name}: ${termPhrase(t)}${quote}  [${m.sources.join('; ')}]`;
}
