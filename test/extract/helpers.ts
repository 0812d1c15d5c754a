import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlain } from '../../src/parse/plain.js';
import type { ParsedDocument } from '../../src/types.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.resolve(REPO, '../shared/corpus');

export function docOf(text: string, p = 'test.txt'): ParsedDocument {
  return parsePlain({ path: p, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });
}

export function corpusText(rel: string): string {
  return readFileSync(path.join(CORPUS, rel), 'utf8').replace(/\r\n/g, '\n');
}
