/**
 * Every card shape of issue 17's "Real Hugging Face model cards" list, with
 * cards we wrote (test/identify/cards/) or build here from our own wording
 * around a corpus license text (read at run time, never copied).
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFolder, analyzeText } from '../../src/analyze/index.js';
import type { Analysis, Warning } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, '../../../shared/corpus/licenses');
const card = (name: string) => readFileSync(path.join(here, 'cards', name), 'utf8');
const analyze = (text: string, p = 'model/README.md'): Analysis => analyzeText({ path: p, text, encoding: 'utf-8', bytes: text.length, warnings: [] });
const codes = (a: Analysis) => a.warnings.map((w) => w.code);
const placed = (a: Analysis, code: Warning['code']) => a.warnings.filter((w) => w.code === code).map((w) => ({ path: w.path, line: w.line }));
const messages = (a: Analysis, code: Warning['code']) => a.warnings.filter((w) => w.code === code).map((w) => w.message).join(' | ');

describe('card license ids and spellings', () => {
  it('a Hub id that is a deprecated SPDX id (gpl-3.0) resolves to its current id', () => {
    const a = analyze(card('hub-deprecated-gpl.md'));
    expect(a.license).toMatchObject({ id: 'GPL-3.0-only', match: 'declared' });
    expect(a.declared?.resolved).toBe('GPL-3.0-only');
  });

  it('a free-form spelling ("Apache 2.0") is corrected with a warning that says so', () => {
    const a = analyze(card('freeform-apache.md'));
    expect(a.license.id).toBe('Apache-2.0');
    expect(messages(a, 'DECLARED')).toMatch(/"Apache 2\.0" is not an SPDX id; corrected to Apache-2\.0/);
  });

  it('a license_name variant (llama-3) resolves to the catalog entry, saying how it was read', () => {
    const a = analyze(card('name-variant.md'));
    expect(a.license.id).toBe('llama-3-community-license');
    expect(messages(a, 'DECLARED')).toMatch(/license_name "llama-3" read as llama-3-community-license/);
  });

  it.each([
    ['link-flux.md', 'flux-1-dev-non-commercial-1.1.1'],
    ['link-raw.md', 'llama-3-community-license'],
  ])('a canonical license_link (%s) resolves', (file, id) => {
    expect(analyze(card(file)).license.id).toBe(id);
  });
});

describe('front matter shapes', () => {
  it('a blank line before the front matter: the card is read, with a warning', () => {
    const a = analyze(card('blank-line-before.md'));
    expect(a.subject.kind).toBe('model-card');
    expect(a.license.id).toBe('MIT');
    expect(codes(a)).toContain('FRONT_MATTER_OFFSET');
  });

  it('a blank line before the front matter: a model folder reads the card too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oml-cards-'));
    writeFileSync(path.join(dir, 'README.md'), card('blank-line-before.md'));
    const a = await analyzeFolder(dir);
    expect(a.declared?.resolved).toBe('MIT');
    expect(a.license.id).toBe('MIT');
  });

  it('a multi-line quoted string other YAML readers accept: read leniently, with a warning', () => {
    const a = analyze(card('multiline-quoted.md'));
    expect(a.license.id).toBe('Apache-2.0');
    expect(placed(a, 'YAML_LENIENT')).toEqual([{ path: 'model/README.md', line: expect.any(Number) }]);
  });
});

describe('the card body', () => {
  it('a body sentence that says the license governs the model resolves a card without metadata', () => {
    const a = analyze(card('body-governed-by.md'));
    expect(a.license).toMatchObject({ id: 'llama-3-community-license', match: 'declared' });
    expect(placed(a, 'CARD_BODY_NAME')).toEqual([{ path: 'model/README.md', line: 10 }]);
    expect(messages(a, 'CARD_BODY_NAME')).toContain('Meta Llama 3 Community License Agreement');
    // the resolution note says where the license came from (one message checked for how it reads)
    expect(messages(a, 'DECLARED')).toMatch(/its body says the model is under .* \(line 10\)/);
  });

  it('"License: TII Falcon License 2.0" in the body names the TII Falcon License', () => {
    const a = analyze(card('body-falcon.md'));
    expect(a.license.id).toBe('tii-falcon-license-2024-12');
    expect(a.warnings.find((w) => w.code === 'CARD_BODY_NAME')?.line).toBe(7);
  });

  it('"a modified version of the Apache 2.0 License" is not Apache-2.0: the card stays unknown', () => {
    const a = analyze(card('body-modified-apache.md'));
    expect(a.license.id).toBeNull();
    expect(a.license.match).toBe('unknown');
  });

  it('a llama2 card whose body says "Built with Meta Llama 3" and names a Llama 3 base is a conflict', () => {
    const a = analyze(card('body-contradicts.md'));
    expect(a.declared?.resolved).toBe('llama-2-community-license');
    const c = a.conflicts.filter((x) => x.code === 'CARD_BODY_MISMATCH');
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ path: 'model/README.md', line: expect.any(Number) });
    // the message names both licenses and quotes the evidence: the mark and the base model, with its line
    expect(c[0]!.message).toContain('llama-3-community-license');
    expect(c[0]!.message).toContain('"Built with Meta Llama 3"');
    expect(c[0]!.message).toContain('meta-llama/Meta-Llama-3-8B-Instruct (line 6)');
  });

  it('the same card declaring llama3 has no body conflict', () => {
    const a = analyze(card('body-contradicts.md').replace('license: llama2', 'license: llama3'));
    expect(a.conflicts.filter((x) => x.code === 'CARD_BODY_MISMATCH')).toEqual([]);
  });

  it('a body carrying the full Gemma Terms of Use is analysed like a LICENSE file (origin card-body)', () => {
    const terms = readFileSync(path.join(CORPUS, 'gemma-terms-of-use-2025-03-24.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const head = '---\nlicense: other\npipeline_tag: text-generation\n---\n# Acme Gemma fine-tune\n\nA test card of our own.\n\n## Gemma Terms of Use\n\n';
    const text = `${head}${terms}\n\n## Evaluation\n\nOur own numbers.\n`;
    const a = analyze(text);
    expect(a.license.id).toBe('gemma-terms-of-use');
    expect(['exact', 'template', 'modified']).toContain(a.license.match);
    expect(a.license.source).toBe('model/README.md');
    expect(codes(a)).toContain('CARD_BODY_LICENSE');
    const own = a.terms.filter((t) => t.origin === 'card-body');
    expect(own.length).toBeGreaterThan(3);
    const lines = text.split('\n');
    const firstTermLine = head.split('\n').length - 1;
    for (const t of own) {
      expect(t.evidence.path).toBe('model/README.md');
      expect(t.evidence.line).toBeGreaterThan(firstTermLine);
      // the evidence quotes the card at the line it names
      const words = t.evidence.sentence.replace(/[…*_`]/g, ' ').split(/\s+/).filter((w) => w.length > 3).slice(0, 3);
      const near = lines.slice(t.evidence.line - 1, t.evidence.line + 3).join(' ');
      for (const w of words) expect(near).toContain(w);
    }
  });

  it('in a folder, the card body license text joins the folder analysis', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oml-cards-'));
    mkdirSync(path.join(dir, 'm'));
    const terms = readFileSync(path.join(CORPUS, 'gemma-terms-of-use-2025-03-24.txt'), 'utf8');
    writeFileSync(path.join(dir, 'm', 'README.md'), `---\nlicense: other\n---\n# Test\n\n## License\n\n${terms}`);
    return analyzeFolder(path.join(dir, 'm')).then((a) => {
      expect(a.license.id).toBe('gemma-terms-of-use');
      expect(a.terms.some((t) => t.origin === 'card-body')).toBe(true);
    });
  });
});
