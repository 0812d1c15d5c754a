/** The free-form license-name matcher (data/license-names.yaml) and the data tables it reads. */
import { describe, expect, it } from 'vitest';
import { getCatalogEntry } from '../../src/catalog/index.js';
import { licenseInfoFromCatalog } from '../../src/analyze/license-info.js';
import { licenseNames, publishers, publisherCountry } from '../../src/survey/data.js';
import { clauses, matchLicenseName, words } from '../../src/survey/names.js';
import { hubModelIds } from '../../src/survey/hf-ids.js';
import { cpuMs } from '../cpu-time.js';

describe('license names', () => {
  it.each([
    ['MIT license', 'MIT'],
    ['mit-licensed weights', 'MIT'],
    ['Apache-2.0', 'Apache-2.0'],
    ['apache 2.0,', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['Licensed under the Apache licence 2.0', 'Apache-2.0'],
    ['Creative Commons Attribution Non Commercial 4.0', 'CC-BY-NC-4.0'],
    ['CC-BY-NC-4.0 for the weights', 'CC-BY-NC-4.0'],
    ['cc by-nc-sa 4.0', 'CC-BY-NC-SA-4.0'],
    ['Llama 3.1 community license agreement', 'llama-3.1-community-license'],
    ['Llama 4 license (branding requirements)', 'llama-4-community-license'],
    ['The Exaone license allows only non-commercial usage', 'exaone-ai-model-license-1.1-nc'],
  ])('%s -> %s', (text, id) => {
    expect(matchLicenseName(text).license).toBe(id);
  });

  it('longest alias wins: a versioned Llama name is not the bare family', () => {
    expect(matchLicenseName('Llama 3.3 community license').license).toBe('llama-3.3-community-license');
  });

  it.each([
    ['a hedged clause', 'unclear license, looks like MIT'],
    ['a code-only clause', 'MIT license for training and inference code'],
    ['a modified license', 'modified MIT license'],
    ['a modified license named plainly elsewhere too', 'Modified MIT license. MIT license with a display clause'],
    ['two licenses for the same scope', 'MIT and DeepSeek license'],
    ['no name at all', 'weights on GitHub, non-commercial'],
  ])('%s resolves to nothing (fail closed)', (_why, text) => {
    const m = matchLicenseName(text);
    expect(m.license).toBeNull();
    expect(m.notes.length).toBeGreaterThan(0);
  });

  it('a clause naming the weights wins over one that names neither', () => {
    expect(matchLicenseName('Apache 2.0\nCC BY-NC 4.0 for model weights').license).toBe('CC-BY-NC-4.0');
  });

  it('reports restriction phrases the note states itself', () => {
    const m = matchLicenseName('MIT license but non-commercial for weights');
    expect(m.license).toBe('MIT');
    expect(m.restrictions).toContain('non commercial');
  });

  it('normalizes words and cuts clauses without regex tricks', () => {
    expect(words('Apache-2.0, MIT-Licensed.')).toEqual(['apache', '2.0', 'mit', 'license']);
    expect(clauses('MIT license. Code here: https://x.y/z\nApache 2.0, for weights').map((c) => [c.text, c.urls]))
      .toEqual([['MIT license', []], ['Code here:', ['https://x.y/z']], ['Apache 2.0', []], ['for weights', []]]);
  });

  it('stays linear on long hostile input', () => {
    const text = `${'mit apache llama 3.1 '.repeat(20_000)}\n${'.'.repeat(100_000)}`;
    expect(cpuMs(() => matchLicenseName(text))).toBeLessThan(2000);
  });
});

describe('survey data tables', () => {
  it('every license id in license-names.yaml is a catalog entry or an SPDX license', () => {
    const bad = licenseNames().names.map((n) => n.license).filter((id) => !getCatalogEntry(id) && !licenseInfoFromCatalog(id, 'declared', 1));
    expect(bad).toEqual([]);
  });

  it('every publisher row has a country and a source; unknown publishers stay unknown', () => {
    for (const p of publishers().publishers) {
      expect(p.country.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(0);
    }
    expect(publisherCountry('META-LLAMA')?.country).toBe('United States of America');
    expect(publisherCountry('a-publisher-nobody-listed')).toBeNull();
  });

  it('finds Hub model ids in free text, skipping datasets and spaces', () => {
    expect(hubModelIds('see https://huggingface.co/moonshotai/Kimi-K2-Instruct. and huggingface.co/datasets/x/y, huggingface.co/spaces/a/b'))
      .toEqual(['moonshotai/Kimi-K2-Instruct']);
  });
});

describe('scoped names inside one sentence', () => {
  it('"code under X, weights under Y" takes Y', () => {
    expect(matchLicenseName('Code is released under MIT, model weights are released under CC-BY-NC 4.0').license).toBe('CC-BY-NC-4.0');
  });
  it('a hedge covers the whole sentence, commas included', () => {
    expect(matchLicenseName('MIT license, not sure').license).toBeNull();
  });
  it('a catalog license URL names the license', () => {
    expect(matchLicenseName('license: https://www.databricks.com/legal/open-model-license').license).toBe('databricks-open-model-license');
  });
  it('a data-only clause is not the weights license', () => {
    expect(matchLicenseName('MIT weights, CC BY 4.0 data').license).toBe('MIT');
  });

  it('"X for code, Y for weights" takes Y', () => {
    expect(matchLicenseName('Apache 2.0 for code, CC BY-NC 4.0 for weights').license).toBe('CC-BY-NC-4.0');
  });
  it('"X for code and weights" takes X', () => {
    expect(matchLicenseName('MIT for code and weights').license).toBe('MIT');
  });
  it('"X for code" with an unnamed weights license resolves to nothing', () => {
    const m = matchLicenseName('Apache 2.0 for code, cc by-nc for weights');
    expect(m.license).toBeNull();
  });
});
