import { parseArgs } from 'node:util';
import { analyzePaths } from '../analyze/index.js';
import { isOmlError } from '../errors.js';
import { renderAnalysisText } from '../report/analysis-text.js';
import type { Profile } from '../types.js';
import { loadProfile } from './profile.js';
import { oneLine } from '../report/escape.js';
import { usageError } from './usage.js';
import { LIMIT_OPTIONS, limitsFromFlags } from './limit-flags.js';
import { HUB_OPTIONS } from './hub-flags.js';
import { analyzeArguments } from './analyze-hub.js';

export async function runAnalyze(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        profile: { type: 'string' },
        ...LIMIT_OPTIONS,
        ...HUB_OPTIONS,
      },
    });
  } catch (e) {
    return usageError('analyze', (e as Error).message);
  }
  const paths = args.positionals;
  if (paths.length === 0) return usageError('analyze', 'no PATH given');
  const empty = paths.findIndex((p) => p.trim() === '');
  if (empty >= 0) return usageError('analyze', `PATH ${empty + 1}: empty path`);
  if (args.values.profile !== undefined && args.values.profile.trim() === '') return usageError('analyze', '--profile: empty path');
  let profile: Profile | undefined;
  try {
    if (args.values.profile) profile = await loadProfile(args.values.profile);
  } catch (e) {
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml analyze: ${oneLine(e.message)}\n`);
    return 2;
  }
  const parsed = limitsFromFlags(args.values);
  if ('error' in parsed) return usageError('analyze', parsed.error);
  const { limits } = parsed;
  const { results, errors } = await analyzeArguments(paths, args.values, { profile, limits }, analyzePaths);
  if (args.values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(results.map(renderAnalysisText).join('\n'));
  for (const e of errors) process.stderr.write(`oml analyze: error [${e.code}] ${oneLine(e.message)}\n`);
  return errors.length ? 2 : 0;
}
