/**
 * `oml check --format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule
 * per policy reason; one result per finding, located at the LICENSE line, the
 * card's `license:` line, the evidence line or the reference site that caused it.
 * Waived findings are kept as results with an external suppression.
 */
import type { CheckReport, Finding, ModelResult, RuleId } from '../policy/report-schema.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULES: Record<RuleId, { name: string; short: string; full: string; level: 'error' | 'warning' }> = {
  'tier-not-allowed': { name: 'TierNotAllowed', short: 'Model license tier not allowed by policy', full: "The model's openness tier is not listed in policy.allow of oml.config.yaml.", level: 'error' },
  'license-required': { name: 'LicenseRequired', short: 'A separate license is required for this profile', full: 'A threshold of the license (users, revenue) is crossed by the profile: the licensor must grant a separate license.', level: 'error' },
  prohibited: { name: 'Prohibited', short: 'Use prohibited for this profile', full: 'The license does not allow the profile\'s use (non-commercial, research-only, territory, threshold).', level: 'error' },
  'unknown-license': { name: 'UnknownLicense', short: 'Model license unknown', full: 'No license could be identified for the model (no LICENSE file, unrecognised text, or an unresolvable model id).', level: 'error' },
  'expired-waiver': { name: 'ExpiredWaiver', short: 'Policy waiver expired', full: 'A waiver in oml.config.yaml has passed its expires date while the model still fails the policy.', level: 'error' },
  'license-conflict': { name: 'LicenseConflict', short: 'Conflicting license information', full: 'The LICENSE file, the model card and the base model disagree about the license (reported as a warning).', level: 'warning' },
  'outside-root': { name: 'OutsideRoot', short: 'Path outside the scanned root', full: 'A symlink or a configured path resolves outside the scanned repository (and outside allowedRoots): it was not read, so the check cannot vouch for it.', level: 'error' },
  'verdict-unknown': { name: 'VerdictUnknown', short: 'Commercial use undecided', full: 'The commercial-use verdict could not be decided for the profile (missing profile data or unclear terms).', level: 'warning' },
};

const RULE_ORDER = Object.keys(RULES) as RuleId[];

export interface SarifOptions {
  /** Prefix for artifact URIs (the scanned directory relative to the repository root), e.g. "services/api". */
  uriPrefix?: string;
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function result(r: CheckReport, m: ModelResult, f: Finding, opts: SarifOptions): Record<string, unknown> {
  const loc = f.location ?? (r.config.path ? { path: r.config.path, line: 1 } : null);
  const prefix = opts.uriPrefix ? `${opts.uriPrefix.replace(/\/+$/, '')}/` : '';
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex: RULE_ORDER.indexOf(f.rule),
    level: f.level,
    message: { text: `${m.id}: ${f.message}. Fix: ${f.fix}` },
    locations: loc
      ? [{ physicalLocation: { artifactLocation: { uri: encodeUri(prefix + loc.path) }, region: { startLine: loc.line, ...(loc.column ? { startColumn: loc.column } : {}) } } }]
      : [],
    partialFingerprints: { 'omlModel/v1': `${m.id}:${f.rule}` },
    properties: { model: m.id, tier: m.tier, license: m.license.id, verdict: m.verdict },
  };
  if (f.waived && m.waiver) out.suppressions = [{ kind: 'external', status: 'accepted', justification: m.waiver.reason }];
  return out;
}

export function renderCheckSarif(r: CheckReport, opts: SarifOptions = {}): string {
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
            rules: RULE_ORDER.map((id) => ({
              id,
              name: RULES[id].name,
              shortDescription: { text: RULES[id].short },
              fullDescription: { text: RULES[id].full },
              defaultConfiguration: { level: RULES[id].level },
              help: { text: `${RULES[id].full} See the oml check section of the README (config, waivers).` },
            })),
          },
        },
        results: r.models.flatMap((m) => m.findings.map((f) => result(r, m, f, opts))),
        properties: { result: r.result, summary: r.summary },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
