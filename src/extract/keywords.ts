/**
 * The keyword prefilter as an Aho-Corasick automaton: one pass over a
 * sentence finds every occurrence of every keyword (overlaps included), in
 * time linear in the sentence whatever the number of keywords. Matching is on
 * the lowercased text with every whitespace run read as one space, so a
 * keyword phrase broken across lines still counts. Transitions for ASCII
 * characters form a dense table (one array read per character); other
 * characters follow goto maps and failure links.
 */

const ASCII = 128;

export interface KeywordAutomaton {
  /** Number of states. */
  size: number;
  /** Dense ASCII transitions of the complete automaton: next = ascii[state * 128 + code]. */
  ascii: Int32Array;
  /** Non-ASCII goto edges of the trie (no failure transitions folded in). */
  wide: Array<Map<number, number> | undefined>;
  fail: Int32Array;
  /** Keyword indices ending at each state, suffix matches included. */
  out: Array<number[] | undefined>;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;

/** Builds the automaton of lowercase keywords (single spaces between words). */
export function buildKeywords(keywords: string[]): KeywordAutomaton {
  // the trie's ASCII edges go straight into the dense table (-1: no edge yet; filled from the failure
  // links below), grown by doubling: one typed array, no per-state allocation
  let ascii = new Int32Array(64 * ASCII).fill(-1);
  let size = 1;
  const wide: Array<Map<number, number> | undefined> = [undefined];
  const out: Array<number[] | undefined> = [undefined];
  const newState = (): number => {
    if ((size + 1) * ASCII > ascii.length) {
      const grown = new Int32Array(ascii.length * 2).fill(-1);
      grown.set(ascii);
      ascii = grown;
    }
    wide.push(undefined);
    out.push(undefined);
    return size++;
  };
  keywords.forEach((k, ki) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const c = isSpace(k.charCodeAt(i)) ? 32 : k.charCodeAt(i);
      let next: number;
      if (c < ASCII) {
        next = ascii[s * ASCII + c]!;
        if (next === -1) { next = newState(); ascii[s * ASCII + c] = next; }
      } else {
        const m = (wide[s] ??= new Map());
        next = m.get(c) ?? -1;
        if (next === -1) { next = newState(); m.set(c, next); }
      }
      s = next;
    }
    (out[s] ??= []).push(ki);
  });
  ascii = ascii.slice(0, size * ASCII);
  const fail = new Int32Array(size);
  // breadth-first: failure links, output merging and the missing ASCII transitions (those of the failure state)
  const queue: number[] = [0];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    const row = s * ASCII;
    const frow = fail[s]! * ASCII;
    for (let c = 0; c < ASCII; c++) {
      const t = ascii[row + c]!;
      if (t === -1) {
        ascii[row + c] = s === 0 ? 0 : ascii[frow + c]!;
        continue;
      }
      fail[t] = s === 0 ? 0 : ascii[frow + c]!;
      const inherited = out[fail[t]!];
      if (inherited) out[t] = [...(out[t] ?? []), ...inherited];
      queue.push(t);
    }
    for (const [c, t] of wide[s] ?? []) {
      fail[t] = s === 0 ? 0 : step({ ascii, wide, fail }, fail[s]!, c);
      const inherited = out[fail[t]!];
      if (inherited) out[t] = [...(out[t] ?? []), ...inherited];
      queue.push(t);
    }
  }
  return { size, ascii, wide, fail, out };
}

function step(a: Pick<KeywordAutomaton, 'ascii' | 'wide' | 'fail'>, s: number, c: number): number {
  if (c < ASCII) return a.ascii[s * ASCII + c]!;
  for (let t = s; ; t = a.fail[t]!) {
    const n = a.wide[t]?.get(c);
    if (n !== undefined) return n;
    if (t === 0) return 0;
  }
}

/** Calls onMatch(keyword index) for every keyword occurrence in text (case-insensitive, whitespace runs = one space). */
export function scanKeywords(a: KeywordAutomaton, text: string, onMatch: (keyword: number) => void): void {
  const lower = text.toLowerCase();
  let s = 0;
  let space = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (isSpace(c)) {
      if (space) continue;
      space = true;
      c = 32;
    } else space = false;
    s = step(a, s, c);
    const o = a.out[s];
    if (o) for (let j = 0; j < o.length; j++) onMatch(o[j]!);
  }
}
