import { identifyText } from '../identify/identify.js';
import { extractTerms } from '../extract/engine.js';
import { parseDocument } from '../parse/document.js';
import { splitSentences } from '../parse/sentences.js';
import type { LicenseInfo, ParsedDocument, SourceText, Term, TermOrigin } from '../types.js';

/** One analysed text document (LICENSE, use policy, NOTICE or model card body). */
export interface DocumentAnalysis {
  src: SourceText;
  doc: ParsedDocument;
  license: LicenseInfo;
  terms: Term[];
}

/** parse -> identify -> extract for one decoded text. */
export function analyzeDocument(src: SourceText, origin: TermOrigin = 'text', via?: string): DocumentAnalysis {
  const doc = parseDocument(src);
  const license = { ...identifyText(src.text, src.path), source: src.path };
  const terms = extractTerms(doc, { origin, via, split: splitSentences });
  return { src, doc, license, terms };
}
