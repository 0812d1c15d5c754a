/**
 * `oml check` as a library call: config -> discovery -> source references ->
 * analysis -> judging -> CheckReport. Throws OmlError for usage, config and
 * input errors (the CLI maps them to exit code 2).
 */
import { existsSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { analyzePath } from '../analyze/paths.js';
import { OmlError, isOmlError } from '../errors.js';
import { packageVersion } from '../version.js';
import { withLimits, type Limits } from '../limits.js';
import { parseFrontMatter } from '../parse/frontmatter.js';
import { ReadBudget } from '../read/budget.js';
import { RootGuard } from '../read/confine.js';
import { readSource } from '../read/file.js';
import type { Analysis, Warning } from '../types.js';
import { analyzeCatalogLicense, resolveModelId } from './catalog-analysis.js';
import { loadConfig, policyMode } from './config.js';
import { discoverModels, type ReaddirFn } from './discover.js';
import { judgeModel, normalizeModelKey, isExpired, sortResults, todayUtc, type IndexedWaiver, type JudgeContext, type JudgeSubject } from './judge.js';
import { CHECK_REPORT_VERSION, type CheckReport, type Location, type ModelResult, type Reference } from './report-schema.js';
import { applyOutside, unreadableResults, type OutsideHit } from './outside.js';
import { findSourceRefs, type SourceRef } from './source-refs.js';
import { hubModeFor, hubReferenceSubject, type HubCheckOptions } from './hub-refs.js';
import { toPosix } from '../paths.js';

export interface CheckOptions {
  /** --config FILE (else oml.config.yaml in the directory, else the default policy). */
  config?: string;
  /** Clock for waiver expiry (tests). */
  now?: Date;
  /** Called before each model is analysed. */
  onProgress?: (done: number, total: number, id: string) => void;
  /** Injected directory reader (tests). */
  readdir?: ReaddirFn;
  /** Tool version for the report. */
  version?: string;
  /** Limits that override the config's `limits:` (CLI flags such as --max-total-size). */
  limits?: Partial<Limits>;
  /** Hub resolution of referenced ids (--online, --offline, --locked, --cache-dir). */
  hub?: HubCheckOptions;
  /** Filled with the real paths of the files this run read as input (config, model files, code): --output must not overwrite them. */
  inputs?: Set<string>;
}


/** 1-based line of the `license:` key in a model card's front matter (same parser as the analysis). */
async function cardLicenseLine(file: string, limits: Limits, guard: RootGuard): Promise<number | undefined> {
  try {
    const src = await readSource(file, limits, new ReadBudget(limits.maxFileBytes, guard));
    return parseFrontMatter(src.text, file, limits)?.meta.keyLines.license;
  } catch {
    return undefined; // unreadable or outside: the analysis has reported it
  }
}

interface FolderTarget {
  abs: string;
  real: string;
  rel: string;
  source: 'folder' | 'config';
  aliases: string[];
}

export async function checkDirectory(dirIn: string, opts: CheckOptions = {}): Promise<CheckReport> {
  const root = resolve(dirIn);
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new OmlError('ENOENT', 'no such directory', { file: dirIn });
  }
  if (!st.isDirectory()) throw new OmlError('USAGE', 'not a directory (oml check scans a directory; use oml analyze for files)', { file: dirIn });

  const loaded = await loadConfig(root, opts.config);
  const { config } = loaded;
  const inputs = opts.inputs ?? new Set<string>();
  const addInput = async (p: string) => inputs.add(await realpath(p).catch(() => p));
  if (loaded.path) await addInput(loaded.path);
  const limits = withLimits({ ...config.limits, ...opts.limits });
  // every path read must resolve inside the root (or an allowedRoots entry): see read/confine.ts
  const guard = new RootGuard([root, ...config.allowedRoots.map((r) => (isAbsolute(r) ? r : resolve(root, r)))]);
  // one byte budget (maxTotalBytes) for everything this run reads: code files and model folders
  const budget = new ReadBudget(limits.maxTotalBytes, guard);
  const outside: OutsideHit[] = [];
  const profile = config.profile;
  const today = todayUtc(opts.now);
  const configRel = loaded.path ? toPosix(relative(root, loaded.path)) : null;
  const warnings: Warning[] = [];

  const disc = await discoverModels(root, { limits, exclude: config.exclude, readdir: opts.readdir, guard, budget });
  warnings.push(...disc.warnings);
  for (const f of disc.sourceFiles) await addInput(f);

  // Folders: discovered + listed under `models:`.
  const folders = new Map<string, FolderTarget>();
  for (const m of disc.models) {
    const real = await realpath(m.dir).catch(() => m.dir);
    folders.set(real, { abs: m.dir, real, rel: m.rel, source: 'folder', aliases: [] });
  }
  for (const [i, m] of config.models.entries()) {
    const abs = resolve(root, m.path);
    let real: string;
    try {
      real = await realpath(abs);
      await stat(real);
    } catch {
      throw new OmlError('CONFIG', `models[${i}].path: no such file or directory '${m.path}'`, { file: loaded.path ?? undefined });
    }
    if (!guard.allows(real)) {
      const line = loaded.modelLines?.[i];
      outside.push({ link: abs, target: real, written: m.path, ...(configRel ? { location: { path: configRel, line: line ?? 1 } } : {}) });
      continue;
    }
    const existing = folders.get(real);
    if (existing) existing.aliases.push(m.path);
    else folders.set(real, { abs, real, rel: toPosix(relative(root, abs)) || '.', source: 'config', aliases: [m.path] });
  }

  // References in code and config files.
  const { refs, warnings: refWarnings } = await findSourceRefs(root, disc.sourceFiles, { maxFileBytes: limits.maxFileBytes, budget });
  warnings.push(...refWarnings);
  const byId = new Map<string, SourceRef[]>();
  for (const r of refs) {
    const k = r.id.toLowerCase();
    const list = byId.get(k) ?? [];
    list.push(r);
    byId.set(k, list);
  }
  const references: Reference[] = [];
  const refSubjects: JudgeSubject[] = [];
  const hubMode = await hubModeFor(root, config.resolve, opts.hub ?? {}, limits.maxFileBytes);
  // the Hub cache is oml's own (its location comes from a flag or the environment, not from the repository)
  if (hubMode) guard.allowRoot(hubMode.ctx.settings.cacheDir);
  for (const list of byId.values()) {
    const first = list[0]!;
    const occurrences: Location[] = list.map((r) => ({ path: r.file, line: r.line, column: r.column }));
    // A local path (relative to the root or to the referencing file) is judged as a folder.
    const localAbs = [resolve(root, first.id), resolve(root, dirname(first.file), first.id)].find((p) => existsSync(p));
    if (localAbs) {
      const real = await realpath(localAbs).catch(() => localAbs);
      if (!guard.allows(real)) {
        // a reference such as from_pretrained("../../outside") is not followed out of the root
        outside.push({ link: localAbs, target: real, written: first.id, location: occurrences[0]! });
        for (const r of list) references.push({ ...r, resolution: 'unresolved', license: null, note: 'local path outside the scanned root: not read' });
        continue;
      }
      const existing = folders.get(real);
      if (existing) existing.aliases.push(first.id);
      else if (statSync(real).isDirectory()) folders.set(real, { abs: localAbs, real, rel: toPosix(relative(root, localAbs)), source: 'config', aliases: [first.id] });
      for (const r of list) references.push({ ...r, resolution: 'local', license: null, note: `local path ${toPosix(relative(root, localAbs))}` });
      continue;
    }
    const viaHub = hubMode ? await hubReferenceSubject(first.id, occurrences, hubMode, { limits, profile, budget }) : null;
    if (viaHub) {
      for (const r of list) references.push({ ...r, resolution: viaHub.resolution, license: viaHub.license, ...(viaHub.note ? { note: viaHub.note } : {}) });
      refSubjects.push(viaHub.subject);
      continue;
    }
    const res = resolveModelId(first.id);
    let analysis: Analysis | null = null;
    let error: string | undefined;
    if (res.licenseId) {
      analysis = analyzeCatalogLicense(first.id, res.licenseId, profile);
      if (!analysis) error = `model id ${first.id} maps to license '${res.licenseId}', which is not in the license catalog`;
    } else {
      error = `model id ${first.id} is not resolvable offline${res.note ? ` (${res.note})` : ''}`;
    }
    const resolution = analysis ? 'catalog' : 'unresolved';
    for (const r of list) references.push({ ...r, resolution, license: res.licenseId, ...(res.note ? { note: res.note } : {}) });
    refSubjects.push({ id: first.id, source: 'reference', analysis, error, occurrences, fallbackLocation: occurrences[0] ?? null });
  }

  // Analyse folders.
  const subjects: JudgeSubject[] = [];
  const subjectDir = new Map<JudgeSubject, string>();
  const targets = [...folders.values()];
  const total = targets.length + refSubjects.length;
  let done = 0;
  for (const t of targets) {
    opts.onProgress?.(done++, total, t.rel);
    let analysis: Analysis | null = null;
    let error: string | undefined;
    try {
      analysis = relativizeMessages(await analyzePath(t.abs, { limits, profile, budget }), root);
    } catch (e) {
      if (!isOmlError(e)) throw e;
      if (e.code === 'LIMIT') throw new OmlError('LIMIT', e.message.split(root + sep).join(''));
      error = `cannot analyse: [${e.code}] ${e.message}`;
      warnings.push({ code: e.code, message: e.message, path: t.rel });
    }
    for (const f of analysis?.subject.files ?? []) await addInput(f.path);
    const cardFile = analysis?.declared?.source ?? analysis?.subject.files.find((f) => f.role === 'model-card')?.path;
    const firstFile = analysis?.subject.files[0]?.path;
    subjects.push({
      id: t.rel,
      source: t.source,
      analysis,
      error,
      aliases: t.aliases,
      cardLicenseLine: cardFile ? await cardLicenseLine(cardFile, limits, guard) : undefined,
      fallbackLocation: firstFile && firstFile.startsWith(root) ? { path: toPosix(relative(root, firstFile)), line: 1 } : { path: t.rel, line: 1 },
    });
    subjectDir.set(subjects[subjects.length - 1]!, t.abs);
  }
  for (const s of refSubjects) {
    opts.onProgress?.(done++, total, s.id);
    subjects.push(s);
  }

  const waivers: IndexedWaiver[] = config.waivers.map((w, i) => ({ ...w, line: loaded.waiverLines[i] }));
  const ctx: JudgeContext = { policy: config.policy, waivers, today, root, configPath: configRel };
  const judged = subjects.map((s) => judgeModel(s, ctx));
  const folderOf = new Map<ModelResult, string>();
  subjects.forEach((s, i) => {
    const dir = subjectDir.get(s);
    if (dir) folderOf.set(judged[i]!, dir);
  });
  // symlinks met by discovery or by reading a model folder, and configured paths: each one fails the check
  const seen = new Set(outside.map((o) => o.link));
  for (const o of guard.outside) if (!seen.has(o.link)) outside.push(o);
  // a path the scan could not read at all fails closed too (not a silent skip)
  const models: ModelResult[] = sortResults([...applyOutside(root, judged, folderOf, outside), ...unreadableResults([...disc.warnings, ...refWarnings])]);

  // Waivers that matched nothing, or that are expired on a model that passes anyway.
  for (const w of waivers) {
    const key = normalizeModelKey(w.model);
    const hit = subjects.find((s) => [s.id, ...(s.aliases ?? [])].some((a) => normalizeModelKey(a) === key));
    if (!hit) warnings.push({ code: 'UNUSED_WAIVER', message: `waiver for '${w.model}' matches no model found under the scanned directory`, ...(configRel ? { path: configRel } : {}), ...(w.line ? { line: w.line } : {}) });
    else if (isExpired(w, today)) {
      const r = models.find((m) => m.waiver?.model === w.model);
      if (r && r.status !== 'fail') warnings.push({ code: 'EXPIRED_WAIVER', message: `waiver for '${w.model}' expired on ${w.expires}; the model passes without it, remove the waiver`, ...(configRel ? { path: configRel } : {}), ...(w.line ? { line: w.line } : {}) });
    }
  }

  const count = (s: ModelResult['status']) => models.filter((m) => m.status === s).length;
  return {
    version: CHECK_REPORT_VERSION,
    tool: { name: 'oml', version: opts.version ?? packageVersion() },
    result: count('fail') ? 'fail' : 'pass',
    root: dirIn,
    config: { path: configRel, defaulted: loaded.path === null, note: loaded.note ?? (profile ? null : 'no profile in the config: commercial-use verdicts are not judged') },
    policy: { allow: config.policy.allow, unknown: config.policy.unknown, lineage: policyMode(config.policy, 'lineage'), changes: policyMode(config.policy, 'changes') },
    profile: profile ?? null,
    date: today,
    summary: {
      models: models.length,
      failed: count('fail'),
      warned: count('warn'),
      waived: count('waived'),
      passed: count('pass'),
      references: references.length,
      unresolved: new Set(references.filter((r) => r.resolution === 'unresolved').map((r) => r.id.toLowerCase())).size,
    },
    models,
    references,
    warnings,
  };
}

/** Messages quote file paths: show them relative to the scanned root so reports read the same on every machine. */
function relativizeMessages(a: Analysis, root: string): Analysis {
  const prefix = root.endsWith(sep) ? root : root + sep;
  const rel = (m: string) => m.split(prefix).join('');
  a.warnings = a.warnings.map((w) => ({ ...w, message: rel(w.message) }));
  a.conflicts = a.conflicts.map((c) => ({ ...c, message: rel(c.message) }));
  if (a.commercialUse) {
    a.commercialUse = { ...a.commercialUse, summary: rel(a.commercialUse.summary), reasons: a.commercialUse.reasons.map(rel) };
  }
  return a;
}
