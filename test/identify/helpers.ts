import path from 'node:path';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus/licenses');
export const HAVE_CORPUS = existsSync(CORPUS);

export function corpusFiles(): string[] {
  return readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
}

export function readCorpus(file: string): string {
  return readFileSync(path.join(CORPUS, file), 'utf8');
}

export interface Expectation { id: string; family: string; version: string | null; match: string }

export function expectations(): Record<string, Expectation> {
  const doc = parse(readFileSync(path.join(ROOT, 'test/expectations/identify.yaml'), 'utf8')) as { files: Record<string, Expectation> };
  return doc.files;
}
