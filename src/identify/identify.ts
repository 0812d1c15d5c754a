/**
 * identifyText: which license a text is. Cascade: exact normalized hash ->
 * candidate ranking by shingle resemblance (sampled inverted index) -> diff of
 * the best candidates (additions / removals) -> exact | template | modified |
 * unknown, with veto rules for version numbers, license names and restrictions.
 */
import type { Tokens } from './normalize.js';
import { bodyHash, shingleSeq, sortedUnique, intersectCount, wordHashes } from './fingerprint.js';
import { getMatcher, slotOf, templateSorted, SAMPLE_MASK, type Matcher, type Template } from './templates.js';
import { diffFromProbe, probeTemplate, type Diff, type Probe } from './diff.js';
import { vetoAdditions, isEnumeratorOnly } from './veto.js';
import { tokenizeInput } from './prepare.js';
import { judgeSimilar } from './similar.js';
import { spdxTemplateMatches, type SpdxTemplateMatch } from './spdx-match.js';
import { matchHeader, type HeaderMatch } from './header.js';
import type { LicenseInfo } from '../types.js';

/** Candidates scored exactly after the sampled prefilter. */
const TOP_CANDIDATES = 6;
/** Template words missing before the first match that still count as a title/header variation. */
const LEADING_TOLERANCE = 25;
/** Minimum resemblance (Jaccard) or template containment to name a license at all. */
const MIN_JACCARD = 0.35;
const MIN_CONTAINMENT = 0.6;
/** Candidates within this resemblance of the best are compared by diff size. */
const NEAR_MARGIN = 0.1;

interface Scored {
  ti: number;
  t: Template;
  inter: number;
  jaccard: number;
  /** Share of the template's shingles present in the input. */
  containment: number;
  /** Share of the input's shingles present in the template. */
  covered: number;
}

/** SPDX templates tried by the matching-guidelines step. */
const TEMPLATE_TRIES = 4;
/** With the ids sharing a tried template's text. */
const MAX_TRIES = 10;
/** An SPDX template holding nearly all of the input is tried even when much longer (LGPL-3.0 holds GPL-3.0 as optional text). */
const MIN_COVERED = 0.85;
/** The diff of the text against a template (`probe`: its probe, when already made). */
type DiffOf = (t: Template, probe?: Probe) => Diff;
const EMPTY_DIFF: Diff = { additions: [], removals: [], addedWords: 0, removedWords: 0, leadingRemoved: 0, trailingRemoved: 0 };

