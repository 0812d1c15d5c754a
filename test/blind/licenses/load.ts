/**
 * Whole-license blind set: loading and validating the licenses (test/blind/licenses/<slug>.txt) and their
 * expectations (<slug>.yaml). Pure data handling: no engine call here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { COMPARATORS, CONSEQUENCES, PERIODS, TermKindSchema, TierSchema, type TermKind, type Tier } from '../../../src/types.js';
import type { Vocabulary } from '../cases.js';

export const LICENSES_DIR = __dirname;

const TermName = z.string().regex(/^[a-z][a-z-]{0,60}$/);

const PresentSchema = z.object({
  kind: TermKindSchema,
  name: TermName,
  /** attribution-display / name-prefix: the required text, where the license names it */
  text: z.string().min(1).max(200).optional(),
  /** territory-exclusion: the excluded territories (ISO 3166 alpha-2, EU) */
  territories: z.array(z.string().min(2).max(3)).min(1).optional(),
}).strict();

const ThresholdSchema = z.object({
  metric: TermName,
  value: z.number(),
  comparator: z.enum(COMPARATORS).optional(),
  period: z.enum(PERIODS).nullable().optional(),
  currency: z.string().length(3).nullable().optional(),
  consequence: z.enum(CONSEQUENCES).optional(),
}).strict();

export const ExpectationSchema = z.object({
  tier: TierSchema,
  /** the path the text is analysed under (LICENSE.md for a markdown license) */
  path: z.enum(['LICENSE', 'LICENSE.md']).default('LICENSE'),
  present: z.array(PresentSchema).min(1),
  thresholds: z.array(ThresholdSchema).default([]),
}).strict();

export type PresentTerm = z.infer<typeof PresentSchema>;
export type ExpectedThreshold = z.infer<typeof ThresholdSchema>;

/** One license of the set: its text and what it states. */
export interface BlindLicense {
  slug: string;
  path: 'LICENSE' | 'LICENSE.md';
  text: string;
  tier: Tier;
  present: PresentTerm[];
  thresholds: ExpectedThreshold[];
}

/** Parses one expectation file; throws an error naming the file and the problem. */
export function parseExpectation(file: string, source: string): z.infer<typeof ExpectationSchema> {
  let data: unknown;
  try {
    data = parse(source);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const r = ExpectationSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return r.data;
}

/** The .txt and .yaml names of a folder, unpaired ones named (empty when every text has its expectation). */
export function pairingProblems(names: string[]): string[] {
  const stem = (f: string, ext: string) => (f.endsWith(ext) ? f.slice(0, -ext.length) : null);
  const txt = new Set(names.map((f) => stem(f, '.txt')).filter((s): s is string => s !== null));
  const yml = new Set(names.map((f) => stem(f, '.yaml')).filter((s): s is string => s !== null));
  const out: string[] = [];
  for (const s of txt) if (!yml.has(s)) out.push(`${s}.txt has no ${s}.yaml`);
  for (const s of yml) if (!txt.has(s)) out.push(`${s}.yaml has no ${s}.txt`);
  return out.sort();
}

export function loadLicenses(dir = LICENSES_DIR): BlindLicense[] {
  const names = readdirSync(dir);
  const problems = pairingProblems(names);
  if (problems.length) throw new Error(`test/blind/licenses: ${problems.join('; ')}`);
  return names.filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const slug = f.slice(0, -'.txt'.length);
    const e = parseExpectation(`${slug}.yaml`, readFileSync(join(dir, `${slug}.yaml`), 'utf8'));
    return { slug, path: e.path, text: readFileSync(join(dir, f), 'utf8'), tier: e.tier, present: e.present, thresholds: e.thresholds };
  });
}

const FIELD_TERMS: Record<'text' | 'territories', string[]> = {
  text: ['attribution-display', 'name-prefix'],
  territories: ['territory-exclusion'],
};

/** Problems of the expectations against the vocabulary (empty when every expectation is well formed). */
export function auditLicenses(licenses: BlindLicense[], vocab: Vocabulary): string[] {
  const problems: string[] = [];
  for (const l of licenses) {
    const at = `${l.slug}.yaml`;
    const seen = new Set<string>();
    for (const p of l.present) {
      const kind: TermKind | undefined = vocab.kindOf.get(p.name);
      if (!kind) problems.push(`${at}: "${p.name}" is not a vocabulary term`);
      else if (kind !== p.kind) problems.push(`${at}: ${p.name} has kind ${p.kind}, vocabulary says ${kind}`);
      if (seen.has(p.name)) problems.push(`${at}: ${p.name} listed twice`);
      seen.add(p.name);
      for (const field of ['text', 'territories'] as const) {
        if (p[field] !== undefined && !FIELD_TERMS[field].includes(p.name)) problems.push(`${at}: ${p.name} cannot carry "${field}"`);
      }
    }
    const presentThresholds = new Set(l.present.filter((p) => p.kind === 'threshold').map((p) => p.name));
    const expected = new Set(l.thresholds.map((t) => t.metric));
    for (const m of expected) if (!presentThresholds.has(m)) problems.push(`${at}: threshold ${m} is not in present`);
    for (const m of presentThresholds) if (!expected.has(m)) problems.push(`${at}: present threshold ${m} has no entry in thresholds`);
    if (l.tier === 'unknown') problems.push(`${at}: a made-up license states enough to decide: tier unknown is not an expectation`);
    if (!l.text.trim()) problems.push(`${l.slug}.txt: empty`);
  }
  return problems;
}
