import { describe, expect, it } from 'vitest';
import { asciiSpans, TOKEN_PATTERNS } from '../../src/extract/clause/tokens.js';

/** The spans the ASCII token pattern matches (the specification the character scan must reproduce). */
function byRegex(src: string): Array<[number, number]> {
  const re = new RegExp(TOKEN_PATTERNS[1]!.source, 'g');
  const out: Array<[number, number]> = [];
  for (let m = re.exec(src); m !== null; m = re.exec(src)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('clause tokens: the ASCII character scan', () => {
  it('gives the same spans as the ASCII token pattern', () => {
    const cases = ["you don't", 'e.g. 1,000,000 users', "licensee's  -  model", 'a.b.', '-x- ,y, .', '\t\x0b\x0c\r\n(a) 1. ', '', "'''", 'x\x1fy'];
    const alphabet = "ab0., '-;:()\t\n\x0b\x1c\x7f\"";
    const next = lcg(13);
    for (let k = 0; k < 2000; k++) {
      let s = '';
      const n = Math.floor(next() * 24);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      cases.push(s);
    }
    for (const c of cases) expect(asciiSpans(c), JSON.stringify(c)).toEqual(byRegex(c));
  });
});
