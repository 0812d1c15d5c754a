/**
 * A party the lexicons do not know, speaking to the licensee about the licensee's things (src/extract/clause/anaphora.ts
 * speakerNamed; our own sentences): "Acme will not deploy your fine-tuned model in production" is the licensor's promise,
 * not a ban on the licensee. The licensee named as an owner in a passive, or a subject the lexicons read, is unchanged.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { readClause } from '../../src/extract/clause/reader.js';

const restrictions = (text: string) => analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] })
  .terms.filter((t) => t.origin === 'text' && t.kind === 'restriction').map((t) => t.name);
const actor = (text: string) => readClause(text).parts[0]?.actor;

describe('a named party speaking about the licensee', () => {
  const promises = [
    'Acme will not deploy your fine-tuned model in production without your consent.',
    'Acme will not use your outputs for commercial purposes.',
    'Orchard Labs does not host your fine-tuned checkpoints.',
    'Orchard Labs shall never sell your prompts.',
    'Fennel AI will not publish your adapters for research or any other purpose.',
  ];
  test.each(promises)('the licensor promises, no restriction: %s', (sentence) => {
    expect(actor(sentence)).toBe('licensor');
    expect(restrictions(sentence)).toEqual([]);
  });

  test('the licensee still acts in a passive, and a known subject is read as before', () => {
    expect(actor('Generated text may be used only within your organisation.')).toBe('licensee');
    expect(actor('You will not deploy your fine-tuned model in production.')).toBe('licensee');
    expect(restrictions('You will not deploy your fine-tuned model in production.')).toContain('non-production');
    expect(actor('The Licensor will not use your content for advertising.')).toBe('licensor');
    expect(restrictions('Outputs may not be used for commercial purposes within your company.')).toContain('non-commercial');
  });
});
