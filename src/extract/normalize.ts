/**
 * Field normalizers: turn captured text ("US$20 million", "per year",
 * "South Korea") into term values, driven by the tables in rules/_normalize.yaml.
 */
import type { Comparator, Consequence, Period } from '../types.js';
import type { NormalizeTables } from './schema.js';
import { makeDeemedMask, makeRequestReader } from './request.js';


function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal alternation matched at word boundaries (lowercase input). Linear: literals only. */
function wordRegex(words: string[], flags = ''): RegExp {
  const alts = words.map((w) => w.replace(/\s+/g, ' ')).sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${alts})(?![a-z0-9])`, flags);
}

interface Table<T> { re: RegExp; value: T }

export interface Normalizers {
  number(s: string): number | undefined;
  currency(s: string): string | undefined;
  period(s: string): Period | undefined;
  comparator(s: string): Comparator | undefined;
  territories(s: string): string[];
  scope(s: string): 'weights' | 'outputs' | 'both' | undefined;
  consequence(s: string): Consequence | undefined;
}

/** Lowercase, every whitespace run (line breaks included) as one space: table phrases are written with single spaces. */
function lower(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

const NUMBER_RE = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?([a-z]+))?/;

export function makeNormalizers(t: NormalizeTables): Normalizers {
  const first = <T>(tables: Table<T>[], s: string): T | undefined => {
    const low = lower(s);
    for (const e of tables) if (e.re.test(low)) return e.value;
    return undefined;
  };
  // symbols like "$" or "€" have no word boundary of their own: match them anywhere; a prefixed symbol ("hk$", "s$")
  // starts a word but may touch the number after it ("S$5 million")
  const currencyTables: Table<string>[] = t.currencies.map((c) => {
    const words = c.match.filter((m) => /^[a-z].*[a-z]$/.test(m));
    const prefixed = c.match.filter((m) => /^[a-z].*[^a-z]$/.test(m));
    const symbols = c.match.filter((m) => !/^[a-z]/.test(m));
    const parts: string[] = [];
    if (words.length) parts.push(wordRegex(words).source);
    if (prefixed.length) parts.push(`(?<![a-z0-9])(?:${prefixed.map(escape).join('|')})`);
    if (symbols.length) parts.push(`(?:${symbols.map(escape).join('|')})`);
    return { re: new RegExp(parts.join('|')), value: c.code };
  });
  const periodTables = t.periods.map((p) => ({ re: wordRegex(p.match), value: p.period }));
  const comparatorTables = t.comparators.map((c) => ({ re: wordRegex(c.match), value: c.comparator }));
  const consequenceTables = t.consequences.map((c) => ({ re: wordRegex(c.match), value: c.consequence }));
  // one alternation of every territory name, longest first: at each place the longest name wins, and a name inside a
  // longer one ("korea" in "north korea") is not read again; codes come out in table order
  const territoryIndex = new Map<string, number>();
  t.territories.forEach((c, i) => { for (const m of c.match) { const k = m.replace(/\s+/g, ' '); if (!territoryIndex.has(k)) territoryIndex.set(k, i); } });
  const territoryRe = wordRegex([...territoryIndex.keys()], 'g');
  const outputsRe = wordRegex(t.scopes.outputs);
  const weightsRe = wordRegex(t.scopes.weights);
  const multipliers = new Map(Object.entries(t.multipliers));
  const requests = makeRequestReader(t.consequence_requests);
  const deemed = makeDeemedMask(t.consequence_requests);
  // the license-request phrases read where no deemed license stands ("deemed to have obtained the commercial
  // license" is the license the text grants, not a consequence)
  const requestTable = consequenceTables.filter((c) => c.value === 'license-required');
  const asked = (low: string) => { const open = deemed(low); return requestTable.some((c) => c.re.test(open)); };
  // British spellings read as the tables write them ("a commercial licence" -> "a commercial license")
  const spelling = (s: string) => s.replace(/licenc/gi, 'licens');

  return {
    number(s) {
      const m = NUMBER_RE.exec(s.toLowerCase());
      if (!m) return undefined;
      const base = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
      const mult = m[3] ? multipliers.get(m[3]) ?? 1 : 1;
      const v = base * mult;
      return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : undefined;
    },
    currency: (s) => first(currencyTables, s),
    period: (s) => first(periodTables, s),
    comparator: (s) => first(comparatorTables, s),
    consequence(s) {
      const folded = spelling(s);
      const low = lower(folded);
      let c: Consequence | undefined;
      for (const e of consequenceTables) {
        if (!e.re.test(low) || (e.value === 'license-required' && !asked(low))) continue;
        c = e.value;
        break;
      }
      // a request for a license outranks every other consequence, as the table's first entry does
      return c !== 'license-required' && requests(low) ? 'license-required' : c;
    },
    territories(s) {
      const low = lower(s);
      const found = new Set<number>();
      for (const m of low.matchAll(territoryRe)) {
        const i = territoryIndex.get(m[0]);
        if (i !== undefined) found.add(i);
      }
      return [...found].sort((a, b) => a - b).map((i) => t.territories[i]!.code);
    },
    scope(s) {
      const low = lower(s);
      const o = outputsRe.test(low);
      const w = weightsRe.test(low);
      return o && w ? 'both' : o ? 'outputs' : w ? 'weights' : undefined;
    },
  };
}
