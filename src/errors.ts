/**
 * Typed input errors. Every failure the CLI reports as exit code 2 is an
 * OmlError naming the file and a stable code (data/messages.yaml, kind: error).
 */
import type { ErrorCode } from './message-codes.js';

/** The input-error codes of data/messages.yaml (kind: error). */
export type OmlErrorCode = ErrorCode;

export class OmlError extends Error {
  readonly code: OmlErrorCode;
  readonly file?: string;
  readonly line?: number;
  constructor(code: OmlErrorCode, message: string, opts: { file?: string; line?: number; cause?: unknown } = {}) {
    const where = opts.file ? `${opts.file}${opts.line ? `:${opts.line}` : ''}: ` : '';
    super(`${where}${message}`, opts.cause ? { cause: opts.cause } : undefined);
    this.name = 'OmlError';
    this.code = code;
    this.file = opts.file;
    this.line = opts.line;
  }
}

export function isOmlError(e: unknown): e is OmlError {
  return e instanceof OmlError;
}

/** What a failing path was expected to be, for the message. */
export type FsSubject = 'file' | 'directory' | 'file or directory';

/**
 * The one mapper of a Node fs error to an OmlError naming the path: missing
 * (ENOENT, ENOTDIR) -> ENOENT, refused (EACCES, EPERM) -> EACCES, a directory
 * where a file was expected -> USAGE, a file where a directory was expected ->
 * USAGE, a symlink cycle -> SYMLINK_LOOP, anything else -> EACCES with its code.
 */
export function fsError(err: unknown, path: string, subject: FsSubject = 'file'): OmlError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const opts = { file: path, cause: err };
  switch (code) {
    case 'ENOTDIR':
      if (subject === 'directory') return new OmlError('USAGE', 'is not a directory', opts);
      return new OmlError('ENOENT', `no such ${subject}`, opts);
    case 'ENOENT':
      return new OmlError('ENOENT', `no such ${subject}`, opts);
    case 'EACCES':
    case 'EPERM':
      return new OmlError('EACCES', subject === 'directory' ? 'directory is not readable' : 'permission denied', opts);
    case 'EISDIR':
      return new OmlError('USAGE', 'is a directory, expected a file', opts);
    case 'ELOOP':
      return new OmlError('SYMLINK_LOOP', 'too many levels of symbolic links', opts);
    default:
      return new OmlError('EACCES', `cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`, opts);
  }
}
