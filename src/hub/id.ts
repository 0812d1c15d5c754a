/**
 * Hub model ids: `hf:org/name[@revision]`, and a bare `org/name[@revision]`.
 * Checked by hand (no regex): each part is 1..96 characters of [A-Za-z0-9._-],
 * not starting with '.' or '-'; a revision is 1..255 characters of
 * [A-Za-z0-9._/-] (a branch, a tag, or a 40-hex commit sha).
 */
export interface HubId {
  /** org/name as written. */
  repo: string;
  /** The revision asked for ("main" when none was given). */
  revision: string;
  /** True when the revision is a full commit sha (immutable: always served from the cache once fetched). */
  pinned: boolean;
}

export const HF_PREFIX = 'hf:';
export const DEFAULT_REVISION = 'main';
const MAX_PART = 96;
const MAX_REVISION = 255;

const isAlnum = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

function validPart(p: string): boolean {
  if (p.length < 1 || p.length > MAX_PART || !isAlnum(p[0]!)) return false;
  for (const c of p) if (!isAlnum(c) && c !== '.' && c !== '_' && c !== '-') return false;
  return !p.includes('..');
}

function validRevision(r: string): boolean {
  if (r.length < 1 || r.length > MAX_REVISION || r.includes('..') || r.startsWith('/') || r.endsWith('/')) return false;
  for (const c of r) if (!isAlnum(c) && c !== '.' && c !== '_' && c !== '-' && c !== '/') return false;
  return true;
}

export function isCommitSha(r: string): boolean {
  if (r.length !== 40) return false;
  for (const c of r) if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

/** Parses `org/name[@rev]` (without the hf: prefix); null when it is not a Hub model id. */
export function parseRepoId(s: string): HubId | null {
  const at = s.indexOf('@');
  const repo = at >= 0 ? s.slice(0, at) : s;
  const revision = at >= 0 ? s.slice(at + 1) : DEFAULT_REVISION;
  const parts = repo.split('/');
  if (parts.length !== 2 || !parts.every(validPart) || !validRevision(revision)) return null;
  return { repo, revision, pinned: isCommitSha(revision) };
}

/** `hf:org/name[@rev]`: the parsed id, an error message for a malformed one, or null when the text has no hf: prefix. */
export function parseHfArgument(arg: string): HubId | { error: string } | null {
  if (!arg.startsWith(HF_PREFIX)) return null;
  const id = parseRepoId(arg.slice(HF_PREFIX.length));
  return id ?? { error: `'${arg.slice(0, 300)}' is not a Hub model id: expected hf:org/name or hf:org/name@revision` };
}

/** The id as oml prints it: hf:org/name, with @revision unless it is the default branch. */
export function formatHubId(id: HubId): string {
  return `${HF_PREFIX}${id.repo}${id.revision === DEFAULT_REVISION ? '' : `@${id.revision}`}`;
}
