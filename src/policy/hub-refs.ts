/**
 * Model ids referenced in code, judged through the Hugging Face Hub (online,
 * from the cache, or from oml.lock). The one entry point run.ts calls is
 * hubReferenceSubject; it returns null when the id is left to the offline table.
 *
 *  - no lock: the model is fetched (or read from the cache) and analysed as a folder;
 *  - --locked: the id must be in oml.lock (else it fails); the locked commit is read
 *    from the cache, else the locked license id is judged from the catalog;
 *  - --locked --online: the locked revision is asked again and every license
 *    document that no longer hashes to the lock is a failing `license-drift` finding.
 */
import { join } from 'node:path';
import type { AnalyzeOptions } from '../analyze/options.js';
import { OmlError } from '../errors.js';
import { analyzeHubId, hubSettings, parseRepoId, type HubAnalysis, type HubContext, type HubId } from '../hub/index.js';
import { describeChanges, documentChanges, findLockEntry, readLock, LOCK_FILE_NAME, type LockEntry, type LockFile } from '../lock/index.js';
import type { Analysis } from '../types.js';
import { analyzeCatalogLicense } from './catalog-analysis.js';
import type { JudgeSubject } from './judge.js';
import type { Finding, HubResolution, Location } from './report-schema.js';

export interface HubRefMode {
  ctx: HubContext;
  /** The network may be used. */
  online: boolean;
  /** --locked: the lock (null when the file is missing) and its path relative to the root. */
  locked: { lock: LockFile | null; path: string } | null;
}

export interface HubRefResult {
  subject: JudgeSubject;
  resolution: 'hub' | 'unresolved';
  license: string | null;
  note?: string;
}

export function hubResolution(r: HubAnalysis): HubResolution | undefined {
  if (!r.model) return undefined;
  return {
    repo: r.model.meta.repo,
    revision: r.id.revision,
    sha: r.model.meta.sha,
    documents: r.model.meta.documents.map((d) => ({ path: d.path, role: d.role, sha256: d.sha256 })),
    lineage: r.lineage.map((n) => ({ id: n.id, sha: n.sha, license: n.licenseId, parents: n.parents })),
  };
}

const licenseOf = (a: Analysis | null) => a?.license.id ?? a?.declared?.resolved ?? null;

function driftFinding(entry: LockEntry, now: HubAnalysis, lockPath: string, at: Location | null): Finding | null {
  const docs = now.model?.meta.documents ?? [];
  const changes = documentChanges(entry.documents, docs);
  const newLicense = licenseOf(now.analysis);
  const licenseChanged = now.model && (newLicense ?? null) !== entry.license.id;
  if (!changes.length && !licenseChanged) return null;
  const parts = [
    changes.length ? describeChanges(changes) : '',
    licenseChanged ? `license ${entry.license.id ?? 'unknown'} -> ${newLicense ?? 'unknown'}` : '',
    now.model && now.model.meta.sha !== entry.sha ? `commit ${entry.sha.slice(0, 12)} -> ${now.model.meta.sha.slice(0, 12)}` : '',
  ].filter(Boolean);
  return {
    rule: 'license-drift',
    level: 'error',
    message: `${entry.id} changed on the Hub since it was locked in ${lockPath}: ${parts.join('; ')}`,
    fix: `review the new license documents; if they are acceptable run oml lock --online and commit ${lockPath}, else pin the locked revision (${entry.sha}) in your code`,
    location: at,
    waived: false,
  };
}

