/**
 * Fail closed on changes: every passage added to a known template says which
 * terms it carries, every template term missing from the text is reported, and
 * whatever the reader cannot account for becomes an "unaccounted" warning that
 * makes the result unknown (README "Fail closed").
 *
 * An added passage is accounted for when it is harmless by nature (a copyright
 * line, a link, a version stamp, a new title: data/lexicons/changes.yaml) and has
 * no restrictive word, or when the reader
 * found a term in it — and, if it contains a restrictive word ("only", "not",
 * "commercial", ...), a term that is not a mere permission. Terms already in the
 * template do not explain an edit inside a template sentence.
 */
import { z } from 'zod';
import { termKey } from '../extract/engine.js';
import { loadLexicon } from '../lexicon.js';
import { foldForReading } from '../parse/fold.js';
import { splitSentences } from '../parse/sentences.js';
import type { Passage, Sentence, Term, TermRef, Warning } from '../types.js';
import type { DocumentAnalysis } from './document.js';

export const ChangesLexiconSchema = z.object({
  restrictive: z.array(z.string().min(1)).min(1),
  harmless: z.array(z.string().min(1)),
}).strict();

interface Lexicon { words: Set<string>; stems: string[]; phrases: string[][]; harmless: RegExp[] }
let lex: Lexicon | null = null;

/** The compiled lexicon (exported for the ReDoS proof of its patterns). */
export function changesLexicon(): Lexicon {
  if (lex) return lex;
  const raw = loadLexicon('changes', ChangesLexiconSchema);
  const words = new Set<string>();
  const stems: string[] = [];
  const phrases: string[][] = [];
  for (const w of raw.restrictive) {
    const lw = w.toLowerCase();
    if (lw.includes(' ')) phrases.push(lw.split(/\s+/));
    else if (lw.endsWith('*')) stems.push(lw.slice(0, -1));
    else words.add(lw);
  }
  lex = { words, stems, phrases, harmless: raw.harmless.map((p) => new RegExp(p, 'i')) };
  return lex;
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];

/** Does the text contain a restrictive word of the lexicon? */
export function hasRestrictiveWord(text: string): boolean {
  const l = changesLexicon();
  const ws = wordsOf(foldForReading(text).text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (l.words.has(w) || l.stems.some((s) => w.startsWith(s))) return true;
    if (l.phrases.some((p) => p.every((x, j) => ws[i + j] === x))) return true;
  }
  return false;
}

/** Every non-empty line of the passage is harmless by nature. */
export function isHarmless(text: string): boolean {
  const l = changesLexicon();
  const lines = foldForReading(text).text.split('\n').map((x) => x.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((line) => line.length <= 400 && l.harmless.some((re) => re.test(line)));
}

const squash = (text: string) => wordsOf(foldForReading(text).text).join(' ');

export const termRef = (t: Term, line = t.evidence.line): TermRef => ({
  kind: t.kind,
  name: t.name,
  ...(typeof t.value === 'number' ? { value: t.value } : {}),
  ...(t.text ? { text: t.text } : {}),
  line,
});

interface Span { s: Sentence; from: number; to: number; terms: Term[] }

/** Sentences with the lines they span (up to the next sentence) and the terms found in each. */
function spans(d: DocumentAnalysis): Span[] {
  const sentences = d.sentences ?? splitSentences(d.doc);
  const lastLine = lineCount(d.src.text);
  // the terms of each sentence start (line, column), in the document's order
  const at = new Map<string, Term[]>();
  for (const t of d.terms) {
    const k = `${t.evidence.line}:${t.evidence.column}`;
    const list = at.get(k);
    if (list) list.push(t); else at.set(k, [t]);
  }
  return sentences.map((s, i) => {
    const next = sentences[i + 1];
    const to = next ? Math.max(s.line, next.column > 1 ? next.line : next.line - 1) : lastLine;
    return { s, from: s.line, to, terms: at.get(`${s.line}:${s.column}`) ?? [] };
  });
}

/** Number of lines of a text (as text.split('\n').length counts them). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface Accounting {
  passages: Passage[];
  /** Warnings for what could not be accounted for (each fails the default policy). */
  unaccounted: Warning[];
  /** Informational warnings (a template term changed to a value the reader found). */
  notes?: Warning[];
}

/**
 * Accounts for added passages of one document. `templateKeys` are the term keys
 * of the template (empty for a document with no template: every passage is new).
 */
