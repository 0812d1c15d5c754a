/**
 * The text the matcher reads, offset for offset the input: an HTML document
 * with its markup blanked out (parse/html.ts). Markdown and character
 * references are blanked by the tokenizer itself (mask.ts), so that stored
 * fingerprints see the same words. Same length as the input, so token offsets
 * quote the input itself.
 */
import { htmlToMaskedText, looksLikeHtml } from '../parse/html.js';
import { lastAtOrBefore } from '../sorted.js';
import { tokenize, type Tokens } from './normalize.js';

export function prepareText(text: string): string {
  return looksLikeHtml(text) ? htmlToMaskedText(text) : text;
}

/**
 * Tokens of the input as the matcher reads it. The HTML mask starts and ends
 * paragraphs with line ends in place of block tags, so its lines are not the
 * input's: each token's line is counted again in the input (offsets are the same).
 */
export function tokenizeInput(text: string): Tokens {
  const prepared = prepareText(text);
  const tokens = tokenize(prepared);
  if (prepared === text) return tokens;
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  tokens.lines = tokens.starts.map((off) => lastAtOrBefore(starts.length, (i) => starts[i]!, off) + 1);
  return tokens;
}
