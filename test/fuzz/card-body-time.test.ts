/**
 * Card-body scanning time grows linearly (moved from test/identify/card-body.test.ts:
 * time ratios belong to the timed group, which runs alone; measured in CPU time, test/cpu-time.ts).
 */
import { describe, expect, it } from 'vitest';
import { scanCardBody } from '../../src/identify/card-body.js';
import { parseDocument } from '../../src/parse/document.js';
import { cpuSince } from '../cpu-time.js';

describe('time on hostile bodies is linear', () => {
  const shapes: Record<string, string> = {
    prose: 'This model is governed by the terms below and released for research only. ',
    slashes: 'org/name-model a/b/c/ ',
    headings: '## License\n\nGoverned by the Apache License, Version 2.0.\n\n',
    names: 'Meta Llama 3 Community License Agreement Built with Meta Llama 3 ',
  };
  const marks = [{ text: 'Built with Meta Llama 3', ids: ['llama-3-community-license'] }];
  const timeFor = (unit: string, bytes: number) => {
    const body = unit.repeat(Math.ceil(bytes / unit.length));
    const text = `---\nlicense: mit\n---\n${body}`;
    const doc = parseDocument({ path: 'm/README.md', text, encoding: 'utf-8', bytes: text.length, warnings: [] }, { markdown: 'fast' });
    const t = process.cpuUsage();
    scanCardBody(doc, doc.card!.bodyLine, marks);
    return cpuSince(t);
  };
  it.each(Object.keys(shapes))('%s: 4x the text takes well under 16x the time, 1 MiB in seconds', (name) => {
    const unit = shapes[name]!;
    timeFor(unit, 64 * 1024);
    // each side the faster of two runs, as test/fuzz/time-bounds.test.ts does: one slow run of the large text (a GC
    // pause) read 11.2x in a fresh-clone CI run, while the scanner was unchanged and passes alone
    const small = Math.min(timeFor(unit, 256 * 1024), timeFor(unit, 256 * 1024));
    const large = Math.min(timeFor(unit, 1024 * 1024), timeFor(unit, 1024 * 1024));
    expect(large / Math.max(small, 5)).toBeLessThan(10);
    expect(large).toBeLessThan(4000);
  });
});
