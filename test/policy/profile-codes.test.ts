/**
 * Profiles are validated (issue 10, item 6): territories ISO 3166-1 alpha-2 (or a
 * region of data/regions.yaml), currencies ISO 4217, activities from the list;
 * in oml.config.yaml (exit 2 naming field and line) and --profile FILE.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { currencyProblem, profileProblems, territoryProblem } from '../../src/assess/profile-codes.js';
import { runCheck } from '../../src/cli/check.js';
import { loadProfile } from '../../src/cli/profile.js';
import { parseConfig } from '../../src/policy/config.js';
import { checkDirectory } from '../../src/policy/run.js';
import { OmlError } from '../../src/errors.js';

const CORPUS = join(__dirname, '../../../shared/corpus');
const base = mkdtempSync(join(tmpdir(), 'oml-profile-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const err = (f: () => unknown): OmlError => {
  try {
    f();
  } catch (e) {
    return e as OmlError;
  }
  throw new Error('no error thrown');
};

describe('territory and currency codes', () => {
  it('accepts alpha-2 codes in any case and the regions of regions.yaml', () => {
    for (const t of ['DE', 'us', 'GB', 'KR', 'EU', 'EEA', 'UK', 'eu']) expect(territoryProblem(t), t).toBeNull();
    expect(currencyProblem('USD')).toBeNull();
    expect(currencyProblem('EUR')).toBeNull();
  });

  it('refuses names, alpha-3 codes and made-up codes, suggesting the alpha-2 code', () => {
    expect(territoryProblem('Germany')).toMatch(/"Germany" is not an ISO 3166-1 alpha-2 country code: write DE/);
    expect(territoryProblem('DEU')).toMatch(/write DE/);
    expect(territoryProblem('United States of America')).toMatch(/write US/);
    expect(territoryProblem('XX')).toMatch(/"XX" is not an ISO 3166-1 alpha-2/);
    expect(territoryProblem('XX')).not.toMatch(/write/);
    expect(territoryProblem('Europe')).toMatch(/region: EU, EEA, UK/);
  });

  it('refuses currencies that are not ISO 4217 (lower case gets the spelling to use)', () => {
    expect(currencyProblem('usd')).toMatch(/"usd" is not an ISO 4217 currency code: write USD/);
    expect(currencyProblem('XYZ')).toMatch(/"XYZ" is not an ISO 4217/);
    expect(currencyProblem('BTC')).toMatch(/not an ISO 4217/);
  });

  it('names the field of each problem', () => {
    expect(profileProblems({ territories: ['DE', 'Frankreich'], activities: [], annualRevenue: { amount: 1, currency: 'EUX' } }).map((p) => p.path))
      .toEqual([['territories', 1], ['annualRevenue', 'currency']]);
  });
});

describe('oml.config.yaml profile', () => {
  const cfg = (profile: string) => `policy:\n  allow: [open-weight-permissive]\nprofile:\n${profile}`;
  it('territories: [Germany] is an error naming the field, the line and DE', () => {
    const e = err(() => parseConfig(cfg('  activities: [serve]\n  territories: [Germany]\n'), 'oml.config.yaml'));
    expect(e.code).toBe('CONFIG');
    expect(e.message).toBe('oml.config.yaml:5: profile.territories[0]: "Germany" is not an ISO 3166-1 alpha-2 country code: write DE (or a region: EU, EEA, UK)');
  });

  it('a bad currency and an unknown activity are errors with their lines', () => {
    const cur = err(() => parseConfig(cfg('  monthlyRevenue: { amount: 10, currency: usd }\n'), 'c.yaml'));
    expect(cur.message).toMatch(/^c\.yaml:4: profile\.monthlyRevenue\.currency: "usd" is not an ISO 4217 currency code: write USD/);
    const act = err(() => parseConfig(cfg('  territories: [DE]\n  activities: [serve, resell]\n'), 'c.yaml'));
    expect(act.message).toMatch(/^c\.yaml:5: profile\.activities\[1\]: expected one of internal-use\|serve/);
  });

  it('valid codes load unchanged', () => {
    expect(parseConfig(cfg('  territories: [DE, eu]\n  monthlyRevenue: { amount: 10, currency: EUR }\n'), 'c.yaml').config.profile)
      .toEqual({ territories: ['DE', 'eu'], activities: [], monthlyRevenue: { amount: 10, currency: 'EUR' } });
  });

  it('end to end: [Germany] on a license that excludes the EU exits 2 instead of ALLOWED; [DE] is prohibited', async () => {
    const root = join(base, 'eu');
    mkdirSync(join(root, 'models/l32'), { recursive: true });
    copyFileSync(join(CORPUS, 'licenses/llama-3.2-community-license.txt'), join(root, 'models/l32/LICENSE'));
    copyFileSync(join(CORPUS, 'licenses/llama-3.2-acceptable-use-policy.txt'), join(root, 'models/l32/USE_POLICY.md'));
    const config = (t: string) => `profile:\n  monthlyActiveUsers: 1000\n  territories: [${t}]\n  activities: [serve]\npolicy:\n  allow: [open-source, open-weight-permissive, open-weight-conditional, open-weight-restricted]\n`;
    writeFileSync(join(root, 'oml.config.yaml'), config('Germany'));
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { stderr += String(c); return true; });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await runCheck([root])).toBe(2);
    vi.restoreAllMocks();
    expect(stderr).toContain('oml.config.yaml:3: profile.territories[0]: "Germany" is not an ISO 3166-1 alpha-2 country code: write DE');

    writeFileSync(join(root, 'oml.config.yaml'), config('DE'));
    const r = await checkDirectory(root);
    expect(r.models[0]!.verdict).toBe('prohibited');
    expect(r.result).toBe('fail');
  });
});

describe('--profile FILE', () => {
  it('validates a bare profile and a config with profile:, naming field and line', async () => {
    const bare = join(base, 'p.yaml');
    writeFileSync(bare, 'monthlyActiveUsers: 5\nterritories:\n  - US\n  - Deutschland\n');
    await expect(loadProfile(bare)).rejects.toThrow(`${bare}:4: invalid profile: territories[1]: "Deutschland" is not an ISO 3166-1 alpha-2 country code`);
    const nested = join(base, 'c.yaml');
    writeFileSync(nested, 'policy: { allow: [closed] }\nprofile:\n  annualRevenue: { amount: 5, currency: DOLLARS }\n');
    await expect(loadProfile(nested)).rejects.toThrow(/c\.yaml:3: invalid profile: .*profile\.annualRevenue\.currency: "DOLLARS" is not an ISO 4217/);
    writeFileSync(bare, 'territories: [US, EU]\nactivities: [serve]\n');
    await expect(loadProfile(bare)).resolves.toEqual({ territories: ['US', 'EU'], activities: ['serve'] });
  });
});
