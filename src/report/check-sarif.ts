/**
 * `oml check --format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule
 * per policy reason; one result per finding, located at the LICENSE line, the
 * card's `license:` line, the evidence line or the reference site that caused it.
 * Waived findings are kept as results with an external suppression.
 */
import type { CheckReport, Finding, ModelResult, RuleId } from '../policy/report-schema.js';
import { isFindingWarning } from '../policy/warning-findings.js';
import type { Warning } from '../types.js';
import { SARIF_MESSAGE_MAX, cap, escapeText } from './escape.js';
import { catalogWhere, findingMessage } from './finding-words.js';

/** GitHub code scanning rejects a run with more than 25,000 results; the last slot is a summary of what was left out. */
export const SARIF_MAX_RESULTS = 25_000;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULES: Record<RuleId, { name: string; short: string; full: string; level: 'error' | 'warning' }> = {
  'tier-not-allowed': { name: 'TierNotAllowed', short: 'Model license tier not allowed by policy', full: "The model's openness tier is not listed in policy.allow of oml.config.yaml.", level: 'error' },
  'license-required': { name: 'LicenseRequired', short: 'A separate license is required for this profile', full: 'A threshold of the license (users, revenue) is crossed by the profile: the licensor must grant a separate license.', level: 'error' },
  prohibited: { name: 'Prohibited', short: 'Use prohibited for this profile', full: 'The license does not allow the profile\'s use (non-commercial, research-only, territory, threshold).', level: 'error' },
  'unknown-license': { name: 'UnknownLicense', short: 'Model license unknown', full: 'No license could be identified for the model (no LICENSE file, unrecognised text, or an unresolvable model id).', level: 'error' },
  'expired-waiver': { name: 'ExpiredWaiver', short: 'Policy waiver expired', full: 'A waiver in oml.config.yaml has passed its expires date while the model still fails the policy.', level: 'error' },
  'license-conflict': { name: 'LicenseConflict', short: 'Conflicting license information', full: 'The LICENSE file, the model card and the base model disagree about the license (reported as a warning).', level: 'warning' },
  'verdict-unknown': { name: 'VerdictUnknown', short: 'Commercial use undecided', full: 'The commercial-use verdict could not be decided for the profile (missing profile data or unclear terms); an error when the analysis also reports an unexplained change or hidden characters.', level: 'warning' },
  'license-drift': { name: 'LicenseDrift', short: 'License changed since it was locked', full: "A license document of a model on the Hub no longer hashes to the one recorded in oml.lock: the license may have changed since it was vetted.", level: 'error' },
  'unknown-lineage': { name: 'UnknownLineage', short: 'Base model license unknown', full: 'The model card names a base model whose license oml does not know (data/base-models.yaml): the base terms bind the derivative and cannot be checked. A warning with policy.lineage: warn.', level: 'error' },
  'unexplained-change': { name: 'UnexplainedChange', short: 'License text changed in a way oml cannot account for', full: 'A known license template has an added passage in which no term is recognised, or a template term was removed. A warning with policy.changes: warn.', level: 'error' },
  'hidden-characters': { name: 'HiddenCharacters', short: 'Hidden or look-alike characters in a license text', full: 'The license text contains format characters (zero-width, bidi controls, soft hyphens) or mixed-script words, which can hide what it says.', level: 'warning' },
  'outside-root': { name: 'OutsideRoot', short: 'Path outside the scanned root', full: 'A symlink or a configured path resolves outside the scanned repository (and outside allowedRoots): it was not read, so the check cannot vouch for it.', level: 'error' },
  'unreadable-path': { name: 'UnreadablePath', short: 'A file or directory the scan could not read', full: 'A directory or a code/config file under the scanned root could not be read (permissions): models or model references in it cannot have been checked.', level: 'error' },
};

