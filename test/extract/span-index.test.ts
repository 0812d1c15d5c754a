/**
 * The span index (src/extract/clause/span-index.ts) answers containment exactly as the plain scan over the spans
 * does, on lists long enough to be indexed, including equal spans, shared starts and shared ends.
 */
import { describe, expect, test } from 'vitest';
import { inAnySpan, inLongerSpan } from '../../src/extract/clause/span-index.js';

interface Span { start: number; end: number }

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const plainAny = (t: Span, spans: Span[]) => spans.some((c) => t.start >= c.start && t.end <= c.end);
const plainLonger = (t: Span, spans: Span[]) => spans.some((c) => t.start >= c.start && t.end <= c.end && c.end - c.start > t.end - t.start);

describe('span index', () => {
  test('agrees with the plain scan on 400 seeded lists of 0-60 spans', () => {
    const r = rng(7);
    let yes = 0;
    for (let round = 0; round < 400; round++) {
      const n = Math.floor(r() * 60);
      const spans: Span[] = Array.from({ length: n }, () => {
        const start = Math.floor(r() * 50);
        return { start, end: start + 1 + Math.floor(r() * 8) };
      });
      for (let q = 0; q < 40; q++) {
        const t = q < 10 && n > 0 ? { ...spans[Math.floor(r() * n)]! } : (() => { const start = Math.floor(r() * 55); return { start, end: start + 1 + Math.floor(r() * 6) }; })();
        expect(inAnySpan(t, spans)).toBe(plainAny(t, spans));
        expect(inLongerSpan(t, spans)).toBe(plainLonger(t, spans));
        if (plainLonger(t, spans)) yes++;
      }
    }
    // the seeded lists exercise both answers
    expect(yes).toBeGreaterThan(1000);
  });

  test('a span equal to the tag contains it but is not longer', () => {
    const spans = Array.from({ length: 20 }, (_, i) => ({ start: i * 10, end: i * 10 + 3 }));
    expect(inAnySpan({ start: 50, end: 53 }, spans)).toBe(true);
    expect(inLongerSpan({ start: 50, end: 53 }, spans)).toBe(false);
    expect(inLongerSpan({ start: 51, end: 53 }, spans)).toBe(true);
    expect(inAnySpan({ start: 52, end: 54 }, spans)).toBe(false);
  });
});
