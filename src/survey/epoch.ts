/**
 * Reader for Epoch AI's "AI Models" CSV files (CC BY 4.0: credit Epoch AI).
 * Streams the file through csv-parse (one record in memory at a time, record
 * size bounded) and turns each row into a SurveyRecord: license from the
 * `Accessibility notes` (names resolved through data/license-names.yaml) or,
 * failing that, from the lineage table for the Hugging Face ids the row links
 * to; weights Epoch marks as not released are `closed` from its label.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { resolveBaseModels } from '../assess/lineage.js';
import { OmlError } from '../errors.js';
import { hubModelIds } from './hf-ids.js';
import { tierOfLicenseId } from './license-tier.js';
import { licenseNames } from './data.js';
import { matchLicenseName } from './names.js';
import type { SurveyRecord } from './types.js';

export const EPOCH_CREDIT = 'Epoch AI, "Data on AI Models", https://epoch.ai/data/ai-models (CC BY 4.0)';

/** Columns the reader needs: a CSV without them is not Epoch's format. */
export const EPOCH_COLUMNS = ['Model', 'Organization', 'Publication date', 'Country (of organization)', 'Model accessibility'] as const;

const MAX_RECORD = 1024 * 1024;
/** Tiers without use restrictions: a note stating one of its own contradicts them. */
const OPEN_TIERS = new Set(['open-source', 'open-weight-permissive', 'open-weight-conditional']);

type Row = Record<string, string | undefined>;

let notReleasedSet: Set<string> | null = null;
/** Epoch labels saying the weights are not released (data/license-names.yaml, epochLabels), lower-cased. */
function notReleased(): Set<string> {
  if (!notReleasedSet) notReleasedSet = new Set(licenseNames().epochLabels.notReleased.map((l) => l.toLowerCase()));
  return notReleasedSet;
}

const oneLine = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean).join(' ');

export function epochCountry(raw: string | undefined): string {
  const parts = [...new Set((raw ?? '').split(',').map((p) => p.trim()).filter(Boolean))].sort();
  return parts.length ? parts.join(' & ') : 'unknown';
}

export function yearOf(date: string | undefined): string {
  const y = (date ?? '').trim().slice(0, 4);
  return y.length === 4 && [...y].every((c) => c >= '0' && c <= '9') ? y : 'unknown';
}

/** The license the row's links name through the lineage table (data/base-models.yaml), or null. */
function lineageLicense(row: Row): { license: string | null; note: string } {
  const ids = hubModelIds(`${row['Link'] ?? ''}\n${row['Accessibility notes'] ?? ''}`);
  if (!ids.length) return { license: null, note: 'no Hugging Face model linked' };
  const hits = resolveBaseModels(ids).filter((b) => b.license);
  const distinct = [...new Set(hits.map((h) => h.license!))];
  if (distinct.length === 1) return { license: distinct[0]!, note: `lineage table: ${hits[0]!.id}${hits[0]!.note ? ` (${hits[0]!.note})` : ''}` };
  if (distinct.length > 1) return { license: null, note: `linked models have different licenses (${distinct.join(', ')})` };
  return { license: null, note: `linked models not in the lineage table (${ids.join(', ')})` };
}

export function epochRecord(row: Row, file: string, line: number): SurveyRecord {
  const accessibility = oneLine(row['Model accessibility']);
  const notes = (row['Accessibility notes'] ?? '').slice(0, 8192);
  const base = {
    file, line,
    model: oneLine(row['Model']) || '(unnamed)',
    publisher: oneLine(row['Organization']) || 'unknown',
    country: epochCountry(row['Country (of organization)']),
    year: yearOf(row['Publication date']),
    epoch: { accessibility: accessibility || '(none)', notes },
  };
  if (notReleased().has(accessibility.toLowerCase())) {
    return { ...base, license: 'unknown', via: 'label', tier: 'closed', reason: `Epoch AI: "${accessibility}" (weights not released)` };
  }
  const named = matchLicenseName(notes);
  let license = named.license;
  let via: SurveyRecord['via'] = 'notes';
  let why = named.notes.join('; ');
  if (license && named.restrictions.length && OPEN_TIERS.has(tierOfLicenseId(license).openness.tier)) {
    why = `notes name ${license} ("${named.clause}") but also say "${named.restrictions.join('", "')}", which ${license} does not: not determined from the notes`;
    license = null;
  }
  if (!license) {
    const lin = lineageLicense(row);
    license = lin.license;
    via = 'lineage';
    why = [why, lin.note].filter(Boolean).join('; ');
  }
  if (!license) return { ...base, license: 'unknown', via: 'none', tier: 'unknown', reason: `license not determined: ${why}` };
  const t = tierOfLicenseId(license);
  const source = via === 'notes' ? `notes name ${license} ("${named.clause}")` : why;
  return {
    ...base,
    license: t.id ?? license,
    via,
    tier: t.openness.tier,
    reason: `${source}: ${t.openness.reasons[0]?.message ?? ''}`,
    ...(t.deciding ? { deciding: t.deciding } : {}),
  };
}

/** Streams the rows of an Epoch AI CSV file as SurveyRecords. */
export async function* readEpoch(file: string): AsyncIterable<SurveyRecord> {
  const parser = createReadStream(file).pipe(parse({
    columns: true, bom: true, relax_column_count: true, skip_empty_lines: true,
    max_record_size: MAX_RECORD, info: true,
  }));
  let checked = false;
  try {
    for await (const item of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      if (!checked) {
        const missing = EPOCH_COLUMNS.filter((c) => !(c in item.record));
        if (missing.length) throw new OmlError('USAGE', `not an Epoch AI models CSV: missing column(s) ${missing.map((m) => `'${m}'`).join(', ')}`, { file });
        checked = true;
      }
      yield epochRecord(item.record, file, item.info.lines);
    }
  } catch (e) {
    if (e instanceof OmlError) throw e;
    const err = e as { code?: string; message?: string; lines?: number };
    if (err.code === 'ENOENT') throw new OmlError('ENOENT', 'no such file', { file });
    throw new OmlError('USAGE', `invalid CSV: ${err.message ?? String(e)}`, { file, line: err.lines });
  }
}
