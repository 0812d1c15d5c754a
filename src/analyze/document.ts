import { identifyText } from '../identify/identify.js';
import { extractTerms } from '../extract/engine.js';
import { parseDocument, type ParseOptions } from '../parse/document.js';
import { splitSentences } from '../parse/sentences.js';
import type { LicenseInfo, ParsedDocument, SourceText, Term, TermOrigin } from '../types.js';

/** One analysed text document (LICENSE, use policy or NOTICE). */
export interface DocumentAnalysis {
  src: SourceText;
  doc: ParsedDocument;
  license: LicenseInfo;
  terms: Term[];
}

/**
 * parse -> identify -> extract for one decoded text (pass `doc` when it is already parsed).
 * `parse` (limits, markdown engine) is used only when `doc` is not given.
 */
export function analyzeDocument(
  src: SourceText, origin: TermOrigin = 'text', via?: string, doc?: ParsedDocument, parse: ParseOptions = {},
): DocumentAnalysis {
  doc ??= parseDocument(src, { limits: parse.limits, markdown: parse.markdown });
  const license = { ...identifyText(src.text, src.path), source: src.path };
  const terms = extractTerms(doc, { origin, via, split: splitSentences });
  return { src, doc, license, terms };
}
