import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource, readSourceSync } from '../../src/read/file.js';
import { OmlError } from '../../src/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oml-read-'));
  writeFileSync(join(dir, 'LICENSE'), 'Acme License\r\n\r\nUse it well.\r\n');
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(5000));
  mkdirSync(join(dir, 'sub'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejectCode(p: Promise<unknown>): Promise<OmlError> {
  try { await p; } catch (e) { if (e instanceof OmlError) return e; throw e; }
  throw new Error('expected rejection');
}
function throwCode(fn: () => unknown): OmlError {
  try { fn(); } catch (e) { if (e instanceof OmlError) return e; throw e; }
  throw new Error('expected throw');
}

describe('readSource / readSourceSync', () => {
  it('reads and decodes a file', async () => {
    const p = join(dir, 'LICENSE');
    const a = await readSource(p);
    expect(a.text).toBe('Acme License\n\nUse it well.\n');
    expect(a.path).toBe(p);
    expect(readSourceSync(p)).toEqual(a);
  });

  it('maps a missing path to ENOENT naming the path', async () => {
    const p = join(dir, 'nope.txt');
    const e = await rejectCode(readSource(p));
    expect(e.code).toBe('ENOENT');
    expect(e.message).toContain(p);
    expect(throwCode(() => readSourceSync(p)).code).toBe('ENOENT');
  });

  it('refuses a directory passed as a file', async () => {
    const p = join(dir, 'sub');
    const e = await rejectCode(readSource(p));
    expect(e.code).toBe('USAGE');
    expect(e.message).toContain(p);
    expect(e.message).toMatch(/directory/);
    expect(throwCode(() => readSourceSync(p)).code).toBe('USAGE');
  });

  it('refuses an oversize file from stat, before reading', async () => {
    const p = join(dir, 'big.txt');
    const e = await rejectCode(readSource(p, { maxFileBytes: 1000 }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toContain('5000');
    expect(e.message).toContain('1000');
    expect(throwCode(() => readSourceSync(p, { maxFileBytes: 1000 })).code).toBe('TOO_LARGE');
  });

  it.skipIf(process.getuid?.() === 0)('maps an unreadable file to EACCES', async () => {
    const p = join(dir, 'secret.txt');
    writeFileSync(p, 'hidden');
    chmodSync(p, 0o000);
    expect((await rejectCode(readSource(p))).code).toBe('EACCES');
  });
});
