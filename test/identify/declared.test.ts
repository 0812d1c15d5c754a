import { describe, it, expect } from 'vitest';
import { resolveDeclared } from '../../src/identify/declared.js';
import { findByHfId, getCatalogEntry, listCatalog } from '../../src/catalog/index.js';

describe('resolveDeclared', () => {
  it.each([
    [['llama3.1'], 'llama-3.1-community-license'],
    [['llama3.2'], 'llama-3.2-community-license'],
    [['llama2'], 'llama-2-community-license'],
    [['gemma'], 'gemma-terms-of-use'],
    [['creativeml-openrail-m'], 'creativeml-openrail-m'],
    [['openrail++'], 'creativeml-openrail-pp-m'],
    [['bigscience-openrail-m'], 'bigscience-openrail-m'],
    [['apple-amlr'], 'apple-amlr-model-license'],
  ])('%j -> %s', (values, id) => {
    const r = resolveDeclared(values);
    expect(r.resolved).toBe(id);
    expect(r.spdx).toBe(getCatalogEntry(id)!.spdx);
  });

  it('maps SPDX ids case-insensitively', () => {
    expect(resolveDeclared(['apache-2.0'])).toMatchObject({ resolved: 'Apache-2.0', spdx: 'Apache-2.0' });
    expect(resolveDeclared(['mit'])).toMatchObject({ resolved: 'MIT', spdx: 'MIT' });
    expect(resolveDeclared(['cc-by-nc-4.0'])).toMatchObject({ resolved: 'CC-BY-NC-4.0' });
  });

  it('uses license_name for license: other', () => {
    expect(resolveDeclared(['other'], 'qwen-research').resolved).toBe('qwen-research-license');
    expect(resolveDeclared(['other'], 'tongyi-qianwen').resolved).toBe('tongyi-qianwen-license');
    expect(resolveDeclared(['other'], 'deepseek').resolved).toBe('deepseek-license-1.0');
  });

  it('ambiguous license_name resolves to null with a note naming the candidates', () => {
    const r = resolveDeclared(['other'], 'modified-mit');
    expect(r.resolved).toBeNull();
    expect(r.notes.join(' ')).toMatch(/ambiguous.*kimi-k2-modified-mit/);
  });

  it('license_link to a known license file resolves', () => {
    const r = resolveDeclared(['other'], undefined, 'https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE');
    expect(r.resolved).toBe('kimi-k2-modified-mit');
  });

  it('unknown values never guess', () => {
    expect(resolveDeclared(['acme-model-license-7']).resolved).toBeNull();
    expect(resolveDeclared(['other']).resolved).toBeNull();
    expect(resolveDeclared(['other']).notes.join(' ')).toMatch(/other without license_name/);
    expect(resolveDeclared([]).resolved).toBeNull();
    expect(resolveDeclared(['other'], 'no-such-license', 'https://example.com/nothing').resolved).toBeNull();
  });

  it('two different declared licenses do not collapse into one', () => {
    const r = resolveDeclared(['mit', 'apache-2.0']);
    expect(r.resolved).toBeNull();
    expect(r.notes.join(' ')).toMatch(/several licenses/);
  });
});

describe('catalog lookups', () => {
  it('findByHfId / getCatalogEntry / listCatalog', () => {
    expect(findByHfId('LLAMA3.3')?.id).toBe('llama-3.3-community-license');
    expect(findByHfId('modified-mit')).toBeUndefined();
    expect(getCatalogEntry('llama-3.1-community-license')?.incorporates).toEqual(['llama-3.1-acceptable-use-policy']);
    expect(getCatalogEntry('gemma-terms-of-use')?.incorporates).toEqual(['gemma-prohibited-use-policy']);
    expect(getCatalogEntry('kimi-k2-modified-mit')?.basedOn).toBe('MIT');
    const all = listCatalog();
    expect(all.length).toBeGreaterThan(80);
    expect(all.every((e) => e.fingerprint.length > 0 || e.sources.length === 0)).toBe(true);
  });
});
