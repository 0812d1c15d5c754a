import { identifyText } from '../identify/identify.js';
import { extractTerms } from '../extract/engine.js';
import { parseDocument, type ParseOptions } from '../parse/document.js';
import { splitSentences } from '../parse/sentences.js';
import { foldCharacters, hasHidden, type FoldReport } from '../parse/fold.js';
import type { LicenseInfo, ParsedDocument, Sentence, SourceText, Term, TermOrigin, Warning } from '../types.js';

/** One analysed text document (LICENSE, use policy or NOTICE). */
export interface DocumentAnalysis {
  src: SourceText;
  doc: ParsedDocument;
  license: LicenseInfo;
  terms: Term[];
  /** The document's sentences as the extract stage read them (splitSentences), when known: later readers reuse them. */
  sentences?: Sentence[];
  /** Hidden characters and look-alike letters found in the text (HIDDEN_CHARACTERS). */
  warnings: Warning[];
}

/** The HIDDEN_CHARACTERS warning for a text, when folding found something. */
export function hiddenWarning(path: string, r: FoldReport): Warning | null {
  if (!hasHidden(r)) return null;
  const parts = [r.format ? `${r.format} hidden format character(s)` : '', r.mixedScript ? `${r.mixedScript} word(s) mixing Latin with look-alike letters` : ''].filter(Boolean);
  const first = r.examples[0];
  return {
    code: 'HIDDEN_CHARACTERS',
    message: `${parts.join(' and ')}; oml read the text as displayed, have it reviewed${first ? ` (first: line ${first.line}, ${first.what})` : ''}`,
    path,
    ...(first ? { line: first.line } : {}),
  };
}

/**
 * parse -> identify -> extract for one decoded text (pass `doc` when it is already parsed).
 * `parse` (limits, markdown engine) is used only when `doc` is not given.
 */
export function analyzeDocument(
  src: SourceText, origin: TermOrigin = 'text', via?: string, doc?: ParsedDocument, parse: ParseOptions = {},
): DocumentAnalysis {
  doc ??= parseDocument(src, { limits: parse.limits, markdown: parse.markdown });
  const folded = foldCharacters(src.text);
  const license = { ...identifyText(folded.text, src.path), source: src.path };
  const sentences = splitSentences(doc);
  const terms = extractTerms(doc, { origin, via, split: () => sentences });
  const hidden = hiddenWarning(src.path, folded.report);
  return { src, doc, license, terms, sentences, warnings: hidden ? [hidden] : [] };
}
