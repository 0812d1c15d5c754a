/**
 * oml.lock: what `oml lock` vetted, per referenced Hub model. JSON, keys in a
 * fixed order, models sorted by id, documents by path, so a change reads as a
 * small diff in review.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { MatchSchema, TierSchema, VerdictSchema } from '../types.js';

export const LOCK_VERSION = 1;
export const LOCK_FILE_NAME = 'oml.lock';

const Sha = lazySchema(() => z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-hex commit sha'));
const Sha256 = lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-hex sha256'));

export const LockDocumentSchema = lazySchema(() => z.object({
  path: z.string().min(1),
  role: z.enum(['license', 'use-policy', 'notice', 'card']),
  sha256: Sha256,
}).strict());
export type LockDocument = z.infer<typeof LockDocumentSchema>;

export const LockEntrySchema = lazySchema(() => z.object({
  /** The model id as the repository references it (org/name). */
  id: z.string().min(1),
  /** The revision asked for (main unless pinned). */
  revision: z.string().min(1),
  /** The commit it resolved to. */
  sha: Sha,
  license: z.object({ id: z.string().nullable(), match: MatchSchema }).strict(),
  documents: z.array(LockDocumentSchema),
  tier: TierSchema,
  verdict: VerdictSchema.nullable(),
}).strict());
export type LockEntry = z.infer<typeof LockEntrySchema>;

export const LockFileSchema = lazySchema(() => z.object({
  lockfileVersion: z.literal(LOCK_VERSION),
  /** Hub the models were resolved on. */
  endpoint: z.string(),
  models: z.array(LockEntrySchema),
}).strict());
export type LockFile = z.infer<typeof LockFileSchema>;

/** The JSON Schema (draft 2020-12) of oml.lock. */
export function lockJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(LockFileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: s.$schema, title: 'oml.lock', ...s };
}
