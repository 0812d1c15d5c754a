/**
 * Findings from analysis warnings that must never pass silently (fail closed):
 *
 *   BASE_UNKNOWN             -> unknown-lineage     error, unless policy.unknown or policy.lineage is warn
 *   UNEXPLAINED_CHANGE       -> unexplained-change  error, unless policy.changes is warn
 *   TEMPLATE_TERM_REMOVED    -> unexplained-change  error, unless policy.changes is warn
 *   HIDDEN_CHARACTERS        -> hidden-characters   warning
 *
 * Each finding is located at the warning's own path and line (relative to the
 * scanned root). Pure functions of the analysis and the policy.
 */
import type { MessageCode } from '../message-codes.js';
import type { Analysis, Warning } from '../types.js';
import { policyMode, type Policy } from './config.js';
import type { Finding, Location, RuleId } from './report-schema.js';

/** Warning codes that a dedicated finding reports (the reports do not repeat them as plain warnings). */
export const WARNING_FINDING_RULES: Readonly<Partial<Record<MessageCode, RuleId>>> = {
  BASE_UNKNOWN: 'unknown-lineage',
  UNEXPLAINED_CHANGE: 'unexplained-change',
  TEMPLATE_TERM_REMOVED: 'unexplained-change',
  HIDDEN_CHARACTERS: 'hidden-characters',
};

export const CHANGE_CODES: ReadonlySet<MessageCode> = new Set<MessageCode>(['UNEXPLAINED_CHANGE', 'TEMPLATE_TERM_REMOVED']);

/** True when the warning is reported through a finding of its own. */
export const isFindingWarning = (w: Pick<Warning, 'code'>): boolean => w.code in WARNING_FINDING_RULES;

type Locate = (w: Warning) => Location | null;

function lineageFinding(w: Warning, policy: Policy, loc: Location | null): Finding {
  const relaxed = policy.unknown === 'warn' ? 'policy.unknown: warn' : policyMode(policy, 'lineage') === 'warn' ? 'policy.lineage: warn' : null;
  return {
    rule: 'unknown-lineage',
    level: relaxed ? 'warning' : 'error',
    message: `unknown lineage: ${w.message}; its terms cannot be checked, and a derivative is bound by them${relaxed ? ` (${relaxed})` : ''}`,
    fix: 'check the base model\'s license and add it to data/base-models.yaml (with its source), vendor the base model\'s LICENSE, add a waiver, or set policy.lineage: warn',
    location: loc,
    waived: false,
  };
}

function changeFinding(w: Warning, policy: Policy, loc: Location | null): Finding {
  const warn = policyMode(policy, 'changes') === 'warn';
  const what = w.code === 'TEMPLATE_TERM_REMOVED' ? 'a template term was removed' : 'an added passage carries no term oml recognises';
  return {
    rule: 'unexplained-change',
    level: warn ? 'warning' : 'error',
    message: `unexplained change (${what}): ${w.message}${warn ? ' (policy.changes: warn)' : ''}`,
    fix: 'have the changed license text reviewed, then record the decision as a waiver with a reason and an expiry date (or set policy.changes: warn)',
    location: loc,
    waived: false,
  };
}

function hiddenFinding(w: Warning, loc: Location | null): Finding {
  return {
    rule: 'hidden-characters',
    level: 'warning',
    message: `hidden characters in the license text: ${w.message}`,
    fix: 'look at the text with the format characters shown (or compare it with the publisher\'s copy): hidden or look-alike characters can change what a license says',
    location: loc,
    waived: false,
  };
}

/** One finding per fail-closed warning of the analysis, in warning order. */
export function warningFindings(a: Analysis, policy: Policy, locate: Locate): Finding[] {
  const out: Finding[] = [];
  for (const w of a.warnings) {
    const loc = locate(w);
    if (w.code === 'BASE_UNKNOWN') out.push(lineageFinding(w, policy, loc));
    else if (CHANGE_CODES.has(w.code)) out.push(changeFinding(w, policy, loc));
    else if (w.code === 'HIDDEN_CHARACTERS') out.push(hiddenFinding(w, loc));
  }
  return out;
}

/**
 * Whether an undecided commercial-use verdict must fail: it does when the
 * analysis also reports an unexplained change (unless policy.changes: warn) or
 * hidden characters (unless policy.unknown: warn), since then the undecided
 * verdict may be exactly what the change hides. Returns the codes that make it fail.
 */
export function undecidedVerdictFails(a: Analysis, policy: Policy): MessageCode[] {
  const codes = new Set<MessageCode>(a.warnings.map((w) => w.code));
  const out: MessageCode[] = [];
  if (policyMode(policy, 'changes') === 'fail') for (const c of CHANGE_CODES) if (codes.has(c)) out.push(c);
  if (policy.unknown === 'fail' && codes.has('HIDDEN_CHARACTERS')) out.push('HIDDEN_CHARACTERS');
  return out;
}
