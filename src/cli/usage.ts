import { oneLine } from '../report/escape.js';

export const USAGE = `Usage:
  oml analyze PATH... [--json] [--profile FILE] [--max-file-size BYTES] [--max-total-size BYTES]
      Identify the license of files, model folders and model cards, extract its terms,
      place it on the openness spectrum and (with --profile) judge commercial use.
  oml check [DIR] [--config FILE] [--format text|json|markdown|sarif] [--output FILE]
          [--max-file-size BYTES] [--max-total-size BYTES]
      CI gate: vet every model under DIR against the policy in oml.config.yaml.
      Limit flags override the config's limits: (see README, Limits).

Exit codes: 0 pass, 1 policy violation, 2 usage or input error.
`;

/** A usage error: one line on stderr naming the flag or argument, exit code 2. */
export function usageError(cmd: string, message: string): 2 {
  process.stderr.write(`oml${cmd ? ` ${cmd}` : ''}: ${oneLine(message)} (oml --help for usage)\n`);
  return 2;
}
