import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, type Stats } from 'node:fs';
import { OmlError, fsError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { SourceText } from '../types.js';
import { decodeBytes } from './decode.js';
import type { ReadBudget } from './budget.js';

/** What a non-regular file is, for the error message. */
function fileKind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function checkStat(st: Stats, path: string, maxBytes: number, limitName: string): void {
  if (st.isDirectory()) throw new OmlError('USAGE', 'is a directory, expected a file', { file: path });
  if (!st.isFile()) throw new OmlError('USAGE', `is ${fileKind(st)}, not a regular file: refused`, { file: path });
  if (st.size > maxBytes) {
    throw new OmlError('TOO_LARGE', `file is ${st.size} bytes, over the limit of ${maxBytes} bytes (${limitName})`, { file: path });
  }
}

// O_NONBLOCK: opening a FIFO for reading must not wait for a writer; fstat then refuses it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `maxBytes` bytes: opened without blocking,
 * checked with fstat on the open handle (so a FIFO, socket or device swapped in
 * after a stat is still refused), and never read past `maxBytes`.
 * `onSize` runs after the checks and before the read (budget charging).
 */
export async function readRegularFile(path: string, maxBytes: number, limitName = 'maxFileBytes', onSize?: (size: number) => void): Promise<Uint8Array> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(path, OPEN_FLAGS);
    const st = await fh.stat();
    checkStat(st, path, maxBytes, limitName);
    onSize?.(st.size);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const { bytesRead } = await fh.read(buf, off, st.size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } catch (e) {
    if (e instanceof OmlError) throw e;
    throw fsError(e, path);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Synchronous twin of readRegularFile. */
export function readRegularFileSync(path: string, maxBytes: number, limitName = 'maxFileBytes', onSize?: (size: number) => void): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const st = fstatSync(fd);
    checkStat(st, path, maxBytes, limitName);
    onSize?.(st.size);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch (e) {
    if (e instanceof OmlError) throw e;
    throw fsError(e, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function outside(path: string, target: string): OmlError {
  return new OmlError('OUTSIDE_ROOT', `resolves outside the scanned root (-> ${target}): not read`, { file: path });
}

/**
 * Reads and decodes one text file. The size is checked before reading, and
 * charged to `budget` (the run's maxTotalBytes) when given. When the budget
 * carries a RootGuard, the file must resolve inside the scanned root
 * (OmlError OUTSIDE_ROOT otherwise; nothing is read).
 */
export async function readSource(path: string, limits?: Partial<Limits>, budget?: ReadBudget): Promise<SourceText> {
  const lim = withLimits(limits);
  let target = path;
  if (budget?.guard) {
    let real: string | null;
    try {
      real = await budget.guard.resolve(path);
    } catch (e) {
      throw fsError(e, path);
    }
    if (real === null) throw outside(path, budget.guard.outside.find((o) => o.link === path)?.target ?? '?');
    target = real;
  }
  const bytes = await readRegularFile(target, lim.maxFileBytes, 'maxFileBytes', (size) => budget?.charge(size, path));
  return decodeBytes(bytes, path, lim);
}

/** The bytes readSourceSync decodes: the same checks, guard and budget charge, without the decoding. */
export function readBytesSync(path: string, limits?: Partial<Limits>, budget?: ReadBudget): Uint8Array {
  const lim = withLimits(limits);
  let target = path;
  if (budget?.guard) {
    let real: string | null;
    try {
      real = budget.guard.resolveSync(path);
    } catch (e) {
      throw fsError(e, path);
    }
    if (real === null) throw outside(path, budget.guard.outside.find((o) => o.link === path)?.target ?? '?');
    target = real;
  }
  return readRegularFileSync(target, lim.maxFileBytes, 'maxFileBytes', (size) => budget?.charge(size, path));
}

/** Synchronous twin of readSource. */
export function readSourceSync(path: string, limits?: Partial<Limits>, budget?: ReadBudget): SourceText {
  return decodeBytes(readBytesSync(path, limits, budget), path, limits);
}
