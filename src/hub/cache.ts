/**
 * The Hub cache on disk, keyed by repository and commit sha:
 *
 *   <cacheDir>/models/<org>/<name>/snapshots/<sha>/       the model's license files and card, as a model folder
 *   <cacheDir>/models/<org>/<name>/snapshots/<sha>.json   what was fetched (written last: its presence marks a complete snapshot)
 *   <cacheDir>/models/<org>/<name>/refs/<revision>.json   what a branch/tag name resolved to, and when
 *
 * Names are lowercased (Hub ids are case-insensitive). A snapshot is written to
 * a temporary folder and renamed into place, so a crash never leaves half of one.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { isCommitSha } from './id.js';

export const DocumentSchema = lazySchema(() => z.object({
  /** File name in the repository (root level). */
  path: z.string(),
  /** sha256 of the bytes, hex. */
  sha256: z.string().length(64),
  bytes: z.number().int().nonnegative(),
  role: z.enum(['license', 'use-policy', 'notice', 'card']),
}));
export type HubDocument = z.infer<typeof DocumentSchema>;

export const SnapshotMetaSchema = lazySchema(() => z.object({
  repo: z.string(),
  sha: z.string().refine(isCommitSha),
  gated: z.union([z.boolean(), z.string()]).nullable(),
  baseModels: z.array(z.string()),
  relation: z.string().nullable(),
  cardLicense: z.array(z.string()),
  documents: z.array(DocumentSchema),
  /** Files listed by the Hub but not fetched (over the size limit, or gone). */
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
  fetchedAt: z.string(),
}));
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;

export const RefSchema = lazySchema(() => z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), sha: z.string().refine(isCommitSha), fetchedAt: z.string() }),
  // auth: whether a token was sent; a negative answer is reused only by a run with the same (a new token may open a gated repo)
  z.object({ status: z.enum(['gated', 'not-found', 'revision-not-found']), message: z.string(), auth: z.boolean(), fetchedAt: z.string() }),
]));
export type CachedRef = z.infer<typeof RefSchema>;

const repoDir = (root: string, repo: string) => join(root, 'models', ...repo.toLowerCase().split('/'));
const refFile = (root: string, repo: string, rev: string) => join(repoDir(root, repo), 'refs', `${encodeURIComponent(rev)}.json`);

export const snapshotDir = (root: string, repo: string, sha: string) => join(repoDir(root, repo), 'snapshots', sha);

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null; // a damaged entry is a cache miss, refetched online
  } catch {
    return null;
  }
}

export const readSnapshot = (root: string, repo: string, sha: string) =>
  readJson(`${snapshotDir(root, repo, sha)}.json`, SnapshotMetaSchema);

export const readRef = (root: string, repo: string, rev: string) => readJson(refFile(root, repo, rev), RefSchema);

export async function writeRef(root: string, repo: string, rev: string, ref: CachedRef): Promise<void> {
  const file = refFile(root, repo, rev);
  await mkdir(join(repoDir(root, repo), 'refs'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(ref, null, 2)}\n`);
  await rename(tmp, file);
}

/** Writes the files of one snapshot, then its meta. Returns the snapshot folder. */
export async function writeSnapshot(root: string, repoKey: string, meta: SnapshotMeta, files: Array<{ path: string; bytes: Uint8Array }>): Promise<string> {
  const dir = snapshotDir(root, repoKey, meta.sha);
  const tmp = `${dir}.${process.pid}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const f of files) await writeFile(join(tmp, f.path), f.bytes);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  await writeFile(`${dir}.json`, `${JSON.stringify(meta, null, 2)}\n`);
  return dir;
}
