import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseFrontMatter, findFrontMatter } from '../../src/parse/frontmatter.js';
import { OmlError } from '../../src/errors.js';
import { CORPUS, corpusFiles } from './corpus.js';
import { cpuSince } from '../cpu-time.js';

const card = (name: string) => readFileSync(join(CORPUS, 'model-cards', name), 'utf8').replace(/\r\n?/g, '\n');

function err(fn: () => unknown): OmlError {
  try { fn(); } catch (e) { if (e instanceof OmlError) return e; throw e; }
  throw new Error('expected OmlError');
}

describe('parseFrontMatter on the corpus', () => {
  const files = corpusFiles('model-cards');
  it.each(files.map((f) => [basename(f), f]))('%s parses', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const fm = parseFrontMatter(text, file);
    if (!text.startsWith('---')) { expect(fm).toBeNull(); return; }
    expect(fm).not.toBeNull();
    const lines = text.split('\n');
    expect(lines[fm!.bodyStartLine - 2]).toMatch(/^(---|\.\.\.)\s*$/);
    expect(fm!.meta.bodyLine).toBe(fm!.bodyStartLine);
    // every top-level key is on the line keyLines says
    for (const [key, line] of Object.entries(fm!.meta.keyLines)) {
      expect(lines[line - 1]!.startsWith(key) || lines[line - 1]!.startsWith(`"${key}"`) || lines[line - 1]!.startsWith(`'${key}'`)).toBe(true);
    }
    expect(Object.keys(fm!.meta.keyLines).sort()).toEqual(Object.keys(fm!.meta.raw).sort());
    for (const l of fm!.meta.license) expect(l).toBe(l.trim());
  });

  it('reads the unsloth Llama 3.1 card', () => {
    const fm = parseFrontMatter(card('unsloth__Meta-Llama-3.1-70B-Instruct-bnb-4bit.md'), 'x.md')!;
    expect(fm.meta.license).toEqual(['llama3.1']);
    expect(fm.meta.baseModelRelation).toBe('quantized');
    expect(fm.meta.baseModel).toEqual(['meta-llama/Meta-Llama-3.1-70B-Instruct']);
  });

  it('trims the folded license_link of the Nemotron card to one string', () => {
    const fm = parseFrontMatter(card('nvidia__Llama-3.1-Nemotron-Nano-8B-v1.md'), 'x.md')!;
    expect(fm.meta.licenseName).toBe('nvidia-open-model-license');
    expect(fm.meta.licenseLink).toMatch(/^https:\/\/www\.nvidia\.com\/\S+\/$/);
    expect(fm.meta.license).toEqual(['other']);
  });

  it('reads a list base_model and a merge relation', () => {
    const fm = parseFrontMatter(card('internvl-merge__qwen-license.md'), 'x.md')!;
    expect(fm.meta.baseModel).toHaveLength(2);
    expect(fm.meta.baseModelRelation).toBe('merge');
    expect(fm.meta.licenseName).toBe('qwen');
  });

  it('collects extra_gated_* keys and datasets', () => {
    const gemma = parseFrontMatter(card('google__gemma-7b.md'), 'x.md')!;
    expect(Object.keys(gemma.meta.extraGated).sort()).toEqual(Object.keys(gemma.meta.raw).filter((k) => k.startsWith('extra_gated_')).sort());
    expect(Object.keys(gemma.meta.extraGated).length).toBeGreaterThan(1);
    expect(gemma.meta.license).toEqual(['gemma']);
    const olmo = parseFrontMatter(card('allenai__OLMo-7B.md'), 'x.md')!;
    expect(olmo.meta.datasets).toEqual(['allenai/dolma']);
  });
});

describe('parseFrontMatter on written fixtures', () => {
  it('normalizes string and list fields and records key lines', () => {
    const text = '---\nlicense:\n  - apache-2.0\n  - mit\nlicense_name: acme\nbase_model: acme/base\ndatasets: acme/data\nextra_gated_prompt: Agree\n---\n# Acme\n';
    const fm = parseFrontMatter(text, 'README.md')!;
    expect(fm.meta.license).toEqual(['apache-2.0', 'mit']);
    expect(fm.meta.baseModel).toEqual(['acme/base']);
    expect(fm.meta.datasets).toEqual(['acme/data']);
    expect(fm.meta.extraGated).toEqual({ extra_gated_prompt: 'Agree' });
    expect(fm.meta.keyLines).toEqual({ license: 2, license_name: 5, base_model: 6, datasets: 7, extra_gated_prompt: 8 });
    expect(fm.bodyStartLine).toBe(10);
    expect(fm.meta.raw.license_name).toBe('acme');
  });

  it('returns null without front matter or without a closing line', () => {
    expect(parseFrontMatter('# Title\n', 'a.md')).toBeNull();
    expect(parseFrontMatter('---\nlicense: mit\nno end\n', 'a.md')).toBeNull();
    expect(findFrontMatter('---\n---\nbody')).toMatchObject({ bodyStartLine: 3, yaml: '' });
  });

  it('reports broken YAML with the file and the file line of the error', () => {
    const text = '---\nlicense: mit\ntags:\n  - a\n bad: [unclosed\nx: 1\n---\nbody\n';
    const e = err(() => parseFrontMatter(text, 'cards/README.md'));
    expect(e.code).toBe('YAML');
    expect(e.file).toBe('cards/README.md');
    expect(e.message).toContain('cards/README.md');
    expect(e.line).toBeGreaterThanOrEqual(5);
    expect(e.line).toBeLessThanOrEqual(7);
    const tab = err(() => parseFrontMatter('---\na: 1\nb: "open\n---\n', 'r.md'));
    expect(tab.code).toBe('YAML');
    expect(tab.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses a non-mapping front matter', () => {
    expect(err(() => parseFrontMatter('---\n- a\n- b\n---\n', 'r.md')).code).toBe('YAML');
    expect(err(() => parseFrontMatter('---\njust a string\n---\n', 'r.md')).code).toBe('YAML');
  });

  it('stops a billion-laughs alias bomb quickly with YAML_ALIAS', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const text = `---\n${levels.join('\n')}\n---\nbody\n`;
    const t0 = process.cpuUsage();
    const e = err(() => parseFrontMatter(text, 'bomb.md'));
    expect(cpuSince(t0)).toBeLessThan(1000);
    expect(e.code).toBe('YAML_ALIAS');
    expect(e.message).toContain('bomb.md');
  });

  it('honours a lower alias limit and allows a few aliases by default', () => {
    const text = '---\nbase: &b acme\nother: *b\n---\n';
    expect(parseFrontMatter(text, 'r.md')!.meta.raw.other).toBe('acme');
    expect(err(() => parseFrontMatter('---\nx: &x [1, 2]\ny: [*x, *x, *x]\n---\n', 'r.md', { maxYamlAliases: 1 })).code).toBe('YAML_ALIAS');
  });

  it('keeps the last value of a duplicate key with a warning', () => {
    const fm = parseFrontMatter('---\nlicense: mit\nlicense: apache-2.0\n---\n', 'r.md')!;
    expect(fm.meta.license).toEqual(['apache-2.0']);
    expect(fm.warnings[0]!.code).toBe('YAML_DUPLICATE_KEY');
    expect(fm.warnings[0]!.line).toBe(3);
  });
});
