/**
 * Fail closed (issue 10, items 1-3): changes to a known template that oml cannot
 * account for, hidden characters, numbers in other spellings, and folders with
 * several license documents. Every text here is either a corpus text read from
 * ../shared at test time, edited in memory, or written by us.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePath, analyzeText } from '../../src/index.js';
import { checkDirectory } from '../../src/policy/run.js';
import type { Analysis } from '../../src/types.js';
import { CORPUS } from './helpers.js';

const corpus = (f: string) => readFileSync(join(CORPUS, 'licenses', f), 'utf8');
const run = (text: string, path = 'LICENSE', profile?: Parameters<typeof analyzeText>[1] extends infer O ? O extends { profile?: infer P } ? P : never : never) =>
  analyzeText({ path, text, encoding: 'utf-8', bytes: text.length, warnings: [] }, profile ? { profile } : {});
const codes = (a: Analysis) => a.warnings.map((w) => w.code);
const mit = corpus('deepseek-r1-mit.txt');
const apache = corpus('gpt-oss-apache-2.0.txt');
const llama = corpus('llama-3.1-community-license.txt');
const BIG = { monthlyActiveUsers: 800_000_000, territories: ['US'], activities: ['serve' as const] };

const tmp = mkdtempSync(join(tmpdir(), 'oml-fail-closed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
/** A repository with one model folder holding `files`; returns the check report. */
async function check(files: Record<string, string>, config?: string) {
  const root = join(tmp, `repo-${n++}`);
  const model = join(root, 'models', 'm');
  mkdirSync(model, { recursive: true });
  writeFileSync(join(model, 'README.md'), '---\nlicense: other\n---\n# m\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(model, name, '..'), { recursive: true });
    writeFileSync(join(model, name), text);
  }
  if (config) writeFileSync(join(root, 'oml.config.yaml'), config);
  return checkDirectory(root, { now: new Date('2026-12-01') });
}

describe('an added sentence oml cannot account for fails closed', () => {
  it('control: the unmodified MIT and Apache texts pass the check', async () => {
    expect((await check({ LICENSE: mit })).result).toBe('pass');
    expect((await check({ LICENSE: apache })).result).toBe('pass');
  });

  for (const sentence of ['You may not use this model commercially.', 'NOT FOR COMMERCIAL USE.', 'For academic use only.', 'for personal use only']) {
    it(`MIT + "${sentence}"`, async () => {
      const text = `${mit.trim()}\n\n${sentence}\n`;
      const a = run(text);
      expect(a.license.id).toBe('MIT');
      expect(a.license.match).toBe('modified');
      expect(a.openness.tier).not.toBe('open-weight-permissive');
      const added = a.license.additions.find((p) => p.text.includes(sentence.replace(/\.$/, '')));
      expect(added).toBeDefined();
      // either the reader found a restriction in the added text, or the change is unexplained
      if (added!.explained === false) {
        expect(a.openness.tier).toBe('unknown');
        const w = a.warnings.find((x) => x.code === 'UNEXPLAINED_CHANGE')!;
        expect(w.line).toBe(added!.line);
        expect(w.message).toContain(sentence.slice(0, 20));
      } else {
        expect(added!.terms!.some((t) => t.kind === 'restriction')).toBe(true);
      }
      const report = await check({ LICENSE: text });
      expect(report.result).toBe('fail');
    });
  }

  it('an added copyright line or link is harmless: MIT stays permissive and passes', async () => {
    const text = `${mit.trim()}\n\nCopyright (c) 2026 Example Labs\nhttps://example.org/model\n`;
    const a = run(text);
    expect(a.openness.tier).toBe('open-weight-permissive');
    expect(codes(a)).not.toContain('UNEXPLAINED_CHANGE');
  });

  it('an added sentence the reader understands is accounted for by its term', () => {
    const text = `${apache.trim()}\n\nIf your annual revenue exceeds EUR 5 million, you must display "Powered by Example".\n`;
    const a = run(text);
    const added = a.license.additions.find((p) => p.text.includes('Powered by Example'))!;
    expect(added.explained).toBe(true);
    expect(added.terms!.map((t) => t.name)).toContain('revenue');
    expect(codes(a)).not.toContain('UNEXPLAINED_CHANGE');
    expect(a.openness.tier).not.toBe('unknown');
  });

  it('the finding is unexplained-change at the added line; policy.changes: warn judges the provisional tier', async () => {
    const text = `${mit.trim()}\n\nThe heron counts pebbles beside the quiet mill every other morning.\n`;
    const line = text.split('\n').findIndex((l) => l.startsWith('The heron')) + 1;
    const failed = await check({ LICENSE: text });
    expect(failed.result).toBe('fail');
    const m = failed.models.find((x) => x.id === 'models/m')!;
    const f = m.findings.find((x) => x.rule === 'unexplained-change')!;
    expect(f.level).toBe('error');
    expect(f.location).toEqual({ path: 'models/m/LICENSE', line });
    expect(m.findings.map((x) => x.rule)).not.toContain('unknown-license');
    const relaxed = await check({ LICENSE: text }, 'policy:\n  allow: [open-source, open-weight-permissive, open-weight-conditional, open-weight-restricted]\n  unknown: fail\n  changes: warn\n');
    expect(relaxed.result).toBe('pass');
    expect(relaxed.models.find((x) => x.id === 'models/m')!.tier).toBe('open-weight-permissive');
  });

  it('gibberish added to Apache-2.0 is unexplained', () => {
    const a = run(`${apache.trim()}\n\nThe heron counts pebbles beside the quiet mill every other morning.\n`);
    expect(a.openness.tier).toBe('unknown');
    expect(a.openness.provisional?.tier).toBe('open-weight-permissive');
    expect(codes(a)).toContain('UNEXPLAINED_CHANGE');
  });
});

