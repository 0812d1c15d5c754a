import { createRequire } from 'node:module';

/**
 * SPDX license ids and expressions: the one place that looks an SPDX id up
 * (`lookupSpdxId`, case-insensitive, deprecated ids and `+` mapped to their
 * current ids) and parses expressions (spdx-expression-parse) for Hugging Face
 * lower-case values such as `apache-2.0`, `gpl-3.0`, `cc-by-nc-4.0 OR mit`.
 */

const require = createRequire(import.meta.url);
// the parser and the id lists load on first use (a run that never meets an SPDX expression skips them)
let parser: ((expr: string) => unknown) | undefined;
const parse = (expr: string): unknown => (parser ??= require('spdx-expression-parse') as (expr: string) => unknown)(expr);
let ids: { current: Map<string, string>; old: Map<string, string> } | undefined;
const byLowerCase = (list: string[]) => new Map<string, string>(list.map((id) => [id.toLowerCase(), id]));
const idLists = () => (ids ??= {
  current: byLowerCase(require('spdx-license-ids') as string[]),
  old: byLowerCase(require('spdx-license-ids/deprecated.json') as string[]),
});
const CURRENT = { get: (key: string) => idLists().current.get(key) };
const OLD = { get: (key: string) => idLists().old.get(key) };

const MAX_EXPRESSION = 1000;
const TOKEN = /\(|\)|[^\s()]+/g;
const OPERATORS = new Set(['and', 'or', 'with']);
const REF = /^(?:LicenseRef|DocumentRef)-/i;
const ONLY = '-only';
const OR_LATER = '-or-later';

export interface SpdxIdLookup {
  /** The SPDX id the value means: a current id, or a deprecated one that has no successor. */
  id: string;
  /** Set when the value was not the id itself (case aside): what it was mapped from, and how. */
  mapped?: { from: string; how: 'deprecated' | 'or-later' };
  /** True when `id` itself is deprecated (no current id means the same). */
  deprecated?: true;
}

/**
 * The one SPDX id lookup. `GPL-3.0` (deprecated) -> `GPL-3.0-only`, `gpl-3.0+`
 * -> `GPL-3.0-or-later`, `apache-2.0` -> `Apache-2.0`. A deprecated id without
 * an `-only` successor stays itself, flagged `deprecated`. Null when the value
 * is not an SPDX license id (free-form spellings: see `correctSpdx` in identify).
 */
export function lookupSpdxId(value: string): SpdxIdLookup | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  const plus = t.endsWith('+');
  const key = (plus ? t.slice(0, -1) : t).toLowerCase();
  const current = CURRENT.get(key);
  const old = current ? undefined : OLD.get(key);
  if (!current && !old) return null;
  if (plus) {
    const root = (current ?? old!).replace(/-only$/i, '').replace(/-or-later$/i, '');
    const later = CURRENT.get(`${root}${OR_LATER}`.toLowerCase());
    return later ? { id: later, mapped: { from: t, how: 'or-later' } } : null;
  }
  if (current) return { id: current };
  const successor = CURRENT.get(`${old!}${ONLY}`.toLowerCase());
  if (successor) return { id: successor, mapped: { from: old!, how: 'deprecated' } };
  return { id: old!, deprecated: true };
}

/** Canonical SPDX id for `id` (any case, deprecated and `+` forms mapped), or null when it is not an SPDX license id. */
export function isSpdxId(id: string): string | null {
  return lookupSpdxId(id)?.id ?? null;
}

/** True when `id` is a current (not deprecated) SPDX license id, exactly as spelled. */
export function isCurrentSpdxId(id: string): boolean {
  return CURRENT.get(id.toLowerCase()) === id;
}

export type SpdxResult =
  | { ok: true; ast: unknown; ids: string[]; expression: string }
  | { ok: false; error: string };

function collectIds(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { license?: string; left?: unknown; right?: unknown; plus?: boolean };
  if (typeof n.license === 'string') out.push(n.license + (n.plus ? '+' : ''));
  collectIds(n.left, out);
  collectIds(n.right, out);
}

/**
 * Parses an SPDX expression after canonicalizing ids (`lookupSpdxId`) and
 * operators (`apache-2.0 or gpl-3.0+` -> `Apache-2.0 OR GPL-3.0-or-later`).
 * `ids` lists the license ids in order of appearance.
 */
export function parseSpdxExpression(expr: string): SpdxResult {
  if (typeof expr !== 'string' || expr.trim() === '') return { ok: false, error: 'empty SPDX expression' };
  if (expr.length > MAX_EXPRESSION) return { ok: false, error: `SPDX expression longer than ${MAX_EXPRESSION} characters` };
  const tokens = expr.match(TOKEN) ?? [];
  const norm: string[] = [];
  let afterWith = false;
  for (const tok of tokens) {
    const lower = tok.toLowerCase();
    if (OPERATORS.has(lower)) { norm.push(lower.toUpperCase()); afterWith = lower === 'with'; continue; }
    if (tok === '(' || tok === ')' || afterWith || REF.test(tok)) { norm.push(tok); afterWith = false; continue; }
    norm.push(isSpdxId(tok) ?? tok);
  }
  const expression = norm.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  try {
    const ast = parse(expression);
    const ids: string[] = [];
    collectIds(ast, ids);
    return { ok: true, ast, ids, expression };
  } catch (e) {
    return { ok: false, error: `invalid SPDX expression "${expr}": ${(e as Error)?.message ?? String(e)}` };
  }
}
