import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/document.js';
import { parseSpdxExpression } from '../../src/parse/spdx.js';
import type { ParsedDocument, SourceText } from '../../src/types.js';
import { guarded, params, syntaxText, timed, timeout } from './helpers.js';

const CODES = ['YAML', 'YAML_ALIAS'] as const;
const ENGINES = ['remark', 'fast'] as const;

const src = (text: string, path: string): SourceText => ({ path, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });

/** Structural invariants of a parsed document. */
function checkDoc(doc: ParsedDocument, text: string): void {
  // remark counts a lone CR as a line ending too (decodeBytes normalizes CR before parsing in the pipeline)
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const s of doc.segments) {
    expect(typeof s.text).toBe('string');
    expect(Number.isInteger(s.line) && s.line >= 1).toBe(true);
    expect(Number.isInteger(s.column) && s.column >= 1).toBe(true);
    expect(s.line).toBeLessThanOrEqual(lines);
  }
}

function parseBoth(text: string, path: string, hangMs?: number): void {
  for (const markdown of ENGINES) {
    const doc = guarded(() => parseDocument(src(text, path), { markdown }), path, CODES, hangMs);
    if (doc) checkDoc(doc, text);
  }
}

/** YAML-ish front matter lines: keys, flow collections, anchors, aliases, merge keys, tags, odd indentation. */
const yamlLine = fc.oneof(
  fc.constantFrom(
    'license: mit', 'license: other', 'license_name: modified-mit', 'license: [apache-2.0, mit]', 'base_model: org/model',
    'base_model:\n  - a/b\n  - c/d', 'a: &a [1, 2, 3]', 'b: *a', 'c: [*a, *a, *a]', '<<: *a', 'd: !!binary aGVsbG8=', 'e: !!js/function "x"',
    'f: {x: 1, y: [2, {z: 3}]}', 'g: |\n  block\n  text', 'h: >-\n  folded', '? complex key\n: value', '- top level list', 'license: 1e308',
    'license: ~', 'license: null', 'license:', 'license: "\\u0000"', '\tindented: tab', 'k: v: w', 'key: "unterminated', "key: 'x''y'",
    '%YAML 1.2', '--- # second doc', '...', 'license: !!int 0x1F', 'dup: 1\ndup: 2', 'extra_gated_prompt: x',
  ),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([k, v]) => `${k}: ${v}`),
  syntaxText(8),
);
const frontMatter = fc.tuple(fc.array(yamlLine, { maxLength: 12 }), syntaxText(20), fc.boolean())
  .map(([lines, body, closed]) => `---\n${lines.join('\n')}\n${closed ? '---\n' : ''}${body}`);

describe('fuzz: parseDocument', () => {
  it('parses arbitrary unicode and markdown-ish text with both engines', () => {
    fc.assert(
      fc.property(fc.oneof(syntaxText(120), fc.string({ unit: 'binary', maxLength: 300 })), fc.constantFrom('README.md', 'LICENSE', 'notes.txt'), (text, path) => {
        parseBoth(text, path);
      }),
      params(300),
    );
  }, timeout(30000));

  it('parses front matter with arbitrary YAML-ish content or throws YAML / YAML_ALIAS naming the file', () => {
    fc.assert(
      fc.property(frontMatter, (text) => {
        for (const markdown of ENGINES) {
          const doc = guarded(() => parseDocument(src(text, 'card/README.md'), { markdown, limits: { maxYamlAliases: 20 } }), 'card/README.md', CODES);
          if (doc?.card) {
            expect(Array.isArray(doc.card.license)).toBe(true);
            for (const l of doc.card.license) expect(typeof l).toBe('string');
          }
        }
      }),
      params(300),
    );
  }, timeout(30000));

});