export function accountAdditions(d: DocumentAnalysis, additions: Passage[], templateKeys: Set<string>, strict = true): Accounting {
  if (!additions.length) return { passages: [], unaccounted: [] };
  const sp = spans(d);
  const lines = d.src.text.split('\n');
  const titleLine = lines.findIndex((l) => l.trim() !== '') + 1;
  const unaccounted: Warning[] = [];
  const passages = additions.map((a) => {
    const added = squash(a.text);
    const counted: Term[] = [];
    let touched = 0;
    for (const x of sp) {
      if (x.from > a.endLine || x.to < a.line || !x.terms.length) continue;
      touched += x.terms.length;
      const sentence = squash(x.s.text);
      const own = added.includes(sentence) || (added.length * 2 >= sentence.length && sentence.includes(added));
      for (const t of x.terms) if (own || !templateKeys.has(termKey(t))) counted.push(t);
    }
    const restrictive = hasRestrictiveWord(a.text);
    // a changed title (the first line) is a name, unless it reads as restrictive
    // harmless by nature is judged on the whole lines (the added words alone may be a fragment of a URL)
    const whole = lines.slice(a.line - 1, a.endLine).join('\n');
    const harmless = !restrictive && (isHarmless(whole) || (a.line === titleLine && a.endLine === titleLine));
    // restrictive wording must be read as a term that is not a permission of the template; other wording
    // is explained by any term of the sentences it touches (a number respelled inside the threshold sentence).
    // strict (license files): a passage touching no term is unexplained; lenient (NOTICE, use policy): only restrictive wording
    const explained = harmless || (restrictive
      ? counted.some((t) => t.kind !== 'permission')
      : counted.length > 0 || touched > 0 || !strict);
    if (!explained) {
      const why = counted.length
        ? `it reads as restrictive but only permissions were recognised in it (${[...new Set(counted.map((t) => t.name))].join(', ')})`
        : 'no term was recognised in it';
      unaccounted.push({
        code: 'UNEXPLAINED_CHANGE',
        message: `passage added at lines ${a.line}-${a.endLine} of ${d.src.path} cannot be accounted for: ${why}: "${excerpt(a.text)}"`,
        path: d.src.path,
        line: a.line,
      });
    }
    return { ...a, terms: counted.map((t) => termRef(t)), explained };
  });
  return { passages, unaccounted };
}

/**
 * A document with no template (an unidentified second license, NOTICE or use
 * policy): every paragraph is an addition. `strict` (license files): a paragraph
 * with no recognised term is unexplained; otherwise only restrictive wording is.
 */
export function accountWholeDocument(d: DocumentAnalysis, strict: boolean): Accounting {
  const passages: Passage[] = d.doc.segments
    .filter((seg) => seg.kind !== 'code' && seg.text.trim())
    .map((seg) => {
      const endLine = seg.lineStarts.length ? seg.lineStarts[seg.lineStarts.length - 1]!.line : seg.line;
      return { line: seg.line, endLine, text: seg.text, words: wordsOf(seg.text).length };
    });
  return accountAdditions(d, passages, new Set(), strict);
}

/**
 * Template terms missing from the text: each is attached to the removal nearest
 * its place in the template (by relative position), and each is an unaccounted
 * warning — a deleted threshold, or a term the reader could not find again.
 */
export function accountRemovals(
  d: DocumentAnalysis, removals: Passage[], template: Term[], templateId: string, templateLines: number,
): Accounting {
  const present = new Set(d.terms.map(termKey));
  const templateKeys = new Set(template.map(termKey));
  // a text term of the same kind and name that the template does not have: the template term was changed, and read
  const replacements = d.terms.filter((t) => !templateKeys.has(termKey(t)));
  const seen = new Set<string>();
  const changed: Array<{ from: Term; to: Term }> = [];
  const missing = template.filter((t) => {
    const k = termKey(t);
    if (present.has(k) || seen.has(k)) return false;
    seen.add(k);
    const i = replacements.findIndex((r) => r.kind === t.kind && r.name === t.name);
    if (i >= 0) { changed.push({ from: t, to: replacements[i]! }); replacements.splice(i, 1); return false; }
    return true;
  });
  const passages = removals.map((r) => ({ ...r, terms: [] as TermRef[] }));
  const unaccounted: Warning[] = [];
  const inputLines = Math.max(1, lineCount(d.src.text));
  for (const t of missing) {
    const rel = t.evidence.line / Math.max(1, templateLines);
    let best: (typeof passages)[number] | undefined;
    for (const p of passages) {
      if (!best || Math.abs(p.line / inputLines - rel) < Math.abs(best.line / inputLines - rel)) best = p;
    }
    best?.terms.push(termRef(t));
    const what = describeTerm(t);
    unaccounted.push({
      code: 'TEMPLATE_TERM_REMOVED',
      message: `${d.src.path} is ${templateId} with changes, but the template's ${what} (its line ${t.evidence.line}) is not in this text${best ? ` (text removed near line ${best.line})` : ''}: have the change reviewed`,
      path: d.src.path,
      line: best?.line ?? 1,
    });
  }
  const notes: Warning[] = changed.map(({ from, to }) => ({
    code: 'TEMPLATE_TERM_CHANGED',
    message: `${d.src.path} changes the template's ${describeTerm(from)} (${templateId}, its line ${from.evidence.line}) to ${describeTerm(to)}: the text's value applies`,
    path: d.src.path,
    line: to.evidence.line,
  }));
  return { passages: passages.map((p) => ({ ...p, explained: p.terms.length === 0 })), unaccounted, notes };
}

function describeTerm(t: Term): string {
  return t.kind === 'threshold' ? `threshold ${t.name} ${t.comparator ?? ''} ${t.value ?? '?'}` : `${t.kind} ${t.name}${t.text ? ` "${t.text}"` : ''}`;
}

function excerpt(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
