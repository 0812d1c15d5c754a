/**
 * `oml analyze --profile` and `oml check` agree on every model folder of
 * examples/: the same verdict, and the same tier; where check fails a model as
 * unknown-license (tier unknown), analyze shows the NEEDS REVIEW caution under
 * its headline, never a clean verdict. (The Hub models examples/demo-repo
 * references by id are left out: analyze reads them from the Hub or its cache only.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { needsReview } from '../../src/report/analysis-text.js';
import type { Analysis } from '../../src/types.js';
import type { CheckReport } from '../../src/policy/report-schema.js';
import { REPO, oml } from './helpers.js';

const PROFILE = 'examples/profile.yaml';

/** Scans of examples/: each folder oml check is run on, with the config it uses. */
function scans(): Array<{ root: string; config?: string }> {
  // examples/acme-model has no config of its own: the same profile, the policy of examples/oml.config.yaml
  const tmp = mkdtempSync(join(tmpdir(), 'oml-agree-'));
  const policy = (parse(readFileSync(join(REPO, 'examples/oml.config.yaml'), 'utf8')) as { policy: unknown }).policy;
  const config = join(tmp, 'oml.config.yaml');
  writeFileSync(config, JSON.stringify({ profile: parse(readFileSync(join(REPO, PROFILE), 'utf8')), policy }));
  return [{ root: 'examples/demo-repo' }, { root: 'examples/acme-model', config }];
}

describe('oml analyze and oml check agree on the models of examples/', () => {
  it('same verdict and tier, or check unknown-license <=> analyze NEEDS REVIEW', () => {
    const profile = parse(readFileSync(join(REPO, PROFILE), 'utf8')) as unknown;
    let compared = 0;
    for (const s of scans()) {
      const c = oml(['check', s.root, '--format', 'json', ...(s.config ? ['--config', s.config] : [])]);
      expect(c.status, c.stderr).toBeLessThan(2);
      const report = JSON.parse(c.stdout) as CheckReport;
      expect(report.profile).toEqual(profile);
      for (const m of report.models.filter((x) => x.source !== 'reference')) {
        const path = relative(REPO, join(REPO, s.root, m.id)) || s.root;
        const a = oml(['analyze', path, '--json', '--profile', PROFILE]);
        expect(a.status, a.stderr).toBe(0);
        const [analysis] = JSON.parse(a.stdout) as Analysis[];
        const text = oml(['analyze', path, '--profile', PROFILE]).stdout.split('\n');
        expect(analysis!.commercialUse?.verdict, `${path}: verdict`).toBe(m.verdict);
        const unknownInCheck = m.findings.some((f) => f.rule === 'unknown-license');
        if (unknownInCheck) {
          expect(m.tier).toBe('unknown');
          expect(needsReview(analysis!), `${path}: check fails it as unknown-license`).toBe(true);
          expect(text[2], `${path}: the caution right under the headline`).toMatch(/^ {2}NEEDS REVIEW: /);
        } else {
          expect(analysis!.openness.tier, `${path}: tier`).toBe(m.tier);
          expect(needsReview(analysis!)).toBe(false);
        }
        compared++;
      }
    }
    expect(compared).toBe(3);
  });
});
