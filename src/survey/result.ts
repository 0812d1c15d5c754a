/** The survey's output object (JSON format prints it as is). */
import type { Tier } from '../types.js';
import type { Deciding, Dimension, LicenseVia } from './types.js';

export type InputKind = 'epoch-csv' | 'hub-jsonl' | 'folder';

/** Coarse openness classes used for shares and charts. */
export const CLASSES = ['permissive', 'restricted', 'noncommercial', 'closed', 'unknown'] as const;
export type OpennessClass = (typeof CLASSES)[number];

export function classOf(t: Tier): OpennessClass {
  switch (t) {
    case 'open-source': case 'open-weight-permissive': case 'open-weight-conditional': return 'permissive';
    case 'open-weight-restricted': return 'restricted';
    case 'open-weight-noncommercial': return 'noncommercial';
    case 'closed': return 'closed';
    default: return 'unknown';
  }
}

export interface Disagreement {
  model: string;
  year: string;
  country: string;
  file: string;
  line: number;
  epoch: string;
  epochMeans: Tier[];
  tier: Tier;
  license: string;
  via: LicenseVia;
  reason: string;
  deciding?: Deciding;
  notes: string;
}

export interface Agreement {
  /** Epoch label -> the oml tiers that agree with it. */
  mapping: Record<string, Tier[]>;
  /** Rows with an open-weights label and a license oml determined. */
  compared: number;
  agreed: number;
  /** Rows with an open-weights label whose license oml could not determine. */
  notDetermined: number;
  confusion: Array<{ epoch: string; tier: Tier; count: number }>;
  disagreements: Disagreement[];
  /** Disagreements beyond the listing cap (counted, not listed). */
  disagreementsNotListed: number;
}

export interface SurveyResult {
  inputs: Array<{ path: string; kind: InputKind }>;
  credits: string[];
  by: Dimension[];
  total: number;
  tiers: Partial<Record<Tier, number>>;
  groups: Array<Partial<Record<Dimension, string>> & { count: number }>;
  cumulative: Array<{ country: string; class: OpennessClass; year: string; count: number; cumulative: number }>;
  shares: Array<{ country: string; total: number } & Record<OpennessClass, number>>;
  topPublishers: Array<{ publisher: string; country: string; total: number } & Record<OpennessClass, number>>;
  /** U.S. vs China by degree of openness per year, 2020-2025 (the shape of USCC's Figure 4). */
  figure4: Array<{ year: string; country: string; class: OpennessClass; count: number }>;
  agreement: Agreement | null;
  problems: { count: number; listed: Array<{ file: string; line: number; message: string }> };
  /** Groups folded into "(other)" because a table reached its size cap (bounded memory). */
  overflow: number;
}
