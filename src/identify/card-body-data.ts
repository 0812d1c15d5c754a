/** data/card-body.yaml: the words and cues the card-body reader uses, validated once. */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadDataFile } from '../data-table.js';

const Words = lazySchema(() => z.array(z.string().min(1).regex(/^[a-z0-9.]+$/, 'lower-case normalized words')));

export const CardBodyDataSchema = lazySchema(() => z.object({
  version: z.literal(1),
  licenseHeadings: Words.min(1),
  minLicenseWords: z.number().int().positive(),
  legalWords: Words.min(1),
  minLegalWords: z.number().int().positive(),
  governingCues: z.array(z.string().min(2).refine((c) => c === c.toLowerCase(), 'lower case')).min(1),
  cueWindow: z.number().int().positive().max(1000),
  vetoCues: z.array(z.string().min(2).refine((c) => c === c.toLowerCase(), 'lower case')),
  licenseWords: Words.min(1),
  genericWords: Words,
  markWords: Words.min(1),
  names: z.array(z.object({ phrase: z.string().min(1), id: z.string().min(1) }).strict()),
}).strict());
export type CardBodyData = z.infer<typeof CardBodyDataSchema>;

let data: CardBodyData | null = null;

export function cardBodyData(): CardBodyData {
  if (data) return data;
  return (data = loadDataFile('card-body.yaml', CardBodyDataSchema));
}
