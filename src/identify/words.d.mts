export function lineToTokens(raw: string, base: number, words: string[], starts: number[], ends: number[]): void;
export function unifyPhrases(words: string[], starts: number[], ends: number[], lines: number[] | null, remap?: number[]): number;
