/**
 * The line between `modified` and `similar`. A text close to a catalog entry is
 * that entry `modified` when it is the entry's text with changes; it is
 * `similar` (another license built on the same template) when it names itself
 * differently: the passages it adds to the entry's text in its title block
 * (the leading short lines: name, version, release date) carry a version
 * number, a date or a license/model name. A changed version in the body alone
 * (one "Llama 3.1" edited to "3.9") is a modification of the entry. A `similar` text is never reported as the entry: its
 * name and version are read from the text itself, and the entry is only its
 * `closest`.
 */
import { vetoAdditions } from './veto.js';
import type { Passage } from '../types.js';

/** Lines read for the text's own name and version. */
const HEAD_LINES = 12;
const MAX_TITLE = 120;

// bounded, linear patterns
const NUMBER_VERSION = /\b(?:version|ver\.?|v\.?)\s{0,3}(\d{1,3}(?:\.\d{1,3}){0,3})\b|\b(\d{1,3}\.\d{1,3}(?:\.\d{1,3}){0,2})\b/gi;
const DATE_ISO = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g;
const DATE_MDY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})\b/gi;
const DATE_DMY = /\b(\d{1,2})(?:st|nd|rd|th)?\s{1,3}(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?\s{1,3}(\d{4})\b/gi;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface StatedIdentity {
  name: string | null;
  /** Versions and dates (ISO) the head of the text states, in order. */
  versions: string[];
}

/** Words that mark a line as a license title. */
const TITLE_WORD = /\b(?:licen[cs]e|agreement|terms|policy)\b/i;
const NOTICE_LINE = /^(?:copyright|\(c\)|©)/i;

/** The name (the first head line that reads as a license title, else the first line) and the versions/dates the head states. */
export function statedIdentity(text: string): StatedIdentity {
  const lines = text.split(/\r?\n/, 400).map((l) => l.replace(/^[#>*_\s]{1,10}|[*_\s]{1,10}$/g, '').trim())
    .filter((l) => /[\p{L}\p{N}]/u.test(l) && !NOTICE_LINE.test(l)).slice(0, HEAD_LINES);
  const title = lines.find((l) => l.length <= MAX_TITLE && TITLE_WORD.test(l)) ?? lines[0] ?? '';
  const name = title && title.length <= MAX_TITLE ? title : null;
  return { name, versions: versionsIn(lines.join('\n')) };
}

function versionsIn(s: string): string[] {
  const found: Array<[number, string]> = [];
  for (const m of s.matchAll(DATE_ISO)) found.push([m.index!, iso(m[1]!, Number(m[2]), Number(m[3]))]);
  for (const m of s.matchAll(DATE_MDY)) found.push([m.index!, iso(m[3]!, month(m[1]!), Number(m[2]))]);
  for (const m of s.matchAll(DATE_DMY)) found.push([m.index!, iso(m[3]!, month(m[2]!), Number(m[1]))]);
  const dated = new Set(found.map(([i]) => i));
  for (const m of s.matchAll(NUMBER_VERSION)) if (!dated.has(m.index!)) found.push([m.index!, (m[1] ?? m[2])!]);
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, v]) => v))];
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function iso(y: string, mo: number, d: number): string {
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);

export interface SimilarVerdict {
  name: string | null;
  version: string | null;
  reasons: string[];
}

/**
 * Is a text close to the catalog entry (`entryName`, `entryVersion`) another
 * license rather than the entry with changes? Returns the text's own name and
 * version when it is, null when it is the entry (modified).
 */
export function judgeSimilar(text: string, entry: { name: string; version: string | null }, additions: Passage[]): SimilarVerdict | null {
  const entryVersion = entry.version;
  const reasons: string[] = [];

  // only the title block names the license: a version, date or name added there makes another license
  const headEnd = titleBlockEnd(text);
  // a heading that only repeats the entry's own name (a card's "## Gemma Terms of Use") names nothing new
  const ownName = squashName(entry.name);
  const head = additions.filter((a) => a.line <= headEnd && !(squashName(a.text) !== '' && ownName.includes(squashName(a.text))));
  // versions and dates the text adds to the entry's wording (the entry's own ones are not additions)
  const added = new Set(head.flatMap((a) => versionsIn(a.text)));
  if ([...added].some(isDate)) reasons.push('adds a date');
  if ([...added].some((v) => !isDate(v))) reasons.push('adds a version number');
  const veto = vetoAdditions(head);
  for (const r of veto.reasons) if (r === "adds another license's name") reasons.push(r);
  if (reasons.length === 0) return null;
  const own = statedIdentity(text);
  const entryIsDate = entryVersion ? isDate(versionsIn(entryVersion)[0] ?? '') : false;
  const mine = own.versions.filter((v) => added.has(v));
  const version = mine.find((v) => isDate(v) === entryIsDate) ?? mine[0] ?? null;
  return { name: own.name, version, reasons: [...new Set(reasons)] };
}

function squashName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Longest line (trimmed) of a title block; the first longer line starts the body. */
const TITLE_BLOCK_LINE = 100;
const TITLE_BLOCK_LINES = 6;

/** 1-based line number of the last line of the leading block of short lines (title, version, date). */
export function titleBlockEnd(text: string): number {
  const lines = text.split(/\r?\n/, 200);
  let end = 0;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '') continue;
    if (l.length > TITLE_BLOCK_LINE || ++seen > TITLE_BLOCK_LINES) break;
    end = i + 1;
  }
  return end;
}
