import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanCardBody } from '../../src/identify/card-body.js';
import { parseDocument } from '../../src/parse/document.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const scan = (body: string, marks: Array<{ text: string; ids: string[] }> = []) => {
  const text = `---\nlicense: other\n---\n${body}`;
  const doc = parseDocument({ path: 'm/README.md', text, encoding: 'utf-8', bytes: text.length, warnings: [] });
  return scanCardBody(doc, doc.card!.bodyLine, marks);
};

describe('license names in a card body', () => {
  it('a governing cue in the same sentence makes a name the model\'s license', () => {
    const r = scan('# M\n\nThis model is licensed under the Apache License, Version 2.0.\n');
    expect(r.licenses).toEqual([expect.objectContaining({ ids: ['Apache-2.0'], line: 6, kind: 'name', governs: true })]);
  });

  it('extra spellings from data/card-body.yaml are names too', () => {
    expect(scan('# M\n\nReleased under the BSD 3-Clause License.\n').licenses[0]).toMatchObject({ ids: ['BSD-3-Clause'], governs: true });
  });

  it('a cue in the previous sentence does not carry over', () => {
    const r = scan('# M\n\nUse is governed by the NVIDIA terms. See also the Llama 3.1 Community License Agreement.\n');
    const llama = r.licenses.find((l) => l.ids.includes('llama-3.1-community-license'))!;
    expect(llama.governs).toBe(false);
  });

  it('"a modified version of" and a sentence about the code are vetoed', () => {
    expect(scan('# M\n\nIt is released under a modified version of the MIT License.\n').licenses[0]!.governs).toBe(false);
    expect(scan('# M\n\nThe code is licensed under the MIT License.\n').licenses[0]!.governs).toBe(false);
  });

  it('a name under a license heading is marked as in the license section', () => {
    const r = scan('# M\n\n## License\n\nSee the Llama 3.2 Community License Agreement for details.\n');
    expect(r.licenses[0]).toMatchObject({ ids: ['llama-3.2-community-license'], governs: false, inLicenseSection: true });
  });

  it('a name that wraps over two lines is found; "Open RAIL-M" is not "Open Rail++-M"', () => {
    const r = scan('# M\n\nGoverned by the Meta Llama 3\nCommunity License.\n\nAn Open RAIL-M license.\n');
    expect(r.licenses.map((l) => l.ids)).toEqual([['llama-3-community-license']]);
  });

  it('attribution marks are found with the licenses that require them', () => {
    const r = scan('# M\n\nBuilt with Meta Llama 3\n', [{ text: 'Built with Meta Llama 3', ids: ['llama-3-community-license'] }, { text: 'Kimi K2', ids: ['kimi-k2-modified-mit'] }]);
    expect(r.licenses).toEqual([expect.objectContaining({ kind: 'mark', ids: ['llama-3-community-license'], line: 6, governs: false })]);
  });

  it('model ids are listed with their lines, URL hosts left out', () => {
    const r = scan('# M\n\nFine-tuned from [base](https://huggingface.co/meta-llama/Meta-Llama-3-8B).\n');
    expect(r.modelIds).toContainEqual({ id: 'meta-llama/Meta-Llama-3-8B', line: 6 });
    expect(r.modelIds.some((m) => m.id.startsWith('huggingface.co'))).toBe(false);
  });

  it('a body that is a license text, without a heading, is identified as a whole', () => {
    const mit = readFileSync(path.resolve(here, '../../../shared/corpus/licenses/deepseek-r1-mit.txt'), 'utf8');
    const r = scan(mit.replace(/\r\n?/g, '\n'));
    expect(r.text).toMatchObject({ heading: null, startLine: 4, license: { id: 'MIT' } });
  });

  it('a prose body is not taken for a license text', () => {
    const prose = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} describes the model, its training and its evaluation in plain words.`).join('\n\n');
    expect(scan(`# M\n\n${prose}\n`).text).toBeNull();
  });

  it('a short license section is not a license text', () => {
    expect(scan('# M\n\n## License\n\nMIT.\n').text).toBeNull();
  });
});
