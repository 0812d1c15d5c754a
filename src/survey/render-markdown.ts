/** `oml survey --format markdown`: every table of the survey, credits first and last. */
import { instructive } from './aggregate.js';
import { md } from './escape.js';
import { CLASSES, type Agreement, type Disagreement, type SurveyResult } from './result.js';

const pct = (n: number, total: number) => (total ? `${((100 * n) / total).toFixed(1)}%` : '0.0%');

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map((c) => (typeof c === 'number' ? String(c) : c)).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A disagreement as one table row: model, labels, license, the deciding term and its evidence. */
export function disagreementRow(d: Disagreement): string[] {
  const term = d.deciding ? `${d.deciding.kind} ${d.deciding.name}` : '(none: no restriction found)';
  const ev = d.deciding ? `${md(d.deciding.path)}:${d.deciding.line}: “${md(d.deciding.sentence, 240)}”` : md(d.reason, 240);
  return [md(d.model), d.year, md(d.epoch), md(d.tier), md(d.license), md(term), ev];
}

export const DISAGREEMENT_HEAD = ['model', 'year', 'Epoch AI label', 'oml tier', 'license', 'deciding term', 'evidence'];

/**
 * The agreement with Epoch AI's labels: the mapping, the counts, the confusion
 * table, the five most instructive disagreements and (with `all` > 0) up to
 * `all` of every disagreement.
 */
export function renderAgreementMarkdown(a: Agreement, opts: { all?: number } = {}): string {
  const all = opts.all ?? 0;
  const out: string[] = [];
  out.push('Mapping: ' + Object.entries(a.mapping).map(([label, tiers]) => `“${md(label)}” ↔ ${tiers.join(' / ')}`).join('; ') + '.');
  out.push('', `Compared (open-weights label and a license oml determined): ${a.compared}. Agree: ${a.agreed} (${pct(a.agreed, a.compared)}). Disagree: ${a.compared - a.agreed}. Open-weights rows whose license oml could not determine: ${a.notDetermined}.`);
  out.push('', table(['Epoch AI label', 'oml tier', 'models'], a.confusion.map((c) => [md(c.epoch), c.tier, c.count])));
  if (a.disagreements.length) {
    out.push('', '### Most instructive disagreements', '', table(DISAGREEMENT_HEAD, instructive(a.disagreements, 5).map(disagreementRow)));
    if (all > 0) {
      out.push('', '### Every disagreement', '', table(DISAGREEMENT_HEAD, a.disagreements.slice(0, all).map(disagreementRow)));
      const more = a.disagreements.length - Math.min(all, a.disagreements.length) + a.disagreementsNotListed;
      if (more > 0) out.push('', `(${more} more disagreements: use --format json for all of them)`);
    }
  }
  return out.join('\n');
}

export function renderSurveyMarkdown(r: SurveyResult, opts: { maxRows?: number } = {}): string {
  const max = opts.maxRows ?? 200;
  const out: string[] = ['# oml survey', ''];
  out.push(`Inputs: ${r.inputs.map((i) => `${md(i.path)} (${i.kind})`).join(', ')}. Models: ${r.total}.`);
  for (const c of r.credits) out.push('', `Data: ${md(c)}.`);
  out.push('', '## Models by tier', '', table(['tier', 'models', 'share'], Object.entries(r.tiers).map(([t, n]) => [t, n!, pct(n!, r.total)])));

  out.push('', `## Models by ${r.by.join(' × ')}`, '');
  const groups = r.groups.slice(0, max);
  out.push(table([...r.by, 'models'], groups.map((g) => [...r.by.map((d) => md(g[d] ?? '')), g.count])));
  if (r.groups.length > max) out.push('', `(${r.groups.length - max} more rows: use --format csv or json for all of them)`);

  out.push('', '## Share by origin', '', 'permissive = open-source, open-weight-permissive and open-weight-conditional.', '');
  out.push(table(['origin', 'models', ...CLASSES], r.shares.slice(0, 30).map((s) => [md(s.country), s.total, ...CLASSES.map((c) => `${s[c]} (${pct(s[c], s.total)})`)])));

  out.push('', '## Cumulative counts over time', '', 'For the ten largest origins, by year (models with a known year).', '');
  const top = new Set(r.shares.slice(0, 10).map((s) => s.country));
  const cum = r.cumulative.filter((c) => top.has(c.country));
  out.push(table(['origin', 'class', 'year', 'models that year', 'cumulative'], cum.slice(0, max * 2).map((c) => [md(c.country), c.class, c.year, c.count, c.cumulative])));

  out.push('', '## U.S. vs China by degree of openness, 2020–2025', '');
  const years = [...new Set(r.figure4.map((f) => f.year))];
  const countries = [...new Set(r.figure4.map((f) => f.country))];
  const f4rows: Array<Array<string | number>> = [];
  for (const y of years) for (const c of countries) {
    f4rows.push([y, md(c), ...CLASSES.map((cls) => r.figure4.find((f) => f.year === y && f.country === c && f.class === cls)?.count ?? 0)]);
  }
  out.push(table(['year', 'origin', ...CLASSES], f4rows));

  out.push('', '## Top publishers', '');
  out.push(table(['publisher', 'origin', 'models', ...CLASSES], r.topPublishers.map((p) => [md(p.publisher), md(p.country), p.total, ...CLASSES.map((c) => p[c])])));

  if (r.agreement) out.push('', '## Agreement with Epoch AI’s labels', '', renderAgreementMarkdown(r.agreement, { all: max }));
  if (r.problems.count) {
    out.push('', '## Input problems', '', `${r.problems.count} input(s) could not be surveyed${r.problems.count > r.problems.listed.length ? ` (first ${r.problems.listed.length} listed)` : ''}:`, '');
    out.push(table(['file', 'line', 'problem'], r.problems.listed.map((p) => [md(p.file), p.line, md(p.message)])));
  }
  if (r.overflow) out.push('', `Note: ${r.overflow} records fell into “(other)” groups (a table reached its size cap).`);
  for (const c of r.credits) out.push('', `Data: ${md(c)}.`);
  return `${out.join('\n')}\n`;
}
