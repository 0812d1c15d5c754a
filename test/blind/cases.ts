/**
 * Blind suite: loading and validating the case files (test/blind/cases/*.yaml, set 1,
 * test/blind/cases-2/*.yaml, set 2, and test/blind/cases-3/*.yaml, set 3) and the vocabulary (test/blind/vocabulary.yaml). Pure data handling:
 * no engine call here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { TERM_KINDS, TermKindSchema, type TermKind } from '../../src/types.js';

export const BLIND_DIR = __dirname;
export const CASES_DIR = join(BLIND_DIR, 'cases');
export const CASES_2_DIR = join(BLIND_DIR, 'cases-2');
export const CASES_3_DIR = join(BLIND_DIR, 'cases-3');

/** A set of blind cases: written by one blind writer, scored on its own against its own ratchet. */
export interface BlindSet {
  /** short key, also the prefix of the set's case ids when sets are scored together */
  key: string;
  /** who wrote it and where it lives (report headings) */
  label: string;
  dir: string;
  /** the set's ratchet file */
  baseline: string;
}

/** The sets, in report order. Set 1 keeps its folder, ids and baseline.json exactly as before set 2 existed. */
export const SETS: readonly BlindSet[] = [
  { key: '1', label: 'Set 1: test/blind/cases (the first blind writer)', dir: CASES_DIR, baseline: join(BLIND_DIR, 'baseline.json') },
  { key: '2', label: 'Set 2: test/blind/cases-2 (the second blind writer, 2026-12-02)', dir: CASES_2_DIR, baseline: join(BLIND_DIR, 'baseline-2.json') },
  { key: '3', label: 'Set 3: test/blind/cases-3 (the third blind writer, 2026-12-02)', dir: CASES_3_DIR, baseline: join(BLIND_DIR, 'baseline-3.json') },
];

/** The cases of a set with ids made unique across sets (`2:revenue/p01`), for scoring several sets together. */
export function withSetIds(set: Pick<BlindSet, 'key'>, cases: BlindCase[]): BlindCase[] {
  return cases.map((c) => ({ ...c, id: `${set.key}:${c.id}` }));
}

/** Minimum case counts the brief asks for. */
export const MINIMUM = { en: { positives: 15, nearMisses: 10 }, zh: { positives: 8, nearMisses: 5 } } as const;

const TermName = z.string().regex(/^[a-z][a-z-]{0,60}$/);
const Lang = z.enum(['en', 'zh']);

const ExpectSchema = z.object({
  value: z.number().optional(),
  comparator: z.enum(['>', '>=', '<', '<=']).optional(),
  period: z.enum(['month', 'year']).nullable().optional(),
  currency: z.string().length(3).nullable().optional(),
  consequence: z.enum(['license-required', 'attribution-display', 'fee', 'prohibited']).optional(),
  text: z.string().min(1).optional(),
  territories: z.array(z.string().min(2).max(3)).min(1).optional(),
}).strict();
export type Expect = z.infer<typeof ExpectSchema>;

const CaseObjectSchema = z.object({
  text: z.string().min(1).max(2000).optional(),
  lead: z.string().min(1).max(500).optional(),
  item: z.string().min(1).max(1000).optional(),
  lang: Lang.default('en'),
  also: z.array(TermName).default([]),
  expect: ExpectSchema.optional(),
}).strict().refine((c) => (c.text !== undefined) !== (c.lead !== undefined && c.item !== undefined), {
  message: 'a case has either "text" or both "lead" and "item"',
}).refine((c) => (c.lead === undefined) === (c.item === undefined), { message: '"lead" and "item" go together' });

const CaseSchema = z.union([z.string().min(1).max(2000), CaseObjectSchema]);

export const CaseFileSchema = z.object({
  term: TermName,
  kind: TermKindSchema,
  positives: z.array(CaseSchema).min(1),
  near_misses: z.array(CaseSchema).min(1),
}).strict();

export const VocabularySchema = z.object({
  ...Object.fromEntries(TERM_KINDS.map((k) => [k, z.array(TermName).min(1)])),
  core: z.array(TermName).min(1),
} as Record<TermKind | 'core', z.ZodArray<typeof TermName>>).strict();

export type Polarity = 'positive' | 'near-miss';

/** One case, normalized. `id` is stable as long as the case files are not reordered (they are frozen). */
export interface BlindCase {
  id: string;
  term: string;
  kind: TermKind;
  polarity: Polarity;
  lang: 'en' | 'zh';
  /** The document given to the engine. */
  document: string;
  also: string[];
  expect?: Expect;
}

export interface Vocabulary {
  kinds: Record<TermKind, string[]>;
  core: string[];
  /** term name -> kind */
  kindOf: Map<string, TermKind>;
}

