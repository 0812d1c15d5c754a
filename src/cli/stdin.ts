/**
 * PATH `-` of `oml analyze`: one text read from stdin, shown as `<stdin>`.
 * Bounded: reading stops (and the run fails with TOO_LARGE) as soon as more
 * than maxFileBytes arrive; the bytes are charged to the run's budget.
 */
import type { Readable } from 'node:stream';
import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { ReadBudget } from '../read/budget.js';
import { decodeBytes } from '../read/decode.js';
import type { SourceText } from '../types.js';

export const STDIN_ARG = '-';
export const STDIN_PATH = '<stdin>';

/** All of `stream`, at most `maxBytes` bytes: over that, OmlError TOO_LARGE (the rest is not read). */
export async function readBounded(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new OmlError('TOO_LARGE', `input is over the limit of ${maxBytes} bytes (maxFileBytes; raise it with --max-file-size)`, { file: STDIN_PATH });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

/** The decoded text of stdin (same decoding and refusals as a file: BINARY, EMPTY, TOO_LARGE). */
export async function readStdinSource(limits: Partial<Limits> | undefined, budget: ReadBudget | undefined, stream: Readable = process.stdin): Promise<SourceText> {
  const lim = withLimits(limits);
  const bytes = await readBounded(stream, lim.maxFileBytes);
  budget?.charge(bytes.length, STDIN_PATH);
  return decodeBytes(bytes, STDIN_PATH, lim);
}
