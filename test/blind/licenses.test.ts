/**
 * Issue 18: the whole-license blind sets. Made-up licenses written from DESIGN.md's definitions only
 * (test/blind/licenses/, by the third blind writer test/blind/licenses-2/, by the fourth test/blind/licenses-3/, by the fifth test/blind/licenses-4/, by the sixth test/blind/licenses-5/;
 * README.md sections "Whole-license blind set", "Set 3 and licenses-2", "licenses-3" and "licenses-4") go whole through the public analyzeText; term recall / precision, thresholds
 * exact, fields exact and tier per license and in total are printed and written to each folder's REPORT.md. Each
 * folder holds its own ratchet (its baseline.json, BLIND_UPDATE=1 to raise them) and the harness checks itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { BLIND_DIR, loadVocabulary, type Vocabulary } from './cases.js';
import { LICENSES_DIR, auditLicenses, loadLicenses, pairingProblems, parseExpectation, type BlindLicense } from './licenses/load.js';
import { renderLicenseConsole, renderLicenseReport } from './licenses/report.js';
import { licenseRatchet, scoreLicense, scoreSet, toLicenseBaseline, type LicenseBaseline, type LicenseRun } from './licenses/score.js';

const UPDATE = process.env.BLIND_UPDATE === '1';

/** The whole-license sets, each a folder with its own REPORT.md and baseline.json; `minimum` = licenses it must hold. */
const LICENSE_SETS = [
  { dir: LICENSES_DIR, minimum: 16 },
  { dir: join(BLIND_DIR, 'licenses-2'), minimum: 10 },
  { dir: join(BLIND_DIR, 'licenses-3'), minimum: 14 },
  { dir: join(BLIND_DIR, 'licenses-4'), minimum: 10 },
  { dir: join(BLIND_DIR, 'licenses-5'), minimum: 12 },
].map((s) => ({ ...s, folder: basename(s.dir), licenses: loadLicenses(s.dir) }));

const vocab = loadVocabulary();

function runEngine(l: BlindLicense): LicenseRun {
  const result = analyzeText({ path: l.path, text: l.text, encoding: 'utf-8', bytes: Buffer.byteLength(l.text), warnings: [] });
  return { terms: result.terms.filter((t) => t.origin === 'text'), tier: result.openness.tier };
}

describe('whole-license blind set: the harness', () => {
  it.each(LICENSE_SETS.map((s) => [s.folder, s] as const))('%s: every license has its expectation and every expectation names vocabulary terms', (_folder, s) => {
    expect(s.licenses.length).toBeGreaterThanOrEqual(s.minimum);
    expect(auditLicenses(s.licenses, vocab)).toEqual([]);
  });

  it('the sets live in distinct folders', () => {
    expect(LICENSE_SETS.map((s) => s.folder)).toEqual(['licenses', 'licenses-2', 'licenses-3', 'licenses-4', 'licenses-5']);
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
  it.each(LICENSE_SETS.map((x) => [x.folder, x] as const))('%s: runs every license, writes REPORT.md and holds the baseline', (folder, x) => {
    const { licenses } = x;
    const BASELINE = join(x.dir, 'baseline.json');
    const REPORT = join(x.dir, 'REPORT.md');
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
    const report = renderLicenseReport(s, folder);
    console.log(renderLicenseConsole(s, folder));
    if (process.env.BLIND_VERBOSE === '1') {
      for (const l of s.licenses) console.log(`${l.slug}: missed [${l.missed.join(', ')}] extra [${l.falsePositives.join(', ')}]`);
    }
    if (!existsSync(REPORT) || readFileSync(REPORT, 'utf8') !== report) writeFileSync(REPORT, report);
    if (UPDATE) {
      writeFileSync(BASELINE, `${JSON.stringify(toLicenseBaseline(s), null, 2)}\n`);
      return;
    }
    expect(existsSync(BASELINE), `test/blind/${folder}/baseline.json is missing: run with BLIND_UPDATE=1`).toBe(true);
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as LicenseBaseline;
    expect(licenseRatchet(s, baseline)).toEqual([]);
  });
});
