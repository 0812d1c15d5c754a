/** `oml check --format markdown`: a PR comment / GitHub job summary with one table row per model. */
import type { CheckReport, Finding, ModelResult } from '../policy/report-schema.js';
import { isFindingWarning } from '../policy/warning-findings.js';
import { orderedFindings, primaryFinding, relaxed } from './check-text.js';
import { mdCode, mdText } from './escape.js';
import { catalogWhere, findingMessage } from './finding-words.js';
import { shorten } from './term-lines.js';

const ICON: Record<ModelResult['status'], string> = { fail: '❌ fail', warn: '⚠️ warn', waived: '🟡 waived', pass: '✅ pass' };

/** Untrusted text in a table cell or list item: no markdown construct can be formed from it (see escape.ts). */
export const cell = mdText;

export function renderCheckMarkdown(r: CheckReport): string {
  const s = r.summary;
  const out: string[] = [];
  out.push(`## oml check: ${r.result === 'pass' ? '✅ pass' : '❌ fail'}`, '');
  out.push(`${s.models} model(s): **${s.failed} failed**, ${s.warned} warned, ${s.waived} waived, ${s.passed} passed. Policy: allow \`${r.policy.allow.join('`, `')}\`; unknown: \`${r.policy.unknown}\`${relaxed(r)}${r.config.path ? ` (${mdCode(r.config.path, false)})` : ' (default policy)'}.`, '');
  if (r.config.note) out.push(`> ${cell(r.config.note)}`, '');
  if (r.models.length) {
    out.push('| Status | Model | License | Tier | Verdict | Reason | Fix |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const m of r.models) {
      const p = primaryFinding(m);
      const where = p?.location ? ` (${mdCode(`${p.location.path}:${p.location.line}`)})` : '';
      const reason = p ? `${p.rule}: ${cell(findingMessage(p))}${mdEvidence(p)}${where}` : '';
      const fix = m.status === 'waived' ? `waived: ${cell(m.waiver?.reason ?? '')}${m.waiver?.expires ? ` (until ${m.waiver.expires})` : ''}` : p ? cell(p.fix) : m.actions.length ? cell(m.actions.join('; ')) : '';
      out.push(`| ${ICON[m.status]} | ${mdCode(m.id)}${m.source === 'reference' ? ' (ref)' : ''} | ${cell(m.license.id ?? m.license.name ?? 'unknown')} | ${m.tier} | ${m.verdict ?? '—'} | ${reason} | ${fix} |`);
    }
    out.push('');
    out.push(...modelDetails(r.models));
  } else {
    out.push('No models found.', '');
  }
  if (r.references.length) {
    out.push(`<details><summary>Model references in code (${s.references}, ${s.unresolved} unresolved)</summary>`, '', '| Location | Model id | Resolution |', '| --- | --- | --- |');
    for (const ref of r.references) out.push(`| ${mdCode(`${ref.file}:${ref.line}`)} | ${mdCode(ref.id)} | ${ref.resolution}${ref.license ? ` (${cell(ref.license)})` : ''} |`);
    out.push('', '</details>', '');
  }
  if (r.warnings.length) {
    out.push('<details><summary>Warnings</summary>', '');
    for (const w of r.warnings) out.push(`- ${w.path ? `${mdCode(`${w.path}${w.line ? `:${w.line}` : ''}`, false)}: ` : ''}${cell(w.message)}`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}`;
}

/** ` "quoted sentence…" (License name <url>, line N of the published text)`: the quote shortened with an ellipsis, escaped. */
export function mdEvidence(f: Pick<Finding, 'quote' | 'catalog'>): string {
  const quote = f.quote ? ` "${mdText(shorten(f.quote))}"` : '';
  return `${quote}${f.catalog ? ` (${mdText(catalogWhere(f.catalog))})` : ''}`;
}

const mdAt = (path: string | undefined, line: number | undefined) => (path ? ` (${mdCode(`${path}${line ? `:${line}` : ''}`, false)})` : '');

/**
 * Every finding the table row does not show, and every analysis warning of
 * each model (those not reported as findings), with its location.
 */
export function modelDetails(models: ModelResult[]): string[] {
  const items: string[] = [];
  for (const m of models) {
    const p = primaryFinding(m);
    // the deciding reason is in the table row; the others follow in the same order as the text report
    for (const f of orderedFindings(m)) {
      if (f === p) continue;
      const level = f.level === 'error' ? (f.waived ? 'waived' : '**error**') : 'warning';
      items.push(`- ${mdCode(m.id, false)} ${level} ${f.rule}: ${mdText(findingMessage(f))}${mdEvidence(f)}${mdAt(f.location?.path, f.location?.line)}`);
    }
    for (const w of m.warnings) {
      if (isFindingWarning(w)) continue;
      items.push(`- ${mdCode(m.id, false)} warning ${mdText(w.code)}: ${mdText(w.message)}${mdAt(w.path, w.line)}`);
    }
  }
  return items.length ? ['### Further findings and warnings', '', ...items, ''] : [];
}
