/**
 * Paragraph tokens met before in this process. A paragraph's tokens (normalize.ts paragraphTokens) are a
 * function of its text alone: its words and title length do not depend on where it stands, its offsets
 * and lines move with it. So the tokens of a paragraph read once are kept relative to its start and
 * shifted into place when the same paragraph comes again (the same license in many folders with other
 * copyright lines, a policy quoted in several files). Bounded: at most MAX_ENTRIES paragraphs of at most
 * MAX_CHARS characters each, the oldest dropped first. Off with OML_NO_FASTPATH=1 (every paragraph is
 * tokenized as it comes: the same tokens).
 */
import { fastPathsOn } from '../fast-path.js';

export interface ParagraphTokens {
  words: string[];
  /** 1-based line of each word (relative lines in a stored entry: 0 = the paragraph's first line). */
  lines: number[];
  /** Character range of each word (relative to the paragraph's start in a stored entry). */
  starts: number[];
  ends: number[];
  /** Number of leading words that form a title (0 if none). */
  titleEnd: number;
}

const MAX_ENTRIES = 4096;
const MAX_CHARS = 16_384;

const entries = new Map<string, ParagraphTokens>();

export const paragraphMemoOn: () => boolean = fastPathsOn;

/** The stored tokens of paragraph `key` (its text), relative to its start (offset 0, line 0), or undefined. Read-only. */
export function keptParagraph(key: string): Readonly<ParagraphTokens> | undefined {
  return key.length > MAX_CHARS ? undefined : entries.get(key);
}

/** Keeps the tokens `p` of paragraph `key` that starts at character `from` on 0-based line `line`. */
export function keepParagraph(key: string, p: ParagraphTokens, from: number, line: number): void {
  if (key.length > MAX_CHARS) return;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, relative(p, from, line + 1));
}

function relative(p: ParagraphTokens, from: number, line: number): ParagraphTokens {
  return {
    words: p.words.slice(),
    lines: p.lines.map((l) => l - line),
    starts: p.starts.map((x) => x - from),
    ends: p.ends.map((x) => x - from),
    titleEnd: p.titleEnd,
  };
}