export function loadVocabulary(file = join(BLIND_DIR, 'vocabulary.yaml')): Vocabulary {
  const raw = VocabularySchema.parse(parse(readFileSync(file, 'utf8')));
  const kinds = Object.fromEntries(TERM_KINDS.map((k) => [k, raw[k]])) as Record<TermKind, string[]>;
  const kindOf = new Map<string, TermKind>();
  for (const k of TERM_KINDS) {
    for (const name of kinds[k]) {
      if (kindOf.has(name)) throw new Error(`vocabulary.yaml: "${name}" is listed under two kinds`);
      kindOf.set(name, k);
    }
  }
  for (const name of raw.core) if (!kindOf.has(name)) throw new Error(`vocabulary.yaml: core term "${name}" is not in a kind`);
  return { kinds, core: raw.core, kindOf };
}

/** The document text for a case: the sentence, or the lead-in and the list item on the next line. */
export function documentOf(c: { text?: string; lead?: string; item?: string }): string {
  if (c.text !== undefined) return `${c.text}\n`;
  return `${c.lead}\n(a) ${c.item}\n`;
}

export interface CaseFile { file: string; term: string; kind: TermKind; cases: BlindCase[] }

/** Parses one case file; throws an error naming the file and the problem. */
export function parseCaseFile(file: string, source: string): CaseFile {
  let data: unknown;
  try {
    data = parse(source);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const r = CaseFileSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const { term, kind } = r.data;
  const cases: BlindCase[] = [];
  const add = (list: typeof r.data.positives, polarity: Polarity) => {
    list.forEach((raw, i) => {
      const c = typeof raw === 'string' ? { text: raw, lang: 'en' as const, also: [] as string[] } : raw;
      if (polarity === 'near-miss' && c.expect) throw new Error(`${file}: near_misses.${i}: a near miss has no "expect"`);
      if (c.also.includes(term)) throw new Error(`${file}: ${polarity}.${i}: "also" names the file's own term`);
      cases.push({
        id: `${term}/${polarity === 'positive' ? 'p' : 'n'}${String(i + 1).padStart(2, '0')}`,
        term, kind, polarity, lang: c.lang, document: documentOf(c), also: c.also,
        ...(c.expect ? { expect: c.expect } : {}),
      });
    });
  };
  add(r.data.positives, 'positive');
  add(r.data.near_misses, 'near-miss');
  return { file, term, kind, cases };
}

export function loadCaseFiles(dir = CASES_DIR): CaseFile[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => parseCaseFile(f, readFileSync(join(dir, f), 'utf8')));
}

/** Problems of a set of case files against the vocabulary (empty when the suite is complete). */
export function auditCaseFiles(files: CaseFile[], vocab: Vocabulary): string[] {
  const problems: string[] = [];
  const byTerm = new Map(files.map((f) => [f.term, f]));
  for (const f of files) {
    if (f.file !== `${f.term}.yaml`) problems.push(`${f.file}: term "${f.term}" does not match the file name`);
    const kind = vocab.kindOf.get(f.term);
    if (!kind) problems.push(`${f.file}: "${f.term}" is not a vocabulary term`);
    else if (kind !== f.kind) problems.push(`${f.file}: kind ${f.kind}, vocabulary says ${kind}`);
    for (const c of f.cases) for (const a of c.also) if (!vocab.kindOf.has(a)) problems.push(`${c.id}: also "${a}" is not a vocabulary term`);
    if (f.kind === 'threshold') {
      // Every threshold positive states its value; the comparator too, except for royalty percentages (README).
      for (const c of f.cases) if (c.polarity === 'positive' && c.expect?.value === undefined) {
        problems.push(`${c.id}: a threshold positive states its value`);
      }
    }
    const langs: Array<'en' | 'zh'> = vocab.core.includes(f.term) ? ['en', 'zh'] : ['en'];
    for (const lang of langs) {
      const pos = f.cases.filter((c) => c.lang === lang && c.polarity === 'positive').length;
      const neg = f.cases.filter((c) => c.lang === lang && c.polarity === 'near-miss').length;
      if (pos < MINIMUM[lang].positives) problems.push(`${f.file}: ${pos} ${lang} positives, at least ${MINIMUM[lang].positives} needed`);
      if (neg < MINIMUM[lang].nearMisses) problems.push(`${f.file}: ${neg} ${lang} near misses, at least ${MINIMUM[lang].nearMisses} needed`);
    }
  }
  for (const name of vocab.kindOf.keys()) if (!byTerm.has(name)) problems.push(`no case file for vocabulary term "${name}"`);
  const seen = new Map<string, string>();
  for (const c of files.flatMap((f) => f.cases)) {
    const key = `${c.term}:${c.document}`;
    const prev = seen.get(key);
    if (prev) problems.push(`${c.id}: same document as ${prev}`);
    else seen.set(key, c.id);
  }
  return problems;
}
