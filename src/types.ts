/**
 * Shared types and zod schemas for every pipeline stage.
 *
 * The JSON contract of `oml analyze --json` (DESIGN.md) is defined here as zod
 * schemas; the TypeScript types are inferred from them and the published JSON
 * Schema (schema/) is generated from the same objects.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { CONFLICT_CODES, ERROR_CODES, WARNING_CODES } from './message-codes.js';

// ---------------------------------------------------------------- read / parse

/**
 * The one shape of a message (vfile-message's ruleId/source/place as model): a
 * code from data/messages.yaml (which also gives its kind, severity and the
 * stage that emits it), the message in words, and its place when known.
 */
const messageSchema = <C extends readonly [string, ...string[]]>(codes: C) => z.object({
  code: z.enum(codes),
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().optional(),
});

/**
 * A warning attached to a subject or a scan: something odd that did not stop
 * analysis, or an input error confined to one file (its error code).
 */
export const WarningSchema = lazySchema(() => messageSchema([...ERROR_CODES, ...WARNING_CODES]));
export type Warning = z.infer<typeof WarningSchema>;

/** Output of the read stage: decoded text with CRLF normalized to LF. */
export interface SourceText {
  path: string;
  text: string;
  /** utf-8 | utf-8-bom | utf-16le | utf-16be */
  encoding: string;
  bytes: number;
  warnings: Warning[];
}

/** A block of the parsed document, with the position of its first character. */
export interface Segment {
  kind: 'heading' | 'paragraph' | 'list-item' | 'table' | 'code' | 'blockquote' | 'html';
  /** Plain text of the block (markdown syntax removed, inline text joined). */
  text: string;
  /** 1-based line and column of the block start in the source. */
  line: number;
  column: number;
  /** Maps offsets in `text` back to source positions: one entry per source line the block spans. */
  lineStarts: Array<{ offset: number; line: number; column: number }>;
}

/** A sentence inside a segment with its exact source position. */
export interface Sentence {
  /** The sentence as rules read it (for markdown: the rendered inline text). */
  text: string;
  line: number;
  column: number;
  segment: number;
  /**
   * The same sentence exactly as in the input (markdown markup included), when
   * it differs from `text`; evidence quotes this.
   */
  source?: string;
}

export interface ParsedDocument {
  path: string;
  format: 'markdown' | 'plain';
  /** Full decoded text of the document (LF line ends). */
  text: string;
  segments: Segment[];
  /** Present for model cards: parsed YAML front matter. */
  card?: ModelCardMeta;
  warnings: Warning[];
}

/** Hugging Face model-card metadata (YAML front matter), normalized. */
export interface ModelCardMeta {
  license: string[];
  licenseName?: string;
  licenseLink?: string;
  baseModel: string[];
  baseModelRelation?: string;
  datasets: string[];
  extraGated: Record<string, unknown>;
  /** 1-based line of each top-level key in the source file. */
  keyLines: Record<string, number>;
  /** Everything else from the front matter, untouched. */
  raw: Record<string, unknown>;
  /** Line where the markdown body starts. */
  bodyLine: number;
  /** The license the card body says governs the model (set by the analysis when the body names one). */
  bodyLicense?: { id: string; line: number; label: string };
}

// ---------------------------------------------------------------- vocabulary

export const TERM_KINDS = ['permission', 'obligation', 'restriction', 'threshold', 'termination', 'other'] as const;
export const TermKindSchema = lazySchema(() => z.enum(TERM_KINDS));
export type TermKind = z.infer<typeof TermKindSchema>;

/** What a threshold or condition leads to (the one list: term schema, rule schema, normalizer). */
export const CONSEQUENCES = ['license-required', 'attribution-display', 'fee', 'prohibited'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];
/** How a threshold compares (the one list: term schema, rule schemas, normalizers). */
export const COMPARATORS = ['>', '>=', '<', '<='] as const;
export type Comparator = (typeof COMPARATORS)[number];
/** The period of a per-period threshold. */
export const PERIODS = ['month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export const FAMILIES = [
  'mit', 'apache', 'bsd', 'gpl', 'cc', 'llama', 'gemma', 'kimi', 'deepseek', 'qwen', 'openrail', 'falcon',
  'nvidia', 'mistral', 'glm', 'yi', 'stability', 'flux', 'openmdw', 'minimax', 'hunyuan', 'databricks', 'xai',
  'cohere', 'exaone', 'liquid', 'apple', 'microsoft', 'skywork', 'jamba', 'google-hai-def', 'fair', 'other',
] as const;
export const FamilySchema = lazySchema(() => z.enum(FAMILIES));
export type Family = z.infer<typeof FamilySchema>;

export const TIERS = [
  'open-source', 'open-weight-permissive', 'open-weight-conditional', 'open-weight-restricted',
  'open-weight-noncommercial', 'closed', 'unknown',
] as const;
export const TierSchema = lazySchema(() => z.enum(TIERS));
export type Tier = z.infer<typeof TierSchema>;

export const MATCHES = ['exact', 'template', 'modified', 'declared', 'similar', 'unknown'] as const;
export const MatchSchema = lazySchema(() => z.enum(MATCHES));
export type Match = z.infer<typeof MatchSchema>;

