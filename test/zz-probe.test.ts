import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { analyzeText } from '../src/analyze/index.js';
it('probe', () => {
  const dir = '/work/shared/corpus/model-cards/';
  for (const f of readdirSync(dir)) {
    const text = readFileSync(dir + f, 'utf8').replace(/\r\n?/g, '\n');
    const t0 = performance.now();
    const r = analyzeText({ path: f, text, encoding: 'utf-8', bytes: text.length, warnings: [] });
    const ms = performance.now() - t0;
    const w = r.warnings.filter((x) => x.code.startsWith('CARD_') || x.code === 'DECLARED').map((x) => `${x.code}: ${x.message}`);
    console.log(`${f} ${ms.toFixed(0)}ms -> ${r.license.id} ${r.license.match} | conflicts: ${r.conflicts.map((c) => c.code + ' ' + c.message).join(' ; ')}\n   ${w.join('\n   ')}`);
  }
});
