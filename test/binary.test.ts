/** readUint32LE: the same values from an aligned buffer (read as a view) and an unaligned one (copied). */
import { expect, test } from 'vitest';
import { readUint32LE } from '../src/binary.js';

test('aligned and unaligned buffers give the same little-endian values', () => {
  const values = [0, 1, 0xdeadbeef, 0xffffffff, 0x01020304];
  const bytes = Buffer.alloc(values.length * 4 + 3);
  values.forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
  const aligned = Buffer.from(new Uint8Array(bytes.subarray(0, values.length * 4 + 2)).buffer);
  expect(aligned.byteOffset % 4).toBe(0);
  expect([...readUint32LE(aligned)]).toEqual(values);
  const shifted = Buffer.alloc(values.length * 4 + 1);
  const unaligned = shifted.subarray(1);
  values.forEach((v, i) => unaligned.writeUInt32LE(v, i * 4));
  expect(unaligned.byteOffset % 4).not.toBe(0);
  expect([...readUint32LE(unaligned)]).toEqual(values);
});
