/**
 * `oml survey --format html`: one self-contained page (inline CSS and SVG, no
 * script, no external resource), readable in light and dark mode
 * (prefers-color-scheme), with a data table next to each chart for screen readers.
 */
import { instructive } from './aggregate.js';
import { surveyCharts, renderSvg, type Chart } from './charts.js';
import { html } from './escape.js';
import { CLASSES, type Disagreement, type SurveyResult } from './result.js';

const CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d2329; --muted: #5b6670; --line: #d5dade; --panel: #f5f7f8; }
@media (prefers-color-scheme: dark) { :root { --bg: #14181c; --fg: #e6eaee; --muted: #a3adb6; --line: #39424a; --panel: #1c2227; } }
body { background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1, h2, h3 { line-height: 1.2; } p.muted, figcaption { color: var(--muted); }
section.chart { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 1.5rem; }
section.chart figure { margin: 0; flex: 1 1 520px; overflow-x: auto; }
section.chart .data { flex: 1 1 320px; max-height: 420px; overflow: auto; }
section.chart .data td { white-space: nowrap; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
table.narrow { width: auto; min-width: 320px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--panel); position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
blockquote { margin: 0; color: var(--muted); }
svg { max-width: 100%; height: auto; }
`;

type Cell = string | number;
function table(caption: string, head: string[], rows: Cell[][], cls = ''): string {
  const td = (c: Cell) => (typeof c === 'number' ? `<td class="n">${c}</td>` : `<td>${c}</td>`);
  return `<table${cls ? ` class="${cls}"` : ''}><caption>${html(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`;
}

function chartTable(c: Chart, r: SurveyResult): string {
  switch (c.id) {
    case 'figure4':
      return table(c.title, ['year', 'origin', ...CLASSES], (() => {
        const rows: Cell[][] = [];
        for (const y of [...new Set(r.figure4.map((f) => f.year))]) {
          for (const country of [...new Set(r.figure4.map((f) => f.country))]) {
            rows.push([y, html(country), ...CLASSES.map((cls) => r.figure4.find((f) => f.year === y && f.country === country && f.class === cls)?.count ?? 0)]);
          }
        }
        return rows;
      })());
    case 'cumulative': {
      const years = [...new Set(r.cumulative.map((x) => x.year))].sort();
      const run = new Map<string, number>();
      return table(c.title, ['year', ...CLASSES], years.map((y) => [y, ...CLASSES.map((cls) => {
        const n = r.cumulative.filter((x) => x.class === cls && x.year === y).reduce((a, x) => a + x.count, 0);
        run.set(cls, (run.get(cls) ?? 0) + n);
        return run.get(cls)!;
      })]));
    }
    case 'shares':
      return table(c.title, ['origin', 'models', ...CLASSES], r.shares.slice(0, 12).map((s) => [html(s.country), s.total, ...CLASSES.map((cls) => s[cls])]));
    case 'publishers':
      return table(c.title, ['publisher', 'origin', 'models', ...CLASSES], r.topPublishers.slice(0, 15).map((p) => [html(p.publisher), html(p.country), p.total, ...CLASSES.map((cls) => p[cls])]));
    case 'agreement':
      return table(c.title, ['Epoch AI label', 'oml tier', 'models'], (r.agreement?.confusion ?? []).map((x) => [html(x.epoch), x.tier, x.count]));
    default:
      return '';
  }
}

function disagreementRows(ds: Disagreement[]): Cell[][] {
  return ds.map((d) => [
    html(d.model), d.year, html(d.epoch), d.tier, html(d.license),
    d.deciding ? `${html(d.deciding.kind)} ${html(d.deciding.name)}` : 'none (no restriction found)',
    d.deciding ? `<blockquote>“${html(d.deciding.sentence, 300)}”</blockquote>${html(d.deciding.path)}:${d.deciding.line}` : html(d.reason, 300),
    `${html(d.file)}:${d.line}`,
  ]);
}

export async function renderSurveyHtml(r: SurveyResult): Promise<string> {
  const parts: string[] = [];
  const credits = r.credits.map((c) => `<p class="muted">Data: ${html(c)}.</p>`).join('');
  parts.push(`<h1>oml survey</h1><p>${r.total} models from ${r.inputs.map((i) => `${html(i.path)} (${i.kind})`).join(', ')}.</p>${credits}`);
  parts.push(table('Models by tier', ['tier', 'models'], Object.entries(r.tiers).map(([t, n]) => [t, n!]), 'narrow'));
  for (const c of surveyCharts(r)) {
    const svg = await renderSvg(c);
    parts.push(`<section class="chart" id="${c.id}"><figure><h2 id="${c.id}-title">${html(c.title)}</h2>${svg}<figcaption>${html(c.description)}</figcaption></figure>`
      + `<div class="data">${chartTable(c, r)}</div></section>`);
  }
  const a = r.agreement;
  if (a) {
    const mapping = Object.entries(a.mapping).map(([label, tiers]) => `“${html(label)}” ↔ ${tiers.join(' / ')}`).join('; ');
    const head = ['model', 'year', 'Epoch AI label', 'oml tier', 'license', 'deciding term', 'evidence', 'row'];
    parts.push(`<section id="agreement-table"><h2>Agreement with Epoch AI’s labels</h2><p>Mapping: ${mapping}.</p>`
      + `<p>Compared: ${a.compared}; agree: ${a.agreed}; disagree: ${a.compared - a.agreed}; open-weights rows whose license oml could not determine: ${a.notDetermined}.</p>`
      + table('Most instructive disagreements', head, disagreementRows(instructive(a.disagreements, 5)))
      + `<details><summary>Every disagreement (${a.disagreements.length}${a.disagreementsNotListed ? ` listed, ${a.disagreementsNotListed} more in the JSON output` : ''})</summary>`
      + table('Every disagreement', head, disagreementRows(a.disagreements)) + '</details></section>');
  }
  if (r.problems.count) {
    parts.push(`<section><h2>Input problems</h2><p>${r.problems.count} input(s) could not be surveyed.</p>`
      + table('Input problems', ['file', 'line', 'problem'], r.problems.listed.map((p) => [html(p.file), p.line, html(p.message)])) + '</section>');
  }
  parts.push(credits);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`
    + `<title>oml survey</title><style>${CSS}</style></head><body>${parts.join('\n')}</body></html>\n`;
}
