export function lineToTokens(raw: string, base: number, words: string[], starts: number[], ends: number[]): void;
