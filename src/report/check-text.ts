/**
 * `oml check` text report. The first line decides: PASS or FAIL and why in
 * plain words. The second names the checked folder, the one root every path
 * of the report is relative to. Then one block per model (failures first):
 * its labelled license, openness and commercial-use verdict, then every
 * reason (the deciding one first), each with its quoted sentence, file:line
 * and fix. Wording in data/report-text.yaml (`check:`); untrusted text escaped.
 */
import type { CheckReport, Finding, ModelResult, RuleId } from '../policy/report-schema.js';
import { isFindingWarning } from '../policy/warning-findings.js';
import type { Warning } from '../types.js';
import type { CheckWording } from './check-wording.js';
import { escapeText } from './escape.js';
import { catalogWhere, findingMessage } from './finding-words.js';
import { flatten, groupDigits, shorten } from './term-lines.js';
import { fill, reportText } from './text-wording.js';

export type CheckDetail = 'quiet' | 'normal' | 'verbose';
export type CheckTone = 'good' | 'caution' | 'bad' | 'plain';

export interface CheckTextOptions {
  /** quiet: the first line only; verbose: also full quotes, the profile, every fix and the references' kinds. */
  detail?: CheckDetail;
  /** Applied to escaped status words and the first line (colour on a terminal); identity by default. */
  paint?: (tone: CheckTone, line: string) => string;
}

const words = (): CheckWording => reportText().check;
const INDENT = '         ';

/** Unwaived errors first, then waived ones, then warnings; within each, by the reason order of the wording table. */
export function orderedFindings(m: ModelResult): Finding[] {
  const order = words().order;
  const group = (f: Finding) => (f.level === 'error' ? (f.waived ? 1 : 0) : 2);
  return [...m.findings].sort((a, b) => group(a) - group(b) || order.indexOf(a.rule) - order.indexOf(b.rule));
}

/** The finding that decides the status: the first of orderedFindings (null when there is none). */
export function primaryFinding(m: ModelResult): Finding | null {
  return orderedFindings(m)[0] ?? null;
}

const noun = (n: number) => (n === 1 ? words().noun.one : words().noun.many);

/** The first line: pass or fail, and why in plain words. */
export function checkHeadline(r: CheckReport): string {
  const w = words();
  const s = r.summary;
  if (r.result === 'fail') {
    // the failing models grouped by their deciding reason, the reasons in the order of the wording table
    const byWhy = new Map<RuleId, string[]>();
    for (const m of r.models.filter((x) => x.status === 'fail')) {
      const rule = primaryFinding(m)?.rule ?? 'unknown-license';
      byWhy.set(rule, [...(byWhy.get(rule) ?? []), m.id === '.' ? w.here : m.id]);
    }
    const reasons = [...byWhy.entries()].sort(([a], [b]) => w.order.indexOf(a) - w.order.indexOf(b)).map(([rule, ids]) => {
      const more = ids.length > w.listed ? ` ${fill(w.more, { more: String(ids.length - w.listed) })}` : '';
      return fill(w.failing, { why: w.reasons[rule], ids: `${ids.slice(0, w.listed).join(', ')}${more}` });
    });
    return fill(w.headline.fail, { failed: String(s.failed), models: String(s.models), noun: noun(s.models), reasons: reasons.join('; ') });
  }
  if (!r.models.length) return w.headline.none;
  const obligations = r.models.filter((m) => m.actions.length).length;
  const notes = [
    obligations ? fill(w.notes.obligations, { count: String(obligations) }) : '',
    s.waived ? fill(w.notes.waived, { count: String(s.waived) }) : '',
    s.warned ? fill(w.notes.warned, { count: String(s.warned) }) : '',
  ].filter(Boolean);
  return fill(w.headline.pass, { count: String(s.models), noun: noun(s.models), notes: notes.length ? `: ${notes.join('; ')}` : '' });
}

function licenseWords(m: ModelResult): string {
  const w = words();
  const l = m.license;
  const name = l.name ?? l.id;
  if (!name || l.match === 'unknown') return w.labels.unknownLicense;
  const note = w.matchNotes[l.match];
  return note ? `${name} (${note})` : name;
}

/** `license: …; openness: …; commercial use: …`: each value labelled. */
export function modelLabels(m: ModelResult): string {
  const w = words();
  const tier = `${m.tier}${m.score !== null ? ` (${fill(w.labels.score, { score: String(m.score) })})` : ''}`;
  const verdict = m.verdict ? w.verdicts[m.verdict] : w.labels.noVerdict;
  return `${w.labels.license}: ${licenseWords(m)}; ${w.labels.tier}: ${tier}; ${w.labels.verdict}: ${verdict}`;
}

const at = (f: Finding) => (f.location ? ` (${f.location.path}:${f.location.line})` : '');
const warningAt = (w: Warning) => (w.path ? ` (${w.path}${w.line ? `:${w.line}` : ''})` : '');

function findingLines(f: Finding, detail: CheckDetail): string[] {
  const w = words();
  const level = f.level === 'error' ? (f.waived ? w.levels.waived : w.levels.error) : w.levels.warning;
  const quote = f.quote ? ` "${detail === 'verbose' ? flatten(f.quote) : shorten(f.quote)}"` : '';
  const published = f.catalog ? ` [${catalogWhere(f.catalog)}]` : '';
  const lines = [`${INDENT}${level} ${f.rule}: ${findingMessage(f)}${quote}${published}${at(f)}`];
  // the fix of what fails always; of what was waived or only warns with --verbose
  if ((f.level === 'error' && !f.waived) || detail === 'verbose') lines.push(`${INDENT}  ${fill(w.fix, { fix: f.fix })}`);
  return lines;
}