/** Adversarial inputs: deep nesting and huge single lines. */
const word = 'licensee shall not use the model ';
const ADVERSARIAL: Record<string, string> = {
  quoteOneLine: `${'> '.repeat(5000)}deep quote`,
  listOneLine: `${'- '.repeat(5000)}deep list`,
  mixedOneLine: `${'> - '.repeat(2500)}mixed`,
  orderedOneLine: `${'1. '.repeat(5000)}ordered`,
  quoteMarkerLines: Array.from({ length: 5000 }, () => '>').join('\n') + ' end',
  nestedListLines: Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  nestedQuoteLines: Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} level ${i}`).join('\n'),
  links: `${'['.repeat(5000)}x${'](u)'.repeat(5000)}`,
  emphasisRun: `${'*'.repeat(5000)}x${'*'.repeat(5000)}`,
  html: '<div>'.repeat(5000),
  hugeWords: word.repeat(Math.floor(1_000_000 / word.length)),
  hugeToken: 'a'.repeat(1_000_000),
  hugeDelimiters: '*_'.repeat(200_000),
  hugeBrackets: '['.repeat(200_000),
  hugeBackticks: '`'.repeat(200_000),
  hugeBackslashes: '\\'.repeat(200_000),
  hugeNumbers: '1,'.repeat(200_000),
};

/**
 * Inputs that overflow remark-parse's stack (5000 nesting levels) or make it
 * super-linear (deep nesting over many lines, long `*`/`_` runs): parseDocument
 * detects them in a linear pre-scan and uses the line scanner instead.
 */
const REMARK_KNOWN = new Set(['quoteOneLine', 'listOneLine', 'mixedOneLine', 'orderedOneLine', 'nestedListLines', 'nestedQuoteLines', 'emphasisRun', 'hugeDelimiters']);

function parseOne(name: string, markdown: 'remark' | 'fast'): void {
  const text = ADVERSARIAL[name]!;
  const doc = guarded(() => parseDocument(src(text, `${name}.md`), { markdown }), `${name}.md`, CODES, 5000);
  if (doc) checkDoc(doc, text);
}

describe('fuzz: parseDocument on deep nesting and huge lines', () => {
  it('fast engine: every adversarial input in time, no crash', () => {
    for (const name of Object.keys(ADVERSARIAL)) parseOne(name, 'fast');
  }, 60000);

  it('remark engine (default): every adversarial input in time, no crash', () => {
    for (const name of Object.keys(ADVERSARIAL)) parseOne(name, 'remark');
  }, 60000);

  it('remark engine: hostile nesting and delimiter runs fall back to the line scanner with a warning', () => {
    for (const name of REMARK_KNOWN) {
      const doc = parseDocument(src(ADVERSARIAL[name]!, `${name}.md`));
      expect(doc.warnings.some((w) => w.code === 'MARKDOWN_FALLBACK'), name).toBe(true);
    }
  });
});

const SPDX_TOKENS = ['MIT', 'mit', 'Apache-2.0', 'apache-2.0', 'GPL-2.0+', 'GPL-2.0-only', 'AND', 'and', 'OR', 'or', 'WITH', 'with',
  'Classpath-exception-2.0', '(', ')', '((', '))', 'LicenseRef-acme', 'DocumentRef-x:LicenseRef-y', '+', ' ', 'NOASSERTION', 'other', ''];

describe('fuzz: parseSpdxExpression', () => {
  it('never throws and reports ok with ids, or an error string', () => {
    const expr = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.constantFrom(...SPDX_TOKENS), { maxLength: 40 }).map((t) => t.join(' ')),
      fc.array(fc.constantFrom(...SPDX_TOKENS), { maxLength: 40 }).map((t) => t.join('')),
      fc.integer({ min: 1, max: 2000 }).map((n) => `${'('.repeat(n)}MIT${')'.repeat(n)}`),
      fc.integer({ min: 1, max: 600 }).map((n) => Array.from({ length: n }, () => 'MIT').join(' OR ')),
    );
    fc.assert(
      fc.property(expr, (e) => {
        const r = timed(() => parseSpdxExpression(e));
        expect(r.ms).toBeLessThan(2000);
        if (r.error) throw r.error;
        const v = r.value!;
        if (v.ok) {
          expect(v.ids.length).toBeGreaterThan(0);
          for (const id of v.ids) expect(typeof id).toBe('string');
          expect(v.expression.length).toBeLessThanOrEqual(1000 * 2);
        } else {
          expect(typeof v.error).toBe('string');
        }
      }),
      params(500),
    );
  }, timeout(20000));
});
