/**
 * The `oml check` text reports kept as golden files: the example repositories
 * and small repositories written for these tests (test/golden/check-repos:
 * all passing, a user cap crossed, an unrecognised text that prohibits under
 * `unknown: warn`, many failures, a hostile card field, a waiver).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckDetail } from '../../src/report/check-text.js';

export const CHECK_REPOS = 'test/golden/check-repos';

export interface CheckGoldenCase {
  /** Golden file stem (test/golden/check/<name>.txt). */
  name: string;
  /** The DIR given to `oml check`, relative to the repository root. */
  dir: string;
  detail: CheckDetail;
}

const stem = (dir: string) => dir.replace(/^test\/golden\//, '').replace(/\//g, '--');

export function checkCases(repo: string): CheckGoldenCase[] {
  const dirs = ['examples/demo-repo', 'examples/acme-model', ...readdirSync(join(repo, CHECK_REPOS)).sort().map((d) => `${CHECK_REPOS}/${d}`)];
  return [
    ...dirs.map((dir) => ({ name: stem(dir), dir, detail: 'normal' as const })),
    ...(['quiet', 'verbose'] as const).map((detail) => ({ name: `${stem('examples/demo-repo')}.${detail}`, dir: 'examples/demo-repo', detail })),
  ];
}
