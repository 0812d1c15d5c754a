import { describe, it, expect } from 'vitest';
import { identifyText } from '../../src/identify/identify.js';
import { LicenseInfoSchema } from '../../src/types.js';
import { HAVE_CORPUS, corpusFiles, readCorpus, expectations } from './helpers.js';

describe.skipIf(!HAVE_CORPUS)('corpus identification', () => {
  const exp = expectations();

  it('has an expectation for every corpus license file', () => {
    expect(Object.keys(exp).sort()).toEqual(corpusFiles());
  });

  for (const [file, e] of Object.entries(exp)) {
    it(`${file} -> ${e.id} ${e.version ?? ''} (${e.match})`, () => {
      const r = identifyText(readCorpus(file), `licenses/${file}`);
      expect(LicenseInfoSchema.parse(r)).toBeTruthy();
      expect({ id: r.id, family: r.family, version: r.version, match: r.match })
        .toEqual({ id: e.id, family: e.family, version: e.version, match: e.match });
      expect(r.source).toBe(`licenses/${file}`);
    });
  }

  it('Kimi K2: modified MIT with the added paragraph (lines 23-27) relative to MIT', () => {
    const text = readCorpus('kimi-k2-modified-mit.txt');
    const r = identifyText(text, 'LICENSE');
    expect(r.id).toBe('kimi-k2-modified-mit');
    expect(r.family).toBe('kimi');
    expect(r.basedOn).toBe('MIT');
    expect(r.additions).toHaveLength(1);
    const a = r.additions[0];
    expect(a.line).toBe(23);
    expect(a.endLine).toBe(27);
    expect(a.text).toContain('"Kimi K2"');
    expect(a.words).toBeGreaterThan(50);
    // the passage is the input's own text
    expect(text).toContain(a.text);
  });

  it('Kimi K2 vs K2.5 vs K2.6 differ only in the display name and are told apart', () => {
    const ids = ['kimi-k2-modified-mit.txt', 'kimi-k2.5-modified-mit.txt', 'kimi-k2.6-modified-mit.txt']
      .map((f) => identifyText(readCorpus(f), f).version);
    expect(ids).toEqual(['1', '2.5', '2.6']);
  });

  it('a one-word version edit in Llama 3.1 is not taken for another Llama version, and is not a template', () => {
    const text = readCorpus('llama-3.1-community-license.txt');
    const lines = text.split('\n');
    const idx = lines.findIndex((l, i) => i > 10 && /Llama 3\.1/.test(l));
    lines[idx] = lines[idx].replace('Llama 3.1', 'Llama 3.9');
    const r = identifyText(lines.join('\n'), 'x');
    expect(r.id).toBe('llama-3.1-community-license');
    expect(r.match).toBe('modified');
    expect(r.additions.some((a) => a.line === idx + 1 && a.text.includes('3.9'))).toBe(true);
  });

  // Speed is measured by `npm run bench` (docs/benchmark.md), not asserted here: no wall-clock test.
  it('identification is deterministic across repeated runs', () => {
    const texts = corpusFiles().map((f) => readCorpus(f));
    const first = texts.map((t) => identifyText(t, 'x'));
    const again = texts.map((t) => identifyText(t, 'x'));
    expect(again).toEqual(first);
  });
});
