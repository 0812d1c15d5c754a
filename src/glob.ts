/**
 * The one glob matcher (a base module), without regular expressions: wildcard
 * matching is the classic two-pointer walk with backtracking to the last star
 * (O(pattern x input) worst case), and `**` segments are memoized, so hostile
 * patterns cannot blow up. Regex-compiling libraries (picomatch, minimatch)
 * backtrack polynomially in the number of stars on a failing match: picomatch
 * took 20 s for `*a*a*a*a*a*a*a*a*b` against 60 characters, so they are not used.
 *
 * Two callers, two stated semantics:
 * - {@link compileGlobs} (policy `exclude:`): path-segment aware and case-sensitive;
 *   `*` and `?` stay within a segment, `**` as a whole segment spans zero or more
 *   segments, a pattern without `/` matches the base name at any depth (like
 *   .gitignore), a trailing `/` is ignored, a leading `./` or `/` anchors at the root.
 * - {@link globMatch} (assess base-model table): the whole id, case-insensitive by
 *   default; only `*` is special (any run of characters, `/` included), `?` is literal.
 */

/** Wildcard match of a whole string; `anyOne` enables `?` as "one character". */
function matchWildcard(pat: string, s: string, anyOne: boolean): boolean {
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (p < pat.length && pat[p] !== '*' && (pat[p] === s[i] || (anyOne && pat[p] === '?'))) {
      p++;
      i++;
    } else if (p < pat.length && pat[p] === '*') {
      star = p++;
      mark = i;
    } else if (star >= 0) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.length && pat[p] === '*') p++;
  return p === pat.length;
}

function matchSegment(pat: string, s: string): boolean {
  return matchWildcard(pat, s, true);
}

function matchSegments(pat: string[], segs: string[]): boolean {
  // memo[pi][si]: does pat[pi..] match segs[si..]
  const memo = new Map<number, boolean>();
  const go = (pi: number, si: number): boolean => {
    const key = pi * (segs.length + 1) + si;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (pi === pat.length) r = si === segs.length;
    else if (pat[pi] === '**') r = go(pi + 1, si) || (si < segs.length && go(pi, si + 1));
    else r = si < segs.length && matchSegment(pat[pi]!, segs[si]!) && go(pi + 1, si + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

export interface GlobMatcher {
  /** `rel` is a posix path relative to the scanned root. */
  (rel: string): boolean;
}

/** Path-segment-aware, case-sensitive matcher of any of `patterns` (policy `exclude:`). */
export function compileGlobs(patterns: string[]): GlobMatcher {
  const compiled = patterns.map((raw) => {
    let p = raw.trim().replace(/\\/g, '/');
    const anchored = p.startsWith('/') || p.startsWith('./');
    p = p.replace(/^\.?\//, '').replace(/\/+$/, '');
    const segs = p.split('/').filter((s) => s.length > 0);
    return { segs, basenameOnly: !anchored && segs.length === 1 && segs[0] !== '**' };
  });
  return (rel: string) => {
    const segs = rel.split('/').filter((s) => s.length > 0);
    for (const c of compiled) {
      if (c.basenameOnly) {
        if (segs.length && matchSegment(c.segs[0]!, segs[segs.length - 1]!)) return true;
      } else if (matchSegments(c.segs, segs)) {
        return true;
      }
    }
    return false;
  };
}

/** Whole-string match where only `*` is special and crosses `/` (assess base-model ids). */
export function globMatch(pattern: string, input: string, caseInsensitive = true): boolean {
  return caseInsensitive
    ? matchWildcard(pattern.toLowerCase(), input.toLowerCase(), false)
    : matchWildcard(pattern, input, false);
}
