/**
 * The digest of a set of source files (index.ts digestOf), known without reading them when nothing changed
 * since a run last read them: that run left a stamp beside the compiled data (dist/data/NAME.sources.json)
 * with the digest it computed and each file's size, device, inode, modification and status-change times
 * (nanoseconds). A later run stats the files; when every one shows exactly the recorded stats, the recorded
 * digest stands, otherwise it reads and hashes them as before (and stamps again).
 *
 * Why this cannot serve stale data: any write to a file, a rename onto it, and setting its times back by hand
 * (utimes) all set its status-change time (ctime) to the current time, and no system call sets ctime to a
 * chosen value. So an edit after the stamp shows another ctime, unless it fell in the same clock tick as the
 * recorded one; a stamp is therefore written only when every file's ctime and mtime lie at least RACY_MS
 * before the run began reading them (git's "racily clean" rule), so that any later change carries a later
 * time. A new, removed or renamed file changes the file list and a replaced or copied file the inode.
 * Only where ctime means this (POSIX systems), and never with the fast paths off (OML_NO_FASTPATH=1) or where
 * the folder is not writable (then every run hashes, as before). A stamp that does not parse or names
 * other files is ignored.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { fastPathsOn } from '../fast-path.js';

/** How long before the run began a file must have last changed for its stats to be recorded. */
export const RACY_MS = 2000;

const POSIX_CTIME = new Set(['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix']);

interface Stamp {
  dir: string;
  files: string[];
  stats: string[];
  digest: string;
}

const statKey = (s: BigIntStats): string => `${s.size}:${s.dev}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;

function statsOf(files: string[]): BigIntStats[] | null {
  const out: BigIntStats[] = [];
  for (const f of files) {
    const s = statSync(f, { bigint: true, throwIfNoEntry: false });
    if (!s || !s.isFile()) return null;
    out.push(s);
  }
  return out;
}

function readStamp(file: string): Partial<Stamp> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
  } catch {
    return null;
  }
}

function sameList(a: unknown, b: string[]): boolean {
  return Array.isArray(a) && a.length === b.length && b.every((x, i) => a[i] === x);
}

/**
 * The digest of `files` under `dir` as `compute` gives it, served from the stamp `stampFile` when every file
 * still shows the stats recorded there; otherwise computed, and stamped when no file changed lately.
 */
export function stampedDigest(stampFile: string, dir: string, files: string[], compute: () => string): string {
  if (!fastPathsOn() || !POSIX_CTIME.has(process.platform)) return compute();
  const began = BigInt(Date.now()) * 1_000_000n;
  const stats = statsOf(files);
  if (!stats) return compute();
  const keys = stats.map(statKey);
  const abs = path.resolve(dir);
  const s = readStamp(stampFile);
  if (s && typeof s.digest === 'string' && s.dir === abs && sameList(s.files, files) && sameList(s.stats, keys)) return s.digest;
  const digest = compute();
  const settled = began - BigInt(RACY_MS) * 1_000_000n;
  if (stats.every((st) => st.ctimeNs < settled && st.mtimeNs < settled)) write(stampFile, { dir: abs, files, stats: keys, digest });
  return digest;
}

/** Writes the stamp whole (a temporary file renamed over it); a folder that is not writable keeps none. */
function write(file: string, stamp: Stamp): void {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`; // one per process and thread
  try {
    writeFileSync(tmp, JSON.stringify(stamp));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true }); // not writable (or gone): every run hashes
  }
}

/**
 * The sha256 of a build artefact's bytes (a stored binary, the CLI bundle, its code cache), from the stamp
 * `stampFile` (default FILE.sources.json beside it) when the file did not change since a run last hashed
 * it, else hashed (and stamped), by the rules above. Read `bytes` from `file` before calling: the file is
 * stat'ed after the read, so any change before the stat shows in its stats.
 */
export function stampedSha256(file: string, bytes: Uint8Array, stampFile = `${file}.sources.json`): string {
  return stampedDigest(stampFile, path.dirname(file), [file], () => createHash('sha256').update(bytes).digest('hex'));
}
