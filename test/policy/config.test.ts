import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OmlError } from '../../src/errors.js';
import { loadConfig, parseConfig, DEFAULT_POLICY } from '../../src/policy/config.js';

const err = (text: string): OmlError => {
  try {
    parseConfig(text, 'oml.config.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(OmlError);
    return e as OmlError;
  }
  throw new Error('expected a config error');
};

describe('parseConfig', () => {
  it('accepts the minimal shape from DESIGN plus a waiver', () => {
    const c = parseConfig([
      'profile:',
      '  monthlyActiveUsers: 2500000',
      '  monthlyRevenue: { amount: 400000, currency: USD }',
      '  territories: [US, DE]',
      '  activities: [serve, fine-tune]',
      'policy:',
      '  allow: [open-source, open-weight-permissive]',
      '  unknown: warn',
      'models:',
      '  - path: vendor/models/kimi',
      'waivers:',
      '  - model: models/demo',
      '    reason: research demo',
      '    expires: 2026-12-31',
    ].join('\n'), 'oml.config.yaml');
    expect(c.config.profile?.monthlyActiveUsers).toBe(2500000);
    expect(c.config.policy).toEqual({ allow: ['open-source', 'open-weight-permissive'], unknown: 'warn' });
    expect(c.config.models).toEqual([{ path: 'vendor/models/kimi' }]);
    expect(c.config.waivers[0]!.expires).toBe('2026-12-31');
    expect(c.waiverLines).toEqual([12]);
  });

  it('defaults unknown to fail', () => {
    expect(parseConfig('policy:\n  allow: [closed]\n', 'f').config.policy.unknown).toBe('fail');
  });

  it('names the field for a bad enum value, with its line', () => {
    const e = err('policy:\n  allow: [open-source]\n  unknown: maybe\n');
    expect(e.code).toBe('CONFIG');
    expect(e.message).toContain('policy.unknown: expected one of fail|warn');
    expect(e.line).toBe(3);
  });

  it('names a bad tier inside the allow list', () => {
    const e = err('policy:\n  allow: [open-source, free-ish]\n');
    expect(e.message).toContain('policy.allow[1]: expected one of open-source|');
  });

  it('names unknown keys (typos)', () => {
    expect(err('policy:\n  allow: [open-source]\n  alow: [closed]\n').message).toContain('policy.alow: unknown field');
    expect(err('policy:\n  allow: [open-source]\nwaiver: []\n').message).toContain('waiver: unknown field');
  });

  it('requires policy', () => {
    expect(err('profile: {}\n').message).toContain('policy: required');
  });

  it('validates waivers: reason required, date format and calendar', () => {
    expect(err('policy: { allow: [closed] }\nwaivers:\n  - model: m\n').message).toContain('waivers[0].reason');
    expect(err('policy: { allow: [closed] }\nwaivers:\n  - { model: m, reason: r, expires: 31/12/2026 }\n').message).toContain('waivers[0].expires: expected a date YYYY-MM-DD');
    expect(err('policy: { allow: [closed] }\nwaivers:\n  - { model: m, reason: r, expires: 2026-02-30 }\n').message).toContain('waivers[0].expires: not a calendar date');
  });

  it('validates the profile with the shared ProfileSchema', () => {
    expect(err('policy: { allow: [closed] }\nprofile:\n  activities: [sell]\n').message).toContain('profile.activities[0]: expected one of');
    expect(err('policy: { allow: [closed] }\nprofile:\n  monthlyActiveUsers: lots\n').message).toContain('profile.monthlyActiveUsers: expected number');
  });

  it('validates limits', () => {
    expect(err('policy: { allow: [closed] }\nlimits: { maxDepth: -1 }\n').message).toContain('limits.maxDepth');
  });

  it('broken YAML names the file and line', () => {
    const e = err('policy:\n  allow: [open-source\n  unknown: fail\n');
    expect(e.code).toBe('YAML');
    expect(e.file).toBe('oml.config.yaml');
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.message).toMatch(/^oml\.config\.yaml:\d+: invalid YAML/);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'policy: { allow: [closed] }',
    ].join('\n');
    expect(err(bomb).code).toBe('YAML_ALIAS');
  });

  it('an empty file is a config error', () => {
    expect(err('').code).toBe('CONFIG');
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oml-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('falls back to the documented default policy with a note', async () => {
    const c = await loadConfig(dir);
    expect(c.path).toBeNull();
    expect(c.config.policy).toEqual(DEFAULT_POLICY);
    expect(c.note).toMatch(/default policy/);
  });

  it('reads oml.config.yaml from the directory, or --config', async () => {
    writeFileSync(join(dir, 'oml.config.yaml'), 'policy: { allow: [closed] }\n');
    writeFileSync(join(dir, 'other.yaml'), 'policy: { allow: [open-source] }\n');
    expect((await loadConfig(dir)).config.policy.allow).toEqual(['closed']);
    expect((await loadConfig(dir, join(dir, 'other.yaml'))).config.policy.allow).toEqual(['open-source']);
  });

  it('a missing --config file is an error', async () => {
    await expect(loadConfig(dir, join(dir, 'nope.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('examples', () => {
  const repoRoot = join(__dirname, '../..');
  it('examples/oml.config.yaml is a valid config with a waiver', async () => {
    const { readFileSync } = await import('node:fs');
    const c = parseConfig(readFileSync(join(repoRoot, 'examples/oml.config.yaml'), 'utf8'), 'examples/oml.config.yaml');
    expect(c.config.policy.unknown).toBe('fail');
    expect(c.config.profile?.activities).toEqual(['serve', 'fine-tune']);
    expect(c.config.waivers[0]).toMatchObject({ model: 'models/research-demo', expires: '2026-12-31' });
  });
  it('the GitHub Actions example uploads SARIF and writes the job summary', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const wf = parse(readFileSync(join(repoRoot, 'examples/github-actions/oml-check.yml'), 'utf8'));
    const steps = wf.jobs['oml-check'].steps as Array<{ uses?: string; run?: string; with?: Record<string, string> }>;
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.sarif_file).toBe('oml.sarif');
    expect(steps.some((s) => s.run?.includes('--format sarif --output oml.sarif'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('--format markdown') && s.run.includes('$GITHUB_STEP_SUMMARY'))).toBe(true);
  });
});
