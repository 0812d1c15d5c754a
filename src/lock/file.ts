/** Reading and writing oml.lock (stable output; bad files are OmlError('LOCK') naming the file and field). */
import { readFile, writeFile } from 'node:fs/promises';
import { OmlError } from '../errors.js';
import { LOCK_VERSION, LockFileSchema, type LockEntry, type LockFile } from './schema.js';

const MAX_LOCK_BYTES = 16 * 1024 * 1024;
const byKey = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : a > b ? 1 : 0);

/** The lock with models sorted by id and documents by path, keys in schema order. */
export function normalizeLock(endpoint: string, entries: LockEntry[]): LockFile {
  const models = [...entries].sort((a, b) => byKey(a.id, b.id)).map((e) => ({
    id: e.id, revision: e.revision, sha: e.sha,
    license: { id: e.license.id, match: e.license.match },
    documents: [...e.documents].sort((a, b) => byKey(a.path, b.path)).map((d) => ({ path: d.path, role: d.role, sha256: d.sha256 })),
    tier: e.tier, verdict: e.verdict,
  }));
  return { lockfileVersion: LOCK_VERSION, endpoint, models };
}

export const serializeLock = (l: LockFile): string => `${JSON.stringify(l, null, 2)}\n`;

export async function writeLock(file: string, l: LockFile): Promise<void> {
  await writeFile(file, serializeLock(l));
}

/** The lock file, or null when it does not exist. */
export async function readLock(file: string): Promise<LockFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OmlError('LOCK', `cannot read: ${(e as Error).message}`, { file });
  }
  if (text.length > MAX_LOCK_BYTES) throw new OmlError('LOCK', `over ${MAX_LOCK_BYTES} bytes`, { file });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new OmlError('LOCK', `not valid JSON: ${(e as Error).message.slice(0, 200)}`, { file });
  }
  const r = LockFileSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new OmlError('LOCK', `${i.path.join('.') || '(root)'}: ${i.message} (regenerate it with oml lock --online)`, { file });
  }
  return r.data;
}

export const findLockEntry = (l: LockFile, id: string): LockEntry | undefined => l.models.find((m) => m.id.toLowerCase() === id.toLowerCase());