export const VERDICTS = ['allowed', 'allowed-with-obligations', 'license-required', 'prohibited', 'unknown'] as const;
export const VerdictSchema = lazySchema(() => z.enum(VERDICTS));
export type Verdict = z.infer<typeof VerdictSchema>;

export const ACTIVITIES = ['internal-use', 'serve', 'distribute-weights', 'fine-tune', 'train-other-models', 'merge'] as const;
export const ActivitySchema = lazySchema(() => z.enum(ACTIVITIES));
export type Activity = z.infer<typeof ActivitySchema>;

// ---------------------------------------------------------------- terms

export const EvidenceSchema = lazySchema(() => z.object({
  path: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  sentence: z.string(),
}));
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Where a term came from: the analysed text, the catalog (license known by id only), a document incorporated by reference, a base model, or a license text carried in a model card's body. */
export const TermOriginSchema = lazySchema(() => z.enum(['text', 'catalog', 'incorporated', 'base-model', 'card-body']));
export type TermOrigin = z.infer<typeof TermOriginSchema>;

export const TermSchema = lazySchema(() => z.object({
  kind: TermKindSchema,
  /** Term name from DESIGN's vocabulary; for thresholds, the metric. */
  name: z.string(),
  /** Id of the rule that produced the term. */
  rule: z.string(),
  /** Exact required string for attribution/naming obligations ("Built with Llama"). */
  text: z.string().optional(),
  /** What a restriction covers. */
  scope: z.string().optional(),
  /** ISO 3166 / region codes for territory terms (e.g. EU, GB, KR, US). */
  territories: z.array(z.string()).optional(),
  // threshold fields
  metric: z.string().optional(),
  value: z.number().optional(),
  comparator: z.enum(COMPARATORS).optional(),
  period: z.enum(PERIODS).nullable().optional(),
  currency: z.string().nullable().optional(),
  consequence: z.enum(CONSEQUENCES).optional(),
  origin: TermOriginSchema,
  /** For origin incorporated/catalog/base-model: the document or model it came from. */
  via: z.string().optional(),
  evidence: EvidenceSchema,
}));
export type Term = z.infer<typeof TermSchema>;

// ---------------------------------------------------------------- identify

/** A short reference to a term: what it is and where its sentence starts. */
export const TermRefSchema = lazySchema(() => z.object({
  kind: TermKindSchema,
  name: z.string(),
  value: z.number().optional(),
  text: z.string().optional(),
  /** Line in the analysed file (additions) or in the catalog's canonical text (removals). */
  line: z.number().int(),
}));
export type TermRef = z.infer<typeof TermRefSchema>;

export const PassageSchema = lazySchema(() => z.object({
  /** Line range in the analysed file (1-based, inclusive). For removals: where the gap is. */
  line: z.number().int(),
  endLine: z.number().int(),
  /** The added text as it appears in the input; for removals a description (the template text is not stored). */
  text: z.string(),
  words: z.number().int(),
  /**
   * Additions: the terms found in the added text. Removals: the template terms
   * that are missing from the input. Absent when not computed (exact/template matches).
   */
  terms: z.array(TermRefSchema).optional(),
  /** False when oml could not account for the change (see README "Fail closed"). */
  explained: z.boolean().optional(),
}));
export type Passage = z.infer<typeof PassageSchema>;

export const LicenseInfoSchema = lazySchema(() => z.object({
  id: z.string().nullable(),
  spdx: z.string().nullable(),
  name: z.string().nullable(),
  family: FamilySchema.nullable(),
  version: z.string().nullable(),
  match: MatchSchema,
  /** 0..1 */
  confidence: z.number().min(0).max(1),
  /** Passages present in the input and absent from the template (see `basedOn`). */
  additions: z.array(PassageSchema),
  /** Template passages absent from the input. */
  removals: z.array(PassageSchema),
  /** For a known derivative (Kimi K2 modified MIT): the standard template additions/removals are relative to. */
  basedOn: z.string().nullable().optional(),
  /** Runner-up candidates, for transparency. */
  candidates: z.array(z.object({ id: z.string(), score: z.number() })).optional(),
  /** The file the license was identified from (null when identified from metadata only). */
  source: z.string().nullable().optional(),
  /**
   * True when the text is the license's standard header (SPDX <standardLicenseHeader>): a notice
   * that the license applies, such as Apache-2.0's "Licensed under the Apache License, Version
   * 2.0 ..." or GPL's "This program is free software ..."; the terms are the license's own.
   */
  header: z.boolean().optional(),
  /**
   * For `match: "similar"`: the catalog entry the text is closest to (another license on the same
   * template; `id` is then null and name/version are the text's own).
   */
  closest: z.object({
    id: z.string(),
    family: FamilySchema,
    version: z.string().nullable(),
    /** Shingle resemblance 0..1. */
    similarity: z.number().min(0).max(1),
  }).nullable().optional(),
}));
export type LicenseInfo = z.infer<typeof LicenseInfoSchema>;

