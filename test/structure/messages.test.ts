/**
 * The message list (data/messages.yaml) is the one list of codes: the union in
 * src/message-codes.ts is generated from it and current; every code emitted in
 * src/ is listed; every listed code is emitted by its stage; every docs anchor
 * names a heading that exists; the JSON schemas refuse an unlisted code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES_FILE, ROOT, headingsOf, readMessages, renderCodesModule } from '../../scripts/messages.js';
import { MESSAGE_CODES, messageList } from '../../src/messages.js';
import { ConflictSchema, WarningSchema } from '../../src/types.js';

const SRC = path.join(ROOT, 'src');
const GENERATED = path.join(ROOT, CODES_FILE);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(?:ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.mts') && p !== GENERATED ? [p] : [];
  });
}
const files = sourceFiles(SRC).map((p) => ({ rel: path.relative(SRC, p).split(path.sep).join('/'), text: readFileSync(p, 'utf8') }));
/** The stage folder of a src file, or null for a shared base module (src/*.ts). */
const stageOf = (rel: string) => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : null);

describe('message list', () => {
  const list = messageList();

  it(`${CODES_FILE} is generated from the list and current (npx vite-node npm run generate)`, () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderCodesModule(readMessages()));
    expect(list.map((m) => m.code)).toEqual([...MESSAGE_CODES]);
  });

  it('every code a src file emits is listed', () => {
    const listed = new Set<string>(MESSAGE_CODES);
    const emitted = new Map<string, string>();
    // a warning or conflict literal, and an OmlError thrown with a code
    for (const f of files) {
      for (const m of f.text.matchAll(/\bcode: '([A-Z][A-Z0-9_]{1,40})'/g)) emitted.set(m[1]!, f.rel);
      for (const m of f.text.matchAll(/\bOmlError\('([A-Z][A-Z0-9_]{1,40})'/g)) emitted.set(m[1]!, f.rel);
    }
    expect(emitted.size).toBeGreaterThan(30);
    const unlisted = [...emitted].filter(([c]) => !listed.has(c)).map(([c, f]) => `${c} (${f})`);
    expect(unlisted, 'codes emitted but not in data/messages.yaml').toEqual([]);
  });

  it('every listed code is emitted by its stage (or a shared base module)', () => {
    const missing: string[] = [];
    for (const m of list) {
      // emitted: a property value (`code: 'X'`, a table of codes) or an OmlError thrown with it; a comparison or a set of codes to look for does not count
      const emits = new RegExp(`(?:[\\w'"-]: |OmlError\\()'${m.code}'`);
      const where = files.filter((f) => emits.test(f.text)).map((f) => stageOf(f.rel));
      if (!where.length) missing.push(`${m.code}: in no src file`);
      else if (!where.some((s) => s === null || s === m.stage)) missing.push(`${m.code}: not in src/${m.stage}/ (found in ${[...new Set(where)].join(', ')})`);
    }
    expect(missing).toEqual([]);
  });

  it('every docs anchor names a heading of an existing file', () => {
    const cache = new Map<string, Map<string, string>>();
    const broken = list.filter((m) => {
      const [file, anchor] = m.docs.split('#') as [string, string];
      if (!existsSync(path.join(ROOT, file))) return true;
      if (!cache.has(file)) cache.set(file, headingsOf(file));
      return !cache.get(file)!.has(anchor);
    }).map((m) => `${m.code}: ${m.docs}`);
    expect(broken).toEqual([]);
  });

  it('warnings and conflicts accept listed codes of their kind only', () => {
    const kindOf = new Map(list.map((m) => [m.code, m.kind]));
    expect(WarningSchema.safeParse({ code: 'UNEXPLAINED_CHANGE', message: 'm', path: 'LICENSE', line: 3 }).success).toBe(true);
    expect(WarningSchema.safeParse({ code: 'TOO_LARGE', message: 'm' }).success).toBe(true);
    expect(WarningSchema.safeParse({ code: 'UNEXPLAINED_CHANGES', message: 'm' }).success).toBe(false);
    expect(WarningSchema.safeParse({ code: 'BASE_LICENSE_CONFLICT', message: 'm' }).success).toBe(false);
    for (const [code, kind] of kindOf) {
      expect(ConflictSchema.safeParse({ code, message: 'm' }).success, code).toBe(kind === 'conflict');
      expect(WarningSchema.safeParse({ code, message: 'm' }).success, code).toBe(kind !== 'conflict');
    }
  });
});
