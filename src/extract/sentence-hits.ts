/**
 * Fast path of extractTerms: what the rules found in a sentence (rule index and fields), reused when the
 * same sentence comes again in the same surroundings. The rules read a sentence, its lead-in, the
 * CONSEQUENCE_LOOKAHEAD sentences after it and the SCOPE_LOOKBEHIND before it in its segment (and, for a
 * definition, the sentences that use the term: those are never memoised), so the key holds all of them,
 * each by its number (text-id.ts). Bounded: at most MAX_ENTRIES sentences
 * per rule set and MAX_KEY_CHARS per key; cleared when full. Callers get copies, so a caller changing a
 * term cannot change the memo (test/extract/fastpath.test.ts: same JSON with the fast paths off).
 */
import type { CompiledRules } from './compile.js';
import type { ClauseFields } from './clause/apply.js';
import { textId } from './text-id.js';

export type Hit = { index: number; fields: ClauseFields };

const MAX_ENTRIES = 20_000;
const MAX_KEY_CHARS = 16_384;
const memoOf = new WeakMap<CompiledRules, Map<string, readonly Hit[]>>();

/** The memo key of a sentence in its surroundings, or null when it is too long to keep. */
export function hitsKey(view: string, lead: string | undefined, following: readonly string[], preceding: readonly string[]): string | null {
  let n = view.length + (lead?.length ?? 0);
  for (const t of following) n += t.length;
  for (const t of preceding) n += t.length;
  if (n > MAX_KEY_CHARS) return null;
  // each text by its number (text-id.ts): numbers joined with separators no number contains
  let key = `${lead === undefined ? '-' : textId(lead)}|${textId(view)}|`;
  for (const t of following) key += `${textId(t)},`;
  key += '|';
  for (const t of preceding) key += `${textId(t)},`;
  return key;
}

function copyHit(h: Hit): Hit {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(h.fields)) fields[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  return { index: h.index, fields: fields as ClauseFields };
}

/** The hits stored for `key` (copies), or undefined. */
export function storedHits(rules: CompiledRules, key: string): Hit[] | undefined {
  const hit = memoOf.get(rules)?.get(key);
  return hit ? hit.map(copyHit) : undefined;
}

/** Keeps a copy of `hits` for `key`. */
export function storeHits(rules: CompiledRules, key: string, hits: readonly Hit[]): void {
  let memo = memoOf.get(rules);
  if (!memo) memoOf.set(rules, (memo = new Map()));
  if (memo.size >= MAX_ENTRIES) memo.clear();
  memo.set(key, hits.map(copyHit));
}
