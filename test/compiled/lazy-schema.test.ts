import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../src/lazy-schema.js';

describe('lazySchema', () => {
  it('builds the schema on first use, once, and accepts and rejects what the eager schema does', () => {
    let builds = 0;
    const make = () => z.object({ id: z.string().regex(/^[a-z]+$/), n: z.number().int().default(1) }).strict();
    const lazy = lazySchema(() => { builds++; return make(); });
    const eager = make();
    expect(builds).toBe(0);
    for (const v of [{ id: 'ab' }, { id: 'AB' }, { id: 'ab', n: 1.5 }, { id: 'ab', x: 1 }, null]) {
      expect(lazy.safeParse(v)).toEqual(eager.safeParse(v));
    }
    expect(builds).toBe(1);
  });

  it('composes: a lazy schema inside another schema, extended, and as the JSON Schema of its eager twin', () => {
    const inner = lazySchema(() => z.enum(['a', 'b']));
    const outer = lazySchema(() => z.object({ k: inner, list: z.array(inner) }).extend({ more: inner.optional() }));
    const eager = z.object({ k: z.enum(['a', 'b']), list: z.array(z.enum(['a', 'b'])) }).extend({ more: z.enum(['a', 'b']).optional() });
    expect(outer.safeParse({ k: 'a', list: ['b'], more: 'a' }).success).toBe(true);
    expect(outer.safeParse({ k: 'c', list: [] }).success).toBe(false);
    expect(inner.options).toEqual(['a', 'b']);
    expect(outer instanceof z.ZodObject).toBe(true);
    expect(z.toJSONSchema(outer)).toEqual(z.toJSONSchema(eager));
  });
});
