/**
 * Issue 18: the whole-license blind set. Made-up licenses written from DESIGN.md's definitions only
 * (test/blind/licenses/, README.md section "Whole-license blind set") go whole through the public analyzeText;
 * term recall / precision, thresholds exact, fields exact and tier per license and in total are printed and written
 * to test/blind/licenses/REPORT.md. A ratchet (baseline.json, BLIND_UPDATE=1 to raise it) and checks of the
 * harness itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { loadVocabulary, type Vocabulary } from './cases.js';
import { LICENSES_DIR, auditLicenses, loadLicenses, pairingProblems, parseExpectation, type BlindLicense } from './licenses/load.js';
import { renderLicenseConsole, renderLicenseReport } from './licenses/report.js';
import { licenseRatchet, scoreLicense, scoreSet, toLicenseBaseline, type LicenseBaseline, type LicenseRun } from './licenses/score.js';

const BASELINE = join(LICENSES_DIR, 'baseline.json');
const REPORT = join(LICENSES_DIR, 'REPORT.md');
const UPDATE = process.env.BLIND_UPDATE === '1';

const vocab = loadVocabulary();
const licenses = loadLicenses();

function runEngine(l: BlindLicense): LicenseRun {
  const result = analyzeText({ path: l.path, text: l.text, encoding: 'utf-8', bytes: Buffer.byteLength(l.text), warnings: [] });
  return { terms: result.terms.filter((t) => t.origin === 'text'), tier: result.openness.tier };
}

describe('whole-license blind set: the harness', () => {
  it('every license has its expectation and every expectation names vocabulary terms', () => {
    expect(licenses.length).toBeGreaterThanOrEqual(16);
    expect(auditLicenses(licenses, vocab)).toEqual([]);
  });

  it('names a text without an expectation and an expectation without a text', () => {
    expect(pairingProblems(['a.txt', 'a.yaml', 'b.txt', 'c.yaml', 'README.md']))
      .toEqual(['b.txt has no b.yaml', 'c.yaml has no c.txt']);
  });

  it('refuses an expectation without a tier, naming the file', () => {
    expect(() => parseExpectation('x.yaml', 'present: [{kind: permission, name: use}]\n')).toThrow(/^x\.yaml: tier/);
    expect(() => parseExpectation('y.yaml', 'tier: open-ish\npresent: [{kind: permission, name: use}]\n')).toThrow(/^y\.yaml: tier/);
    expect(() => parseExpectation('z.yaml', 'tier: closed\npresent: [x\n')).toThrow(/^z\.yaml: not valid YAML/);
    expect(() => parseExpectation('w.yaml', 'tier: closed\npresent: [{kind: permission, name: use, extra: 1}]\n')).toThrow(/^w\.yaml: present\.0/);
  });

  it('the audit names a non-vocabulary term, a kind mismatch, a duplicate and an unpaired threshold', () => {
    const v: Vocabulary = { ...vocab, kindOf: new Map([['use', 'permission'], ['revenue', 'threshold']]) };
    const l: BlindLicense = {
      slug: 'bad', path: 'LICENSE', text: 'x', tier: 'closed',
      present: [{ kind: 'obligation', name: 'use' }, { kind: 'permission', name: 'zzz' }, { kind: 'permission', name: 'zzz' },
        { kind: 'threshold', name: 'revenue' }],
      thresholds: [{ metric: 'visits', value: 1 }],
    };
    const problems = auditLicenses([l], v).join('\n');
    expect(problems).toMatch(/bad\.yaml: use has kind obligation, vocabulary says permission/);
    expect(problems).toMatch(/bad\.yaml: "zzz" is not a vocabulary term/);
    expect(problems).toMatch(/bad\.yaml: zzz listed twice/);
    expect(problems).toMatch(/bad\.yaml: threshold visits is not in present/);
    expect(problems).toMatch(/bad\.yaml: present threshold revenue has no entry in thresholds/);
  });

  it('scores found, missed, false positives, thresholds exact, fields and tier on a hand-made license', () => {
    const l: BlindLicense = {
      slug: 'hand', path: 'LICENSE', text: 'x', tier: 'open-weight-conditional',
      present: [{ kind: 'permission', name: 'use' }, { kind: 'obligation', name: 'attribution-display', text: 'Made with X' },
        { kind: 'threshold', name: 'revenue' }, { kind: 'other', name: 'governing-law' }],
      thresholds: [{ metric: 'revenue', value: 1e6, comparator: '>', period: 'year', currency: 'USD' }],
    };
    const s = scoreLicense(l, {
      tier: 'open-weight-restricted',
      terms: [
        { kind: 'permission', name: 'use' }, { kind: 'permission', name: 'use' },
        { kind: 'obligation', name: 'attribution-display', text: '"Made with X"' },
        { kind: 'threshold', name: 'revenue', value: 1_000_000, comparator: '>=', period: 'year', currency: 'USD' },
        { kind: 'restriction', name: 'non-commercial' },
      ],
    });
    expect([s.found, s.present, s.missed, s.falsePositives]).toEqual([3, 4, ['governing-law'], ['non-commercial']]);
    expect([s.thresholdsExact, s.thresholds, s.fieldsExact, s.fields]).toEqual([0, 1, 1, 1]);
    expect(s.precision).toBeCloseTo(0.75);
    const set = scoreSet([l], new Map([['hand', { tier: 'open-weight-conditional', terms: [{ kind: 'permission', name: 'use' }] }]]));
    expect(set.totals).toMatchObject({ found: 1, present: 4, falsePositives: 0, tiersRight: 1, precision: 1 });
    expect(renderLicenseReport(set)).toMatch(/\| hand \| 1\/4 \| 25\.0% \| 0 \| 100\.0% \| 0\/1 \| 0\/1 \| open-weight-conditional \| open-weight-conditional ✓ \|/);
  });

  it('the ratchet flags fewer terms found, a tier turned wrong, a precision drop and a license missing', () => {
    const l: BlindLicense = { slug: 'a', path: 'LICENSE', text: 'x', tier: 'closed', present: [{ kind: 'permission', name: 'use' }], thresholds: [] };
    const good = scoreSet([l], new Map([['a', { tier: 'closed', terms: [{ kind: 'permission', name: 'use' }] }]]));
    const b = toLicenseBaseline(good);
    expect(licenseRatchet(good, b)).toEqual([]);
    const bad = scoreSet([l], new Map([['a', { tier: 'unknown', terms: [{ kind: 'restriction', name: 'non-commercial' }] }]]));
    const msgs = licenseRatchet(bad, b).join('\n');
    expect(msgs).toMatch(/total found: 0 < baseline 1/);
    expect(msgs).toMatch(/total precision: 0\.0000 < baseline 1/);
    expect(msgs).toMatch(/a: found 0 < baseline 1/);
    expect(msgs).toMatch(/a: tier unknown, was right \(closed\)/);
    expect(licenseRatchet(good, { ...b, licenses: {} })).toEqual(['a: not in baseline.json (run with BLIND_UPDATE=1)']);
  });
});

describe('whole-license blind set: the engine on whole unseen licenses', () => {
  it('runs every license, writes REPORT.md and holds the baseline', () => {
    const runs = new Map<string, LicenseRun>();
    const errors: string[] = [];
    for (const l of licenses) {
      try {
        runs.set(l.slug, runEngine(l));
      } catch (e) {
        errors.push(`${l.slug}: ${(e as Error).message}`);
      }
    }
    expect(errors).toEqual([]);
    const s = scoreSet(licenses, runs);
    const report = renderLicenseReport(s);
    console.log(renderLicenseConsole(s));
    if (process.env.BLIND_VERBOSE === '1') {
      for (const l of s.licenses) console.log(`${l.slug}: missed [${l.missed.join(', ')}] extra [${l.falsePositives.join(', ')}]`);
    }
    if (!existsSync(REPORT) || readFileSync(REPORT, 'utf8') !== report) writeFileSync(REPORT, report);
    if (UPDATE) {
      writeFileSync(BASELINE, `${JSON.stringify(toLicenseBaseline(s), null, 2)}\n`);
      return;
    }
    expect(existsSync(BASELINE), 'test/blind/licenses/baseline.json is missing: run with BLIND_UPDATE=1').toBe(true);
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as LicenseBaseline;
    expect(licenseRatchet(s, baseline)).toEqual([]);
  });
});
