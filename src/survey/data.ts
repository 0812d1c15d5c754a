/**
 * The survey's data tables (data/license-names.yaml, data/publishers.yaml),
 * validated with zod and loaded once. Bad data is a CATALOG error naming the file.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadDataFile } from '../data-table.js';
import { TierSchema } from '../types.js';

/** A phrase: words separated by single spaces, written as the normalized text reads (see names.ts). */
const Phrase = lazySchema(() => z.string().min(1).refine((s) => s.split(' ').every((w) => w.length > 0), 'a phrase is words separated by single spaces'));

export const LicenseNamesSchema = lazySchema(() => z.object({
  version: z.literal(1),
  replace: z.record(z.string().min(1), z.string().min(1)),
  hedges: z.array(Phrase),
  modifiers: z.array(z.string().min(1)),
  restrictionPhrases: z.array(Phrase),
  codeWords: z.array(z.string().min(1)),
  weightWords: z.array(z.string().min(1)),
  epochLabels: z.object({
    agree: z.record(z.string().min(1), z.array(TierSchema).min(1)),
    notReleased: z.array(z.string().min(1)),
  }).strict(),
  names: z.array(z.object({ license: z.string().min(1), aliases: z.array(Phrase).min(1) }).strict()),
}).strict());
export type LicenseNames = z.infer<typeof LicenseNamesSchema>;

export const PublishersSchema = lazySchema(() => z.object({
  version: z.literal(1),
  publishers: z.array(z.object({
    publisher: z.string().min(1),
    country: z.string().min(1),
    source: z.string().min(1),
  }).strict()),
}).strict());
export type Publishers = z.infer<typeof PublishersSchema>;

const load = <T>(file: string, schema: z.ZodType<T>): T => loadDataFile(file, schema);

export const licenseNames = (): LicenseNames => load('license-names.yaml', LicenseNamesSchema);
export const publishers = (): Publishers => load('publishers.yaml', PublishersSchema);

let byPublisher: Map<string, Publishers['publishers'][number]> | null = null;

/** Country of a Hub namespace from data/publishers.yaml (case-insensitive), or null: never guessed. */
export function publisherCountry(publisher: string): { country: string; source: string } | null {
  if (!byPublisher) byPublisher = new Map(publishers().publishers.map((p) => [p.publisher.toLowerCase(), p]));
  const hit = byPublisher.get(publisher.toLowerCase());
  return hit ? { country: hit.country, source: hit.source } : null;
}
