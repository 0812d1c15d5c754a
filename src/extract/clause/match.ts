/**
 * Evaluates a rule's clause form against the parts the reader found in a sentence.
 */
import type { ClauseCond, PartCond, Clause, NoneCond } from './schema.js';
import type { Part } from './parts.js';
import type { Token } from './tokens.js';
import { quotesInSpan } from './quoted.js';
import { grantedActions, grantStated } from './granted.js';
import { HAN } from './tokens.js';

/** The words of a part, built once per part (many rules ask). */
const partWords = new WeakMap<Part, Set<string>>();

/** The actions a part's grant can be about (granted.ts), built once per part. */
const partGranted = new WeakMap<Part, Set<string>>();
function granted(p: Part, toks: Token[]): Set<string> {
  let g = partGranted.get(p);
  if (!g) partGranted.set(p, (g = grantedActions(p.tags, toks, toks.some((t) => HAN.test(t.low)))));
  return g;
}

const anyOf = (want: string[] | undefined, have: Set<string>) => !want || want.some((w) => have.has(w));
const noneOf = (want: string[] | undefined, have: Set<string>) => !want || !want.some((w) => have.has(w));

function partMeets(c: PartCond, p: Part, toks: Token[], defaultRole: Part['role']): boolean {
  if (c.role ? !c.role.includes(p.role) : p.role !== defaultRole) return false;
  if (c.modality && !c.modality.includes(p.modality ?? 'none')) return false;
  if (c.only !== undefined && c.only !== p.only) return false;
  if (c.grantWord && p.grantNounOnly && !grantStated(p.tags, toks)) return false;
  if (c.negated !== undefined && c.negated !== p.negated) return false;
  if (c.lead !== undefined && c.lead !== p.lead) return false;
  if (c.noMainObject && c.noMainObject.some((o) => p.mainObjects.has(o))) return false;
  if (c.noHead && p.head !== undefined && c.noHead.includes(p.head)) return false;
  if (c.actor && !c.actor.includes(p.actor ?? 'none')) return false;
  if (c.notActor && c.notActor.includes(p.actor ?? 'none')) return false;
  if (!anyOf(c.action, p.actions) || !anyOf(c.object, p.objects) || !anyOf(c.qualifier, p.qualifiers) || !anyOf(c.metric, p.metrics)) return false;
  if (!noneOf(c.noQualifier, p.qualifiers) || !noneOf(c.noAction, p.actions) || !noneOf(c.noObject, p.objects) || !noneOf(c.noMetric, p.metrics)) return false;
  if (!anyOf(c.andAction, p.actions) || !anyOf(c.andObject, p.objects)) return false;
  if (c.grantAction && !anyOf(c.grantAction, granted(p, toks))) return false;
  if (p.definition && c.definition !== true) return false;
  if (p.hypothetical && c.hypothetical !== true) return false;
  if (c.quoted !== undefined && c.quoted !== quotesInSpan(toks, p.start, p.end)) return false;
  if (c.word || c.noWord || c.andWord) {
    let words = partWords.get(p);
    if (!words) partWords.set(p, (words = new Set(toks.slice(p.start, p.end).map((t) => t.low))));
    if (c.word && !c.word.some((w) => words!.has(w))) return false;
    if (c.noWord && c.noWord.some((w) => words!.has(w))) return false;
    if (c.andWord && !c.andWord.some((w) => words!.has(w))) return false;
  }
  return true;
}

/** A `none` constraint holds: some part meets it and no other part meets one of its `without`. */
function vetoes(c: NoneCond, parts: Part[], toks: Token[]): boolean {
  return parts.some((p) => partMeets(c, p, toks, p.role)
    && !(c.without && parts.some((q) => c.without!.some((w) => partMeets(w, q, toks, q.role)))));
}

/**
 * The parts that make the clause hold (empty when it does not), given the first token an item's match must reach (0 without a
 * lead-in). `any`: the alternatives of clause.any worth a look (the fast path leaves out those the sentence cannot meet).
 */
export function clauseMatches(clause: Clause, parts: Part[], toks: Token[], minToken = 0, any: readonly ClauseCond[] = clause.any): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (p.end <= minToken) continue;
    const ok = any.some((c: ClauseCond) => {
      if (!partMeets(c, p, toks, 'main')) return false;
      if (c.exception && !parts.some((q) => q !== p && q.role === 'exception' && partMeets(c.exception!, q, toks, 'exception'))) return false;
      if (c.condition && !parts.some((q) => q !== p && q.role === 'condition' && partMeets(c.condition!, q, toks, 'condition'))) return false;
      if (c.with && !parts.some((q) => q !== p && partMeets(c.with!, q, toks, q.role))) return false;
      return true;
    });
    if (ok) out.push(p);
  }
  // a veto is looked for only once some part meets the clause (most sentences meet none)
  if (out.length && clause.none.some((c) => vetoes(c, parts, toks))) return [];
  return out;
}
