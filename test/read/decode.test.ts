import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { OmlError } from '../../src/errors.js';

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) { out[0] = le ? 0xff : 0xfe; out[1] = le ? 0xfe : 0xff; o = 2; }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[o + 2 * i] = le ? c & 0xff : c >> 8;
    out[o + 2 * i + 1] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

function error(fn: () => unknown): OmlError {
  try { fn(); } catch (e) { if (e instanceof OmlError) return e; throw e; }
  throw new Error('expected an OmlError');
}

const TEXT = 'Acme Model License\n\nYou may use the Acme model “as is”.\n';

describe('decodeBytes', () => {
  it('decodes plain UTF-8', () => {
    const s = decodeBytes(utf8(TEXT), 'LICENSE');
    expect(s).toMatchObject({ path: 'LICENSE', text: TEXT, encoding: 'utf-8', warnings: [] });
    expect(s.bytes).toBe(utf8(TEXT).length);
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    const s = decodeBytes(bytes, 'LICENSE');
    expect(s.encoding).toBe('utf-8-bom');
    expect(s.text).toBe(TEXT);
    expect(s.text.charCodeAt(0)).toBe(0x41);
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    const le = decodeBytes(utf16(TEXT, true, true), 'a.txt');
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(TEXT);
    const be = decodeBytes(utf16(TEXT, false, true), 'b.txt');
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(TEXT);
  });

  it('detects BOM-less UTF-16 by its NUL pattern', () => {
    const le = decodeBytes(utf16('Acme license text, version 1.0\n', true, false), 'a.txt');
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe('Acme license text, version 1.0\n');
    const be = decodeBytes(utf16('Acme license text, version 1.0\n', false, false), 'b.txt');
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe('Acme license text, version 1.0\n');
  });

  it('replaces invalid UTF-8 with U+FFFD and warns with count and first line', () => {
    const bytes = new Uint8Array([...utf8('line one\nline two '), 0xff, 0xfe, ...utf8(' end\nthree '), 0xc3, ...utf8('\n')]);
    const s = decodeBytes(bytes, 'bad.txt');
    expect(s.text).toContain('\uFFFD');
    expect(s.warnings).toHaveLength(1);
    const w = s.warnings[0]!;
    expect(w).toMatchObject({ code: 'INVALID_UTF8', path: 'bad.txt', line: 2 });
    expect(w.message).toContain('bad.txt');
  });

  it('does not count a literal U+FFFD in valid UTF-8 as invalid', () => {
    const s = decodeBytes(utf8('valid \uFFFD replacement char\n'), 'ok.txt');
    expect(s.warnings).toEqual([]);
  });

  it('refuses binary data (fake PNG header with NUL bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    const e = error(() => decodeBytes(png, 'weights.png'));
    expect(e.code).toBe('BINARY');
    expect(e.message).toContain('weights.png');
  });

  it('refuses text dominated by control characters', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(error(() => decodeBytes(bytes, 'x.bin')).code).toBe('BINARY');
  });

  it('refuses a file over maxFileBytes, naming size and limit', () => {
    const e = error(() => decodeBytes(utf8(TEXT), 'big.txt', { maxFileBytes: 10 }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toContain('big.txt');
    expect(e.message).toContain(String(utf8(TEXT).length));
    expect(e.message).toContain('10');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(error(() => decodeBytes(new Uint8Array(0), 'empty.txt')).code).toBe('EMPTY');
    const e = error(() => decodeBytes(utf8(' \n\t\r\n  \n'), 'blank.txt'));
    expect(e.code).toBe('EMPTY');
    expect(e.message).toContain('blank.txt');
    expect(error(() => decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]), 'bom-only.txt')).code).toBe('EMPTY');
  });

  it('normalizes CRLF and lone CR to LF', () => {
    const s = decodeBytes(utf8('one\r\ntwo\rthree\r\n\r\nfour'), 'crlf.txt');
    expect(s.text).toBe('one\ntwo\nthree\n\nfour');
    const u = decodeBytes(utf16('a\r\nb\r\n', true, true), 'crlf16.txt');
    expect(u.text).toBe('a\nb\n');
  });
});
