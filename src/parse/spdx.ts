import { createRequire } from 'node:module';

/**
 * SPDX license expressions (spdx-expression-parse) and case-insensitive id
 * lookup (spdx-license-ids), for Hugging Face lower-case ids such as
 * `apache-2.0`, `mit`, `cc-by-nc-4.0`, `bsd-3-clause`.
 */

const require = createRequire(import.meta.url);
const parse = require('spdx-expression-parse') as (expr: string) => unknown;
const IDS = require('spdx-license-ids') as string[];
const DEPRECATED = require('spdx-license-ids/deprecated.json') as string[];

const CANONICAL = new Map<string, string>();
for (const id of DEPRECATED) CANONICAL.set(id.toLowerCase(), id);
for (const id of IDS) CANONICAL.set(id.toLowerCase(), id); // current ids win

const MAX_EXPRESSION = 1000;
const TOKEN = /\(|\)|[^\s()]+/g;
const OPERATORS = new Set(['and', 'or', 'with']);
const REF = /^(?:LicenseRef|DocumentRef)-/i;

export type SpdxResult =
  | { ok: true; ast: unknown; ids: string[]; expression: string }
  | { ok: false; error: string };

/** Canonical SPDX id for `id` (any case; `+` suffix kept), or null when it is not an SPDX license id. */
export function isSpdxId(id: string): string | null {
  const t = id.trim();
  if (t.endsWith('+')) {
    const base = CANONICAL.get(t.slice(0, -1).toLowerCase());
    return base ? `${base}+` : null;
  }
  return CANONICAL.get(t.toLowerCase()) ?? null;
}

function collectIds(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { license?: string; left?: unknown; right?: unknown; plus?: boolean };
  if (typeof n.license === 'string') out.push(n.license + (n.plus ? '+' : ''));
  collectIds(n.left, out);
  collectIds(n.right, out);
}

/**
 * Parses an SPDX expression after canonicalizing the case of ids and
 * operators (`apache-2.0 or mit` -> `Apache-2.0 OR MIT`). `ids` lists the
 * license ids in order of appearance.
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
