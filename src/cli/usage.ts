export const USAGE = `Usage:
  oml analyze PATH... [--json] [--profile FILE] [--max-file-size BYTES] [--max-total-size BYTES]
      Identify the license of files, model folders and model cards, extract its terms,
      place it on the openness spectrum and (with --profile) judge commercial use.
  oml check [DIR] [--config FILE] [--format text|json|markdown|sarif] [--output FILE]
          [--max-file-size BYTES] [--max-total-size BYTES]
      CI gate: vet every model under DIR against the policy in oml.config.yaml.
      Limit flags override the config's limits: (see README, Limits).
  oml survey INPUT... [--format markdown|csv|json|html] [--output FILE] [--by DIMS]
      Openness of an ecosystem by origin and year (Hub listings, card folders, Epoch AI CSV).

Exit codes: 0 pass, 1 policy violation, 2 usage or input error.
`;
