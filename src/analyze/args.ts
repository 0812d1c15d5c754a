/**
 * Argument validation at the public API: every entry point checks its
 * arguments with zod and throws OmlError('USAGE') naming the function and the
 * argument, instead of a raw TypeError deep inside the pipeline.
 */
import { z } from 'zod';
import { OmlError } from '../errors.js';
import { lazySchema } from '../lazy-schema.js';
import { LimitsSchema, withLimits, type Limits } from '../limits.js';
import { WarningSchema, type SourceText } from '../types.js';
import { plainlyValidOptions } from './options-check.js';

const Path = lazySchema(() => z.string().refine((s) => s.trim() !== '', 'empty path'));

const SourceTextArg = lazySchema(() => z.object({
  path: z.string(),
  text: z.string(),
  encoding: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  warnings: z.array(WarningSchema).optional(),
}));


/** The options object: only its shape is checked here (profile and the rest are validated where they are used); exported for the test of options-check.ts. */
export const OptionsArg = lazySchema(() => z.object({ limits: LimitsSchema.partial().optional(), markdown: z.enum(['remark', 'fast']).optional(), resultCache: Path.optional() }).loose().optional());

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function fail(fn: string, arg: string, issues: z.core.$ZodIssue[], value: unknown): never {
  const i = issues[0]!;
  const where = i.path.length ? `${arg}.${i.path.join('.')}` : arg;
  throw new OmlError('USAGE', `${fn}: ${where}: ${i.code === 'invalid_type' ? `expected ${i.expected}, got ${i.path.length ? 'another type' : describe(value)}` : i.message}`);
}

export function checkOptions(fn: string, opts: unknown): void {
  // the common case without building the schema (options-check.ts accepts only what the schema accepts)
  if (plainlyValidOptions(opts)) return;
  const r = OptionsArg.safeParse(opts);
  if (!r.success) fail(fn, 'options', r.error.issues, opts);
}

/** A SourceText from user input; `text` over maxFileBytes (UTF-8 bytes) is refused like a file over the limit. */
export function checkSourceText(fn: string, src: unknown, limits?: Partial<Limits>): SourceText {
  const r = SourceTextArg.safeParse(src);
  if (!r.success) {
    const hint = typeof src === 'string' ? ' (pass { path, text }: a SourceText, e.g. from readSource or decodeBytes)' : '';
    if (typeof src !== 'object' || src === null) throw new OmlError('USAGE', `${fn}: source: expected a SourceText { path, text }, got ${describe(src)}${hint}`);
    fail(fn, 'source', r.error.issues, src);
  }
  const bytes = checkTextSize(r.data, limits);
  const given = src as SourceText;
  // a complete SourceText passes through unchanged (fields added by other stages are kept)
  if (typeof given.encoding === 'string' && typeof given.bytes === 'number' && Array.isArray(given.warnings)) return given;
  return { ...given, encoding: given.encoding ?? 'utf-8', bytes: given.bytes ?? bytes, warnings: given.warnings ?? [] };
}

/** The text's UTF-8 byte count; a text over maxFileBytes is refused like a file over the limit. */
export function checkTextSize(src: { path: string; text: string }, limits?: Partial<Limits>): number {
  const lim = withLimits(limits);
  const bytes = Buffer.byteLength(src.text, 'utf8');
  if (bytes > lim.maxFileBytes) {
    throw new OmlError('TOO_LARGE', `text is ${bytes} bytes, over the limit of ${lim.maxFileBytes} bytes (maxFileBytes)`, { file: src.path || '(text)' });
  }
  return bytes;
}

export function checkPath(fn: string, p: unknown, name = 'path'): string {
  // what Path accepts, without building it: a string that is not blank (a zod string parse returns it as is)
  if (typeof p === 'string' && p.trim() !== '') return p;
  const r = Path.safeParse(p);
  if (!r.success) {
    if (typeof p === 'string') throw new OmlError('USAGE', `${fn}: ${name}: empty path`);
    throw new OmlError('USAGE', `${fn}: ${name}: expected a string, got ${describe(p)}`);
  }
  return r.data;
}

export function checkPaths(fn: string, ps: unknown): string[] {
  if (!Array.isArray(ps)) throw new OmlError('USAGE', `${fn}: paths: expected an array of paths, got ${describe(ps)}`);
  return ps.map((p, i) => checkPath(fn, p, `paths[${i}]`));
}

/** A stream input: a path, or `{ path, text? }`; a description of what is wrong, or null. */
export function streamInputProblem(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? 'empty path' : null;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `expected a path or { path, text }, got ${describe(v)}`;
  const o = v as { path?: unknown; text?: unknown };
  if (typeof o.path !== 'string' || o.path.trim() === '') return `path: expected a non-empty string, got ${describe(o.path)}`;
  if (o.text !== undefined && typeof o.text !== 'string') return `text: expected a string, got ${describe(o.text)}`;
  return null;
}

/** A label naming a stream input in an error item (never the raw object). */
export function streamInputLabel(v: unknown, index: number): string {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (v && typeof v === 'object' && typeof (v as { path?: unknown }).path === 'string' && (v as { path: string }).path.trim() !== '') return (v as { path: string }).path;
  return `(input ${index + 1})`;
}
