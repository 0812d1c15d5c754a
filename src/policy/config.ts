/**
 * `oml.config.yaml`: the policy file of `oml check`, validated by zod.
 *
 * Errors are OmlError('CONFIG' | 'YAML' | 'YAML_ALIAS') naming the file, the
 * line and the field (`policy.unknown: expected one of fail|warn`).
 */
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { OmlError } from '../errors.js';
import { DEFAULT_LIMITS, LimitsSchema } from '../limits.js';
import { ValidatedProfileSchema } from '../assess/profile-codes.js';
import { isInside } from '../read/confine.js';
import { readRegularFile } from '../read/file.js';
import { TierSchema, type Profile, type Tier } from '../types.js';

export const CONFIG_FILE_NAMES = ['oml.config.yaml', 'oml.config.yml'] as const;

/** Largest config (or --profile) file read, in bytes: YAML parsing time grows with size; real configs are a few KB. */
export const MAX_CONFIG_BYTES = 128 * 1024;

/**
 * First repeated key of any mapping in `doc`, found with one Set per mapping
 * (the yaml package's own uniqueKeys check compares every pair of keys:
 * quadratic, 19 s on 20,000 keys). Iterative walk, so deep nesting cannot
 * overflow the stack.
 */
export function firstDuplicateKey(doc: Document): { key: string; offset: number | undefined } | null {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(k)) return { key: k, offset: (pair.key as { range?: [number, number, number] } | null)?.range?.[0] };
        seen.add(k);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return null;
}

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const WaiverSchema = lazySchema(() => z.object({
  /** Model folder path (relative to the scanned directory) or model id (org/name). */
  model: z.string().min(1),
  reason: z.string().min(1),
  /** Last day the waiver is valid (inclusive), YYYY-MM-DD. */
  expires: z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
    .refine(isRealDate, 'not a calendar date')
    .optional(),
}).strict());
export type Waiver = z.infer<typeof WaiverSchema>;

export const PolicySchema = lazySchema(() => z.object({
  allow: z.array(TierSchema).min(1),
  unknown: z.enum(['fail', 'warn']).default('fail'),
  /** A base model the lineage table does not know: fail (default, with `unknown: fail`) or warn. */
  lineage: z.enum(['fail', 'warn']).optional(),
  /** An added passage oml cannot account for, or a removed template term: fail (default) or warn. */
  changes: z.enum(['fail', 'warn']).optional(),
}).strict());
export type Policy = z.infer<typeof PolicySchema>;

/** The effective mode of an optional fail|warn policy option (absent = fail). */
export const policyMode = (p: Policy, key: 'lineage' | 'changes'): 'fail' | 'warn' => p[key] ?? 'fail';


export const ConfigSchema = lazySchema(() => z.object({
  profile: ValidatedProfileSchema.optional(),
  policy: PolicySchema,
  models: z.array(z.object({ path: z.string().min(1) }).strict()).default([]),
  waivers: z.array(WaiverSchema).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  limits: LimitsSchema.partial().strict().optional(),
  /** How model ids referenced in code are resolved: offline (base-model table) or hub (the Hugging Face Hub, as --online). */
  resolve: z.enum(['offline', 'hub']).default('offline'),
  /**
   * Extra directories (absolute, or relative to the scanned root) whose files may be read although
   * they lie outside the scanned root (e.g. a shared models cache). Empty by default: every path
   * a scan reads must resolve inside the root, else it is an `outside-root` finding.
   */
  allowedRoots: z.array(z.string().min(1)).default([]),
}).strict());
export type CheckConfig = z.infer<typeof ConfigSchema>;

/**
 * The policy used when no config file exists: every open-weight tier that allows
 * commercial use passes (open-source .. open-weight-restricted);
 * open-weight-noncommercial, closed and unknown fail. No profile, so no
 * commercial-use verdicts are judged.
 */
export const DEFAULT_POLICY: Policy = {
  allow: ['open-source', 'open-weight-permissive', 'open-weight-conditional', 'open-weight-restricted'],
  unknown: 'fail',
  lineage: 'fail',
  changes: 'fail',
};

export interface LoadedConfig {
  config: CheckConfig;
  /** Absolute path of the config file, or null when the default policy is used. */
  path: string | null;
  /** 1-based line of each waiver entry (same index as config.waivers), when known. */
  waiverLines: Array<number | undefined>;
  /** 1-based line of each `models:` entry (same index as config.models), when known. */
  modelLines?: Array<number | undefined>;
  /** Note for the report (e.g. "no oml.config.yaml: default policy"). */
  note?: string;
}