describe('Llama 3.1: the 700M threshold cannot be hidden or deleted', () => {
  const threshold = (a: Analysis) => a.terms.find((t) => t.kind === 'threshold' && t.name === 'monthly-active-users');
  const variants: Record<string, string> = {
    'zero-width space': '700\u200b million',
    'no-break spaces': '700\u00a0000\u00a0000',
    'thin spaces': '700\u2009000\u2009000',
    'plain spaces': '700 000 000',
    apostrophes: "700'000'000",
    dots: '700.000.000',
    words: 'seven hundred million',
    'fullwidth digits': '\uff17\uff10\uff10 million',
  };
  for (const [name, spelling] of Object.entries(variants)) {
    it(`written with ${name}: the threshold is read, an 800M-user profile needs a license`, () => {
      const text = llama.replace('700 million', spelling);
      expect(text).not.toBe(llama);
      const a = run(text, 'LICENSE', BIG);
      expect(threshold(a)?.value).toBe(700_000_000);
      expect(a.commercialUse?.verdict).toBe('license-required');
    });
  }

  it('a zero-width space is reported as HIDDEN_CHARACTERS with its line', () => {
    const a = run(llama.replace('700 million', '700\u200b million'));
    const w = a.warnings.find((x) => x.code === 'HIDDEN_CHARACTERS');
    expect(w?.line).toBe(llama.split('\n').findIndex((l) => l.includes('700 million')) + 1);
  });

  it('the threshold sentence deleted: TEMPLATE_TERM_REMOVED, unknown, and the check fails', async () => {
    const text = llama.split('\n').filter((l) => !l.includes('700 million')).join('\n');
    const a = run(text, 'LICENSE', BIG);
    expect(a.license.id).toBe('llama-3.1-community-license');
    expect(threshold(a)).toBeUndefined();
    const w = a.warnings.find((x) => x.code === 'TEMPLATE_TERM_REMOVED');
    expect(w?.message).toMatch(/monthly-active-users > 700000000/);
    expect(a.license.removals.some((r) => r.terms?.some((t) => t.name === 'monthly-active-users' && t.value === 700_000_000))).toBe(true);
    expect(a.openness.tier).toBe('unknown');
    expect(a.commercialUse?.verdict).toBe('unknown');
    expect((await check({ LICENSE: text })).result).toBe('fail');
  });

  it('a changed threshold value is read from the text and noted, not failed', () => {
    const a = run(llama.replace('700 million', '250 million'), 'LICENSE', { monthlyActiveUsers: 300_000_000, territories: ['US'], activities: ['serve'] });
    expect(threshold(a)?.value).toBe(250_000_000);
    expect(codes(a)).toContain('TEMPLATE_TERM_CHANGED');
    expect(a.commercialUse?.verdict).toBe('license-required');
  });

  it('unmodified Llama 3.1 at 2.5M users is still allowed with obligations', () => {
    const a = run(llama, 'LICENSE', { monthlyActiveUsers: 2_500_000, territories: ['US'], activities: ['serve'] });
    expect(a.license.match).toBe('exact');
    expect(codes(a)).not.toContain('TEMPLATE_TERM_REMOVED');
    expect(a.commercialUse?.verdict).toBe('allowed-with-obligations');
  });
});

describe('hidden characters in "non-commercial" do not hide it', () => {
  const nc = 'You may use the Model for non-commercial purposes only.';
  const base = `Example Model License\n\n${nc}\n`;
  const reference = run(base).terms.map((t) => `${t.kind}:${t.name}`).sort();
  const disguises: Record<string, string> = {
    'soft hyphen': 'non\u00adcommercial',
    'non-breaking hyphen': 'non\u2011commercial',
    'zero-width space': 'non-\u200bcommercial',
    'fullwidth letters': '\uff4e\uff4f\uff4e-\uff43\uff4f\uff4d\uff4d\uff45\uff52\uff43\uff49\uff41\uff4c',
    'Cyrillic o': 'n\u043en-commercial',
  };
  it('the reference text is read as non-commercial', () => expect(reference).toContain('restriction:non-commercial'));
  for (const [name, spelling] of Object.entries(disguises)) {
    it(name, () => {
      const a = run(base.replace('non-commercial', spelling));
      expect(a.terms.map((t) => `${t.kind}:${t.name}`).sort()).toEqual(reference);
      // evidence quotes the input exactly
      expect(a.terms.find((t) => t.name === 'non-commercial')!.evidence.sentence).toContain(spelling);
    });
  }
  it('a right-to-left override is read as displayed and flagged', () => {
    const a = run(base.replace('non-commercial', '\u202elaicremmoc-non\u202c'));
    expect(a.terms.map((t) => `${t.kind}:${t.name}`).sort()).toEqual(reference);
    expect(codes(a)).toContain('HIDDEN_CHARACTERS');
  });
});

