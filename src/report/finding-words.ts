/**
 * A check finding's message and evidence as the reports show them (text,
 * markdown, SARIF): the location said once (the verdict summary of a
 * prohibition or a threshold already names `(file:line)` of its term, which
 * the report shows after the quote), and a catalog text named by its license
 * name, canonical URL and line, never as a `catalog:<id>:<line>` pseudo-path.
 * Unescaped: each format escapes the result.
 */
import { getCatalogEntry } from '../catalog/index.js';
import type { CatalogEvidence, Finding } from '../policy/report-schema.js';
import { CATALOG_PREFIX } from '../policy/quote.js';
import { fill, reportText } from './text-wording.js';

/** `catalog:<id>:<line>` as the commercial-use reasons write a catalog term's place (bounded: no backtracking). */
const PSEUDO_PATH = /catalog:([A-Za-z0-9._-]{1,120}):(\d{1,9})/g;

/** `{name} <{url}>, line {line} of the published text` (data/report-text.yaml `sources.catalog`). */
export function catalogWhere(c: Pick<CatalogEvidence, 'name' | 'url' | 'line'>): string {
  return fill(reportText().sources.catalog, { name: c.name, url: c.url, line: String(c.line) });
}

/** The message without the parenthesised location the report shows anyway, catalog pseudo-paths in words. */
export function findingMessage(f: Pick<Finding, 'message' | 'location' | 'catalog'>): string {
  let m = f.message;
  const shown = [
    f.location ? `${f.location.path}:${f.location.line}` : null,
    f.catalog ? `${CATALOG_PREFIX}${f.catalog.license}:${f.catalog.line}` : null,
  ].filter((x): x is string => x !== null);
  for (const where of shown) m = m.split(` (${where})`).join('');
  return m.replace(PSEUDO_PATH, (whole, id: string, line: string) => {
    const e = getCatalogEntry(id);
    return e ? catalogWhere({ name: e.name, url: e.url, line: Number(line) }) : whole;
  });
}
