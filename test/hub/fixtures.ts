/**
 * Replayed Hub models for the tests. Cards are our own short texts; license
 * texts are read at test time from ../shared/corpus (never copied into the repo).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusLicense } from '../analyze/helpers.js';
import type { ReplayModel } from './replay-server.js';

export const text = (name: string) => readFileSync(corpusLicense(name), 'utf8');

function card(meta: Record<string, unknown>, body = 'A test model.'): string {
  const yaml = Object.entries(meta).map(([k, v]) => `${k}: ${Array.isArray(v) ? `\n${v.map((x) => `  - ${x}`).join('\n')}` : v}`).join('\n');
  return `---\n${yaml}\n---\n\n# Model\n\n${body}\n`;
}

function model(repo: string, meta: Record<string, unknown>, files: Record<string, string> = {}, extra: Partial<ReplayModel> = {}): ReplayModel {
  return { repo, files: { 'README.md': card(meta), 'config.json': '{}', ...files }, cardData: meta, ...extra };
}

/** Ten models: permissive ones, a Llama-licensed one, a fine-tune of it, a merge of two, a non-commercial one, a gated one, a flaky one and a renamed one (the missing one is simply absent). */
export function replayModels(): ReplayModel[] {
  return [
    model('acme-labs/tiny-mit', { license: 'mit' }, { LICENSE: text('deepseek-r1-mit.txt') }),
    model('acme-labs/apache-model', { license: 'apache-2.0' }, { LICENSE: text('grok-1-apache-2.0.txt') }),
    model('llamaish/base-3.1', { license: 'llama3.1' }, { LICENSE: text('llama-3.1-community-license.txt'), 'USE_POLICY.md': text('llama-3.1-acceptable-use-policy.txt') }),
    // a fine-tune that declares Apache-2.0 on a Llama base: the base's terms still apply (only the Hub knows this base)
    model('acme-labs/chat-finetune', { license: 'apache-2.0', base_model: 'llamaish/base-3.1', base_model_relation: 'finetune' }),
    model('acme-labs/merged', { license: 'mit', base_model: ['acme-labs/tiny-mit', 'acme-labs/apache-model'], base_model_relation: 'merge' }),
    model('acme-labs/nc-model', { license: 'other' }, { LICENSE: text('flux-1-dev-non-commercial-1.1.1.txt') }),
    model('gated-org/gated-model', { license: 'apache-2.0' }, { LICENSE: text('grok-1-apache-2.0.txt') }, { gated: 'manual' }),
    model('acme-labs/flaky', { license: 'mit' }, { LICENSE: text('deepseek-r1-mit.txt') }, { fault: 'rate-limit-once' }),
    model('acme-labs/renamed-new', { license: 'apache-2.0' }, { LICENSE: text('grok-1-apache-2.0.txt') }),
  ];
}

/** The ten ids the test repository references (acme-labs/renamed-old redirects; acme-labs/missing does not exist). */
export const REFERENCED = [
  'acme-labs/tiny-mit', 'acme-labs/apache-model', 'llamaish/base-3.1', 'acme-labs/chat-finetune', 'acme-labs/merged',
  'acme-labs/nc-model', 'gated-org/gated-model', 'acme-labs/flaky', 'acme-labs/renamed-old', 'acme-labs/missing',
];

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Runs the CLI in-process with the given environment; returns exit code and output. */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.js');
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) { saved[k] = process.env[k]; if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  let stdout = '';
  let stderr = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((c: string | Uint8Array) => { stdout += String(c); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => { stderr += String(c); return true; }) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}
