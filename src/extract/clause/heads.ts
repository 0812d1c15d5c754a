/**
 * The object a part is about (its head) and the objects that only name where another comes from ("the outputs of the
 * Model": the Model is the source, the outputs the head). Read by splitParts (parts.ts).
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { wordSet } from './grammar.js';
import { conceptGroup } from './lexicon.js';

/** The object follows "of" or "by" ("the outputs of the Model", "produced by the Model"): it is not the head of its phrase. */
function afterOfBy(t: Tag, toks: Token[]): boolean {
  let i = t.start - 1;
  while (i >= 0 && wordSet('head-determiners').has(toks[i]!.low)) i--;
  return i >= 0 && (toks[i]!.low === 'of' || toks[i]!.low === 'by');
}

/**
 * The object names where another comes from: after "of" / "by" / "with" / "from" ("generated with the Model"), right before
 * another object ("model outputs"), or (Chinese) before 的 / 生成.
 */
export function sourceOf(t: Tag, toks: Token[], live: Tag[]): boolean {
  if (live.some((u) => u.category === 'object' && u.start === t.end)) return true;
  // coordinated with the outputs ("uses of the Model and its outputs"): both are named
  let j = t.end;
  if (toks[j]?.low === ',') j++;
  if (toks[j] && wordSet('coordinators').has(toks[j]!.low)) {
    j++;
    while (j < toks.length && wordSet('head-determiners').has(toks[j]!.low)) j++;
    if (live.some((u) => u.category === 'object' && u.concept === 'output' && u.start === j)) return false;
  }
  // (over determiners and up to two words the lexicons do not know: "the outputs of the Acme model")
  let i = t.start - 1;
  let names = 0;
  const untagged = (k: number) => toks[k]!.word && !wordSet('source-prepositions').has(toks[k]!.low) && !wordSet('coordinators').has(toks[k]!.low) && !live.some((u) => u.start <= k && k < u.end);
  while (i >= 0 && (wordSet('head-determiners').has(toks[i]!.low) || (names < 2 && untagged(i) && ++names))) i--;
  if (i >= 0 && wordSet('source-prepositions').has(toks[i]!.low)) return true;
  // coordinated with a source ("the outputs of the Model or its derivatives")
  if (i > 0 && wordSet('coordinators').has(toks[i]!.low)) {
    const k = toks[i - 1]!.low === ',' ? i - 1 : i;
    const prev = live.find((u) => u.category === 'object' && u.end === k && u.concept !== 'output');
    if (prev && t.concept !== 'output' && sourceOf(prev, toks, live)) return true;
    // ... or with a source named by a name the lexicons do not know ("output from Acme Zephyr or any derivatives")
    let m = k - 1, unknown = 0;
    while (m >= 0 && unknown < 4 && untagged(m)) { m--; unknown++; }
    if (!prev && unknown > 0 && t.concept !== 'output' && m >= 0 && wordSet('source-prepositions').has(toks[m]!.low)) return true;
  }
  const next = toks[t.end]?.low;
  return next !== undefined && wordSet('zh-source-after').has(next) && /\p{Script=Han}/u.test(next);
}

/**
 * The first object after the first action; else (a passive: "Outputs of the Model may be used") the subject's head, the
 * last object before the action that does not follow "of" / "by" ("This Open Model Use Policy may be updated": policy).
 */
export function headObject(live: Tag[], toks: Token[]): string | undefined {
  const notAct = conceptGroup('not-an-act');
  const action = live.find((t) => t.category === 'action' && !notAct.has(t.concept));
  const objects = live.filter((t) => t.category === 'object');
  const after = action ? objects.find((t) => t.start >= action.end) : undefined;
  if (after) return after.concept;
  const before = objects.filter((t) => (!action || t.start < action.start) && !afterOfBy(t, toks));
  return before[before.length - 1]?.concept ?? objects[0]?.concept;
}
