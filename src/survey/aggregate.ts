/**
 * Aggregation of SurveyRecords into the survey's tables, one record at a time:
 * memory grows with the number of distinct groups (capped: past the cap new
 * groups fold into "(other)"), never with the number of records.
 */
import type { Tier } from '../types.js';
import { licenseNames } from './data.js';
import type { InputProblem } from './hub.js';
import { CLASSES, classOf, type Agreement, type Disagreement, type InputKind, type OpennessClass, type SurveyResult } from './result.js';
import { DIMENSIONS, type Dimension, type SurveyRecord } from './types.js';

const GROUP_CAP = 200_000;
const LISTED_PROBLEMS = 200;
const LISTED_DISAGREEMENTS = 5_000;
const OTHER = '(other)';
export const FIGURE4 = { countries: ['United States of America', 'China'], from: 2020, to: 2025 } as const;

const zeroClasses = (): Record<OpennessClass, number> => ({ permissive: 0, restricted: 0, noncommercial: 0, closed: 0, unknown: 0 });

export class SurveyAggregator {
  private total = 0;
  private overflow = 0;
  private readonly tiers = new Map<Tier, number>();
  private readonly groups = new Map<string, number>();
  private readonly cube = new Map<string, number>(); // country \t class \t year
  private readonly pubs = new Map<string, { country: string; c: Record<OpennessClass, number> }>();
  private readonly inputs: SurveyResult['inputs'] = [];
  private readonly credits = new Set<string>();
  private problemCount = 0;
  private readonly problems: InputProblem[] = [];
  private agreement: Agreement | null = null;
  private readonly confusion = new Map<string, number>();

  constructor(private readonly by: Dimension[]) {}

  addInput(path: string, kind: InputKind, credit?: string): void {
    this.inputs.push({ path, kind });
    if (credit) this.credits.add(credit);
  }

  private bump(map: Map<string, number>, key: string, n = 1): void {
    if (!map.has(key) && map.size >= GROUP_CAP) { key = OTHER; this.overflow++; }
    map.set(key, (map.get(key) ?? 0) + n);
  }

  problem(p: InputProblem): void {
    this.problemCount++;
    if (this.problems.length < LISTED_PROBLEMS) this.problems.push(p);
  }

  add(r: SurveyRecord): void {
    this.total++;
    this.tiers.set(r.tier, (this.tiers.get(r.tier) ?? 0) + 1);
    this.bump(this.groups, this.by.map((d) => r[d]).join('\t'));
    const cls = classOf(r.tier);
    this.bump(this.cube, `${r.country}\t${cls}\t${r.year}`);
    let p = this.pubs.get(r.publisher);
    if (!p) {
      if (this.pubs.size >= GROUP_CAP) { this.overflow++; p = this.pubs.get(OTHER) ?? { country: 'unknown', c: zeroClasses() }; this.pubs.set(OTHER, p); }
      else { p = { country: r.country, c: zeroClasses() }; this.pubs.set(r.publisher, p); }
    }
    p.c[cls]++;
    if (r.epoch) this.compare(r);
  }

  private compare(r: SurveyRecord): void {
    const mapping = licenseNames().epochLabels.agree;
    if (!this.agreement) {
      this.agreement = { mapping, compared: 0, agreed: 0, notDetermined: 0, confusion: [], disagreements: [], disagreementsNotListed: 0 };
    }
    const a = this.agreement;
    const means = mapping[r.epoch!.accessibility];
    if (!means) return; // not an open-weights label: nothing to compare
    if (r.tier === 'unknown' || r.license === 'unknown') { a.notDetermined++; return; }
    a.compared++;
    const key = `${r.epoch!.accessibility}\t${r.tier}`;
    this.confusion.set(key, (this.confusion.get(key) ?? 0) + 1);
    if (means.includes(r.tier)) { a.agreed++; return; }
    if (a.disagreements.length >= LISTED_DISAGREEMENTS) { a.disagreementsNotListed++; return; }
    const d: Disagreement = {
      model: r.model, year: r.year, country: r.country, file: r.file, line: r.line,
      epoch: r.epoch!.accessibility, epochMeans: means, tier: r.tier, license: r.license, via: r.via,
      reason: r.reason, notes: r.epoch!.notes.slice(0, 600),
    };
    if (r.deciding) d.deciding = r.deciding;
    a.disagreements.push(d);
  }