export function identifyText(text: string, path: string): LicenseInfo {
  const m = getMatcher();
  // same length as `text`: token offsets quote the input
  const tokens = tokenizeInput(text);
  const body = tokens.words.slice(tokens.bodyStart);
  const hashes = wordHashes(tokens.words);
  const seq = shingleSeq(tokens.words, hashes);
  if (body.length === 0) return unknown(path, []);

  // each template diffed once per text (the near candidates, a derivative's base, the chosen one)
  const diffs = new Map<Template, Diff>();
  const diffOf: DiffOf = (t, probe) => {
    let d = diffs.get(t);
    if (!d) diffs.set(t, (d = diffFromProbe(text, tokens, probe ?? probeTemplate(tokens, seq, t))));
    return d;
  };
  const hash = bodyHash(body, hashes.subarray(tokens.bodyStart));
  const exactTi = m.byHash.get(hash);
  const ranked = rank(m, seq, exactTi);
  const candidates = ranked.slice(0, 5).map((s) => ({ id: s.t.id, score: round(s.jaccard) }));

  if (exactTi !== undefined) {
    const t = m.templates[pickSameText(m, text, tokens, hashes, exactTi)]!;
    return finish(m, diffOf, t, 'exact', 1, diffBase(m, diffOf, t), candidates.filter((c) => c.id !== t.id), path);
  }
  const best = ranked[0];
  const spdx = best ? bestTemplateMatch(m, text, tokens, hashes, ranked, best) : null;
  if (spdx) {
    const others = ranked.filter((r) => r !== spdx.s).slice(0, 5).map((r) => ({ id: r.t.id, score: round(r.jaccard) }));
    return finish(m, diffOf, spdx.s.t, 'template', 0.95 + 0.05 * spdx.s.jaccard, templateAdditions(diffOf(spdx.s.t)), others, path);
  }
  const header = matchHeader(m.catalog.dir, text, tokens, hashes);
  if (header) return headerInfo(m, header, candidates, path);
  if (!best || (best.jaccard < MIN_JACCARD && best.containment < MIN_CONTAINMENT)) {
    return unknown(path, candidates, best ? round(best.jaccard * 0.5) : 0);
  }
  // among near-equal candidates, the one needing the fewest changes wins (the first of equals); a
  // candidate whose added words alone reach the best cost so far cannot win and is not aligned
  const near = ranked.filter((s) => s.jaccard >= best.jaccard - NEAR_MARGIN).slice(0, 3);
  let chosen = best;
  let own: Diff | null = null;
  let bestCost = Infinity;
  for (const s of near) {
    const probe = probeTemplate(tokens, seq, s.t);
    if (probe.addedWords >= bestCost) continue;
    const d = diffOf(s.t, probe);
    const cost = d.addedWords + bodyRemovedOf(d, tokens);
    if (cost < bestCost) { chosen = s; own = d; bestCost = cost; }
  }
  if (!own) own = diffOf(chosen.t);
  const tol = Math.min(10, Math.max(2, Math.round(chosen.t.words * 0.005)));
  const bodyRemoved = bodyRemovedOf(own, tokens);
  const veto = vetoAdditions(own.additions);
  // enumerators that line wrapping moved off a line start are no added text
  const added = own.additions.reduce((n, a) => n + (isEnumeratorOnly(a.text) ? 0 : a.words), 0);
  const isTemplate = added <= tol && bodyRemoved <= 2 && !veto.vetoed;
  const match = isTemplate ? 'template' : 'modified';
  const confidence = isTemplate ? 0.9 + 0.1 * chosen.jaccard : Math.min(0.9, Math.max(chosen.jaccard, chosen.containment * 0.8));
  const d = chosen.t.entry?.basedOn ? diffBase(m, diffOf, chosen.t) : own;
  const others = ranked.filter((r) => r !== chosen).slice(0, 5).map((r) => ({ id: r.t.id, score: round(r.jaccard) }));
  // a catalog license's text that names itself differently is another license on the same template
  const similar = chosen.t.entry
    ? judgeSimilar(text, { name: chosen.t.name, version: chosen.t.version }, own.additions) : null;
  if (similar) {
    return {
      id: null, spdx: null, name: similar.name, family: null, version: similar.version, match: 'similar',
      confidence: round(Math.min(0.9, chosen.jaccard)), additions: own.additions, removals: own.removals, basedOn: null,
      candidates: [{ id: chosen.t.id, score: round(chosen.jaccard) }, ...others], source: path,
      closest: { id: chosen.t.id, family: chosen.t.family, version: chosen.t.version, similarity: round(chosen.jaccard) },
    };
  }
  return finish(m, diffOf, chosen.t, match, confidence, d, others, path);
}

/**
 * The SPDX matching-guidelines step over the best SPDX candidates (near the
 * best resemblance, or holding nearly all of the input, and every id published
 * with the same text). Of several accepted templates: a current id over a
 * deprecated one, then the shortest id:
 * of ids with the same template text (GPL-3.0-only / GPL-3.0-or-later,
 * GFDL-1.3-only / GFDL-1.3-invariants-only) the one with the fewest qualifiers,
 * since a license text alone grants no "or later" and names no invariant sections;
 * then the one whose required (non-optional) words cover most of the input.
 */
function bestTemplateMatch(m: Matcher, text: string, tokens: Tokens, hashes: Uint32Array, ranked: Scored[], best: Scored)
  : { s: Scored; match: SpdxTemplateMatch } | null {
  const first = ranked.filter((r) => r.t.entry === null && (r.jaccard >= best.jaccard - NEAR_MARGIN || r.covered >= MIN_COVERED))
    .slice(0, TEMPLATE_TRIES);
  if (first.length === 0) return null;
  // ids published with the very same text (GPL-3.0-only / -or-later, the GFDL variants) are tried together
  const tries = [...first];
  for (const r of first) {
    for (const ti of m.byHashAll.get(r.t.hash) ?? []) {
      const t = m.templates[ti]!;
      if (t.entry === null && tries.length < MAX_TRIES && !tries.some((x) => x.t === t)) tries.push({ ...r, ti, t });
    }
  }
  // a catalog (AI) entry closer than every SPDX candidate is not second-guessed (and the VM is not run)
  if (best.t.entry !== null && best.jaccard > tries[0]!.jaccard) return null;
  const found = spdxTemplateMatches(m.catalog.dir, text, tokens, hashes, tries.map((r) => r.t.id));
  if (found.length === 0) return null;
  const rankOf = (id: string) => tries.findIndex((r) => r.t.id === id);
  found.sort(byPreference(rankOf));
  const match = found[0]!;
  return { s: tries[rankOf(match.id)]!, match };
}

