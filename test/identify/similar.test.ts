/**
 * AI licenses of our own writing, derived in memory from catalog texts (a new
 * version number and date, a changed threshold, one clause replaced): the
 * result names the catalog entry as `closest`, never as the license, reports
 * the text's own version, and no term quotes a sentence absent from the input.
 */
import { describe, it, expect } from 'vitest';
import { identifyText } from '../../src/identify/identify.js';
import { analyzeText } from '../../src/analyze/index.js';
import { LicenseInfoSchema } from '../../src/types.js';
import { HAVE_CORPUS, readCorpus } from './helpers.js';

/** Every evidence sentence of every term is the input's own text (whitespace aside). */
function evidenceFromInput(text: string, path: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const a = analyzeText({ path, text, encoding: 'utf-8', bytes: text.length, warnings: [] });
  const bad: string[] = [];
  for (const t of a.terms) {
    const e = t.evidence;
    if (t.origin !== 'text') bad.push(`${t.name}: origin ${t.origin}`);
    if (e.path !== path) bad.push(`${t.name}: evidence in ${e.path}`);
    if (!flat.includes(e.sentence.replace(/\s+/g, ' ').replace(/^\W+|\W+$/g, '').slice(0, 120))) bad.push(`${t.name}: "${e.sentence.slice(0, 80)}"`);
  }
  return bad;
}

describe.skipIf(!HAVE_CORPUS)('a license of our own on a catalog template is similar, never the entry', () => {
  it('Llama 3.1 rewritten as "Llama 3.7" with a new release date, a new threshold and one clause of ours', () => {
    let text = readCorpus('llama-3.1-community-license.txt');
    text = text.replace('LLAMA 3.1 COMMUNITY LICENSE AGREEMENT', 'LLAMA 3.7 COMMUNITY LICENSE AGREEMENT')
      .replace('Llama 3.1 Version Release Date: July 23, 2024', 'Llama 3.7 Version Release Date: March 3, 2031')
      .replaceAll('Llama 3.1', 'Llama 3.7')
      .replace('700 million monthly active users', '90 million monthly active users');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('5. Intellectual Property'));
    expect(at).toBeGreaterThan(0);
    lines[at] = '5. Weather. Licensee shall publish a weekly weather report for the town of Gdynia on its website.';
    text = lines.join('\n');
    const r = identifyText(text, 'LICENSE');
    expect(LicenseInfoSchema.parse(r)).toBeTruthy();
    expect(r.match).toBe('similar');
    expect(r.id).toBeNull();
    expect(r.spdx).toBeNull();
    expect(r.closest?.id).toBe('llama-3.1-community-license');
    expect(r.closest?.family).toBe('llama');
    expect(r.version).toBe('3.7');
    expect(r.name).toBe('LLAMA 3.7 COMMUNITY LICENSE AGREEMENT');
    expect(evidenceFromInput(text, 'LICENSE')).toEqual([]);
    const a = analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: text.length, warnings: [] });
    // the threshold is read from the text: 90 million, not the entry's 700 million
    const mau = a.terms.find((t) => t.kind === 'threshold' && /active/i.test(t.name));
    if (mau) expect(JSON.stringify(mau)).toContain('90');
    expect(JSON.stringify(a.terms)).not.toContain('700 million');
  });

  it('a Hunyuan community license with its own release date reports that date, not the entry\'s', () => {
    const text = readCorpus('tencent-hunyuan-community-license-a13b.txt')
      .replace('Tencent Hunyuan A13B Release Date: June 27, 2025', 'Tencent Hunyuan Z9 Release Date: February 9, 2031')
      .replaceAll('Tencent Hunyuan A13B', 'Tencent Hunyuan Z9');
    const r = identifyText(text, 'LICENSE');
    expect(r.match).toBe('similar');
    expect(r.id).toBeNull();
    expect(r.closest?.id).toBe('tencent-hunyuan-community-license-a13b');
    expect(r.version).toBe('2031-02-09');
    expect(evidenceFromInput(text, 'LICENSE')).toEqual([]);
  });

  it('the entry with a clause of ours replaced, same name and version, stays the entry, modified', () => {
    const text = readCorpus('llama-3.1-community-license.txt').replace('700 million monthly active users', '90 million monthly active users');
    const r = identifyText(text, 'LICENSE');
    expect(r.id).toBe('llama-3.1-community-license');
    expect(r.match).toBe('modified');
    expect(r.closest ?? null).toBeNull();
  });
});
