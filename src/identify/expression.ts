/**
 * One license for a folder with several license documents (REUSE LICENSES/*,
 * COPYING.LESSER, PATENTS, LICENSE + LICENSE.txt): an SPDX `AND` expression of
 * the documents' licenses, each part identified on its own. Fails closed: a
 * document that is not identified as a license (`modified`, `similar`,
 * `unknown`) leaves the expression null and is listed in `unresolved`, for the
 * caller to report with its file.
 */
import type { LicenseInfo } from '../types.js';

export interface ExpressionPart {
  source: string | null;
  spdx: string;
  match: LicenseInfo['match'];
}

export interface DocumentsExpression {
  /** "MIT AND Apache-2.0" (each license once, in document order); null when a part is unresolved or there is none. */
  expression: string | null;
  parts: ExpressionPart[];
  /** Documents that could not be named: their file and why. */
  unresolved: Array<{ source: string | null; match: LicenseInfo['match']; why: string }>;
}

const NAMED: ReadonlySet<LicenseInfo['match']> = new Set(['exact', 'template', 'declared']);

/** An SPDX id or LicenseRef is one expression operand: no spaces or parentheses. */
const OPERAND = /^[A-Za-z0-9][A-Za-z0-9.+-]{0,200}$/;

export function documentsExpression(docs: LicenseInfo[]): DocumentsExpression {
  const parts: ExpressionPart[] = [];
  const unresolved: DocumentsExpression['unresolved'] = [];
  for (const d of docs) {
    if (!NAMED.has(d.match) || !d.spdx) {
      unresolved.push({ source: d.source ?? null, match: d.match, why: whyUnresolved(d) });
      continue;
    }
    if (!OPERAND.test(d.spdx)) {
      unresolved.push({ source: d.source ?? null, match: d.match, why: `"${d.spdx.slice(0, 60)}" is not a single SPDX id` });
      continue;
    }
    parts.push({ source: d.source ?? null, spdx: d.spdx, match: d.match });
  }
  const ids = [...new Set(parts.map((p) => p.spdx))];
  const expression = unresolved.length === 0 && ids.length > 0 ? ids.join(' AND ') : null;
  return { expression, parts, unresolved };
}

function whyUnresolved(d: LicenseInfo): string {
  if (d.match === 'modified') return `a modified ${d.id ?? 'license'}: its changes decide, it has no SPDX id`;
  if (d.match === 'similar') return `another license close to ${d.closest?.id ?? 'a catalog entry'}, not in the catalog`;
  if (d.match === 'unknown') return 'not identified as any known license';
  return `identified without an SPDX id (${d.match})`;
}
