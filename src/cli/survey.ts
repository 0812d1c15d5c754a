/**
 * `oml survey INPUT... [--format markdown|csv|json|html] [--output FILE] [--by DIMS] [--workers N]`
 * Exit codes: 0 surveyed; 2 usage or input error (also when some lines or
 * models of an input could not be surveyed: the report lists them).
 */
import { readArgs } from './args.js';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { isOmlError } from '../errors.js';
import { DEFAULT_BY, parseDimensions, runSurvey, type Dimension, type SurveyResult } from '../survey/index.js';
import { clean } from '../survey/escape.js';
import { renderSurveyCsv } from '../survey/render-csv.js';
import { renderSurveyHtml } from '../survey/render-html.js';
import { renderSurveyMarkdown } from '../survey/render-markdown.js';
import { LIMIT_OPTIONS, limitsFromFlags } from './limit-flags.js';
import { SURVEY_USAGE } from './usage.js';


const FORMATS = ['markdown', 'csv', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];
/** Redraw the progress bar every this many records. */
const PROGRESS_EVERY = 500;

async function render(r: SurveyResult, format: Format): Promise<string> {
  switch (format) {
    case 'json': return `${JSON.stringify(r, null, 2)}\n`;
    case 'csv': return renderSurveyCsv(r);
    case 'html': return renderSurveyHtml(r);
    default: return renderSurveyMarkdown(r);
  }
}

function progressBar(): { update: (n: number, input: string) => void; stop: () => void } | null {
  if (!process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar({
    stream: process.stderr, format: 'oml survey | {value} models | {input}', hideCursor: true, clearOnComplete: true, fps: 5,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(n, input) {
      if (!started) { bar.start(0, 0, { input }); started = true; }
      if (n % PROGRESS_EVERY === 0) bar.update(n, { input });
    },
    stop() { if (started) bar.stop(); },
  };
}

export async function runSurveyCommand(argv: string[]): Promise<number> {
  const read = readArgs(argv, {
    format: { type: 'string', default: 'markdown' },
    output: { type: 'string', short: 'o' },
    by: { type: 'string' },
    workers: { type: 'string' },
    ...LIMIT_OPTIONS,
  });
  if (read.error !== undefined) {
    process.stderr.write(`oml survey: ${read.error}\n\n${SURVEY_USAGE}`);
    return 2;
  }
  const args = read.args;
  const format = args.values.format as Format;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`oml survey: --format must be one of ${FORMATS.join(', ')}, got '${args.values.format}'\n`);
    return 2;
  }
  let by: Dimension[] = DEFAULT_BY;
  if (args.values.by !== undefined) {
    try { by = parseDimensions(args.values.by); } catch (e) {
      process.stderr.write(`oml survey: --by: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let workers = availableParallelism();
  if (args.values.workers !== undefined) {
    const w = Number(args.values.workers);
    if (!/^\d+$/.test(args.values.workers) || w > 64) {
      process.stderr.write(`oml survey: --workers must be an integer from 0 to 64, got '${args.values.workers}'\n`);
      return 2;
    }
    workers = w;
  }
  const parsed = limitsFromFlags(args.values);
  if ('error' in parsed) { process.stderr.write(`oml survey: ${parsed.error}\n`); return 2; }
  if (!args.positionals.length) { process.stderr.write(`oml survey: no INPUT given\n\n${SURVEY_USAGE}`); return 2; }

  const bar = progressBar();
  let result: SurveyResult;
  try {
    result = await runSurvey(args.positionals, { by, limits: parsed.limits, workers, onProgress: bar?.update });
  } catch (e) {
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml survey: error [${e.code}] ${e.message}\n`);
    return 2;
  } finally {
    bar?.stop();
  }
  const text = await render(result, format);
  if (args.values.output) {
    try {
      await writeFile(args.values.output, text);
    } catch (e) {
      process.stderr.write(`oml survey: cannot write --output ${args.values.output}: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`oml survey: ${result.total} models; ${format} report written to ${args.values.output}\n`);
  } else {
    process.stdout.write(text);
  }
  // problem messages quote the input (a bad line): control characters never reach the terminal
  for (const p of result.problems.listed) process.stderr.write(`oml survey: ${clean(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`)}\n`);
  if (result.problems.count > result.problems.listed.length) process.stderr.write(`oml survey: ... ${result.problems.count - result.problems.listed.length} more problems (see the report)\n`);
  return result.problems.count ? 2 : 0;
}
