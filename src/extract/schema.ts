/**
 * Zod schemas for rule files (rules/**.yaml) and the normalization tables
 * (rules/_normalize.yaml). See rules/README.md for the format.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { COMPARATORS, CONSEQUENCES, PERIODS, TermKindSchema, TermSchema } from '../types.js';
import { ClauseSchema } from './clause/schema.js';

/** A regex as written in a rule file. Flags: any of i, m, s, u (g is added by the engine). */
export const PatternSchema = lazySchema(() => z.union([
  z.string().min(1).transform((regex) => ({ regex, flags: 'i' })),
  z.object({
    regex: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/, 'flags may only contain i, m, s, u').default('i'),
  }).strict(),
]));
export type Pattern = z.output<typeof PatternSchema>;

/**
 * An `unless` pattern. `on: sentence` (the default) tests the sentence and, for a
 * list item under a lead-in ending with ':', also "lead-in + item"; `on: lead-in`
 * tests only the lead-in of a list item (e.g. a negation "You will not:").
 */
export const UnlessSchema = lazySchema(() => z.union([
  z.string().min(1).transform((regex) => ({ regex, flags: 'i', on: 'sentence' as const })),
  z.object({
    regex: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/, 'flags may only contain i, m, s, u').default('i'),
    on: z.enum(['sentence', 'lead-in']).default('sentence'),
  }).strict(),
]));
export type Unless = z.output<typeof UnlessSchema>;

export const FIELD_TYPES = ['number', 'currency', 'period', 'comparator', 'text', 'territories', 'scope', 'consequence', 'const'] as const;

/**
 * How one term field is filled:
 * - `from`: a named capture group; its text is normalized by `type`.
 * - `value`: a constant (any type).
 * - neither: context types (period, currency, scope, consequence, territories) read the sentence itself.
 * - `default`: used when nothing was found.
 * - a `from` group that did not take part in the match falls back to the sentence for context types.
 */
export const FieldSpecSchema = lazySchema(() => z.object({
  type: z.enum(FIELD_TYPES),
  from: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  value: z.unknown().optional(),
  default: z.unknown().optional(),
  /** When true, a match whose field stays empty is dropped (e.g. a territory exclusion naming no territory). */
  required: z.boolean().optional(),
  /**
   * scope only: `preceding` reads up to 3 earlier sentences of the same paragraph when the
   * sentence itself names neither weights nor outputs ("X means non-commercial research" after a grant of the model).
   */
  fallback: z.enum(['preceding']).optional(),
  /** text only: `title` writes an all-capitals capture in title case ("CALIFORNIA" -> "California"); mixed case is kept. */
  case: z.enum(['title']).optional(),
}).strict());
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

export const TERM_FIELDS = ['value', 'comparator', 'period', 'currency', 'consequence', 'text', 'territories', 'scope'] as const;

/** What a rule example expects of its term: the term's own fields, all optional (scope may be null: "no scope"). */
export const ExpectSchema = lazySchema(() => TermSchema.pick({
  kind: true, name: true, value: true, comparator: true, period: true, currency: true, consequence: true, text: true, territories: true,
}).partial().extend({ scope: z.string().nullable().optional() }).strict());
export type Expect = z.infer<typeof ExpectSchema>;

