import { describe, expect, it } from 'vitest';
import { isSpdxId, parseSpdxExpression } from '../../src/parse/spdx.js';

describe('isSpdxId', () => {
  it('returns the canonical casing of Hugging Face lower-case ids', () => {
    expect(isSpdxId('apache-2.0')).toBe('Apache-2.0');
    expect(isSpdxId('mit')).toBe('MIT');
    expect(isSpdxId('cc-by-nc-4.0')).toBe('CC-BY-NC-4.0');
    expect(isSpdxId('bsd-3-clause')).toBe('BSD-3-Clause');
    expect(isSpdxId('openrail')).toBeNull();
    expect(isSpdxId('llama3.1')).toBeNull();
    expect(isSpdxId('other')).toBeNull();
  });
});

describe('parseSpdxExpression', () => {
  it('parses simple and compound expressions', () => {
    const r = parseSpdxExpression('MIT');
    expect(r).toMatchObject({ ok: true, ids: ['MIT'], expression: 'MIT' });
    const c = parseSpdxExpression('apache-2.0 or (mit and bsd-3-clause)');
    expect(c.ok).toBe(true);
    if (c.ok) {
      expect(c.expression).toBe('Apache-2.0 OR (MIT AND BSD-3-Clause)');
      expect(c.ids).toEqual(['Apache-2.0', 'MIT', 'BSD-3-Clause']);
      expect(c.ast).toMatchObject({ conjunction: 'or' });
    }
    const w = parseSpdxExpression('GPL-2.0-only WITH Classpath-exception-2.0');
    expect(w).toMatchObject({ ok: true, ids: ['GPL-2.0-only'] });
    expect(parseSpdxExpression('LicenseRef-Acme-Model')).toMatchObject({ ok: true });
  });

  it('reports invalid expressions instead of throwing', () => {
    for (const bad of ['', 'llama3.1', 'MIT AND', 'MIT OR OR Apache-2.0', 'x'.repeat(2000)]) {
      const r = parseSpdxExpression(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
    }
  });
});
