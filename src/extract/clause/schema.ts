/**
 * The clause form of a rule (rules/README.md, "Clause rules"): a term defined as constraints over the parts
 * the clause reader finds in a sentence, instead of regexes over its surface.
 */
import { z } from 'zod';
import { lazySchema } from '../../lazy-schema.js';

// built on first use (../../lazy-schema.ts): a run from the compiled rules never validates a clause
const Concepts = lazySchema(() => z.array(z.string().regex(/^[a-z][a-z-]*$/)).min(1));

/** Constraints on one part of a sentence; every field given must hold. */
export const PartCondSchema = lazySchema(() => z.object({
  /** The part's role (default: main). */
  role: z.array(z.enum(['main', 'exception', 'condition'])).min(1).optional(),
  /** Modality; `none` is a part without one. */
  modality: z.array(z.enum(['grant', 'duty', 'prohibition', 'none'])).min(1).optional(),
  only: z.boolean().optional(),
  negated: z.boolean().optional(),
  /** Who acts; `none` when the part names no one. */
  actor: z.array(z.string()).min(1).optional(),
  notActor: z.array(z.string()).min(1).optional(),
  /** At least one of these actions / objects / qualifiers / metrics is named. */
  action: Concepts.optional(),
  object: Concepts.optional(),
  qualifier: Concepts.optional(),
  metric: Concepts.optional(),
  /** None of these qualifiers / actions is named. */
  noQualifier: Concepts.optional(),
  noAction: Concepts.optional(),
  noObject: Concepts.optional(),
  /** The object the part is about (its first object after its first action, else its first object) is none of these. */
  noHead: Concepts.optional(),
  /** None of these objects is named as a thing of its own, only as the source of another ("the outputs of the Model" names
   * the outputs; "the Model or its outputs" names the Model too). */
  noMainObject: Concepts.optional(),
  /** false: the part is not a lead-in (it does not end at ":"); true: it is one. */
  lead: z.boolean().optional(),
  /** None of these metrics is named (a limit tied to a number of users or revenue is a threshold, not a ban). */
  noMetric: Concepts.optional(),
  /** A second set, of which at least one must also be named ("state" and "modify"). */
  andAction: Concepts.optional(),
  andObject: Concepts.optional(),
  /** At least one of these actions is one the part's grant can be about (granted.ts: not a relative clause's verb, a purpose noun or "its use"). */
  grantAction: Concepts.optional(),
  /** Definitions ("X means ...") and hypotheticals are left out unless this is true. */
  definition: z.boolean().optional(),
  hypothetical: z.boolean().optional(),
  /** Words (lexicon-free, lowercase) the part must contain, for a fixed word the lexicon does not need ("territory"). */
  word: z.array(z.string().min(1)).min(1).optional(),
  /** true: a grant must be stated by a word that grants ("grant", "may", "a license to"), not by a noun alone ("rights"). */
  grantWord: z.boolean().optional(),
  /** Words (lexicon-free, lowercase) the part must not contain. */
  noWord: z.array(z.string().min(1)).min(1).optional(),
  /** A second set of words (lexicon-free, lowercase), one of which the part must also contain ("subject" and "recipients"). */
  andWord: z.array(z.string().min(1)).min(1).optional(),
  /** true: the part quotes something (words to show or a name: "show 'Made with Acme'"); false: it quotes nothing. */
  quoted: z.boolean().optional(),
}).strict());
export type PartCond = z.infer<typeof PartCondSchema>;

export const ClauseCondSchema = lazySchema(() => PartCondSchema.extend({
  /** Some exception part of the same sentence ("except", "other than", "unless") meets these constraints. */
  exception: PartCondSchema.optional(),
  /** Some condition part of the same sentence ("if", "when", "once") meets these constraints. */
  condition: PartCondSchema.optional(),
  /** Some other part of the same sentence meets these constraints. */
  with: PartCondSchema.optional(),
}).strict());
export type ClauseCond = z.infer<typeof ClauseCondSchema>;

/**
 * A constraint that rules the term out, except where another part of the sentence meets one of `without`: a statement that
 * a size changes nothing ("even if your revenue exceeds $100 million, the same terms apply") rules a threshold out only
 * while nothing in the sentence imposes ("... the same terms apply only after you pay a fee").
 */
export const NoneCondSchema = lazySchema(() => PartCondSchema.extend({
  without: z.array(PartCondSchema).min(1).optional(),
}).strict());
export type NoneCond = z.infer<typeof NoneCondSchema>;

export const ClauseSchema = lazySchema(() => z.object({
  /** The term is found when a part meets any of these. */
  any: z.array(ClauseCondSchema).min(1),
  /** ...and no part of the sentence meets any of these. */
  none: z.array(NoneCondSchema).default([]),
  /** Threshold rules: the metric whose number the reader takes (value, comparator, period, currency). */
  threshold: z.object({
    metric: z.string().regex(/^[a-z][a-z-]*$/),
    percent: z.boolean().optional(),
    /** The sentence must set the threshold (a modality, a condition, "only" or a consequence), even with a comparator: "the model has over 7B parameters" describes. */
    framed: z.boolean().optional(),
  }).strict().optional(),
  /** `quoted`: the term's text is the first quoted string of the sentence (attribution / name rules). */
  text: z.enum(['quoted']).optional(),
  /**
   * The term also holds, with the evidence of the term `by`, where the document states `by` and one of its sentences
   * meets one of `any` (a definition that widens what `by` is about): a duty to give the source on distribution reaches
   * network use where the license defines distribution to include it ("'Distribute' includes making the Work available
   * to users over a network"). src/extract/clause/defined.ts.
   */
  defined: z.object({ by: z.string().regex(/^[a-z][a-z-]*$/), any: z.array(ClauseCondSchema).min(1) }).strict().optional(),
  /**
   * The term stands only where the document states none of these terms: a right granted for one purpose ("a licence to
   * use the weights for non-commercial purposes") limits use to that purpose unless another sentence provides for the use
   * it leaves out (grants it, prices it by size, or opens it by registering). src/extract/clause/unless.ts.
   */
  unlessTerm: z.array(z.string().regex(/^[a-z][a-z-]*$/)).min(1).optional(),
}).strict());
export type Clause = z.infer<typeof ClauseSchema>;
