/**
 * Cross-check against the real license texts in ../shared/corpus: the
 * expectations in test/expectations/terms/*.yaml were written by reading
 * the licenses, and are checked against what the engine finds in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { extractTerms, getRules } from '../../src/extract/index.js';
import { parseDocument } from '../../src/parse/document.js';
import { splitSentences } from '../../src/parse/sentences.js';
import type { ParsedDocument, Sentence } from '../../src/types.js';
import { REPO, corpusText, docOf } from './helpers.js';

const Spec = z.object({
  file: z.string(),
  thresholdsComplete: z.boolean().default(false),
  thresholds: z.array(z.object({
    metric: z.string(), value: z.number(), comparator: z.string(), period: z.string().nullable(),
    currency: z.string().nullable(), consequence: z.string(),
  }).strict()).default([]),
  present: z.array(z.record(z.string(), z.unknown()).nullable()).default([]),
  absent: z.array(z.string()).default([]),
  noKinds: z.array(z.string()).default([]),
}).strict();

const dir = path.join(REPO, 'test/expectations/terms');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const rules = getRules();

describe('corpus expectations', () => {
  test('at least 20 corpus files are covered', () => expect(files.length).toBeGreaterThanOrEqual(20));
  // each file twice: the engine on plain text with its default splitter, and the way `oml analyze`
  // runs it (parseDocument: remark for markdown-like text, and the pipeline's sentence splitter)
  const modes: Array<{ name: string; doc: (text: string, file: string) => ParsedDocument; split?: (d: ParsedDocument) => Sentence[] }> = [
    { name: 'engine', doc: docOf },
    { name: 'pipeline', doc: (text, file) => parseDocument({ path: file, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] }), split: splitSentences },
  ];
  for (const f of files) for (const mode of modes) {
    const spec = Spec.parse(parse(readFileSync(path.join(dir, f), 'utf8')));
    describe(`${f.replace(/\.yaml$/, '')} (${mode.name})`, () => {
      const text = corpusText(spec.file);
      const terms = extractTerms(mode.doc(text, spec.file), { rules, ...(mode.split ? { split: mode.split } : {}) });
      const names = terms.map((t) => t.name);
      test('thresholds', () => {
        const got = terms.filter((t) => t.kind === 'threshold')
          .map((t) => ({ metric: t.metric, value: t.value, comparator: t.comparator, period: t.period, currency: t.currency, consequence: t.consequence }));
        for (const want of spec.thresholds) expect(got).toContainEqual(want);
        if (spec.thresholdsComplete) expect(got).toHaveLength(spec.thresholds.length);
      });
      test('present terms', () => {
        for (const want of spec.present.filter((p) => p !== null)) {
          expect(terms.some((t) => Object.entries(want!).every(([k, v]) => JSON.stringify((t as Record<string, unknown>)[k]) === JSON.stringify(v))),
            `missing ${JSON.stringify(want)}; found ${JSON.stringify(terms.map((t) => [t.name, t.text, t.scope, t.territories]))}`).toBe(true);
        }
      });
      test('absent terms', () => {
        for (const name of spec.absent) expect(names, `${name} must not be found`).not.toContain(name);
        for (const kind of spec.noKinds) expect(terms.filter((t) => t.kind === kind).map((t) => t.name), `no ${kind} expected`).toEqual([]);
      });
      test('evidence quotes the input exactly at its line and column', () => {
        const lines = text.split('\n');
        for (const t of terms) {
          const { line, column, sentence } = t.evidence;
          expect(t.evidence.path).toBe(spec.file);
          const firstLine = sentence.split('\n')[0]!;
          expect(lines[line - 1]!.slice(column - 1, column - 1 + firstLine.length)).toBe(firstLine);
        }
      });
    });
  }
});
