/**
 * Root confinement: every path a scan reads is resolved with realpath and must
 * lie inside the scanned root (or an explicitly allowed extra root). A path that
 * resolves outside is not read; the guard records it (link and target) so the
 * policy stage can report an `outside-root` finding.
 */
import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** A path inside the root that resolves to a target outside every allowed root. */
export interface OutsideRoot {
  /** The path as found (absolute, before resolution). */
  link: string;
  /** Where it resolves to (absolute real path). */
  target: string;
}

/** True when `real` is `root` or lies below it (both absolute real paths). */
export function isInside(root: string, real: string): boolean {
  const r = relative(root, real);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}

const real = (r: string): string => {
  try {
    return realpathSync(r);
  } catch {
    return r;
  }
};

export class RootGuard {
  private readonly allowed: string[];
  private readonly seen = new Map<string, OutsideRoot>();

  /** `roots`: absolute paths; each is resolved with realpath (a missing one is kept as given). */
  constructor(roots: readonly string[]) {
    this.allowed = roots.map(real);
  }

  get roots(): readonly string[] {
    return this.allowed;
  }

  /**
   * Allows one more root for the rest of the run: only for directories oml itself
   * writes (the Hub cache, set by flag or environment, never by the scanned repository).
   */
  allowRoot(root: string): void {
    const r = real(root);
    if (!this.allowed.includes(r)) this.allowed.push(r);
  }

  /** True when the real path lies inside an allowed root. */
  allows(real: string): boolean {
    return this.roots.some((r) => isInside(r, real));
  }

  /** Records a path that resolved outside the allowed roots (once per link). */
  record(link: string, target: string): OutsideRoot {
    const hit = this.seen.get(link) ?? { link, target };
    this.seen.set(link, hit);
    return hit;
  }

  /** Every outside path recorded so far, sorted by link. */
  get outside(): OutsideRoot[] {
    return [...this.seen.values()].sort((a, b) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
  }

  /**
   * Resolves `path`; returns the real path when it is inside, or null after
   * recording it when it is outside. Resolution errors propagate (ENOENT, ELOOP).
   */
  async resolve(path: string): Promise<string | null> {
    const real = await realpath(path);
    if (this.allows(real)) return real;
    this.record(path, real);
    return null;
  }

  resolveSync(path: string): string | null {
    const real = realpathSync(path);
    if (this.allows(real)) return real;
    this.record(path, real);
    return null;
  }
}
