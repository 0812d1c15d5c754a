import { oneLine } from '../report/escape.js';

export const USAGE = `Usage:
  oml analyze PATH... [--json] [--profile FILE] [--max-file-size BYTES] [--max-total-size BYTES]
      Identify the license of files, model folders and model cards, extract its terms,
      place it on the openness spectrum and (with --profile) judge commercial use.
  oml check [DIR] [--config FILE] [--format text|json|markdown|sarif|cyclonedx] [--output FILE]
          [--max-file-size BYTES] [--max-total-size BYTES] [--online|--offline] [--locked] [--cache-dir DIR]
      CI gate: vet every model under DIR against the policy in oml.config.yaml.
      Limit flags override the config's limits: (see README, Limits).
      --online resolves referenced model ids on the Hugging Face Hub (HF_ENDPOINT, HF_TOKEN);
      --locked judges them from oml.lock (with --online: fails with license-drift when a license changed).
  oml lock [DIR] [--config FILE] [--offline] [--cache-dir DIR]
      Resolve the Hub models DIR references and write DIR/oml.lock (revision sha, license, document hashes).
  oml analyze hf:ORG/NAME[@REV] --online
      Analyse a model on the Hub (a bare ORG/NAME too, when no such path exists); cached by commit sha.
  oml survey INPUT... [--format markdown|csv|json|html] [--output FILE] [--by DIMS]
      Openness of an ecosystem by origin and year (Hub listings, card folders, Epoch AI CSV).

Exit codes: 0 pass, 1 policy violation, 2 usage or input error.
`;

/** A usage error: one line on stderr naming the flag or argument, exit code 2. */
export function usageError(cmd: string, message: string): 2 {
  process.stderr.write(`oml${cmd ? ` ${cmd}` : ''}: ${oneLine(message)} (oml --help for usage)\n`);
  return 2;
}
