/**
 * `oml survey --format csv`: the `--by` table (one row per group, then the count).
 * Lines starting with '#' before the header carry the data credits (csv-parse:
 * `comment: '#'`; most spreadsheet imports can skip them).
 */
import { csv } from './escape.js';
import type { SurveyResult } from './result.js';

export function renderSurveyCsv(r: SurveyResult): string {
  const lines: string[] = r.credits.map((c) => `# Data: ${c.replace(/[\r\n]/g, ' ')}`);
  lines.push([...r.by, 'models'].join(','));
  for (const g of r.groups) lines.push([...r.by.map((d) => csv(g[d] ?? '')), g.count].join(','));
  return `${lines.join('\n')}\n`;
}
