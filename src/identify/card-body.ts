/**
 * What the markdown body of a model card says about its license:
 * - a license text it carries (a section under a license heading, or the whole
 *   body), identified like a LICENSE file;
 * - license names (catalog names and their variants, `hf` names written with
 *   spaces, the Hub's and SPDX's full names, data/card-body.yaml) and
 *   attribution marks ("Built with ..."), each with its line and whether the
 *   sentence says the model is under it ("governed by", "License:", a license section);
 * - model ids (`org/name`) it mentions, for lineage checks.
 * Everything keyed on data and the catalog, nothing on a particular license.
 */
import { createRequire } from 'node:module';
import { listCatalog, getCatalogEntry } from '../catalog/index.js';
import { isCurrentSpdxId, lookupSpdxId } from '../parse/spdx.js';
import type { LicenseInfo, ParsedDocument } from '../types.js';
import { cardBodyData } from './card-body-data.js';
import { catalogByName, hubTable } from './card-names.js';
import { addPhrase, findPhrases, newPhraseIndex, phraseWords, tokenize, type PhraseIndex } from './card-phrases.js';
import { identifyText } from './identify.js';
import { resolveDeclared } from './declared.js';
import { lastAtOrBefore } from '../sorted.js';

const require = createRequire(import.meta.url);

export interface CardBodyText {
  /** The card's text with everything outside the license passage blanked (line numbers kept). */
  text: string;
  startLine: number;
  endLine: number;
  /** The heading of the section it came from, or null for the whole body. */
  heading: string | null;
  license: LicenseInfo;
}

export interface BodyLicense {
  /** Catalog id or SPDX id named. */
  ids: string[];
  line: number;
  /** What names it: a license name, or an attribution mark the license requires. */
  kind: 'name' | 'mark';
  /** The catalog's or SPDX's own wording of what matched (never the input text). */
  label: string;
  /** The sentence says the model is under it: a governing cue before the name in the same sentence, no veto cue. */
  governs: boolean;
  /** Named (not vetoed) in a section under a license heading. */
  inLicenseSection: boolean;
}

export interface CardBodyScan {
  text: CardBodyText | null;
  licenses: BodyLicense[];
  modelIds: Array<{ id: string; line: number }>;
}

/** An attribution mark and the licenses that require it (from the catalog's terms). */
export interface Mark { text: string; ids: string[] }

const MAX_NAMES = 200;
/** License sections identified at most (the longest ones). */
const MAX_SECTIONS = 2;
const MAX_MODEL_IDS = 200;
const MAX_ID_PART = 96;
const MATCH_RANK: Record<string, number> = { exact: 4, template: 3, modified: 2, similar: 1 };
/** A body without a license section is identified as a whole only up to this size (license texts are far smaller). */
const MAX_WHOLE_BODY = 128 * 1024;
/** A whole body (not a license section) counts as a license text only this close to a catalog text. */
const MIN_WHOLE_BODY_CONFIDENCE = 0.8;

type Named = { id: string; label: string };
let nameIndex: PhraseIndex<Named> | null = null;

function qualifies(words: string[]): boolean {
  const d = cardBodyData();
  return words.length >= 2 && words.some((w) => d.licenseWords.includes(w)) && words.some((w) => !d.genericWords.includes(w) && !/^\d/.test(w));
}

function addName(index: PhraseIndex<Named>, phrase: string, n: Named): void {
  const words = phraseWords(phrase);
  if (qualifies(words)) addPhrase(index, words, n);
}

/** Variants of a catalog name: without a parenthesized part, without a trailing "agreement", with or without the publisher's first word. */
function nameVariants(name: string, publisher: string): string[] {
  const base = name.replace(/\([^()]{0,80}\)/g, ' ').trim();
  const out = new Set([name, base]);
  const pub = phraseWords(publisher)[0];
  for (const v of [...out]) {
    const w = phraseWords(v);
    if (w[w.length - 1] === 'agreement') out.add(w.slice(0, -1).join(' '));
  }
  for (const v of [...out]) {
    const w = phraseWords(v);
    if (pub && w[0] === pub) out.add(w.slice(1).join(' '));
    else if (pub) out.add([pub, ...w].join(' '));
  }
  return [...out];
}

