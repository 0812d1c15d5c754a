/**
 * Base models analysed in the same run (e.g. fetched from the Hub) take
 * precedence over the offline base-model table: their own license, and the
 * licenses of their own ancestors (a fine-tune of a fine-tune keeps the root's terms).
 */
import type { BaseModelLicense } from '../assess/lineage.js';

export interface KnownModel {
  /** Catalog license id of the model itself, or null when it could not be told (the note says why). */
  licenseId: string | null;
  note?: string;
  /** Licensed ancestors further up the lineage (base of the base, ...). */
  ancestors?: Array<{ id: string; licenseId: string }>;
}

export type KnownBase = BaseModelLicense & { ancestors: Array<{ id: string; licenseId: string }> };

/** Keys of knownModels are lowercased org/name ids. */
export function applyKnownModels(bases: BaseModelLicense[], known?: Map<string, KnownModel>): KnownBase[] {
  return bases.map((b) => {
    const k = known?.get(b.id.toLowerCase());
    if (!k) return { ...b, ancestors: [] };
    // Not told by the run (gated, missing, depth limit): the offline table's answer, if any, still counts.
    if (!k.licenseId && b.license) return { ...b, note: [k.note, b.note, 'license from the offline base-model table'].filter(Boolean).join('; '), ancestors: k.ancestors ?? [] };
    return { id: b.id, license: k.licenseId, ...(k.note ? { note: k.note } : {}), ancestors: k.ancestors ?? [] };
  });
}
