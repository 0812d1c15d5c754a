/**
 * Names a document defines and then uses, read with their meaning: '"IP Claim" means a lawsuit alleging that the Model
 * infringes a patent' makes "your licence terminates if you file an IP Claim" read as "... file an IP Claim (a lawsuit
 * alleging that the Model infringes a patent)".
 * - Only a name of two words or more, every word capitalised, that the lexicons do not read at all ("IP Claim"): it
 *   carries no meaning of its own, so its definition can only add what the text says. Not one word (mostly a model's or
 *   a company's own name), nor a name the lexicons read ("Commercial Use", "Derivative Works").
 * - The gloss is the definition up to its first comma, semicolon or full stop, at most GLOSS_WORDS words, with no
 *   quotes, naming things, acts and qualifiers only: no grant, duty or negation, and not headed by the licensed model
 *   itself ('"Tencent Hunyuan" shall mean the large language models ...' names the model, not another one).
 * - A use inside quotes is left as written ('"Built with Acme Chat"').
 * Rules read the gloss in the sentence's view; evidence still quotes the sentence as written.
 */
import { readClause } from './clause/reader.js';

/** A sentence that defines a name: '"Term" means ...', '(a) "Term" shall mean ...' (the engine reads it too). */
export const DEFINITION = /^(?:\(?[a-z0-9]{1,4}[.)]\s+)?["“](?<term>[A-Z][^"”\n]{0,60}?)["”]\s*(?::\s*)?(?:shall\s+mean|means|refers\s+to|is\s+defined\s+as)\b/;

const CAPITALISED = /^\p{Lu}[\p{L}\p{N}-]*$/u;
const WORD_CHAR = /[\p{L}\p{N}_-]/u;
const PAREN_NEXT = /^\s*\(/;
const SPACES = /\s+/;
/** Every regex of this file, proven by recheck (test/extract/clause-redos.test.ts). */
export const DEFINED_NAME_PATTERNS: readonly RegExp[] = [DEFINITION, CAPITALISED, WORD_CHAR, PAREN_NEXT, SPACES];

/** Longest gloss, in words; longest name, in words. */
const GLOSS_WORDS = 14;
const NAME_WORDS = 4;
/** At most this many names are glossed per document (a glossary of hundreds of entries is read as written). */
const MAX_NAMES = 40;

/** The tag categories a gloss may not carry: what grants, binds, negates, limits, conditions or supposes. */
const NOT_IN_GLOSS = new Set(['grant', 'duty', 'negation', 'prohibit', 'cancel', 'only', 'marker', 'definition', 'hypothetical']);
/** What a license's own definitions name: the licensed model and its derivatives are read by their own words. */
const LICENSED = new Set(['model', 'other-model', 'derivative']);

/** Where a gloss ends; STOPS also where none can be taken (a list, a quote, a parenthesis: "means the following:"). */
const ENDS = new Set([',', ';', '.', '，', '；', '。']);
const STOPS = new Set([...ENDS, ':', '(', ')', '"', '“', '”']);

function gloss(body: string): string | undefined {
  let end = 0;
  while (end < body.length && !STOPS.has(body[end]!)) end++;
  if (end < body.length && !ENDS.has(body[end]!)) return undefined;
  const words = body.slice(0, end).trim().split(SPACES).filter(Boolean);
  if (!words.length || words.length > GLOSS_WORDS) return undefined;
  const text = words.join(' ');
  // a gloss that grants, binds or negates, or whose head is the licensed thing itself, is not read into other sentences
  const tags = readClause(text).tags;
  const head = tags.find((t) => t.category === 'object' || t.category === 'action' || t.category === 'qualifier' || t.category === 'metric');
  return tags.some((t) => NOT_IN_GLOSS.has(t.category)) || (head?.category === 'object' && LICENSED.has(head.concept)) ? undefined : text;
}

/** A name of capitalised words that the reader tags nowhere. */
function unreadName(name: string): boolean {
  const words = name.split(SPACES);
  if (words.length < 2 || words.length > NAME_WORDS || !words.every((w) => CAPITALISED.test(w))) return false;
  return readClause(name).tags.length === 0;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

/** Position `at` of view is inside quotes (a quoted phrase is quoted as written: '"Built with Acme"'). */
function quoted(view: string, at: number): boolean {
  let plain = 0;
  let open = -1;
  let close = -1;
  for (let k = 0; k < at; k++) {
    const c = view[k];
    if (c === '"') plain++;
    else if (c === '“') open = k;
    else if (c === '”') close = k;
  }
  return plain % 2 === 1 || open > close;
}

/** view with each use of name (not the quoted one of its definition) followed by " (gloss)". */
function glossUses(view: string, name: string, text: string): string {
  let out = '';
  let last = 0;
  for (let at = view.indexOf(name); at >= 0; at = view.indexOf(name, at + name.length)) {
    const end = at + name.length;
    // a whole name, not one quoted (another definition of it) nor already followed by a parenthesis
    if (isWordChar(view[at - 1]) || isWordChar(view[end]) || quoted(view, at) || PAREN_NEXT.test(view.slice(end, end + 3))) continue;
    const endS = view[end] === 's' && !isWordChar(view[end + 1]) ? end + 1 : end;
    out += `${view.slice(last, endS)} (${text})`;
    last = endS;
  }
  return last === 0 ? view : out + view.slice(last);
}

/** The views with every use of a defined unknown name glossed; the same array when the document defines none. */
export function glossDefinedNames(views: string[]): string[] {
  const defs: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < views.length && defs.length < MAX_NAMES; i++) {
    const m = DEFINITION.exec(views[i]!);
    const name = m?.groups?.term?.trim();
    if (!m || !name || defs.some((d) => d.name === name)) continue;
    const text = gloss(views[i]!.slice(m[0].length));
    if (text !== undefined && unreadName(name)) defs.push({ name, text });
  }
  if (!defs.length) return views;
  return views.map((v) => {
    let out = v;
    for (const d of defs) if (out.includes(d.name)) out = glossUses(out, d.name, d.text);
    return out;
  });
}
