import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { ModelCardMeta, Warning } from '../types.js';

/**
 * YAML front matter of a Hugging Face model card, parsed safely (alias
 * expansion capped by `maxYamlAliases`) and normalized into ModelCardMeta.
 */

export interface FrontMatter {
  meta: ModelCardMeta;
  /** 1-based line where the markdown body starts. */
  bodyStartLine: number;
  /** Non-fatal oddities (duplicate keys). */
  warnings: Warning[];
}

const OPEN = /^---[ \t]*(?:\n|$)/;
const CLOSE_LINE = /^(?:---|\.\.\.)[ \t]*$/;
const EXTRA_GATED = 'extra_gated_';
const AT_LINE = / at line \d+, column \d+:[\s\S]*$/;

/** Locates the front matter block: [yamlStart, yamlEnd, bodyStartLine] or null. */
export function findFrontMatter(text: string): { yaml: string; bodyStartLine: number; bodyOffset: number } | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  let pos = open[0].length;
  let line = 2;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    if (CLOSE_LINE.test(text.slice(pos, end))) {
      return { yaml: text.slice(open[0].length, pos), bodyStartLine: line + 1, bodyOffset: Math.min(end + 1, text.length) };
    }
    if (end === text.length) break;
    pos = end + 1;
    line++;
  }
  return null;
}

function strings(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') { const t = x.trim(); if (t) out.push(t); }
    else if (typeof x === 'number' || typeof x === 'boolean') out.push(String(x));
  }
  return out;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') { const t = v.trim(); return t === '' ? undefined : t; }
  if (typeof v === 'number') return String(v);
  return undefined;
}

function yamlError(doc: Document, path: string): OmlError {
  const e = doc.errors[0]!;
  const line = e.linePos?.[0]?.line;
  const fileLine = line === undefined ? undefined : line + 1; // offset by the opening `---` line
  const msg = e.message.replace(AT_LINE, '');
  return new OmlError('YAML', `front matter: ${msg}`, { file: path, line: fileLine });
}

/**
 * Parses the front matter of `text`. Returns null when the text has none.
 * Throws OmlError('YAML') with the file line on a syntax error or a non-mapping
 * document, OmlError('YAML_ALIAS') when alias expansion exceeds the limit.
 */
export function parseFrontMatter(text: string, path: string, limits?: Partial<Limits>): FrontMatter | null {
  const found = findFrontMatter(text);
  if (!found) return null;
  const lim = withLimits(limits);
  const warnings: Warning[] = [];
  const lineCounter = new LineCounter();
  let doc = parseDocument(found.yaml, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0 && doc.errors.every((e) => e.code === 'DUPLICATE_KEY')) {
    const e = doc.errors[0]!;
    const l = e.linePos?.[0]?.line;
    warnings.push({ code: 'YAML_DUPLICATE_KEY', message: `${path}: front matter repeats a key; the last value is used`, path, line: l === undefined ? undefined : l + 1 });
    doc = parseDocument(found.yaml, { lineCounter: new LineCounter(), prettyErrors: true, uniqueKeys: false });
  }
  if (doc.errors.length > 0) throw yamlError(doc, path);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: lim.maxYamlAliases });
  } catch (e) {
    if (e instanceof ReferenceError || /alias/i.test(String((e as Error)?.message))) {
      throw new OmlError('YAML_ALIAS', `front matter: alias expansion exceeds the limit of ${lim.maxYamlAliases} (maxYamlAliases); possible YAML bomb`, { file: path, line: 2, cause: e });
    }
    throw new OmlError('YAML', `front matter: ${(e as Error)?.message ?? String(e)}`, { file: path, line: 2, cause: e });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents) && doc.contents !== null) {
    throw new OmlError('YAML', 'front matter is not a mapping of keys to values', { file: path, line: 2 });
  }
  const raw = data as Record<string, unknown>;

  const keyLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key;
      const name = isScalar(key) ? String(key.value) : String(key);
      const off = (key as { range?: [number, number, number] } | null)?.range?.[0];
      if (off !== undefined && !(name in keyLines)) keyLines[name] = lineCounter.linePos(off).line + 1;
    }
  }

  const extraGated: Record<string, unknown> = {};
  for (const k of Object.keys(raw)) if (k.startsWith(EXTRA_GATED)) extraGated[k] = raw[k];

  const meta: ModelCardMeta = {
    license: strings(raw.license),
    baseModel: strings(raw.base_model),
    datasets: strings(raw.datasets),
    extraGated,
    keyLines,
    raw,
    bodyLine: found.bodyStartLine,
  };
  const licenseName = str(raw.license_name);
  if (licenseName !== undefined) meta.licenseName = licenseName;
  const licenseLink = str(raw.license_link);
  if (licenseLink !== undefined) meta.licenseLink = licenseLink;
  const relation = str(raw.base_model_relation);
  if (relation !== undefined) meta.baseModelRelation = relation;
  return { meta, bodyStartLine: found.bodyStartLine, warnings };
}
