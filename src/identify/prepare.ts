/**
 * The text the matcher reads, offset for offset the input: an HTML document
 * with its markup blanked out (parse/html.ts). Markdown and character
 * references are blanked by the tokenizer itself (mask.ts), so that stored
 * fingerprints see the same words. Same length as the input, so token offsets
 * quote the input itself.
 */
import { htmlToMaskedText, looksLikeHtml } from '../parse/html.js';

export function prepareText(text: string): string {
  return looksLikeHtml(text) ? htmlToMaskedText(text) : text;
}