function names(): PhraseIndex<Named> {
  if (nameIndex) return nameIndex;
  const index = newPhraseIndex<Named>();
  for (const e of listCatalog()) {
    if (e.kind !== 'license') continue;
    for (const v of nameVariants(e.name, e.publisher)) addName(index, v, { id: e.id, label: e.name });
    for (const h of e.hf) if (h.includes(' ')) addName(index, h, { id: e.id, label: e.name });
  }
  for (const h of hubTable().data.licenses) {
    const id = h.catalog ?? h.spdx;
    if (id) addName(index, h.name, { id, label: h.name });
  }
  const spdxNames = require('spdx-license-list') as Record<string, { name: string }>;
  for (const [id, { name }] of Object.entries(spdxNames)) if (isCurrentSpdxId(id)) addName(index, name, { id, label: name });
  for (const n of cardBodyData().names) {
    const label = getCatalogEntry(n.id)?.name ?? spdxNames[n.id]?.name ?? n.id;
    addName(index, n.phrase, { id: n.id, label });
  }
  // a name several entries share (the dated Gemma terms) is settled by the catalog's hf names when they say which
  for (const list of index.byFirst.values()) {
    for (const p of list) {
      if (p.values.length < 2) continue;
      const hit = catalogByName(p.words.join(' '));
      const one = hit?.entries.length === 1 ? p.values.find((v) => v.id === hit.entries[0]!.id) : undefined;
      if (one) p.values = [one];
    }
  }
  return (nameIndex = index);
}

/** Line number (1-based) of each offset, by a sorted list of line starts. */
function lineOf(starts: number[], off: number): number {
  return lastAtOrBefore(starts.length, (i) => starts[i]!, off) + 1;
}

interface Section { heading: string; level: number; start: number; end: number; license: boolean }

function headingLevel(line: string, next: string | undefined): number {
  let n = 0;
  while (line[n] === '#' && n < 7) n++;
  if (n > 0) return n;
  return next !== undefined && next.trimStart().startsWith('=') ? 1 : 2;
}

/** Sections of the body: each heading to the next heading of the same or a higher level (one pass, a stack of open sections). */
function sections(doc: ParsedDocument, lines: string[], bodyStartLine: number): Section[] {
  const words = cardBodyData().licenseHeadings;
  const out: Section[] = [];
  const open: Section[] = [];
  for (const h of doc.segments) {
    if (h.kind !== 'heading' || h.line < bodyStartLine) continue;
    const level = headingLevel(lines[h.line - 1] ?? '', lines[h.line]);
    while (open.length && open[open.length - 1]!.level >= level) open.pop()!.end = h.line - 1;
    const sec: Section = { heading: h.text, level, start: h.line, end: lines.length, license: phraseWords(h.text).some((w) => words.includes(w)) };
    out.push(sec);
    open.push(sec);
  }
  return out;
}

function blanked(lines: string[], start: number, end: number): string {
  return '\n'.repeat(start - 1) + lines.slice(start - 1, end).join('\n');
}

const wordCount = (lines: string[], start: number, end: number) => {
  let n = 0;
  for (let l = start - 1; l < end; l++) for (const w of (lines[l] ?? '').split(/\s+/)) if (w) n++;
  return n;
};