type ExtraRuleId = 'analysis-warning' | 'scan-warning';
/** SARIF-only rules: warnings that are not policy findings, shown as warning results. */
const EXTRA_RULES: Record<ExtraRuleId, { name: string; short: string; full: string; level: 'warning' }> = {
  'analysis-warning': { name: 'AnalysisWarning', short: 'Model analysis warning', full: 'Something odd found while analysing a model (a further license file, a card note, an unresolved declaration, ...). Reported only; see the message.', level: 'warning' },
  'scan-warning': { name: 'ScanWarning', short: 'Scan warning', full: 'Something the scan could not read or follow (an unreadable directory or file, a symlink loop, an unused waiver, ...). Reported only; see the message.', level: 'warning' },
};

/** The summary result of a run cut at SARIF_MAX_RESULTS (a SARIF-only rule, not a policy finding). */
const TRUNCATED = { name: 'ResultsTruncated', short: 'More results than one SARIF run may hold', full: `GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} results per run: the rest are counted in this result; the JSON and text reports list every finding.`, level: 'warning' as const };

const RULE_ORDER = [...Object.keys(RULES), ...Object.keys(EXTRA_RULES)] as Array<RuleId | ExtraRuleId>;
const ALL_RULES = { ...RULES, ...EXTRA_RULES };
type SarifRuleId = RuleId | ExtraRuleId | 'results-truncated';
const ruleInfo = (id: SarifRuleId) => (id === 'results-truncated' ? TRUNCATED : ALL_RULES[id]);

export interface SarifOptions {
  /** Prefix for artifact URIs (the scanned directory relative to the repository root), e.g. "services/api". */
  uriPrefix?: string;
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function physical(path: string, line: number | undefined, column: number | undefined, opts: SarifOptions): Record<string, unknown> {
  const prefix = opts.uriPrefix ? `${opts.uriPrefix.replace(/\/+$/, '')}/` : '';
  return { physicalLocation: { artifactLocation: { uri: encodeUri(prefix + path) }, region: { startLine: line ?? 1, ...(column ? { startColumn: column } : {}) } } };
}

/** A warning result for an analysis warning (model given) or a scan warning. */
function warningResult(w: Warning, m: ModelResult | null, opts: SarifOptions): Record<string, unknown> {
  const rule: ExtraRuleId = m ? 'analysis-warning' : 'scan-warning';
  return {
    ruleId: rule,
    ruleIndex: RULE_ORDER.indexOf(rule),
    level: 'warning',
    message: { text: cap(escapeText(`${m ? `${m.id}: ` : ''}${w.code}: ${w.message}`), SARIF_MESSAGE_MAX) },
    locations: w.path ? [physical(w.path, w.line, undefined, opts)] : [],
    partialFingerprints: { 'omlModel/v1': `${m?.id ?? '.'}:${w.code}:${w.path ?? ''}:${w.line ?? ''}` },
    properties: { code: w.code, ...(m ? { model: m.id } : {}) },
  };
}

/** Model warnings not reported as findings, then scan warnings. */
function warningResults(r: CheckReport, opts: SarifOptions): Array<Record<string, unknown>> {
  return [
    ...r.models.flatMap((m) => m.warnings.filter((w) => !isFindingWarning(w)).map((w) => warningResult(w, m, opts))),
    ...r.warnings.map((w) => warningResult(w, null, opts)),
  ];
}

/** ` "quote" [License name <url>, line N of the published text]` for the message (the quote at most QUOTE_MAX characters). */
function sarifEvidence(f: Finding): string {
  return `${f.quote ? ` "${f.quote}"` : ''}${f.catalog ? ` [${catalogWhere(f.catalog)}]` : ''}`;
}

/** Ends with a full stop (not a second one). */
const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/** The quoted sentence as the region's snippet, when it is at the finding's own file:line (not in a catalog text). */
function snippet(f: Finding): Record<string, unknown> {
  return f.quote && f.location && !f.catalog ? { snippet: { text: escapeText(f.quote) } } : {};
}

function result(r: CheckReport, m: ModelResult, f: Finding, opts: SarifOptions): Record<string, unknown> {
  const loc = f.location ?? (r.config.path ? { path: r.config.path, line: 1 } : null);
  const prefix = opts.uriPrefix ? `${opts.uriPrefix.replace(/\/+$/, '')}/` : '';
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex: RULE_ORDER.indexOf(f.rule),
    level: f.level,
    message: { text: cap(escapeText(`${m.id}: ${sentence(`${findingMessage(f)}${sarifEvidence(f)}`)} Fix: ${f.fix}`), SARIF_MESSAGE_MAX) },
    locations: loc
      ? [{ physicalLocation: { artifactLocation: { uri: encodeUri(prefix + loc.path) }, region: { startLine: loc.line, ...(loc.column ? { startColumn: loc.column } : {}), ...snippet(f) } } }]
      : [],
    partialFingerprints: { 'omlModel/v1': `${m.id}:${f.rule}` },
    properties: {
      model: m.id, tier: m.tier, license: m.license.id, verdict: m.verdict,
      ...(f.quote ? { quote: escapeText(f.quote) } : {}),
      ...(f.catalog ? { catalog: f.catalog } : {}),
    },
  };
  if (f.waived && m.waiver) out.suppressions = [{ kind: 'external', status: 'accepted', justification: m.waiver.reason }];
  return out;
}

