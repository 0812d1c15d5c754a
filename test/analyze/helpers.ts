import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
export const CORPUS = resolve(REPO, '../shared/corpus');
export const corpusLicense = (name: string) => join(CORPUS, 'licenses', name);
export const corpusCard = (name: string) => join(CORPUS, 'model-cards', name);

/** A temporary model folder: files copied from the corpus at test time, or written inline by us. */
export function modelFolder(files: Record<string, { corpus: string } | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oml-model-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, spec] of Object.entries(files)) {
    if (typeof spec === 'string') writeFileSync(join(dir, name), spec);
    else cpSync(join(CORPUS, spec.corpus), join(dir, name));
  }
  return dir;
}

export const STARTUP = {
  monthlyActiveUsers: 2_500_000,
  monthlyRevenue: { amount: 400_000, currency: 'USD' },
  territories: ['US'],
  activities: ['serve', 'fine-tune'] as Array<'serve' | 'fine-tune'>,
};