export function defaultConfig(): CheckConfig {
  return { policy: { ...DEFAULT_POLICY, allow: [...DEFAULT_POLICY.allow] }, models: [], waivers: [], exclude: [], resolve: 'offline', allowedRoots: [] };
}

export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

function issueMessage(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_value':
      return { field, message: `expected one of ${issue.values.map(String).join('|')}` };
    case 'unrecognized_keys': {
      const keys = issue.keys;
      const base = field === '(root)' ? '' : `${field}.`;
      return { field: `${base}${keys[0]}`, message: `unknown field${keys.length > 1 ? `s ${keys.join(', ')}` : ''} (not part of the config schema)` };
    }
    case 'invalid_type':
      return { field, message: /received undefined/.test(issue.message) ? `required (expected ${issue.expected})` : `expected ${issue.expected}` };
    default:
      return { field, message: issue.message };
  }
}

export function lineOf(doc: Document, lc: LineCounter, path: PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as Array<string | number>, true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parse and validate config text. `file` is used in error messages. */
export function parseConfig(text: string, file: string, maxAliases = DEFAULT_LIMITS.maxYamlAliases): LoadedConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
    throw new OmlError('YAML', `invalid YAML: ${e.message.split('\n')[0]}`, { file, line });
  }
  const dup = firstDuplicateKey(doc);
  if (dup) throw new OmlError('YAML', `invalid YAML: map keys must be unique (${JSON.stringify(dup.key.slice(0, 80))} repeats)`, { file, line: dup.offset === undefined ? undefined : lc.linePos(dup.offset).line });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: maxAliases });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg)) throw new OmlError('YAML_ALIAS', `YAML alias expansion over the limit (${maxAliases}): refused`, { file });
    throw new OmlError('YAML', `invalid YAML: ${msg}`, { file });
  }
  if (data === null || data === undefined) throw new OmlError('CONFIG', 'config is empty: expected at least `policy: { allow: [...] }`', { file });
  const r = ConfigSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0]!;
    const all = r.error.issues.map((i) => {
      const m = issueMessage(i);
      return `${m.field}: ${m.message}`;
    });
    throw new OmlError('CONFIG', all.join('; '), { file, line: lineOf(doc, lc, first.path) });
  }
  const waiverLines = r.data.waivers.map((_, i) => lineOf(doc, lc, ['waivers', i]));
  const modelLines = r.data.models.map((_, i) => lineOf(doc, lc, ['models', i]));
  return { config: r.data, path: file, waiverLines, modelLines };
}

/** Reads a config or profile file: a regular file of at most MAX_CONFIG_BYTES, as UTF-8. */
export async function readConfigText(file: string, what = 'config'): Promise<string> {
  try {
    const bytes = await readRegularFile(file, MAX_CONFIG_BYTES, `the ${what} file limit`);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof OmlError && e.code === 'ENOENT') throw new OmlError('ENOENT', `${what} file not found`, { file });
    throw e;
  }
}

/**
 * Load the config: `explicit` (--config) when given, else oml.config.yaml in `dir`,
 * else the default policy (with a note). A config found in `dir`, or an explicit
 * one whose path lies inside `dir`, must resolve inside `dir` (a symlink out of
 * the scanned repository is refused: OmlError OUTSIDE_ROOT, nothing is read).
 */
export async function loadConfig(dir: string, explicit?: string): Promise<LoadedConfig> {
  const root = resolve(dir);
  const rootReal = await realpath(root).catch(() => root);
  const candidates = explicit ? [resolve(explicit)] : CONFIG_FILE_NAMES.map((n) => join(root, n));
  for (const file of candidates) {
    let real: string;
    try {
      real = await realpath(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !explicit) continue;
      if (code === 'ENOENT') throw new OmlError('ENOENT', 'config file not found', { file });
      throw new OmlError('EACCES', `cannot read config (${code ?? 'error'})`, { file });
    }
    if ((!explicit || isInside(root, file) || isInside(rootReal, file)) && !isInside(rootReal, real)) {
      throw new OmlError('OUTSIDE_ROOT', `config resolves outside the scanned root (-> ${real}): not read`, { file });
    }
    const text = await readConfigText(real);
    return parseConfig(text, file);
  }
  return {
    config: defaultConfig(),
    path: null,
    waiverLines: [],
    note: `no oml.config.yaml found: default policy (allow ${DEFAULT_POLICY.allow.join(', ')}; unknown: fail; no profile, so commercial-use verdicts are not judged)`,
  };
}

export type { Profile, Tier };