/**
 * Several SPDX ids published with the very text (MPL-2.0 and
 * MPL-2.0-no-copyleft-exception in spdx-license-list): their SPDX templates
 * decide in the order of bestTemplateMatch, the first stored id when none applies.
 */
function pickSameText(m: Matcher, text: string, tokens: Tokens, hashes: Uint32Array, exactTi: number): number {
  const same = (m.byHashAll.get(m.templates[exactTi]!.hash) ?? []).filter((ti) => m.templates[ti]!.entry === null);
  if (same.length < 2 || m.templates[exactTi]!.entry !== null) return exactTi;
  const found = spdxTemplateMatches(m.catalog.dir, text, tokens, hashes, same.map((ti) => m.templates[ti]!.id));
  if (found.length === 0) return same.reduce((a, b) => (m.templates[b]!.id.length < m.templates[a]!.id.length ? b : a), exactTi);
  found.sort(byPreference((id) => same.findIndex((ti) => m.templates[ti]!.id === id)));
  return same.find((ti) => m.templates[ti]!.id === found[0]!.id) ?? exactTi;
}

/**
 * A text the SPDX template accepts is that license (the guidelines' variable
 * parts: titles, copyright lines, alternatives, text after the end of terms),
 * but every word it has beyond the template's own text is still reported as an
 * addition, so whatever a wildcard or the ignored tail holds is read and
 * accounted for (fail closed), never dropped.
 */
function templateAdditions(diff: Diff): Diff {
  const additions = diff.additions;
  return { ...EMPTY_DIFF, additions, addedWords: additions.reduce((n, a) => n + a.words, 0) };
}

/** Order of accepted SPDX templates (see bestTemplateMatch). */
function byPreference(rankOf: (id: string) => number) {
  return (a: SpdxTemplateMatch, b: SpdxTemplateMatch): number => Number(a.deprecated) - Number(b.deprecated) || a.id.length - b.id.length || b.vm.required - a.vm.required || rankOf(a.id) - rankOf(b.id);
}

/** Template words missing from the body: title-region and after-end-of-terms gaps are variable parts. */
function bodyRemovedOf(d: Diff, tokens: Tokens): number {
  const trailing = endsWithEndOfTerms(tokens) ? 0 : d.trailingRemoved;
  return d.removedWords + trailing + Math.max(0, d.leadingRemoved - LEADING_TOLERANCE);
}

const END_OF_TERMS = ['end', 'of', 'terms', 'and', 'conditions'];

function endsWithEndOfTerms(tokens: Tokens): boolean {
  const w = tokens.words;
  if (w.length < END_OF_TERMS.length) return false;
  return END_OF_TERMS.every((x, i) => w[w.length - END_OF_TERMS.length + i] === x);
}

/** Rank templates by resemblance: sampled prefilter, then exact set intersection. */
function rank(m: Matcher, seq: Uint32Array, exactTi: number | undefined): Scored[] {
  const input = sortedUnique(seq);
  const counts = new Uint32Array(m.templates.length);
  const hit: number[] = [];
  const { bits, keys, start, ti: tis } = m.index;
  const mask = (1 << bits) - 1;
  let sampled = 0;
  for (let i = 0; i < input.length; i++) {
    const h = input[i]!;
    if ((h & SAMPLE_MASK) !== 0) continue;
    sampled++;
    // inlined lookup in the index's hash table (see templates.ts buildIndex)
    for (let s = slotOf(h, bits); start[s] !== start[s + 1]; s = (s + 1) & mask) {
      if (keys[s] !== h) continue;
      for (let p = start[s]!, end = start[s + 1]!; p < end; p++) {
        const ti = tis[p]!;
        if (counts[ti]++ === 0) hit.push(ti);
      }
      break;
    }
  }
  let pool: number[];
  if (sampled < 8) {
    pool = [...new Set([...m.short, ...hit])];
  } else {
    pool = topByEstimate(m, hit, counts, sampled);
    for (const ti of topByCovered(hit, counts, sampled)) if (!pool.includes(ti)) pool.push(ti);
  }
  if (exactTi !== undefined && !pool.includes(exactTi)) pool.push(exactTi);
  const scored = pool.map((ti) => score(m.templates[ti]!, ti, input));
  scored.sort((a, b) => b.jaccard - a.jaccard || Number(b.t.entry !== null) - Number(a.t.entry !== null));
  return scored.filter((s) => s.inter > 0);
}

