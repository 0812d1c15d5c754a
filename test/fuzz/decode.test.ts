import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { guarded, params, timeout } from './helpers.js';

const CODES = ['BINARY', 'TOO_LARGE', 'EMPTY'] as const;
const FILE = 'fuzz/LICENSE';

const utf16 = (s: string, be: boolean): Uint8Array => {
  const b = Buffer.from(s, 'utf16le');
  if (be) b.swap16();
  return b;
};

/** Byte inputs: raw bytes, BOM-prefixed bytes, UTF-16 (with and without BOM), CR/LF-heavy text. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb], []), fc.uint8Array({ maxLength: 512 }))
    .map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), fc.boolean())
    .map(([s, be, bom]) => Uint8Array.from([...(bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : []), ...utf16(s, be)])),
  fc.array(fc.constantFrom('a', ' ', '\r', '\n', '\r\n', '\t', '\u00e9', '\ufffd', '\u0001'), { maxLength: 300 })
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
);

describe('fuzz: decodeBytes', () => {
  it('returns clean text or throws a coded OmlError naming the file', () => {
    fc.assert(
      fc.property(bytes, fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }), (b, maxFileBytes) => {
        const src = guarded(() => decodeBytes(b, FILE, maxFileBytes ? { maxFileBytes } : undefined), FILE, CODES);
        if (!src) return;
        expect(src.path).toBe(FILE);
        expect(src.bytes).toBe(b.length);
        expect(src.text).not.toContain('\r');
        expect(src.text.trim()).not.toBe('');
        expect(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be']).toContain(src.encoding);
        if (maxFileBytes) expect(b.length).toBeLessThanOrEqual(maxFileBytes);
        for (const w of src.warnings) expect(w.message).toContain(FILE);
      }),
      params(400),
    );
  }, timeout(20000));

  it('round-trips UTF-8 text (apart from CR normalization and a leading BOM)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (s) => {
        const src = guarded(() => decodeBytes(Buffer.from(s, 'utf8'), FILE), FILE, CODES);
        if (src && src.encoding === 'utf-8') expect(src.text).toBe(s.replace(/\r\n?/g, '\n'));
      }),
      params(300),
    );
  }, timeout(20000));

  it('handles a 4 MB file of one line, and of CRs, in time', () => {
    for (const fill of ['a', '\r', '\ufffd']) {
      const b = Buffer.from(fill.repeat(Math.floor((4 * 1024 * 1024) / Buffer.byteLength(fill))), 'utf8');
      guarded(() => decodeBytes(b, FILE), FILE, CODES);
    }
    // and a huge file with invalid UTF-8 everywhere (the warning scan must stay linear)
    const bad = Buffer.alloc(4 * 1024 * 1024, 0xc3);
    const src = guarded(() => decodeBytes(bad, FILE), FILE, CODES);
    expect(src?.warnings[0]?.code).toBe('INVALID_UTF8');
  });
});