  result(): SurveyResult {
    const groups = [...this.groups].map(([k, count]) => {
      const vals = k === OTHER ? this.by.map(() => OTHER) : k.split('\t');
      const g: Partial<Record<Dimension, string>> & { count: number } = { count };
      this.by.forEach((d, i) => { g[d] = vals[i]!; });
      return g;
    }).sort((x, y) => {
      for (const d of this.by) {
        const c = String(x[d]).localeCompare(String(y[d]));
        if (c) return c;
      }
      return 0;
    });

    const cells = [...this.cube].map(([k, count]) => {
      const [country, cls, year] = k === OTHER ? [OTHER, 'unknown', 'unknown'] : k.split('\t');
      return { country: country!, class: cls as OpennessClass, year: year!, count };
    });
    const byCountry = new Map<string, typeof cells>();
    for (const c of cells) { const l = byCountry.get(c.country) ?? []; l.push(c); byCountry.set(c.country, l); }
    const countries = [...byCountry.keys()];
    const cumulative: SurveyResult['cumulative'] = [];
    for (const country of countries) {
      const mine = byCountry.get(country)!;
      for (const cls of CLASSES) {
        const rows = mine.filter((c) => c.class === cls && c.year !== 'unknown').sort((a, b) => a.year.localeCompare(b.year));
        let run = 0;
        for (const r of rows) { run += r.count; cumulative.push({ country, class: cls, year: r.year, count: r.count, cumulative: run }); }
      }
    }
    const shares = countries.map((country) => {
      const s = { country, total: 0, ...zeroClasses() };
      for (const c of byCountry.get(country)!) { s[c.class] += c.count; s.total += c.count; }
      return s;
    }).sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
    const topPublishers = [...this.pubs].map(([publisher, p]) => {
      const total = CLASSES.reduce((n, c) => n + p.c[c], 0);
      return { publisher, country: p.country, total, ...p.c };
    }).sort((a, b) => b.total - a.total || a.publisher.localeCompare(b.publisher)).slice(0, 25);
    const figure4: SurveyResult['figure4'] = [];
    for (let y = FIGURE4.from; y <= FIGURE4.to; y++) {
      for (const country of FIGURE4.countries) {
        for (const cls of CLASSES) {
          const count = (byCountry.get(country) ?? []).filter((c) => c.class === cls && c.year === String(y)).reduce((n, c) => n + c.count, 0);
          figure4.push({ year: String(y), country, class: cls, count });
        }
      }
    }
    let agreement = this.agreement;
    if (agreement) {
      agreement = {
        ...agreement,
        confusion: [...this.confusion].map(([k, count]) => { const [epoch, tier] = k.split('\t'); return { epoch: epoch!, tier: tier as Tier, count }; })
          .sort((a, b) => a.epoch.localeCompare(b.epoch) || b.count - a.count),
      };
    }
    const tiers: SurveyResult['tiers'] = {};
    for (const [t, n] of [...this.tiers].sort((a, b) => b[1] - a[1])) tiers[t] = n;
    return {
      inputs: this.inputs,
      credits: [...this.credits],
      by: this.by,
      total: this.total,
      tiers, groups, cumulative, shares, topPublishers, figure4, agreement,
      problems: { count: this.problemCount, listed: this.problems },
      overflow: this.overflow,
    };
  }
}

/** Parses `--by` (comma-separated dimension names); throws a message on an unknown one. */
export function parseDimensions(s: string): Dimension[] {
  const out: Dimension[] = [];
  for (const raw of s.split(',')) {
    const d = raw.trim();
    if (!d) continue;
    if (!(DIMENSIONS as readonly string[]).includes(d)) throw new Error(`unknown dimension '${d}' (one of ${DIMENSIONS.join(', ')})`);
    if (!out.includes(d as Dimension)) out.push(d as Dimension);
  }
  if (!out.length) throw new Error(`no dimension given (one of ${DIMENSIONS.join(', ')})`);
  return out;
}

/** The most instructive disagreements: one per (label, tier, deciding term) pattern, commonest patterns first, newest model of each. */
export function instructive(ds: Disagreement[], n: number): Disagreement[] {
  const groups = new Map<string, Disagreement[]>();
  for (const d of ds) {
    const k = `${d.epoch}\t${d.tier}\t${d.deciding ? `${d.deciding.kind}:${d.deciding.name}` : d.license}`;
    const g = groups.get(k) ?? [];
    g.push(d);
    groups.set(k, g);
  }
  return [...groups.values()]
    .map((g) => ({ size: g.length, best: [...g].sort((a, b) => b.year.localeCompare(a.year) || a.model.localeCompare(b.model))[0]! }))
    .sort((a, b) => b.size - a.size || b.best.year.localeCompare(a.best.year) || a.best.model.localeCompare(b.best.model))
    .slice(0, n)
    .map((x) => x.best);
}