export const RuleSchema = lazySchema(() => z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase kebab-case'),
  description: z.string().optional(),
  term: z.object({ kind: TermKindSchema, name: z.string().regex(/^[a-z][a-z-]*$/) }).strict(),
  /** Regex rules: the prefilter (at least one). Clause rules need none (the reader reads every sentence). */
  keywords: z.array(z.string().min(2).refine((k) => k === k.toLowerCase(), 'keywords must be lowercase')).default([]),
  /** The regex form (the escape hatch for fixed phrases). */
  patterns: z.array(PatternSchema).default([]),
  /** The clause form: constraints over the parts the clause reader finds (rules/README.md, "Clause rules"). */
  clause: ClauseSchema.optional(),
  unless: z.array(UnlessSchema).default([]),
  /**
   * When true, a list item under a lead-in sentence ending with ':' is matched as
   * "lead-in + item" (a match must reach into the item), so an item whose verb
   * or negation is only in the lead-in ("You will not:" / "a) host the Model ...") is found.
   */
  leadIn: z.boolean().optional(),
  fields: z.partialRecord(z.enum(TERM_FIELDS), FieldSpecSchema).default({}),
  examples: z.object({
    match: z.array(z.object({ text: z.string().min(1), expect: ExpectSchema.default({}) }).strict())
      .min(1, 'a rule needs at least one match example'),
    noMatch: z.array(z.string().min(1)).min(1, 'a rule needs at least one noMatch example'),
  }).strict(),
}).strict().superRefine((r, ctx) => {
  if (r.clause === undefined && r.patterns.length === 0) ctx.addIssue({ code: 'custom', path: ['patterns'], message: 'a rule needs patterns or a clause' });
  if (r.clause !== undefined && r.patterns.length > 0) ctx.addIssue({ code: 'custom', path: ['clause'], message: 'a rule has patterns or a clause, not both' });
  if (r.patterns.length > 0 && r.keywords.length === 0) ctx.addIssue({ code: 'custom', path: ['keywords'], message: 'a regex rule needs at least one keyword' });
  if (r.term.kind === 'threshold' && r.clause !== undefined && r.clause.threshold === undefined) ctx.addIssue({ code: 'custom', path: ['clause', 'threshold'], message: 'a threshold clause rule names its metric' });
}));
export type Rule = z.infer<typeof RuleSchema>;

const Entry = lazySchema(() => z.object({ match: z.array(z.string().min(1)).min(1) }).strict());

/** Lookup tables used by the field normalizers (rules/_normalize.yaml). Matching is on lowercase text. */
export const NormalizeTablesSchema = lazySchema(() => z.object({
  multipliers: z.record(z.string(), z.number()),
  currencies: z.array(Entry.extend({ code: z.string().regex(/^[A-Z]{3}$/) })),
  periods: z.array(Entry.extend({ period: z.enum(PERIODS) })),
  comparators: z.array(Entry.extend({ comparator: z.enum(COMPARATORS) })),
  territories: z.array(Entry.extend({ code: z.string().regex(/^[A-Z]{2,3}$/) })),
  scopes: z.object({ outputs: z.array(z.string()), weights: z.array(z.string()) }).strict(),
  consequences: z.array(Entry.extend({ consequence: z.enum(CONSEQUENCES) })),
  /** A license request read as a construction (src/extract/request.ts): a verb, then within `gap` words a noun. */
  consequence_requests: z.object({
    verbs: z.array(z.string().min(1)),
    nouns: z.array(z.string().min(1)),
    negations: z.array(z.string().min(1)),
    definite: z.array(z.string().min(1)),
    priced: z.array(z.string().min(1)),
    gap: z.number().int().min(0).max(8),
    zh_verbs: z.array(z.string().min(1)),
    zh_nouns: z.array(z.string().min(1)),
    zh_negations: z.array(z.string().min(1)),
    zh_gap: z.number().int().min(0).max(12),
    /** Words a few words before the verb that make it a license deemed obtained, not one asked for. */
    deemed: z.array(z.string().min(1)).default([]),
    /** The only words allowed between the "deemed" word and the verb ("deemed to have obtained"). */
    deemed_links: z.array(z.string().min(1)).default([]),
    deemed_gap: z.number().int().min(0).max(6).default(0),
    zh_deemed: z.array(z.string().min(1)).default([]),
    zh_deemed_gap: z.number().int().min(0).max(8).default(0),
  }).strict().optional(),
}).strict());
export type NormalizeTables = z.infer<typeof NormalizeTablesSchema>;
