/**
 * The policy decision for one model (a pure function of its Analysis, the
 * policy, the waivers and today's date).
 *
 * A model fails when its tier is not in policy.allow, when its commercial-use
 * verdict is license-required or prohibited, or when it is unknown (tier unknown,
 * or no license identified and no resolvable declaration) and policy.unknown is
 * fail (warn: it passes with a warning). License conflicts are warnings.
 * Analysis warnings that must not pass silently become findings of their own
 * (warning-findings.ts): an unknown base model (unknown-lineage), an unexplained
 * change to a license text (unexplained-change), hidden characters.
 * A valid waiver turns the failure into a pass (status waived, reason shown); an
 * expired waiver fails the check with a finding naming the expiry date.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { MessageCode } from '../message-codes.js';
import type { Analysis, Term } from '../types.js';
import { policyMode, type Policy, type Waiver } from './config.js';
import type { Finding, Location, ModelResult, ModelStatus } from './report-schema.js';
import { CHANGE_CODES, undecidedVerdictFails, warningFindings } from './warning-findings.js';
import { toPosix } from '../paths.js';
import { CATALOG_PREFIX, catalogEvidence, findingQuote } from './quote.js';

export interface JudgeSubject {
  /** Folder path relative to the root (posix), or a model id for references. */
  id: string;
  source: ModelResult['source'];
  /** null when the analysis itself failed (see `error`). */
  analysis: Analysis | null;
  error?: string;
  /** Where a referenced id appears in code/config (references only). */
  occurrences?: Location[];
  /** Other names a waiver may use for this model (e.g. a referenced id of a local folder). */
  aliases?: string[];
  /** 1-based line of the `license:` key of the model card, when there is one. */
  cardLicenseLine?: number;
  /** Where to point when nothing better is known (e.g. reference site, folder). */
  fallbackLocation?: Location | null;
  /** Findings decided before judging (e.g. license-drift against oml.lock); judged with the others (waivers, status). */
  extraFindings?: Finding[];
  /** For Hub models: what was fetched (copied to the result). */
  hub?: ModelResult['hub'];
}

export interface IndexedWaiver extends Waiver {
  /** Line of the waiver in the config file. */
  line?: number;
}

export interface JudgeContext {
  policy: Policy;
  waivers: IndexedWaiver[];
  /** Today's date YYYY-MM-DD (UTC); inject for tests. */
  today: string;
  /** Absolute scanned root: file paths in analyses are reported relative to it. */
  root: string;
  /** Config file path relative to the root (for expired-waiver locations), or null. */
  configPath: string | null;
}

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

export const normalizeModelKey = (s: string): string =>
  s.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '').toLowerCase() || '.';

export function waiverFor(subject: Pick<JudgeSubject, 'id' | 'aliases'>, waivers: IndexedWaiver[]): IndexedWaiver | null {
  const keys = new Set([subject.id, ...(subject.aliases ?? [])].map(normalizeModelKey));
  return waivers.find((w) => keys.has(normalizeModelKey(w.model))) ?? null;
}

export const isExpired = (w: Waiver, today: string): boolean => !!w.expires && w.expires < today;

/** A path from an analysis as a posix path relative to the root, or null when outside it / not a file path. */
export function relToRoot(root: string, p: string | null | undefined): string | null {
  if (!p) return null;
  if (!isAbsolute(p)) return null; // catalog ids and other non-file origins
  const r = relative(root, p);
  if (!r || r.startsWith('..') || isAbsolute(r)) return null;
  return toPosix(r);
}

/** True when the subject has no usable license. */
export function isUnknown(a: Analysis): boolean {
  return a.openness.tier === 'unknown' || (a.license.match === 'unknown' && !a.declared?.resolved);
}

function termLocation(ctx: JudgeContext, t: Pick<Term, 'evidence'> | { evidence: { path: string; line: number; column?: number } }): Location | null {
  const path = relToRoot(ctx.root, t.evidence.path);
  if (!path) return null;
  return { path, line: t.evidence.line, ...(t.evidence.column ? { column: t.evidence.column } : {}) };
}

