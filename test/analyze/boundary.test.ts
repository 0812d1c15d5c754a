/** The library boundary: bad arguments are OmlError USAGE naming function and argument, never a raw TypeError. */
import { describe, expect, it } from 'vitest';
import { analyzePaths, analyzeText, analyzeStream, identifyText, isOmlError, type OmlError } from '../../src/index.js';

function thrown(fn: () => unknown): OmlError {
  try { fn(); } catch (e) { if (isOmlError(e)) return e; throw new Error(`not an OmlError: ${String(e)}`); }
  throw new Error('did not throw');
}
async function rejected(p: () => Promise<unknown>): Promise<OmlError> {
  try { await p(); } catch (e) { if (isOmlError(e)) return e; throw new Error(`not an OmlError: ${String(e)}`); }
  throw new Error('did not reject');
}

describe('public API argument validation', () => {
  it('analyzeText(undefined) / ("text") / ({ path }) are USAGE errors naming the argument', () => {
    for (const bad of [undefined, 'MIT License', { path: 'x' }, { path: 'x', text: 42 }, null]) {
      const e = thrown(() => analyzeText(bad as never));
      expect(e.code).toBe('USAGE');
      expect(e.message).toMatch(/analyzeText: source/);
    }
  });
  it('analyzeText enforces maxFileBytes on in-memory text (8.6 MB)', () => {
    const e = thrown(() => analyzeText({ path: 'big.txt', text: 'a'.repeat(8_600_000) } as never));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toContain('big.txt');
  });
  it('analyzeText accepts a minimal { path, text } and fills the rest', () => {
    expect(analyzeText({ path: 'x.txt', text: 'no license here' } as never).subject.path).toBe('x.txt');
  });
  it('identifyText(null) is a USAGE error', () => {
    expect(thrown(() => identifyText(null as never, 'x')).code).toBe('USAGE');
  });
  it("analyzePaths('abc') does not iterate characters", async () => {
    const e = await rejected(() => analyzePaths('abc' as never));
    expect(e.code).toBe('USAGE');
    expect(e.message).toMatch(/expected an array/);
    expect((await rejected(() => analyzePaths([''] as never))).message).toMatch(/paths\[0\]: empty path/);
  });
  it('analyzeStream: bad items become error items naming the input, the stream goes on', async () => {
    const items = [];
    for await (const it of analyzeStream([42, null, { path: 'p.txt', text: 7 }, { path: 'ok.txt', text: 'no license' }] as never)) items.push(it);
    expect(items.map((i) => [i.path, i.error?.code ?? 'ok'])).toEqual([['(input 1)', 'USAGE'], ['(input 2)', 'USAGE'], ['p.txt', 'USAGE'], ['ok.txt', 'ok']]);
  });
  it('analyzeStream(non-iterable) is a USAGE error', async () => {
    const e = await rejected(async () => { for await (const _ of analyzeStream(42 as never)) void _; });
    expect(e.code).toBe('USAGE');
  });
});
