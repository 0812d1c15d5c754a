/**
 * Golden reports of third-party license texts must not carry their sentences:
 * every run of more than MAX_WORDS consecutive words that also occurs,
 * word for word, in the source text is cut to its first MAX_WORDS words and
 * an ellipsis. Words are maximal runs of letters and digits, compared
 * case-insensitively, so punctuation and quoting in the report do not matter.
 */
export const MAX_WORDS = 12;
const WINDOW = MAX_WORDS + 1;
const WORD = /[\p{L}\p{N}]+/gu;

interface Word { text: string; start: number; end: number }

function words(s: string): Word[] {
  return [...s.matchAll(WORD)].map((m) => ({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** Every run of WINDOW consecutive words of the source, as keys. */
export function windowsOf(source: string): Set<string> {
  const w = words(source).map((x) => x.text);
  const set = new Set<string>();
  for (let i = 0; i + WINDOW <= w.length; i++) set.add(w.slice(i, i + WINDOW).join(' '));
  return set;
}

/** For each word of `line`: is it inside a run of more than MAX_WORDS words found in the source? */
function covered(ws: Word[], windows: Set<string>): boolean[] {
  const c = new Array<boolean>(ws.length).fill(false);
  for (let i = 0; i + WINDOW <= ws.length; i++) {
    if (windows.has(ws.slice(i, i + WINDOW).map((x) => x.text).join(' '))) for (let j = i; j < i + WINDOW; j++) c[j] = true;
  }
  return c;
}

/** The line with every over-long verbatim run cut to MAX_WORDS words and an ellipsis. */
export function redactLine(line: string, windows: Set<string>): string {
  const ws = words(line);
  const c = covered(ws, windows);
  const cuts: Array<[number, number]> = [];
  for (let i = 0; i < ws.length; ) {
    if (!c[i]) { i++; continue; }
    let j = i;
    while (j + 1 < ws.length && c[j + 1]) j++;
    if (j - i + 1 > MAX_WORDS) cuts.push([ws[i + MAX_WORDS - 1]!.end, ws[j]!.end]);
    i = j + 1;
  }
  let out = line;
  for (const [s, e] of cuts.reverse()) out = `${out.slice(0, s)}…${out.slice(e)}`;
  return out;
}

/** The report with every line redacted against the windows of the third-party texts. */
export function redact(report: string, windows: Set<string>): string {
  return report.split('\n').map((l) => redactLine(l, windows)).join('\n');
}

/** The longest run of consecutive words of `text` that occurs verbatim in the source (checked up to MAX_WORDS + 1). */
export function longestVerbatimRun(text: string, windows: Set<string>): number {
  let longest = 0;
  for (const line of text.split('\n')) {
    const ws = words(line);
    const c = covered(ws, windows);
    let run = 0;
    for (const x of c) { run = x ? run + 1 : 0; longest = Math.max(longest, run); }
  }
  return longest;
}
