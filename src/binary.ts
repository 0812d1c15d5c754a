/**
 * Binary helpers shared by the catalog loader and identification (a base
 * module: imports nothing from the layers).
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Little-endian uint32 values of a byte buffer (a typed-array copy on
 * little-endian machines, byte by byte otherwise).
 */
export function readUint32LE(buf: Buffer): Uint32Array {
  const out = new Uint32Array(buf.length >>> 2);
  if (LITTLE_ENDIAN && buf.byteOffset % 4 === 0) out.set(new Uint32Array(buf.buffer, buf.byteOffset, out.length));
  else for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

/** base64 -> Uint32Array (the inverse of encodeShingles in identify/fingerprint.ts). */
export function decodeShingles(b64: string): Uint32Array {
  return readUint32LE(Buffer.from(b64, 'base64'));
}
