/**
 * The regex form of a permission (rules/permission/*.yaml: fixed phrases such as "with or without modification",
 * "make modifications to") is the escape hatch for wordings the clause form does not read; it still states a right
 * not where the clause reader reads the sentence as saying something else and no grant to the licensee (a grant is a main part whose modality
 * is a grant, not negated, not a definition nor supposed, whose subject is not the licensor, the licensee
 * granting back, or the licensee's own customers). So "We may use, reproduce and distribute the model internally" (the
 * licensor's own use), "Whether you may modify the model depends on ..." (a hypothetical), "If you modify the weights,
 * you must say so" (a right a condition presupposes) and "The Company will make modifications to the model" state no
 * permission, whatever phrase the regex form found.
 */
import type { Part } from './parts.js';
import { readClause, type Reading } from './reader.js';
import { MODAL_CATEGORIES } from './lexicon.js';

const NOT_GRANTEES: ReadonlySet<string> = new Set(['licensor', 'licensee-grant', 'downstream']);

/** A hypothetical word stands before the part's first modal word ("Whether you may ..."), not in a clause after it ("a patent
 * license that covers claims you would infringe"). */
function supposes(p: Part): boolean {
  const modal = p.tags.reduce((m, t) => (MODAL_CATEGORIES.has(t.category) ? Math.min(m, t.start) : m), Infinity);
  return p.tags.some((t) => t.category === 'hypothetical' && t.concept === 'hypothetical' && t.start < modal);
}

/** The licensor is the subject of the part's verb ("The Company will make modifications to the model"). */
function licensorActs(p: Part): boolean {
  if (p.actor !== 'licensor') return false;
  const verb = p.tags.reduce((m, t) => (t.category === 'action' ? Math.min(m, t.start) : m), Infinity);
  return p.tags.some((t) => t.category === 'actor' && t.concept === 'licensor' && t.start < verb);
}

function grantsLicensee(p: Part): boolean {
  return p.role === 'main' && p.modality === 'grant' && !p.negated && !p.definition && !supposes(p)
    && (p.actor === undefined || !NOT_GRANTEES.has(p.actor));
}

/**
 * The sentence says something else than a grant to the licensee: it grants the licensee nothing in a main part, and some
 * part of it binds, forbids or supposes (a duty, a ban, a grant of the licensor's or in a condition, a hypothetical), or
 * tells what the licensor does. A sentence that holds no modality at all ("The Acme model supports commercial use", a definition of the agreement "for
 * the use, reproduction and distribution of" the model, "This license includes the patent license to make, use and sell
 * the Package") is left to the fixed phrase.
 */
export function vetoesGrant(target: string, read: (text: string) => Reading = readClause): boolean {
  const parts = read(target).parts;
  if (parts.some(grantsLicensee)) return false;
  return parts.some((p) => (p.modality !== undefined && !p.definition) || supposes(p) || licensorActs(p));
}