function modelBlock(m: ModelResult, config: string, detail: CheckDetail, paint: NonNullable<CheckTextOptions['paint']>): string[] {
  const w = words();
  const ref = m.source === 'reference' ? ` (${w.labels.referenced})` : '';
  const tone: CheckTone = m.status === 'fail' ? 'bad' : m.status === 'pass' ? 'good' : 'caution';
  const lines = [`${paint(tone, w.status[m.status])} ${escapeText(`${m.id}${ref} — ${modelLabels(m)}`)}`];
  const body: string[] = [];
  if (m.waiver && m.status === 'waived') {
    body.push(`${INDENT}${fill(w.waiver, { reason: m.waiver.reason, config })}${m.waiver.expires ? fill(w.waiverUntil, { expires: m.waiver.expires }) : ''}`);
  }
  for (const f of orderedFindings(m)) body.push(...findingLines(f, detail));
  for (const a of m.actions) body.push(`${INDENT}${fill(w.obligation, { action: a })}`);
  body.push(...modelWarningLines(m));
  return [...lines, ...body.map(escapeText)];
}

/** The model's analysis warnings not already reported as findings, one line each, with their location. */
export function modelWarningLines(m: ModelResult): string[] {
  return m.warnings.filter((w) => !isFindingWarning(w)).map((w) => `${INDENT}${words().levels.warning} ${w.code}: ${w.message}${warningAt(w)}`);
}

/** The fail-closed options that are relaxed to warn, for the policy line. */
export const relaxed = (r: CheckReport): string =>
  (['lineage', 'changes'] as const).filter((k) => r.policy[k] === 'warn').map((k) => `; ${k}: warn`).join('');

function profileLine(r: CheckReport): string | null {
  const p = r.profile;
  if (!p) return null;
  const w = words().profileParts;
  const parts: string[] = [];
  if (p.monthlyActiveUsers !== undefined) parts.push(fill(w.users, { n: groupDigits(p.monthlyActiveUsers) }));
  if (p.dailyActiveUsers !== undefined) parts.push(fill(w.dailyUsers, { n: groupDigits(p.dailyActiveUsers) }));
  if (p.monthlyRevenue) parts.push(fill(w.revenue, { amount: groupDigits(p.monthlyRevenue.amount), currency: p.monthlyRevenue.currency }));
  if (p.annualRevenue) parts.push(fill(w.annualRevenue, { amount: groupDigits(p.annualRevenue.amount), currency: p.annualRevenue.currency }));
  if (p.territories?.length) parts.push(fill(w.territories, { list: p.territories.join(', ') }));
  if (p.activities?.length) parts.push(fill(w.activities, { list: p.activities.join(', ') }));
  return fill(words().profile, { parts: parts.join('; ') || w.empty });
}

/** Tone of the first line. */
export function headlineTone(r: CheckReport): CheckTone {
  if (r.result === 'fail') return 'bad';
  return r.summary.waived || r.summary.warned ? 'caution' : 'good';
}

export function renderCheckText(r: CheckReport, opts: CheckTextOptions = {}): string {
  const detail = opts.detail ?? 'normal';
  const paint = opts.paint ?? ((_t: CheckTone, s: string) => s);
  const w = words();
  const s = r.summary;
  // every line may quote input (ids, card fields, paths, messages): control and format characters shown escaped
  const head = paint(headlineTone(r), escapeText(checkHeadline(r)));
  if (detail === 'quiet') return `${head}\n`;
  const out: string[] = [head];
  const top = [fill(w.root, { root: r.root })];
  top.push(fill(w.policy, { allow: r.policy.allow.join(', '), unknown: r.policy.unknown, relaxed: relaxed(r), config: r.config.path ?? w.defaultPolicy }));
  const prof = detail === 'verbose' ? profileLine(r) : null;
  if (prof) top.push(prof);
  if (r.config.note) top.push(fill(w.note, { note: r.config.note }));
  out.push(...top.map(escapeText), '');
  const n = (x: number) => String(x);
  out.push(fill(w.counts, { models: n(s.models), noun: noun(s.models), failed: n(s.failed), warned: n(s.warned), waived: n(s.waived), passed: n(s.passed) }));
  for (const m of r.models) out.push(...modelBlock(m, r.config.path ?? '--config', detail, paint));
  const tail: string[] = [];
  if (r.references.length) {
    tail.push('', fill(w.references, { count: n(s.references), unresolved: n(s.unresolved) }));
    for (const ref of r.references) {
      const extra = detail === 'verbose' ? ` [${ref.kind}]${ref.note ? ` ${ref.note}` : ''}` : '';
      tail.push(`  ${ref.file}:${ref.line}  ${ref.id}  ${ref.resolution}${ref.license ? ` (${ref.license})` : ''}${extra}`);
    }
  }
  if (r.warnings.length) {
    tail.push('', w.warnings);
    for (const x of r.warnings) tail.push(`  ${x.path ? `${x.path}${x.line ? `:${x.line}` : ''}: ` : ''}${x.message} [${x.code}]`);
  }
  out.push(...tail.map(escapeText));
  return `${out.join('\n')}\n`;
}
