import { OmlError } from '../errors.js';
import { withLimits, type Limits } from '../limits.js';
import type { SourceText, Warning } from '../types.js';

/**
 * bytes -> text. Detects UTF-8 (with or without BOM) and UTF-16 LE/BE (BOM, or
 * BOM-less by the NUL pattern), replaces invalid UTF-8 with U+FFFD (warning
 * INVALID_UTF8), refuses binary, oversize and empty input, and normalizes
 * CRLF / lone CR to LF.
 */

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

const CR = /\r\n?/g;
const NON_SPACE = /\S/;
/** Share of control characters (outside tab/LF/CR/FF/VT/ESC) above which text is taken as binary. */
const CONTROL_SHARE = 0.1;
/** How many characters are sampled for the control-character check. */
const CONTROL_SAMPLE = 65536;
/** Bytes sampled for BOM-less UTF-16 detection. */
const UTF16_SAMPLE = 4096;

function detectBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Latin text in UTF-16: one byte of each pair is NUL, the other almost never.
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** A control character real text files do not hold (every C0 control but tab, LF, VT, FF, CR, ESC; and DEL). */
const BAD_CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

function controlShare(text: string): number {
  const n = Math.min(text.length, CONTROL_SAMPLE);
  if (n === 0) return 0;
  // most texts have none: one native scan answers that (the loop below counts them when there are)
  if (!BAD_CONTROL.test(n === text.length ? text : text.slice(0, n))) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      // tab, LF, VT, FF, CR, ESC are seen in real text files
      if (c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) bad++;
    } else if (c === 0x7f) bad++;
  }
  return bad / n;
}

function countSeq(bytes: Uint8Array, a: number, b: number, c: number): number {
  let count = 0;
  let i = bytes.indexOf(a);
  while (i !== -1 && i + 2 < bytes.length) {
    if (bytes[i + 1] === b && bytes[i + 2] === c) count++;
    i = bytes.indexOf(a, i + 1);
  }
  return count;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  let i = text.indexOf('\n');
  while (i !== -1 && i < index) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}

function decodeUtf8(bytes: Uint8Array, path: string, warnings: Warning[]): string {
  try {
    return UTF8_FATAL.decode(bytes);
  } catch {
    const text = UTF8_LOSSY.decode(bytes);
    // U+FFFD already present in the input (EF BF BD) is not an error.
    let total = 0;
    let first = -1;
    let i = text.indexOf('\uFFFD');
    while (i !== -1) {
      if (first === -1) first = i;
      total++;
      i = text.indexOf('\uFFFD', i + 1);
    }
    const count = Math.max(1, total - countSeq(bytes, 0xef, 0xbf, 0xbd));
    const line = first === -1 ? 1 : lineOf(text, first);
    warnings.push({
      code: 'INVALID_UTF8',
      message: `${path}: ${count} invalid UTF-8 byte sequence(s) replaced with U+FFFD (first on line ${line})`,
      path,
      line,
    });
    return text;
  }
}

export function decodeBytes(bytes: Uint8Array, path: string, limits?: Partial<Limits>): SourceText {
  const lim = withLimits(limits);
  if (bytes.length > lim.maxFileBytes) {
    throw new OmlError('TOO_LARGE', `file is ${bytes.length} bytes, over the limit of ${lim.maxFileBytes} bytes (maxFileBytes)`, { file: path });
  }
  if (bytes.length === 0) throw new OmlError('EMPTY', 'file is empty', { file: path });

  const warnings: Warning[] = [];
  let encoding: string;
  let text: string;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeUtf8(bytes.subarray(3), path, warnings);
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    text = UTF16LE.decode(bytes.subarray(2));
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    text = UTF16BE.decode(bytes.subarray(2));
  } else {
    const nul = bytes.indexOf(0);
    const utf16 = nul === -1 ? null : detectBomlessUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = (utf16 === 'utf-16le' ? UTF16LE : UTF16BE).decode(bytes);
    } else {
      if (nul !== -1) throw new OmlError('BINARY', `file looks binary (NUL byte at offset ${nul})`, { file: path });
      encoding = 'utf-8';
      text = decodeUtf8(bytes, path, warnings);
    }
  }

  if (encoding.startsWith('utf-16')) {
    if (bytes.length % 2 === 1) {
      warnings.push({ code: 'INVALID_UTF16', message: `${path}: odd number of bytes for ${encoding}; last byte replaced`, path });
    }
    const nul = text.indexOf('\0');
    if (nul !== -1) throw new OmlError('BINARY', `file looks binary (NUL character at offset ${nul} in ${encoding} text)`, { file: path });
  }
  const share = controlShare(text);
  if (share > CONTROL_SHARE) {
    throw new OmlError('BINARY', `file looks binary (${Math.round(share * 100)}% control characters)`, { file: path });
  }
  if (text.indexOf('\r') !== -1) text = text.replace(CR, '\n');
  if (!NON_SPACE.test(text)) throw new OmlError('EMPTY', 'file is empty or whitespace only', { file: path });
  return { path, text, encoding, bytes: bytes.length, warnings };
}
