import { parseArgs } from 'node:util';
import { analyzePaths } from '../analyze/index.js';
import { isOmlError } from '../errors.js';
import { renderAnalysisText } from '../report/analysis-text.js';
import type { Profile } from '../types.js';
import { loadProfile } from './profile.js';
import { USAGE } from './usage.js';

export async function runAnalyze(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        profile: { type: 'string' },
        'max-file-size': { type: 'string' },
      },
    });
  } catch (e) {
    process.stderr.write(`oml analyze: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const paths = args.positionals;
  if (paths.length === 0) {
    process.stderr.write(`oml analyze: no PATH given\n\n${USAGE}`);
    return 2;
  }
  let profile: Profile | undefined;
  const limits: { maxFileBytes?: number } = {};
  try {
    if (args.values.profile) profile = await loadProfile(args.values.profile);
  } catch (e) {
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml analyze: ${e.message}\n`);
    return 2;
  }
  const mfs = args.values['max-file-size'];
  if (mfs !== undefined) {
    const n = Number(mfs);
    if (!Number.isInteger(n) || n <= 0) {
      process.stderr.write(`oml analyze: --max-file-size must be a positive integer number of bytes, got '${mfs}'\n`);
      return 2;
    }
    limits.maxFileBytes = n;
  }
  const { results, errors } = await analyzePaths(paths, { profile, limits });
  if (args.values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(results.map(renderAnalysisText).join('\n'));
  for (const e of errors) process.stderr.write(`oml analyze: error [${e.code}] ${e.message}\n`);
  return errors.length ? 2 : 0;
}
