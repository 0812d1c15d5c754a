/** Punctuation that bounds the parts of a clause (parts.ts, definition-end.ts). */
export const HARD_BREAK: ReadonlySet<string> = new Set([';', '；', '。', '!', '?', '！', '？']);
export const COMMA: ReadonlySet<string> = new Set([',', '，', '、', '—', '–']);
export const COLON: ReadonlySet<string> = new Set([':', '：']);
