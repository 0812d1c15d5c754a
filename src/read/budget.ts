import { OmlError } from '../errors.js';
import type { RootGuard } from './confine.js';

/**
 * The total-bytes budget of one run (limits.maxTotalBytes): every file read in
 * one `oml check`, `oml analyze` or analyzePaths call is charged before it is
 * read; going over stops the run with OmlError LIMIT naming the file.
 *
 * A budget may carry a RootGuard (oml check sets one): then every file read
 * through it must resolve inside the scanned root, else it is refused with
 * OmlError OUTSIDE_ROOT and recorded for an `outside-root` finding.
 */
export class ReadBudget {
  used = 0;

  constructor(readonly max: number, readonly guard?: RootGuard) {}

  /** Counts `bytes` for `path`; throws LIMIT when the run would go over the budget. */
  charge(bytes: number, path: string): void {
    if (this.used + bytes > this.max) {
      throw new OmlError('LIMIT', `reading ${bytes} more bytes would bring this run to ${this.used + bytes} bytes, over the limit of ${this.max} bytes (maxTotalBytes); raise limits.maxTotalBytes or narrow the scan`, { file: path });
    }
    this.used += bytes;
  }
}
