import { describe, it, expect } from 'vitest';
import { identifyText } from '../../src/identify/identify.js';
import { listCatalog } from '../../src/catalog/index.js';
import { HAVE_CORPUS, readCorpus } from './helpers.js';

/** Hard-wrap every line longer than `width` at word boundaries (list markers stay at line starts). */
function rewrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) { out.push(line); continue; }
    let cur = '';
    for (const w of line.split(/\s+/).filter(Boolean)) {
      if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
    }
    if (cur) out.push(cur);
  }
  return out.join('\n');
}

/** Drop the first content line (after mirror pointer lines). */
function dropTitle(text: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '' && !/^\s*\[.*\]\s*$/.test(l));
  lines.splice(i, 1);
  return lines.join('\n');
}

const INSERTED = 'The licensee agrees to plant one oak tree for every thousand downloads of the weights. '
  + 'Any dispute about the species of tree shall be settled by a public coin toss in Reykjavik.';

/** Insert our own paragraph at a blank line near the middle; returns text and 1-based line of the insertion. */
function insertMiddle(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  let at = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    if (lines[at + d]?.trim() === '') { at += d; break; }
    if (lines[at - d]?.trim() === '') { at -= d; break; }
  }
  if (lines.length < 3) at = lines.length;
  lines.splice(at, 0, '', INSERTED, '');
  return { text: lines.join('\n'), line: at + 2 };
}

const entries = HAVE_CORPUS ? listCatalog().filter((e) => e.sources.length > 0) : [];

describe.skipIf(!HAVE_CORPUS)('robustness of identification on catalog texts', () => {
  for (const e of entries) {
    const file = e.sources[0];
    describe(`${e.id} (${file})`, () => {
      const text = readCorpus(file);
      const words = text.split(/\s+/).filter(Boolean).length;

      it('re-wrapped to 60 columns', () => {
        const r = identifyText(rewrap(text, 60), 'x');
        expect([r.id, r.version]).toEqual([e.id, e.version]);
        expect(['exact', 'template']).toContain(r.match);
      });

      it('with CRLF line ends', () => {
        const r = identifyText(text.replace(/\n/g, '\r\n'), 'x');
        expect([r.id, r.version]).toEqual([e.id, e.version]);
        expect(['exact', 'template']).toContain(r.match);
      });

      const firstLineWords = text.split('\n').find((l) => l.trim() !== '' && !/^\s*\[.*\]\s*$/.test(l))!.split(/\s+/).filter(Boolean).length;
      it.skipIf(firstLineWords > 15 || words < 60)('with the title line removed', () => {
        const r = identifyText(dropTitle(text), 'x');
        expect([r.id, r.version]).toEqual([e.id, e.version]);
        expect(['exact', 'template']).toContain(r.match);
      });

      it('with two sentences of ours inserted in the middle -> modified, insertion located', () => {
        const { text: changed, line } = insertMiddle(text);
        const r = identifyText(changed, 'x');
        expect(r.id).toBe(e.id);
        expect(r.version).toBe(e.version);
        expect(r.match).toBe('modified');
        const hit = r.additions.find((a) => a.line <= line && a.endLine >= line && a.text.includes('plant one oak tree'));
        expect(hit, JSON.stringify(r.additions.map((a) => [a.line, a.endLine, a.words]))).toBeTruthy();
      });
    });
  }
});
