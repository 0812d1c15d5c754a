/**
 * One model id -> a cached snapshot folder (fetched when needed and allowed).
 *
 * Pinned revisions (a commit sha) come from the cache once fetched. A branch or
 * tag comes from the cache while its ref entry is younger than refTtlMs (always
 * offline), else it is asked again. Gated and missing models are outcomes (they
 * count as unknown), not errors; the Hub being unreachable after the retry
 * budget is an OmlError('HUB') naming the model (exit 2).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OmlError } from '../errors.js';
import { classifyName } from '../read/folder.js';
import { readRef, readSnapshot, snapshotDir, writeRef, writeSnapshot, type HubDocument, type SnapshotMeta } from './cache.js';
import { fetchFile, fetchInfo } from './client.js';
import { boundedFetch, HubHttpError, type FetchStats } from './fetch.js';
import { formatHubId, type HubId } from './id.js';
import { failureText } from './messages.js';
import type { HubSettings } from './settings.js';

export interface HubContext {
  settings: HubSettings;
  /** Largest single file fetched (limits.maxFileBytes). */
  maxFileBytes: number;
  /** Ask the Hub again for branch/tag names even when the cached ref is fresh (drift checks). */
  refresh?: boolean;
  /** Counts the requests of this run. */
  stats?: FetchStats;
}

export interface HubModel {
  id: HubId;
  /** The snapshot folder (a model folder: card, licenses, policies, notices). */
  dir: string;
  meta: SnapshotMeta;
  /** True when nothing was fetched for it in this run. */
  fromCache: boolean;
}

export type HubOutcome =
  | { status: 'ok'; model: HubModel }
  | { status: 'gated' | 'not-found' | 'revision-not-found' | 'uncached'; id: HubId; message: string };

/** Most files fetched per model (licenses, policies, notices, the card). */
const MAX_DOCUMENTS = 24;

type DocRole = HubDocument['role'];

/** A root-level name that is safe as a file name on every platform: letters, digits, '.', '_', '-', ' ' (no '/', '\\', ':'). */
function safeFileName(p: string): boolean {
  for (const c of p) {
    const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '.' || c === '_' || c === '-' || c === ' ';
    if (!ok) return false;
  }
  return true;
}
/** Root-level files worth fetching, by the same name rules as a model folder on disk. */
export function documentRole(path: string): DocRole | null {
  if (path.length > 200 || path.startsWith('.') || !safeFileName(path)) return null;
  const r = classifyName(path);
  return r === 'license' || r === 'use-policy' || r === 'notice' || r === 'card' ? r : null;
}

const asList = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A cached snapshot whose files still hash to its meta (a damaged or edited cache is a miss, never trusted). */
async function fromCache(id: HubId, sha: string, s: HubSettings): Promise<HubOutcome | null> {
  const meta = await readSnapshot(s.cacheDir, id.repo, sha);
  if (!meta || meta.sha !== sha) return null;
  const dir = snapshotDir(s.cacheDir, id.repo, sha);
  for (const d of meta.documents) {
    try {
      const file = join(dir, d.path);
      if ((await stat(file)).size !== d.bytes || sha256(await readFile(file)) !== d.sha256) return null;
    } catch {
      return null;
    }
  }
  return { status: 'ok', model: { id, dir, meta, fromCache: true } };
}

async function fetchSnapshot(id: HubId, ctx: HubContext): Promise<HubOutcome> {
  const s = ctx.settings;
  const f = boundedFetch({ settings: s, stats: ctx.stats });
  const now = new Date().toISOString();
  let info;
  try {
    info = await fetchInfo(id.repo, id.revision, s, f);
  } catch (e) {
    if (!(e instanceof HubHttpError)) throw e;
    if (e.kind === 'gated' || e.kind === 'not-found' || e.kind === 'revision-not-found') {
      const message = failureText(e.kind, id, s, e.message);
      if (!id.pinned) await writeRef(s.cacheDir, id.repo, id.revision, { status: e.kind, message, auth: !!s.token, fetchedAt: now });
      return { status: e.kind, id, message };
    }
    throw new OmlError('HUB', `${formatHubId(id)}: ${e.message} (${s.endpoint})`);
  }
  const cached = await fromCache(id, info.sha, s);
  if (cached) {
    if (!id.pinned) await writeRef(s.cacheDir, id.repo, id.revision, { status: 'ok', sha: info.sha, fetchedAt: now });
    return cached;
  }
  const wanted = info.filePaths.map((p) => ({ p, role: documentRole(p) })).filter((x): x is { p: string; role: DocRole } => x.role !== null).slice(0, MAX_DOCUMENTS);
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  const documents: HubDocument[] = [];
  const skipped: SnapshotMeta['skipped'] = [];
  for (const { p, role } of wanted) {
    let r;
    try {
      r = await fetchFile(info.name, info.sha, p, ctx.maxFileBytes, s, f);
    } catch (e) {
      if (!(e instanceof HubHttpError)) throw e;
      if (e.kind === 'gated') {
        const message = failureText('gated', id, s, e.message);
        if (!id.pinned) await writeRef(s.cacheDir, id.repo, id.revision, { status: 'gated', message, auth: !!s.token, fetchedAt: now });
        return { status: 'gated', id, message };
      }
      throw new OmlError('HUB', `${formatHubId(id)}: ${p}: ${e.message} (${s.endpoint})`);
    }
    if (!r.ok) {
      skipped.push({ path: p, reason: r.reason === 'too-large' ? `${r.size} bytes, over the limit of ${ctx.maxFileBytes} bytes (maxFileBytes)` : 'listed by the Hub but not found' });
      continue;
    }
    files.push({ path: p, bytes: r.bytes });
    documents.push({ path: p, role, bytes: r.bytes.byteLength, sha256: sha256(r.bytes) });
  }
  const card = info.cardData ?? {};
  const meta: SnapshotMeta = {
    repo: info.name,
    sha: info.sha,
    gated: info.gated ?? null,
    baseModels: asList(card['base_model']).slice(0, 64),
    relation: typeof card['base_model_relation'] === 'string' ? card['base_model_relation'] : null,
    cardLicense: asList(card['license']).slice(0, 16),
    documents,
    skipped,
    fetchedAt: now,
  };
  const dir = await writeSnapshot(s.cacheDir, id.repo, meta, files);
  if (!id.pinned) await writeRef(s.cacheDir, id.repo, id.revision, { status: 'ok', sha: info.sha, fetchedAt: now });
  return { status: 'ok', model: { id, dir, meta, fromCache: false } };
}

/** Resolve one id: cache first (as the settings allow), then the Hub. */
export async function resolveHubModel(id: HubId, ctx: HubContext): Promise<HubOutcome> {
  const s = ctx.settings;
  if (id.pinned) {
    const hit = await fromCache(id, id.revision, s);
    if (hit) return hit;
  } else {
    const ref = await readRef(s.cacheDir, id.repo, id.revision);
    const fresh = ref && Date.now() - Date.parse(ref.fetchedAt) < s.refTtlMs && !ctx.refresh;
    if (ref && (s.offline || fresh)) {
      if (ref.status !== 'ok') {
        if (s.offline || ref.auth === !!s.token) return { status: ref.status, id, message: ref.message };
      } else {
        const hit = await fromCache(id, ref.sha, s);
        if (hit) return hit;
      }
    }
  }
  if (s.offline) return { status: 'uncached', id, message: failureText('uncached', id, s) };
  return fetchSnapshot(id, ctx);
}
