/**
 * The JSON report of `oml check --format json` (stable contract). The JSON
 * Schema in schema/check-report.schema.json is generated from CheckReportSchema
 * by npm run generate (scripts/generate/schemas.ts).
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { MatchSchema, ProfileSchema, TierSchema, VerdictSchema, WarningSchema } from '../types.js';

export const CHECK_REPORT_VERSION = 1;

/** One rule per policy reason (SARIF rule ids). */
export const RULE_IDS = [
  'tier-not-allowed', 'license-required', 'prohibited', 'unknown-license', 'expired-waiver', 'license-conflict', 'verdict-unknown',
  'license-drift',
  'unknown-lineage', 'unexplained-change', 'hidden-characters',
  'outside-root', 'unreadable-path',
] as const;
export const RuleIdSchema = lazySchema(() => z.enum(RULE_IDS));
export type RuleId = z.infer<typeof RuleIdSchema>;

export const LocationSchema = lazySchema(() => z.object({
  /** Posix path relative to the scanned directory. */
  path: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1).optional(),
}));
export type Location = z.infer<typeof LocationSchema>;

/** A sentence of a catalog license's published text, which the user may not have locally. */
export const CatalogEvidenceSchema = lazySchema(() => z.object({
  license: z.string(),
  name: z.string(),
  url: z.string(),
  line: z.number().int().min(1),
}));
export type CatalogEvidence = z.infer<typeof CatalogEvidenceSchema>;

export const FindingSchema = lazySchema(() => z.object({
  rule: RuleIdSchema,
  /** error: fails the check (unless waived); warning: reported only. */
  level: z.enum(['error', 'warning']),
  message: z.string(),
  /** What to do about it. */
  fix: z.string(),
  location: LocationSchema.nullable(),
  /** True when a valid waiver turned this error into a pass. */
  waived: z.boolean(),
  /** The sentence the finding rests on (the term that prohibits, requires a license or decides the tier), on one line, at most 400 characters: from a file under the root, or from the catalog's published text (see `catalog`); absent when there is none. */
  quote: z.string().optional(),
  /** When that sentence is in a catalog license the model is known by (a model id in code, a card's `license:`), not in a file under the root: the published text's catalog id, name, canonical URL and line. */
  catalog: CatalogEvidenceSchema.optional(),
}));
export type Finding = z.infer<typeof FindingSchema>;

/** A model read from the Hub: repository, revision asked for, commit read, its documents and the base models resolved on the Hub. */
export const HubResolutionSchema = lazySchema(() => z.object({
  repo: z.string(),
  revision: z.string(),
  sha: z.string(),
  documents: z.array(z.object({ path: z.string(), role: z.enum(['license', 'use-policy', 'notice', 'card']), sha256: z.string() })),
  lineage: z.array(z.object({ id: z.string(), sha: z.string().nullable(), license: z.string().nullable(), parents: z.array(z.string()) })),
}));
export type HubResolution = z.infer<typeof HubResolutionSchema>;

export const ModelStatusSchema = lazySchema(() => z.enum(['fail', 'warn', 'waived', 'pass']));
export type ModelStatus = z.infer<typeof ModelStatusSchema>;

export const ModelResultSchema = lazySchema(() => z.object({
  /** Folder path relative to the scanned directory, or the referenced model id. */
  id: z.string(),
  /** folder: discovered or listed under `models:`; reference: a model id found in code/config. */
  source: z.enum(['folder', 'config', 'reference']),
  status: ModelStatusSchema,
  license: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    spdx: z.string().nullable(),
    version: z.string().nullable(),
    match: MatchSchema,
  }),
  tier: TierSchema,
  score: z.number().nullable(),
  verdict: VerdictSchema.nullable(),
  /** Obligations to meet (commercial-use actions) when the model passes. */
  actions: z.array(z.string()),
  findings: z.array(FindingSchema),
  waiver: z.object({ model: z.string(), reason: z.string(), expires: z.string().nullable(), expired: z.boolean() }).nullable(),
  /** For references: where the id appears. */
  occurrences: z.array(LocationSchema),
  /** Analysis warnings, verbatim. */
  warnings: z.array(WarningSchema),
  /** For models resolved through the Hugging Face Hub: what was fetched (see HubResolutionSchema). */
  hub: HubResolutionSchema.optional(),
}));
export type ModelResult = z.infer<typeof ModelResultSchema>;

export const ReferenceSchema = lazySchema(() => z.object({
  id: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  kind: z.enum(['from_pretrained', 'pipeline', 'vllm', 'kwarg', 'env', 'config-key', 'modelfile']),
  /** How the id was judged: a catalog license, a local model folder, the Hugging Face Hub (online, cache or oml.lock), or unresolved (counts as unknown). */
  resolution: z.enum(['catalog', 'local', 'hub', 'unresolved']),
  license: z.string().nullable(),
  note: z.string().optional(),
}));
export type Reference = z.infer<typeof ReferenceSchema>;

export const CheckReportSchema = lazySchema(() => z.object({
  version: z.literal(CHECK_REPORT_VERSION),
  tool: z.object({ name: z.literal('oml'), version: z.string() }),
  result: z.enum(['pass', 'fail']),
  /** The scanned directory as given on the command line. */
  root: z.string(),
  config: z.object({ path: z.string().nullable(), defaulted: z.boolean(), note: z.string().nullable() }),
  policy: z.object({
    allow: z.array(TierSchema),
    unknown: z.enum(['fail', 'warn']),
    /** A base model the lineage table does not know: fails (with unknown: fail) or warns. */
    lineage: z.enum(['fail', 'warn']),
    /** Unexplained additions / removed template terms: fail or warn. */
    changes: z.enum(['fail', 'warn']),
  }),
  profile: ProfileSchema.nullable(),
  /** Today's date used for waiver expiry (YYYY-MM-DD, UTC). */
  date: z.string(),
  summary: z.object({
    models: z.number().int(),
    failed: z.number().int(),
    warned: z.number().int(),
    waived: z.number().int(),
    passed: z.number().int(),
    references: z.number().int(),
    unresolved: z.number().int(),
  }),
  /** Failures first, then warnings, waived, passes; by id within a status. */
  models: z.array(ModelResultSchema),
  references: z.array(ReferenceSchema),
  /** Scan-level warnings (unreadable directories, symlink loops, unused waivers, ...). */
  warnings: z.array(WarningSchema),
}));
export type CheckReport = z.infer<typeof CheckReportSchema>;

/** The JSON Schema (draft 2020-12) of the check report. */
export function checkReportJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(CheckReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: s.$schema,
    title: 'oml check report',
    ...s,
  };
}
