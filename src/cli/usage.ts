/**
 * Usage text: the global overview (`oml --help`) and one page per command
 * (`oml COMMAND --help`), each with examples. A usage error prints one line
 * naming the flag or argument and exits 2.
 */
import { oneLine } from '../report/escape.js';

export type Command = 'analyze' | 'check' | 'lock' | 'survey';

export const VERDICT_LIST = 'allowed|allowed-with-obligations|license-required|prohibited|unknown';

const ANALYZE = `Usage:
  oml analyze PATH... [--profile FILE] [--json] [--quiet|--verbose] [--fail-on VERDICTS]
          [--max-file-size BYTES] [--max-total-size BYTES] [--online|--offline] [--cache-dir DIR]
          [--result-cache]
      Identify the license of files, model folders and model cards, extract its terms,
      place it on the openness spectrum and (with --profile) judge commercial use.
      PATH '-' reads one text from stdin (shown as <stdin>, bounded by --max-file-size).
      hf:ORG/NAME[@REV] (or a bare ORG/NAME that is no local path) names a Hub model:
      read from the cache, or fetched with --online.

Options:
  --profile FILE       who is shipping (users, revenue, territories, activities): gives a verdict
  --json               one JSON object per subject (schema/analysis.schema.json)
  --quiet              only the headline line of each subject (and its NEEDS REVIEW caution)
  --verbose            also the full evidence sentence of every term and the openness reasons
  --fail-on VERDICTS   exit 1 when a subject's verdict is one of VERDICTS (needs --profile), a comma
                       list of ${VERDICT_LIST};
                       'unknown' also matches a license text oml did not recognise
  --online, --offline, --cache-dir DIR    Hub access (see README, Models by id)
  --max-file-size BYTES, --max-total-size BYTES    override the read limits
  --result-cache       keep analyses across runs in your cache folder (OML_RESULT_CACHE_DIR),
                       which must be writable by you only

Examples:
  oml analyze LICENSE
  oml analyze models/my-model --profile profile.yaml
  cat LICENSE | oml analyze - --quiet
  oml analyze models/* --profile profile.yaml --fail-on prohibited,license-required,unknown
  oml analyze hf:meta-llama/Llama-3.1-8B --online --json

Exit codes: 0 analysed, 1 a verdict named by --fail-on, 2 usage or input error.
`;

const CHECK = `Usage:
  oml check [DIR] [--config FILE] [--format text|json|markdown|sarif|cyclonedx] [--output FILE]
          [--quiet|--verbose] [--max-file-size BYTES] [--max-total-size BYTES]
          [--online|--offline] [--locked] [--cache-dir DIR]
      CI gate: vet every model under DIR (default .) against the policy in
      DIR/oml.config.yaml (or --config FILE). The text report's first line says
      PASS or FAIL and why; every path in it is relative to DIR. Colour on a
      terminal only (NO_COLOR, FORCE_COLOR).

Options:
  --config FILE        the policy (default DIR/oml.config.yaml; none: the default policy)
  --format FORMAT      text (default), json, markdown, sarif or cyclonedx
  --output FILE, -o    write the report atomically to FILE; the result line goes to stderr
  --quiet              only the first line: PASS or FAIL and why (text format)
  --verbose            also full quotes, the profile, the fix of every warning and how each
                       model reference was found (text format)
  --online             resolve referenced model ids on the Hugging Face Hub (HF_ENDPOINT, HF_TOKEN)
  --locked             judge referenced models from oml.lock (with --online: license-drift on change)
  --offline, --cache-dir DIR    Hub access (see README, Models by id)
  --max-file-size BYTES, --max-total-size BYTES    override the config's limits (see README, Limits)

Examples:
  oml check
  oml check examples/demo-repo
  oml check . --quiet
  oml check . --format sarif --output oml.sarif
  oml check . --online --locked

Exit codes: 0 pass, 1 policy failure, 2 usage, config or input error.
`;

const LOCK = `Usage:
  oml lock [DIR] [--config FILE] [--offline] [--cache-dir DIR] [--max-file-size BYTES] [--max-total-size BYTES]
      Resolve every Hub model DIR references (online unless --offline) and write
      DIR/oml.lock: revision sha, license, document hashes, tier and verdict.

Examples:
  oml lock
  oml lock examples/demo-repo --offline

Exit codes: 0 every referenced model locked, 1 some could not be (listed on stderr), 2 usage or input error.
`;

export const SURVEY_USAGE = `Usage:
  oml survey INPUT... [--format markdown|csv|json|html] [--output FILE]
          [--by country,year,publisher,license,tier] [--workers N] [--max-file-size BYTES]
      Openness of a whole ecosystem by origin and year. INPUT is a Hugging Face Hub
      listing (JSON Lines of model objects, .jsonl), a folder of model cards or model
      folders, or an Epoch AI models CSV (.csv). --by picks the grouping of the main
      table (default country,year,tier). HTML is one self-contained page with charts.

Examples:
  oml survey hub-models.jsonl
  oml survey cards/ --by publisher,tier --format html --output survey.html
  oml survey epoch-models.csv --format csv

Exit codes: 0 surveyed, 2 usage or input error (also when some inputs could not be surveyed).
`;

export const COMMAND_USAGE: Record<Command, string> = { analyze: ANALYZE, check: CHECK, lock: LOCK, survey: SURVEY_USAGE };

export const USAGE = `Usage:
  oml analyze PATH... [--profile FILE] [--json] [--quiet|--verbose] [--fail-on VERDICTS]
      Identify a model's license, extract its terms, place it on the openness spectrum
      and (with --profile) judge commercial use. PATH '-' reads stdin; hf:ORG/NAME a Hub model.
  oml check [DIR] [--config FILE] [--format text|json|markdown|sarif|cyclonedx] [--output FILE]
      CI gate: vet every model under DIR against the policy in oml.config.yaml.
  oml lock [DIR] [--config FILE] [--offline] [--cache-dir DIR]
      Resolve the Hub models DIR references and write DIR/oml.lock.
  oml survey INPUT... [--format markdown|csv|json|html] [--output FILE] [--by DIMS]
      Openness of an ecosystem by origin and year (Hub listings, card folders, Epoch AI CSV).
  oml --version

'oml COMMAND --help' shows a command's options and examples.
Exit codes: 0 pass, 1 policy violation, 2 usage or input error.
`;

/** A usage error: one line on stderr naming the flag or argument, exit code 2. */
export function usageError(cmd: string, message: string): 2 {
  const help = cmd ? `oml ${cmd} --help` : 'oml --help';
  process.stderr.write(`oml${cmd ? ` ${cmd}` : ''}: ${oneLine(message)} (${help} for usage)\n`);
  return 2;
}

/** `oml COMMAND --help`: the command's usage on stdout, exit 0. */
export function printHelp(cmd: Command): 0 {
  process.stdout.write(COMMAND_USAGE[cmd]);
  return 0;
}

/** Does argv ask for help (before any other parsing, so a bad flag beside --help still gets help)? */
export function wantsHelp(argv: string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}
