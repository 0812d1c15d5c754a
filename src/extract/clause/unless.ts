/**
 * Terms that stand only where the document states none of the terms a clause rule names (`unlessTerm`,
 * rules/README.md): a right granted for one purpose is a limit to that purpose when no other sentence of the document
 * provides for the use it leaves out. Identical terms keep the first evidence and merge their scopes, as the engine does.
 */
import type { Term } from '../../types.js';

/** A term found by a rule with `unlessTerm`, and that rule's list. */
export interface PendingTerm { term: Term; unless: readonly string[] }

export function unlessTerms(
  pending: PendingTerm[], terms: Term[], keyOf: (t: Term) => string,
  mergeScope: (a: string | undefined, b: string | undefined) => string | undefined,
): Term[] {
  const names = new Set(terms.map((t) => t.name));
  const keys = new Set(terms.map(keyOf));
  const out = new Map<string, Term>();
  for (const { term: t, unless } of pending) {
    const k = keyOf(t);
    if (keys.has(k) || unless.some((n) => names.has(n))) continue;
    const prev = out.get(k);
    if (!prev) { out.set(k, { ...t }); continue; }
    const scope = mergeScope(prev.scope, t.scope);
    if (scope) prev.scope = scope;
  }
  return [...out.values()];
}
