/**
 * SPDX's own test texts (../shared/spdx/test/simpleTestForGenerator) against
 * the templates compiled from SPDX's XML, and the matcher's rules on texts of
 * our own.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { identifyText } from '../../src/identify/identify.js';
import { spdxTemplateMatches } from '../../src/identify/spdx-match.js';
import { tokenize } from '../../src/identify/normalize.js';
import { wordHashes } from '../../src/identify/fingerprint.js';
import { getLoadedCatalog } from '../../src/catalog/index.js';
import { ROOT } from './helpers.js';

const TESTS = path.resolve(ROOT, '../shared/spdx/test/simpleTestForGenerator');
const HAVE = existsSync(TESTS);
const index = JSON.parse(readFileSync(path.join(ROOT, 'licenses/spdx/templates.json'), 'utf8')) as { licenses: Array<{ id: string; deprecated: boolean }> };
const ids = new Set(index.licenses.map((l) => l.id));

function accepts(text: string, id: string): boolean {
  const t = tokenize(text);
  return spdxTemplateMatches(getLoadedCatalog().dir, text, t, wordHashes(t.words), [id]).length > 0;
}

describe.skipIf(!HAVE)("SPDX's test texts", () => {
  it('at least 99% identify as their own license or one whose template reads the same text, exact or template', () => {
    const files = readdirSync(HAVE ? TESTS : '.').filter((f) => f.endsWith('.txt') && ids.has(f.slice(0, -4))).sort();
    let own = 0;
    const sameText: string[] = [];
    const missed: string[] = [];
    const texts = new Map(files.map((f) => [f.slice(0, -4), readFileSync(path.join(TESTS, f), 'utf8')]));
    for (const [id, text] of texts) {
      const r = identifyText(text, id);
      const named = r.match === 'exact' || r.match === 'template';
      if (named && r.id === id) { own++; continue; }
      // the same text: the reported id's template accepts this text and this id's template accepts the reported
      // id's test text (a deprecated id reported as its current successor: the successor's template accepts it)
      const other = r.id ? texts.get(r.id) : undefined;
      const deprecated = index.licenses.find((l) => l.id === id)?.deprecated ?? false;
      if (named && r.id && ids.has(r.id) && accepts(text, r.id) && (deprecated || other === undefined || accepts(other, id))) sameText.push(`${id} -> ${r.id}`);
      else missed.push(`${id}: ${r.id ?? '-'} ${r.match}`);
    }
    const ok = own + sameText.length;
    // (printed for the report) which id of a same-text group is reported: current over deprecated, then the shortest id
    console.log(`SPDX test texts: ${ok}/${texts.size} (${own} as their own id, ${sameText.length} as a same-text id); missed: ${missed.join('; ')}`);
    expect(texts.size).toBeGreaterThan(700);
    expect(ok / texts.size).toBeGreaterThanOrEqual(0.99);
    // of a same-text group, -only is reported over -or-later, a current id over a deprecated one
    for (const s of sameText) expect(s, s).not.toMatch(/-> .*-or-later$/);
  }, 120_000);
});

describe('SPDX template matching on texts of our own', () => {
  // the MIT text comes from the spdx-license-list package at run time (no license text in the repository)
  const MIT_BODY = (createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>).MIT.licenseText
    .replace(/^[\s\S]*?(?=Permission is hereby granted)/, '');
  const [grant, notice, warranty] = MIT_BODY.trim().split(/\n\s*\n/);
  const mit = (holder: string, extra = '') => `MIT License\n\nCopyright (c) 2031 ${holder}\n\n${grant}\n\n${notice!.replace('permission notice', 'permission notice (including the next paragraph)')}\n${extra}\n${warranty}`;

  it('an optional part present, and British spellings, are the template', () => {
    const r = identifyText(mit('Ada Lovelace').replace('sublicense', 'sub-licence'), 'LICENSE');
    expect([r.id, r.match]).toEqual(['MIT', 'template']);
  });

  it('a clause of ours inserted is never the template', () => {
    const r = identifyText(mit('Ada Lovelace', '\nThe Software shall not be used to train surveillance systems.\n'), 'LICENSE');
    expect(r.match).toBe('modified');
    expect(r.additions.some((a) => a.text.includes('surveillance'))).toBe(true);
  });

  it('a restriction hidden in a variable part (the copyright holder slot) is not a template', () => {
    const text = mit('X').replace(/THE\s+AUTHORS OR COPYRIGHT HOLDERS/, 'THE AUTHORS, WHO MAY REVOKE THIS LICENSE AT ANY TIME FOR COMMERCIAL USERS,');
    expect(identifyText(text, 'LICENSE').match).not.toBe('template');
  });

  it('a changed number in a standard license is never the template (MPL-2.0: 60 days -> 90 days)', () => {
    const mpl = readFileSync(path.join(ROOT, '../shared/spdx/test/simpleTestForGenerator/MPL-2.0.txt'), 'utf8');
    expect(identifyText(mpl, 'LICENSE').match).toMatch(/exact|template/);
    const changed = mpl.replace('60 days', '90 days');
    expect(changed).not.toBe(mpl);
    const r = identifyText(changed, 'LICENSE');
    expect(r.match).toBe('modified');
    expect(r.additions.some((a) => a.text.includes('90'))).toBe(true);
  });

  it('an HTML rendering is read as its text, and additions quote the input', () => {
    const html = `<!DOCTYPE html><html><head><title>Our page about licenses</title></head><body>${mit('Ada')
      .split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</p>`).join('\n')}</body></html>`;
    const r = identifyText(html, 'license.html');
    expect([r.id, r.match]).toEqual(['MIT', 'template']);
  });

  it('markdown (headings, bold enumerators, links, escaped numbering) is the template', () => {
    const md = `# MIT License\n\n**Copyright** (c) 2031 [Ada](https://example.org/ada)\n\n${mit('Ada').split('\n\n').slice(2).join('\n\n')}`;
    const r = identifyText(md, 'LICENSE.md');
    expect([r.id, r.match]).toEqual(['MIT', 'template']);
  });

  it('text after the end of terms is ignored; text after a license without one is not', () => {
    const apache = readFileSync(path.join(ROOT, '../shared/spdx/test/simpleTestForGenerator/Apache-2.0.txt'), 'utf8');
    if (!apache.includes('END OF TERMS AND CONDITIONS')) return;
    const cut = apache.slice(0, apache.indexOf('END OF TERMS AND CONDITIONS') + 28);
    const after = `${cut}\n\nOur project notes: this library was written over a long winter and is maintained by volunteers.\n`;
    expect(identifyText(after, 'LICENSE').match).toBe('template');
    const mitAfter = `${mit('Ada')}\nOur project notes: this library was written over a long winter and is maintained by volunteers.\n`;
    expect(identifyText(mitAfter, 'LICENSE').match).not.toBe('template');
  });
});
