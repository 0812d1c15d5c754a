/**
 * Zod schemas of the catalog: the hand-written licenses/<id>.yaml files, their
 * generated fingerprint sidecars (licenses/fingerprints/<id>.json), and the
 * SPDX fingerprints.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { FamilySchema } from '../types.js';

export const CATALOG_KINDS = ['license', 'use-policy', 'notice'] as const;

export const StoredFingerprintSchema = lazySchema(() => z.object({
  /** Corpus file the fingerprint was generated from. */
  source: z.string().min(1),
  /** Hash of the normalized body text. */
  hash: z.string().regex(/^[0-9a-f]{32}$/),
  /** Normalized body word count. */
  words: z.number().int().nonnegative(),
  /** base64 of the ordered 32-bit shingle hashes (little endian). */
  shingles: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
}).strict());

/** One hand-written catalog file (licenses/<id>.yaml): metadata only, never generated data. */
export const CatalogFileSchema = lazySchema(() => z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/, 'lowercase id: letters, digits, . + -'),
  name: z.string().min(1),
  family: FamilySchema,
  /** The licensor's own version string, or null when the document has none. */
  version: z.string().min(1).nullable(),
  kind: z.enum(CATALOG_KINDS),
  publisher: z.string().min(1),
  url: z.string().url(),
  /** Hugging Face `license:` ids / `license_name` values that denote this document. */
  hf: z.array(z.string().min(1)).default([]),
  /** SPDX id or LicenseRef-... */
  spdx: z.string().regex(/^(?:LicenseRef-[A-Za-z0-9.+-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$/),
  /** Catalog ids of documents incorporated by reference. */
  incorporates: z.array(z.string()).default([]),
  /** Standard (SPDX) template this document modifies, e.g. MIT. */
  basedOn: z.string().nullable().default(null),
  /** Corpus files (../shared/corpus/licenses) the fingerprints come from. */
  sources: z.array(z.string()).default([]),
  /** Other URLs that serve this document (for license_link resolution). */
  links: z.array(z.string().url()).default([]),
  note: z.string().optional(),
}).strict());

/** A generated sidecar (licenses/fingerprints/<id>.json, written by `npm run generate`). */
export const FingerprintSidecarSchema = lazySchema(() => z.object({
  id: z.string(),
  generatedBy: z.string(),
  fingerprint: z.array(StoredFingerprintSchema),
}).strict());

/** A loaded catalog entry: its file's metadata and its sidecar's fingerprints (none when it lists no sources). */
export const CatalogEntrySchema = lazySchema(() => CatalogFileSchema.extend({
  fingerprint: z.array(StoredFingerprintSchema).default([]),
}).strict());

export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type StoredFingerprint = z.infer<typeof StoredFingerprintSchema>;

/** What both SPDX fingerprint files say of each license. */
const SpdxLicenseFingerprint = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  osi: z.boolean(),
  url: z.string().nullable(),
  hash: z.string(),
  words: z.number().int(),
}));

export const SpdxFingerprintFileSchema = lazySchema(() => z.object({
  generatedBy: z.string(),
  source: z.string(),
  licenses: z.array(SpdxLicenseFingerprint.extend({
    /** Start (in 32-bit words) and length of this license's shingles in the build's dist/data/spdx-shingles.bin. */
    offset: z.number().int().nonnegative(),
    count: z.number().int().nonnegative(),
  })),
}));
export type SpdxFingerprintFile = z.infer<typeof SpdxFingerprintFileSchema>;

/** The committed SPDX part derived from the SPDX XML (licenses/spdx/xml-fingerprints.json): shingles inline, base64. */
export const SpdxXmlFingerprintFileSchema = lazySchema(() => z.object({
  generatedBy: z.string(),
  source: z.string(),
  licenses: z.array(SpdxLicenseFingerprint.extend({
    shingles: StoredFingerprintSchema.shape.shingles,
  }).strict()),
}).strict());
export type SpdxXmlFingerprintFile = z.infer<typeof SpdxXmlFingerprintFileSchema>;
