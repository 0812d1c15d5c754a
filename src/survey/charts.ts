/**
 * The survey's charts as Vega-Lite specifications, rendered to SVG strings in
 * Node (vega's headless View: no DOM, no canvas, no network). Text and axes use
 * `currentColor` so one SVG reads on the page's light and dark backgrounds; the
 * class colours are mid-tone and distinguishable on both.
 */
import type { TopLevelSpec } from 'vega-lite';
import { clean } from './escape.js';
import { importEsm } from '../esm-import.js';
import { TIERS } from '../types.js';
import { CLASSES, classOf, type SurveyResult } from './result.js';

export const CLASS_COLORS: Record<(typeof CLASSES)[number], string> = {
  permissive: '#2a9d8f', restricted: '#e9a23b', noncommercial: '#9b5de5', closed: '#7f8c8d', unknown: '#d1495b',
};

const CONFIG = {
  background: 'transparent',
  font: 'system-ui, sans-serif',
  view: { stroke: 'transparent' },
  axis: { labelColor: 'currentColor', titleColor: 'currentColor', domainColor: 'currentColor', tickColor: 'currentColor', gridColor: '#8888', gridOpacity: 0.4, labelLimit: 220 },
  legend: { labelColor: 'currentColor', titleColor: 'currentColor' },
  header: { labelColor: 'currentColor', titleColor: 'currentColor' },
  title: { color: 'currentColor' },
};

const classColor = {
  field: 'class', type: 'nominal', title: 'openness',
  scale: { domain: [...CLASSES], range: CLASSES.map((c) => CLASS_COLORS[c]) },
  sort: [...CLASSES],
} as const;

export interface Chart { id: string; title: string; description: string; spec: TopLevelSpec }

/** One short line per label: charts show at most 40 characters of a name. */
const label = (s: string) => clean(s, 40);

/** Horizontal bars, one row per `rowField` value, coloured by openness class. */
function barsByClass(id: string, title: string, description: string, values: object[], rowField: string, x: object): Chart {
  return {
    id, title, description,
    spec: {
      data: { values },
      mark: { type: 'bar' },
      width: 480, height: { step: 20 },
      encoding: { y: { field: rowField, type: 'nominal', sort: null, title: null }, x, color: classColor },
      config: CONFIG,
    } as TopLevelSpec,
  };
}

export function surveyCharts(r: SurveyResult): Chart[] {
  const charts: Chart[] = [];
  const country = (c: string) => (c === 'United States of America' ? 'U.S.' : label(c));
  charts.push({
    id: 'figure4',
    title: 'U.S. vs China by degree of openness, 2020–2025',
    description: 'Models per year by openness class, U.S. and China side by side (the shape of USCC Figure 4).',
    spec: {
      data: { values: r.figure4.map((f) => ({ ...f, country: country(f.country) })) },
      mark: { type: 'bar' },
      width: 220, height: 220,
      encoding: {
        column: { field: 'country', type: 'nominal', title: null, sort: ['U.S.', 'China'], header: { labelFontSize: 13 } },
        x: { field: 'year', type: 'ordinal', title: 'year', axis: { labelAngle: 0 } },
        y: { field: 'count', type: 'quantitative', title: 'models', stack: 'zero' },
        color: classColor,
        tooltip: [{ field: 'country' }, { field: 'year' }, { field: 'class' }, { field: 'count' }],
      },
      config: CONFIG,
    } as TopLevelSpec,
  });
  const totals = new Map<string, number>();
  const cumAll: Array<{ year: number; class: string; cumulative: number }> = [];
  const years = [...new Set(r.cumulative.map((c) => c.year))].sort();
  for (const cls of CLASSES) {
    for (const y of years) {
      const n = r.cumulative.filter((c) => c.class === cls && c.year === y).reduce((a, c) => a + c.count, 0);
      totals.set(cls, (totals.get(cls) ?? 0) + n);
      cumAll.push({ year: Number(y), class: cls, cumulative: totals.get(cls)! });
    }
  }
  charts.push({
    id: 'cumulative',
    title: 'Cumulative models over time, by openness',
    description: 'Running total of models by openness class across every origin (models with a known year).',
    spec: {
      data: { values: cumAll },
      mark: { type: 'line', point: true },
      width: 560, height: 260,
      encoding: {
        x: { field: 'year', type: 'quantitative', title: 'year', scale: { zero: false }, axis: { format: 'd', labelAngle: 0 } },
        y: { field: 'cumulative', type: 'quantitative', title: 'models (cumulative)' },
        color: classColor,
      },
      config: CONFIG,
    } as TopLevelSpec,
  });
  const shareRows = r.shares.slice(0, 12).flatMap((s) => CLASSES.map((c) => ({ origin: country(s.country), class: c, count: s[c], share: s.total ? s[c] / s.total : 0 })));
  charts.push(barsByClass('shares', 'Share of permissive, restricted and non-commercial models by origin',
    'For the twelve largest origins, the share of each openness class.', shareRows, 'origin',
    { field: 'share', type: 'quantitative', stack: 'normalize', axis: { format: '%' }, title: 'share' }));
  const pubRows = r.topPublishers.slice(0, 15).flatMap((p) => CLASSES.map((c) => ({ publisher: label(p.publisher), class: c, count: p[c] })));
  charts.push(barsByClass('publishers', 'Top publishers', 'The fifteen publishers with the most models, by openness class.',
    pubRows, 'publisher', { field: 'count', type: 'quantitative', title: 'models' }));
  if (r.agreement && r.agreement.confusion.length) {
    charts.push({
      id: 'agreement',
      title: 'Epoch AI label vs oml tier',
      description: 'Models with an open-weights label and a license oml determined, by Epoch AI label and oml tier.',
      spec: {
        data: { values: r.agreement.confusion.map((c) => ({ ...c, epoch: label(c.epoch) })) },
        mark: { type: 'bar' },
        width: 480, height: { step: 24 },
        encoding: {
          y: { field: 'epoch', type: 'nominal', title: 'Epoch AI label' },
          x: { field: 'count', type: 'quantitative', title: 'models' },
          color: { field: 'tier', type: 'nominal', title: 'oml tier', scale: { domain: [...TIERS], range: TIERS.map((t) => CLASS_COLORS[classOf(t)]) } },
        },
        config: CONFIG,
      } as TopLevelSpec,
    });
  }
  return charts;
}

/** SVG markup of a chart, with its title and description for assistive technology. */
export async function renderSvg(chart: Chart): Promise<string> {
  // vega is ESM with top-level await: loaded on first use, so the CommonJS build can still be required
  const [vega, vl] = await Promise.all([importEsm<typeof import('vega')>('vega'), importEsm<typeof import('vega-lite')>('vega-lite')]);
  const view = new vega.View(vega.parse(vl.compile(chart.spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace('<svg ', `<svg role="img" aria-labelledby="${chart.id}-title" `);
  } finally {
    view.finalize();
  }
}
