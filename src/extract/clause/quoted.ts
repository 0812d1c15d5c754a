/**
 * Does a span of tokens quote something ("show the notice 'Made with Corvid'", "标注“基于灵犀模型构建”")? Used by the
 * clause constraint `quoted` (schema.ts): a display or name rule whose words to show are given in quotes.
 */
import type { Token } from './tokens.js';

const CLOSE: Readonly<Record<string, string>> = { '"': '"', '“': '”', '‘': '’', '「': '」', '『': '』', "'": "'" };

/**
 * True when tokens [start, end) hold an opening quote and its closing quote with at least one word between, outside
 * parentheses (a term defined in passing, "(collectively, the “Acme Parties”)", shows nothing).
 */
export function quotesInSpan(toks: readonly Token[], start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const t = toks[i]!;
    if (t.low === '(' || t.low === '（') depth++;
    else if ((t.low === ')' || t.low === '）') && depth > 0) depth--;
    if (depth > 0) continue;
    const close = CLOSE[t.low];
    if (close === undefined) continue;
    // an apostrophe right after a word ("the users' data") opens no quote
    if (t.low === "'" && i > 0 && toks[i - 1]!.word && toks[i - 1]!.end === t.start) continue;
    let words = 0;
    for (let j = i + 1; j < end; j++) {
      // (the tokenizer reads a right single quote as an apostrophe: "‘Sharing’" closes with "'")
      if (toks[j]!.low === close || (close === '’' && toks[j]!.low === "'")) { if (words > 0) return true; break; }
      if (toks[j]!.word) words++;
    }
  }
  return false;
}
