/**
 * Argument-checked wrappers of the public functions that live below the
 * analyze layer (identify, parse, read, policy): a bad argument is an
 * OmlError('USAGE') naming the function and the argument, never a raw TypeError.
 */
import { checkOptions, checkPath, checkSourceText } from './analyze/args.js';
import { OmlError } from './errors.js';
import { identifyText as identifyTextRaw } from './identify/identify.js';
import { resolveDeclared as resolveDeclaredRaw } from './identify/declared.js';
import { resolveBaseModels as resolveBaseModelsRaw } from './assess/lineage.js';
import { parseDocument as parseDocumentRaw, type ParseOptions } from './parse/document.js';
import { decodeBytes as decodeBytesRaw } from './read/decode.js';
import { readSource as readSourceRaw, readSourceSync as readSourceSyncRaw } from './read/file.js';
import { checkDirectory as checkDirectoryRaw, type CheckOptions } from './policy/run.js';
import type { ReadBudget } from './read/budget.js';
import type { Limits } from './limits.js';
import type { SourceText } from './types.js';
import { withLimits } from './limits.js';

function str(fn: string, name: string, v: unknown): string {
  if (typeof v !== 'string') throw new OmlError('USAGE', `${fn}: ${name}: expected a string, got ${v === null ? 'null' : typeof v}`);
  return v;
}

function strings(fn: string, name: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw new OmlError('USAGE', `${fn}: ${name}: expected an array of strings, got ${v === null ? 'null' : typeof v}`);
  return v.map((x, i) => str(fn, `${name}[${i}]`, x));
}

/** identifyText(text, path): which catalog license `text` is. */
export function identifyText(text: string, path: string): ReturnType<typeof identifyTextRaw> {
  str('identifyText', 'text', text);
  const bytes = Buffer.byteLength(text, 'utf8');
  const max = withLimits().maxFileBytes;
  if (bytes > max) throw new OmlError('TOO_LARGE', `text is ${bytes} bytes, over the limit of ${max} bytes (maxFileBytes)`, { file: typeof path === 'string' ? path : '(text)' });
  return identifyTextRaw(text, path === undefined ? '(text)' : str('identifyText', 'path', path));
}

export function resolveDeclared(licenseValues: string[], licenseName?: string, licenseLink?: string): ReturnType<typeof resolveDeclaredRaw> {
  strings('resolveDeclared', 'licenseValues', licenseValues);
  if (licenseName !== undefined) str('resolveDeclared', 'licenseName', licenseName);
  if (licenseLink !== undefined) str('resolveDeclared', 'licenseLink', licenseLink);
  return resolveDeclaredRaw(licenseValues, licenseName, licenseLink);
}

export function resolveBaseModels(ids: string[], relation?: string): ReturnType<typeof resolveBaseModelsRaw> {
  strings('resolveBaseModels', 'ids', ids);
  if (relation !== undefined) str('resolveBaseModels', 'relation', relation);
  return resolveBaseModelsRaw(ids, relation);
}

export function parseDocument(src: SourceText, opts: ParseOptions = {}): ReturnType<typeof parseDocumentRaw> {
  checkOptions('parseDocument', opts);
  return parseDocumentRaw(checkSourceText('parseDocument', src, opts.limits), opts);
}

export function decodeBytes(bytes: Uint8Array, path: string, limits?: Partial<Limits>): SourceText {
  if (!(bytes instanceof Uint8Array)) throw new OmlError('USAGE', `decodeBytes: bytes: expected a Uint8Array or Buffer, got ${bytes === null ? 'null' : typeof bytes}`);
  checkOptions('decodeBytes', { limits });
  return decodeBytesRaw(bytes, str('decodeBytes', 'path', path), limits);
}

export function readSource(path: string, limits?: Partial<Limits>, budget?: ReadBudget): Promise<SourceText> {
  checkPath('readSource', path);
  checkOptions('readSource', { limits });
  return readSourceRaw(path, limits, budget);
}

export function readSourceSync(path: string, limits?: Partial<Limits>, budget?: ReadBudget): SourceText {
  checkPath('readSourceSync', path);
  checkOptions('readSourceSync', { limits });
  return readSourceSyncRaw(path, limits, budget);
}

export function checkDirectory(dir: string, opts: CheckOptions = {}): Promise<ReturnType<typeof checkDirectoryRaw> extends Promise<infer R> ? R : never> {
  checkPath('checkDirectory', dir, 'dir');
  if (opts === null || typeof opts !== 'object') throw new OmlError('USAGE', 'checkDirectory: options: expected an object');
  if (opts.config !== undefined) checkPath('checkDirectory', opts.config, 'options.config');
  return checkDirectoryRaw(dir, opts);
}