describe('every document of a model folder counts', () => {
  const ncText = 'Example Weights License\n\nThe model weights may be used for non-commercial research purposes only. Any commercial use is prohibited.\n';

  it('LICENSE (MIT) + LICENSE-WEIGHTS (non-commercial): both apply, the check fails', async () => {
    const dir = join(tmp, 'two-licenses');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'LICENSE'), mit);
    writeFileSync(join(dir, 'LICENSE-WEIGHTS'), ncText);
    const a = await analyzePath(dir);
    expect(a.documents?.map((d) => d.path.split('/').pop())).toEqual(['LICENSE', 'LICENSE-WEIGHTS']);
    expect(a.expression).toMatch(/^MIT AND LicenseRef-/);
    expect(a.terms.some((t) => t.name === 'non-commercial' && t.evidence.path.endsWith('LICENSE-WEIGHTS'))).toBe(true);
    expect(a.openness.tier).not.toBe('open-weight-permissive');
    expect((await check({ LICENSE: mit, 'LICENSE-WEIGHTS': ncText })).result).toBe('fail');
  });

  it('MODEL_LICENSE and a REUSE LICENSES/ folder are read', async () => {
    const dir = join(tmp, 'reuse');
    mkdirSync(join(dir, 'LICENSES'), { recursive: true });
    writeFileSync(join(dir, 'MODEL_LICENSE.md'), ncText);
    writeFileSync(join(dir, 'LICENSES', 'MIT.txt'), mit);
    const a = await analyzePath(dir);
    expect(a.documents?.length).toBe(2);
    expect(a.terms.some((t) => t.name === 'non-commercial')).toBe(true);
  });

  it('a NOTICE with a non-commercial restriction applies', async () => {
    const report = await check({ LICENSE: apache, NOTICE: 'Example Model\nCopyright 2026 Example Labs\n\nThis model may not be used for commercial purposes.\n' });
    expect(report.result).toBe('fail');
  });

  it('a NOTICE that excludes countries in words the reader may not know still fails closed', async () => {
    const report = await check({ LICENSE: apache, NOTICE: 'Example Model\nCopyright 2026 Example Labs\n\nDistribution of the weights to the following countries is disallowed: Atlantis.\n' });
    expect(report.result).toBe('fail');
  });

  it('an ordinary attribution NOTICE does not fail an Apache model', async () => {
    const report = await check({ LICENSE: apache, NOTICE: 'Example Model\nCopyright 2026 Example Labs\n\nThis product includes software developed at Example Labs.\n' });
    expect(report.models[0]!.tier).toBe('open-weight-permissive');
    expect(report.result).toBe('pass');
  });

  it('a use policy whose restriction the reader cannot read fails closed', async () => {
    const dir = join(tmp, 'policy');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'LICENSE'), apache);
    writeFileSync(join(dir, 'USE_POLICY.md'), '# Use policy\n\nExample Labs only permits this model on approved hardware.\n');
    const a = await analyzePath(dir);
    expect(codes(a)).toContain('UNEXPLAINED_CHANGE');
    expect(a.openness.tier).toBe('unknown');
  });

  it('a license file that cannot be read fails closed (UNREADABLE_DOCUMENT)', async () => {
    const dir = join(tmp, 'binary');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'LICENSE'), mit);
    writeFileSync(join(dir, 'LICENSE-WEIGHTS'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 0, 4]));
    const a = await analyzePath(dir);
    expect(codes(a)).toContain('UNREADABLE_DOCUMENT');
    expect(a.openness.tier).toBe('unknown');
  });
});

describe('a card declaring a Creative Commons non-commercial license is non-commercial (every version)', () => {
  for (const id of ['cc-by-nc-2.0', 'cc-by-nc-3.0', 'cc-by-nc-4.0', 'cc-by-nc-sa-2.0', 'cc-by-nc-sa-3.0', 'cc-by-nc-sa-4.0', 'cc-by-nc-nd-3.0', 'cc-by-nc-nd-4.0']) {
    it(id, () => {
      const a = run(`---\nlicense: ${id}\n---\n# A model card of ours\n`, 'README.md');
      expect(a.openness.tier).toBe('open-weight-noncommercial');
    });
  }
});
