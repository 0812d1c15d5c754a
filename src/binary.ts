/**
 * Binary helpers shared by the catalog loader and identification (a base
 * module: imports nothing from the layers).
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Little-endian uint32 values of a byte buffer: on little-endian machines a view of the buffer's
 * own bytes when it is 4-byte aligned (no copy: the SPDX shingle and template streams are a few MB
 * each, read at every start-up), else a copy (byte by byte on big-endian machines). The
 * values share memory with `buf`: the caller hands over a buffer it no longer writes.
 */
export function readUint32LE(buf: Buffer): Uint32Array {
  const n = buf.length >>> 2;
  if (LITTLE_ENDIAN) {
    return buf.byteOffset % 4 === 0
      ? new Uint32Array(buf.buffer, buf.byteOffset, n)
      : new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + n * 4));
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

/** base64 -> Uint32Array (the inverse of encodeShingles in identify/fingerprint.ts). */
export function decodeShingles(b64: string): Uint32Array {
  return readUint32LE(Buffer.from(b64, 'base64'));
}
