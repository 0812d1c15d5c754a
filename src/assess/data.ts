/**
 * Loads and validates the assess stage's data tables (data/*.yaml) once.
 * Bad data is a CATALOG error naming the file.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadDataFile } from '../data-table.js';
import { TIERS } from '../types.js';

const Names = lazySchema(() => z.array(z.string()));
const Band = lazySchema(() => z.object({ floor: z.number().min(0).max(100), top: z.number().min(0).max(100) }).strict());
const KindWeights = lazySchema(() => z.object({ default: z.number().min(0) }).catchall(z.number().min(0)));

const TierRule = lazySchema(() => z.object({
  restriction: Names.optional(),
  obligation: Names.optional(),
  termination: Names.optional(),
  other: Names.optional(),
  thresholdConsequence: Names.optional(),
}).strict());
export type TierRule = z.infer<typeof TierRule>;

const ScoredTiers = TIERS.filter((t) => t !== 'unknown') as Exclude<(typeof TIERS)[number], 'unknown'>[];

export const OpennessWeightsSchema = lazySchema(() => z.object({
  version: z.literal(1),
  bands: z.object(Object.fromEntries(ScoredTiers.map((t) => [t, Band])) as Record<(typeof ScoredTiers)[number], typeof Band>).strict(),
  tierRules: z.object({ noncommercial: TierRule, restricted: TierRule, conditional: TierRule }).strict(),
  /** Hosted-only terms (src/assess/hosted.ts): the reader's object concepts for the licensor's service and for the weights. */
  closed: z.object({ serviceObjects: Names.min(1), weightObjects: Names.min(1), copyGrants: Names }).strict().optional(),
  permissiveSpdx: Names,
  openSource: z.object({ requireDatasets: z.boolean(), openCodeFromOsiLicense: z.boolean() }).strict(),
  weights: z.object({
    permission: KindWeights, obligation: KindWeights, restriction: KindWeights,
    threshold: KindWeights, termination: KindWeights, other: KindWeights,
  }).strict(),
  unrecognizedLicense: z.number().min(0),
}).strict().superRefine((w, ctx) => {
  // Bands must be ordered and disjoint: each tier's floor above the next lower tier's top.
  for (let i = 0; i < ScoredTiers.length; i++) {
    const b = w.bands[ScoredTiers[i]];
    if (b.floor > b.top) ctx.addIssue({ code: 'custom', path: ['bands', ScoredTiers[i]], message: 'floor above top' });
    const lower = ScoredTiers[i + 1];
    if (lower && w.bands[lower].top >= b.floor) {
      ctx.addIssue({ code: 'custom', path: ['bands', lower], message: `band overlaps ${ScoredTiers[i]}` });
    }
  }
}));
export type OpennessWeights = z.infer<typeof OpennessWeightsSchema>;

export const FxRatesSchema = lazySchema(() => z.object({
  date: z.string(),
  source: z.string(),
  approximate: z.boolean(),
  base: z.literal('USD'),
  /** Units of USD per one unit of the currency. */
  usdPerUnit: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
}).strict());
export type FxRates = z.infer<typeof FxRatesSchema>;

export const RegionsSchema = lazySchema(() => z.object({
  regions: z.record(z.string(), z.array(z.string().regex(/^[A-Z]{2}$/))),
}).strict());

export const BaseModelsSchema = lazySchema(() => z.object({
  version: z.literal(1),
  /** License ids that a derivative may relicense without a conflict. */
  permissive: Names,
  models: z.array(z.object({
    pattern: z.string().min(1),
    license: z.string().nullable(),
    note: z.string().optional(),
    /** Where the license fact comes from (a corpus MANIFEST entry, a model card, a publisher's LICENSE file). */
    source: z.string().min(1),
  }).strict()),
}).strict());
export type BaseModels = z.infer<typeof BaseModelsSchema>;

const Trigger = lazySchema(() => z.object({
  /** Every group must contain at least one of the profile's activities. */
  all: z.array(z.array(z.string())).optional(),
  /** Any of these activities triggers (alternative to `all`). */
  any: z.array(z.string()).optional(),
  /** Also triggered by 'serve' when the term's own sentence contains one of these phrases. */
  serveWhenSentenceSays: Names.optional(),
}).strict());

export const CommercialActionsSchema = lazySchema(() => z.object({
  version: z.literal(1),
  activitiesWhenNone: z.array(z.string()),
  activitiesUsingOutputs: z.array(z.string()),
  placements: z.array(z.object({ match: Names, label: z.string() }).strict()),
  terms: z.array(z.object({
    kind: z.string(),
    name: z.string(),
    action: z.string(),
    when: Trigger.optional(),
  }).strict()),
  prohibitedByActivity: z.array(z.object({ kind: z.string(), name: z.string(), activities: Names }).strict()),
}).strict());
export type CommercialActions = z.infer<typeof CommercialActionsSchema>;

const load = <T>(file: string, schema: z.ZodType<T>): T => loadDataFile(file, schema, { compiled: true });

/** Every table in data/ with its schema (the build compiles each to dist/data/table-<file>.json). */
export const DATA_TABLES = {
  'openness-weights.yaml': OpennessWeightsSchema,
  'fx-rates.yaml': FxRatesSchema,
  'regions.yaml': RegionsSchema,
  'base-models.yaml': BaseModelsSchema,
  'commercial-actions.yaml': CommercialActionsSchema,
} as const;

/** A data table, validated (for the build's compiled copy). */
export function loadDataTable(file: keyof typeof DATA_TABLES): unknown {
  return load(file, DATA_TABLES[file] as z.ZodType<unknown>);
}

export const opennessWeights = (): OpennessWeights => load('openness-weights.yaml', OpennessWeightsSchema);
export const fxRates = (): FxRates => load('fx-rates.yaml', FxRatesSchema);
export const regions = (): z.infer<typeof RegionsSchema> => load('regions.yaml', RegionsSchema);
export const baseModels = (): BaseModels => load('base-models.yaml', BaseModelsSchema);
export const commercialActions = (): CommercialActions => load('commercial-actions.yaml', CommercialActionsSchema);

/** Case-insensitive membership with trailing-'*' prefixes ("BSD-*"). */
export function inIdList(id: string | null | undefined, list: string[]): boolean {
  if (!id) return false;
  const v = id.toLowerCase();
  return list.some((e) => {
    const x = e.toLowerCase();
    return x.endsWith('*') ? v.startsWith(x.slice(0, -1)) : v === x;
  });
}
