/**
 * The wording of the `oml analyze` and `oml check` text reports (data/report-text.yaml), loaded
 * once and validated with zod; bad data is a CATALOG error naming the file.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadDataFile } from '../data-table.js';
import { COMPARATORS, CONSEQUENCES, TERM_KINDS, TIERS } from '../types.js';
import { CheckWordingSchema, type CheckWording } from './check-wording.js';

const Template = (...placeholders: string[]) =>
  z.string().min(1).refine((s) => placeholders.every((p) => s.includes(`{${p}}`)), { message: `must contain ${placeholders.map((p) => `{${p}}`).join(', ')}` });

const byEnum = <T extends readonly [string, ...string[]]>(keys: T, value: z.ZodTypeAny) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<T[number], z.ZodTypeAny>).strict();

export const ReportTextSchema = lazySchema(() => z.object({
  version: z.literal(1),
  headlines: byEnum(TIERS, Template('license')),
  unknownLicense: z.string().min(1),
  quoteChars: z.number().int().min(20).max(1000),
  sources: z.object({ file: Template('path', 'line'), catalog: Template('name', 'url', 'line') }).strict(),
  terms: z.object(Object.fromEntries(TERM_KINDS.map((k) => [k, z.record(z.string(), z.string().min(1)).optional()]))).strict(),
  thresholds: z.object({
    format: Template('consequence', 'comparator', 'value', 'metric', 'per'),
    per: Template('period'),
    comparators: byEnum(COMPARATORS, z.string().min(1)),
    metrics: z.record(z.string(), z.string().min(1)),
    consequences: byEnum(CONSEQUENCES, z.string().min(1)),
  }).strict(),
  check: CheckWordingSchema,
}).strict());

export interface ReportText {
  version: 1;
  headlines: Record<(typeof TIERS)[number], string>;
  unknownLicense: string;
  quoteChars: number;
  sources: { file: string; catalog: string };
  terms: Partial<Record<(typeof TERM_KINDS)[number], Record<string, string>>>;
  thresholds: {
    format: string;
    per: string;
    comparators: Record<(typeof COMPARATORS)[number], string>;
    metrics: Record<string, string>;
    consequences: Record<(typeof CONSEQUENCES)[number], string>;
  };
  /** The `oml check` text report (check-wording.ts). */
  check: CheckWording;
}

export const reportText = (): ReportText => loadDataFile('report-text.yaml', ReportTextSchema as unknown as z.ZodType<ReportText>);

/** `template` with each {key} replaced (one pass, so a value containing "{x}" is never expanded). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z]{1,20})\}/g, (m, k: string) => values[k] ?? m);
}
