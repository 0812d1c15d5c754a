/**
 * Free-form license names ("MIT license", "Apache 2.0", "Llama 3 license") ->
 * catalog or SPDX ids, driven by data/license-names.yaml (see its header for
 * the rules). No regular expressions: a character scanner cuts words and
 * clauses, aliases are matched as token runs through a map keyed by first token.
 * A URL in the note that is a catalog license's canonical address or one of its
 * links names that license too.
 */
import { findByUrl } from '../catalog/index.js';
import { licenseNames, type LicenseNames } from './data.js';

export interface NameMatch {
  /** The license id the text names, or null (none named, hedged, code only, or ambiguous). */
  license: string | null;
  /** The clause that named it (normalized words), for evidence. */
  clause?: string;
  /** Why nothing was resolved, or what was skipped. */
  notes: string[];
  /** Restriction phrases the note states itself (data: restrictionPhrases), outside hedged clauses. */
  restrictions: string[];
}

interface Alias { tokens: string[]; license: string }
interface Compiled { first: Map<string, Alias[]>; replace: Map<string, string[]>; hedges: string[][]; restrictions: string[][]; modifiers: Set<string>; code: Set<string>; weights: Set<string> }

let compiled: Compiled | null = null;

function compile(d: LicenseNames): Compiled {
  const replace = new Map(Object.entries(d.replace).map(([k, v]) => [k.toLowerCase(), v.toLowerCase().split(' ').filter(Boolean)]));
  const first = new Map<string, Alias[]>();
  for (const n of d.names) {
    for (const a of n.aliases) {
      const tokens = a.toLowerCase().split(' ');
      const list = first.get(tokens[0]!) ?? [];
      list.push({ tokens, license: n.license });
      list.sort((x, y) => y.tokens.length - x.tokens.length); // longest first
      first.set(tokens[0]!, list);
    }
  }
  return {
    first, replace,
    hedges: d.hedges.map((h) => h.toLowerCase().split(' ')),
    restrictions: d.restrictionPhrases.map((h) => h.toLowerCase().split(' ')),
    modifiers: new Set(d.modifiers.map((w) => w.toLowerCase())),
    code: new Set(d.codeWords.map((w) => w.toLowerCase())),
    weights: new Set(d.weightWords.map((w) => w.toLowerCase())),
  };
}

function table(): Compiled {
  if (!compiled) compiled = compile(licenseNames());
  return compiled;
}

const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 /* . */ || c === 43 /* + */;

/** Lower-cased words of `s` (letters, digits, '.', '+'), trailing dots dropped, spelling variants replaced. */
export function words(s: string, t: Compiled = table()): string[] {
  const out: string[] = [];
  const lower = s.toLowerCase();
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    let w = lower.slice(start, end);
    let e = w.length;
    while (e > 0 && w.charCodeAt(e - 1) === 46) e--;
    let b = 0;
    while (b < e && w.charCodeAt(b) === 46) b++;
    w = w.slice(b, e);
    start = -1;
    if (!w) return;
    const r = t.replace.get(w);
    if (r) out.push(...r);
    else out.push(w);
  };
  for (let i = 0; i < lower.length; i++) {
    if (isWordChar(lower.charCodeAt(i))) { if (start < 0) start = i; }
    else flush(i);
  }
  flush(lower.length);
  return out;
}

const isUrl = (w: string) => w.includes('://') || w.toLowerCase().startsWith('www.');
/** A URL as written, without the punctuation that closes the sentence around it. */
function trimUrl(w: string): string {
  let e = w.length;
  while (e > 0 && ').,;:\'"'.includes(w[e - 1]!)) e--;
  return w.slice(0, e);
}

/** A clause of a note: its words' text (URLs removed), the URLs it had, and the sentence it belongs to. */
export interface Clause { text: string; urls: string[]; sentence: string }

function clause(raw: string, sentence: string): Clause | null {
  const parts = raw.split(/\s+/).filter(Boolean);
  const urls = parts.filter(isUrl).map(trimUrl);
  const text = parts.filter((w) => !isUrl(w)).join(' ');
  return text || urls.length ? { text, urls, sentence } : null;
}

/**
 * Clauses: lines, cut into sentences at '. ', ';' and line ends, and sentences
 * into clauses at ', ' (a name's scope: "Apache 2.0 for code, CC BY-NC for
 * weights"). Hedges apply to the whole sentence.
 */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  for (const line of text.split('\n')) {
    const sentences: string[] = [];
    let cur = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      const next = line[i + 1];
      if ((c === '.' && (next === undefined || next === ' ')) || c === ';') { sentences.push(cur); cur = ''; }
      else cur += c;
    }
    sentences.push(cur);
    for (const sent of sentences) {
      const sentence = sent.split(/\s+/).filter((w) => w && !isUrl(w)).join(' ');
      let part = '';
      for (let i = 0; i < sent.length; i++) {
        const c = sent[i]!;
        if (c === ',' && (i + 1 === sent.length || sent[i + 1] === ' ')) { const x = clause(part, sentence); if (x) out.push(x); part = ''; }
        else part += c;
      }
      const x = clause(part, sentence);
      if (x) out.push(x);
    }
  }
  return out;
}

