import { describe, it, expect } from 'vitest';
import { documentsExpression } from '../../src/identify/expression.js';
import { identifyText } from '../../src/identify/identify.js';
import type { LicenseInfo } from '../../src/types.js';
import { createRequire } from 'node:module';

/** The MIT text from the spdx-license-list package, from its grant on (no license text in the repository). */
const MIT_BODY = (createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>).MIT.licenseText
  .replace(/^[\s\S]*?(?=Permission is hereby granted)/, '');

const info = (spdx: string | null, match: LicenseInfo['match'], source: string, extra: Partial<LicenseInfo> = {}): LicenseInfo => ({
  id: spdx, spdx, name: null, family: null, version: null, match, confidence: 1, additions: [], removals: [], basedOn: null, source, ...extra,
});

describe('documentsExpression: one SPDX expression for several license documents', () => {
  it('joins identified parts with AND, each license once, in document order', () => {
    const e = documentsExpression([info('MIT', 'exact', 'LICENSES/MIT.txt'), info('Apache-2.0', 'template', 'LICENSE'), info('MIT', 'exact', 'COPYING')]);
    expect(e.expression).toBe('MIT AND Apache-2.0');
    expect(e.parts.map((p) => p.source)).toEqual(['LICENSES/MIT.txt', 'LICENSE', 'COPYING']);
    expect(e.unresolved).toEqual([]);
  });

  it('fails closed: a modified, similar or unknown part leaves no expression and is named with its file', () => {
    const e = documentsExpression([
      info('MIT', 'exact', 'LICENSE'),
      info('BSD-3-Clause', 'modified', 'PATENTS'),
      info(null, 'similar', 'MODEL_LICENSE', { closest: { id: 'llama-3.1-community-license', family: 'llama', version: '3.1', similarity: 0.8 } }),
      info(null, 'unknown', 'COPYING.LESSER'),
    ]);
    expect(e.expression).toBeNull();
    expect(e.unresolved.map((u) => [u.source, u.match])).toEqual([['PATENTS', 'modified'], ['MODEL_LICENSE', 'similar'], ['COPYING.LESSER', 'unknown']]);
    expect(e.unresolved[1]!.why).toContain('llama-3.1-community-license');
  });

  it('no documents: no expression', () => {
    expect(documentsExpression([]).expression).toBeNull();
  });

  it('an SPDX value that is not one id (an expression, spaces) is not spliced into the expression', () => {
    const e = documentsExpression([info('MIT OR GPL-2.0-only', 'declared', 'README.md')]);
    expect(e.expression).toBeNull();
    expect(e.unresolved[0]!.why).toContain('not a single SPDX id');
  });

  it('works on identified texts: an MIT file beside a text that is no license', () => {
    const mit = `${MIT_BODY}`;
    const e = documentsExpression([identifyText(mit, 'LICENSES/MIT.txt'), identifyText('Our own words about nothing in particular, written for this test only.', 'LICENSES/notes.txt')]);
    expect(e.parts.map((p) => p.spdx)).toEqual(['MIT']);
    expect(e.expression).toBeNull();
    expect(e.unresolved.map((u) => u.source)).toEqual(['LICENSES/notes.txt']);
  });
});

describe('the template automaton stays bounded on hostile input', () => {
  it('a long run of template words repeated does not blow up and is not a match', () => {
    const text = 'THE SOFTWARE IS PROVIDED "AS IS" '.repeat(20_000);
    const r = identifyText(text, 'LICENSE');
    expect(['exact', 'template']).not.toContain(r.match);
  });
});
