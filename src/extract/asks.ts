/**
 * Sentences that grant nothing whatever words they hold: a question ("Can I use the model commercially?", "May I sell
 * products built on it?") and a heading ("Permitted Uses of the Model", "License to Use, Modify and Distribute"). A
 * heading is a markdown heading, or a short line of its own that ends with no punctuation, has no modal word and writes
 * its words in title case. A list item under a lead-in ("You may:" / "- Commercial use") is not a heading.
 * The engine drops permission terms and terms of kind other read in them (engine.ts: "Which country's law governs this
 * license?", "Changes to this Licence" state no governing law and no right to change the terms), and duties read in a
 * question ("Is registration required?", "Do I have to credit you?" state no duty); restrictions, thresholds and
 * terminations are still read (fail closed).
 */
import { wordSet } from './clause/grammar.js';

/** Longest heading, in words; the words a heading does not hold and a title's small words: grammar.yaml. */
const MAX_HEADING_WORDS = 8;

/** The sentence asks (ends with a question mark). */
export function asks(text: string): boolean {
  return /[?？]$/.test(text.trim());
}

/** Whether a sentence without a lead-in names (a heading), per text, once decided (bounded: cleared when full). */
const NAMES_MAX = 20_000;
const namesMemo = new Map<string, boolean>();

export function asksOrNames(text: string, lead: string | undefined, segmentKind: string | undefined): boolean {
  const t = text.trim();
  if (asks(t)) return true;
  if (lead !== undefined) return false;
  if (segmentKind === 'heading') return true;
  let v = namesMemo.get(t);
  if (v === undefined) {
    v = names(t);
    if (namesMemo.size >= NAMES_MAX) namesMemo.clear();
    namesMemo.set(t, v);
  }
  return v;
}

/** A short line of its own that ends with no punctuation, has no modal word and writes its words in title case. */
function names(t: string): boolean {
  if (/[.!;:。；：！,，]$/.test(t) || /\p{Script=Han}/u.test(t)) return false;
  const words = t.replace(/^(?:\(?[0-9a-z]{1,4}[.)]|[-*•])\s+/i, '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length || words.length > MAX_HEADING_WORDS) return false;
  if (words.some((w) => wordSet('statement-words').has(w.toLowerCase().replace(/[^\p{L}']/gu, '')))) return false;
  return words.every((w, i) => {
    const bare = w.replace(/^[^\p{L}]+/u, '');
    return /^\p{Lu}/u.test(bare) || (i > 0 && wordSet('title-small-words').has(bare.toLowerCase().replace(/[^\p{L}]/gu, '')));
  });
}
