/**
 * The reports kept as golden files: every model of examples/ and a spread of
 * corpus licenses (permissive, Apache, community licenses with thresholds,
 * modified MIT, RAIL-style use restrictions, research and non-commercial).
 */
import { join } from 'node:path';

export const PROFILE = 'examples/profile.yaml';
export const CORPUS_DIR = '../shared/corpus/licenses';

export interface GoldenCase {
  /** Golden file stem (test/golden/<name>.txt, <name>.profile.txt). */
  name: string;
  /** The PATH given to `oml analyze`, relative to the repository root. */
  path: string;
}

const EXAMPLES = ['examples/acme-model', 'examples/demo-repo/models/chat', 'examples/demo-repo/models/vision-research'];

const CORPUS = [
  'deepseek-r1-mit.txt',
  'gpt-oss-apache-2.0.txt',
  'llama-3.1-community-license.txt',
  'gemma-terms-of-use-2025-03-24.txt',
  'kimi-k2-modified-mit.txt',
  'deepseek-license-1.0.txt',
  'qwen-research-license.txt',
  'flux-1-dev-non-commercial-1.1.1.txt',
  'creativeml-openrail-m.txt',
  'stability-ai-community-license-2024-07-05.txt',
];

export const CASES: GoldenCase[] = [
  ...EXAMPLES.map((path) => ({ name: path.replace(/\//g, '--'), path })),
  ...CORPUS.map((file) => ({ name: `corpus--${file.replace(/\.txt$/, '')}`, path: join(CORPUS_DIR, file) })),
];
