/**
 * `oml check [DIR] [--config FILE] [--format text|json|markdown|sarif|cyclonedx] [--output FILE] [--quiet|--verbose]`
 * Exit codes: 0 pass, 1 policy failure, 2 usage/config/input error.
 */
import { readArgs } from './args.js';
import { relative, resolve } from 'node:path';
import { toPosix } from '../paths.js';
import { LIMIT_OPTIONS, limitsFromFlags } from './limit-flags.js';
import { isOmlError } from '../errors.js';
import { oneLine } from '../report/escape.js';
import { checkDirectory } from '../policy/run.js';
import type { CheckReport } from '../policy/report-schema.js';
import { renderCheckJson } from '../report/check-json.js';
import { renderCheckMarkdown } from '../report/check-markdown.js';
import { renderCheckSarif } from '../report/check-sarif.js';
import { checkHeadline, renderCheckText, type CheckDetail } from '../report/check-text.js';
import { colourEnabled, painter } from './colour.js';
import { HUB_OPTIONS, type HubFlagValues } from './hub-flags.js';
import { renderCycloneDx } from './check-bom.js';
import { isInput, outputProblem, writeAtomic } from './output.js';
import { usageError } from './usage.js';
import { packageVersion } from '../version.js';

const FORMATS = ['text', 'json', 'markdown', 'sarif', 'cyclonedx'] as const;
type Format = (typeof FORMATS)[number];

/** Progress on stderr: only on a TTY and for more than this many models. */
const PROGRESS_MIN_MODELS = 20;

/** The Hub flags of oml check (--online, --offline, --locked, --cache-dir). */
function hubCheckOptions(v: HubFlagValues & { locked?: boolean }) {
  return { online: v.online, offline: v.offline, locked: v.locked, cacheDir: v['cache-dir'] };
}

function render(report: CheckReport, format: Exclude<Format, 'cyclonedx'>, dir: string, detail: CheckDetail, colour: boolean): string {
  switch (format) {
    case 'json':
      return renderCheckJson(report);
    case 'markdown':
      return renderCheckMarkdown(report);
    case 'sarif': {
      // SARIF URIs are relative to the repository root; assume it is the working directory.
      const rel = toPosix(relative(process.cwd(), resolve(dir)));
      return renderCheckSarif(report, { uriPrefix: rel && !rel.startsWith('..') ? rel : undefined });
    }
    default:
      return renderCheckText(report, { detail, paint: painter(colour) });
  }
}

/** The one line that says how the check went and why (the text report's first line; stderr beside --output). */
const resultLine = (report: CheckReport): string => oneLine(checkHeadline(report));

export async function runCheck(argv: string[]): Promise<number> {
  const read = readArgs(argv, {
    config: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q', default: false },
    verbose: { type: 'boolean', default: false },
    ...LIMIT_OPTIONS,
    ...HUB_OPTIONS,
    locked: { type: 'boolean', default: false },
  });
  if (read.error !== undefined) {
    return usageError('check', read.error);
  }
  const args = read.args;
  if (args.positionals.length > 1) return usageError('check', `expected at most one DIR, got ${args.positionals.length}`);
  if (args.positionals[0] !== undefined && args.positionals[0].trim() === '') return usageError('check', "DIR: empty path (use '.' for the current directory)");
  if (args.values.config !== undefined && args.values.config.trim() === '') return usageError('check', '--config: empty path');
  const format = args.values.format as Format;
  if (!FORMATS.includes(format)) return usageError('check', `--format: expected one of ${FORMATS.join('|')}, got '${args.values.format}'`);
  if (args.values.quiet && args.values.verbose) return usageError('check', '--quiet and --verbose exclude each other');
  if (args.values.quiet && format !== 'text') return usageError('check', `--quiet prints the result line of the text report: not with --format ${format}`);
  if (args.values.verbose && format !== 'text') return usageError('check', `--verbose shapes the text report: not with --format ${format}`);
  const detail: CheckDetail = args.values.quiet ? 'quiet' : args.values.verbose ? 'verbose' : 'normal';
  const parsed = limitsFromFlags(args.values);
  if ('error' in parsed) return usageError('check', parsed.error);
  const output = args.values.output;
  if (output !== undefined) {
    const why = outputProblem(output);
    if (why) return usageError('check', `--output ${JSON.stringify(output)}: ${why}`);
  }
  const dir = args.positionals[0] ?? '.';
  const inputs = new Set<string>();
  const tty = process.stderr.isTTY === true;
  let progressShown = false;
  let report: CheckReport;
  try {
    report = await checkDirectory(dir, {
      config: args.values.config,
      version: packageVersion(),
      limits: parsed.limits,
      hub: hubCheckOptions(args.values),
      inputs,
      onProgress: tty
        ? (done, total, id) => {
            if (total <= PROGRESS_MIN_MODELS) return;
            progressShown = true;
            process.stderr.write(`\r\x1b[2K[${done + 1}/${total}] ${oneLine(id)}`.slice(0, 200));
          }
        : undefined,
    });
  } catch (e) {
    if (progressShown) process.stderr.write('\r\x1b[2K');
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml check: error [${e.code}] ${oneLine(e.message)}\n`);
    return 2;
  }
  if (progressShown) process.stderr.write('\r\x1b[2K');
  let text: string;
  try {
    // colour only on a terminal (never in a file written with --output), as NO_COLOR/FORCE_COLOR say
    const colour = output === undefined && colourEnabled(process.stdout.isTTY === true);
    // --quiet shortens what stdout shows; a report written with --output is whole (its first line goes to stderr)
    const shown: CheckDetail = output !== undefined && detail === 'quiet' ? 'normal' : detail;
    text = format === 'cyclonedx' ? await renderCycloneDx(report) : render(report, format, dir, shown, colour);
  } catch (e) {
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml check: error [${e.code}] ${oneLine(e.message)}\n`);
    return 2;
  }
  if (output !== undefined) {
    if (isInput(output, inputs)) return usageError('check', `--output ${JSON.stringify(output)}: is a file this run read as input: refused`);
    const late = outputProblem(output); // re-checked: the scan may have taken a while
    if (late) return usageError('check', `--output ${JSON.stringify(output)}: ${late}`);
    try {
      await writeAtomic(output, text);
    } catch (e) {
      process.stderr.write(`oml check: cannot write --output ${JSON.stringify(output)}: ${oneLine((e as Error).message)}\n`);
      return 2;
    }
    process.stderr.write(`${resultLine(report)}; ${format} report written to ${JSON.stringify(output)}\n`);
  } else {
    process.stdout.write(text);
  }
  return report.result === 'pass' ? 0 : 1;
}
