/**
 * A question or a heading grants nothing (src/extract/asks.ts): permission terms read in one are dropped; a statement
 * right after it, a list item under a lead-in and restrictions in headings are still read. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../src/extract/index.js';
import { docOf } from './helpers.js';

const PERMISSIONS = new Set(['use', 'modify', 'distribute', 'commercial-use', 'sublicense', 'patent-grant']);
const perms = (text: string) => [...new Set(extractTerms(docOf(text)).filter((t) => PERMISSIONS.has(t.name)).map((t) => t.name))].sort();

describe('questions and headings grant nothing', () => {
  it.each([
    'May I sell products built on the checkpoints?',
    'Is redistribution of the weights allowed?',
    'Can anyone fine-tune and share the checkpoints?',
    'Am I permitted to run the weights in a paid app?',
    'License to Use, Modify and Distribute',
    'Permitted Uses of the Checkpoints',
    'Grant of Copyright and Patent Rights',
    'Redistribution',
  ])('%s', (text) => expect(perms(text)).toEqual([]));

  it('a statement after a question, a list item under a lead-in, and a plain sentence still grant', () => {
    expect(perms('Can I run the weights commercially? Yes: you may run the weights in commercial products.')).toContain('commercial-use');
    expect(perms('You may:\n\n- Redistribute the checkpoints')).toContain('distribute');
    expect(perms('You may use and modify the checkpoints')).toEqual(['modify', 'use']);
  });
});

describe('a question binds to nothing', () => {
  const names = (text: string) => extractTerms(docOf(text)).map((t) => t.name);
  it.each([
    ['Is registration required before commercial use?', 'registration-required'],
    ['Do I have to show "Built with Orchard" in my app?', 'attribution-display'],
    ['Must I ship a copy of this licence with the weights?', 'include-license'],
  ])('%s', (text, name) => expect(names(text)).not.toContain(name));

  it('the answer after it, and a restriction asked about, are still read (fail closed)', () => {
    expect(names('Is registration required? Yes: you must register with Orchard Labs before commercial use.')).toContain('registration-required');
    expect(names('You may not use the checkpoints for commercial purposes, may you?')).toContain('non-commercial');
  });
});

describe('a question or a heading states no term of kind other', () => {
  const names = (text: string) => extractTerms(docOf(text)).map((t) => t.name);
  it.each([
    ['Which law applies to this licence?', 'governing-law'],
    ['Section 14 - Changes to this Licence', 'unilateral-updates'],
    ['Who owns the outputs of the model?', 'output-ownership'],
    ['Does Acme own the outputs?', 'output-ownership'],
  ])('%s', (text, name) => expect(names(text)).not.toContain(name));

  it('the statement after it is still read, and a termination asked about is kept (fail closed)', () => {
    expect(names('Which law applies? This licence is governed by the laws of Norway.')).toContain('governing-law');
    expect(names('Article 9 - Changes to this Agreement\n\nOrchard Labs may amend this Agreement at any time by posting a new version.')).toContain('unilateral-updates');
  });
});