function findLicenseText(doc: ParsedDocument, lines: string[], starts: number[], bodyStartLine: number, secs: Section[], legalWords: number): CardBodyText | null {
  const min = cardBodyData().minLicenseWords;
  // the two longest license sections (identification is linear in the text: at most ~2x the body is read)
  const cands: Array<{ start: number; end: number; heading: string | null }> = secs
    .filter((s) => s.license && wordCount(lines, s.start, s.end) >= min)
    .sort((a, b) => (b.end - b.start) - (a.end - a.start))
    .slice(0, MAX_SECTIONS)
    // the heading is the card's structure, not the license's title (a "## License" heading above "MIT License" is no added text)
    .map((s) => ({ start: s.start + 1, end: s.end, heading: s.heading }));
  const bodyChars = doc.text.length - (starts[bodyStartLine - 1] ?? 0);
  if (cands.length === 0 && bodyChars <= MAX_WHOLE_BODY && legalWords >= cardBodyData().minLegalWords && wordCount(lines, bodyStartLine, lines.length) >= min) {
    cands.push({ start: bodyStartLine, end: lines.length, heading: null });
  }
  let best: CardBodyText | null = null;
  for (const c of cands) {
    const text = blanked(lines, c.start, c.end);
    const license = { ...identifyText(text, doc.path), source: doc.path };
    const rank = MATCH_RANK[license.match] ?? 0;
    // a use policy or notice in the body is not the model's license
    const kind = license.id ? getCatalogEntry(license.id)?.kind ?? 'license' : 'license';
    if (rank === 0 || kind !== 'license' || (c.heading === null && rank < 3 && license.confidence < MIN_WHOLE_BODY_CONFIDENCE)) continue;
    const better = !best || rank > (MATCH_RANK[best.license.match] ?? 0) || (rank === MATCH_RANK[best.license.match] && license.confidence > best.license.confidence);
    if (better) best = { text, startLine: c.start, endLine: c.end, heading: c.heading, license };
  }
  return best;
}

function markIndex(marks: Mark[]): PhraseIndex<Named> {
  const words = cardBodyData().markWords;
  const index = newPhraseIndex<Named>();
  for (const m of marks) {
    const w = phraseWords(m.text);
    if (m.text.includes('[') || w.length < 3 || !w.some((x) => words.includes(x))) continue;
    for (const id of m.ids) addPhrase(index, w, { id, label: m.text });
  }
  return index;
}

const ID_CHAR = (c: string | undefined) => c !== undefined && /[A-Za-z0-9._-]/.test(c);

/** `org/name` model ids, found around each `/` (no backtracking regex). */
function modelIds(text: string, from: number, starts: number[]): Array<{ id: string; line: number }> {
  const out = new Map<string, number>();
  for (let i = text.indexOf('/', from); i !== -1 && out.size < MAX_MODEL_IDS; i = text.indexOf('/', i + 1)) {
    let a = i;
    while (a > 0 && i - a < MAX_ID_PART && ID_CHAR(text[a - 1])) a--;
    let b = i + 1;
    while (b < text.length && b - i <= MAX_ID_PART && ID_CHAR(text[b])) b++;
    const org = text.slice(a, i);
    while (b > i + 1 && (text[b - 1] === '.' || text[b - 1] === '-')) b--; // a sentence's full stop is not part of the id
    const name = text.slice(i + 1, b);
    if (!org || !name || org.includes('.')) continue;
    const id = `${org}/${name}`;
    if (!out.has(id)) out.set(id, lineOf(starts, a));
  }
  return [...out].map(([id, line]) => ({ id, line }));
}

/** A license section holding nothing but a license's id or name is at most this many words ("MIT", "Apache License 2.0"). */
const MAX_SECTION_NAME_WORDS = 8;
const MAX_SECTION_NAME_CHARS = 120;
/** License sections read as names at most (each is a `license:` lookup). */
const MAX_SECTION_NAMES = 20;

/**
 * License sections whose whole content is one short paragraph naming a
 * license ("## License\n\nMIT", "[Apache-2.0](LICENSE)"): read like a
 * `license:` value (declared.ts: catalog and Hub ids, SPDX ids, spdx-correct
 * spellings), and counted as governing. Anything else in the section (a
 * sentence, a second paragraph) leaves it to the sentence cues.
 */
