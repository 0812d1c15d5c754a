/**
 * Containment of one tag in any of a list of spans, in O(log n) per question once the list is indexed. A part of an
 * adversarial text (one "sentence" of thousands of tags) asked "is this tag inside one of those?" for every tag was
 * quadratic; the index is built once per list (the lists are built per part) and kept in a WeakMap.
 */
import { weakMemo } from '../../weak-memo.js';

interface Span { start: number; end: number }

interface SpanIndex {
  /** Span starts, ascending. */
  starts: number[];
  /** maxEnd[i]: the largest end among the spans at starts[0..i]. */
  maxEnd: number[];
}

/** Below this many spans a plain scan is cheaper than an index. */
const SCAN_BELOW = 16;
const indexOf: (spans: readonly Span[]) => SpanIndex = weakMemo((spans: readonly Span[]): SpanIndex => {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const s of sorted) maxEnd.push((m = Math.max(m, s.end)));
  return { starts, maxEnd };
});

/** The largest end among spans starting at or before `at` (strict: before `at`); -Infinity if none. */
function maxEndUpTo(ix: SpanIndex, at: number, strict: boolean): number {
  let lo = 0;
  let hi = ix.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? ix.starts[mid]! < at : ix.starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -Infinity : ix.maxEnd[lo - 1]!;
}

/** Some span contains t (start <= t.start, end >= t.end). */
export function inAnySpan(t: Span, spans: readonly Span[]): boolean {
  if (spans.length < SCAN_BELOW) return spans.some((c) => t.start >= c.start && t.end <= c.end);
  return maxEndUpTo(indexOf(spans), t.start, false) >= t.end;
}

/** Some span contains t and is longer than it (contains it and starts before it or ends after it). */
export function inLongerSpan(t: Span, spans: readonly Span[]): boolean {
  if (spans.length < SCAN_BELOW) return spans.some((c) => t.start >= c.start && t.end <= c.end && c.end - c.start > t.end - t.start);
  const ix = indexOf(spans);
  return maxEndUpTo(ix, t.start, true) >= t.end || maxEndUpTo(ix, t.start, false) > t.end;
}
