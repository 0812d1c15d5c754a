/**
 * The ReDoS proof record: recheck verdicts cached by a hash of what was checked.
 *
 * A proof's hash covers the regex source, its flags, the installed recheck
 * version and the check parameters, so changing any of them makes the proof
 * not apply (the pattern is checked again and the record is stale until
 * `npm run generate` writes it). The record is derived data: only that
 * command writes it, and only from verdicts recheck gave in that run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import { z } from 'zod';

/** The committed record (next to the test that uses it). */
export const RECORD_FILE = fileURLToPath(new URL('../../test/extract/redos-proofs.json', import.meta.url));
export const RECORD_COMMAND = 'npm run generate';

/**
 * Deterministic checking: the fuzz checker counts matching steps (attackLimit)
 * with a fixed seed; its wall-clock attack timeout (1 s by default) is off, as
 * on a loaded CI machine it turned slow-but-safe runs into false "vulnerable".
 * The overall timeout still bounds a check (it then reports "unknown", which fails).
 */
export const CHECK_PARAMS = { timeout: 120_000, attackTimeout: null, randomSeed: 42 } as const;

export const RECHECK_VERSION: string = (
  createRequire(import.meta.url)('recheck/package.json') as { version: string }
).version;

/** One regex the project proves safe; `where` names it for people (set, owner, position). */
export interface ProvenRegex { where: string; source: string; flags: string }
export interface HashedRegex extends ProvenRegex { hash: string }

const STATUS = z.enum(['safe', 'vulnerable', 'unknown']);
export type Status = z.infer<typeof STATUS>;

const ProofSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  status: STATUS,
  where: z.string(),
}).strict();
export type Proof = z.infer<typeof ProofSchema>;

const RecordSchema = z.object({
  about: z.string(),
  recheck: z.string(),
  params: z.object({ timeout: z.number(), attackTimeout: z.null(), randomSeed: z.number() }).strict(),
  proofs: z.array(ProofSchema),
}).strict();
export type ProofRecord = z.infer<typeof RecordSchema>;

/** Flags as recheck sees them: `g` does not change matching, order does not matter. */
export function checkedFlags(flags: string): string {
  return [...new Set(flags.replace(/g/g, ''))].sort().join('');
}

export function proofHash(source: string, flags: string): string {
  const what = { source, flags: checkedFlags(flags), recheck: RECHECK_VERSION, params: CHECK_PARAMS };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

export function withHashes(list: ProvenRegex[]): HashedRegex[] {
  return list.map((r) => ({ ...r, hash: proofHash(r.source, r.flags) }));
}

/** Reads and validates the record; a missing file is an empty record, a bad one an error naming the file. */
export function readRecord(file = RECORD_FILE): ProofRecord {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyRecord();
    throw new Error(`${file}: cannot read the ReDoS proof record: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message}); rewrite it with ${RECORD_COMMAND} -- --recheck-all`);
  }
  const parsed = RecordSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${file}: not a ReDoS proof record (${where}); rewrite it with ${RECORD_COMMAND} -- --recheck-all`);
  }
  return parsed.data;
}

export function emptyRecord(): ProofRecord {
  return { about: ABOUT, recheck: RECHECK_VERSION, params: { ...CHECK_PARAMS }, proofs: [] };
}

const ABOUT = `Derived data: recheck verdicts for every regex the project proves ReDoS-safe, keyed by `
  + `sha256 of {source, flags, recheck version, params}. Do not edit; run ${RECORD_COMMAND}.`;

/** One proof per line, sorted by where, so parallel additions merge cleanly. */
export function writeRecord(proofs: Proof[], file = RECORD_FILE): void {
  writeFileSync(file, renderRecord(proofs));
}

/** The record file's text for these proofs. */
export function renderRecord(proofs: Proof[]): string {
  const sorted = [...proofs].sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
  const head = emptyRecord();
  const lines = sorted.map((p) => `    ${JSON.stringify({ hash: p.hash, status: p.status, where: p.where })}`);
  const text = `{\n  "about": ${JSON.stringify(head.about)},\n  "recheck": ${JSON.stringify(head.recheck)},\n`
    + `  "params": ${JSON.stringify(head.params)},\n  "proofs": [\n${lines.join(',\n')}\n  ]\n}\n`;
  return text;
}

export interface Verdict { where: string; hash: string; status: Status; ms: number }

/** Runs recheck on each regex, `parallel` at a time, in input order. */
export async function checkAll(list: HashedRegex[], parallel = 2): Promise<Verdict[]> {
  const out: Verdict[] = new Array(list.length);
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const i = next++;
      const r = list[i]!;
      const t0 = performance.now();
      const d = await check(r.source, checkedFlags(r.flags), CHECK_PARAMS);
      out[i] = { where: r.where, hash: r.hash, status: d.status, ms: Math.round(performance.now() - t0) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, list.length)) }, lane));
  return out;
}

/**
 * A seeded sample: the n regexes whose sha256(seed + hash) sort first. The same
 * seed always picks the same ones; a new seed (the day, by default) picks others.
 */
export function seededSample<T extends { hash: string }>(list: T[], n: number, seed: string): T[] {
  const key = (x: T) => createHash('sha256').update(`${seed}:${x.hash}`).digest('hex');
  return list.map((x) => ({ x, k: key(x) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).slice(0, n).map((e) => e.x);
}

/** What the record says about the current regexes. */
export interface RecordState {
  /** current regexes with a recorded verdict */
  recorded: Array<HashedRegex & { status: Status }>;
  /** current regexes with no recorded verdict (new or changed) */
  missing: HashedRegex[];
  /** recorded proofs whose hash belongs to no current regex */
  orphans: Proof[];
}

export function compareRecord(current: HashedRegex[], record: ProofRecord): RecordState {
  const byHash = new Map(record.proofs.map((p) => [p.hash, p]));
  const live = new Set(current.map((r) => r.hash));
  const recorded: RecordState['recorded'] = [];
  const missing: HashedRegex[] = [];
  for (const r of current) {
    const p = byHash.get(r.hash);
    if (p) recorded.push({ ...r, status: p.status });
    else missing.push(r);
  }
  return { recorded, missing, orphans: record.proofs.filter((p) => !live.has(p.hash)) };
}
