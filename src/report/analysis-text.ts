import type { Analysis, TermKind } from '../types.js';
import { escapeText } from './escape.js';
import { flatten, mergeTerms, shorten, termLine } from './term-lines.js';
import { fill, reportText } from './text-wording.js';

const KIND_ORDER: TermKind[] = ['threshold', 'obligation', 'restriction', 'termination', 'other', 'permission'];

function headline(a: Analysis): string {
  const w = reportText();
  const name = a.license.name ?? a.license.id;
  const v = a.license.version;
  // "Apache License 2.0", not "Apache License 2.0 (version 2.0)"
  const lic = name ? `${name}${v && !name.includes(v) ? ` (version ${v})` : ''}` : w.unknownLicense;
  if (a.commercialUse) return `${a.commercialUse.verdict.toUpperCase()}: ${a.commercialUse.summary}`;
  return fill(w.headlines[a.openness.tier], { license: lic });
}

export interface Caution {
  /** review: oml cannot vouch for the reading (oml check fails it); note: read, but worth knowing. */
  level: 'review' | 'note';
  text: string;
}

/** The one caution that matters most, right under the headline (null when there is none). */
export function caution(a: Analysis): Caution | null {
  const l = a.license;
  const change = a.warnings.find((w) => w.code === 'UNEXPLAINED_CHANGE' || w.code === 'TEMPLATE_TERM_REMOVED' || w.code === 'UNREADABLE_DOCUMENT');
  if (change) return { level: 'review', text: `NEEDS REVIEW: ${change.message}` };
  if (l.match === 'unknown' && !a.declared?.resolved && a.subject.files.some((f) => f.role === 'license')) {
    return { level: 'review', text: 'NEEDS REVIEW: license text not recognised; the terms below were read from the text (oml check fails it as unknown-license)' };
  }
  if (l.match === 'similar' && l.closest) return { level: 'note', text: `NOTE: similar to ${l.closest.id} (${l.closest.similarity}), not that license; terms read from its own text` };
  const hidden = a.warnings.find((w) => w.code === 'HIDDEN_CHARACTERS');
  if (hidden) return { level: 'note', text: `NOTE: ${hidden.message}` };
  if (l.match === 'modified' && l.id) {
    const n = l.additions.length;
    const r = l.removals.length;
    return { level: 'note', text: `NOTE: modified ${l.name ?? l.id}: ${n} added passage(s)${r ? `, ${r} removed` : ''}, each read for its terms (see additions)` };
  }
  return null;
}

/** Does the report carry a NEEDS REVIEW caution (a reading oml cannot vouch for)? */
export function needsReview(a: Analysis): boolean {
  return caution(a)?.level === 'review';
}

export { groupDigits } from './term-lines.js';

export type Detail = 'quiet' | 'normal' | 'verbose';

/** How the headline reads at a glance: the tone a terminal may colour it with. */
export type Tone = 'good' | 'caution' | 'bad' | 'plain';

export interface TextOptions {
  /** quiet: the headline (and a NEEDS REVIEW caution) only; verbose: also evidence sentences and openness reasons. */
  detail?: Detail;
  /** Applied to the escaped headline and caution lines (colour on a terminal); identity by default. */
  paint?: (tone: Tone, line: string) => string;
}

function headlineTone(a: Analysis): Tone {
  const v = a.commercialUse?.verdict;
  if (v === 'allowed') return 'good';
  if (v === 'allowed-with-obligations' || v === 'license-required') return 'caution';
  if (v === 'prohibited' || v === 'unknown' || a.openness.tier === 'unknown') return 'bad';
  return 'plain';
}

/** Human-readable report of one analysis, leading with the line a founder can act on. */
export function renderAnalysisText(a: Analysis, opts: TextOptions = {}): string {
  const detail = opts.detail ?? 'normal';
  const paint = opts.paint ?? ((_t: Tone, s: string) => s);
  const c = caution(a);
  // every line may quote input: control and format characters shown escaped, one item per line
  if (detail === 'quiet') {
    const lines = [paint(headlineTone(a), escapeText(`${a.subject.path}: ${headline(a)}`))];
    if (c?.level === 'review') lines.push(paint('bad', escapeText(`  ${c.text}`)));
    return `${lines.join('\n')}\n`;
  }
  const out: string[] = [];
  out.push(`${a.subject.path} (${a.subject.kind})`);
  out.push(`  ${headline(a)}`);
  if (c) out.push(`  ${c.text}`);
  const l = a.license;
  out.push(`  license: ${l.id ?? 'unknown'}${l.spdx ? ` [${l.spdx}]` : ''} family=${l.family ?? '-'} version=${l.version ?? '-'} match=${l.match} confidence=${l.confidence.toFixed(2)}${l.basedOn ? ` based on ${l.basedOn}` : ''}`);
  for (const p of l.additions) out.push(`    + added at lines ${p.line}-${p.endLine} (${p.words} words): "${shorten(p.text)}"`);
  for (const p of l.removals) out.push(`    - removed near line ${p.line} (${p.words} words)`);
  if (a.declared) {
    out.push(`  declared: license=${a.declared.license.join(', ') || '(none)'}${a.declared.licenseName ? ` license_name=${a.declared.licenseName}` : ''} -> ${a.declared.resolved ?? 'unresolved'}${a.declared.baseModel.length ? `; base_model=${a.declared.baseModel.join(', ')}` : ''}`);
  }
  out.push(`  openness: ${a.openness.tier}${a.openness.score !== null ? ` (score ${a.openness.score})` : ''}`);
  if (detail === 'verbose') for (const r of a.openness.reasons) out.push(`    reason: ${r.message}${r.points ? ` (-${r.points})` : ''}`);
  if (a.commercialUse) {
    for (const act of a.commercialUse.actions) out.push(`    action: ${act}`);
    for (const t of a.commercialUse.thresholds) out.push(`    threshold: ${t.headroom}`);
  }
  for (const kind of KIND_ORDER) {
    const ts = a.terms.filter((t) => t.kind === kind);
    if (!ts.length) continue;
    const merged = mergeTerms(ts);
    out.push(`  ${kind} (${merged.length}):`);
    for (const m of merged) {
      out.push(termLine(m));
      if (detail === 'verbose' && m.term.evidence.sentence) out.push(`        "${flatten(m.term.evidence.sentence)}"`);
    }
  }
  for (const x of a.conflicts) out.push(`  CONFLICT ${x.code}: ${x.message}`);
  for (const w of a.warnings) out.push(`  warning ${w.code}: ${w.message}`);
  const lines = out.map(escapeText);
  lines[1] = paint(headlineTone(a), lines[1]!);
  if (c) lines[2] = paint(c.level === 'review' ? 'bad' : 'caution', lines[2]!);
  return `${lines.join('\n')}\n`;
}
