/**
 * Build step: which compiled lexicons the run may use without validating them again. Each lexicon
 * file with a schema here is validated at build time; it is listed as validated when the schema's
 * output equals the parsed YAML (no defaults or transforms), so skipping zod at run time gives the same
 * value. A file without a schema here, or one the schema changes, is validated at run time as before.
 * An invalid file fails the build, naming it.
 */
import type { z } from 'zod';
import { MetricsLexiconSchema, ReaderLexiconSchema } from '../extract/clause/lexicon.js';
import { GrammarSchema } from '../extract/clause/grammar.js';
import { ChangesLexiconSchema } from '../analyze/changes.js';
import { SentencesLexiconSchema } from '../parse/sentences.js';
import { NumberWordsSchema } from '../parse/numbers.js';

const SCHEMAS: Record<string, z.ZodType> = {
  'reader/en': ReaderLexiconSchema,
  'reader/zh': ReaderLexiconSchema,
  'reader/metrics': MetricsLexiconSchema,
  'reader/grammar': GrammarSchema,
  changes: ChangesLexiconSchema,
  sentences: SentencesLexiconSchema,
  'number-words': NumberWordsSchema,
};

/** Names of the lexicons validated here and left unchanged by their schema; throws on an invalid one. */
export function validatedLexicons(parsed: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [name, raw] of Object.entries(parsed)) {
    const schema = SCHEMAS[name];
    if (!schema) continue;
    const r = schema.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0]!;
      throw new Error(`data/lexicons/${name}.yaml: invalid at ${i.path.join('.') || '(root)'}: ${i.message}`);
    }
    if (JSON.stringify(r.data) === JSON.stringify(raw)) out.push(name);
  }
  return out.sort();
}
