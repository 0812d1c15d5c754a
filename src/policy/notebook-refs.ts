/**
 * Jupyter notebooks for the reference scan: the JSON is parsed and only code
 * cells' source lines are scanned (markdown and outputs, such as embedded
 * images, are not). Each source line is mapped back to its line and column in
 * the .ipynb file, where it appears JSON-encoded, so a reference points at the
 * place a reviewer (or GitHub code scanning) sees.
 */
import type { RefRecord } from './ref-records.js';
import { lastAtOrBefore } from '../sorted.js';

export type NotebookRecords = { ok: true; records: RefRecord[] } | { ok: false; error: string };

interface Cell { cell_type?: unknown; source?: unknown }

/** 0-based offsets of line starts in `raw` (LF, CRLF or CR). */
function lineStarts(raw: string): number[] {
  const out = [0];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13 && raw.charCodeAt(i + 1) !== 10) out.push(i + 1);
  }
  return out;
}

function position(starts: number[], off: number): { line: number; col0: number } {
  const lo = lastAtOrBefore(starts.length, (i) => starts[i]!, off);
  return { line: lo + 1, col0: off - starts[lo]! };
}

/** Split a source string into lines (without their line ends), with each line's offset. */
function sourceLines(s: string): Array<{ text: string; off: number }> {
  const out: Array<{ text: string; off: number }> = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '\n') {
      if (i > start || i < s.length) out.push({ text: s.slice(start, i).replace(/\r$/, ''), off: start });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Records of the code cells of a notebook. Each element of a cell's `source`
 * is looked up in the raw text (after the previous one), as nbformat writes it;
 * when a writer encoded it differently, the record falls back to the line of
 * the previous element found (the column is then approximate).
 */
export function notebookRecords(raw: string): NotebookRecords {
  let nb: unknown;
  try {
    nb = JSON.parse(raw);
  } catch (e) {
    return { ok: false, error: (e as Error).message.slice(0, 200) };
  }
  const cells = (nb as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return { ok: false, error: 'no "cells" array' };
  const starts = lineStarts(raw);
  const records: RefRecord[] = [];
  let cursor = 0;
  let lastLine = 1;
  for (const cell of cells as Cell[]) {
    if (!cell || cell.cell_type !== 'code') continue;
    const parts: unknown[] = Array.isArray(cell.source) ? cell.source : [cell.source];
    for (const part of parts) {
      if (typeof part !== 'string' || !part) continue;
      const encoded = JSON.stringify(part);
      const hit = raw.indexOf(encoded, cursor);
      if (hit >= 0) cursor = hit + encoded.length;
      const base = hit >= 0 ? position(starts, hit + 1) : null; // + 1: after the opening quote
      for (const l of sourceLines(part)) {
        if (base) {
          // columns in the encoded form: the encoded length of what precedes the line
          const col0 = base.col0 + JSON.stringify(part.slice(0, l.off)).length - 2;
          records.push({ line: base.line, col0, text: l.text, head: true, json: true, unit: records.length + 1 });
          lastLine = base.line;
        } else {
          records.push({ line: lastLine, col0: 0, text: l.text, head: true, unit: records.length + 1 });
        }
      }
    }
  }
  return { ok: true, records };
}