export const DeclaredSchema = lazySchema(() => z.object({
  /** Raw `license:` values of the card (string or list). */
  license: z.array(z.string()),
  licenseName: z.string().nullable(),
  licenseLink: z.string().nullable(),
  /** Catalog id the declaration resolves to, or null. */
  resolved: z.string().nullable(),
  /** Parsed SPDX expression when the value is one. */
  spdx: z.unknown().nullable(),
  baseModel: z.array(z.string()),
  baseModelRelation: z.string().nullable(),
  datasets: z.array(z.string()),
  source: z.string(),
}));
export type Declared = z.infer<typeof DeclaredSchema>;

/** A conflict: the same shape as a warning, with a conflict code. */
export const ConflictSchema = lazySchema(() => messageSchema(CONFLICT_CODES));
export type Conflict = z.infer<typeof ConflictSchema>;

// ---------------------------------------------------------------- assess

export const ReasonSchema = lazySchema(() => z.object({
  message: z.string(),
  /** Points lost (0 for informational reasons). */
  points: z.number(),
  term: z.object({ kind: TermKindSchema, name: z.string(), line: z.number().int(), path: z.string() }).optional(),
}));
export type Reason = z.infer<typeof ReasonSchema>;

export const OpennessSchema = lazySchema(() => z.object({
  tier: TierSchema,
  score: z.number().min(0).max(100).nullable(),
  reasons: z.array(ReasonSchema),
  /**
   * Set when the tier is `unknown` because of changes oml could not account for
   * (UNEXPLAINED_CHANGE, TEMPLATE_TERM_REMOVED, UNREADABLE_DOCUMENT): the tier and
   * score the recognised terms alone would give. Used only by `policy.changes: warn`.
   */
  provisional: z.object({ tier: TierSchema, score: z.number().min(0).max(100).nullable() }).optional(),
}));
export type Openness = z.infer<typeof OpennessSchema>;

export const ProfileSchema = lazySchema(() => z.object({
  monthlyActiveUsers: z.number().nonnegative().optional(),
  dailyActiveUsers: z.number().nonnegative().optional(),
  monthlyRevenue: z.object({ amount: z.number().nonnegative(), currency: z.string().length(3).describe('ISO 4217 code, capitals') }).optional(),
  annualRevenue: z.object({ amount: z.number().nonnegative(), currency: z.string().length(3).describe('ISO 4217 code, capitals') }).optional(),
  /** Checked by ValidatedProfileSchema (src/assess/profile-codes.ts) wherever a profile is read. */
  territories: z.array(z.string()).default([]).describe('ISO 3166-1 alpha-2 codes, or a region of data/regions.yaml (EU, EEA, UK)'),
  activities: z.array(ActivitySchema).default([]),
}).strict());
export type Profile = z.infer<typeof ProfileSchema>;

export const AppliedThresholdSchema = lazySchema(() => z.object({
  metric: z.string(),
  limit: z.number(),
  comparator: z.string(),
  period: z.string().nullable(),
  currency: z.string().nullable(),
  actual: z.number().nullable(),
  crossed: z.boolean().nullable(),
  headroom: z.string(),
  conversion: z.string().optional(),
  consequence: z.string().optional(),
  line: z.number().int().optional(),
}));

export const CommercialUseSchema = lazySchema(() => z.object({
  verdict: VerdictSchema,
  summary: z.string(),
  actions: z.array(z.string()),
  thresholds: z.array(AppliedThresholdSchema),
  reasons: z.array(z.string()),
}));
export type CommercialUse = z.infer<typeof CommercialUseSchema>;

// ---------------------------------------------------------------- result

export const SubjectSchema = lazySchema(() => z.object({
  path: z.string(),
  kind: z.enum(['license', 'use-policy', 'notice', 'model-card', 'model-folder']),
  files: z.array(z.object({ path: z.string(), role: z.enum(['license', 'use-policy', 'notice', 'model-card', 'config']) })),
}));
export type Subject = z.infer<typeof SubjectSchema>;

/** One license-like document of the subject and how it was identified. */
export const DocumentLicenseSchema = lazySchema(() => z.object({
  path: z.string(),
  role: z.enum(['license', 'use-policy', 'notice', 'card-body']),
  id: z.string().nullable(),
  spdx: z.string().nullable(),
  match: MatchSchema,
}));
export type DocumentLicense = z.infer<typeof DocumentLicenseSchema>;

export const AnalysisSchema = lazySchema(() => z.object({
  subject: SubjectSchema,
  license: LicenseInfoSchema,
  /**
   * SPDX expression over the subject's license documents when there is more than
   * one license ("MIT AND LicenseRef-oml-unidentified-LICENSE-WEIGHTS"); all their terms apply.
   */
  expression: z.string().nullable().optional(),
  /** Every license, use-policy and notice document read, with its identification. */
  documents: z.array(DocumentLicenseSchema).optional(),
  declared: DeclaredSchema.nullable(),
  terms: z.array(TermSchema),
  openness: OpennessSchema,
  commercialUse: CommercialUseSchema.optional(),
  conflicts: z.array(ConflictSchema),
  warnings: z.array(WarningSchema),
}));
export type Analysis = z.infer<typeof AnalysisSchema>;