function licenseLocation(ctx: JudgeContext, s: JudgeSubject): Location | null {
  const a = s.analysis;
  if (s.source === 'reference' && s.occurrences?.length) return s.occurrences[0]!;
  if (a) {
    const lic = relToRoot(ctx.root, a.license.source ?? null);
    if (lic) return { path: lic, line: 1 };
    const card = relToRoot(ctx.root, a.declared?.source ?? null);
    if (card) return { path: card, line: s.cardLicenseLine ?? 1 };
    const licFile = a.subject.files.find((f) => f.role === 'license');
    const lf = relToRoot(ctx.root, licFile?.path ?? null);
    if (lf) return { path: lf, line: 1 };
  }
  return s.fallbackLocation ?? s.occurrences?.[0] ?? null;
}

/** Where a finding points, and the sentence it rests on when that sentence is in a file under the root. */
interface Evidenced {
  location: Location | null;
  quote?: string;
  catalog?: Finding['catalog'];
}

const evidenced = (location: Location | null, quote: string | undefined): Evidenced => (quote ? { location, quote } : { location });

/**
 * No deciding term in a file under the root: the first one in a catalog text (a model known by id,
 * a card's declaration) is quoted with its published text; the finding points at the license location.
 */
function catalogEvidenced(ctx: JudgeContext, s: JudgeSubject, terms: Array<Term | undefined>): Evidenced {
  const location = licenseLocation(ctx, s);
  for (const t of terms) {
    const catalog = t && catalogEvidence(t);
    if (!catalog) continue;
    const quote = findingQuote(t);
    return quote ? { location, quote, catalog } : { location, catalog };
  }
  return { location };
}

/** The location (and sentence) of the term that best explains the tier (largest point loss). */
function tierEvidence(ctx: JudgeContext, s: JudgeSubject): Evidenced {
  const a = s.analysis!;
  const reasons = [...a.openness.reasons].filter((r) => r.term).sort((x, y) => y.points - x.points);
  const termOf = (ref: NonNullable<(typeof reasons)[number]['term']>) =>
    a.terms.find((t) => t.name === ref.name && t.evidence.path === ref.path && t.evidence.line === ref.line);
  if (s.source !== 'reference') {
    for (const r of reasons) {
      const ref = r.term!;
      const loc = termLocation(ctx, { evidence: { path: ref.path, line: ref.line } });
      if (!loc) continue;
      return evidenced(loc, findingQuote(termOf(ref)));
    }
  }
  return catalogEvidenced(ctx, s, reasons.map((r) => termOf(r.term!)));
}

const PROHIBITING = new Set(['non-commercial', 'research-only', 'non-production', 'territory-exclusion']);

function verdictEvidence(ctx: JudgeContext, s: JudgeSubject, verdict: 'license-required' | 'prohibited'): Evidenced {
  const a = s.analysis!;
  const lines = new Set((a.commercialUse?.thresholds ?? []).filter((t) => t.crossed && t.line).map((t) => t.line!));
  const candidates = a.terms.filter((t) =>
    (t.kind === 'threshold' && t.consequence === verdict && (lines.size === 0 || lines.has(t.evidence.line))) ||
    (verdict === 'prohibited' && t.kind === 'restriction' && PROHIBITING.has(t.name)));
  const ordered = [...candidates.filter((t) => t.origin === 'text'), ...candidates.filter((t) => t.origin !== 'text')];
  if (s.source !== 'reference') {
    for (const t of ordered) {
      const loc = termLocation(ctx, t);
      if (loc) return evidenced(loc, findingQuote(t));
    }
  }
  return catalogEvidenced(ctx, s, ordered);
}

function licenseLabel(a: Analysis): string {
  const l = a.license;
  return l.name ?? l.id ?? a.declared?.resolved ?? 'unknown license';
}

function unknownWhy(s: JudgeSubject, ctx: JudgeContext): string {
  if (s.error) return s.error;
  const a = s.analysis!;
  const w = a.warnings.find((x) => UNKNOWN_REASONS.has(x.code));
  if (w) return w.message;
  if (a.license.id && a.openness.tier === 'unknown') {
    const via = s.source === 'reference' ? ` (mapped from the model id ${s.id})` : '';
    return `${a.license.id}${via} is identified, but its openness tier could not be decided: ${a.openness.reasons[0]?.message ?? 'no terms are known for it'}`;
  }
  // the path relative to the scanned root, as every other path of the report
  if (a.license.source) return `license text in ${relToRoot(ctx.root, a.license.source) ?? relLabel(a.license.source)} is not recognised`;
  return 'no license could be identified';
}

