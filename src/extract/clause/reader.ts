/**
 * The clause reader: a sentence (already folded, see src/parse/fold.ts) -> tokens -> lexicon tags -> parts.
 * Used by the engine for rules written in the clause form (rules/README.md, "Clause rules").
 */
import { readerLexicons } from './lexicon.js';
import { splitParts, type Part } from './parts.js';
import { tagTokens, type Tag } from './tag.js';
import { namedModels } from './named-object.js';
import { nothingFrames } from './nothing-frame.js';
import { attributiveGrants } from './attributive.js';
import { abilityGrants } from './ability.js';
import { isChinese, tokenize, type Token } from './tokens.js';

/** English tags pass through these steps in order, each reading what the lexicon's phrases alone cannot (see each file). */
const EN_STEPS: ReadonlyArray<(toks: Token[], tags: Tag[]) => Tag[]> = [namedModels, attributiveGrants, abilityGrants, nothingFrames];

export interface Reading {
  text: string;
  tokens: Token[];
  tags: Tag[];
  parts: Part[];
}

/** Reads a sentence; `tokens`, when given, are tokenize(text) already computed by the caller. */
export function readClause(text: string, tokens: Token[] = tokenize(text)): Reading {
  const lex = readerLexicons();
  const zh = isChinese(text);
  const tags = zh ? tagTokens(text, tokens, lex.zh) : EN_STEPS.reduce((acc, step) => step(tokens, acc), tagTokens(text, tokens, lex.en));
  return { text, tokens, tags, parts: splitParts(tokens, tags) };
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '‘': '’', '「': '」', '『': '』', "'": "'" };

/** The first quoted string of text (at most 80 characters inside), or undefined. */
export function firstQuoted(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const close = QUOTES[text[i]!];
    if (close === undefined) continue;
    // an apostrophe inside a word ("licensee's") is not a quote
    if (text[i] === "'" && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    const j = text.indexOf(close, i + 1);
    if (j > i + 1 && j - i - 1 <= 80) {
      const inner = text.slice(i + 1, j).replace(/\s+/g, ' ').trim().replace(/[.,;:]$/, '');
      if (inner) return inner;
    }
  }
  return undefined;
}
