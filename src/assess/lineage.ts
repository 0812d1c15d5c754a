/**
 * Base-model lineage: maps well-known base-model ids to catalog license ids
 * with data/base-models.yaml (first matching pattern wins).
 */
import { baseModels } from './data.js';
import { globMatch } from '../glob.js';

export interface BaseModelLicense { id: string; license: string | null; note?: string }

const RELATION_NOTES: Record<string, string> = {
  quantized: 'quantized copy: the base license applies unchanged',
  finetune: "fine-tune: the base license's terms still apply to the derivative",
  adapter: "adapter: used together with the base weights, whose license applies",
  merge: "merge: every parent's license applies to the merged model",
};

/** Strip hub URL prefixes and revisions so "https://huggingface.co/org/name" matches "org/name". */
export function normalizeModelId(raw: string): string {
  let id = raw.trim();
  for (const prefix of ['https://huggingface.co/', 'http://huggingface.co/', 'huggingface.co/', 'hf.co/']) {
    if (id.toLowerCase().startsWith(prefix)) { id = id.slice(prefix.length); break; }
  }
  const at = id.indexOf('@');
  if (at > 0) id = id.slice(0, at);
  while (id.endsWith('/')) id = id.slice(0, -1);
  return id;
}

/** One entry per base model (duplicates removed), with the catalog license id or null. */
export function resolveBaseModels(ids: string[], relation?: string): BaseModelLicense[] {
  const table = baseModels().models;
  const relNote = relation ? RELATION_NOTES[relation.toLowerCase()] : undefined;
  const out: BaseModelLicense[] = [];
  const seen = new Set<string>();
  for (const raw of ids) {
    const id = normalizeModelId(raw);
    if (!id || seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    const hit = table.find((m) => globMatch(m.pattern, id));
    const notes = [hit?.note, relNote].filter((x): x is string => !!x);
    if (!hit) notes.unshift('not in the base-model table (data/base-models.yaml)');
    const entry: BaseModelLicense = { id, license: hit ? hit.license : null };
    if (notes.length) entry.note = notes.join('; ');
    out.push(entry);
  }
  return out;
}