/** Warning codes that explain an unknown license, in the order they are looked for. */
const UNKNOWN_REASONS: ReadonlySet<MessageCode> = new Set<MessageCode>(['UNREADABLE_DOCUMENT', 'NO_LICENSE', 'DECLARED_UNRESOLVED', 'UNEXPLAINED_CHANGE', 'TEMPLATE_TERM_REMOVED', 'BASE_UNKNOWN']);

/** Where an analysis warning points: its own file and line, else the license location. */
function warningLocation(ctx: JudgeContext, s: JudgeSubject, w: { path?: string; line?: number }): Location | null {
  const path = relToRoot(ctx.root, w.path ?? null);
  if (path) return { path, line: w.line ?? 1 };
  return licenseLocation(ctx, s);
}

const relLabel = (p: string) => p.split(sep).slice(-2).join('/');

/**
 * The tier is unknown only because of changes oml could not account for: they are
 * reported as unexplained-change findings (not as an unknown license), and with
 * `policy.changes: warn` the provisional tier of the recognised terms is judged.
 */
function unknownOnlyByChanges(a: Analysis): boolean {
  if (a.openness.tier !== 'unknown' || !a.openness.provisional) return false;
  if (a.license.match === 'unknown' && !a.declared?.resolved) return false;
  return a.warnings.some((w) => CHANGE_CODES.has(w.code)) && !a.warnings.some((w) => w.code === 'UNREADABLE_DOCUMENT');
}