/** At most SARIF_MAX_RESULTS results: errors first, then the rest; one summary result says how many were left out. */
function capResults(r: CheckReport, all: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  if (all.length <= SARIF_MAX_RESULTS) return all;
  const keep = SARIF_MAX_RESULTS - 1;
  const rank = (x: Record<string, unknown>) => (x.level === 'error' && !x.suppressions ? 0 : x.level === 'error' ? 1 : 2);
  const ordered = all.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i);
  const kept = ordered.slice(0, keep).sort((a, b) => a.i - b.i).map((e) => e.x);
  const left = all.length - keep;
  const errorsLeft = ordered.slice(keep).filter((e) => e.x.level === 'error').length;
  kept.push({
    ruleId: 'results-truncated',
    ruleIndex: RULE_ORDER.length, // the truncation rule is appended after the other rules
    level: errorsLeft ? 'error' : 'warning',
    message: { text: `${left} more result(s) (${errorsLeft} of them errors) are not listed: SARIF uploads are limited to ${SARIF_MAX_RESULTS} results per run. The check ${r.result === 'pass' ? 'passed' : 'failed'}; see the JSON or text report for every finding.` },
    locations: r.config.path ? [{ physicalLocation: { artifactLocation: { uri: encodeUri(r.config.path) }, region: { startLine: 1 } } }] : [],
    partialFingerprints: { 'omlModel/v1': 'results-truncated' },
    properties: { omitted: left, omittedErrors: errorsLeft },
  });
  return kept;
}

export function renderCheckSarif(r: CheckReport, opts: SarifOptions = {}): string {
  const results = capResults(r, [...r.models.flatMap((m) => m.findings.map((f) => result(r, m, f, opts))), ...warningResults(r, opts)]);
  const truncated = results.length === SARIF_MAX_RESULTS && results[results.length - 1]!.ruleId === 'results-truncated';
  const ruleIds: SarifRuleId[] = truncated ? [...RULE_ORDER, 'results-truncated'] : RULE_ORDER;
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oml',
            version: r.tool.version,
            informationUri: 'https://www.npmjs.com/package/open-model-license',
            rules: ruleIds.map((id) => ({
              id,
              name: ruleInfo(id).name,
              shortDescription: { text: ruleInfo(id).short },
              fullDescription: { text: ruleInfo(id).full },
              defaultConfiguration: { level: ruleInfo(id).level },
              help: { text: `${ruleInfo(id).full} See the oml check section of the README (config, waivers).` },
            })),
          },
        },
        results,
        properties: { result: r.result, summary: r.summary },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
