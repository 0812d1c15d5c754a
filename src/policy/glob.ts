/**
 * Minimal glob matching for `exclude:` patterns, without regular expressions
 * (so no backtracking blow-up on hostile patterns).
 *
 * - `*` matches any run of characters except `/`, `?` one character except `/`.
 * - `**` as a whole segment matches zero or more path segments.
 * - A pattern without `/` matches the base name at any depth (like .gitignore).
 * - A trailing `/` is ignored; a leading `./` or `/` anchors at the root.
 */

function matchSegment(pat: string, s: string): boolean {
  // Classic two-pointer wildcard match: O(len(pat) * len(s)) worst case.
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (p < pat.length && (pat[p] === '?' || pat[p] === s[i])) {
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
