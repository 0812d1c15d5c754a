/**
 * `--output FILE`: the report is written atomically (a temp file beside the
 * target, created exclusively, then renamed over it), so an interrupted run
 * (SIGINT, SIGTERM, a crash) never leaves a partial report. The target must not
 * be a symlink (a committed `oml.sarif -> elsewhere` would redirect the write),
 * nor anything but a regular file, nor a file the run read as input.
 */
import { lstatSync, realpathSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Why `path` cannot be the output, or null. Checked before the run (nothing is read yet). */
export function outputProblem(path: string): string | null {
  if (path.trim() === '') return 'empty path';
  const abs = resolve(path);
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return `cannot stat (${code ?? 'error'})`;
    try {
      if (!lstatSync(dirname(abs)).isDirectory()) return 'its parent is not a directory';
    } catch {
      return 'its directory does not exist';
    }
    return null;
  }
  if (st.isSymbolicLink()) return 'is a symlink: refused (a report is never written through a link)';
  if (st.isDirectory()) return 'is a directory';
  if (!st.isFile()) return 'is not a regular file';
  return null;
}

/** True when `path` (existing or not) names one of `inputs` (real paths). */
export function isInput(path: string, inputs: ReadonlySet<string>): boolean {
  const abs = resolve(path);
  let real = abs;
  try {
    real = realpathSync(abs);
  } catch {
    try {
      real = join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      /* the directory vanished: the write will fail and say so */
    }
  }
  return inputs.has(real) || inputs.has(abs);
}

let pendingTemp: string | null = null;

function cleanupOnSignal(signal: NodeJS.Signals): void {
  if (pendingTemp) {
    try {
      unlinkSync(pendingTemp); // synchronous: the process is about to exit
    } catch {
      /* already gone */
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Writes `text` to `path` through a temp file and a rename; removes the temp file on failure or signal. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const abs = resolve(path);
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const onSig = (s: NodeJS.Signals) => cleanupOnSignal(s);
  process.once('SIGINT', onSig);
  process.once('SIGTERM', onSig);
  pendingTemp = tmp;
  try {
    const fh = await open(tmp, 'wx', 0o644); // O_EXCL: never opens an existing file or a planted symlink
    try {
      await fh.writeFile(text);
      await fh.sync().catch(() => undefined);
    } finally {
      await fh.close();
    }
    await rename(tmp, abs);
    pendingTemp = null;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    pendingTemp = null;
    throw e;
  } finally {
    process.off('SIGINT', onSig);
    process.off('SIGTERM', onSig);
  }
}
