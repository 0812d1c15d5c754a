/**
 * Reader for Hugging Face Hub listings: JSON Lines of the model objects the Hub
 * API returns (`id`, `author`, `createdAt`, `tags`, `cardData`). Read line by
 * line (each line bounded by limits.maxFileBytes). The license metadata of each
 * model becomes a minimal model card that the library analyses (analyzeText), so
 * the Hub survey resolves licenses exactly as `oml analyze` does for a card;
 * models with the same metadata share one analysis (a bounded cache), which is
 * what keeps a million-line listing fast.
 */
import { readFile, stat } from 'node:fs/promises';
import { stringify } from 'yaml';
import { analyzeText } from '../analyze/index.js';
import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { Analysis } from '../types.js';
import { publisherCountry } from './data.js';
import { yearOf } from './epoch.js';
import { decidingOf } from './license-tier.js';
import { readLines } from './lines.js';
import { resolveBaseModels } from '../assess/lineage.js';
import type { SurveyRecord } from './types.js';

/** What a line that is not a model object produced. */
export interface InputProblem { file: string; line: number; message: string }

const CACHE_MAX = 20_000;
const cache = new Map<string, Analysis>();

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strs = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());

/** Values of the `prefix:` tags (`license:mit`, `base_model:finetune:org/name`: last segment after the relation). */
function tagValues(tags: string[], prefix: string): string[] {
  const out: string[] = [];
  for (const t of tags) {
    if (!t.startsWith(`${prefix}:`)) continue;
    const rest = t.slice(prefix.length + 1);
    const colon = rest.indexOf(':');
    if (prefix === 'base_model') { if (colon < 0) out.push(rest); }
    else out.push(rest);
  }
  return out;
}

/** The card metadata a Hub model object carries (cardData first; the Hub's derived tags when it is absent). */
export function cardMeta(m: Obj): Obj {
  const card = isObj(m.cardData) ? m.cardData : {};
  const tags = strs(m.tags);
  const meta: Obj = {};
  const license = strs(card.license);
  meta.license = license.length ? license : tagValues(tags, 'license');
  for (const k of ['license_name', 'license_link', 'base_model_relation'] as const) {
    if (typeof card[k] === 'string') meta[k] = card[k];
  }
  const base = strs(card.base_model);
  meta.base_model = base.length ? base : tagValues(tags, 'base_model');
  const datasets = strs(card.datasets);
  meta.datasets = datasets.length ? datasets : tagValues(tags, 'dataset');
  for (const k of Object.keys(meta)) if (Array.isArray(meta[k]) && (meta[k] as unknown[]).length === 0) delete meta[k];
  return meta;
}

function analyzeMeta(meta: Obj, where: string, limits?: Partial<Limits>): Analysis {
  const key = JSON.stringify(meta);
  const hit = cache.get(key);
  if (hit) return hit;
  const text = `---\n${stringify(meta)}---\n`;
  const a = analyzeText({ path: where, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] }, { limits, markdown: 'fast' });
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, a);
  return a;
}

/** The survey record of one Hub model object. */
export function hubRecord(m: Obj, file: string, line: number, limits?: Partial<Limits>): SurveyRecord {
  const id = typeof m.id === 'string' ? m.id : typeof m.modelId === 'string' ? m.modelId : '';
  const slash = id.indexOf('/');
  const publisher = typeof m.author === 'string' && m.author ? m.author : slash > 0 ? id.slice(0, slash) : 'unknown';
  const origin = publisher === 'unknown' ? null : publisherCountry(publisher);
  const meta = cardMeta(m);
  // one analysis serves every model with the same metadata: its path names the listing, not a line
  const a = analyzeMeta(meta, `${file} (card metadata)`, limits);
  const base: SurveyRecord = {
    file, line,
    model: id || '(no id)',
    publisher,
    country: origin?.country ?? 'unknown',
    year: yearOf(typeof m.createdAt === 'string' ? m.createdAt : undefined),
    license: a.license.id ?? 'unknown',
    via: a.license.id ? 'card' : 'none',
    tier: a.openness.tier,
    reason: a.openness.reasons[0]?.message ?? (a.warnings[0]?.message ?? ''),
  };
  if (!a.license.id && a.openness.tier !== 'unknown' && a.declared?.baseModel.length) {
    const base0 = resolveBaseModels(a.declared.baseModel).find((b) => b.license);
    if (base0) { base.license = base0.license!; base.via = 'lineage'; base.reason = `base model ${base0.id} (lineage table): ${base.reason}`; }
  }
  if (a.openness.tier === 'unknown') {
    const why = a.warnings.find((w) => w.code === 'NO_LICENSE' || w.code === 'DECLARED')?.message;
    base.reason = `license not determined: ${why ?? base.reason}`;
  }
  const d = decidingOf(a);
  if (d) base.deciding = d;
  return base;
}

/** A listing that starts with '[' is a JSON array (the Hub API's own response): read whole, within maxFileBytes. */
async function* readArray(file: string, max: number, limits?: Partial<Limits>): AsyncIterable<SurveyRecord | InputProblem> {
  const st = await stat(file);
  if (st.size > max) throw new OmlError('TOO_LARGE', `a JSON array listing larger than ${max} bytes (maxFileBytes): convert it to JSON Lines (one model object a line, e.g. jq -c '.[]') to stream it`, { file });
  let list: unknown;
  try {
    list = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new OmlError('USAGE', `not JSON: ${(e as Error).message}`, { file });
  }
  if (!Array.isArray(list)) throw new OmlError('USAGE', 'not a Hub listing: expected JSON Lines or a JSON array of model objects', { file });
  let i = 0;
  for (const obj of list) yield one(obj, file, ++i, limits);
}

function one(obj: unknown, file: string, n: number, limits?: Partial<Limits>): SurveyRecord | InputProblem {
  if (!isObj(obj) || (typeof obj.id !== 'string' && typeof obj.modelId !== 'string')) {
    return { file, line: n, message: 'not a Hub model object (no string "id")' };
  }
  try {
    return hubRecord(obj, file, n, limits);
  } catch (e) {
    if (!(e instanceof OmlError)) throw e;
    return { file, line: n, message: e.message.replace(`${file}:${n}: `, '') };
  }
}

/** Lines that fail before any model object is read, after which the file is taken not to be a listing. */
const FAILS_BEFORE_GIVING_UP = 20;

/** Streams the model objects of a JSON Lines listing as SurveyRecords, and each bad line as an InputProblem. */
export async function* readHub(file: string, limits?: Partial<Limits>): AsyncIterable<SurveyRecord | InputProblem> {
  const max = withLimits(limits).maxFileBytes;
  let records = 0;
  let fails = 0;
  for await (const { n, text, tooLong } of readLines(file, max)) {
    let out: SurveyRecord | InputProblem;
    if (tooLong) out = { file, line: n, message: `line longer than ${max} bytes (maxFileBytes)` };
    else if (!text.trim()) continue;
    else if (records === 0 && fails === 0 && text.trimStart().startsWith('[')) { yield* readArray(file, max, limits); return; }
    else {
      let obj: unknown;
      let bad: string | null = null;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        bad = (e as Error).message;
      }
      out = bad === null ? one(obj, file, n, limits) : { file, line: n, message: `not JSON: ${bad}` };
    }
    if ('tier' in out) records++;
    else if (records === 0 && ++fails >= FAILS_BEFORE_GIVING_UP) {
      throw new OmlError('USAGE', `not a Hub listing: the first ${fails} lines are not model objects (expected JSON Lines, one Hub model object a line); last: ${out.message}`, { file });
    }
    yield out;
  }
}