const hasRun = (ws: string[], run: string[]): boolean => {
  for (let i = 0; i + run.length <= ws.length; i++) {
    let ok = true;
    for (let j = 0; j < run.length && ok; j++) ok = ws[i + j] === run[j];
    if (ok) return true;
  }
  return false;
};

type Scope = 'code' | 'weights' | 'clause';

/** "NAME for ..." scopes the name: the words after "for" up to the next "for" (at most 8). */
function scopeAfter(ws: string[], end: number, t: Compiled): Scope {
  if (ws[end] !== 'for') return 'clause';
  let code = false;
  let weights = false;
  for (let k = end + 1; k < ws.length && k <= end + 8 && ws[k] !== 'for'; k++) {
    if (t.weights.has(ws[k]!)) weights = true;
    else if (t.code.has(ws[k]!)) code = true;
  }
  return weights ? 'weights' : code ? 'code' : 'clause';
}

interface Named { license: string; scope: Scope }

/** License names in one clause's words (longest alias at each position); names right after a modifier word go to `modified`. */
function namesIn(ws: string[], t: Compiled, modified: string[]): Named[] {
  const found: Named[] = [];
  for (let i = 0; i < ws.length; i++) {
    const cands = t.first.get(ws[i]!);
    if (!cands) continue;
    for (const a of cands) {
      if (i + a.tokens.length > ws.length) continue;
      let ok = true;
      for (let j = 1; j < a.tokens.length && ok; j++) ok = ws[i + j] === a.tokens[j];
      if (!ok) continue;
      if (i > 0 && t.modifiers.has(ws[i - 1]!)) modified.push(a.license);
      else found.push({ license: a.license, scope: scopeAfter(ws, i + a.tokens.length, t) });
      i += a.tokens.length - 1;
      break;
    }
  }
  return found;
}

/**
 * The license a free-form note names for the model's weights, or null with the
 * reason. Input is bounded by the caller (a CSV cell).
 */
export function matchLicenseName(text: string): NameMatch {
  const t = table();
  const notes: string[] = [];
  const weightHits: Array<{ license: string; clause: string }> = [];
  const plainHits: Array<{ license: string; clause: string }> = [];
  const restrictions = new Set<string>();
  const modifiedAnywhere = new Set<string>();
  for (const c of clauses(text)) {
    const ws = words(c.text, t);
    const sentence = words(c.sentence, t);
    const hedge = t.hedges.find((h) => hasRun(sentence, h));
    if (!hedge) {
      for (const r of t.restrictions) if (hasRun(ws, r)) restrictions.add(r.join(' '));
    }
    const modified: string[] = [];
    const named = namesIn(ws, t, modified);
    for (const u of c.urls) {
      const e = findByUrl(u);
      if (e && e.kind === 'license') named.push({ license: e.id, scope: 'clause' });
    }
    const clause = ws.join(' ') || c.urls.join(' ');
    for (const m of modified) modifiedAnywhere.add(m);
    if (modified.length) { notes.push(`"${clause}" names a modified ${modified.join(', ')}, which is not ${modified.length > 1 ? 'those licenses' : 'that license'}: not used`); continue; }
    if (!named.length) continue;
    if (hedge) { notes.push(`"${sentence.join(' ')}" is hedged ("${hedge.join(' ')}"): not used`); continue; }
    const aboutWeights = ws.some((w) => t.weights.has(w));
    const aboutCode = ws.some((w) => t.code.has(w));
    for (const n of named) {
      const scope = n.scope === 'clause' ? (aboutWeights ? 'weights' : aboutCode ? 'code' : 'clause') : n.scope;
      if (scope === 'code') notes.push(`"${clause}" names ${n.license} for the code or data, not the weights: not used`);
      else (scope === 'weights' ? weightHits : plainHits).push({ license: n.license, clause });
    }
  }
  const pick = weightHits.length ? weightHits : plainHits;
  const distinct = [...new Set(pick.map((h) => h.license))];
  if (distinct.length === 1 && modifiedAnywhere.has(distinct[0]!)) {
    notes.push(`${distinct[0]} is also named as modified: which one applies is not clear`);
    return { license: null, notes, restrictions: [...restrictions] };
  }
  if (distinct.length === 1) return { license: distinct[0]!, clause: pick[0]!.clause, notes, restrictions: [...restrictions] };
  if (distinct.length > 1) {
    notes.push(`several licenses named (${distinct.join(', ')}): ambiguous`);
    return { license: null, notes, restrictions: [...restrictions] };
  }
  if (!notes.length) notes.push('no license named');
  return { license: null, notes, restrictions: [...restrictions] };
}
