/**
 * The identification's fast structures give what the plain computation gives: paragraph tokens reused
 * from the memo (shifted to another offset and line) equal tokens read afresh (OML_NO_FASTPATH=1), the
 * header index counts what each header's own words count, the radix sortedUnique and the branchless
 * intersectCount equal a sort and a set intersection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/identify/normalize.js';
import { intersectCount, sortedUnique, wordHashes } from '../../src/identify/fingerprint.js';
import { getTemplateStore, headerProgramOf } from '../../src/identify/template-vm.js';
import { headerIndex, requiredHeld } from '../../src/identify/header-index.js';
import { getMatcher } from '../../src/identify/templates.js';

const saved = process.env.OML_NO_FASTPATH;
afterEach(() => {
  if (saved === undefined) delete process.env.OML_NO_FASTPATH; else process.env.OML_NO_FASTPATH = saved;
});

const fresh = (text: string) => {
  process.env.OML_NO_FASTPATH = '1';
  const t = tokenize(text);
  delete process.env.OML_NO_FASTPATH;
  return t;
};

describe('paragraph memo', () => {
  const paras = [
    'Acme Weights Terms\nCopyright (c) 2031 Acme Labs',
    'Permission is granted to run, copy and share the weights,\nsubject to the conditions below.',
    '1. Attribution. Keep this notice; the licence (sic) and copyright owner stay named.',
    'Non commercial use only, per cent of revenue: 5 per cent.',
  ];

  it('a paragraph met again at another offset and line gives the tokens it gives afresh', () => {
    const first = paras.join('\n\n');
    tokenize(first); // fills the memo
    const moved = `Preface line one.\r\n\r\n\r\n${[...paras].reverse().join('\n\n\n')}\n\n${paras[1]}`;
    const a = tokenize(moved);
    const b = fresh(moved);
    expect(a).toEqual(b);
    // the moved paragraphs sit at other offsets than in the first text: the memo shifted them
    const i = a.words.indexOf('permission');
    expect(moved.slice(a.starts[i], a.ends[i])).toBe('Permission');
    expect(a.lines[i]).toBeGreaterThan(3);
  });

  it('a text read twice is tokenized the same both times', () => {
    const t = `${paras[0]}\n\n${paras[2]}`;
    expect(tokenize(t)).toEqual(tokenize(t));
    expect(tokenize(t)).toEqual(fresh(t));
  });
});

describe('header index', () => {
  it('counts each header\'s required words the input holds, as the header\'s own program does', () => {
    const store = getTemplateStore(getMatcher().catalog.dir);
    expect(store && store.headers.length).toBeTruthy();
    const idx = headerIndex(store!);
    const text = 'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License. This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License';
    const have = new Set(wordHashes(tokenize(text).words));
    const hits = idx.hitsOf(have);
    let some = 0;
    store!.headers.forEach((h, hi) => {
      const own = requiredHeld(headerProgramOf(store!, h), have);
      expect([idx.required[hi], hits[hi]]).toEqual([own.req, own.hit]);
      if (own.hit > 0) some++;
    });
    expect(some).toBeGreaterThan(1);
  });
});

describe('sorted shingles', () => {
  let seed = 7;
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
  const sample = (n: number, range: number) => Uint32Array.from({ length: n }, () => (range ? rnd() % range : rnd()));

  it('sortedUnique equals a numeric sort with repeats dropped', () => {
    for (const [n, range] of [[0, 0], [1, 0], [1000, 0], [1000, 50], [3000, 0x10000], [257, 3]] as const) {
      const seq = sample(n, range);
      const want = [...new Set(Array.from(seq))].sort((x, y) => x - y);
      expect(Array.from(sortedUnique(seq))).toEqual(want);
    }
  });

  it('intersectCount equals the size of the set intersection', () => {
    for (const range of [0, 500, 5000]) {
      const a = sortedUnique(sample(800, range));
      const b = sortedUnique(Uint32Array.from([...a.subarray(0, 300), ...sample(900, range)]));
      const sb = new Set(b);
      expect(intersectCount(a, b)).toBe(Array.from(a).filter((x) => sb.has(x)).length);
      expect(intersectCount(b, a)).toBe(intersectCount(a, b));
    }
  });
});