/**
 * The TOP_CANDIDATES templates with the highest estimated resemblance, best
 * first; ties keep the order of `hit` (a stable sort, without sorting all hits).
 */
function topByEstimate(m: Matcher, hit: number[], counts: Uint32Array, sampled: number): number[] {
  const top: number[] = [];
  const est: number[] = [];
  for (const ti of hit) {
    const c = counts[ti]!;
    const e = c / (sampled + m.templates[ti]!.sampled - c);
    if (top.length === TOP_CANDIDATES && e <= est[TOP_CANDIDATES - 1]!) continue;
    let k = top.length;
    while (k > 0 && est[k - 1]! < e) k--;
    top.splice(k, 0, ti);
    est.splice(k, 0, e);
    if (top.length > TOP_CANDIDATES) { top.pop(); est.pop(); }
  }
  return top;
}

/** Templates holding the most of the input's sampled shingles (a long template with the input inside). */
const COVERED_POOL = 3;

function topByCovered(hit: number[], counts: Uint32Array, sampled: number): number[] {
  const top: number[] = [];
  for (const ti of hit) {
    if (counts[ti]! < sampled * MIN_COVERED) continue;
    let k = top.length;
    while (k > 0 && counts[top[k - 1]!]! < counts[ti]!) k--;
    if (k >= COVERED_POOL) continue;
    top.splice(k, 0, ti);
    if (top.length > COVERED_POOL) top.pop();
  }
  return top;
}

function score(t: Template, ti: number, input: Uint32Array): Scored {
  const sorted = templateSorted(t);
  const inter = intersectCount(input, sorted);
  const union = input.length + sorted.length - inter;
  return { ti, t, inter, jaccard: union ? inter / union : 0, containment: sorted.length ? inter / sorted.length : 0,
    covered: input.length ? inter / input.length : 0 };
}

/** For a known derivative (basedOn), additions/removals are relative to the standard template. */
function diffBase(m: Matcher, diffOf: DiffOf, t: Template): Diff | null {
  const baseId = t.entry?.basedOn;
  if (!baseId) return null;
  const base = m.byId.get(baseId);
  return base ? diffOf(base) : null;
}

function finish(m: Matcher, diffOf: DiffOf, t: Template, match: LicenseInfo['match'],
  confidence: number, d: Diff | null, candidates: LicenseInfo['candidates'], path: string): LicenseInfo {
  const diff = d ?? (match === 'exact' ? null : diffOf(t));
  return {
    id: t.id,
    spdx: t.spdx,
    name: t.name,
    family: t.family,
    version: t.version,
    match,
    confidence: round(Math.min(1, Math.max(0, confidence))),
    additions: diff?.additions ?? [],
    removals: diff?.removals ?? [],
    basedOn: t.entry?.basedOn ?? null,
    candidates: candidates?.filter((c) => c.id !== t.id),
    source: path,
  };
}

/** A standard license header: the license it names, `template`, its preamble (if any) reported as an addition. */
function headerInfo(m: Matcher, h: HeaderMatch, candidates: LicenseInfo['candidates'], path: string): LicenseInfo {
  const t = m.byId.get(h.id);
  return {
    id: h.id, spdx: h.id, name: t?.name ?? h.name, family: t?.family ?? 'other', version: t?.version ?? null, match: 'template',
    confidence: h.preamble || h.skipped ? 0.9 : 0.95, additions: h.preamble ? [h.preamble] : [], removals: [], basedOn: null,
    candidates: candidates?.filter((c) => c.id !== h.id), source: path, header: true,
  };
}

function unknown(path: string, candidates: LicenseInfo['candidates'], confidence = 0): LicenseInfo {
  return {
    id: null, spdx: null, name: null, family: null, version: null, match: 'unknown', confidence,
    additions: [], removals: [], basedOn: null, candidates, source: path,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
