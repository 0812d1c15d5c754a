import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCatalogEntry } from '../../src/catalog/index.js';
import { hubTable } from '../../src/identify/card-names.js';
import { resolveDeclared } from '../../src/identify/declared.js';
import { isCurrentSpdxId } from '../../src/parse/spdx.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const HUB_DOC = path.resolve(here, '../../../shared/hf-docs/repositories-licenses.md');

/** The ids of the Hub's license table (second column, between backticks), read from the Hub's own page. */
function hubIds(): string[] {
  const text = readFileSync(HUB_DOC, 'utf8');
  const start = text.indexOf('<!-- region licenses -->');
  const end = text.indexOf('<!-- endregion -->');
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  const ids: string[] = [];
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|');
    const id = /^\s*`([^`]+)`\s*$/.exec(cells[2] ?? '')?.[1];
    if (id) ids.push(id);
  }
  return ids;
}

describe('data/hub-licenses.yaml covers the Hub license list', () => {
  const ids = hubIds();
  const table = hubTable();

  it('the source list is read (the Hub lists dozens of ids)', () => {
    expect(ids.length).toBeGreaterThan(70);
    expect(ids).toContain('apache-2.0');
    expect(ids).toContain('other');
  });

  it('every Hub id has an entry, and the table invents none', () => {
    const mapped = new Set(table.data.licenses.map((l) => l.hub));
    expect(ids.filter((id) => !mapped.has(id))).toEqual([]);
    expect([...mapped].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('every target exists: a current SPDX id or a catalog entry', () => {
    for (const l of table.data.licenses) {
      if (l.spdx) expect(isCurrentSpdxId(l.spdx), `${l.hub} -> ${l.spdx}`).toBe(true);
      if (l.catalog) expect(getCatalogEntry(l.catalog), `${l.hub} -> ${l.catalog}`).toBeDefined();
    }
  });

  it.each(ids)('license: %s resolves as the table says', (id) => {
    const l = table.byHub.get(id)!;
    const r = resolveDeclared([id]);
    if (l.spdx) expect(r).toMatchObject({ resolved: l.spdx, spdx: l.spdx });
    else if (l.catalog) expect(r).toMatchObject({ resolved: l.catalog, spdx: getCatalogEntry(l.catalog)!.spdx });
    else {
      // names no single license: unresolved (fail closed), and said so unless it is the `license_name` placeholder
      expect(r.resolved).toBeNull();
      if (l.none === 'family' || l.none === 'not-in-catalog') expect(r.notes.join(' ')).toContain(id);
    }
  });
});
