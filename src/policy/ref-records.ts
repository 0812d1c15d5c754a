/**
 * Records for the reference scan: the text of a file cut into lines, and long
 * lines into overlapping pieces, each with its place in the file. Feeding is
 * incremental (chunks of a stream), so a file of any size is scanned in
 * bounded memory, and a line of any length is scanned, not skipped.
 */

/** One scanned unit: a whole line, or a piece of a long line. */
export interface RefRecord {
  /** 1-based line in the file. */
  line: number;
  /** 0-based column of `text[0]` in that line of the file. */
  col0: number;
  text: string;
  /** True when `text` starts at the start of the line (line-anchored checks apply). */
  head: boolean;
  /**
   * True when the line is shown in the file JSON-encoded (a notebook cell's
   * source): columns are counted in the encoded form.
   */
  json?: boolean;
  /**
   * The logical line the record belongs to, when it differs from `line` (the
   * source lines of a notebook cell written as one JSON string share one file line).
   */
  unit?: number;
}

/** The logical line of a record: pieces of one long line share it. */
export const unitOf = (r: RefRecord): number => r.unit ?? r.line;

/** Longest piece of a line scanned at once. */
export const PIECE_CHARS = 64 * 1024;
/** Consecutive pieces of one line overlap by this much: longer than any reference pattern can match. */
export const PIECE_OVERLAP = 2048;

/**
 * Cuts text chunks into records. Line ends: LF, CRLF and a lone CR. A line
 * longer than PIECE_CHARS is emitted as overlapping pieces as it arrives.
 */
export class LineSplitter {
  private line = 1;
  private buf = '';
  /** Column of buf[0] within the current line. */
  private col0 = 0;
  private head = true;
  private pendingCR = false;

  constructor(private readonly emit: (r: RefRecord) => void) {}

  push(chunk: string): void {
    let start = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.startsWith('\n')) start = 1; // the LF of a CRLF split between chunks
    }
    // next CR and LF positions, each searched again only once passed (linear per chunk)
    let cr = chunk.indexOf('\r', start);
    let lf = chunk.indexOf('\n', start);
    while (start <= chunk.length) {
      if (cr >= 0 && cr < start) cr = chunk.indexOf('\r', start);
      if (lf >= 0 && lf < start) lf = chunk.indexOf('\n', start);
      let i = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (i < 0) break;
      this.append(chunk.slice(start, i));
      this.endLine();
      if (chunk.charCodeAt(i) === 13) {
        if (i + 1 === chunk.length) this.pendingCR = true;
        else if (chunk.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start < chunk.length) this.append(chunk.slice(start));
  }

  end(): void {
    if (this.buf.length || !this.head) this.endLine();
  }

  private append(s: string): void {
    if (!s) return;
    this.buf += s;
    while (this.buf.length > PIECE_CHARS) {
      this.emit({ line: this.line, col0: this.col0, text: this.buf.slice(0, PIECE_CHARS), head: this.head });
      const next = PIECE_CHARS - PIECE_OVERLAP;
      this.buf = this.buf.slice(next);
      this.col0 += next;
      this.head = false;
    }
  }

  private endLine(): void {
    this.emit({ line: this.line, col0: this.col0, text: this.buf, head: this.head });
    this.line++;
    this.buf = '';
    this.col0 = 0;
    this.head = true;
  }
}

/** Records of a whole text (for small texts and tests). */
export function recordsOf(text: string): RefRecord[] {
  const out: RefRecord[] = [];
  const s = new LineSplitter((r) => out.push(r));
  s.push(text);
  s.end();
  return out;
}