function sectionNames(doc: ParsedDocument, secs: Section[]): BodyLicense[] {
  const out: BodyLicense[] = [];
  const spdxNames = require('spdx-license-list') as Record<string, { name: string }>;
  let looked = 0;
  for (const s of secs) {
    if (!s.license || looked >= MAX_SECTION_NAMES) continue;
    // the segments after the heading (in line order): exactly one before the section ends (binary search: linear overall)
    const segs = doc.segments;
    const at = lastAtOrBefore(segs.length, (i) => segs[i]!.line, s.start);
    const k = segs[at] && segs[at]!.line <= s.start ? at + 1 : at;
    const seg = segs[k];
    if (!seg || seg.line > s.end || (segs[k + 1] && segs[k + 1]!.line <= s.end)) continue;
    if (seg.kind === 'heading' || seg.kind === 'code' || seg.text.length > MAX_SECTION_NAME_CHARS) continue;
    const text = seg.text.trim().replace(/[.]$/, '');
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > MAX_SECTION_NAME_WORDS) continue;
    looked++;
    const id = resolveDeclared([text]).resolved;
    if (!id) continue;
    const label = getCatalogEntry(id)?.name ?? spdxNames[id]?.name ?? id;
    out.push({ ids: [id], line: seg.line, kind: 'name', label, governs: true, inLicenseSection: true });
  }
  return out;
}

const SENTENCE_ENDS = ['. ', '.\n', '! ', '? ', '\n\n', '.)'];

/** The lower-cased text from the start of the sentence (within [from, to)) up to `to`. */
function sentenceBefore(text: string, from: number, to: number): string {
  const w = text.slice(from, to).toLowerCase();
  let cut = 0;
  for (const e of SENTENCE_ENDS) cut = Math.max(cut, w.lastIndexOf(e) + (w.lastIndexOf(e) >= 0 ? e.length : 0));
  return w.slice(cut);
}

/** Reads the body of a parsed card (`doc`, body from `bodyStartLine`). `marks`: attribution marks to look for. */
export function scanCardBody(doc: ParsedDocument, bodyStartLine: number, marks: Mark[] = []): CardBodyScan {
  const text = doc.text;
  const lines = text.split('\n');
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const from = starts[Math.min(bodyStartLine, starts.length) - 1] ?? text.length;
  const secs = sections(doc, lines, bodyStartLine);
  const inSection = new Uint8Array(lines.length + 2);
  for (const s of secs) if (s.license) inSection.fill(1, s.start + 1, s.end + 1);
  const inLicenseSection = (line: number) => inSection[line] === 1;
  const d = cardBodyData();
  const tokens = tokenize(text, from);
  const licenses: BodyLicense[] = [];
  const seen = new Set<string>();
  for (const [kind, index] of [['name', names()], ['mark', markIndex(marks)]] as const) {
    for (const hit of findPhrases(index, tokens, MAX_NAMES * 4)) {
      if (licenses.length >= MAX_NAMES) break;
      const line = lineOf(starts, hit.start);
      const before = sentenceBefore(text, Math.max(from, hit.start - d.cueWindow), hit.start);
      const vetoed = d.vetoCues.some((c) => before.includes(c));
      const governs = kind === 'name' && !vetoed && d.governingCues.some((c) => before.includes(c));
      const ids = [...new Set(hit.values.map((v) => lookupSpdxId(v.id)?.id ?? v.id))];
      const key = `${ids.join()}@${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      licenses.push({ ids, line, kind, label: hit.values[0]!.label, governs, inLicenseSection: kind === 'name' && !vetoed && inLicenseSection(line) });
    }
  }
  for (const l of sectionNames(doc, secs)) {
    // the section's only content names it: governing, also when the name index found it there first
    const same = licenses.find((x) => x.kind === 'name' && x.line === l.line && x.ids.join() === l.ids.join());
    if (same) same.governs = true;
    else if (licenses.length < MAX_NAMES) licenses.push(l);
  }
  licenses.sort((a, b) => a.line - b.line);
  const legalWords = new Set(d.legalWords);
  const legal = new Set<string>();
  for (const t of tokens) if (legalWords.has(t.word)) legal.add(t.word);
  return { text: findLicenseText(doc, lines, starts, bodyStartLine, secs, legal.size), licenses, modelIds: modelIds(text, from, starts) };
}
