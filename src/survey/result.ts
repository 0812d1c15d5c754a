/**
 * The survey's output object (`--format json` prints it as is), as zod schemas:
 * the TypeScript types are inferred from them and schema/survey.schema.json is
 * generated from the same objects (npm run generate: scripts/generate/schemas.ts).
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { TierSchema, type Tier } from '../types.js';
import { DIMENSIONS } from './types.js';

export const INPUT_KINDS = ['epoch-csv', 'hub-jsonl', 'folder'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Coarse openness classes used for shares and charts. */
export const CLASSES = ['permissive', 'restricted', 'noncommercial', 'closed', 'unknown'] as const;
export type OpennessClass = (typeof CLASSES)[number];
const ClassSchema = lazySchema(() => z.enum(CLASSES));

export function classOf(t: Tier): OpennessClass {
  switch (t) {
    case 'open-source': case 'open-weight-permissive': case 'open-weight-conditional': return 'permissive';
    case 'open-weight-restricted': return 'restricted';
    case 'open-weight-noncommercial': return 'noncommercial';
    case 'closed': return 'closed';
    default: return 'unknown';
  }
}

const Count = lazySchema(() => z.number().int().min(0));
const ClassCounts = { permissive: Count, restricted: Count, noncommercial: Count, closed: Count, unknown: Count };

export const DecidingSchema = lazySchema(() => z.object({
  kind: z.string(), name: z.string(), path: z.string(), line: z.number().int(), sentence: z.string(),
}));

export const DisagreementSchema = lazySchema(() => z.object({
  model: z.string(),
  year: z.string(),
  country: z.string(),
  /** Where the row is in the input. */
  file: z.string(),
  line: z.number().int(),
  /** Epoch AI's `Model accessibility` label, and the oml tiers that would agree with it. */
  epoch: z.string(),
  epochMeans: z.array(TierSchema),
  tier: TierSchema,
  license: z.string(),
  via: z.enum(['card', 'notes', 'lineage', 'folder', 'label', 'none']),
  reason: z.string(),
  /** The term that decided oml's tier, with the sentence that states it (absent when no restriction was found). */
  deciding: DecidingSchema.optional(),
  /** Epoch AI's accessibility notes (first 600 characters). */
  notes: z.string(),
}));
export type Disagreement = z.infer<typeof DisagreementSchema>;

export const AgreementSchema = lazySchema(() => z.object({
  /** Epoch label -> the oml tiers that agree with it. */
  mapping: z.record(z.string(), z.array(TierSchema)),
  /** Rows with an open-weights label and a license oml determined. */
  compared: Count,
  agreed: Count,
  /** Rows with an open-weights label whose license oml could not determine. */
  notDetermined: Count,
  confusion: z.array(z.object({ epoch: z.string(), tier: TierSchema, count: Count })),
  disagreements: z.array(DisagreementSchema),
  /** Disagreements beyond the listing cap (counted, not listed). */
  disagreementsNotListed: Count,
}));
export type Agreement = z.infer<typeof AgreementSchema>;

export const SurveyResultSchema = lazySchema(() => z.object({
  inputs: z.array(z.object({ path: z.string(), kind: z.enum(INPUT_KINDS) })),
  /** Data credits (Epoch AI's CC BY 4.0 attribution when its CSV was read). */
  credits: z.array(z.string()),
  by: z.array(z.enum(DIMENSIONS)),
  total: Count,
  tiers: z.partialRecord(TierSchema, Count),
  /** The `--by` table: one object per group with the dimension values and the count. */
  groups: z.array(z.object({ count: Count }).catchall(z.string())),
  cumulative: z.array(z.object({ country: z.string(), class: ClassSchema, year: z.string(), count: Count, cumulative: Count })),
  shares: z.array(z.object({ country: z.string(), total: Count, ...ClassCounts })),
  topPublishers: z.array(z.object({ publisher: z.string(), country: z.string(), total: Count, ...ClassCounts })),
  /** U.S. vs China by degree of openness per year, 2020-2025 (the shape of USCC's Figure 4). */
  figure4: z.array(z.object({ year: z.string(), country: z.string(), class: ClassSchema, count: Count })),
  agreement: AgreementSchema.nullable(),
  problems: z.object({ count: Count, listed: z.array(z.object({ file: z.string(), line: z.number().int(), message: z.string() })) }),
  /** Records folded into "(other)" groups because a table reached its size cap (bounded memory). */
  overflow: Count,
}));
export type SurveyResult = Omit<z.infer<typeof SurveyResultSchema>, 'groups'> & {
  groups: Array<Partial<Record<(typeof DIMENSIONS)[number], string>> & { count: number }>;
};

/** JSON Schema (draft 2020-12) of `oml survey --format json` output. */
export function surveyJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://open-model-license.dev/schema/survey.schema.json',
    title: 'oml survey --format json output',
    ...(z.toJSONSchema(SurveyResultSchema, { io: 'output' }) as Record<string, unknown>),
  };
}