/** Judge one model. Pure. */
export function judgeModel(s: JudgeSubject, ctx: JudgeContext): ModelResult {
  const a = s.analysis;
  const { policy } = ctx;
  const findings: Finding[] = [];
  const byChanges = !!a && unknownOnlyByChanges(a);
  const unknown = !a || (isUnknown(a) && !byChanges);
  const tier = !a || unknown ? 'unknown'
    : byChanges ? (policyMode(policy, 'changes') === 'warn' ? a.openness.provisional!.tier : 'unknown')
      : a.openness.tier;

  if (unknown) {
    findings.push({
      rule: 'unknown-license',
      level: policy.unknown === 'fail' ? 'error' : 'warning',
      message: `license unknown: ${unknownWhy(s, ctx)}${policy.unknown === 'warn' ? ' (policy.unknown: warn)' : ''}`,
      fix: s.source === 'reference'
        ? 'vendor the model folder with its LICENSE (or model card) so it can be analysed, or add a waiver'
        : a?.subject.files.some((f) => f.role === 'license')
          ? 'the LICENSE text is not a license oml knows: have it reviewed, then record the decision as a waiver with a reason and an expiry date'
          : 'add the model\'s LICENSE file or a model card with `license:` metadata, or add a waiver',
      location: a ? licenseLocation(ctx, s) : (s.fallbackLocation ?? s.occurrences?.[0] ?? null),
      waived: false,
    });
  }
  // an unrecognised text whose own terms place it outside policy.allow: that reason is listed too (not hidden behind unknown-license)
  const readTier = a && unknown && !byChanges && a.openness.tier !== 'unknown' ? a.openness.tier : null;
  const judgedTier = tier !== 'unknown' ? tier : readTier;
  if (a && judgedTier && !policy.allow.includes(judgedTier)) {
    const what = readTier ? `the terms read from its text place it at ${readTier}` : `${licenseLabel(a)} is ${tier}`;
    findings.push({
      rule: 'tier-not-allowed',
      level: 'error',
      message: `${what}, which policy.allow does not include (allowed: ${policy.allow.join(', ')})`,
      fix: `use a model under an allowed license, add '${judgedTier}' to policy.allow, or add a waiver with a reason`,
      ...tierEvidence(ctx, s),
      waived: false,
    });
  }

  const cu = a?.commercialUse;
  if (a && cu) {
    // a verdict read from an unrecognised text is reported too: the term that prohibits is a reason of its own
    if (cu.verdict === 'license-required' || cu.verdict === 'prohibited') {
      const ev = verdictEvidence(ctx, s, cu.verdict);
      // the summary names the deciding term's place; a catalog one is carried as `catalog`, not as a pseudo-path
      const pseudo = ev.catalog ? ` (${CATALOG_PREFIX}${ev.catalog.license}:${ev.catalog.line})` : null;
      const crossed = cu.thresholds.filter((t) => t.crossed).map((t) => `${t.metric} ${t.comparator} ${t.limit}${t.currency ? ` ${t.currency}` : ''}${t.actual !== null ? ` (profile: ${t.actual})` : ''}`);
      findings.push({
        rule: cu.verdict,
        level: 'error',
        message: `${licenseLabel(a)}: ${pseudo ? cu.summary.split(pseudo).join('') : cu.summary}${crossed.length ? ` [crossed: ${crossed.join('; ')}]` : ''}`,
        fix: cu.actions.length ? cu.actions.join('; ') : cu.verdict === 'license-required' ? 'obtain a separate license from the licensor, or use another model' : 'use another model for this profile',
        ...ev,
        waived: false,
      });
    } else if (cu.verdict === 'unknown' && !unknown) {
      const failing = undecidedVerdictFails(a, policy);
      findings.push({
        rule: 'verdict-unknown',
        level: failing.length ? 'error' : 'warning',
        message: `commercial use could not be decided for the profile: ${cu.summary}${failing.length ? ` (fails: the analysis reports ${failing.join(', ')})` : ''}`,
        fix: 'complete the profile (users, revenue, territories, activities) in oml.config.yaml, or review the license',
        location: licenseLocation(ctx, s),
        waived: false,
      });
    }
  }

  for (const c of a?.conflicts ?? []) {
    const path = relToRoot(ctx.root, c.path ?? null);
    findings.push({
      rule: 'license-conflict',
      level: 'warning',
      message: `license conflict (reported as a warning, does not fail the check): ${c.message}`,
      fix: 'check which license really applies (LICENSE file, model card, base model) and correct the card or the folder',
      location: path ? { path, line: c.line ?? 1 } : licenseLocation(ctx, s),
      waived: false,
    });
  }

  findings.push(...(s.extraFindings ?? []));
  if (a) findings.push(...warningFindings(a, policy, (w) => warningLocation(ctx, s, w)));

  const waiver = waiverFor(s, ctx.waivers);
  const expired = waiver ? isExpired(waiver, ctx.today) : false;
  const errors = findings.filter((f) => f.level === 'error');
  if (waiver && errors.length) {
    if (expired) {
      findings.unshift({
        rule: 'expired-waiver',
        level: 'error',
        message: `waiver for ${waiver.model} expired on ${waiver.expires} (reason was: ${waiver.reason})`,
        fix: `fix the findings, or renew the waiver with a new expires date after review`,
        location: ctx.configPath ? { path: ctx.configPath, line: waiver.line ?? 1 } : null,
        waived: false,
      });
    } else {
      for (const f of errors) f.waived = true;
    }
  }

  let status: ModelStatus = 'pass';
  if (findings.some((f) => f.level === 'error' && !f.waived)) status = 'fail';
  else if (findings.some((f) => f.waived)) status = 'waived';
  else if (findings.length) status = 'warn';

  return {
    id: s.id,
    source: s.source,
    status,
    license: {
      id: a?.license.id ?? null,
      name: a?.license.name ?? null,
      spdx: a?.license.spdx ?? null,
      version: a?.license.version ?? null,
      match: a?.license.match ?? 'unknown',
    },
    tier,
    score: a && !unknown ? a.openness.score : null,
    verdict: cu?.verdict ?? null,
    actions: cu && (cu.verdict === 'allowed-with-obligations' || cu.verdict === 'allowed') ? cu.actions : [],
    findings,
    waiver: waiver ? { model: waiver.model, reason: waiver.reason, expires: waiver.expires ?? null, expired } : null,
    occurrences: s.occurrences ?? [],
    warnings: (a?.warnings ?? []).map((w) => (w.path ? { ...w, path: relToRoot(ctx.root, w.path) ?? w.path } : w)),
    ...(s.hub ? { hub: s.hub } : {}),
  };
}

const STATUS_ORDER: Record<ModelStatus, number> = { fail: 0, warn: 1, waived: 2, pass: 3 };

/** Failures first, then warnings, waived, passes; by id within a status. */
export function sortResults(results: ModelResult[]): ModelResult[] {
  return [...results].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
