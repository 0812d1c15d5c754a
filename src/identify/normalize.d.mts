export interface Tokens {
  /** Normalized words (lowercase, equivalent spellings unified). */
  words: string[];
  /** 1-based source line of each word. */
  lines: number[];
  /** Character offset (start, end exclusive) of each word in the input text. */
  starts: number[];
  ends: number[];
  /** Index of the first body word (words before it form the title line). */
  bodyStart: number;
}
export function tokenize(text: string): Tokens;
export function normalizeText(text: string): string;
