import { promises as fsp, readFileSync, statSync, type Stats } from 'node:fs';
import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { SourceText } from '../types.js';
import { decodeBytes } from './decode.js';
import type { ReadBudget } from './budget.js';

/** Maps a Node fs error to an OmlError naming the path. */
export function fsError(err: unknown, path: string): OmlError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new OmlError('ENOENT', 'no such file', { file: path, cause: err });
    case 'EACCES':
    case 'EPERM':
      return new OmlError('EACCES', 'permission denied', { file: path, cause: err });
    case 'EISDIR':
      return new OmlError('USAGE', 'is a directory, expected a file', { file: path, cause: err });
    case 'ELOOP':
      return new OmlError('SYMLINK_LOOP', 'too many levels of symbolic links', { file: path, cause: err });
    default:
      return new OmlError('EACCES', `cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`, { file: path, cause: err });
  }
}

function checkStat(st: Stats, path: string, lim: Limits): void {
  if (st.isDirectory()) throw new OmlError('USAGE', 'is a directory, expected a file', { file: path });
  if (!st.isFile()) throw new OmlError('USAGE', 'is not a regular file', { file: path });
  if (st.size > lim.maxFileBytes) {
    throw new OmlError('TOO_LARGE', `file is ${st.size} bytes, over the limit of ${lim.maxFileBytes} bytes (maxFileBytes)`, { file: path });
  }
}

/**
 * Reads and decodes one text file. The size is checked with stat before
 * reading, and charged to `budget` (the run's maxTotalBytes) when given.
 */
export async function readSource(path: string, limits?: Partial<Limits>, budget?: ReadBudget): Promise<SourceText> {
  const lim = withLimits(limits);
  let bytes: Uint8Array;
  try {
    const st = await fsp.stat(path);
    checkStat(st, path, lim);
    budget?.charge(st.size, path);
    bytes = await fsp.readFile(path);
  } catch (e) {
    if (e instanceof OmlError) throw e;
    throw fsError(e, path);
  }
  return decodeBytes(bytes, path, lim);
}

/** Synchronous twin of readSource. */
export function readSourceSync(path: string, limits?: Partial<Limits>, budget?: ReadBudget): SourceText {
  const lim = withLimits(limits);
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    checkStat(st, path, lim);
    budget?.charge(st.size, path);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof OmlError) throw e;
    throw fsError(e, path);
  }
  return decodeBytes(bytes, path, lim);
}
