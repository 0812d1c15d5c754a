import { describe, it, expect } from 'vitest';
import { tokenize, normalizeText } from '../../src/identify/normalize.js';

const body = (t: string) => normalizeText(t);
const title = (t: string) => { const r = tokenize(t); return r.words.slice(0, r.bodyStart).join(' '); };

describe('normalization is decided on paragraphs, not physical lines', () => {
  const quoted = 'Keep this notice in every copy: "Acme Model is offered under the Acme Open Weights Terms, Copyright (c) 2031 Acme Labs. All Rights Reserved." You may add your own notices.';

  it('a mid-sentence copyright notice is kept however the sentence is wrapped', () => {
    const wrapped = quoted.replace(' Terms, Copyright', ' Terms,\nCopyright');
    expect(body(quoted)).toContain('copyright 2031 acme labs all rights reserved');
    expect(body(wrapped)).toBe(body(quoted));
  });

  it('a notice starting a paragraph is dropped up to its sentence end; the rest of the paragraph stays', () => {
    const one = 'Copyright (C) 2031 Acme Labs. All rights reserved. The parts below were changed by Acme.\n\nThe body text follows here.';
    const wrapped = 'Copyright (C) 2031 Acme Labs. All rights reserved. The parts\nbelow were changed by Acme.\n\nThe body text follows here.';
    expect(body(one)).toBe('the parts below were changed by acme the body text follows here');
    expect(body(wrapped)).toBe(body(one));
  });

  it('a heading with a copyright line under it: heading is the title, notice dropped', () => {
    const t = 'Acme Weights License\nCopyright (c) 2031 Acme Labs\n\nPermission is granted to run the weights.';
    expect(title(t)).toBe('acme weights license');
    expect(body(t)).toBe('permission is granted to run the weights');
  });

  it('stacked copyright lines under a list label are all dropped', () => {
    const t = '1. widget\nCopyright 2030-2031 Widget Makers\nCopyright 2031 Contributors\n\nSome closing words here.';
    expect(tokenize(t).words.join(' ')).toBe('widget some closing words here');
  });

  it('a long notice line without a sentence end does not swallow the next sentence', () => {
    const t = 'Copyright (c) 2031 Acme Labs and all the many contributors to the widget project\nPermission is hereby given to anyone to use, copy and change the widget and to let others do the same, without any fee, for any purpose, under the terms below, which apply to every copy.';
    expect(body(t).startsWith('permission is hereby given')).toBe(true);
  });

  it('a title line split by wrapping is still the title', () => {
    const t = '------------ ACME MODEL LICENSE FOR THE WIDGET RUNTIME CODE ------------\n\nYou may use the runtime.';
    const wrapped = '------------ ACME MODEL LICENSE FOR THE WIDGET RUNTIME CODE\n------------\n\nYou may use the runtime.';
    expect(title(t)).toBe('acme model license for the widget runtime code');
    expect(title(wrapped)).toBe(title(t));
    expect(body(wrapped)).toBe('you may use the runtime');
  });

  it('stacked name / version heading lines keep the version in the body', () => {
    const t = 'Acme Weights License\nVersion 2.1, March 2031\n\nYou may use the weights.';
    expect(title(t)).toBe('');
    expect(body(t)).toContain('version 2.1');
  });

  it('"\\r\\r\\n" is one line end and offsets stay exact', () => {
    const t = 'Acme terms apply\r\r\nto the weights.\r\r\n';
    const r = tokenize(t);
    expect(r.words).toEqual(['acme', 'terms', 'apply', 'to', 'the', 'weights']);
    expect(r.lines).toEqual([1, 1, 1, 2, 2, 2]);
    r.words.forEach((w, i) => expect(t.slice(r.starts[i], r.ends[i]).toLowerCase()).toBe(w));
  });
});
