/** Shapes shared by the survey's readers, aggregation and renderers. */
import type { Tier } from '../types.js';

/** How a record's license was found. */
export type LicenseVia = 'card' | 'notes' | 'lineage' | 'folder' | 'label' | 'none';

/** The term that decided a tier, with the sentence that states it. */
export interface Deciding {
  kind: string;
  name: string;
  path: string;
  line: number;
  sentence: string;
}

/** One surveyed model (held only while it is aggregated: the survey keeps no list of records). */
export interface SurveyRecord {
  /** Where the record is in the input. */
  file: string;
  line: number;
  model: string;
  publisher: string;
  /** Country of the organization, or 'unknown'. Several countries are joined with ' & '. */
  country: string;
  /** Publication or creation year, or 'unknown'. */
  year: string;
  /** Catalog or SPDX id, or 'unknown'. */
  license: string;
  via: LicenseVia;
  tier: Tier;
  /** The first reason of the tier (or why the license is unknown). */
  reason: string;
  deciding?: Deciding;
  /** Epoch AI's hand label and notes, for the agreement table. */
  epoch?: { accessibility: string; notes: string };
}

export const DIMENSIONS = ['country', 'year', 'publisher', 'license', 'tier'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