export async function hubReferenceSubject(rawId: string, occurrences: Location[], mode: HubRefMode, opts: AnalyzeOptions): Promise<HubRefResult | null> {
  const id = parseRepoId(rawId);
  if (!id) return null;
  const base = { id: rawId, source: 'reference' as const, occurrences, fallbackLocation: occurrences[0] ?? null };

  if (mode.locked) {
    const entry = mode.locked.lock ? findLockEntry(mode.locked.lock, rawId) : undefined;
    if (!entry) {
      const why = mode.locked.lock ? `is not in ${mode.locked.path}` : `cannot be checked: ${mode.locked.path} does not exist`;
      return { subject: { ...base, analysis: null, error: `model id ${rawId} ${why} (--locked): run oml lock --online, review the diff and commit it` }, resolution: 'unresolved', license: null, note: `not in ${mode.locked.path}` };
    }
    const pinned: HubId = { repo: id.repo, revision: entry.sha, pinned: true };
    const now = await analyzeHubId(mode.online ? { repo: id.repo, revision: entry.revision, pinned: false } : pinned, { ...mode.ctx, refresh: true }, opts);
    // online: the Hub now against the lock; offline: the cached snapshot against the lock (an edited cache shows too)
    const extra = driftFinding(entry, now, mode.locked.path, occurrences[0] ?? null);
    if (now.outcome === 'ok') {
      return { subject: { ...base, analysis: now.analysis, extraFindings: extra ? [extra] : [], hub: hubResolution(now) }, resolution: 'hub', license: licenseOf(now.analysis), note: `${id.repo}@${now.model!.meta.sha.slice(0, 12)}${mode.online ? '' : ` (locked in ${mode.locked.path})`}` };
    }
    if (mode.online) {
      return { subject: { ...base, analysis: null, error: now.message ?? 'not readable on the Hub' }, resolution: 'unresolved', license: null };
    }
    // Offline and the locked commit is not cached: judge the locked license id from the catalog.
    const a = entry.license.id ? analyzeCatalogLicense(rawId, entry.license.id, opts.profile) : null;
    if (!a) return { subject: { ...base, analysis: null, error: `${rawId} is locked without a known license in ${mode.locked.path}` }, resolution: 'unresolved', license: entry.license.id };
    a.warnings.push({ code: 'LOCK_ONLY', message: `judged from ${mode.locked.path} (license ${entry.license.id}, tier ${entry.tier} when locked): commit ${entry.sha} is not in the Hub cache, so its documents were not re-read` });
    return { subject: { ...base, analysis: a }, resolution: 'hub', license: entry.license.id, note: `from ${mode.locked.path}` };
  }

  const r = await analyzeHubId(id, mode.ctx, opts);
  if (r.outcome === 'uncached') return null; // offline with nothing cached: the offline table decides
  if (r.outcome !== 'ok') return { subject: { ...base, analysis: null, error: r.message ?? 'not readable on the Hub' }, resolution: 'unresolved', license: null, note: r.outcome };
  return { subject: { ...base, analysis: r.analysis, hub: hubResolution(r) }, resolution: 'hub', license: licenseOf(r.analysis), note: `${r.model!.meta.repo}@${r.model!.meta.sha.slice(0, 12)}${r.model!.fromCache ? ' (cache)' : ''}` };
}

export interface HubCheckOptions {
  /** --online: resolve referenced ids on the Hub. */
  online?: boolean;
  /** --offline: the cache only (HF_HUB_OFFLINE=1 too). */
  offline?: boolean;
  /** --locked: judge from oml.lock; fail on ids it lacks. */
  locked?: boolean;
  /** --cache-dir */
  cacheDir?: string;
  /** Counts Hub requests (tests, summaries). */
  stats?: { requests: number };
}

/** The Hub mode of a check run, or null when ids stay with the offline table (the default). */
export async function hubModeFor(root: string, resolve: 'offline' | 'hub', o: HubCheckOptions, maxFileBytes: number): Promise<HubRefMode | null> {
  if (!o.online && !o.offline && !o.locked && resolve !== 'hub') return null;
  if (o.online && o.offline) throw new OmlError('USAGE', '--online and --offline exclude each other');
  let settings;
  try {
    settings = hubSettings({ cacheDir: o.cacheDir });
  } catch (e) {
    throw new OmlError('USAGE', (e as Error).message);
  }
  const online = !settings.offline && !o.offline && (o.online === true || (resolve === 'hub' && !o.locked));
  settings = { ...settings, offline: !online };
  let locked: HubRefMode['locked'] = null;
  if (o.locked) {
    const file = join(root, LOCK_FILE_NAME);
    locked = { lock: await readLock(file), path: LOCK_FILE_NAME };
  }
  return { ctx: { settings, maxFileBytes, stats: o.stats }, online, locked };
}
