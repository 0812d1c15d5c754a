/**
 * Lineage conflicts: a derivative that declares a license other than its base
 * model's non-permissive license (a Llama fine-tune declared Apache-2.0) is
 * still bound by the base terms. A merge combines all parents.
 */
import type { Conflict } from '../types.js';
import { baseModels, inIdList } from './data.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function lineageConflicts(declared: string | null, baseLicenses: string[]): Conflict[] {
  const permissive = baseModels().permissive;
  const distinct: string[] = [];
  for (const b of baseLicenses) if (b && !distinct.some((d) => same(d, b))) distinct.push(b);
  const binding = distinct.filter((b) => !inIdList(b, permissive));
  const out: Conflict[] = [];
  for (const b of binding) {
    if (declared && same(declared, b)) continue;
    out.push(declared
      ? {
          code: 'BASE_LICENSE_CONFLICT',
          message: `declares ${declared} but is derived from a base model under ${b}: the base license terms still apply to this model`,
        }
      : {
          code: 'BASE_LICENSE_UNDECLARED',
          message: `no license declared, but a base model is under ${b}: the base license terms apply to this model`,
        });
  }
  if (binding.length > 1) {
    out.push({
      code: 'BASE_LICENSES_COMBINED',
      message: `parents carry different licenses (${binding.join(', ')}): the terms of all of them apply together`,
    });
  }
  return out;
}
