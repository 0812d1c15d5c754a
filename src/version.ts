/** The package version, read once from the package root's package.json (the one source of it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

let cached: string | null = null;

export function packageVersion(): string {
  if (cached) return cached;
  const pj = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pj.version !== 'string' || pj.version === '') throw new Error('open-model-license: package.json has no version');
  return (cached = pj.version);
}
