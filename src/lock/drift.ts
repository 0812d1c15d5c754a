/** What changed between the locked license documents and the ones on the Hub now. */
import type { LockDocument } from './schema.js';

export interface DocumentChange {
  path: string;
  change: 'changed' | 'added' | 'removed';
  locked: string | null;
  now: string | null;
}

/** Changes among license, use-policy and notice documents (the card is compared only through the license id). */
export function documentChanges(locked: LockDocument[], now: LockDocument[]): DocumentChange[] {
  const relevant = (d: LockDocument) => d.role !== 'card';
  const a = new Map(locked.filter(relevant).map((d) => [d.path, d.sha256]));
  const b = new Map(now.filter(relevant).map((d) => [d.path, d.sha256]));
  const out: DocumentChange[] = [];
  for (const [path, h] of a) {
    const n = b.get(path);
    if (n === undefined) out.push({ path, change: 'removed', locked: h, now: null });
    else if (n !== h) out.push({ path, change: 'changed', locked: h, now: n });
  }
  for (const [path, h] of b) if (!a.has(path)) out.push({ path, change: 'added', locked: null, now: h });
  return out.sort((x, y) => (x.path < y.path ? -1 : 1));
}

export function describeChanges(changes: DocumentChange[]): string {
  return changes.map((c) => c.change === 'changed'
    ? `${c.path} changed (sha256 ${c.locked!.slice(0, 12)}… -> ${c.now!.slice(0, 12)}…)`
    : c.change === 'added' ? `${c.path} added (sha256 ${c.now!.slice(0, 12)}…)` : `${c.path} removed (was sha256 ${c.locked!.slice(0, 12)}…)`).join('; ');
}
