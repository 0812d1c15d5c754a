/**
 * Lines of a text file with bounded memory: a line longer than `max` bytes is
 * reported (`tooLong`) and skipped to its end instead of being held in memory.
 */
import { createReadStream } from 'node:fs';
import { fsError } from '../errors.js';

export interface Line { n: number; text: string; tooLong?: boolean }

export async function* readLines(file: string, max: number): AsyncIterable<Line> {
  const stream = createReadStream(file);
  let n = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  const emit = (): Line => {
    n++;
    const line: Line = over ? { n, text: '', tooLong: true } : { n, text: Buffer.concat(parts, size).toString('utf8') };
    if (!over && line.text.endsWith('\r')) line.text = line.text.slice(0, -1);
    if (n === 1 && line.text.charCodeAt(0) === 0xfeff) line.text = line.text.slice(1);
    parts = []; size = 0; over = false;
    return line;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const end = nl < 0 ? chunk.length : nl;
        if (!over) {
          if (size + (end - from) > max) { over = true; parts = []; size = 0; }
          else if (end > from) { parts.push(chunk.subarray(from, end)); size += end - from; }
        }
        if (nl < 0) break;
        yield emit();
        from = nl + 1;
      }
    }
  } catch (e) {
    throw fsError(e, file);
  }
  if (size > 0 || over) yield emit();
}
