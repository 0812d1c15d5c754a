import { describe, expect, it } from 'vitest';
import { OmlError } from '../../src/errors.js';
import { findFrontMatter, frontMatterKeyLine, MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_KEYS, parseFrontMatter } from '../../src/parse/frontmatter.js';
import { cpuMs } from '../cpu-time.js';

function err(fn: () => unknown): OmlError {
  try { fn(); } catch (e) { if (e instanceof OmlError) return e; throw e; }
  throw new Error('expected OmlError');
}

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}: v`).join('\n');
const time = cpuMs; // CPU ms (test/cpu-time.ts): load from other processes does not count

describe('where the front matter starts', () => {
  it('tolerates a BOM and leading blank lines, with a warning for the blank lines', () => {
    const bom = parseFrontMatter('\uFEFF---\nlicense: mit\n---\n# Body\n', 'a/README.md')!;
    expect(bom.meta.license).toEqual(['mit']);
    expect(bom.warnings).toEqual([]);
    const text = '\n  \n---\nlicense: apache-2.0\nlicense_name: x\n---\n# Body\n';
    const fm = parseFrontMatter(text, 'b/README.md')!;
    expect(fm.meta.license).toEqual(['apache-2.0']);
    expect(fm.meta.keyLines).toEqual({ license: 4, license_name: 5 });
    expect(fm.bodyStartLine).toBe(7);
    expect(text.split('\n')[fm.bodyStartLine - 1]).toBe('# Body');
    expect(fm.warnings.map((w) => [w.code, w.line])).toEqual([['FRONT_MATTER_OFFSET', 3]]);
  });

  it('a text line before the fence means there is no front matter', () => {
    expect(findFrontMatter('Intro\n---\nlicense: mit\n---\n')).toBeNull();
    expect(findFrontMatter(`${'\n'.repeat(40)}---\nlicense: mit\n---\n`)).toBeNull();
  });

  it('a head without its closing line is front matter only when asked (discovery reads heads)', () => {
    const head = '\n---\nlicense: mit\nmodel-index:\n  - name: x';
    expect(findFrontMatter(head)).toBeNull();
    expect(findFrontMatter(head, { allowUnclosed: true })).toMatchObject({ openLine: 2, bodyStartLine: 0, yaml: 'license: mit\nmodel-index:\n  - name: x' });
    expect(findFrontMatter('# Title\n---\n', { allowUnclosed: true })).toBeNull();
  });

  it('frontMatterKeyLine finds a top-level key by its file line, after blank lines too', () => {
    const text = '\n---\ntags:\n  license: nested\n"license": mit\n---\nlicense: body\n';
    expect(frontMatterKeyLine(text, 'license')).toBe(5);
    expect(frontMatterKeyLine(text, 'base_model')).toBeUndefined();
    expect(frontMatterKeyLine('# no front matter\nlicense: x\n', 'license')).toBeUndefined();
  });

  it('CRLF fences are fences', () => {
    expect(parseFrontMatter('---\r\nlicense: mit\r\n---\r\nbody', 'c.md')!.meta.license).toEqual(['mit']);
  });

  it('error lines count the leading blank lines; a block after blank lines that is no YAML mapping is a markdown rule', () => {
    const e = err(() => parseFrontMatter('\n\n---\nlicense: mit\nx: &a [1]\ny: [*a, *a, *a]\n---\n', 'r.md', { maxYamlAliases: 1 }));
    expect(e.code).toBe('YAML_ALIAS');
    expect(e.line).toBe(4);
    expect(parseFrontMatter('\n\n---\nlicense: mit\n\tbad: [x\n---\n', 'r.md')).toBeNull();
    expect(parseFrontMatter('\n---\nCopyright (c) 2024 Acme\n\nPermission is granted.\n---\n', 'LICENSE.md')).toBeNull();
    expect(err(() => parseFrontMatter('---\nlicense: mit\n\tbad: [x\n---\n', 'r.md')).line).toBe(3);
  });
});

describe('lenient reading where yaml refuses what other readers accept', () => {
  it('reads a quoted string continued on unindented lines, with a warning naming the line', () => {
    const text = '---\nlicense: other\nlicense_name: "acme research\nlicense"\nbase_model: acme/base\n---\nbody\n';
    const fm = parseFrontMatter(text, 'card/README.md')!;
    expect(fm.meta.licenseName).toBe('acme research license');
    expect(fm.meta.license).toEqual(['other']);
    expect(fm.meta.keyLines).toEqual({ license: 2, license_name: 3, base_model: 5 });
    const w = fm.warnings.find((x) => x.code === 'YAML_LENIENT')!;
    expect(w).toMatchObject({ code: 'YAML_LENIENT', path: 'card/README.md' });
    expect(w.line).toBeGreaterThanOrEqual(3);
  });

  it('still refuses what no reader accepts', () => {
    expect(err(() => parseFrontMatter('---\na: 1\nb: "open\n---\n', 'r.md')).code).toBe('YAML');
  });

  it('a duplicate key in leniently read YAML is still warned about', () => {
    const fm = parseFrontMatter('---\nlicense: mit\nx: "a\nb"\nlicense: apache-2.0\n---\n', 'r.md')!;
    expect(fm.meta.license).toEqual(['apache-2.0']);
    expect(fm.warnings.map((w) => w.code).sort()).toEqual(['YAML_DUPLICATE_KEY', 'YAML_LENIENT']);
  });

  it('an alias bomb in leniently read YAML is stopped with YAML_ALIAS', () => {
    const levels = ['a: &a ["lol","lol"]', 'broken: "x\ny"'];
    for (let i = 1; i < 30; i++) levels.push(`l${i}: &l${i} [${i === 1 ? '*a,*a' : `*l${i - 1},*l${i - 1}`}]`);
    const t = time(() => expect(err(() => parseFrontMatter(`---\n${levels.join('\n')}\n---\n`, 'bomb.md')).code).toBe('YAML_ALIAS'));
    expect(t).toBeLessThan(2000);
  });
});

describe('size and key caps (YAML_LIMIT)', () => {
  it('refuses a front matter over the byte cap, naming the file and the limit', () => {
    const text = `---\nlicense: mit\npad: "${'x'.repeat(MAX_FRONT_MATTER_BYTES)}"\n---\n`;
    const e = err(() => parseFrontMatter(text, 'big/README.md'));
    expect(e.code).toBe('YAML_LIMIT');
    expect(e.message).toMatch(/^big\/README\.md:1: front matter is \d+ characters, over the limit of 1048576/);
  });

  it('refuses more keys than the cap, nested keys included', () => {
    const flat = `---\n${keys(MAX_FRONT_MATTER_KEYS + 1)}\n---\n`;
    expect(err(() => parseFrontMatter(flat, 'r.md')).code).toBe('YAML_LIMIT');
    const nested = `---\nlicense: mit\nmodel-index:\n${Array.from({ length: MAX_FRONT_MATTER_KEYS / 2 + 1 }, (_, i) => `  - {a${i}: 1, b: 2}`).join('\n')}\n---\n`;
    expect(err(() => parseFrontMatter(nested, 'r.md'))).toMatchObject({ code: 'YAML_LIMIT', file: 'r.md' });
  });

  it('reads a front matter just under the key cap', () => {
    const fm = parseFrontMatter(`---\nlicense: mit\n${keys(MAX_FRONT_MATTER_KEYS - 1)}\n---\n`, 'r.md')!;
    expect(fm.meta.license).toEqual(['mit']);
    expect(Object.keys(fm.meta.raw)).toHaveLength(MAX_FRONT_MATTER_KEYS);
  });

  it('duplicate-key checking is linear: 4x the keys takes well under 16x the time', () => {
    const small = `---\n${keys(5000)}\nk1: again\n---\n`;
    const large = `---\n${keys(20000)}\nk1: again\n---\n`;
    parseFrontMatter(small, 'warm.md');
    const ts = Math.min(time(() => parseFrontMatter(small, 's.md')), time(() => parseFrontMatter(small, 's.md')));
    const tl = Math.min(time(() => parseFrontMatter(large, 'l.md')), time(() => parseFrontMatter(large, 'l.md')));
    expect(parseFrontMatter(large, 'l.md')!.warnings.map((w) => [w.code, w.line])).toEqual([['YAML_DUPLICATE_KEY', 20002]]);
    expect(tl / Math.max(ts, 1)).toBeLessThan(10);
    expect(tl).toBeLessThan(3000); // 25,000 keys took 9.5 s with the quadratic check
  });
});
