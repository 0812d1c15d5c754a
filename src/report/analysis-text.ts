import type { Analysis, Term, TermKind } from '../types.js';
import { escapeText } from './escape.js';

const KIND_ORDER: TermKind[] = ['threshold', 'obligation', 'restriction', 'termination', 'other', 'permission'];

function headline(a: Analysis): string {
  const lic = a.license.id ? `${a.license.name ?? a.license.id}${a.license.version ? ` (version ${a.license.version})` : ''}` : 'unknown license';
  if (a.commercialUse) return `${a.commercialUse.verdict.toUpperCase()}: ${a.commercialUse.summary}`;
  const tier = a.openness.tier;
  if (tier === 'unknown') return `UNKNOWN: ${lic}; do not ship until the license is identified`;
  return `${tier}: ${lic}`;
}

/** The one caution that matters most, right under the headline (null when there is none). */
function caution(a: Analysis): string | null {
  const l = a.license;
  const change = a.warnings.find((w) => w.code === 'UNEXPLAINED_CHANGE' || w.code === 'TEMPLATE_TERM_REMOVED' || w.code === 'UNREADABLE_DOCUMENT');
  if (change) return `NEEDS REVIEW: ${change.message}`;
  if (l.match === 'unknown' && !a.declared?.resolved && a.subject.files.some((f) => f.role === 'license')) {
    return 'NEEDS REVIEW: license text not recognised; the terms below were read from the text (oml check fails it as unknown-license)';
  }
  if (l.match === 'similar' && l.closest) return `NOTE: similar to ${l.closest.id} (${l.closest.similarity}), not that license; terms read from its own text`;
  const hidden = a.warnings.find((w) => w.code === 'HIDDEN_CHARACTERS');
  if (hidden) return `NOTE: ${hidden.message}`;
  if (l.match === 'modified' && l.id) {
    const n = l.additions.length;
    const r = l.removals.length;
    return `NOTE: modified ${l.name ?? l.id}: ${n} added passage(s)${r ? `, ${r} removed` : ''}, each read for its terms (see additions)`;
  }
  return null;
}

/** 700000000 -> "700,000,000" (toLocaleString would load ICU data: ~15 ms of start-up). */
export function groupDigits(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

function termLine(t: Term): string {
  const where = `${t.evidence.path}:${t.evidence.line}`;
  const extra: string[] = [];
  if (t.kind === 'threshold') {
    extra.push(`${t.comparator ?? ''} ${(t.value == null ? '?' : groupDigits(t.value))}${t.currency ? ` ${t.currency}` : ''}${t.period ? ` per ${t.period}` : ''}${t.consequence ? ` -> ${t.consequence}` : ''}`.trim());
  }
  if (t.text) extra.push(`"${t.text}"`);
  if (t.territories?.length) extra.push(t.territories.join(', '));
  if (t.scope) extra.push(`scope: ${t.scope}`);
  if (t.origin !== 'text') extra.push(`(${t.origin}${t.via ? `: ${t.via}` : ''})`);
  return `    ${t.name}${extra.length ? ` ${extra.join(' ')}` : ''}  [${where}]`;
}

/** Human-readable report of one analysis, leading with the line a founder can act on. */
export function renderAnalysisText(a: Analysis): string {
  const out: string[] = [];
  out.push(`${a.subject.path} (${a.subject.kind})`);
  out.push(`  ${headline(a)}`);
  const c = caution(a);
  if (c) out.push(`  ${c}`);
  const l = a.license;
  out.push(`  license: ${l.id ?? 'unknown'}${l.spdx ? ` [${l.spdx}]` : ''} family=${l.family ?? '-'} version=${l.version ?? '-'} match=${l.match} confidence=${l.confidence.toFixed(2)}${l.basedOn ? ` based on ${l.basedOn}` : ''}`);
  for (const p of l.additions) out.push(`    + added at lines ${p.line}-${p.endLine} (${p.words} words): ${p.text.length > 120 ? `${p.text.slice(0, 117)}...` : p.text}`);
  for (const p of l.removals) out.push(`    - removed near line ${p.line} (${p.words} words)`);
  if (a.declared) {
    out.push(`  declared: license=${a.declared.license.join(', ') || '(none)'}${a.declared.licenseName ? ` license_name=${a.declared.licenseName}` : ''} -> ${a.declared.resolved ?? 'unresolved'}${a.declared.baseModel.length ? `; base_model=${a.declared.baseModel.join(', ')}` : ''}`);
  }
  out.push(`  openness: ${a.openness.tier}${a.openness.score !== null ? ` (score ${a.openness.score})` : ''}`);
  if (a.commercialUse) {
    for (const act of a.commercialUse.actions) out.push(`    action: ${act}`);
    for (const t of a.commercialUse.thresholds) out.push(`    threshold: ${t.headroom}`);
  }
  for (const kind of KIND_ORDER) {
    const ts = a.terms.filter((t) => t.kind === kind);
    if (!ts.length) continue;
    out.push(`  ${kind} (${ts.length}):`);
    for (const t of ts) out.push(termLine(t));
  }
  for (const c of a.conflicts) out.push(`  CONFLICT ${c.code}: ${c.message}`);
  for (const w of a.warnings) out.push(`  warning ${w.code}: ${w.message}`);
  // every line may quote input: control and format characters shown escaped, one item per line
  return `${out.map(escapeText).join('\n')}\n`;
}
