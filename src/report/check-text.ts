/**
 * `oml check` text report: a verdict line, then one line per model (failures
 * first) with its reason and fix; further findings indented below it.
 */
import type { CheckReport, Finding, ModelResult } from '../policy/report-schema.js';
import { isFindingWarning } from '../policy/warning-findings.js';
import type { Warning } from '../types.js';
import { escapeText } from './escape.js';

const LABEL: Record<ModelResult['status'], string> = { fail: 'FAIL  ', warn: 'WARN  ', waived: 'WAIVED', pass: 'PASS  ' };

const at = (f: Finding) => (f.location ? ` (${f.location.path}:${f.location.line})` : '');

function licenseLabel(m: ModelResult): string {
  const l = m.license;
  const name = l.id ?? l.name ?? 'unknown license';
  return `${name}, ${m.tier}${m.score !== null ? ` ${m.score}` : ''}${m.verdict ? `, ${m.verdict}` : ''}`;
}

/** The finding that explains the status: first unwaived error, else first waived, else first warning. */
export function primaryFinding(m: ModelResult): Finding | null {
  return m.findings.find((f) => f.level === 'error' && !f.waived) ?? m.findings.find((f) => f.waived) ?? m.findings[0] ?? null;
}

function modelLine(m: ModelResult): string[] {
  const head = `${LABEL[m.status]} ${m.id}${m.source === 'reference' ? ' (referenced)' : ''} [${licenseLabel(m)}]`;
  const p = primaryFinding(m);
  const lines: string[] = [];
  if (!p) {
    const obligations = m.actions.length ? ` — obligations: ${m.actions.join('; ')}` : '';
    lines.push(`${head}${obligations}`);
  } else if (m.status === 'waived') {
    lines.push(`${head} — ${p.rule}: ${escapeText(p.message)}${at(p)} — waived: ${m.waiver?.reason}${m.waiver?.expires ? ` (until ${m.waiver.expires})` : ''}`);
  } else {
    lines.push(`${head} — ${p.rule}: ${escapeText(p.message)}${at(p)} — fix: ${p.fix}`);
  }
  for (const f of m.findings) {
    if (f === p) continue;
    lines.push(`         ${f.level === 'error' ? (f.waived ? 'waived' : 'error') : 'warning'} ${f.rule}: ${escapeText(f.message)}${at(f)}`);
  }
  lines.push(...modelWarningLines(m));
  return lines;
}

const warningAt = (w: Warning) => (w.path ? ` (${escapeText(w.path)}${w.line ? `:${w.line}` : ''})` : '');

/** The model's analysis warnings not already reported as findings, one line each, with their location. */
export function modelWarningLines(m: ModelResult): string[] {
  return m.warnings.filter((w) => !isFindingWarning(w)).map((w) => `         warning ${escapeText(w.code)}: ${escapeText(w.message)}${warningAt(w)}`);
}

/** The fail-closed options that are relaxed to warn, for the policy line. */
export const relaxed = (r: CheckReport): string =>
  (['lineage', 'changes'] as const).filter((k) => r.policy[k] === 'warn').map((k) => `; ${k}: warn`).join('');

export function renderCheckText(r: CheckReport): string {
  const s = r.summary;
  const out: string[] = [];
  out.push(`oml check: ${r.result === 'pass' ? 'PASS' : 'FAIL'} — ${s.models} model(s): ${s.failed} failed, ${s.warned} warned, ${s.waived} waived, ${s.passed} passed`);
  out.push(`policy: allow ${r.policy.allow.join(', ')}; unknown: ${r.policy.unknown}${relaxed(r)}${r.config.path ? ` (${r.config.path})` : ' (default policy)'}`);
  if (r.config.note) out.push(`note: ${r.config.note}`);
  out.push('');
  if (!r.models.length) out.push('no models found (no model folders and no model ids referenced in code)');
  for (const m of r.models) out.push(...modelLine(m));
  if (r.references.length) {
    out.push('', `model references in code (${s.references}, ${s.unresolved} unresolved):`);
    for (const ref of r.references) out.push(`  ${ref.file}:${ref.line}  ${ref.id}  ${ref.resolution}${ref.license ? ` (${ref.license})` : ''}`);
  }
  if (r.warnings.length) {
    out.push('', 'warnings:');
    for (const w of r.warnings) out.push(`  ${w.path ? `${w.path}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message} [${w.code}]`);
  }
  // every line may quote input (ids, card fields, paths, messages): control and format characters shown escaped
  return `${out.map(escapeText).join('\n')}\n`;
}
