/**
 * `oml analyze PATH... [--profile FILE] [--json] [--quiet|--verbose] [--fail-on VERDICTS]`
 * Exit codes: 0 analysed; 1 a subject has a verdict named by --fail-on; 2 usage or input error.
 */
import { readArgs } from './args.js';
import { analyzePaths } from '../analyze/paths.js';
import { compactJson } from '../analyze/dedupe.js';
import type { AnalyzeOptions } from '../analyze/options.js';
import { OmlError, isOmlError } from '../errors.js';
import { withLimits } from '../limits.js';
import { ReadBudget } from '../read/budget.js';
import type { Detail } from '../report/analysis-text.js';
import { oneLine } from '../report/escape.js';
import type { Analysis, Profile, Verdict } from '../types.js';
import { analyzeArguments } from './analyze-hub.js';
import { colourEnabled, painter } from './colour.js';
import { parseFailOn } from './fail-on.js';
import { HUB_OPTIONS } from './hub-flags.js';
import { hubUrlHint } from './hub-hint.js';
import { LIMIT_OPTIONS, limitsFromFlags } from './limit-flags.js';
import { loadProfile } from './profile.js';
import { analyzePathsPooled, poolSize, workersSetting } from './pool-run.js';
import { STDIN_ARG, readStdinSource } from './stdin.js';
import { usageError } from './usage.js';
import { openedResultCache } from './result-cache.js';

type Result = { results: Analysis[]; errors: OmlError[] };

/** analyzePaths, with PATH `-` read from stdin (in the order of the arguments). */
async function analyzeLocal(paths: string[], opts: AnalyzeOptions): Promise<Result> {
  if (!paths.includes(STDIN_ARG)) {
    const workers = poolSize(paths, opts);
    return (workers > 0 ? await analyzePathsPooled(paths, opts, workers) : null) ?? analyzePaths(paths, opts);
  }
  const run = { ...opts, budget: opts.budget ?? new ReadBudget(withLimits(opts.limits).maxTotalBytes) };
  const out: Result = { results: [], errors: [] };
  for (const p of paths) {
    if (p !== STDIN_ARG) {
      const r = await analyzePaths([p], run);
      out.results.push(...r.results);
      out.errors.push(...r.errors);
      if (r.errors.some((e) => e.code === 'LIMIT')) break;
      continue;
    }
    try {
      const { analyzeText } = await import('../analyze/pipeline.js');
      out.results.push(analyzeText(await readStdinSource(run.limits, run.budget), run));
    } catch (e) {
      if (!isOmlError(e)) throw e;
      out.errors.push(e);
      if (e.code === 'LIMIT') break;
    }
  }
  return out;
}

/** JSON.stringify(results) and a newline, as bytes: each result's compact JSON from the same-text memo when it made it (dedupe.ts). */
function compactArray(results: Analysis[]): Buffer {
  const pieces: Buffer[] = [Buffer.from('[')];
  const comma = Buffer.from(',');
  results.forEach((a, i) => {
    if (i > 0) pieces.push(comma);
    pieces.push(...compactJson(a));
  });
  pieces.push(Buffer.from(']\n'));
  return Buffer.concat(pieces);
}

export async function runAnalyze(argv: string[]): Promise<number> {
  const read = readArgs(argv, {
    json: { type: 'boolean', default: false },
    profile: { type: 'string' },
    quiet: { type: 'boolean', short: 'q', default: false },
    verbose: { type: 'boolean', default: false },
    'fail-on': { type: 'string' },
    'result-cache': { type: 'boolean', default: false },
    ...LIMIT_OPTIONS,
    ...HUB_OPTIONS,
  });
  if (read.error !== undefined) {
    return usageError('analyze', read.error);
  }
  const args = read.args;
  const v = args.values;
  const paths = args.positionals;
  if (paths.length === 0) return usageError('analyze', "no PATH given ('-' reads stdin)");
  const empty = paths.findIndex((p) => p.trim() === '');
  if (empty >= 0) return usageError('analyze', `PATH ${empty + 1}: empty path`);
  if (paths.filter((p) => p === STDIN_ARG).length > 1) return usageError('analyze', "PATH '-' (stdin) given more than once");
  if (v.profile !== undefined && v.profile.trim() === '') return usageError('analyze', '--profile: empty path');
  if (v.quiet && v.verbose) return usageError('analyze', '--quiet and --verbose exclude each other');
  if (v.json && (v.quiet || v.verbose)) return usageError('analyze', `--${v.quiet ? 'quiet' : 'verbose'} shapes the text report: not with --json`);
  let failOn: Set<Verdict> | undefined;
  if (v['fail-on'] !== undefined) {
    const f = parseFailOn(v['fail-on']);
    if ('error' in f) return usageError('analyze', f.error);
    if (v.profile === undefined) return usageError('analyze', '--fail-on judges commercial-use verdicts, which need --profile FILE');
    failOn = f.verdicts;
  }
  const parsed = limitsFromFlags(v);
  if ('error' in parsed) return usageError('analyze', parsed.error);
  const workers = workersSetting();
  if (typeof workers === 'object') return usageError('analyze', workers.error);
  let profile: Profile | undefined;
  let resultCache: string | undefined;
  try {
    if (v.profile) profile = await loadProfile(v.profile);
    if (v['result-cache']) resultCache = openedResultCache();
  } catch (e) {
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml analyze: ${oneLine(e.message)}\n`);
    return 2;
  }
  const { results, errors } = await analyzeArguments(paths, v, { profile, limits: parsed.limits, ...(resultCache ? { resultCache } : {}) }, analyzeLocal);
  // indented for a person at a terminal, compact for a pipe or a file (same content: README "oml analyze")
  if (v.json && process.stdout.isTTY === true) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else if (v.json) process.stdout.write(compactArray(results));
  else {
    const detail: Detail = v.quiet ? 'quiet' : v.verbose ? 'verbose' : 'normal';
    const paint = painter(colourEnabled(process.stdout.isTTY === true));
    // the text report (and its wording) is loaded only when it is printed
    const { renderAnalysisText } = await import('../report/analysis-text.js');
    process.stdout.write(results.map((a) => renderAnalysisText(a, { detail, paint })).join(detail === 'quiet' ? '' : '\n'));
  }
  for (const e of errors) {
    process.stderr.write(`oml analyze: error [${e.code}] ${oneLine(e.message)}\n`);
    const hint = e.code === 'ENOENT' && e.file ? hubUrlHint(e.file) : null;
    if (hint) process.stderr.write(`oml analyze: hint: ${oneLine(hint)}\n`);
  }
  if (errors.length) return 2;
  if (failOn) {
    const { failing } = await import('./fail-on-judge.js');
    const bad = failing(results, failOn);
    for (const { analysis, matched } of bad) {
      const why = matched.map((m) => (m === 'unknown' && analysis.commercialUse?.verdict !== 'unknown' ? 'unknown (license text not recognised: needs review)' : m));
      process.stderr.write(`oml analyze: --fail-on: ${oneLine(analysis.subject.path)}: ${why.join(', ')}\n`);
    }
    if (bad.length) return 1;
  }
  return 0;
}
