/** data/model-files.yaml: which file names make a folder a model (weights formats, index files, card keys). */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadDataFile } from '../data-table.js';

const Ext = lazySchema(() => z.string().regex(/^[a-z0-9]{1,16}$/, 'a file extension without the dot, lower case'));

export const ModelFilesSchema = lazySchema(() => z.object({
  weightExtensions: z.array(Ext).min(1),
  indexSuffixes: z.array(z.string().regex(/^\.[a-z0-9.]{1,32}$/)),
  weightDirExtensions: z.array(Ext),
  cardKeys: z.array(z.string().min(1)).min(1),
}).strict());
export type ModelFiles = z.infer<typeof ModelFilesSchema>;

export interface ModelFileMatchers {
  isWeights(name: string): boolean;
  isWeightDir(name: string): boolean;
  cardKeys: ReadonlySet<string>;
}

const extOf = (name: string): string => {
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i + 1).toLowerCase();
};

export function modelFileMatchers(d: ModelFiles): ModelFileMatchers {
  const weights = new Set(d.weightExtensions);
  const dirs = new Set(d.weightDirExtensions);
  return {
    isWeights: (name) => {
      const lower = name.toLowerCase();
      return weights.has(extOf(lower)) || d.indexSuffixes.some((s) => lower.endsWith(s) && lower.length > s.length);
    },
    isWeightDir: (name) => dirs.has(extOf(name)),
    cardKeys: new Set(d.cardKeys),
  };
}

let cached: ModelFileMatchers | null = null;

/** The matchers from data/model-files.yaml (validated once). */
export function loadModelFiles(): ModelFileMatchers {
  if (cached) return cached;
  return (cached = modelFileMatchers(loadDataFile('model-files.yaml', ModelFilesSchema)));
}
