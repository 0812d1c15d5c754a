import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { ModelCardMeta, Warning } from '../types.js';
import { MAX_FRONT_MATTER_BYTES, readYaml, topKeyOf } from './frontmatter-yaml.js';

/**
 * YAML front matter of a Hugging Face model card: the one front-matter reader
 * (parse, discovery and the CLI all use `findFrontMatter` / `parseFrontMatter`).
 * Parsed safely (alias expansion capped by `maxYamlAliases`, size and key
 * count capped, YAML_LIMIT) and normalized into ModelCardMeta.
 */

export { MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_KEYS } from './frontmatter-yaml.js';

export interface FrontMatter {
  meta: ModelCardMeta;
  /** 1-based line where the markdown body starts. */
  bodyStartLine: number;
  /** Non-fatal oddities (duplicate keys, a leading blank line, YAML read leniently). */
  warnings: Warning[];
}

export interface FoundFrontMatter {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based line where the markdown body starts. */
  bodyStartLine: number;
  /** Offset of the body in the text. */
  bodyOffset: number;
  /** 1-based line of the opening `---` (after a BOM and blank lines, if any). */
  openLine: number;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const EXTRA_GATED = 'extra_gated_';
/** Blank lines tolerated before the opening fence. */
const MAX_LEADING_BLANK_LINES = 16;

/** Next line of `text` from `pos`: [line, end offset (at the newline or the end)]. */
function lineAt(text: string, pos: number): [string, number] {
  let end = text.indexOf('\n', pos);
  if (end === -1) end = text.length;
  const line = text.slice(pos, end);
  return [line.endsWith('\r') ? line.slice(0, -1) : line, end];
}

/**
 * Locates the front matter: an opening `---` line (after an optional BOM and up
 * to 16 blank lines), the YAML, a closing `---` or `...` line. Null when there is none.
 * `allowUnclosed` is for a file's first bytes only (discovery reads a head): without a
 * closing line the YAML runs to the end of `text` and `bodyStartLine` is 0.
 */
export function findFrontMatter(text: string, opts: { allowUnclosed?: boolean } = {}): FoundFrontMatter | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  for (let blanks = 0; ; blanks++) {
    const [l, end] = lineAt(text, pos);
    if (OPEN.test(l)) { pos = end + 1; break; }
    if (l.trim() !== '' || end >= text.length || blanks >= MAX_LEADING_BLANK_LINES) return null;
    pos = end + 1;
    line++;
  }
  const openLine = line;
  const yamlStart = Math.min(pos, text.length);
  line++;
  while (pos <= text.length) {
    const [l, end] = lineAt(text, pos);
    if (CLOSE.test(l)) {
      return { yaml: text.slice(yamlStart, pos), bodyStartLine: line + 1, bodyOffset: Math.min(end + 1, text.length), openLine };
    }
    if (end >= text.length) break;
    pos = end + 1;
    line++;
  }
  return opts.allowUnclosed ? { yaml: text.slice(yamlStart), bodyStartLine: 0, bodyOffset: text.length, openLine } : null;
}

/**
 * 1-based file line of a top-level front-matter key (`license`), found by a
 * line scan without parsing the YAML (for locating findings); undefined when
 * the text has no front matter or no such key.
 */
export function frontMatterKeyLine(text: string, key: string): number | undefined {
  const found = findFrontMatter(text);
  if (!found) return undefined;
  let line = found.openLine;
  for (const l of found.yaml.split('\n')) {
    line++;
    if (topKeyOf(l.endsWith('\r') ? l.slice(0, -1) : l) === key) return line;
  }
  return undefined;
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

/**
 * Parses the front matter of `text`. Returns null when the text has none.
 * Throws OmlError('YAML') with the file line on a syntax error (that neither
 * `yaml` nor the lenient reader accepts) or a non-mapping document,
 * OmlError('YAML_ALIAS') when alias expansion exceeds the limit, and
 * OmlError('YAML_LIMIT') past MAX_FRONT_MATTER_BYTES or MAX_FRONT_MATTER_KEYS.
 */
export function parseFrontMatter(text: string, path: string, limits?: Partial<Limits>): FrontMatter | null {
  const found = findFrontMatter(text);
  if (!found) return null;
  const lim = withLimits(limits);
  const firstLine = found.openLine + 1;
  if (found.yaml.length > MAX_FRONT_MATTER_BYTES) {
    throw new OmlError('YAML_LIMIT', `front matter is ${found.yaml.length} characters, over the limit of ${MAX_FRONT_MATTER_BYTES}; refusing to read it`, { file: path, line: found.openLine });
  }
  const warnings: Warning[] = [];
  if (found.openLine > 1) {
    warnings.push({ code: 'FRONT_MATTER_OFFSET', message: `${path}: the front matter starts on line ${found.openLine}, after blank lines; the Hub may not read it: start the file with ---`, path, line: found.openLine });
  }
  let read;
  try {
    read = readYaml(found.yaml, { path, firstLine, maxAliases: lim.maxYamlAliases });
  } catch (e) {
    // after blank lines, a `---` block that is not YAML is a markdown rule, not front matter (a LICENSE.md may start so)
    if (found.openLine > 1 && e instanceof OmlError && e.code === 'YAML') return null;
    throw e;
  }
  const at = (l: number | undefined) => (l === undefined ? undefined : l + firstLine - 1);
  if (read.lenient) {
    warnings.push({ code: 'YAML_LENIENT', message: `${path}: front matter is not valid YAML 1.2 (${read.lenient.message}); read with a lenient YAML reader (js-yaml), as other tools do: check the values`, path, line: at(read.lenient.line) });
  }
  if (read.duplicate) {
    warnings.push({ code: 'YAML_DUPLICATE_KEY', message: `${path}: front matter repeats a key${read.duplicate.key ? ` (${read.duplicate.key})` : ''}; the last value is used`, path, line: at(read.duplicate.line) });
  }
  const raw = read.data;
  const keyLines: Record<string, number> = {};
  for (const [k, l] of Object.entries(read.keyLines)) keyLines[k] = at(l)!;

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
