/**
 * Whole-string glob match where '*' matches any run of characters, without
 * regular expressions (greedy two-pointer with backtracking to the last star:
 * O(pattern x input) worst case, no exponential blow-up).
 */
export function globMatch(pattern: string, input: string, caseInsensitive = true): boolean {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  const s = caseInsensitive ? input.toLowerCase() : input;
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (j < p.length && p[j] !== '*' && p[j] === s[i]) { i++; j++; }
    else if (j < p.length && p[j] === '*') { star = j++; mark = i; }
    else if (star >= 0) { j = star + 1; i = ++mark; }
    else return false;
  }
  while (j < p.length && p[j] === '*') j++;
  return j === p.length;
}
