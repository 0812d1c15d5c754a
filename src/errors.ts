/**
 * Typed input errors. Every failure the CLI reports as exit code 2 is an
 * OmlError naming the file and a stable code.
 */
export type OmlErrorCode =
  | 'ENOENT'          // path does not exist
  | 'EACCES'          // unreadable file or directory
  | 'BINARY'          // file looks binary
  | 'TOO_LARGE'       // file over the size limit
  | 'EMPTY'           // empty file
  | 'ENCODING'        // undecodable text
  | 'YAML'            // broken front matter / config YAML
  | 'YAML_ALIAS'      // alias expansion over the limit (YAML bomb)
  | 'YAML_LIMIT'      // front matter over its size or key-count cap
  | 'SYMLINK_LOOP'    // symlink cycle
  | 'LIMIT'           // a scan limit was hit (files, depth, total size)
  | 'SPDX'            // invalid SPDX expression
  | 'CONFIG'          // invalid oml.config.yaml
  | 'RULES'           // invalid rule files
  | 'CATALOG'         // invalid catalog data
  | 'HUB'             // the Hugging Face Hub could not be reached or answered badly (after retries)
  | 'LOCK'            // invalid oml.lock
  | 'OUTSIDE_ROOT'    // a path resolves outside the scanned root (not read)
  | 'USAGE';          // bad command-line usage

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
